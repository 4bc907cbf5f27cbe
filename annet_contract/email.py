"""The contact e-mail (R-SUB-3): one rule for the app and the server (R-VAL-1); blank clears it.

Pure Python, no Qt. Not the whole of RFC 5322 (quoted local parts, comments, IP literals are
refused on purpose: no subscriber's mailbox looks like that); what passes here is an address a
mail server would accept. The local part is ASCII (RFC 5322 atext, dots between atoms);
the domain may be internationalised (``почта.рф``): it must be a valid IDNA 2008 name (checked
by the ``idna`` library, the one ``requests`` itself uses) of at most 253 characters in its ASCII
form, with an alphabetic or ``xn--`` top-level label. The server stores what
:func:`normalize_email` returns.
"""

from __future__ import annotations

import re

import idna

from .checks import Checked, InputError, check_with

MAX_LENGTH = 254
MAX_LOCAL = 64
MAX_DOMAIN = 253

#: the local part: dot-separated atoms of RFC 5322 atext (ASCII letters, digits and these signs)
_LOCAL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
#: the top-level label in ASCII form: letters, or an IDNA A-label
_TLD = re.compile(r"[a-z]{2,63}|xn--[a-z0-9-]{1,59}")

MSG_SPACES = "Адрес e-mail не может содержать пробелов."
MSG_AT = "В адресе e-mail должен быть ровно один знак «@», например ivanov@mail.ru."
MSG_LOCAL = "Неверная часть адреса до «@»: допустимы латинские буквы, цифры и знаки . _ - +."
MSG_DOMAIN = "Неверный домен после «@»: нужен вид mail.ru или почта.рф."
MSG_LONG = "Адрес e-mail слишком длинный."


class EmailError(InputError):
    """A text that is not an e-mail address; ``str()`` is the Russian sentence to show."""


class EmailCheck(Checked):
    """The outcome of checking a typed address: the address, or the message, or empty (clear)."""

    @property
    def address(self) -> str | None:
        return self.value


def _local_ok(local: str) -> bool:
    return len(local) <= MAX_LOCAL and _LOCAL.fullmatch(local) is not None


def _domain_ok(domain: str) -> bool:
    """``domain`` (already lower-case) is a valid IDNA 2008 host name with at least two labels."""
    try:
        ascii_form = idna.encode(domain).decode("ascii")
    except (idna.IDNAError, UnicodeError):
        return False
    labels = ascii_form.split(".")
    return len(ascii_form) <= MAX_DOMAIN and len(labels) >= 2 and _TLD.fullmatch(labels[-1]) is not None


def normalize_email(text: str) -> str | None:
    """``" Ivanov@Mail.RU "`` → ``"Ivanov@mail.ru"``; blank → ``None`` (clear); else :class:`EmailError`.

    Surrounding spaces go, the domain is lower-cased (it is case-insensitive), the local part is
    kept as typed.
    """
    address = text.strip()
    if not address:
        return None
    if any(ch.isspace() for ch in address):
        raise EmailError(MSG_SPACES)
    if len(address) > MAX_LENGTH:
        raise EmailError(MSG_LONG)
    if address.count("@") != 1:
        raise EmailError(MSG_AT)
    local, domain = address.split("@")
    if not _local_ok(local):
        raise EmailError(MSG_LOCAL)
    domain = domain.lower()
    if not _domain_ok(domain):
        raise EmailError(MSG_DOMAIN)
    return f"{local}@{domain}"


def check_email(text: str) -> EmailCheck:
    """:func:`normalize_email` without exceptions, for live feedback as the user types."""
    return check_with(EmailCheck, normalize_email, text)


def email_to_store(value: str) -> str | None:
    """What the server stores for a received address: the normalised address, or ``None`` if invalid.

    The server takes what the app sends (:func:`normalize_email`'s result) and also an address whose
    domain is not yet lower-case; it refuses surrounding spaces and a trailing newline, which the app
    never sends, and blank (clearing is ``null``).
    """
    if value != value.strip():
        return None
    try:
        return normalize_email(value)
    except EmailError:
        return None
