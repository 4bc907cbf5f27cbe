"""The payment amount as typed (R-PAY-1): 1 ₽ … 100 000 ₽, kopecks allowed; edges on both sides."""

from __future__ import annotations

from decimal import Decimal

import pytest

from annet_contract.payment_amount import (
    EMPTY,
    NOT_A_NUMBER,
    TOO_LARGE,
    TOO_SMALL,
    AmountError,
    check_amount,
    suggested,
)


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("1", "1.00"),  # the minimum itself
        ("1,01", "1.01"),
        ("499,90", "499.90"),
        ("1 234,50", "1234.50"),
        ("1\u00a0234,50 ₽", "1234.50"),
        ("99999,99", "99999.99"),
        ("100000", "100000.00"),  # the maximum itself
        ("100 000,00", "100000.00"),
        (" 500.5 ", "500.50"),
    ],
)
def test_accepted(text: str, amount: str) -> None:
    assert check_amount(text) == Decimal(amount)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("0,99", TOO_SMALL),  # a kopeck below the minimum
        ("0", TOO_SMALL),
        ("-5", TOO_SMALL),
        ("100000,01", TOO_LARGE),  # a kopeck above the maximum
        ("1000000", TOO_LARGE),
        ("", EMPTY),
        ("   ", EMPTY),
        ("12,345", NOT_A_NUMBER),
        ("abc", NOT_A_NUMBER),
        ("1e3", NOT_A_NUMBER),
        ("1,2,3", NOT_A_NUMBER),
        ("NaN", NOT_A_NUMBER),
    ],
)
def test_refused_with_a_clear_message(text: str, message: str) -> None:
    with pytest.raises(AmountError) as info:
        check_amount(text)
    assert info.value.message == message


def test_suggested_prefill() -> None:
    assert suggested(Decimal("750")) == Decimal("750")
    assert suggested(Decimal("0")) is None
    assert suggested(None) is None
    assert suggested(Decimal("0.99")) is None
    assert suggested(Decimal("250000")) == Decimal("100000.00")


def test_every_amount_message_is_offered_for_translation() -> None:
    from annet_desktop.ui.dialogs.payment import _AMOUNT_MESSAGES

    assert set(_AMOUNT_MESSAGES) == {EMPTY, NOT_A_NUMBER, TOO_SMALL, TOO_LARGE}


def test_suggested_prefill_at_the_edges() -> None:
    """R-PAY-1's bounds in the prefill: 1.00 and 100 000.00 themselves can be paid (the rule-mutation
    audit of 2 December 2026: the mutant ``recommended < MIN_AMOUNT`` → ``<=`` passed the audit's runs)."""
    assert suggested(Decimal("1.00")) == Decimal("1.00")
    assert suggested(Decimal("100000.00")) == Decimal("100000.00")
    assert suggested(Decimal("100000.01")) == Decimal("100000.00")
