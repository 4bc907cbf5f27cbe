"""Tests of annet_contract.money: «1 234,50 ₽» formatting and parsing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from annet_contract.money import format_money, parse_money

S = "\u00a0"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("1234.50"), f"1{S}234,50{S}₽"),
        (Decimal("0"), f"0,00{S}₽"),
        (Decimal("-0.00"), f"0,00{S}₽"),
        (Decimal("999.99"), f"999,99{S}₽"),
        (Decimal("1000"), f"1{S}000,00{S}₽"),
        (Decimal("1234567.8"), f"1{S}234{S}567,80{S}₽"),
        (Decimal("-350.10"), f"\u2212350,10{S}₽"),
        (Decimal("0.005"), f"0,01{S}₽"),
        (12, f"12,00{S}₽"),
        ("100000.00", f"100{S}000,00{S}₽"),
    ],
)
def test_format_money(value: Decimal, text: str) -> None:
    assert format_money(value) == text


def test_format_money_sign_and_no_currency() -> None:
    assert format_money(Decimal("500"), sign=True) == f"+500,00{S}₽"
    assert format_money(Decimal("-500"), sign=True) == f"\u2212500,00{S}₽"
    assert format_money(Decimal("0"), sign=True) == f"0,00{S}₽"
    assert format_money(Decimal("1234.5"), currency=False) == f"1{S}234,50"
    assert format_money(None) == ""


@pytest.mark.parametrize("bad", ["abc", "NaN", "Infinity", ""])
def test_format_money_rejects_non_numbers(bad: str) -> None:
    with pytest.raises(ValueError):
        format_money(bad)


@pytest.mark.parametrize(
    ("text", "value"),
    [("1 234,50", "1234.50"), ("1234.5", "1234.50"), (f"1{S}234,50{S}₽", "1234.50"), ("7", "7.00")],
)
def test_parse_money(text: str, value: str) -> None:
    assert parse_money(text) == Decimal(value)


@pytest.mark.parametrize("bad", ["", "1,2,3", "1e5", "12,345", "abc", "1.2.3"])
def test_parse_money_rejects(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_money(bad)


def test_parse_money_takes_at_most_13_digits_before_the_point() -> None:
    """The documented bound of a typed amount (the rule-mutation audit of 2 December 2026: the
    mutant ``{1,13}`` → ``{1,14}`` passed the audit's runs)."""
    assert parse_money("9" * 13 + ",99") == Decimal("9" * 13 + ".99")
    with pytest.raises(ValueError):
        parse_money("1" + "0" * 13)
