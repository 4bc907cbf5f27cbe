"""Issue 11 finding 8 and the ARCHITECTURE "Known traps": each contract validator at its edges.

Full-string matches only (a trailing "\\n" is not a valid value), ASCII digits only («²», «٣» are
not digits), bounded magnitudes (no Decimal input raises past a validator), and a mobile SMS number.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from annet_contract import email, months, password, payment_amount, phone
from annet_contract.money import MAX_ABS, format_money, parse_money, to_kopecks

# --------------------------------------------------------------------------- SMS number (R-SUB-2)


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("9001234567", True),
        ("9999999999", True),
        ("9000000000", True),
        ("9001234567\n", False),  # today's server stores it (re.match with $)
        ("\n9001234567", False),
        (" 9001234567", False),
        ("900123456", False),  # 9 digits
        ("90012345678", False),  # 11 digits
        ("0000000000", False),  # not a mobile number
        ("8001234567", False),  # 8xx: not mobile
        ("4822123456", False),  # a Tver landline
        ("9００1234567", False),  # fullwidth digits
        ("900123456٧", False),  # an Arabic-Indic digit
        ("900123456²", False),
        ("", False),
    ],
)
def test_stored_sms_number(value: str, valid: bool) -> None:
    assert phone.is_sms_phone(value) is valid


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("+7 (900) 123-45-67", "9001234567"),
        ("8 900 123 45 67", "9001234567"),
        ("9001234567\n", "9001234567"),  # what the app sends is the stripped number
    ],
)
def test_pasted_mobile_numbers_are_normalised(typed: str, stored: str) -> None:
    assert phone.normalize_phone(typed) == stored


@pytest.mark.parametrize(
    "typed", ["0000000000", "4822123456", "+7 4822 12-34-56", "8 800 100-00-00", "84822123456"]
)
def test_landlines_and_zeros_are_refused_with_the_mobile_message(typed: str) -> None:
    with pytest.raises(phone.PhoneError) as info:
        phone.normalize_phone(typed)
    assert info.value.message == phone.MSG_MOBILE


# --------------------------------------------------------------------------- e-mail (R-SUB-3)


@pytest.mark.parametrize(
    ("value", "stored"),
    [
        ("ivan@почта.рф", "ivan@почта.рф"),
        ("ivan@ПОЧТА.РФ", "ivan@почта.рф"),
        ("ivan@xn--80a1acny.xn--p1ai", "ivan@xn--80a1acny.xn--p1ai"),
        ("ivan@mail.ru", "ivan@mail.ru"),
        ("ivan@münchen.de", "ivan@münchen.de"),
        ("ivan@mail.ru\n", None),  # a trailing newline is not part of an address
        (" ivan@mail.ru", None),
        ("ivan@a²b.ru", None),  # not a valid IDNA 2008 label
        ("ivan@xn--zz.ru", None),  # a broken A-label
        ("ivan@mail.r", None),
        ("ivan@mail.12", None),
        ("иван@mail.ru", None),  # the local part is ASCII
        ("ivan@" + "а" * 64 + ".рф", None),  # a label over 63 characters
    ],
)
def test_email_as_the_server_stores_it(value: str, stored: str | None) -> None:
    assert email.email_to_store(value) == stored


def test_email_domain_length_counts_the_ascii_form() -> None:
    """253 characters of the ASCII (punycode) form at most, whatever the Unicode form's length."""
    short_unicode = "ivan@" + ".".join(["почта" * 8] * 5) + ".рф"
    assert len(short_unicode) < 254
    assert email.email_to_store(short_unicode) is None


# --------------------------------------------------------------------------- password (R-PWD-2)


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("abc123", True),
        ("abc12", False),  # 5 characters
        ("пароль1", True),  # Cyrillic letters are letters
        ("abc 123", False),  # a space
        ("abc\t123", False),
        ("abc123\n", False),
        ("²²²abc", False),  # «²» is not a digit of the rule
        ("٣٣٣abc", False),
        ("123456", False),  # no letter
        ("abcdef", False),  # no digit
        ("a1" * 64, True),  # 128: the limit itself
        ("a1" * 64 + "b", False),  # 129
    ],
)
def test_password_rule(value: str, valid: bool) -> None:
    assert password.is_valid(value) is valid


# --------------------------------------------------------------------------- money and payment amount

HOSTILE = [
    "0",
    "0.001",
    "1e308",
    "1E5",
    "9" * 30,
    "²",
    "10000000000000000000000000",
    "NaN",
    "inf",
    "-0",
    "١٠٠",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_payment_amount_refuses_hostile_input_with_a_message(text: str) -> None:
    with pytest.raises(payment_amount.AmountError):
        payment_amount.check_amount(text)


@pytest.mark.parametrize("text", HOSTILE)
def test_parse_money_raises_only_value_error(text: str) -> None:
    try:
        value = parse_money(text)
    except ValueError:
        return
    assert text in ("0", "-0") and value == 0


@pytest.mark.parametrize(
    ("value", "allowed"),
    [
        (Decimal("0.99"), False),
        (Decimal("1.00"), True),
        (Decimal("1"), True),
        (Decimal("100000.00"), True),
        (Decimal("100000.01"), False),
        (Decimal("1.001"), False),
        (Decimal("0"), False),
        (Decimal("-5"), False),
        (Decimal("1e308"), False),
        (Decimal("NaN"), False),
        (Decimal("Infinity"), False),
        (Decimal("1" + "0" * 40), False),
    ],
)
def test_amount_allowed_edges(value: Decimal, allowed: bool) -> None:
    assert payment_amount.amount_allowed(value) is allowed


def test_one_definition_of_the_payment_bounds() -> None:
    assert payment_amount.check_amount("1") == payment_amount.MIN_AMOUNT
    assert payment_amount.check_amount("100 000") == payment_amount.MAX_AMOUNT
    assert payment_amount.amount_allowed(payment_amount.MIN_AMOUNT)
    assert payment_amount.amount_allowed(payment_amount.MAX_AMOUNT)


@pytest.mark.parametrize("value", [MAX_ABS, -MAX_ABS, Decimal("1e308"), "1e308", "²", Decimal("NaN")])
def test_money_helpers_refuse_unbounded_values_with_value_error(value: object) -> None:
    with pytest.raises(ValueError):
        format_money(value)  # type: ignore[arg-type]
    with pytest.raises((ValueError, ArithmeticError)):
        to_kopecks(value)  # type: ignore[arg-type]


def test_largest_bounded_amount_still_formats() -> None:
    assert format_money(MAX_ABS - Decimal("0.01")).startswith("999")


def test_kopecks_round_half_up() -> None:
    assert to_kopecks(Decimal("0.005")) == 1
    assert to_kopecks(Decimal("0.015")) == 2  # half-even would give 2 too; 0.025 tells them apart
    assert to_kopecks(Decimal("0.025")) == 3


def test_english_money_format() -> None:
    assert format_money(Decimal("-1234.5"), lang="en") == "\u22121,234.50\u00a0₽"


# --------------------------------------------------------------------------- months


@pytest.mark.parametrize(
    ("year", "month", "ok"),
    [
        (2000, 1, True),
        (1999, 12, False),
        (2100, 12, True),
        (2101, 1, False),
        (2026, 0, False),
        (2026, 13, False),
    ],
)
def test_month_bounds(year: int, month: int, ok: bool) -> None:
    assert months.month_in_bounds(year, month) is ok


def test_month_names_nominative_genitive_english() -> None:
    assert months.month_name(2026, 12) == "декабрь 2026"
    assert months.month_name(2026, 12, genitive=True) == "декабря 2026"
    assert months.month_name(2026, 5, genitive=True) == "мая 2026"
    assert months.month_name(2026, 12, "en", genitive=True) == "December 2026"
    with pytest.raises(ValueError):
        months.month_name(2026, 13)


# --------------------------------------------------------------------------- the wire Money type


@pytest.mark.parametrize(
    "value", ["1e308", "9" * 30, "10000000000000000000000000", "NaN", "²", "0.001", 1e308]
)
def test_wire_money_refuses_with_a_validation_error(value: object) -> None:
    """A pydantic ValidationError (→ 422), never InvalidOperation (→ 500), for any amount on the wire."""
    from pydantic import ValidationError

    from annet_contract.schema import PaymentCreate

    with pytest.raises(ValidationError):
        PaymentCreate.model_validate({"amount": value})


@pytest.mark.parametrize("account", ["100001\n", "\n100001", "１00001", "10000²", "", "1" * 21])
def test_login_account_number_is_ascii_digits_only(account: str) -> None:
    """The account pattern is matched by pydantic's Rust regex, where ``$`` is the end of the text."""
    from pydantic import ValidationError

    from annet_contract.schema import SessionCreate

    with pytest.raises(ValidationError):
        SessionCreate(account=account, password="x")
    assert SessionCreate(account="1" * 20, password="x").account == "1" * 20


@pytest.mark.parametrize(
    ("year", "month"), [(2000, 1), (1999, 12), (2100, 12), (2101, 1), (2026, 0), (2026, 13)]
)
def test_the_query_fields_take_the_same_months(year: int, month: int) -> None:
    """``GET …/calls`` validates ``year`` and ``month`` with the ``Year`` and ``Month`` annotations:
    they accept exactly what :func:`months.month_in_bounds` does (R-VAL-1; the rule-mutation audit
    of 2 December 2026: ``le=MAX_YEAR`` → ``lt=`` passed the audit's runs)."""
    from pydantic import TypeAdapter, ValidationError

    def accepted(annotation: object, value: int) -> bool:
        try:
            TypeAdapter(annotation).validate_python(value)
        except ValidationError:
            return False
        return True

    both = accepted(months.Year, year) and accepted(months.Month, month)
    assert both is months.month_in_bounds(year, month)
