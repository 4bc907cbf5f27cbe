"""Sandbox card checks: Luhn, expiry not in the past, Latin holder, 3-digit CVC, e-mail."""

from __future__ import annotations

import datetime as dt

import pytest

from annet_server.paysandbox import cards
from annet_server.paysandbox.cards import CardError, Outcome

TODAY = dt.date(2026, 11, 16)


@pytest.mark.parametrize("number", list(cards.TEST_CARDS))
def test_documented_test_cards_pass_luhn(number: str) -> None:
    assert cards.clean_number(number) == number


def test_number_with_spaces_and_dashes_is_cleaned() -> None:
    assert cards.clean_number("4111 1111-1111 1111") == "4111111111111111"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("4111111111111112", "с ошибкой"),  # Luhn fails (last digit off by one)
        ("411111111111111", "16 цифр"),  # 15 digits
        ("41111111111111111", "16 цифр"),  # 17 digits
        ("4111x11111111111", "16 цифр"),
        ("", "16 цифр"),
        ("４１１１１１１１１１１１１１１１", "16 цифр"),  # full-width digits are not accepted
    ],
)
def test_bad_numbers_are_refused(text: str, message: str) -> None:
    with pytest.raises(CardError) as info:
        cards.clean_number(text)
    assert info.value.field == "number"
    assert message in info.value.message


def test_luhn_known_values() -> None:
    assert cards.luhn_ok("79927398713")
    assert not cards.luhn_ok("79927398710")
    assert not cards.luhn_ok("7992739871a")


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("10/26", False),  # the month before this one: expired
        ("11/26", True),  # this month: still valid
        ("12/26", True),  # next month
        ("01/27", True),
        ("11/25", False),
        ("13/27", False),
        ("00/27", False),
        ("1/27", False),
        ("11-27", False),
        ("11/46", True),  # 20 years ahead
        ("12/46", True),
        ("01/47", False),  # more than 20 years ahead
        (" 11 / 27 ", True),
    ],
)
def test_expiry_edges(text: str, ok: bool) -> None:
    if ok:
        month, year = cards.clean_expiry(text, TODAY)
        assert 1 <= month <= 12 and year >= 2026
    else:
        with pytest.raises(CardError) as info:
            cards.clean_expiry(text, TODAY)
        assert info.value.field == "expiry"


def test_expiry_day_before_and_after_a_month_boundary() -> None:
    assert cards.clean_expiry("11/26", dt.date(2026, 11, 30)) == (11, 2026)
    with pytest.raises(CardError, match="истёк"):
        cards.clean_expiry("11/26", dt.date(2026, 12, 1))


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("IVAN IVANOV", True),
        ("ivan ivanov", True),
        ("ANNA-MARIA O'NEIL", True),
        ("  IVAN   IVANOV ", True),
        ("ИВАН ИВАНОВ", False),  # Cyrillic
        ("IVAN1 IVANOV", False),
        ("I", False),
        ("", False),
        ("A" * 27, False),
        ("A" * 26, True),
    ],
)
def test_holder_latin_only(text: str, ok: bool) -> None:
    if ok:
        assert cards.clean_holder(text) == " ".join(text.split()).upper()
    else:
        with pytest.raises(CardError) as info:
            cards.clean_holder(text)
        assert info.value.field == "holder"


@pytest.mark.parametrize(
    ("text", "ok"), [("123", True), ("12", False), ("1234", False), ("12a", False), ("", False)]
)
def test_cvc_three_digits(text: str, ok: bool) -> None:
    if ok:
        assert cards.clean_cvc(text) == text
    else:
        with pytest.raises(CardError) as info:
            cards.clean_cvc(text)
        assert info.value.field == "cvc"


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("ivan@example.ru", True),
        ("a.b+c@mail.co.uk", True),
        ("ivan@", False),
        ("@x.ru", False),
        ("ivan", False),
    ],
)
def test_email(text: str, ok: bool) -> None:
    if ok:
        assert cards.clean_email(text) == text
    else:
        with pytest.raises(CardError):
            cards.clean_email(text)


def test_outcomes_of_the_test_cards() -> None:
    assert cards.outcome_of("4111111111111111") is Outcome.APPROVED
    assert cards.outcome_of("4000000000000002") is Outcome.DECLINED
    assert cards.outcome_of("5555555555554444") is Outcome.THREE_DS
    assert cards.outcome_of("4000000000000119") is Outcome.TIMEOUT
    assert cards.outcome_of("4242424242424242") is Outcome.THREE_DS  # any other card asks for 3-D Secure
    assert cards.DECLINE_REASON == "Отказ в авторизации. Проверьте параметры платежного средства."


def test_mask_shows_only_last_four() -> None:
    assert cards.mask("1111") == "•••• 1111"
