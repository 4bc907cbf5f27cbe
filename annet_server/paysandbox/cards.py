"""Card data checks of the sandbox (the server side of the live checks in the card form).

Pure functions, no I/O: the Luhn check of a 16-digit number, the expiry «MM/YY» not in the past,
the holder's name in Latin letters, the 3-digit CVC2 and the e-mail. Each returns the cleaned
value or raises :class:`CardError` with the message shown next to the field (:mod:`.texts`).

The documented test cards (docs/payment-sandbox.md) and what the sandbox's "bank" does with
them are here too: :func:`outcome_of`.
"""

from __future__ import annotations

import datetime as dt
import hmac
import re
from enum import StrEnum

from .texts import text

#: the 3-D Secure confirmation code of the sandbox's "bank" (documented)
TEST_3DS_CODE = "123456"
#: wrong 3-D Secure codes allowed before the payment is declined
MAX_3DS_ATTEMPTS = 3

#: the bank's reasons as stored with the order (Russian; the result page shows them in its language)
DECLINE_REASON = text("reason.declined", "ru")
TIMEOUT_REASON = text("reason.timeout", "ru")
WRONG_3DS_REASON = text("reason.wrong_3ds", "ru")


class Outcome(StrEnum):
    """What the sandbox's bank does with a card."""

    APPROVED = "approved"  # approved at once (frictionless)
    DECLINED = "declined"  # «Отказ в авторизации…»
    THREE_DS = "3ds"  # asks for the 3-D Secure code, then approved
    TIMEOUT = "timeout"  # the bank does not answer in time


#: the documented test cards: number → outcome; every other valid card asks for 3-D Secure
TEST_CARDS: dict[str, Outcome] = {
    "4111111111111111": Outcome.APPROVED,
    "4000000000000002": Outcome.DECLINED,
    "5555555555554444": Outcome.THREE_DS,
    "4000000000000119": Outcome.TIMEOUT,
}


class CardError(ValueError):
    """A field of the card form is wrong; ``field`` names it, ``key`` its text in :mod:`.texts`.

    ``message`` is the Russian text; :meth:`message_in` gives it in the page's language.
    """

    def __init__(self, field: str, key: str) -> None:
        self.field = field
        self.key = key
        self.message = text(key, "ru")
        super().__init__(self.message)

    def message_in(self, lang: str) -> str:
        """The message for the payer in ``lang``."""
        return text(self.key, lang)


def luhn_ok(digits: str) -> bool:
    """True when ``digits`` (only digits) passes the Luhn check."""
    if not digits.isdigit():
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def clean_number(text: str) -> str:
    """The card number: 16 digits (spaces and dashes between groups allowed), Luhn-valid."""
    digits = re.sub(r"[ \-]", "", text or "")
    if not re.fullmatch(r"[0-9]{16}", digits):
        raise CardError("number", "err.number_digits")
    if not luhn_ok(digits):
        raise CardError("number", "err.number_luhn")
    return digits


def clean_expiry(text: str, today: dt.date) -> tuple[int, int]:
    """The expiry «MM/YY» as (month, full year); the current month is still valid."""
    match = re.fullmatch(r"\s*([0-9]{2})\s*/\s*([0-9]{2})\s*", text or "")
    if not match:
        raise CardError("expiry", "err.expiry_format")
    month, year = int(match.group(1)), 2000 + int(match.group(2))
    if not 1 <= month <= 12:
        raise CardError("expiry", "err.expiry_month")
    if (year, month) < (today.year, today.month):
        raise CardError("expiry", "err.expiry_past")
    if year > today.year + 20:
        raise CardError("expiry", "err.expiry_far")
    return month, year


def clean_holder(text: str) -> str:
    """The holder's name in Latin letters as printed on the card (upper case)."""
    name = " ".join((text or "").split())
    if not re.fullmatch(r"[A-Za-z][A-Za-z .'\-]{0,24}[A-Za-z]", name):
        raise CardError("holder", "err.holder")
    return name.upper()


def clean_cvc(text: str) -> str:
    """The CVC2/CVV2: exactly three digits."""
    value = (text or "").strip()
    if not re.fullmatch(r"[0-9]{3}", value):
        raise CardError("cvc", "err.cvc")
    return value


_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")


def clean_email(text: str) -> str:
    """An e-mail address for the payment notices."""
    value = (text or "").strip()
    if len(value) > 254 or not _EMAIL.fullmatch(value):
        raise CardError("email", "err.email")
    return value


def three_ds_code_ok(code: str) -> bool:
    """True for exactly the bank's 3-D Secure code: all six digits, nothing more (constant time)."""
    return hmac.compare_digest(code.encode(), TEST_3DS_CODE.encode())


def outcome_of(number: str) -> Outcome:
    """What the sandbox bank does with the (clean) card ``number``."""
    return TEST_CARDS.get(number, Outcome.THREE_DS)


def mask(last4: str) -> str:
    """A card shown by its last four digits: «•••• 1111»."""
    return "\u2022\u2022\u2022\u2022 " + last4
