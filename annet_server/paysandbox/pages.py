"""The HTML of the sandbox's hosted pages: Assist-like, server-rendered, every value escaped.

No template engine: each page is an f-string over values passed through :func:`esc`. The card
form's live checks are plain JavaScript (:data:`CARD_JS`); the server checks everything again.

Every page takes ``lang`` ("ru", the default, or "en"); its texts come from :mod:`.texts` and
go through :func:`esc` like any value. Money and dates keep the Russian formats on English pages
too («1 234,50 ₽», dd.mm.yyyy): that is what Assist shows for RUB orders.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from html import escape
from pathlib import Path
from typing import Any

from annet_contract.money import format_money as money
from annet_contract.moscow import format_datetime as when

from . import texts
from .cards import MAX_3DS_ATTEMPTS, TEST_3DS_CODE, mask

_STATIC = Path(__file__).with_name("static")


def _static(name: str) -> str:
    return (_STATIC / name).read_text(encoding="utf-8")


def esc(value: Any) -> str:
    """HTML-escape any value (quotes too)."""
    return escape("" if value is None else str(value), quote=True)


def tr(key: str, lang: str, **params: object) -> str:
    """The text ``key`` of :mod:`.texts` in ``lang``, escaped (the ``params`` too)."""
    return esc(texts.text(key, lang, **params))


@dataclass(frozen=True)
class OrderInfo:
    """What every page shows about the order in its header."""

    order_number: str
    amount: Decimal
    merchant: str | None = None  # None: Annet, in the page's language


CSS = _static("sandbox.css")

CARD_JS = _static("card.js")

CVC_JS = _static("oneclick.js")


def layout(title: str, body: str, *, lang: str = "ru", script: str = "") -> str:
    """A whole page: header with the gateway's name and a secure note, the body, the footer."""
    js = f"<script>{script}</script>" if script else ""
    return (
        f'<!DOCTYPE html><html lang="{esc(lang)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>{esc(title)} — {tr('site', lang)}</title><style>{CSS}</style></head><body>"
        f'<header><span class="brand">{tr("brand", lang)}</span>'
        f'<span class="secure">{tr("secure", lang)}</span></header>'
        f"<main>{body}</main>"
        f"<footer>{tr('footer', lang)}</footer>"
        f"{js}</body></html>"
    )


def order_box(order: OrderInfo, lang: str = "ru") -> str:
    """The order header: merchant, order number, amount (no commission)."""
    merchant = order.merchant if order.merchant is not None else texts.text("merchant", lang)
    return (
        f'<div class="card order"><div>{tr("order.recipient", lang)}<b style="font-size:15px">'
        f"{esc(merchant)}</b>{tr('order.number', lang)}"
        f'<span id="order-number">{esc(order.order_number)}</span></div>'
        f'<div style="text-align:right">{tr("order.to_pay", lang)}'
        f'<b id="order-amount">{esc(money(order.amount))}</b>'
        f"{tr('order.no_fee', lang)}</div></div>"
    )


def hidden(token: str) -> str:
    """The hidden form token field."""
    return f'<input type="hidden" name="t" value="{esc(token)}">'


def refused_page(reason: str, *, lang: str = "ru") -> str:
    """The pay request was refused (bad signature, changed amount, unknown order…)."""
    body = (
        f'<div class="card"><p class="status bad">{tr("refused.head", lang)}</p>'
        f'<p id="refused-reason">{esc(reason)}</p>'
        f'<p class="muted">{tr("refused.hint", lang)}</p></div>'
    )
    return layout(texts.text("refused.title", lang), body, lang=lang)


def email_page(order: OrderInfo, token: str, *, value: str = "", error: str = "", lang: str = "ru") -> str:
    """Step 1: the e-mail for the payment notices."""
    cls = ' class="bad"' if error else ""
    body = (
        order_box(order, lang) + f'<div class="card"><h1>{tr("email.head", lang)}</h1>'
        f"<p>{tr('email.about', lang)}</p>"
        f'<form method="post" action="email" id="emailform">{hidden(token)}'
        f'<label for="email">{tr("email.label", lang)}</label>'
        '<input type="email" id="email" name="email" autocomplete="email" '
        f'value="{esc(value)}"{cls} required>'
        f'<div class="err" id="email-error">{esc(error)}</div>'
        f'<button type="submit" id="email-next">{tr("next", lang)}</button></form></div>'
    )
    return layout(texts.text("email.title", lang), body, lang=lang)


WALLETS = {
    "samsung": "Samsung Pay",
    "google": "Google Pay",
    "apple": "Apple Pay",
}


def method_page(
    order: OrderInfo,
    token: str,
    *,
    wallet: str = "",
    oneclick: list[tuple[str, str]] | None = None,
    error: str = "",
    lang: str = "ru",
) -> str:
    """Step 2: the mobile wallets (they work in a browser or on a phone) or the card."""
    note = ""
    if wallet in WALLETS:
        name = WALLETS[wallet]
        note = f'<div class="note" id="wallet-note">{tr("wallet.note", lang, name=name)}</div>'
    quick = ""
    for card_token, last4 in oneclick or []:
        quick += (
            f'<div class="card"><h1>{tr("oneclick.head", lang)}</h1>'
            f'<form method="post" action="oneclick-pay" id="oneclickform">{hidden(token)}'
            f'<input type="hidden" name="card" value="{esc(card_token)}">'
            f'<p>{tr("oneclick.card", lang)}<b id="oneclick-card">{esc(mask(last4))}</b>'
            f"{tr('oneclick.cvc_only', lang)}</p>"
            '<label for="oneclick-cvc">CVC2/CVV2</label>'
            '<input type="password" id="oneclick-cvc" name="cvc" inputmode="numeric" maxlength="3" '
            'autocomplete="off" style="max-width:120px">'
            f'<button type="submit" id="oneclickpay" disabled>{tr("pay", lang)}</button></form></div>'
        )
    buttons = "".join(
        f'<button type="submit" name="method" value="{key}" class="{key}" id="wallet-{key}">'
        f"{tr('wallet.pay', lang, name=name)}</button>"
        for key, name in WALLETS.items()
    )
    body = (
        order_box(order, lang)
        + (f'<div class="note bad" id="oneclick-error">{esc(error)}</div>' if error else "")
        + quick
        + f'<div class="card"><h1>{tr("method.title", lang)}</h1>'
        f'<form method="post" action="method" id="methodform">{hidden(token)}'
        f"<p>{tr('method.mobile', lang)}</p>"
        f'<div class="methods">{buttons}</div>{note}'
        f"<p>{tr('method.or_card', lang)}</p>"
        '<button type="submit" name="method" value="card" id="method-card" class="cardbtn">'
        f"{tr('method.card', lang)}</button></form></div>"
    )
    return layout(texts.text("method.title", lang), body, lang=lang, script=CVC_JS if oneclick else "")


def card_page(
    order: OrderInfo,
    token: str,
    today: dt.date,
    *,
    values: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    lang: str = "ru",
) -> str:
    """Step 3: the card form with live checks; the number and CVC are never written back."""
    values = values or {}
    errors = errors or {}

    def field(name: str, label: str, attrs: str, value: str = "") -> str:
        cls = ' class="bad"' if name in errors else ""
        return (
            f'<label for="{name}">{esc(label)}</label>'
            f'<input type="text" id="{name}" name="{name}" value="{esc(value)}"{cls} {attrs}>'
            f'<div class="err" id="{name}-error">{esc(errors.get(name, ""))}</div>'
        )

    body = (
        order_box(order, lang) + f'<div class="card"><h1>{tr("card.head", lang)}</h1>'
        f'<form method="post" action="card" id="cardform" data-now="{today.year:04d}-{today.month:02d}" '
        f'autocomplete="off">{hidden(token)}'
        + field(
            "number",
            texts.text("card.number", lang),
            'inputmode="numeric" maxlength="19" placeholder="0000 0000 0000 0000"',
        )
        + '<div class="row"><div>'
        + field(
            "expiry",
            texts.text("card.expiry", lang),
            f'inputmode="numeric" maxlength="5" placeholder="{tr("card.expiry_placeholder", lang)}"',
            values.get("expiry", ""),
        )
        + "</div><div>"
        + field("cvc", "CVC2/CVV2", 'inputmode="numeric" maxlength="3" placeholder="123"').replace(
            'type="text"', 'type="password"'
        )
        + "</div></div>"
        + field(
            "holder",
            texts.text("card.holder", lang),
            'maxlength="26" placeholder="IVAN IVANOV"',
            values.get("holder", ""),
        )
        + f'<button type="submit" id="pay" disabled>{tr("pay", lang)}</button>'
        "</form></div>"
    )
    return layout(texts.text("card.title", lang), body, lang=lang, script=CARD_JS)


def oneclick_offer_page(order: OrderInfo, token: str, last4: str, *, lang: str = "ru") -> str:
    """The ONECLICK invitation for a card used before."""
    body = (
        order_box(order, lang) + f'<div class="card"><h1>{tr("offer.head", lang)}</h1>'
        f'<p>{tr("offer.before", lang)}<b id="offer-card">{esc(mask(last4))}</b>'
        f"{tr('offer.after', lang)}</p>"
        f'<form method="post" action="oneclick" id="oneclickoffer">{hidden(token)}'
        f'<button type="submit" name="choice" value="yes" id="oneclick-yes">{tr("offer.yes", lang)}</button> '
        '<button type="submit" name="choice" value="no" id="oneclick-no" class="secondary">'
        f"{tr('offer.no', lang)}</button>"
        "</form></div>"
    )
    return layout(texts.text("offer.title", lang), body, lang=lang)


def three_ds_page(order: OrderInfo, token: str, last4: str, *, attempts: int = 0, lang: str = "ru") -> str:
    """The issuer bank's 3-D Secure page (sandbox bank; the code is documented)."""
    left = MAX_3DS_ATTEMPTS - attempts
    err = (
        f'<div class="note bad" id="code-error">{tr("3ds.wrong", lang, left=left)}</div>' if attempts else ""
    )
    body = (
        '<div class="card" style="border-top:6px solid #0b7a5a">'
        f"<h1>{tr('3ds.head', lang)}</h1>"
        f"<p>{tr('3ds.confirm', lang)}<b>{esc(money(order.amount))}</b>"
        f"{tr('3ds.of_order', lang, order=order.order_number, card=mask(last4))}</p>"
        f"<p>{tr('3ds.sms', lang)}</p>"
        f'<p class="muted">{tr("3ds.sandbox_code", lang, code=TEST_3DS_CODE)}</p>'
        f'<form method="post" action="3ds" id="threedsform">{hidden(token)}'
        f'<label for="code">{tr("3ds.label", lang)}</label>'
        '<input type="password" id="code" name="code" inputmode="numeric" maxlength="6" '
        'autocomplete="one-time-code" '
        'style="max-width:180px">'
        f"{err}"
        f'<button type="submit" id="confirm">{tr("3ds.submit", lang)}</button></form></div>'
    )
    return layout(texts.text("3ds.title", lang), body, lang=lang)


def result_page(result: Any, return_url: str, *, lang: str = "ru") -> str:
    """The result: paid (with the 54-FZ receipt) or not (with the reason), then back to the shop."""
    paid = str(getattr(result.state, "value", result.state)) == "paid"
    head = (
        f'<p class="status good" id="status">{tr("result.paid", lang)}</p>'
        if paid
        else f'<p class="status bad" id="status">{tr("result.failed", lang)}</p>'
    )
    why = texts.reason(result.reason, lang)
    reason = "" if paid else f'<div class="note bad" id="reason">{esc(why)}</div>'
    rows = [
        (texts.text("result.order", lang), result.order_number, "result-order"),
        (texts.text("result.bill", lang), result.billnumber or "—", "result-bill"),
        (texts.text("result.sum", lang), money(result.amount), "result-amount"),
    ]
    info = "".join(f'<tr><td>{esc(k)}</td><td id="{i}">{esc(v)}</td></tr>' for k, v, i in rows)
    receipt = ""
    r = getattr(result, "receipt", None)
    if paid and r is not None:
        lines = [
            ("receipt.kind", texts.text("receipt.income", lang)),
            ("receipt.subject", texts.text("receipt.services", lang)),
            ("result.sum", money(r.sum)),
            ("receipt.vat_rate", texts.vat(r.vat, lang)),
            ("receipt.vat_sum", money(r.vat_amount)),
            ("receipt.at", when(r.at)),
            ("receipt.inn", r.operator_inn),
            ("receipt.fn", r.fiscal_drive),
            ("receipt.fd", r.fiscal_document),
            ("receipt.fp", r.fiscal_sign),
        ]
        receipt = (
            f'<div class="card" id="receipt"><h1>{tr("receipt.head", lang)}</h1><table class="receipt">'
            + "".join(f"<tr><td>{tr(k, lang)}</td><td>{esc(v)}</td></tr>" for k, v in lines)
            + "</table></div>"
        )
    body = (
        f'<div class="card">{head}{reason}<table class="receipt">{info}</table>'
        f'<a class="button" id="return" href="{esc(return_url)}">{tr("result.back", lang)}</a>'
        f'<p class="muted">{tr("result.mail", lang)}</p></div>' + receipt
    )
    return layout(texts.text("result.title", lang), body, lang=lang)


def returned_page(ok: bool, *, lang: str = "ru") -> str:
    """The return address opened in a browser (the app catches it before it loads)."""
    text = texts.text("returned.ok" if ok else "returned.no", lang)
    body = (
        f'<div class="card"><p class="status {"good" if ok else "bad"}">{esc(text)}</p>'
        f"<p>{tr('returned.hint', lang)}</p></div>"
    )
    return layout(texts.text("returned.title", lang), body, lang=lang)
