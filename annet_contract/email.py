"""The contact e-mail (R-SUB-3): a sane validity check before the server's own; blank clears it.

Pure Python, no Qt. Not the whole of RFC 5322 (quoted local parts, comments, IP literals are
refused on purpose: no subscriber's mailbox looks like that); what passes here is an address a
mail server would accept. Internationalised domains (``почта.рф``) are allowed.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_LENGTH = 254
MAX_LOCAL = 64
MAX_LABEL = 63

#: characters allowed in the local part besides ASCII letters and digits (RFC 5322 atext)
_LOCAL_EXTRA = frozenset("!#$%&'*+-/=?^_`{|}~.")

MSG_SPACES = "Адрес e-mail не может содержать пробелов."
MSG_AT = "В адресе e-mail должен быть ровно один знак «@», например ivanov@mail.ru."
MSG_LOCAL = "Неверная часть адреса до «@»: допустимы латинские буквы, цифры и знаки . _ - +."
MSG_DOMAIN = "Неверный домен после «@»: нужен вид mail.ru или почта.рф."
MSG_LONG = "Адрес e-mail слишком длинный."


class EmailError(ValueError):
    """A text that is not an e-mail address; ``str()`` is the Russian sentence to show."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class EmailCheck:
    """The outcome of checking a typed address: the address, or the message, or empty (clear)."""

    address: str | None
    error: str | None = None

    @property
    def valid(self) -> bool:
        return self.error is None

    @property
    def clears(self) -> bool:
        return self.error is None and self.address is None


def _local_ok(local: str) -> bool:
    if not local or len(local) > MAX_LOCAL:
        return False
    if local.startswith(".") or local.endswith(".") or ".." in local:
        return False
    return all((ch.isascii() and ch.isalnum()) or ch in _LOCAL_EXTRA for ch in local)


def _label_ok(label: str) -> bool:
    if not label or len(label) > MAX_LABEL or label.startswith("-") or label.endswith("-"):
        return False
    return all(ch.isalnum() or ch == "-" for ch in label)


def _domain_ok(domain: str) -> bool:
    labels = domain.split(".")
    if len(labels) < 2 or not all(_label_ok(label) for label in labels):
        return False
    tld = labels[-1]
    return len(tld) >= 2 and (tld.isalpha() or tld.lower().startswith("xn--"))


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
    try:
        return EmailCheck(normalize_email(text))
    except EmailError as exc:
        return EmailCheck(None, exc.message)
