"""R-VAL-1 / issue 11 finding 8: the real server accepts exactly what the app's validator accepts.

One table of tricky inputs per rule; for each, the app's check (annet_contract, as the dialogs call
it) and the reference server on 127.0.0.1 (request model + billing) must agree, and the server
stores exactly the value the app would send. Refusals are 422 problems, never a 500.
"""

from __future__ import annotations

from typing import Any

import pytest

from annet_contract.email import check_email
from annet_contract.password import is_valid as password_valid
from annet_contract.payment_amount import AmountError, check_amount
from annet_contract.phone import check_phone

PHONES = [
    "9001234567",
    "9001234567\n",
    "0000000000",
    "4822123456",
    "8001234567",
    "+7 (900) 123-45-67",
    "89001234567",
    "900123456٧",
    "9９01234567",
    "900123456",
]
EMAILS = [
    "ivan@почта.рф",
    "ivan@ПОЧТА.РФ",
    "ivan@xn--80a1acny.xn--p1ai",
    "ivan@mail.ru",
    "ivan@mail.ru\n",
    "иван@mail.ru",
    "ivan@a²b.ru",
    "ivan@mail..ru",
    "ivan@mail",
]
PASSWORDS = ["abc 123", "²²²abc", "a1" * 64 + "b", "abc12", "123456", "пароль7", "Abc123x", "a1" * 64]
AMOUNTS = [
    "0",
    "0.001",
    "1e308",
    "9" * 30,
    "²",
    "10000000000000000000000000",
    "0.99",
    "1",
    "100000",
    "100000.01",
]


@pytest.fixture
def session(server: Any, raw: Any) -> dict[str, str]:
    demo = server.accounts[0]
    answer = raw("POST", "/session", json={"account": demo.account, "password": demo.password})
    return {"token": answer.json()["token"], "account": demo.account, "password": demo.password}


def _refused(answer: Any) -> bool:
    assert answer.status_code < 500, answer.text
    if answer.status_code >= 400:
        assert answer.status_code == 422, answer.text
        assert answer.headers["content-type"] == "application/problem+json"
        return True
    return False


def _me(raw: Any, token: str) -> dict[str, Any]:
    answer = raw("GET", "/me", token=token)
    assert answer.status_code == 200
    return dict(answer.json())


@pytest.mark.parametrize("typed", PHONES)
def test_sms_number_parity(raw: Any, session: dict[str, str], typed: str) -> None:
    app = check_phone(typed)
    token = session["token"]
    before = _me(raw, token)["sms_phone"]
    answer = raw("PUT", "/me/contacts", token=token, json={"sms_phone": typed})
    server_accepts_raw = not _refused(answer)
    assert server_accepts_raw == (app.valid and app.digits == typed), (typed, answer.text)
    if not server_accepts_raw:
        assert _me(raw, token)["sms_phone"] == before  # nothing changed
    if app.valid:  # what the app sends after normalising is accepted and stored as is
        answer = raw("PUT", "/me/contacts", token=token, json={"sms_phone": app.digits})
        assert answer.status_code == 200, answer.text
        assert _me(raw, token)["sms_phone"] == app.digits


@pytest.mark.parametrize("typed", EMAILS)
def test_email_parity(raw: Any, session: dict[str, str], typed: str) -> None:
    app = check_email(typed)
    token = session["token"]
    answer = raw("PUT", "/me/contacts", token=token, json={"email": typed})
    server_accepts_raw = not _refused(answer)
    assert server_accepts_raw == (app.valid and typed == typed.strip()), (typed, answer.text)
    if server_accepts_raw:
        assert _me(raw, token)["email"] == app.address
    if app.valid:
        answer = raw("PUT", "/me/contacts", token=token, json={"email": app.address})
        assert answer.status_code == 200, answer.text
        assert _me(raw, token)["email"] == app.address


def test_password_parity(raw: Any, session: dict[str, str]) -> None:
    token, current = session["token"], session["password"]
    for new in PASSWORDS:
        answer = raw(
            "PUT", "/me/password", token=token, json={"current_password": current, "new_password": new}
        )
        assert (not _refused(answer)) == password_valid(new), (new, answer.text)
        if password_valid(new):
            current = new


@pytest.mark.parametrize("typed", AMOUNTS)
def test_payment_amount_parity(raw: Any, session: dict[str, str], typed: str) -> None:
    try:
        check_amount(typed)
        app_valid = True
    except AmountError:
        app_valid = False
    path = f"/accounts/{session['account']}/payments"
    answer = raw("POST", path, token=session["token"], json={"amount": typed})
    assert (not _refused(answer)) == app_valid, (typed, answer.text)
