"""The sandbox against an attacker (issue 13, findings 8, 11, 12): no public secret, its own form
key, return links only to the cabinet's own host, orders bound to their tokens, 3-D Secure tries
counted on the server, the code compared in full, the currency checked, no oversized forms read."""

from __future__ import annotations

import socket
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
import requests
from sandbox_payer import THREE_DS

from annet_contract.schema import OrderState
from annet_server.paysandbox import cards, checkvalue, flow
from annet_server.paysandbox.flow import Flow

ONCE_PUBLIC_SECRET = "annet-sandbox-merchant-secret"


def _fields(url: str) -> dict[str, str]:
    query = {k: v[0] for k, v in parse_qs(urlsplit(url).query, keep_blank_values=True).items()}
    query.pop("Checkvalue", None)
    return query


def _signed(server: Any, fields: dict[str, str], secret: str | None = None) -> str:
    signed = {**fields, "Checkvalue": checkvalue.compute(fields, secret or server.state.secret)}
    return f"{server.url}/pay/?{urlencode(signed)}"


# --------------------------------------------------------------------------- secrets


def test_the_once_public_merchant_secret_signs_nothing(pay: Any, server: Any) -> None:
    _client, _number, order, _payer = pay()
    answer = requests.get(_signed(server, _fields(order.payment_url), ONCE_PUBLIC_SECRET), timeout=30)
    assert answer.status_code == 403 and "Checkvalue" in answer.text
    assert server.state.secret != ONCE_PUBLIC_SECRET and len(server.state.secret) >= 32


def test_form_tokens_are_not_signed_with_the_merchant_secret(pay: Any, server: Any) -> None:
    _client, _number, order, payer = pay()
    state = Flow(order=order.order_number, account=order.account, step="method")
    assert server.state.flow_secret != server.state.secret.encode()
    for key in (server.state.secret.encode(), ("flow:" + server.state.secret).encode()):
        payer.post("method", {"method": "card"}, token=flow.dump(state, key))
        assert payer.status == 400 and "устарела" in payer.html
    payer.post("method", {"method": "card"}, token=flow.dump(state, server.state.flow_secret))
    assert payer.status == 200 and payer.has("cardform")


def test_another_subscribers_order_cannot_be_paid_or_declined_by_its_number(pay: Any, server: Any) -> None:
    victim_client, victim_number, victim_order, _victim = pay("internet-discount")
    _client, _number, own_order, attacker = pay("telephony")
    # the attacker's own signed request with the victim's order number: the signature breaks
    own_fields = _fields(own_order.payment_url)
    swapped = {**own_fields, "OrderNumber": victim_order.order_number}
    own_signature = checkvalue.compute(own_fields, server.state.secret)
    forged = requests.get(
        f"{server.url}/pay/?{urlencode({**swapped, 'Checkvalue': own_signature})}", timeout=30
    )
    assert forged.status_code == 403
    # a token naming the victim's order but the attacker's account is not accepted either
    state = Flow(order=victim_order.order_number, account=own_order.account, step="method")
    attacker.post("method", {"method": "card"}, token=flow.dump(state, server.state.flow_secret))
    assert attacker.status == 400
    attacker.post(
        "card",
        {"number": "4000 0000 0000 0002", "expiry": "12/29", "holder": "A B", "cvc": "123"},
        token=flow.dump(state.next(step="card"), server.state.flow_secret),
    )
    assert attacker.status == 400
    result = flow.dump(state.next(step="result"), server.state.flow_secret)
    assert requests.get(f"{server.url}/pay/result", params={"t": result}, timeout=30).status_code == 400
    assert victim_client.payment(victim_number, victim_order.order_number).state is OrderState.PENDING


# --------------------------------------------------------------------------- return links


@pytest.mark.parametrize(
    "return_url",
    [
        "javascript:alert(document.cookie)",
        "https://evil.example/pay/return/ok",
        "{scheme}://{host}.evil.example/pay/return/ok",
        "{scheme}://attacker@{host}:{port}/pay/return/ok",
        "{scheme}://{host}:1/pay/return/ok",
        "ftp://{host}:{port}/pay/return/ok",
        "",
    ],
)
@pytest.mark.parametrize("field", ["URL_RETURN_OK", "URL_RETURN_NO"])
def test_return_links_only_to_the_cabinets_own_host(
    pay: Any, server: Any, field: str, return_url: str
) -> None:
    _client, _number, order, _payer = pay()
    own = urlsplit(server.state.public_url)
    bad = return_url.format(scheme=own.scheme, host=own.hostname, port=own.port)
    fields = {**_fields(order.payment_url), field: bad}
    answer = requests.get(_signed(server, fields), timeout=30)  # correctly signed, still refused
    assert answer.status_code == 403, bad
    assert "Адрес возврата не принадлежит магазину." in answer.text


def test_the_own_return_links_are_accepted(pay: Any, server: Any) -> None:
    _client, _number, order, _payer = pay()
    fields = _fields(order.payment_url)
    assert fields["URL_RETURN_OK"] == f"{server.state.public_url}/pay/return/ok"
    assert requests.get(_signed(server, fields), timeout=30).status_code == 200


# --------------------------------------------------------------------------- rules no test held


def test_the_sandbox_checks_the_currency(pay: Any, server: Any) -> None:
    _client, _number, order, _payer = pay()
    for currency, status in (("USD", 403), ("rub", 403), ("RUB", 200)):
        fields = {**_fields(order.payment_url), "OrderCurrency": currency}
        answer = requests.get(_signed(server, fields), timeout=30)
        assert answer.status_code == status, currency


@pytest.mark.parametrize("code", ["123450", "123457", "12345", "1234567", "023456", "123456123456"])
def test_the_3ds_code_is_compared_in_full(pay: Any, code: str) -> None:
    client, number, order, payer = pay()
    payer.card(THREE_DS)
    payer.post("3ds", {"code": code}, "threedsform")
    assert payer.status == 422
    assert client.payment(number, order.order_number).state is OrderState.PENDING


def test_reposting_the_first_3ds_token_does_not_reset_the_count(pay: Any) -> None:
    client, number, order, payer = pay()
    payer.card(THREE_DS)
    first = payer.token("threedsform")
    for left in range(cards.MAX_3DS_ATTEMPTS - 1, 0, -1):
        payer.post("3ds", {"code": "000000"}, token=first)  # always the page's first token
        assert payer.status == 422 and f"Осталось попыток: {left}" in payer.text_of("code-error")
    payer.post("3ds", {"code": "000000"}, token=first)
    assert payer.text_of("status") == "Оплата не проведена"
    assert client.payment(number, order.order_number).state is OrderState.DECLINED
    payer.post("3ds", {"code": cards.TEST_3DS_CODE}, token=first)  # too late: nothing changes
    assert client.payment(number, order.order_number).state is OrderState.DECLINED


def test_an_oversized_form_is_not_read_to_its_end(pay: Any, server: Any) -> None:
    """A form over 8 KB is a stale page at once: the server does not wait for the rest of it."""
    _client, _number, _order, payer = pay()
    token = payer.token("methodform")
    part = f"t={token}&method=card&pad=".encode() + b"x" * 9000  # over 8 KB, under the 64 KB limit
    parts = urlsplit(server.url)
    head = (
        "POST /pay/method HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        "Content-Length: 60000\r\nConnection: close\r\n\r\n"
    )
    with socket.create_connection((parts.hostname, parts.port), timeout=30) as sock:
        sock.sendall(head.encode() + part)  # the other 51 KB never come; only a hang breaker times out
        answer = sock.recv(65536)
    assert answer.split(b" ")[1] == b"400"


def test_an_ordinary_payer_still_pays(pay: Any) -> None:
    client, number, order, payer = pay()
    payer.card(THREE_DS)
    payer.post("3ds", {"code": "000000"}, "threedsform")
    payer.post("3ds", {"code": cards.TEST_3DS_CODE}, "threedsform")
    assert payer.text_of("status") == "Оплата прошла успешно"
    assert client.payment(number, order.order_number).state is OrderState.PAID


def test_a_form_with_too_many_fields_is_a_stale_page_not_a_500(pay: Any) -> None:
    _client, _number, _order, payer = pay()
    payer.post("method", {"method": "card", **{f"f{i}": "x" for i in range(30)}}, "methodform")
    assert payer.status == 400 and "устарела" in payer.html
