"""The SMS number (R-SUB-2): a Russian mobile number, stored as 10 ASCII digits starting with 9.

Pure Python, no Qt; the app and the server both use it (R-VAL-1). The server accepts only the
stored form (:func:`is_sms_phone`: exactly ``9`` and nine more ASCII digits, nothing after them).
The app also takes what people paste — «+7 (910) 123-45-67», «8-910-123-45-67», «910 123 45 67» —
strips the separators and the leading +7/8 (:func:`normalize_phone`) and shows the result before
saving. Anything else is refused with a sentence in Russian (the UI translates it with the context
``Phone``). Landlines (4822 123456) and «0000000000» are not mobile numbers.
"""

from __future__ import annotations

import re

from .checks import Checked, InputError, check_with

#: characters a pasted number may carry besides digits; they are simply dropped
SEPARATORS = frozenset(" \t\u00a0\u202f-\u2010\u2011\u2012\u2013\u2014().")

DIGITS = 10

MSG_LETTERS = "Номер может содержать только цифры (пробелы, дефисы и скобки не мешают)."
MSG_PLUS = "Знак «+» допустим только в начале номера, в виде +7."
MSG_LENGTH = "Номер для SMS — 10 цифр без 8 или +7 в начале, например 9101234567."
MSG_MOBILE = "SMS приходят только на мобильный номер: 10 цифр, первая — 9, например 9101234567."

#: the stored form: a Russian mobile number without the country prefix
_STORED = re.compile(r"9[0-9]{9}")
_TEN_DIGITS = re.compile(r"[0-9]{10}")


def is_sms_phone(value: str) -> bool:
    """True when ``value`` is exactly a stored SMS number: «9» and nine more ASCII digits."""
    return _STORED.fullmatch(value) is not None


class PhoneError(InputError):
    """A text that is not an SMS number; ``str()`` is the Russian sentence to show."""

    def __init__(self, message: str, digits: int = 0) -> None:
        super().__init__(message)
        self.digits = digits  # how many digits were found (for the message)


class PhoneCheck(Checked):
    """The outcome of checking a typed number: the 10 digits, or the message, or empty (clear)."""

    @property
    def digits(self) -> str | None:
        """10 digits when valid; None when empty (= clear) or invalid."""
        return self.value


def normalize_phone(text: str) -> str | None:
    """``"+7 (910) 123-45-67"`` → ``"9101234567"``; blank → ``None`` (clear); else :class:`PhoneError`."""
    stripped = text.strip()
    if not stripped:
        return None
    body = stripped
    plus = body.startswith("+")
    if plus:
        body = body[1:]
    if "+" in body:
        raise PhoneError(MSG_PLUS)
    digits = []
    for ch in body:
        if ch in SEPARATORS:
            continue
        if not ("0" <= ch <= "9"):  # str.isdigit() would let «٣» or «²» through
            raise PhoneError(MSG_LETTERS)
        digits.append(ch)
    number = "".join(digits)
    if plus:
        if not number.startswith("7") or len(number) != DIGITS + 1:
            raise PhoneError(MSG_LENGTH, len(number))
        number = number[1:]
    elif len(number) == DIGITS + 1 and number[0] in "78":
        number = number[1:]
    elif len(number) != DIGITS:
        raise PhoneError(MSG_LENGTH, len(number))
    if not is_sms_phone(number):
        raise PhoneError(MSG_MOBILE, len(number))
    return number


def check_phone(text: str) -> PhoneCheck:
    """:func:`normalize_phone` without exceptions, for live feedback as the user types."""
    return check_with(PhoneCheck, normalize_phone, text)


def format_phone(digits: str | None) -> str:
    """``"9101234567"`` → ``"+7 910 123-45-67"`` (anything else is returned as is)."""
    if not digits:
        return ""
    if _TEN_DIGITS.fullmatch(digits):  # a number stored before the mobile rule is shown the same way
        return f"+7 {digits[:3]} {digits[3:6]}-{digits[6:8]}-{digits[8:]}"
    return digits
