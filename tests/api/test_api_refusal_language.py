"""Every refusal speaks the request's language: Russian by default, English with ``Accept-Language: en``."""

from __future__ import annotations

from typing import Any

import pytest

from annet_contract.errors import ErrorCode
from annet_server import messages

EN = {"Accept-Language": "en"}


def _login(server: Any, raw: Any, case: str) -> tuple[str, str]:
    demo = server.by_case(case)
    token = raw("POST", "/session", json={"account": demo.account, "password": demo.password}).json()["token"]
    return token, demo.account


def _first_service(raw: Any, token: str, number: str) -> int:
    return int(raw("GET", f"/accounts/{number}/services", token=token).json()[0]["id"])


@pytest.mark.parametrize(("headers", "lang"), [({}, "ru"), (EN, "en")])
def test_a_rule_refusal_with_a_translated_parameter(server: Any, raw: Any, headers: Any, lang: str) -> None:
    token, number = _login(server, raw, "credit-available")  # under a financial block
    service = _first_service(raw, token, number)
    answer = raw("POST", f"/accounts/{number}/services/{service}/block", token=token, headers=headers)
    assert answer.status_code == 409 and answer.headers["content-language"] == lang
    body = answer.json()
    assert body["code"] == ErrorCode.BLOCK_NOT_ALLOWED
    block = {"ru": "«Финансовая»", "en": "«Financial»"}[lang]
    assert block in body["detail"]
    assert body["detail"] == messages.message(ErrorCode.BLOCK_NOT_ALLOWED, lang, block=block.strip("«»"))
    assert body["title"] == messages.title(ErrorCode.BLOCK_NOT_ALLOWED, lang)


def test_credit_refused_in_english(server: Any, raw: Any) -> None:
    token, number = _login(server, raw, "internet-discount")  # not blocked
    answer = raw("POST", f"/accounts/{number}/credit", token=token, headers=EN)
    assert answer.status_code == 409
    assert answer.json()["detail"] == "A credit is only available under a financial block."


def test_field_refusals_in_english(server: Any, raw: Any) -> None:
    token, number = _login(server, raw, "internet-discount")
    contacts = raw("PUT", "/me/contacts", token=token, json={"sms_phone": "89161234567"}, headers=EN)
    assert contacts.status_code == 422
    assert contacts.json()["detail"] == messages.message(ErrorCode.CONTACTS_BAD_PHONE, "en")
    assert contacts.json()["errors"] == [
        {"field": "sms_phone", "message": messages.message(ErrorCode.CONTACTS_BAD_PHONE, "en")}
    ]
    calls = raw(
        "GET",
        f"/accounts/{number}/calls",
        token=token,
        params={"year": 2026, "month": 11, "cursor": "bm90IGEgY3Vyc29y"},
        headers=EN,
    )
    assert calls.status_code == 422
    assert calls.json()["errors"] == [{"field": "cursor", "message": "Please check the data entered."}]
    ru = raw(
        "GET", f"/accounts/{number}/calls", token=token, params={"year": 2026, "month": 11, "cursor": "eA"}
    )
    assert ru.json()["errors"] == [{"field": "cursor", "message": "Проверьте введённые данные."}]
