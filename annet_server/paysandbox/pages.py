"""The HTML of the sandbox's hosted pages: Assist-like, Russian, server-rendered, every value escaped.

No template engine: each page is an f-string over values passed through :func:`esc`. The card
form's live checks are plain JavaScript (:data:`CARD_JS`); the server checks everything again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from html import escape
from pathlib import Path
from typing import Any

from annet_desktop.api.schema import MOSCOW

from .cards import MAX_3DS_ATTEMPTS, TEST_3DS_CODE, mask

NBSP = "\u00a0"
_STATIC = Path(__file__).with_name("static")


def _static(name: str) -> str:
    return (_STATIC / name).read_text(encoding="utf-8")


def esc(value: Any) -> str:
    """HTML-escape any value (quotes too)."""
    return escape("" if value is None else str(value), quote=True)


def money(amount: Decimal | str) -> str:
    """«1 234,50 ₽»."""
    value = Decimal(str(amount)).quantize(Decimal("0.01"))
    whole, frac = f"{value:.2f}".split(".")
    sign = "−" if whole.startswith("-") else ""
    whole = whole.lstrip("-")
    groups: list[str] = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return f"{sign}{NBSP.join(groups)},{frac}{NBSP}₽"


def when(at: dt.datetime | None) -> str:
    """«16.11.2026 12:00»."""
    return at.astimezone(MOSCOW).strftime("%d.%m.%Y %H:%M") if at else ""


@dataclass(frozen=True)
class OrderInfo:
    """What every page shows about the order in its header."""

    order_number: str
    amount: Decimal
    merchant: str = "Интернет-провайдер «Аннет», Тверь"


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
        f"<title>{esc(title)} — Assist (песочница)</title><style>{CSS}</style></head><body>"
        '<header><span class="brand">ASSIST · песочница</span>'
        '<span class="secure">Платёжная страница провайдера электронных платежей</span></header>'
        f"<main>{body}</main>"
        "<footer>Учебная копия страниц АПК Assist для Annet Desktop. "
        "Настоящие деньги не списываются.</footer>"
        f"{js}</body></html>"
    )


def order_box(order: OrderInfo) -> str:
    """The order header: merchant, order number, amount (no commission)."""
    return (
        '<div class="card order"><div>Получатель<b style="font-size:15px">'
        f'{esc(order.merchant)}</b>Заказ № <span id="order-number">{esc(order.order_number)}</span></div>'
        f'<div style="text-align:right">К оплате<b id="order-amount">{esc(money(order.amount))}</b>'
        "без комиссии</div></div>"
    )


def hidden(token: str) -> str:
    """The hidden form token field."""
    return f'<input type="hidden" name="t" value="{esc(token)}">'


def refused_page(reason: str) -> str:
    """The pay request was refused (bad signature, changed amount, unknown order…)."""
    body = (
        '<div class="card"><p class="status bad">Запрос на оплату отклонён</p>'
        f'<p id="refused-reason">{esc(reason)}</p>'
        '<p class="muted">Вернитесь в личный кабинет и начните оплату заново.</p></div>'
    )
    return layout("Запрос отклонён", body)


def email_page(order: OrderInfo, token: str, *, value: str = "", error: str = "") -> str:
    """Step 1: the e-mail for the payment notices."""
    cls = ' class="bad"' if error else ""
    body = (
        order_box(order) + '<div class="card"><h1>Адрес электронной почты</h1>'
        "<p>На этот адрес придёт информация о статусе платежа и кассовый чек.</p>"
        f'<form method="post" action="email" id="emailform">{hidden(token)}'
        '<label for="email">E-mail</label>'
        '<input type="email" id="email" name="email" autocomplete="email" '
        f'value="{esc(value)}"{cls} required>'
        f'<div class="err" id="email-error">{esc(error)}</div>'
        '<button type="submit" id="email-next">Продолжить</button></form></div>'
    )
    return layout("Электронная почта", body)


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
) -> str:
    """Step 2: the mobile wallets (they work in a browser or on a phone) or the card."""
    note = ""
    if wallet in WALLETS:
        name = WALLETS[wallet]
        note = (
            f'<div class="note" id="wallet-note">Оплата через {esc(name)} работает в браузере или на '
            "телефоне, где настроено приложение. Нажмите «Открыть в браузере» над страницей или "
            "откройте личный кабинет на смартфоне. Здесь можно оплатить банковской картой.</div>"
        )
    quick = ""
    for card_token, last4 in oneclick or []:
        quick += (
            '<div class="card"><h1>ONECLICK: оплата сохранённой картой</h1>'
            f'<form method="post" action="oneclick-pay" id="oneclickform">{hidden(token)}'
            f'<input type="hidden" name="card" value="{esc(card_token)}">'
            f'<p>Карта <b id="oneclick-card">{esc(mask(last4))}</b>: достаточно ввести CVC2/CVV2.</p>'
            '<label for="oneclick-cvc">CVC2/CVV2</label>'
            '<input type="password" id="oneclick-cvc" name="cvc" inputmode="numeric" maxlength="3" '
            'autocomplete="off" style="max-width:120px">'
            '<button type="submit" id="oneclickpay" disabled>Оплатить</button></form></div>'
        )
    buttons = "".join(
        f'<button type="submit" name="method" value="{key}" class="{key}" id="wallet-{key}">'
        f"Оплатить {esc(name)}</button>"
        for key, name in WALLETS.items()
    )
    body = (
        order_box(order)
        + (f'<div class="note bad" id="oneclick-error">{esc(error)}</div>' if error else "")
        + quick
        + '<div class="card"><h1>Способ оплаты</h1>'
        f'<form method="post" action="method" id="methodform">{hidden(token)}'
        "<p>Мобильные платежи:</p>"
        f'<div class="methods">{buttons}</div>{note}'
        "<p>Или банковская карта VISA, MasterCard, МИР:</p>"
        '<button type="submit" name="method" value="card" id="method-card" class="cardbtn">'
        "Банковская карта</button></form></div>"
    )
    return layout("Способ оплаты", body, script=CVC_JS if oneclick else "")


def card_page(
    order: OrderInfo,
    token: str,
    today: dt.date,
    *,
    values: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
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
        order_box(order) + '<div class="card"><h1>Реквизиты банковской карты</h1>'
        f'<form method="post" action="card" id="cardform" data-now="{today.year:04d}-{today.month:02d}" '
        f'autocomplete="off">{hidden(token)}'
        + field(
            "number",
            "Номер карты (16 цифр)",
            'inputmode="numeric" maxlength="19" placeholder="0000 0000 0000 0000"',
        )
        + '<div class="row"><div>'
        + field(
            "expiry",
            "Срок действия (ММ/ГГ)",
            'inputmode="numeric" maxlength="5" placeholder="ММ/ГГ"',
            values.get("expiry", ""),
        )
        + "</div><div>"
        + field("cvc", "CVC2/CVV2", 'inputmode="numeric" maxlength="3" placeholder="123"').replace(
            'type="text"', 'type="password"'
        )
        + "</div></div>"
        + field(
            "holder",
            "Имя и фамилия держателя (латиницей)",
            'maxlength="26" placeholder="IVAN IVANOV"',
            values.get("holder", ""),
        )
        + '<button type="submit" id="pay" disabled>Оплатить</button>'
        "</form></div>"
    )
    return layout("Оплата картой", body, script=CARD_JS)


def oneclick_offer_page(order: OrderInfo, token: str, last4: str) -> str:
    """The ONECLICK invitation for a card used before."""
    body = (
        order_box(order) + '<div class="card"><h1>Программа ONECLICK</h1>'
        f'<p>Вы уже платили картой <b id="offer-card">{esc(mask(last4))}</b>. Подключите ONECLICK — в '
        "следующий раз достаточно будет ввести только CVC2/CVV2. Отказавшись, вы больше не увидите "
        "это приглашение.</p>"
        f'<form method="post" action="oneclick" id="oneclickoffer">{hidden(token)}'
        '<button type="submit" name="choice" value="yes" id="oneclick-yes">Участвовать в ONECLICK</button> '
        '<button type="submit" name="choice" value="no" id="oneclick-no" class="secondary">'
        "Нет, спасибо</button>"
        "</form></div>"
    )
    return layout("ONECLICK", body)


def three_ds_page(order: OrderInfo, token: str, last4: str, *, attempts: int = 0) -> str:
    """The issuer bank's 3-D Secure page (sandbox bank; the code is documented)."""
    left = MAX_3DS_ATTEMPTS - attempts
    err = (
        f'<div class="note bad" id="code-error">Неверный код. Осталось попыток: {left}.</div>'
        if attempts
        else ""
    )
    body = (
        '<div class="card" style="border-top:6px solid #0b7a5a"><h1>Банк-эмитент · 3-D Secure</h1>'
        f"<p>Подтвердите оплату <b>{esc(money(order.amount))}</b> по заказу № {esc(order.order_number)} "
        f"картой {esc(mask(last4))}.</p>"
        "<p>Введите код из SMS, отправленного банком на ваш телефон.</p>"
        f'<p class="muted">Песочница: код подтверждения — {esc(TEST_3DS_CODE)}.</p>'
        f'<form method="post" action="3ds" id="threedsform">{hidden(token)}'
        '<label for="code">Код подтверждения</label>'
        '<input type="password" id="code" name="code" inputmode="numeric" maxlength="6" '
        'autocomplete="one-time-code" '
        'style="max-width:180px">'
        f"{err}"
        '<button type="submit" id="confirm">Подтвердить</button></form></div>'
    )
    return layout("3-D Secure", body)


def result_page(result: Any, return_url: str, *, lang: str = "ru") -> str:
    """The result: paid (with the 54-FZ receipt) or not (with the reason), then back to the shop."""
    paid = str(getattr(result.state, "value", result.state)) == "paid"
    head = (
        '<p class="status good" id="status">Оплата прошла успешно</p>'
        if paid
        else '<p class="status bad" id="status">Оплата не проведена</p>'
    )
    reason = "" if paid else f'<div class="note bad" id="reason">{esc(result.reason or "")}</div>'
    rows = [
        ("Номер заказа", result.order_number, "result-order"),
        ("Номер платежа", result.billnumber or "—", "result-bill"),
        ("Сумма", money(result.amount), "result-amount"),
    ]
    info = "".join(f'<tr><td>{esc(k)}</td><td id="{i}">{esc(v)}</td></tr>' for k, v, i in rows)
    receipt = ""
    r = getattr(result, "receipt", None)
    if paid and r is not None:
        lines = [
            ("Признак расчёта", "Приход"),
            ("Предмет расчёта", "Оплата услуг связи"),
            ("Сумма", money(r.sum)),
            ("Ставка НДС", r.vat),
            ("Сумма НДС", money(r.vat_amount)),
            ("Дата и время", when(r.at)),
            ("ИНН", r.operator_inn),
            ("ФН", r.fiscal_drive),
            ("ФД", r.fiscal_document),
            ("ФП", r.fiscal_sign),
        ]
        receipt = (
            '<div class="card" id="receipt"><h1>Кассовый чек (54-ФЗ)</h1><table class="receipt">'
            + "".join(f"<tr><td>{esc(k)}</td><td>{esc(v)}</td></tr>" for k, v in lines)
            + "</table></div>"
        )
    body = (
        f'<div class="card">{head}{reason}<table class="receipt">{info}</table>'
        f'<a class="button" id="return" href="{esc(return_url)}">Вернуться в личный кабинет</a>'
        '<p class="muted">Письмо с результатом отправлено на указанный адрес электронной почты. '
        "Вопросы по оплате: my@an-net.ru, укажите номер заказа и номер платежа.</p></div>" + receipt
    )
    return layout("Результат оплаты", body, lang=lang)


def returned_page(ok: bool) -> str:
    """The return address opened in a browser (the app catches it before it loads)."""
    text = "Оплата завершена." if ok else "Оплата не проведена."
    body = (
        f'<div class="card"><p class="status {"good" if ok else "bad"}">{esc(text)}</p>'
        "<p>Вернитесь в приложение Annet Desktop или в личный кабинет: состояние платежа и баланс "
        "обновятся там.</p></div>"
    )
    return layout("Возврат в личный кабинет", body)
