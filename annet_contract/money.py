"""Money on both sides: «1 234,50 ₽» as the subscriber reads it, typed amounts, kopecks, the wire type.

Pure Python (and a pydantic annotation), no Qt. Groups of thousands and the gap before «₽» are
no-break spaces (U+00A0) so a sum never wraps across two lines; negative sums start with the minus
sign «−» (U+2212). Rounding is half up to the kopeck everywhere. Every amount is bounded in
magnitude (:data:`MAX_ABS`) before ``Decimal`` arithmetic, so no input raises ``InvalidOperation``
past these functions (ARCHITECTURE "Known traps").
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Annotated

from pydantic import AfterValidator, PlainSerializer

NBSP = "\u00a0"
MINUS = "\u2212"
ROUBLE = "₽"

CENT = Decimal("0.01")
#: No amount of the cabinet comes near this (a trillion roubles); anything larger is not money.
MAX_ABS = Decimal("1000000000000")

#: A plain typed amount once separators are gone: ASCII digits, one optional point, no exponent.
_PLAIN = re.compile(r"-?[0-9]{1,13}(?:\.[0-9]{1,20})?")


def _bounded(value: Decimal) -> bool:
    return value.is_finite() and abs(value) < MAX_ABS


def format_money(
    value: Decimal | int | str | None, *, sign: bool = False, currency: bool = True, lang: str = "ru"
) -> str:
    """Format an amount of roubles: ``Decimal("1234.5")`` → ``"1 234,50 ₽"``.

    ``sign=True`` puts «+» before positive amounts (balance movements); ``currency=False`` leaves
    out the rouble sign (table cells under a «₽» header); ``lang="en"`` gives "1,234.50 ₽".
    ``None`` gives an empty string; anything that is not a bounded number raises ``ValueError``.
    """
    if value is None:
        return ""
    try:
        amount = Decimal(value)
        if not _bounded(amount):
            raise ValueError
        amount = amount.quantize(CENT, rounding=ROUND_HALF_UP)
    except (InvalidOperation, ValueError, TypeError):
        raise ValueError(f"not an amount of money: {value!r}") from None
    negative = amount < 0 and amount != 0
    whole, _, kopecks = f"{abs(amount):.2f}".partition(".")
    groups = []
    while whole:
        groups.append(whole[-3:])
        whole = whole[:-3]
    english = (lang or "ru").lower().startswith("en")
    text = ("," if english else NBSP).join(reversed(groups)) + ("." if english else ",") + kopecks
    if negative:
        text = MINUS + text
    elif sign and amount > 0:
        text = "+" + text
    if currency:
        text += NBSP + ROUBLE
    return text


def parse_money(text: str) -> Decimal:
    """Read an amount typed by a person: «1 234,50», «1234.5», «1 234,50 ₽» → ``Decimal``.

    Raises ``ValueError`` for anything that is not a plain number of ASCII digits (no exponent, at
    most 13 digits before the point) with at most two decimal places.
    """
    cleaned = (
        text.strip()
        .replace(ROUBLE, "")
        .replace(NBSP, "")
        .replace("\u202f", "")
        .replace(" ", "")
        .replace(MINUS, "-")
        .replace(",", ".")
    )
    if not _PLAIN.fullmatch(cleaned):
        raise ValueError(f"not an amount of money: {text!r}")
    amount = Decimal(cleaned)
    if amount != amount.quantize(CENT):
        raise ValueError(f"more than two decimal places: {text!r}")
    return amount.quantize(CENT)


def to_kopecks(amount: Decimal | int | str) -> int:
    """``Decimal("12.34")`` → ``1234``; rounds half up to the kopeck; ``ValueError`` past :data:`MAX_ABS`."""
    value = Decimal(amount)
    if not _bounded(value):
        raise ValueError(f"not an amount of money: {amount!r}")
    return int((value.quantize(CENT, rounding=ROUND_HALF_UP) * 100).to_integral_value())


def from_kopecks(kopecks: int) -> Decimal:
    """``1234`` → ``Decimal("12.34")`` (always two decimal places)."""
    return Decimal(int(kopecks)).scaleb(-2)


def _two_places(value: Decimal) -> Decimal:
    if not value.is_finite():
        raise ValueError("money must be a finite number")
    if not _bounded(value):
        raise ValueError("money is out of range")
    quantized = value.quantize(CENT)
    if quantized != value:
        raise ValueError("money has at most two decimal places")
    return quantized


#: Money on the wire: a Decimal in code, a "1234.50" string in JSON; finite, bounded, two places.
Money = Annotated[
    Decimal,
    AfterValidator(_two_places),
    PlainSerializer(lambda v: f"{v:.2f}", return_type=str, when_used="json"),
]
