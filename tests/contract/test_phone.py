"""R-SUB-2: the SMS number typed or pasted is normalised to 10 digits or refused with a sentence."""

from __future__ import annotations

import pytest

from annet_contract.phone import (
    MSG_LENGTH,
    MSG_LETTERS,
    MSG_PLUS,
    PhoneError,
    check_phone,
    format_phone,
    normalize_phone,
)


@pytest.mark.parametrize(
    "typed",
    [
        "9101234567",
        "+79101234567",
        "+7 (910) 123-45-67",
        "8 910 123 45 67",
        "8-910-123-45-67",
        "89101234567",
        "79101234567",
        "  910 123-45-67  ",
        "(910)1234567",
        "910.123.45.67",
        "+7\u00a0910\u00a0123\u201145\u201167",  # no-break spaces and hyphens from a web page
        "\t9101234567\n",
    ],
)
def test_pasted_forms_become_ten_digits(typed: str) -> None:
    assert normalize_phone(typed) == "9101234567"


@pytest.mark.parametrize("typed", ["", "   ", "\t"])
def test_blank_clears(typed: str) -> None:
    assert normalize_phone(typed) is None
    check = check_phone(typed)
    assert check.valid and check.clears


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("910123456", MSG_LENGTH),  # 9 digits: one short
        ("91012345678", MSG_LENGTH),  # 11 digits not starting with 7/8
        ("891012345678", MSG_LENGTH),  # 12 digits
        ("+8 910 123 45 67", MSG_LENGTH),  # + must be followed by 7
        ("+7910123456", MSG_LENGTH),  # +7 and only 9 digits
        ("+791012345678", MSG_LENGTH),
        ("9101234567+", MSG_PLUS),
        ("910-ABC-4567", MSG_LETTERS),
        ("тел. 9101234567", MSG_LETTERS),
        ("910123456٧", MSG_LETTERS),  # an Arabic-Indic digit is not a digit here
        ("9101234567 доб. 1", MSG_LETTERS),
        ("7", MSG_LENGTH),
    ],
)
def test_refused_with_a_clear_message(typed: str, message: str) -> None:
    with pytest.raises(PhoneError) as info:
        normalize_phone(typed)
    assert str(info.value) == message
    check = check_phone(typed)
    assert not check.valid and check.error == message and check.digits is None


@pytest.mark.parametrize(
    ("typed", "sentence"),
    [  # what the user reads, written out: the expected form and an example
        ("910123456", "Номер для SMS — 10 цифр без 8 или +7 в начале, например 9101234567."),
        ("9101234567+", "Знак «+» допустим только в начале номера, в виде +7."),
        ("910-ABC-4567", "Номер может содержать только цифры (пробелы, дефисы и скобки не мешают)."),
    ],
)
def test_refusals_say_what_is_expected(typed: str, sentence: str) -> None:
    assert check_phone(typed).error == sentence


def test_eleven_digits_edge() -> None:
    # 11 digits are accepted only with a leading 7 or 8 (the country prefix)
    assert normalize_phone("89999999999") == "9999999999"
    with pytest.raises(PhoneError):
        normalize_phone("99999999999")


def test_format_phone() -> None:
    assert format_phone("9101234567") == "+7 910 123-45-67"
    assert format_phone(None) == ""
    assert format_phone("123") == "123"


def test_format_phone_shows_any_stored_ten_digits_and_nothing_else() -> None:
    assert format_phone("4822123456") == "+7 482 212-34-56"  # stored before the mobile rule
    assert format_phone("9101234567\n") == "9101234567\n"
    assert format_phone("91012345６7") == "91012345６7"
