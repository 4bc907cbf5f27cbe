"""The hosted payment pages over HTTP on the real reference server: every step and every check."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import requests
from sandbox_payer import APPROVED, DECLINED, GOOD_CARD, THREE_DS, TIMEOUT, Payer

from annet_contract.schema import BalanceKind, OrderState
from annet_server.paysandbox import cards, checkvalue, pages


def _query(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query, keep_blank_values=True).items()}


def _with(url: str, **changes: str) -> str:
    parts = urlsplit(url)
    query = _query(url)
    query.update(changes)
    return urlunsplit(parts._replace(query=urlencode(query)))


# --------------------------------------------------------------------------- the request


def test_payment_url_is_signed_and_opens_the_method_page(pay: Any, server: Any) -> None:
    _client, _number, order, payer = pay()
    fields = _query(order.payment_url)
    assert fields["OrderNumber"] == order.order_number
    assert fields["OrderAmount"] == "500.00"
    assert checkvalue.verify(fields, fields["Checkvalue"], server.state.secret)
    assert payer.status == 200
    assert payer.has("methodform")  # the subscriber's e-mail is known: the e-mail step is skipped
    assert payer.text_of("order-number") == order.order_number
    assert "500,00" in payer.text_of("order-amount")
    assert payer.response.headers["Cache-Control"] == "no-store"
    assert "frame-ancestors 'none'" in payer.response.headers["Content-Security-Policy"]


def test_tampered_amount_is_refused(pay: Any) -> None:
    _client, _number, order, _payer = pay()
    response = requests.get(_with(order.payment_url, OrderAmount="1.00"), timeout=30)
    assert response.status_code == 403
    assert "Checkvalue" in response.text
    assert "cardform" not in response.text and "methodform" not in response.text


def test_tampered_return_address_is_refused(pay: Any) -> None:
    _client, _number, order, _payer = pay()
    response = requests.get(_with(order.payment_url, URL_RETURN_OK="https://evil.example/ok"), timeout=30)
    assert response.status_code == 403


def test_signed_request_with_another_amount_than_the_order_is_refused(pay: Any, server: Any) -> None:
    _client, _number, order, _payer = pay()
    fields = {k: v for k, v in _query(order.payment_url).items() if k != "Checkvalue"}
    fields["OrderAmount"] = "1.00"
    fields["Checkvalue"] = checkvalue.compute(fields, server.state.secret)
    response = requests.get(f"{server.url}/pay/?{urlencode(fields)}", timeout=30)
    assert response.status_code == 403
    assert "не совпадает" in response.text


def test_unknown_order_and_missing_fields(server: Any) -> None:
    fields = checkvalue.pay_fields(
        server.url, "999999999999", Decimal("10"), "a@b.ru", "ru", server.state.secret
    )
    response = requests.get(f"{server.url}/pay/?{urlencode(fields)}", timeout=30)
    assert response.status_code == 404
    assert "Заказ не найден" in response.text
    response = requests.get(f"{server.url}/pay/?OrderNumber=1", timeout=30)
    assert response.status_code == 400
    assert "Checkvalue" in response.text


def test_forged_form_token_is_refused(pay: Any) -> None:
    _client, _number, _order, payer = pay()
    token = payer.token("methodform")
    payer.post("method", {"method": "card"}, token=token[:-2] + ("AA" if not token.endswith("AA") else "BB"))
    assert payer.status == 400
    assert "устарела" in payer.html


def test_token_of_one_step_is_not_accepted_by_another(pay: Any) -> None:
    _client, _number, _order, payer = pay()
    method_token = payer.token("methodform")
    payer.post("card", {"number": APPROVED, **GOOD_CARD}, token=method_token)
    assert payer.status == 400


# --------------------------------------------------------------------------- e-mail and method


def test_email_step_when_the_subscriber_has_no_email(pay: Any) -> None:
    _client, _number, order, payer = pay("no-contacts")
    assert _query(order.payment_url)["Email"] == ""
    assert payer.has("emailform")
    payer.post("email", {"email": "not-an-email"}, "emailform")
    assert payer.status == 422
    assert "адрес электронной почты" in payer.text_of("email-error")
    payer.post("email", {"email": "ivan@example.ru"}, "emailform")
    assert payer.status == 200 and payer.has("methodform")


def test_wallet_buttons_explain_browser_or_phone(pay: Any) -> None:
    _client, _number, _order, payer = pay()
    for wallet, name in (("samsung", "Samsung Pay"), ("google", "Google Pay"), ("apple", "Apple Pay")):
        assert payer.has(f"wallet-{wallet}")
        payer.post("method", {"method": wallet}, "methodform")
        assert payer.status == 200
        note = payer.text_of("wallet-note")
        assert name in note and "браузере" in note and "телефоне" in note
    payer.post("method", {"method": "card"}, "methodform")
    assert payer.has("cardform")
    assert 'id="pay" disabled' in payer.html  # «Оплатить» starts disabled


# --------------------------------------------------------------------------- card form (server side)


def test_card_form_is_checked_again_on_the_server(pay: Any) -> None:
    _client, _number, _order, payer = pay()
    payer.post("method", {"method": "card"}, "methodform")
    payer.post(
        "card",
        {"number": "4111 1111 1111 1112", "expiry": "10/26", "holder": "ИВАН ИВАНОВ", "cvc": "12"},
        "cardform",
    )
    assert payer.status == 422
    assert payer.text_of("number-error") == "Номер карты введён с ошибкой."
    assert payer.text_of("expiry-error") == "Срок действия карты истёк."  # server clock: November 2026
    assert "латиницей" in payer.text_of("holder-error")
    assert "три цифры" in payer.text_of("cvc-error")
    assert "4111 1111 1111 1112" not in payer.html and "4111111111111112" not in payer.html  # never echoed
    # the form stays usable: now a good card goes through
    payer.post("card", {"number": APPROVED, **GOOD_CARD}, "cardform")
    assert payer.status == 200 and payer.has("status")


def test_current_month_expiry_is_accepted(pay: Any) -> None:
    _client, _number, _order, payer = pay()
    payer.card(APPROVED, expiry="11/26")
    assert payer.text_of("status") == "Оплата прошла успешно"


def test_fifteen_digits_refused(pay: Any) -> None:
    _client, _number, _order, payer = pay()
    payer.card("4111 1111 1111 111")
    assert payer.status == 422
    assert payer.text_of("number-error") == "Номер карты — 16 цифр."


def test_card_page_escapes_what_the_payer_typed(pay: Any) -> None:
    _client, _number, _order, payer = pay()
    payer.card("1", holder='"><script>alert(1)</script>')
    assert payer.status == 422
    assert "<script>alert(1)</script>" not in payer.html
    assert "&quot;&gt;&lt;script&gt;" in payer.html


# --------------------------------------------------------------------------- outcomes


def test_approved_card_credits_exactly_the_amount(pay: Any, server: Any) -> None:
    client, number, order, payer = pay(amount="499.90")
    before = client.account(number).balance
    payer.card(APPROVED)
    assert payer.status == 200
    assert payer.text_of("status") == "Оплата прошла успешно"
    assert payer.text_of("result-order") == order.order_number
    bill = payer.text_of("result-bill")
    assert re.fullmatch(r"[0-9]{16}", bill)
    for field in ("Кассовый чек (54-ФЗ)", "ФН", "ФД", "ФП", "НДС", "ИНН", "499,90"):
        assert field in payer.html
    back = re.search(r'id="return" href="([^"]+)"', payer.html)
    assert back
    ret = back.group(1).replace("&amp;", "&")
    assert ret.startswith(f"{server.url}/pay/return/ok?")
    assert _query(ret) == {"OrderNumber": order.order_number, "Billnumber": bill}
    paid = client.payment(number, order.order_number)
    assert paid.state is OrderState.PAID and paid.billnumber == bill
    assert paid.receipt is not None and paid.receipt.sum == Decimal("499.90")
    assert client.account(number).balance == before + Decimal("499.90")
    first = client.balance_history(number, limit=1).items[0]
    assert first.kind is BalanceKind.PAYMENT and first.amount == Decimal("499.90")
    assert first.at == server.clock.now()


def test_declined_card(pay: Any) -> None:
    client, number, order, payer = pay()
    before = client.account(number).balance
    payer.card(DECLINED)
    assert payer.text_of("status") == "Оплата не проведена"
    assert payer.text_of("reason") == "Отказ в авторизации. Проверьте параметры платежного средства."
    assert "/pay/return/no?" in payer.html
    result = client.payment(number, order.order_number)
    assert result.state is OrderState.DECLINED and result.billnumber
    assert client.account(number).balance == before


def test_timeout_card(pay: Any) -> None:
    client, number, order, payer = pay()
    payer.card(TIMEOUT)
    assert payer.text_of("reason") == cards.TIMEOUT_REASON
    assert client.payment(number, order.order_number).state is OrderState.TIMEOUT


def test_three_ds_card_asks_for_the_code(pay: Any) -> None:
    client, number, order, payer = pay()
    payer.card(THREE_DS)
    assert payer.has("threedsform") and "123456" in payer.html and "•••• 4444" in payer.html
    payer.post("3ds", {"code": "000000"}, "threedsform")
    assert payer.status == 422 and "Осталось попыток: 2" in payer.text_of("code-error")
    assert client.payment(number, order.order_number).state is OrderState.PENDING
    payer.post("3ds", {"code": cards.TEST_3DS_CODE}, "threedsform")
    assert payer.text_of("status") == "Оплата прошла успешно"
    assert client.payment(number, order.order_number).state is OrderState.PAID


def test_three_wrong_codes_decline(pay: Any) -> None:
    client, number, order, payer = pay()
    payer.card(THREE_DS)
    for _ in range(cards.MAX_3DS_ATTEMPTS):
        payer.post("3ds", {"code": "000000"}, "threedsform")
    assert payer.text_of("status") == "Оплата не проведена"
    assert client.payment(number, order.order_number).state is OrderState.DECLINED


def test_replayed_form_changes_nothing(pay: Any) -> None:
    client, number, order, payer = pay()
    payer.post("method", {"method": "card"}, "methodform")
    card_token = payer.token("cardform")
    payer.post("card", {"number": APPROVED, **GOOD_CARD}, token=card_token)
    balance = client.account(number).balance
    payer.post("card", {"number": APPROVED, **GOOD_CARD}, token=card_token)  # the same post again
    assert payer.text_of("status") == "Оплата прошла успешно"
    assert client.account(number).balance == balance
    again = Payer(order.payment_url)  # the payment page of a paid order shows its result
    assert again.text_of("status") == "Оплата прошла успешно"
    again.close()


# --------------------------------------------------------------------------- ONECLICK


def test_oneclick_offer_then_cvc_only(pay: Any, server: Any) -> None:
    demo = server.by_case("internet-discount")
    client, number, _o1, first = pay(login=demo)
    first.card(APPROVED)
    assert first.text_of("status") == "Оплата прошла успешно"
    assert not first.has("oneclickoffer")

    _c, _n, _order2, second = pay(login=demo, amount="100.00")
    second.card(APPROVED)
    assert second.has("oneclickoffer") and second.text_of("offer-card") == "•••• 1111"
    second.post("oneclick", {"choice": "yes"}, "oneclickoffer")
    assert second.text_of("status") == "Оплата прошла успешно"

    _c, _n, order3, third = pay(login=demo, amount="50.00")
    assert third.has("oneclickform") and third.text_of("oneclick-card") == "•••• 1111"
    third.post("oneclick-pay", {"card": _saved_card(third), "cvc": "12"}, "oneclickform")
    assert "три цифры" in third.html
    third.post("oneclick-pay", {"card": _saved_card(third), "cvc": "321"}, "oneclickform")
    assert third.text_of("status") == "Оплата прошла успешно"
    assert client.payment(number, order3.order_number).state is OrderState.PAID


def test_oneclick_refused_is_not_offered_again(pay: Any, server: Any) -> None:
    demo = server.by_case("internet-discount")
    _c, _n, _o, first = pay(login=demo)
    first.card(APPROVED)
    _c, _n, _o, second = pay(login=demo)
    second.card(APPROVED)
    second.post("oneclick", {"choice": "no"}, "oneclickoffer")
    assert second.text_of("status") == "Оплата прошла успешно"
    _c, _n, _o, third = pay(login=demo)
    assert not third.has("oneclickform")
    third.card(APPROVED)
    assert not third.has("oneclickoffer")
    assert third.text_of("status") == "Оплата прошла успешно"


def test_oneclick_card_of_another_account_is_not_accepted(pay: Any, server: Any) -> None:
    demo = server.by_case("internet-discount")
    _c, _n, _o, first = pay(login=demo)
    first.card(APPROVED)
    _c, _n, _o, second = pay(login=demo)
    second.card(APPROVED)
    second.post("oneclick", {"choice": "yes"}, "oneclickoffer")
    _c, _n, _o, own = pay(login=demo)
    token = _saved_card(own)
    _c, _n, order, other = pay("no-contacts")
    other.post("email", {"email": "a@b.ru"}, "emailform")
    other.post("oneclick-pay", {"card": token, "cvc": "123"}, "methodform")
    assert "не найдена" in other.html
    assert _c.payment(_n, order.order_number).state is OrderState.PENDING


def _saved_card(payer: Payer) -> str:
    match = re.search(r'name="card" value="([^"]+)"', payer.html)
    assert match
    return match.group(1)


# --------------------------------------------------------------------------- no card data at rest


def test_no_card_number_or_cvc_in_the_database(pay: Any, server: Any, caplog: Any) -> None:
    caplog.set_level("DEBUG")
    demo = server.by_case("internet-discount")
    for number in (APPROVED, APPROVED, DECLINED, THREE_DS, TIMEOUT):
        _c, _n, _o, payer = pay(login=demo)
        payer.card(number, cvc="987")
        if payer.has("oneclickoffer"):
            payer.post("oneclick", {"choice": "yes"}, "oneclickoffer")
        if payer.has("threedsform"):
            payer.post("3ds", {"code": cards.TEST_3DS_CODE}, "threedsform")
    numbers = [n.replace(" ", "") for n in (APPROVED, DECLINED, THREE_DS, TIMEOUT)]
    with server.session() as db:
        conn = db.connection().connection.driver_connection
        if hasattr(conn, "iterdump"):
            dump = "\n".join(conn.iterdump())
            assert "paysandbox_cards" in dump
            assert 'INSERT INTO "receipts"' in dump  # the kept 54-FZ receipts are scanned too
            for n in numbers:
                assert n not in dump
    if server.db_url.startswith("sqlite"):
        folder = Path(server.db_url.split("///", 1)[1]).parent
        for path in folder.iterdir():
            data = path.read_bytes()
            for n in numbers:
                assert n.encode() not in data, path
    for record in caplog.records:
        message = record.getMessage()
        assert not any(n in message for n in numbers)


# --------------------------------------------------------------------------- pages


def test_return_pages_and_escaping() -> None:
    assert pages.esc('<a href="x">') == "&lt;a href=&quot;x&quot;&gt;"
    html = pages.refused_page("<b>bad</b>")
    assert "&lt;b&gt;bad&lt;/b&gt;" in html and "<b>bad</b>" not in html


def test_return_addresses_answer_in_a_browser(server: Any) -> None:
    ok = requests.get(f"{server.url}/pay/return/ok?OrderNumber=1&Billnumber=2", timeout=30)
    no = requests.get(f"{server.url}/pay/return/no", timeout=30)
    assert ok.status_code == 200 and "Оплата завершена" in ok.text
    assert no.status_code == 200 and "не проведена" in no.text
