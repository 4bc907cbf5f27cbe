"""The payment sandbox: hosted pages that behave like Assist's, mounted at ``/pay`` (R-PAY-2/3).

Flow: ``GET /pay/?Merchant_ID=…&Checkvalue=…`` (the request is checked: signature, known order,
same amount) → e-mail (skipped when given) → method (Samsung Pay / Google Pay / Apple Pay explain
they work in a browser or on a phone; the card; a ONECLICK card) → card form (live checks in the
page, every check again here) → ONECLICK offer for a card used before → 3-D Secure code → the
answer is pushed to the order through billing (idempotent) → result page with the order and
payment numbers and the 54-FZ receipt → «Вернуться» to ``URL_RETURN_OK``/``URL_RETURN_NO`` with
``OrderNumber`` and ``Billnumber``.

Language: the pay request's ``Language=en`` makes every page of the order English (anything else
Russian, :func:`.texts.language_of`); it is kept in the signed form token (:class:`.flow.Flow`),
so later posts cannot change it.

Card numbers and CVCs live only in the request that carries them: nothing stores or logs them;
a remembered card is a random token and its last four digits (:mod:`.store`). Test cards and the
3-D Secure code: docs/payment-sandbox.md and :mod:`.cards`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from annet_contract.schema import OrderState

from . import cards, checkvalue, flow, gateway, links, pages, store, texts
from .cards import CardError, Outcome
from .flow import BadToken, Flow

log = logging.getLogger(__name__)

router = APIRouter()

REQUIRED_FIELDS = ("Merchant_ID", "OrderNumber", "OrderAmount", "OrderCurrency", "Checkvalue")

_SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    ),
}


def _html(text: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(text, status_code=status, headers=dict(_SECURITY_HEADERS))


def _state(request: Request) -> Any:
    return request.app.state.annet


def _secret(request: Request) -> bytes:
    """The key of the form tokens (derived from the server secret; not the merchant secret)."""
    return bytes(_state(request).flow_secret)


def _today(request: Request) -> Any:
    return _state(request).clock.now().date()


@contextmanager
def _db(request: Request) -> Iterator[Session]:
    state = _state(request)
    store.ensure_table(state.engine)
    db: Session = state.sessionmaker()
    try:
        yield db
        db.commit()
    except BaseException:
        db.rollback()
        raise
    finally:
        db.close()


def _refused(key: str, lang: str, status: int, **params: object) -> HTMLResponse:
    return _html(pages.refused_page(texts.text(key, lang, **params), lang=lang), status)


def _info(order: gateway.OrderView) -> pages.OrderInfo:
    return pages.OrderInfo(order_number=order.order_number, amount=order.amount)


def _bad_token(lang: str = "ru") -> HTMLResponse:
    return _refused("refused.stale", lang, 400)


# --------------------------------------------------------------------------- entry


@router.get("/", response_class=HTMLResponse)
def pay_request(request: Request) -> Response:
    """The pay request: check it, then the first page of the flow."""
    q = request.query_params
    lang = texts.language_of(q.get("Language"))
    missing = [name for name in REQUIRED_FIELDS if not q.get(name)]
    if missing:
        return _refused("refused.missing", lang, 400, fields=", ".join(missing))
    fields = {name: q.get(name, "") for name in checkvalue.SIGNED_FIELDS}
    if not checkvalue.verify(fields, q.get("Checkvalue"), _state(request).secret):
        return _refused("refused.checkvalue", lang, 403)
    if fields["Merchant_ID"] != checkvalue.MERCHANT_ID or fields["OrderCurrency"] != "RUB":
        return _refused("refused.merchant", lang, 403)
    public_url = _state(request).public_url
    if not all(
        links.return_url_allowed(fields[name], public_url) for name in ("URL_RETURN_OK", "URL_RETURN_NO")
    ):
        return _refused("refused.return_url", lang, 403)
    with _db(request) as db:
        order = gateway.find_order(db, fields["OrderNumber"])
        if order is None:
            return _refused("refused.no_order", lang, 404)
        if checkvalue.format_amount(order.amount) != fields["OrderAmount"]:
            return _refused("refused.amount", lang, 403)
        state = Flow(
            order=order.order_number,
            account=order.account,
            email=fields["Email"],
            ok_url=fields["URL_RETURN_OK"],
            no_url=fields["URL_RETURN_NO"],
            lang=lang,
        )
        if order.state is not OrderState.PENDING:
            return _to_result(request, state)
        if not state.email:
            token = flow.dump(state.next(step="email"), _secret(request))
            return _html(pages.email_page(_info(order), token, lang=lang))
        return _method(request, db, order, state.next(step="method"))


def _method(
    request: Request, db: Session, order: gateway.OrderView, state: Flow, *, wallet: str = "", error: str = ""
) -> HTMLResponse:
    quick = [(c.token, c.last4) for c in store.oneclick_cards(db, order.account)]
    token = flow.dump(state.next(step="method"), _secret(request))
    return _html(
        pages.method_page(_info(order), token, wallet=wallet, oneclick=quick, error=error, lang=state.lang)
    )


def _step(request: Request, form: dict[str, str], *steps: str) -> Flow:
    state = flow.load(form.get("t"), _secret(request))
    if state.step not in steps:
        raise BadToken("wrong step", state.lang)
    return state


def _pending(db: Session, state: Flow) -> gateway.OrderView | None:
    return gateway.find_order(db, state.order)


Handler = Callable[[Request, Session, gateway.OrderView, Flow, dict[str, str]], Response]


async def _post(request: Request, steps: tuple[str, ...], handler: Handler) -> Response:
    form = await links.read_form(request)
    try:
        state = _step(request, form, *steps)
    except BadToken as err:
        return _bad_token(err.lang)
    with _db(request) as db:
        order = _pending(db, state)
        if order is None or order.account != state.account:
            return _bad_token(state.lang)
        if order.state is not OrderState.PENDING:
            return _to_result(request, state)
        return handler(request, db, order, state, form)


# --------------------------------------------------------------------------- steps


def _email(
    request: Request, db: Session, order: gateway.OrderView, state: Flow, form: dict[str, str]
) -> Response:
    try:
        email = cards.clean_email(form.get("email", ""))
    except CardError as err:
        token = flow.dump(state, _secret(request))
        page = pages.email_page(
            _info(order),
            token,
            value=form.get("email", ""),
            error=err.message_in(state.lang),
            lang=state.lang,
        )
        return _html(page, 422)
    return _method(request, db, order, state.next(email=email))


@router.post("/email", response_class=HTMLResponse)
async def post_email(request: Request) -> Response:
    """Step 1 → 2: the e-mail for the notices."""
    return await _post(request, ("email",), _email)


def _choose(
    request: Request, db: Session, order: gateway.OrderView, state: Flow, form: dict[str, str]
) -> Response:
    method = form.get("method", "")
    if method == "card":
        token = flow.dump(state.next(step="card"), _secret(request))
        return _html(pages.card_page(_info(order), token, _today(request), lang=state.lang))
    return _method(request, db, order, state, wallet=method if method in pages.WALLETS else "")


@router.post("/method", response_class=HTMLResponse)
async def post_method(request: Request) -> Response:
    """Step 2: a wallet (explained) or the card form."""
    return await _post(request, ("method",), _choose)


def _card(
    request: Request, db: Session, order: gateway.OrderView, state: Flow, form: dict[str, str]
) -> Response:
    errors: dict[str, str] = {}
    number = ""
    checks: list[tuple[str, Callable[[], Any]]] = [
        ("number", lambda: cards.clean_number(form.get("number", ""))),
        ("expiry", lambda: cards.clean_expiry(form.get("expiry", ""), _today(request))),
        ("holder", lambda: cards.clean_holder(form.get("holder", ""))),
        ("cvc", lambda: cards.clean_cvc(form.get("cvc", ""))),
    ]
    for name, check in checks:
        try:
            value = check()
        except CardError as err:
            errors[name] = err.message_in(state.lang)
        else:
            if name == "number":
                number = value
    if errors:
        token = flow.dump(state, _secret(request))
        values = {"expiry": form.get("expiry", ""), "holder": form.get("holder", "")}
        page = pages.card_page(
            _info(order), token, _today(request), values=values, errors=errors, lang=state.lang
        )
        return _html(page, 422)
    outcome = cards.outcome_of(number)
    last4 = number[-4:]
    del number
    state = state.next(outcome=outcome.value, last4=last4)
    saved = store.find_by_last4(db, order.account, last4)
    if saved is not None and saved.oneclick is None:
        token = flow.dump(state.next(step="oneclick", card=saved.token), _secret(request))
        return _html(pages.oneclick_offer_page(_info(order), token, last4, lang=state.lang))
    return _bank(request, db, order, state)


@router.post("/card", response_class=HTMLResponse)
async def post_card(request: Request) -> Response:
    """Step 3: the card form, checked again here."""
    return await _post(request, ("card",), _card)


def _oneclick(
    request: Request, db: Session, order: gateway.OrderView, state: Flow, form: dict[str, str]
) -> Response:
    choice = form.get("choice")
    if choice not in ("yes", "no"):
        token = flow.dump(state, _secret(request))
        return _html(pages.oneclick_offer_page(_info(order), token, state.last4, lang=state.lang), 422)
    store.set_oneclick(db, order.account, state.card, choice == "yes")
    return _bank(request, db, order, state)


@router.post("/oneclick", response_class=HTMLResponse)
async def post_oneclick(request: Request) -> Response:
    """The answer to the ONECLICK offer."""
    return await _post(request, ("oneclick",), _oneclick)


def _oneclick_pay(
    request: Request, db: Session, order: gateway.OrderView, state: Flow, form: dict[str, str]
) -> Response:
    saved = store.find_by_token(db, order.account, form.get("card", ""))
    if saved is None or not saved.oneclick:
        return _method(request, db, order, state, error=texts.text("err.no_saved_card", state.lang))
    try:
        cards.clean_cvc(form.get("cvc", ""))
    except CardError as err:
        return _method(request, db, order, state, error=err.message_in(state.lang))
    return _bank(
        request, db, order, state.next(outcome=Outcome.APPROVED.value, last4=saved.last4, card=saved.token)
    )


@router.post("/oneclick-pay", response_class=HTMLResponse)
async def post_oneclick_pay(request: Request) -> Response:
    """Pay with a ONECLICK card: only the CVC2 is typed."""
    return await _post(request, ("method",), _oneclick_pay)


def _bank(request: Request, db: Session, order: gateway.OrderView, state: Flow) -> Response:
    """The sandbox bank answers for the card (or asks for 3-D Secure first)."""
    outcome = Outcome(state.outcome)
    if outcome is Outcome.THREE_DS:
        token = flow.dump(state.next(step="3ds"), _secret(request))
        return _html(pages.three_ds_page(_info(order), token, state.last4, lang=state.lang))
    return _finish(request, db, order, state, outcome)


def _finish(
    request: Request, db: Session, order: gateway.OrderView, state: Flow, outcome: Outcome
) -> Response:
    clock = _state(request).clock
    if outcome in (Outcome.APPROVED, Outcome.THREE_DS):
        result = gateway.confirm(db, clock, order.order_number, approved=True, reason=None)
        if result.state is OrderState.PAID and state.last4 and not state.card:
            store.remember(db, order.account, state.last4, clock.now())
    elif outcome is Outcome.TIMEOUT:
        gateway.confirm(
            db, clock, order.order_number, approved=False, reason=cards.TIMEOUT_REASON, timeout=True
        )
    else:
        gateway.confirm(db, clock, order.order_number, approved=False, reason=cards.DECLINE_REASON)
    log.info("sandbox order %s answered: %s", order.order_number, outcome.value)
    return _to_result(request, state)


def _three_ds(
    request: Request, db: Session, order: gateway.OrderView, state: Flow, form: dict[str, str]
) -> Response:
    code = form.get("code", "").strip()
    if cards.three_ds_code_ok(code) and store.wrong_codes(db, order.order_number) < cards.MAX_3DS_ATTEMPTS:
        return _finish(request, db, order, state, Outcome.APPROVED)
    attempts = store.count_wrong_code(db, order.order_number)
    if attempts >= cards.MAX_3DS_ATTEMPTS:
        clock = _state(request).clock
        gateway.confirm(db, clock, order.order_number, approved=False, reason=cards.WRONG_3DS_REASON)
        return _to_result(request, state)
    token = flow.dump(state, _secret(request))
    page = pages.three_ds_page(_info(order), token, state.last4, attempts=attempts, lang=state.lang)
    return _html(page, 422)


@router.post("/3ds", response_class=HTMLResponse)
async def post_three_ds(request: Request) -> Response:
    """The issuer's 3-D Secure code."""
    return await _post(request, ("3ds",), _three_ds)


# --------------------------------------------------------------------------- result and return


def _to_result(request: Request, state: Flow) -> Response:
    token = flow.dump(state.next(step="result"), _secret(request))
    return RedirectResponse(
        "result?" + urlencode({"t": token}), status_code=303, headers=dict(_SECURITY_HEADERS)
    )


@router.get("/result", response_class=HTMLResponse)
def get_result(request: Request, t: str = "") -> Response:
    """The result page of a finished order (its state is read from the order)."""
    try:
        state = flow.load(t, _secret(request))
    except BadToken as err:
        return _bad_token(err.lang)
    if state.step != "result":
        return _bad_token(state.lang)
    with _db(request) as db:
        order = gateway.find_order(db, state.order)
    if order is None or order.account != state.account:
        return _bad_token(state.lang)
    if order.state is OrderState.PENDING:
        return _refused("refused.pending", state.lang, 202)
    base = state.ok_url if order.state is OrderState.PAID else state.no_url
    return _html(
        pages.result_page(
            order, links.return_url(base, order.order_number, order.billnumber), lang=state.lang
        )
    )


@router.get("/return/ok", response_class=HTMLResponse)
def return_ok() -> Response:
    """URL_RETURN_OK opened in a browser."""
    return _html(pages.returned_page(True))


@router.get("/return/no", response_class=HTMLResponse)
def return_no() -> Response:
    """URL_RETURN_NO opened in a browser."""
    return _html(pages.returned_page(False))


__all__ = ["router"]
