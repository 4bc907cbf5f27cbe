"""The new password (R-PWD-2): the rule, a strength score as the user types, the confirmation.

Pure Python, no Qt. The rule of the cabinet, the same on the app and the server (R-VAL-1):
at least one letter and one ASCII digit (``0``–``9``; «²» or «٣» are not digits here), no
whitespace, 6 to 128 characters. The app also recommends mixed case (the manual does) and shows a
strength from 0 to 4 with a label. The messages are Russian source strings (the UI translates them
with the context ``Password``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MIN_LENGTH = 6
MAX_LENGTH = 128

MSG_SHORT = "Не короче 6 символов."
MSG_LETTER = "Нужна хотя бы одна буква."
MSG_DIGIT = "Нужна хотя бы одна цифра."
MSG_SPACE = "Пробелы в пароле не допускаются."
MSG_LONG = "Не длиннее 128 символов."
MSG_MISMATCH = "Пароль и подтверждение не совпадают."
MSG_CONFIRM_EMPTY = "Повторите новый пароль в поле «Подтверждение пароля»."
MSG_MATCH = "Пароль и подтверждение совпадают."
MSG_SAME = "Новый пароль совпадает с текущим."

TIP_CASE = "Используйте и строчные, и заглавные буквы."
TIP_LONGER = "Длиннее — надёжнее: лучше 10 символов и больше."
TIP_SYMBOL = "Добавьте знак препинания или другой символ."
TIP_COMMON = "Слишком простая комбинация: такие пароли подбирают первыми."

#: labels of the scores 0…4
LABELS = ("Недопустимый", "Слабый", "Средний", "Хороший", "Надёжный")

_COMMON = (
    "password", "passw0rd", "qwerty", "йцукен", "123456", "654321", "abc123", "qwe123",
    "111111", "000000", "123123", "asdfgh", "zxcvbn", "admin", "annet", "letmein", "1q2w3e",
)  # fmt: skip
_SEQUENCES = "abcdefghijklmnopqrstuvwxyz0123456789qwertyuiopasdfghjklzxcvbnmйцукенгшщзхъфывапролджэячсмитьбю"


_DIGIT = re.compile(r"[0-9]")


def problems(password: str) -> list[str]:
    """What keeps ``password`` from being accepted (empty list = the rule is met)."""
    found = []
    if len(password) < MIN_LENGTH:
        found.append(MSG_SHORT)
    if len(password) > MAX_LENGTH:
        found.append(MSG_LONG)
    if not any(ch.isalpha() for ch in password):
        found.append(MSG_LETTER)
    if _DIGIT.search(password) is None:
        found.append(MSG_DIGIT)
    if any(ch.isspace() for ch in password):
        found.append(MSG_SPACE)
    return found


def is_valid(password: str) -> bool:
    """True when the password meets the rule of R-PWD-2."""
    return not problems(password)


def _is_simple(password: str) -> bool:
    lower = password.lower()
    if len(set(lower)) <= 2:
        return True
    if any(word in lower for word in _COMMON):
        return True
    # a run of 6+ neighbouring keys or letters/digits in order («abcdef», «345678», «qwerty»)
    for start in range(len(lower) - 5):
        if lower[start : start + 6] in _SEQUENCES or lower[start : start + 6][::-1] in _SEQUENCES:
            return True
    return False


@dataclass(frozen=True)
class Strength:
    """A score 0…4 (0 = not acceptable), its label, and tips to make the password stronger."""

    score: int
    label: str
    tips: list[str] = field(default_factory=list)

    @property
    def acceptable(self) -> bool:
        return self.score > 0


def strength(password: str) -> Strength:
    """How strong ``password`` is, for the live indicator (R-PWD-2).

    0 — does not meet the rule; 1 — meets it but is common or a simple run; 2 — meets it;
    one more for each of: mixed case, 10+ characters, a symbol (or 14+ characters); at most 4.
    """
    if problems(password):
        return Strength(0, LABELS[0], problems(password))
    tips = []
    mixed = any(ch.islower() for ch in password) and any(ch.isupper() for ch in password)
    symbol = any(not ch.isalnum() for ch in password)
    if not mixed:
        tips.append(TIP_CASE)
    if len(password) < 10:
        tips.append(TIP_LONGER)
    if not symbol:
        tips.append(TIP_SYMBOL)
    if _is_simple(password):
        return Strength(1, LABELS[1], [TIP_COMMON, *tips])
    extras = int(mixed) + int(len(password) >= 10) + int(symbol or len(password) >= 14)
    score = min(4, 2 + extras)
    return Strength(score, LABELS[score], tips)


@dataclass(frozen=True)
class PasswordForm:
    """The check of the whole form: current, new, confirmation — what to say and whether to send."""

    ready: bool
    new_problems: list[str]
    confirm_message: str | None  # MSG_MATCH, MSG_MISMATCH, MSG_CONFIRM_EMPTY or None (nothing typed)
    confirm_ok: bool
    current_missing: bool


def check_form(current: str, new: str, confirm: str) -> PasswordForm:
    """Whether «Изменить» may send, and the feedback next to the fields."""
    new_problems = problems(new) if new else []
    if new and current and new == current:
        new_problems.append(MSG_SAME)
    if not confirm:
        message = MSG_CONFIRM_EMPTY if new else None
        ok = False
    elif confirm == new:
        message, ok = MSG_MATCH, True
    else:
        message, ok = MSG_MISMATCH, False
    ready = bool(current) and bool(new) and not new_problems and ok
    return PasswordForm(ready, new_problems, message, ok, not current)
