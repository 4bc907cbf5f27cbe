"""R-PWD-2: the rule (letters, digits, ≥ 6), the live strength, the confirmation."""

from __future__ import annotations

import pytest

from annet_contract.password import (
    LABELS,
    MSG_CONFIRM_EMPTY,
    MSG_DIGIT,
    MSG_LETTER,
    MSG_MATCH,
    MSG_MISMATCH,
    MSG_SAME,
    MSG_SHORT,
    MSG_SPACE,
    TIP_CASE,
    TIP_COMMON,
    check_form,
    is_valid,
    problems,
    strength,
)


def test_length_edges() -> None:
    assert problems("abc12") == [MSG_SHORT]  # 5: a day before the limit
    assert problems("abc123") == []  # 6: the limit
    assert problems("abc1234") == []  # 7


@pytest.mark.parametrize(
    ("password", "expected"),
    [
        ("abcdefgh", [MSG_DIGIT]),
        ("12345678", [MSG_LETTER]),
        ("", [MSG_SHORT, MSG_LETTER, MSG_DIGIT]),
        ("abc 1234", [MSG_SPACE]),
        ("!!!!!!", [MSG_LETTER, MSG_DIGIT]),
        ("пароль12", []),  # Cyrillic letters are letters
    ],
)
def test_rule(password: str, expected: list[str]) -> None:
    assert problems(password) == expected
    assert is_valid(password) is (expected == [])


def test_strength_scale() -> None:
    assert strength("abc12").score == 0
    assert strength("abc12").label == LABELS[0]
    assert strength("abc123").score == 1  # a run in order: guessed first
    assert TIP_COMMON in strength("abc123").tips
    assert strength("Password1").score == 1  # a common word inside
    assert strength("tvr5kmz").score == 2  # valid, lower case only, short
    assert TIP_CASE in strength("tvr5kmz").tips
    assert strength("Tvr5kmz").score == 3  # mixed case
    assert TIP_CASE not in strength("Tvr5kmz").tips
    assert strength("Tvr5kmzq9w").score == 4  # mixed case and 10+
    assert strength("Tvr5-kmz").score == 4  # mixed case and a symbol
    assert strength("tvr5kmzq9wp3xj").score == 4  # 14+ and 10+, lower case
    assert strength("aaaaa1").score == 1  # two distinct characters only


def test_strength_grows_as_the_user_types() -> None:
    typed = "Tvr5-kmzQ9w"
    scores = [strength(typed[: i + 1]).score for i in range(len(typed))]
    assert scores == sorted(scores)
    assert scores[0] == 0 and scores[-1] == 4


def test_form_feedback() -> None:
    assert check_form("", "", "").confirm_message is None
    form = check_form("old1pass", "Tvr5kmz", "")
    assert form.confirm_message == MSG_CONFIRM_EMPTY and not form.ready
    form = check_form("old1pass", "Tvr5kmz", "Tvr5kma")
    assert form.confirm_message == MSG_MISMATCH and not form.ready
    form = check_form("old1pass", "Tvr5kmz", "Tvr5kmz")
    assert form.confirm_message == MSG_MATCH and form.ready
    form = check_form("", "Tvr5kmz", "Tvr5kmz")
    assert form.current_missing and not form.ready
    form = check_form("old1pass", "abcdef", "abcdef")
    assert form.new_problems == [MSG_DIGIT] and not form.ready
    form = check_form("Tvr5kmz", "Tvr5kmz", "Tvr5kmz")
    assert MSG_SAME in form.new_problems and not form.ready


def test_confirmation_is_case_sensitive() -> None:
    assert not check_form("old1pass", "Tvr5kmz", "tvr5kmz").confirm_ok
