"""R-SUB-3: a sane e-mail check before the server's own; blank clears."""

from __future__ import annotations

import idna
import pytest

from annet_contract.email import (
    MSG_AT,
    MSG_DOMAIN,
    MSG_LOCAL,
    MSG_LONG,
    MSG_SPACES,
    EmailError,
    check_email,
    normalize_email,
)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("ivanov@mail.ru", "ivanov@mail.ru"),
        ("  Ivanov@Mail.RU ", "Ivanov@mail.ru"),
        ("i.ivanov+annet@yandex.ru", "i.ivanov+annet@yandex.ru"),
        ("a_b-c@sub.domain.example.com", "a_b-c@sub.domain.example.com"),
        ("ivan@почта.рф", "ivan@почта.рф"),
        ("x@xn--80a1acny.xn--p1ai", "x@xn--80a1acny.xn--p1ai"),
        ("o'neil@example.org", "o'neil@example.org"),
    ],
)
def test_valid_addresses(typed: str, stored: str) -> None:
    assert normalize_email(typed) == stored
    assert check_email(typed).address == stored


@pytest.mark.parametrize("typed", ["", "  "])
def test_blank_clears(typed: str) -> None:
    assert normalize_email(typed) is None
    assert check_email(typed).clears


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("ivanov", MSG_AT),
        ("ivanov@@mail.ru", MSG_AT),
        ("a@b@mail.ru", MSG_AT),
        ("ivanov mail.ru", MSG_SPACES),
        ("ivan ov@mail.ru", MSG_SPACES),
        ("@mail.ru", MSG_LOCAL),
        (".ivanov@mail.ru", MSG_LOCAL),
        ("ivanov.@mail.ru", MSG_LOCAL),
        ("iva..nov@mail.ru", MSG_LOCAL),
        ("иванов@mail.ru", MSG_LOCAL),
        ("ivanov@", MSG_DOMAIN),
        ("ivanov@mail", MSG_DOMAIN),
        ("ivanov@mail.", MSG_DOMAIN),
        ("ivanov@.ru", MSG_DOMAIN),
        ("ivanov@mail..ru", MSG_DOMAIN),
        ("ivanov@-mail.ru", MSG_DOMAIN),
        ("ivanov@mail.r", MSG_DOMAIN),
        ("ivanov@mail.123", MSG_DOMAIN),
        ("ivanov@mail_box.ru", MSG_DOMAIN),
        ("a" * 65 + "@mail.ru", MSG_LOCAL),
        ("a@" + "b" * 64 + ".ru", MSG_DOMAIN),
        ("a@" + ("b" * 60 + ".") * 5 + "ru", MSG_LONG),
    ],
)
def test_invalid_addresses(typed: str, message: str) -> None:
    with pytest.raises(EmailError) as info:
        normalize_email(typed)
    assert str(info.value) == message
    check = check_email(typed)
    assert not check.valid and check.error == message


def test_length_edges() -> None:
    local = "a" * 64
    assert normalize_email(local + "@mail.ru") == local + "@mail.ru"  # 64: the limit itself
    label = "b" * 63
    assert normalize_email("a@" + label + ".ru") == "a@" + label + ".ru"


def test_the_whole_address_and_the_ascii_domain_at_their_limits() -> None:
    """R-SUB-3 at 254 characters (the address) and 253 (the domain in its ASCII form, which an
    internationalised domain reaches with far fewer characters): the limit itself passes, one more
    does not (the rule-mutation audit of 2 December 2026: ``>`` → ``>=`` on the address and
    ``<=`` → ``<`` on the domain passed the audit's runs)."""
    local, domain = "a" * 64, ".".join(("b" * 63, "c" * 63, "d" * 58, "ru"))
    assert len(local + "@" + domain) == 254
    assert normalize_email(local + "@" + domain) == local + "@" + domain
    with pytest.raises(EmailError) as caught:
        normalize_email(local + "@d" + domain)
    assert caught.value.message == MSG_LONG
    idn = ".".join(("ж" * 57, "ж" * 57, "ж" * 57, "ж" * 46, "рф"))  # 223 characters, 253 as A-labels
    assert len(idna.encode(idn)) == 253
    assert normalize_email("a@" + idn) == "a@" + idn
    longer = idn.replace("ж" * 46, "ж" * 47)  # 254 as A-labels, every label still within 63
    assert check_email("a@" + longer).error == MSG_DOMAIN
