"""Money as the subscriber reads it: «1 234,50 ₽» (Russian grouping, comma, rouble sign).

Pure Python, no Qt. Groups of thousands and the gap before «₽» are no-break spaces (U+00A0) so a
sum never wraps across two lines; negative sums start with the minus sign «−» (U+2212).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

NBSP = "\u00a0"
MINUS = "\u2212"
ROUBLE = "₽"


def format_money(value: Decimal | int | str | None, *, sign: bool = False, currency: bool = True) -> str:
    """Format an amount of roubles: ``Decimal("1234.5")`` → ``"1 234,50 ₽"``.

    ``sign=True`` puts «+» before positive amounts (balance movements); ``currency=False`` leaves
    out the rouble sign (table cells under a «₽» header). ``None`` gives an empty string.
    """
    if value is None:
        return ""
    try:
        amount = Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    except (InvalidOperation, ValueError, TypeError):
        raise ValueError(f"not an amount of money: {value!r}") from None
    if not amount.is_finite():
        raise ValueError(f"not an amount of money: {value!r}")
    negative = amount < 0
    if amount == 0:
        negative = False
    whole, _, kopecks = f"{abs(amount):.2f}".partition(".")
    groups = []
    while whole:
        groups.append(whole[-3:])
        whole = whole[:-3]
    text = NBSP.join(reversed(groups)) + "," + kopecks
    if negative:
        text = MINUS + text
    elif sign and amount > 0:
        text = "+" + text
    if currency:
        text += NBSP + ROUBLE
    return text


def parse_money(text: str) -> Decimal:
    """Read an amount typed by a person: «1 234,50», «1234.5», «1 234,50 ₽» → ``Decimal``.

    Raises ``ValueError`` for anything that is not a plain non-exponent number with at most two
    decimal places.
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
    if not cleaned or cleaned.count(".") > 1 or not cleaned.lstrip("-").replace(".", "").isdigit():
        raise ValueError(f"not an amount of money: {text!r}")
    amount = Decimal(cleaned)
    if amount != amount.quantize(Decimal("0.01")):
        raise ValueError(f"more than two decimal places: {text!r}")
    return amount.quantize(Decimal("0.01"))
