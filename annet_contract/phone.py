"""The SMS number (R-SUB-2): normalise what a person pastes to the 10 digits the cabinet stores.

Pure Python, no Qt. The cabinet wants 10 digits without 8 or +7 in front. People paste
«+7 (910) 123-45-67», «8-910-123-45-67», «910 123 45 67»: the separators and the leading +7/8 are
stripped and the result is shown before saving. Anything else is refused with a sentence in
Russian (the UI translates it with the context ``Phone``).
"""

from __future__ import annotations

from dataclasses import dataclass

#: characters a pasted number may carry besides digits; they are simply dropped
SEPARATORS = frozenset(" \t\u00a0\u202f-\u2010\u2011\u2012\u2013\u2014().")

DIGITS = 10

MSG_LETTERS = "Номер может содержать только цифры (пробелы, дефисы и скобки не мешают)."
MSG_PLUS = "Знак «+» допустим только в начале номера, в виде +7."
MSG_LENGTH = "Номер для SMS — 10 цифр без 8 или +7 в начале, например 9101234567."


class PhoneError(ValueError):
    """A text that is not an SMS number; ``str()`` is the Russian sentence to show."""

    def __init__(self, message: str, digits: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.digits = digits  # how many digits were found (for the message)


@dataclass(frozen=True)
class PhoneCheck:
    """The outcome of checking a typed number: the 10 digits, or the message, or empty (clear)."""

    digits: str | None  # 10 digits when valid; None when empty (= clear) or invalid
    error: str | None = None

    @property
    def valid(self) -> bool:
        return self.error is None

    @property
    def clears(self) -> bool:
        return self.error is None and self.digits is None


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
        return number[1:]
    if len(number) == DIGITS + 1 and number[0] in "78":
        return number[1:]
    if len(number) != DIGITS:
        raise PhoneError(MSG_LENGTH, len(number))
    return number


def check_phone(text: str) -> PhoneCheck:
    """:func:`normalize_phone` without exceptions, for live feedback as the user types."""
    try:
        return PhoneCheck(normalize_phone(text))
    except PhoneError as exc:
        return PhoneCheck(None, exc.message)


def format_phone(digits: str | None) -> str:
    """``"9101234567"`` → ``"+7 910 123-45-67"`` (anything else is returned as is)."""
    if not digits:
        return ""
    if len(digits) == DIGITS and digits.isascii() and digits.isdigit():
        return f"+7 {digits[:3]} {digits[3:6]}-{digits[6:8]}-{digits[8:]}"
    return digits
