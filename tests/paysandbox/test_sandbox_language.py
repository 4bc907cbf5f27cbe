"""``Language=en`` on the pay request: every page of the order in English, over HTTP on the real server.

Russian stays the default: ``ru``, a missing, empty or unknown value are Russian; the code is
case-insensitive (``EN`` is English). The language is chosen by the pay request only and travels
in the signed form token.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import pytest
import requests
from sandbox_payer import APPROVED, DECLINED, GOOD_CARD, THREE_DS, TIMEOUT, Payer

from annet_contract.schema import OrderState
from annet_server.paysandbox import cards, checkvalue, flow, texts
from annet_server.paysandbox.flow import Flow

CYRILLIC = re.compile("[\u0400-\u04ff]")


def _query(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query, keep_blank_values=True).items()}


def _with_language(url: str, language: str | None) -> str:
    """``url`` with its ``Language`` set to ``language`` (left out when None); still signed."""
    parts = urlsplit(url)
    query = _query(url)
    query.pop("Language", None)
    if language is not None:
        query["Language"] = language
    return urlunsplit(parts._replace(query=urlencode(query)))


def _english(payer: Payer) -> None:
    """The page is English through and through: ``lang="en"`` and not one Russian letter."""
    assert '<html lang="en">' in payer.html
    found = CYRILLIC.search(payer.html)
    assert found is None, payer.html[max(0, found.start() - 80) : found.end() + 80]
    assert "ASSIST · sandbox" in payer.html and "No real money is charged." in payer.html


def _russian(payer: Payer) -> None:
    assert '<html lang="ru">' in payer.html
    assert "ASSIST · песочница" in payer.html and "Настоящие деньги не списываются." in payer.html


@pytest.fixture
def opened() -> Iterator[list[Payer]]:
    """Payers opened by a test directly (closed after it)."""
    payers: list[Payer] = []
    yield payers
    for p in payers:
        p.close()


def _open(opened: list[Payer], url: str) -> Payer:
    payer = Payer(url)
    opened.append(payer)
    return payer


def _secret(server: Any) -> bytes:
    return bytes(server.state.flow_secret)


# --------------------------------------------------------------------------- full flows


def test_english_order_is_english_at_every_step_of_an_approved_payment(pay: Any, opened: list[Payer]) -> None:
    client, number, order, payer = pay(language="en", amount="499.90")
    assert _query(order.payment_url)["Language"] == "en"
    assert payer.status == 200 and payer.has("methodform")
    _english(payer)
    assert "<title>Payment method — Assist (sandbox)</title>" in payer.html
    assert "Recipient" in payer.html and "Internet provider Annet, Tver" in payer.html
    assert "Amount due" in payer.html and "no commission" in payer.html
    assert "499,90\u00a0₽" in payer.text_of("order-amount")  # RUB keeps the Russian format, as at Assist
    assert payer.text_of("wallet-apple") == "Pay with Apple Pay"
    assert payer.text_of("method-card") == "Bank card"

    payer.post("method", {"method": "google"}, "methodform")
    _english(payer)
    assert "Open in the browser" in payer.text_of("wallet-note")

    payer.post("method", {"method": "card"}, "methodform")
    assert payer.has("cardform")
    _english(payer)
    assert "<h1>Bank card details</h1>" in payer.html
    assert 'placeholder="MM/YY"' in payer.html and ">Expiry date (MM/YY)<" in payer.html
    assert payer.text_of("pay") == "Pay"

    payer.post("card", {"number": APPROVED, **GOOD_CARD}, "cardform")
    assert payer.status == 200
    _english(payer)
    assert payer.text_of("status") == "Payment successful"
    assert payer.text_of("return") == "Return to your account"
    for text in ("<h1>Receipt (54-FZ)</h1>", ">Order number<", ">Payment number<", ">FN<"):
        assert text in payer.html
    assert re.search(r"<td>VAT \d+%</td>", payer.html)  # billing's «НДС 22%»
    assert re.search(r"\d\d\.\d\d\.\d{4} \d\d:\d\d", payer.html)  # dd.mm.yyyy, as Assist shows it
    assert client.payment(number, order.order_number).state is OrderState.PAID

    again = _open(opened, order.payment_url)  # the pay request of a paid order shows its result, in English
    _english(again)
    assert again.text_of("status") == "Payment successful"


def test_english_three_ds_flow(pay: Any) -> None:
    client, number, order, payer = pay(language="en")
    payer.card(THREE_DS)
    assert payer.has("threedsform")
    _english(payer)
    assert "<h1>Issuing bank · 3-D Secure</h1>" in payer.html
    assert f"for order No. {order.order_number} with the card •••• 4444." in payer.html
    assert "Sandbox: the confirmation code is 123456." in payer.html
    assert payer.text_of("confirm") == "Confirm"
    payer.post("3ds", {"code": "000000"}, "threedsform")
    assert payer.status == 422
    _english(payer)
    assert payer.text_of("code-error") == "Wrong code. Attempts left: 2."
    payer.post("3ds", {"code": cards.TEST_3DS_CODE}, "threedsform")
    _english(payer)
    assert payer.text_of("status") == "Payment successful"
    assert client.payment(number, order.order_number).state is OrderState.PAID


def test_english_email_step(pay: Any) -> None:
    _client, _number, _order, payer = pay("no-contacts", language="en")
    assert payer.has("emailform")
    _english(payer)
    assert "<h1>E-mail address</h1>" in payer.html and payer.text_of("email-next") == "Continue"
    payer.post("email", {"email": "not-an-email"}, "emailform")
    assert payer.status == 422
    _english(payer)
    assert payer.text_of("email-error") == "Enter an e-mail address, for example name@example.com."
    payer.post("email", {"email": "ivan@example.ru"}, "emailform")
    assert payer.has("methodform")
    _english(payer)


# --------------------------------------------------------------------------- reasons and checks


@pytest.mark.parametrize(
    ("card", "reason", "state"),
    [
        (
            DECLINED,
            "Authorization declined. Check the parameters of the payment method.",
            OrderState.DECLINED,
        ),
        (
            TIMEOUT,
            "The issuing bank did not answer in time. The payment has not been made.",
            OrderState.TIMEOUT,
        ),
    ],
)
def test_english_decline_reasons(pay: Any, card: str, reason: str, state: OrderState) -> None:
    client, number, order, payer = pay(language="en")
    payer.card(card)
    _english(payer)
    assert payer.text_of("status") == "Payment failed"
    assert payer.text_of("reason") == reason
    stored = client.payment(number, order.order_number)
    assert stored.state is state
    assert stored.reason in (cards.DECLINE_REASON, cards.TIMEOUT_REASON)  # billing keeps the Russian text


def test_three_wrong_codes_decline_in_english(pay: Any) -> None:
    _client, _number, _order, payer = pay(language="en")
    payer.card(THREE_DS)
    for _ in range(cards.MAX_3DS_ATTEMPTS):
        payer.post("3ds", {"code": "000000"}, "threedsform")
    _english(payer)
    assert payer.text_of("reason") == "The payment is not confirmed: wrong 3-D Secure code."


def test_card_form_errors_in_english(pay: Any) -> None:
    _client, _number, _order, payer = pay(language="en")
    payer.post("method", {"method": "card"}, "methodform")
    payer.post(
        "card",
        {"number": "4111 1111 1111 1112", "expiry": "10/26", "holder": "ИВАН ИВАНОВ", "cvc": "12"},
        "cardform",
    )
    assert payer.status == 422
    assert '<html lang="en">' in payer.html
    assert payer.text_of("number-error") == "The card number has a typo."
    assert payer.text_of("expiry-error") == "The card has expired."  # server clock: November 2026
    assert payer.text_of("holder-error") == "The name in Latin letters, as on the card."
    assert payer.text_of("cvc-error") == "CVC2/CVV2 is the three digits on the back of the card."
    payer.post("card", {"number": "4111 1111 1111 111", **GOOD_CARD, "expiry": "13/27"}, "cardform")
    _english(payer)  # the typed holder is not echoed back in Russian letters any more
    assert payer.text_of("number-error") == "The card number has 16 digits."
    assert payer.text_of("expiry-error") == "The month is from 01 to 12."


def test_oneclick_pages_in_english(pay: Any, server: Any) -> None:
    demo = server.by_case("internet-discount")
    _c, _n, _o, first = pay(login=demo, language="en")
    first.card(APPROVED)
    _c, _n, _o, second = pay(login=demo, language="en")
    second.card(APPROVED)
    assert second.has("oneclickoffer")
    _english(second)
    assert "You have paid with the card " in second.html
    assert second.text_of("oneclick-yes") == "Join ONECLICK" and second.text_of("oneclick-no") == "No, thanks"
    second.post("oneclick", {"choice": "yes"}, "oneclickoffer")
    assert second.text_of("status") == "Payment successful"

    _c, _n, _o, third = pay(login=demo, language="en")
    assert third.has("oneclickform")
    _english(third)
    assert "<h1>ONECLICK: pay with a saved card</h1>" in third.html
    card = re.search(r'name="card" value="([^"]+)"', third.html)
    assert card
    third.post("oneclick-pay", {"card": card.group(1), "cvc": "12"}, "oneclickform")
    _english(third)
    assert third.text_of("oneclick-error") == "CVC2/CVV2 is the three digits on the back of the card."
    third.post("oneclick-pay", {"card": "forged", "cvc": "123"}, "oneclickform")
    assert third.text_of("oneclick-error") == "The saved card was not found."


# --------------------------------------------------------------------------- the Language value


@pytest.mark.parametrize(
    ("language", "english"),
    [
        ("en", True),
        ("EN", True),
        (" En ", True),
        ("ru", False),
        ("RU", False),
        ("xx", False),
        ("", False),
        ("english", False),
        (None, False),
    ],
)
def test_language_value(pay: Any, opened: list[Payer], language: str | None, english: bool) -> None:
    _client, _number, order, _payer = pay()
    payer = _open(opened, _with_language(order.payment_url, language))
    assert payer.status == 200 and payer.has("methodform")
    if english:
        _english(payer)
        assert payer.text_of("method-card") == "Bank card"
    else:
        _russian(payer)
        assert payer.text_of("method-card") == "Банковская карта"
    payer.card(DECLINED)
    expected = (
        "Authorization declined. Check the parameters of the payment method."
        if english
        else ("Отказ в авторизации. Проверьте параметры платежного средства.")
    )
    assert payer.text_of("reason") == expected


def test_russian_order_is_russian(pay: Any) -> None:
    _client, _number, order, payer = pay()
    assert _query(order.payment_url)["Language"] == "ru"
    _russian(payer)
    payer.card(THREE_DS)
    _russian(payer)
    assert "Песочница: код подтверждения — 123456." in payer.html
    payer.post("3ds", {"code": cards.TEST_3DS_CODE}, "threedsform")
    _russian(payer)
    assert payer.text_of("status") == "Оплата прошла успешно"
    assert "Кассовый чек (54-ФЗ)" in payer.html and re.search(r"<td>НДС \d+%</td>", payer.html)


def test_later_posts_cannot_change_the_language(pay: Any) -> None:
    _client, _number, _order, payer = pay(language="en")
    payer.post("method", {"method": "card", "Language": "ru"}, "methodform")
    _english(payer)
    payer.post("card", {"number": APPROVED, **GOOD_CARD, "Language": "ru"}, "cardform")
    _english(payer)
    assert payer.text_of("status") == "Payment successful"


# --------------------------------------------------------------------------- refused and stale pages


def test_refused_requests_in_english(pay: Any, server: Any, opened: list[Payer]) -> None:
    _client, _number, order, _payer = pay(language="en")
    tampered = _open(opened, order.payment_url.replace("OrderAmount=500.00", "OrderAmount=1.00"))
    assert tampered.status == 403
    _english(tampered)
    assert tampered.text_of("refused-reason") == "The request's signature (Checkvalue) is wrong."
    assert "<title>Request refused — Assist (sandbox)</title>" in tampered.html

    unknown = checkvalue.pay_fields(
        server.url, "999999999999", order.amount, "a@b.ru", "en", server.state.secret
    )
    missing = _open(opened, f"{server.url}/pay/?{urlencode(unknown)}")
    assert missing.status == 404 and missing.text_of("refused-reason") == "Order not found."
    _english(missing)

    bare = requests.get(f"{server.url}/pay/?OrderNumber=1&Language=en", timeout=30)
    assert bare.status_code == 400 and '<html lang="en">' in bare.text
    assert "Required fields are missing from the payment request: Merchant_ID" in bare.text
    ru = requests.get(f"{server.url}/pay/?OrderNumber=1", timeout=30)
    assert ru.status_code == 400 and "В запросе на оплату нет обязательных полей: Merchant_ID" in ru.text


def test_stale_and_wrong_step_tokens_answer_in_the_order_language(pay: Any, server: Any) -> None:
    _client, _number, order, payer = pay(language="en")
    method_token = payer.token("methodform")
    payer.post("card", {"number": APPROVED, **GOOD_CARD}, token=method_token)  # a token of another step
    assert payer.status == 400
    _english(payer)
    assert (
        payer.text_of("refused-reason") == "The payment page has expired or was not opened from your account."
    )

    expired = flow.dump(
        Flow(order=order.order_number, account=order.account, step="method", lang="en"),
        _secret(server),
        now=0,
    )
    payer.post("method", {"method": "card"}, token=expired)
    assert payer.status == 400
    _english(payer)

    forged = method_token[:-2] + ("AA" if not method_token.endswith("AA") else "BB")
    payer.post("method", {"method": "card"}, token=forged)  # not ours: its language is not trusted
    assert payer.status == 400
    _russian(payer)
    assert "устарела" in payer.html


# --------------------------------------------------------------------------- the table


def test_every_text_has_both_languages() -> None:
    fields = re.compile(r"\{(\w+)\}")
    for key in texts.keys():
        ru, en = texts.text(key, "ru"), texts.text(key, "en")
        assert ru and en, key
        assert not CYRILLIC.search(en), key
        assert fields.findall(ru) == fields.findall(en), key
        assert not re.search('[<>&"]', ru + en), key  # plain text: the pages escape it anyway


def test_russian_reason_constants_unchanged() -> None:
    assert cards.DECLINE_REASON == "Отказ в авторизации. Проверьте параметры платежного средства."
    assert cards.TIMEOUT_REASON == "Превышено время ожидания ответа банка-эмитента. Платёж не проведён."
    assert cards.WRONG_3DS_REASON == "Платёж не подтверждён: неверный код 3-D Secure."
    assert texts.reason(cards.DECLINE_REASON, "ru") == cards.DECLINE_REASON
    assert texts.reason("Банк сказал нет.", "en") == "Банк сказал нет."  # a reason we do not know: as stored


@pytest.mark.parametrize(
    ("value", "lang"),
    [
        ("en", "en"),
        ("EN", "en"),
        ("\ten ", "en"),
        ("ru", "ru"),
        ("", "ru"),
        (None, "ru"),
        ("de", "ru"),
        ("en-US", "ru"),
    ],
)
def test_language_of(value: str | None, lang: str) -> None:
    assert texts.language_of(value) == lang
