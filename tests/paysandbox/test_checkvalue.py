"""Checkvalue: the keyed signature of the pay request; a changed field breaks it."""

from __future__ import annotations

from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

import pytest

from annet_server.paysandbox import checkvalue

SECRET = "a-test-merchant-secret-of-32-characters"


def _fields() -> dict[str, str]:
    return checkvalue.pay_fields(
        "http://127.0.0.1:8000/", "A-1", Decimal("500.5"), "ivan@example.ru", "ru", SECRET
    )


def test_fields_and_signature() -> None:
    fields = _fields()
    assert fields["OrderAmount"] == "500.50"
    assert fields["OrderCurrency"] == "RUB"
    assert fields["URL_RETURN_OK"] == "http://127.0.0.1:8000/pay/return/ok"
    assert fields["URL_RETURN_NO"] == "http://127.0.0.1:8000/pay/return/no"
    cv = fields["Checkvalue"]
    assert cv == cv.upper() and len(cv) == 64
    assert checkvalue.verify(fields, cv, SECRET)
    assert checkvalue.verify(fields, cv.lower(), SECRET)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("OrderAmount", "1.00"),
        ("OrderAmount", "500.51"),
        ("OrderNumber", "A-2"),
        ("Merchant_ID", "OTHER"),
        ("Email", "evil@example.ru"),
        ("URL_RETURN_OK", "https://evil.example/ok"),
        ("URL_RETURN_NO", "https://evil.example/no"),
    ],
)
def test_tampered_field_fails(name: str, value: str) -> None:
    fields = _fields()
    cv = fields["Checkvalue"]
    fields[name] = value
    assert not checkvalue.verify(fields, cv, SECRET)


def test_other_secret_or_no_checkvalue_fails() -> None:
    fields = _fields()
    assert not checkvalue.verify(fields, fields["Checkvalue"], "another secret")
    assert not checkvalue.verify(fields, "", SECRET)
    assert not checkvalue.verify(fields, None, SECRET)


def test_payment_url_carries_every_field() -> None:
    url = checkvalue.payment_url("http://127.0.0.1:8000", "A-1", Decimal("1"), None, "ru", SECRET)
    parts = urlsplit(url)
    assert parts.path == "/pay/"
    query = {k: v[0] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
    assert query["OrderAmount"] == "1.00"
    assert query["Email"] == ""
    assert query["Language"] == "ru"
    assert checkvalue.verify(query, query["Checkvalue"], SECRET)
