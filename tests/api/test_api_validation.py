"""Bad input for every field of every request: 422 with a message per field, nothing changed, no crash."""

from __future__ import annotations

from typing import Any

import pytest

from annet_contract.schema import ErrorCode


@pytest.fixture
def session(server: Any, raw: Any) -> tuple[str, str]:
    """A raw token of the first demo subscriber and one of their account numbers."""
    demo = server.accounts[0]
    token = raw("POST", "/session", json={"account": demo.account, "password": demo.password}).json()["token"]
    return token, demo.account


def _fields(answer: Any) -> dict[str, str]:
    assert answer.status_code == 422, answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    body = answer.json()
    assert body["code"] == ErrorCode.VALIDATION
    assert body["detail"] == "Проверьте введённые данные."
    return {e["field"]: e["message"] for e in body["errors"]}


BAD_BODIES = [
    # (method, path template, body, field, message)
    ("POST", "/session", {"account": "", "password": "x"}, "account", "Допустимы только цифры."),
    ("POST", "/session", {"account": "1" * 21, "password": "x"}, "account", "Допустимы только цифры."),
    ("POST", "/session", {"account": 100001, "password": "x"}, "account", "Ожидается строка."),
    ("POST", "/session", {"account": "100001", "password": ""}, "password", "Не может быть пустым."),
    ("POST", "/session", {"account": "100001"}, "password", "Обязательное поле."),
    ("PUT", "/me/contacts", {"sms_phone": 9161234567}, "sms_phone", "Ожидается строка."),
    ("PUT", "/me/contacts", {"email": ["a@b.ru"]}, "email", "Ожидается строка."),
    ("PUT", "/me/contacts", {"phone": "9161234567"}, "phone", "Неизвестное поле."),
    ("PUT", "/me/password", {"new_password": "abc123"}, "current_password", "Обязательное поле."),
    (
        "PUT",
        "/me/password",
        {"current_password": "x", "new_password": ""},
        "new_password",
        "Не может быть пустым.",
    ),
    (
        "PUT",
        "/me/password",
        {"current_password": "x", "new_password": "a1" * 65},
        "new_password",
        "Не длиннее 128 символов.",
    ),
    (
        "POST",
        "/accounts/{n}/services",
        {"catalog_id": "iptv", "tariff_id": 1},
        "catalog_id",
        "Ожидается целое число.",
    ),
    ("POST", "/accounts/{n}/services", {"catalog_id": 1}, "tariff_id", "Обязательное поле."),
    ("POST", "/accounts/{n}/services", {"catalog_id": 0, "tariff_id": 1}, "catalog_id", "Не меньше 1."),
    (
        "POST",
        "/accounts/{n}/services",
        {"catalog_id": 1, "tariff_id": 10**20},
        "tariff_id",
        "Не больше 2147483647.",
    ),
    ("PUT", "/accounts/{n}/services/1/tariff", {"tariff_id": 1.5}, "tariff_id", "Ожидается целое число."),
    ("PUT", "/accounts/{n}/services/1/tariff", {}, "tariff_id", "Обязательное поле."),
    ("POST", "/accounts/{n}/services/1/discount", {"offer_id": None}, "offer_id", "Ожидается целое число."),
    ("POST", "/accounts/{n}/services/1/discount", {"offer_id": -3}, "offer_id", "Не меньше 1."),
    ("POST", "/accounts/{n}/payments", {"amount": "сто"}, "amount", "Ожидается число."),
    (
        "POST",
        "/accounts/{n}/payments",
        {"amount": "100.005"},
        "amount",
        "Не более двух знаков после запятой.",
    ),
    ("POST", "/accounts/{n}/payments", {"amount": "NaN"}, "amount", "Ожидается конечное число."),
    ("POST", "/accounts/{n}/payments", {"amount": "Infinity"}, "amount", "Ожидается конечное число."),
    ("POST", "/accounts/{n}/payments", {}, "amount", "Обязательное поле."),
    ("POST", "/accounts/{n}/payments", {"amount": "100", "currency": "USD"}, "currency", "Неизвестное поле."),
]


@pytest.mark.parametrize(("method", "path", "body", "field", "message"), BAD_BODIES)
def test_bad_body_fields(
    raw: Any, session: tuple[str, str], method: str, path: str, body: Any, field: str, message: str
) -> None:
    token, number = session
    answer = raw(method, path.format(n=number), token=token, json=body)
    assert _fields(answer).get(field) == message


BAD_QUERIES = [
    ("/accounts/{n}/calls", {"year": 2026}, "month", "Обязательное поле."),
    ("/accounts/{n}/calls", {"year": 2026, "month": 13}, "month", "Не больше 12."),
    ("/accounts/{n}/calls", {"year": 2026, "month": 0}, "month", "Не меньше 1."),
    ("/accounts/{n}/calls", {"year": "двадцать", "month": 1}, "year", "Ожидается целое число."),
    ("/accounts/{n}/calls", {"year": 1999, "month": 1}, "year", "Не меньше 2000."),
    ("/accounts/{n}/calls", {"year": 2026, "month": 1, "limit": 0}, "limit", "Не меньше 1."),
    ("/accounts/{n}/calls", {"year": 2026, "month": 1, "limit": 100_001}, "limit", "Не больше 100000."),
    ("/accounts/{n}/balance-history", {"limit": 0}, "limit", "Не меньше 1."),
    ("/accounts/{n}/balance-history", {"limit": 1001}, "limit", "Не больше 1000."),
    ("/accounts/{n}/balance-history", {"cursor": "c" * 201}, "cursor", "Не длиннее 200 символов."),
    ("/journal", {"limit": "many"}, "limit", "Ожидается целое число."),
    ("/journal", {"limit": -1}, "limit", "Не меньше 1."),
    ("/accounts/{n}/services/abc/tariffs", {}, "service_id", "Ожидается целое число."),
    ("/accounts/{n}/services/0/discounts", {}, "service_id", "Не меньше 1."),
    ("/accounts/{n}/catalog/x/tariffs/1/first-charge", {}, "catalog_id", "Ожидается целое число."),
    ("/accounts/{n}/catalog/1/tariffs/99999999999/first-charge", {}, "tariff_id", "Не больше 2147483647."),
]


@pytest.mark.parametrize(("path", "params", "field", "message"), BAD_QUERIES)
def test_bad_query_and_path_fields(
    raw: Any, session: tuple[str, str], path: str, params: dict[str, Any], field: str, message: str
) -> None:
    token, number = session
    answer = raw("GET", path.format(n=number), token=token, params=params)
    assert _fields(answer).get(field) == message


@pytest.mark.parametrize("cursor", ["garbage", "0" * 200, "-1", "eyJ4IjoxfQ=="])
@pytest.mark.parametrize("path", ["/accounts/{n}/balance-history", "/journal", "/accounts/{n}/calls"])
def test_a_made_up_cursor_is_422_never_500(
    raw: Any, session: tuple[str, str], path: str, cursor: str
) -> None:
    token, number = session
    params: dict[str, Any] = {"cursor": cursor, "year": 2026, "month": 11}
    answer = raw("GET", path.format(n=number), token=token, params=params)
    assert answer.status_code == 422, answer.text
    assert answer.json()["code"] == ErrorCode.VALIDATION


def test_an_unusable_idempotency_key_is_422(raw: Any, session: tuple[str, str]) -> None:
    token, number = session
    answer = raw("POST", f"/accounts/{number}/credit", token=token, headers={"Idempotency-Key": "k" * 201})
    assert "Idempotency-Key" in _fields(answer)


def test_bad_input_changes_nothing(server: Any, raw: Any, session: tuple[str, str]) -> None:
    token, number = session
    before = raw("GET", "/journal", token=token).json()
    for method, path, body, _field, _message in BAD_BODIES:
        if path != "/session":
            raw(method, path.format(n=number), token=token, json=body)
    assert raw("GET", "/journal", token=token).json() == before
