"""CabinetClient: the typed Cabinet API client (one requests.Session, one method per endpoint).

Manners, in one place: a total deadline per call (15 s: connect, answer and body, retries
included) on top of connect/read timeouts (5 s / 30 s), retries with backoff for idempotent GETs
only and only when no answer was being waited for (a refused or dropped connection, a body cut
short, 502/503/504 — never a read timeout), a fresh ``Idempotency-Key`` on every change (or the
caller's, to repeat one safely), TLS verified, no redirects followed, a cap on the size of an
answer, and every failure mapped to the :mod:`~annet_desktop.api.errors` tree. How requests are
cut short is :mod:`~annet_desktop.api.transport`.

Not thread-safe, like the ``requests.Session`` it owns: the app's one API thread owns it
(``annet_desktop.worker``) — except :meth:`CabinetClient.abort` and :meth:`CabinetClient.interrupt`,
which other threads call to cut the request in flight short. ``thread_guard``, when set, is
called before every request so the app can assert that the GUI thread never touches the network.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any, TypeVar
from urllib.parse import quote

import requests
from pydantic import BaseModel, TypeAdapter, ValidationError

from annet_contract.schema import (
    API_PREFIX,
    BACKGROUND_HEADER,
    IDEMPOTENCY_HEADER,
    Account,
    BalanceEntry,
    BlockQuote,
    CallsPage,
    CallsSummary,
    CatalogItem,
    ContactsUpdate,
    CreditOut,
    DiscountOffers,
    DiscountTake,
    DiscountTaken,
    ErrorCode,
    FieldError,
    FirstCharge,
    Forecast,
    JournalEntry,
    Me,
    Page,
    PasswordChange,
    PaymentCreate,
    PaymentOrder,
    Receipt,
    Service,
    ServiceCreate,
    ServiceCreated,
    SessionCreate,
    SessionOut,
    TariffChange,
    TariffChangeQuote,
    TariffOptions,
    UnblockQuote,
)

from ..domain.urls import check_server_url
from . import errors
from .failures import from_response, no_answer, retryable
from .transport import MAX_BODY, Cut, CutShort, Transport

log = logging.getLogger(__name__)

M = TypeVar("M", bound=BaseModel)

#: (connect, read) seconds, per socket operation
DEFAULT_TIMEOUT = (5.0, 30.0)
#: seconds one call may take in all: connect, answer, body, retries and their pauses
DEFAULT_DEADLINE = 15.0
USER_AGENT = "AnnetDesktop/0.1"

_UNSET: Any = object()

_SERVICES = TypeAdapter(list[Service])
_CATALOG = TypeAdapter(list[CatalogItem])


def _segment(value: str | int) -> str:
    """One URL path segment, quoted so no input can change the path."""
    return quote(str(value), safe="")


class CabinetClient:
    """Typed access to the Cabinet API of one server for one subscriber session at a time."""

    def __init__(
        self,
        base_url: str,
        *,
        language: str = "ru",
        verify: bool | str = True,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
        deadline: float = DEFAULT_DEADLINE,
        retries: int = 3,
        backoff: float = 0.25,
        max_body: int = MAX_BODY,
        session: requests.Session | None = None,
    ) -> None:
        if base_url:
            check_server_url(base_url)  # never a refused address (plain http elsewhere than here)
        self.base_url = base_url.rstrip("/")
        self.language = language
        self.timeout = timeout
        self.deadline = deadline
        self.retries = max(1, retries)
        self.backoff = backoff
        self.token: str | None = None
        #: mark every request ``X-Annet-Background: 1`` (see :meth:`marked_background`)
        self.background = False
        self.thread_guard: Callable[[], None] | None = None
        self._transport = Transport(session, max_body)
        self._http = self._transport.http
        self._http.verify = verify
        self._http.trust_env = False  # no proxy or netrc surprises; explicit settings only
        self._http.headers.update(
            {"User-Agent": USER_AGENT, "Accept": "application/json", "Accept-Encoding": "gzip"}
        )

    # ------------------------------------------------------------------ plumbing

    def close(self) -> None:
        """Release the connection pool."""
        self._transport.close()

    def abort(self) -> None:
        """From any thread: fail the request in flight at once, and every later one (app closing)."""
        self._transport.abort()

    def interrupt(self) -> None:
        """From any thread: fail the GET in flight at once, and later GETs until :meth:`resume`."""
        self._transport.interrupt()

    def resume(self) -> None:
        """GETs may run again after :meth:`interrupt`."""
        self._transport.resume()

    @contextmanager
    def marked_background(self) -> Iterator[None]:
        """The calls made inside are marked as the app's own (a timed refresh): the server does
        not count them as the subscriber's activity, so they never keep an idle session alive."""
        before, self.background = self.background, True
        try:
            yield
        finally:
            self.background = before

    def _headers(self, idempotency_key: str | None) -> dict[str, str]:
        headers = {"Accept-Language": self.language}
        if self.background:
            headers[BACKGROUND_HEADER] = "1"
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        if idempotency_key:
            headers[IDEMPOTENCY_HEADER] = idempotency_key
        return headers

    def request(
        self,
        method: str,
        path: str,
        *,
        body: BaseModel | None = None,
        params: dict[str, Any] | None = None,
        idempotency_key: str | None = None,
    ) -> requests.Response:
        """Send one request and return the successful response, or raise an ``ApiError``.

        GETs are retried on a failed or dropped connection and on 502/503/504 with exponential
        backoff, within the call's deadline; any other method is sent once, with an
        ``Idempotency-Key`` (a new one unless given).
        """
        if self.thread_guard is not None:
            self.thread_guard()
        deadline = time.monotonic() + self.deadline
        idempotent = method == "GET"
        if not idempotent and idempotency_key is None:
            idempotency_key = str(uuid.uuid4())
        data = None
        headers = self._headers(idempotency_key)
        if body is not None:
            data = body.model_dump_json(exclude_unset=True).encode()
            headers["Content-Type"] = "application/json"
        url = f"{self.base_url}{API_PREFIX}{path}"
        attempts = self.retries if idempotent else 1
        what = f"{method} {path}"
        for attempt in range(1, attempts + 1):
            try:
                response = self._send(method, url, data, params, headers, deadline)
            except Exception as exc:
                if retryable(exc) and attempt < attempts and self._pause(attempt, deadline):
                    continue
                raise no_answer(exc, what) from None
            if response.status_code in (502, 503, 504) and attempt < attempts:
                if self._pause(attempt, deadline):
                    continue
            if 300 <= response.status_code < 400:
                # never followed: it could re-send the login to another host, or over http
                raise errors.BadResponse(status=response.status_code, debug=f"{what}: a redirect")
            if response.status_code >= 400:
                raise from_response(response, what)
            log.debug("%s → %s", what, response.status_code)
            return response
        raise AssertionError("unreachable")  # pragma: no cover

    def _send(
        self,
        method: str,
        url: str,
        data: bytes | None,
        params: dict[str, Any] | None,
        headers: dict[str, str],
        deadline: float,
    ) -> requests.Response:
        """One try: the response with its whole body read, under the call's deadline."""
        left = deadline - time.monotonic()
        if left <= 0:
            raise CutShort(Cut.DEADLINE)
        timeout = (min(self.timeout[0], left), min(self.timeout[1], left))
        with self._transport.watch(method, deadline):
            response = self._http.request(
                method, url, data=data, params=params, headers=headers, timeout=timeout,
                allow_redirects=False, stream=True,
            )  # fmt: skip
            try:
                self._transport.read_body(response)
            finally:
                response.close()
        return response

    def _pause(self, attempt: int, deadline: float) -> bool:
        """Wait before the next try; False when the deadline would pass first (no more tries)."""
        pause = self.backoff * (2 ** (attempt - 1))
        if time.monotonic() + pause >= deadline:
            return False
        time.sleep(pause)
        return True

    def _parse(self, model: type[M], response: requests.Response) -> M:
        try:
            return model.model_validate_json(response.content)
        except ValidationError as exc:
            raise errors.BadResponse(debug=f"{model.__name__}: {exc.error_count()} errors") from None

    def _parse_adapter(self, adapter: TypeAdapter[Any], response: requests.Response) -> Any:
        try:
            return adapter.validate_json(response.content)
        except ValidationError as exc:
            raise errors.BadResponse(debug=f"{adapter}: {exc.error_count()} errors") from None

    def _get(self, model: type[M], path: str, params: dict[str, Any] | None = None) -> M:
        return self._parse(model, self.request("GET", path, params=params))

    def _change(
        self,
        model: type[M],
        method: str,
        path: str,
        body: BaseModel | None = None,
        idempotency_key: str | None = None,
    ) -> M:
        response = self.request(method, path, body=body, idempotency_key=idempotency_key)
        return self._parse(model, response)

    @staticmethod
    def _acc(number: str) -> str:
        return f"/accounts/{_segment(number)}"

    # ------------------------------------------------------------------ session

    def login(self, account: str, password: str) -> SessionOut:
        """Open a session (R-LOGIN-1); the token is kept for the following calls."""
        try:
            body = SessionCreate(account=account, password=password)
        except ValidationError:
            raise errors.AuthFailed() from None  # a malformed number is just a wrong number
        out = self._change(SessionOut, "POST", "/session", body)
        self.token = out.token
        return out

    def logout(self) -> None:
        """Revoke the session on the server (best effort) and forget the token."""
        if not self.token:
            return
        try:
            self.request("DELETE", "/session")
        except (errors.SessionExpired, errors.NetworkError, errors.ServerError):
            pass
        finally:
            self.token = None

    # ------------------------------------------------------------------ subscriber

    def me(self) -> Me:
        return self._get(Me, "/me")

    def update_contacts(
        self,
        *,
        sms_phone: str | None = _UNSET,
        email: str | None = _UNSET,
        idempotency_key: str | None = None,
    ) -> Me:
        """Change the SMS number and/or e-mail; ``None`` clears one, an omitted one stays."""
        fields: dict[str, str | None] = {}
        if sms_phone is not _UNSET:
            fields["sms_phone"] = sms_phone
        if email is not _UNSET:
            fields["email"] = email
        return self._change(Me, "PUT", "/me/contacts", _body(ContactsUpdate, **fields), idempotency_key)

    def change_password(
        self, current_password: str, new_password: str, *, idempotency_key: str | None = None
    ) -> None:
        """Change the password (R-PWD); every other session of the subscriber is revoked.

        ``idempotency_key``: one per form submission (the caller keeps it for a retry of that
        submission), so a retry after a lost answer gets the first answer again instead of
        «wrong current password»; a fresh key when not given.
        """
        try:
            body = PasswordChange(current_password=current_password, new_password=new_password)
        except ValidationError:
            raise errors.ValidationFailed("Пароль не может быть пустым.", code=ErrorCode.VALIDATION) from None
        self.request("PUT", "/me/password", body=body, idempotency_key=idempotency_key)

    # ------------------------------------------------------------------ account

    def account(self, number: str) -> Account:
        return self._get(Account, self._acc(number))

    def forecast(self, number: str) -> Forecast:
        """The next charge, how long the money lasts and the coming events of the account."""
        return self._get(Forecast, f"{self._acc(number)}/forecast")

    def take_credit(self, number: str, idempotency_key: str | None = None) -> CreditOut:
        return self._change(CreditOut, "POST", f"{self._acc(number)}/credit", None, idempotency_key)

    # ------------------------------------------------------------------ services

    def services(self, number: str) -> list[Service]:
        return self._parse_adapter(_SERVICES, self.request("GET", f"{self._acc(number)}/services"))  # type: ignore[no-any-return]

    def catalog(self, number: str) -> list[CatalogItem]:
        return self._parse_adapter(_CATALOG, self.request("GET", f"{self._acc(number)}/catalog"))  # type: ignore[no-any-return]

    def first_charge(self, number: str, catalog_id: int, tariff_id: int) -> FirstCharge:
        path = (
            f"{self._acc(number)}/catalog/{_segment(catalog_id)}/tariffs/{_segment(tariff_id)}/first-charge"
        )
        return self._get(FirstCharge, path)

    def add_service(
        self, number: str, catalog_id: int, tariff_id: int, idempotency_key: str | None = None
    ) -> ServiceCreated:
        body = _body(ServiceCreate, catalog_id=catalog_id, tariff_id=tariff_id)
        return self._change(ServiceCreated, "POST", f"{self._acc(number)}/services", body, idempotency_key)

    def _svc(self, number: str, service_id: int) -> str:
        return f"{self._acc(number)}/services/{_segment(service_id)}"

    def tariffs(self, number: str, service_id: int) -> TariffOptions:
        return self._get(TariffOptions, f"{self._svc(number, service_id)}/tariffs")

    def change_tariff(
        self, number: str, service_id: int, tariff_id: int, idempotency_key: str | None = None
    ) -> Service:
        body = _body(TariffChange, tariff_id=tariff_id)
        return self._change(Service, "PUT", f"{self._svc(number, service_id)}/tariff", body, idempotency_key)

    def block(self, number: str, service_id: int, idempotency_key: str | None = None) -> Service:
        return self._change(Service, "POST", f"{self._svc(number, service_id)}/block", None, idempotency_key)

    def unblock(self, number: str, service_id: int, idempotency_key: str | None = None) -> Service:
        return self._change(
            Service, "DELETE", f"{self._svc(number, service_id)}/block", None, idempotency_key
        )

    # quotes (R-BILL-1): what the action will do to the money, asked before the user confirms it

    def tariff_quote(self, number: str, service_id: int, tariff_id: int) -> TariffChangeQuote:
        path = f"{self._svc(number, service_id)}/tariffs/{_segment(tariff_id)}/quote"
        return self._get(TariffChangeQuote, path)

    def block_quote(self, number: str, service_id: int) -> BlockQuote:
        return self._get(BlockQuote, f"{self._svc(number, service_id)}/block/quote")

    def unblock_quote(self, number: str, service_id: int) -> UnblockQuote:
        return self._get(UnblockQuote, f"{self._svc(number, service_id)}/unblock/quote")

    def discounts(self, number: str, service_id: int) -> DiscountOffers:
        return self._get(DiscountOffers, f"{self._svc(number, service_id)}/discounts")

    def take_discount(
        self, number: str, service_id: int, offer_id: int, idempotency_key: str | None = None
    ) -> DiscountTaken:
        body = _body(DiscountTake, offer_id=offer_id)
        return self._change(
            DiscountTaken, "POST", f"{self._svc(number, service_id)}/discount", body, idempotency_key
        )

    # ------------------------------------------------------------------ lists

    def balance_history(
        self, number: str, *, limit: int = 100, cursor: str | None = None
    ) -> Page[BalanceEntry]:
        params: dict[str, Any] = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        return self._get(Page[BalanceEntry], f"{self._acc(number)}/balance-history", params)

    def calls(
        self, number: str, year: int, month: int, *, limit: int = 25000, cursor: str | None = None
    ) -> CallsPage:
        params: dict[str, Any] = {"year": year, "month": month, "limit": limit}
        if cursor:
            params["cursor"] = cursor
        return self._get(CallsPage, f"{self._acc(number)}/calls", params)

    def calls_summary(self, number: str, year: int, month: int) -> CallsSummary:
        """The month's calls by zone and direction and 12 months of cost, summed by the server."""
        return self._get(CallsSummary, f"{self._acc(number)}/calls/summary", {"year": year, "month": month})

    def iter_calls(self, number: str, year: int, month: int, *, limit: int = 25000) -> Iterator[CallsPage]:
        """Every page of the month, in order."""
        cursor: str | None = None
        while True:
            page = self.calls(number, year, month, limit=limit, cursor=cursor)
            yield page
            cursor = page.next_cursor
            if not cursor:
                return

    def journal(self, *, limit: int = 100, cursor: str | None = None) -> Page[JournalEntry]:
        params: dict[str, Any] = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        return self._get(Page[JournalEntry], "/journal", params)

    # ------------------------------------------------------------------ payments

    def create_payment(
        self, number: str, amount: Decimal, idempotency_key: str | None = None
    ) -> PaymentOrder:
        """Create a payment order (R-PAY-1); open ``payment_url`` to pay it."""
        try:
            body = PaymentCreate(amount=amount)
        except ValidationError:
            raise errors.ValidationFailed("Неверная сумма платежа.", code=ErrorCode.PAYMENT_AMOUNT) from None
        return self._change(PaymentOrder, "POST", f"{self._acc(number)}/payments", body, idempotency_key)

    def payment(self, number: str, order_number: str) -> PaymentOrder:
        """The order's state as the server knows it: the only word on whether it was paid."""
        return self._get(PaymentOrder, f"{self._acc(number)}/payments/{_segment(order_number)}")

    def receipt(self, number: str, order_number: str) -> Receipt:
        """The 54-FZ receipt of a paid online payment (``NotFound`` for anything else)."""
        return self._get(Receipt, f"{self._acc(number)}/payments/{_segment(order_number)}/receipt")


def _body(model: type[M], **fields: Any) -> M:
    """A request body, or ``ValidationFailed`` with a message per field when a value cannot be sent."""
    try:
        return model(**fields)
    except ValidationError as exc:
        field_errors = [
            FieldError(field=".".join(str(p) for p in e["loc"]) or "body", message="Неверное значение.")
            for e in exc.errors()
        ]
        raise errors.ValidationFailed(
            "Проверьте введённые данные.", code=ErrorCode.VALIDATION, errors=field_errors
        ) from None
