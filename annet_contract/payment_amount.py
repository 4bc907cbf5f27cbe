"""The amount of an online payment (R-PAY-1): 1 ₽ … 100 000 ₽, kopecks allowed — the one definition.

Pure Python, no Qt. The app: :func:`check_amount` turns «1 234,50» into ``Decimal("1234.50")`` or
raises :class:`AmountError` with the sentence to show under the field. The server:
:func:`amount_allowed` on the ``Decimal`` it received. Both use :data:`MIN_AMOUNT` and
:data:`MAX_AMOUNT` (R-VAL-1).
"""

from __future__ import annotations

from decimal import Decimal

from .checks import InputError
from .money import CENT, parse_money

MIN_AMOUNT = Decimal("1.00")
MAX_AMOUNT = Decimal("100000.00")

#: the sentences (Russian source texts; the UI translates them in context ``PaymentDialog``)
EMPTY = "Введите сумму платежа."
NOT_A_NUMBER = "Сумма — число рублей с копейками через запятую, например 499,90."
TOO_SMALL = "Минимальная сумма платежа — 1 ₽."
TOO_LARGE = "Максимальная сумма платежа — 100 000 ₽."


class AmountError(InputError):
    """The typed amount cannot be paid; ``message`` says why (one of the constants above)."""


def check_amount(text: str) -> Decimal:
    """The amount to pay, or :class:`AmountError`."""
    if not (text or "").strip():
        raise AmountError(EMPTY)
    try:
        amount = parse_money(text)
    except ValueError:
        raise AmountError(NOT_A_NUMBER) from None
    if amount < MIN_AMOUNT:
        raise AmountError(TOO_SMALL)
    if amount > MAX_AMOUNT:
        raise AmountError(TOO_LARGE)
    return amount


def amount_allowed(value: Decimal) -> bool:
    """True when ``value`` may be paid: finite, whole kopecks, within 1 ₽ … 100 000 ₽."""
    return value.is_finite() and MIN_AMOUNT <= value <= MAX_AMOUNT and value == value.quantize(CENT)


def suggested(recommended: Decimal | None) -> Decimal | None:
    """What to prefill: the recommended payment when it can be paid, else nothing."""
    if recommended is None or recommended < MIN_AMOUNT:
        return None
    return min(recommended, MAX_AMOUNT)
