"""Every text the server shows to a subscriber, Russian first, English for ``lang="en"``.

The texts themselves are data in :mod:`annet_server.message_texts` (``TEXTS``, ``TITLES``, re-exported
here); this module fills them in: :func:`message` formats a text's ``str.format`` parameters as the
reader reads them (money «1 234,50 ₽», dates, months, :class:`Key` texts, :class:`Localized` names),
:func:`title` gives a problem's short title.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from annet_contract.errors import ErrorCode
from annet_contract.money import format_money
from annet_contract.months import month_name
from annet_contract.moscow import format_date as format_day
from annet_contract.moscow import format_datetime

from .message_texts import TEXTS, TITLES

__all__ = ["TEXTS", "TITLES", "Key", "format_date", "format_money", "message", "title"]


def _lang(lang: str | None) -> int:
    return 1 if (lang or "ru").lower().startswith("en") else 0


def _key(code: ErrorCode | str) -> str:
    return code.value if isinstance(code, ErrorCode) else str(code)


def message(code: ErrorCode | str, lang: str = "ru", **params: Any) -> str:
    """The text of ``code`` in ``lang`` (Russian unless "en"), ``params`` filled in.

    A missing parameter leaves its placeholder out rather than failing; an unknown key raises KeyError.
    """
    text = TEXTS[_key(code)][_lang(lang)]
    if not params and "{" not in text:
        return text
    month = params.get("month")
    if isinstance(month, tuple) and len(month) == 2:  # «за 31 дн. декабря 2026»: the genitive form
        params["month_of"] = month_name(month[0], month[1], lang, genitive=True)
    params = {name: _render(value, lang) for name, value in params.items()}
    try:
        return text.format(**params)
    except (KeyError, IndexError):
        return text.format_map(_Lenient(params))


class Key(str):
    """A text key as a parameter of another text: filled in as its text in the reader's language."""


@dataclass(frozen=True)
class Localized:
    """A name the operator gives in both languages (a catalogue service): filled in as the reader's."""

    ru: str
    en: str | None = None

    def __str__(self) -> str:
        return self.ru


def _render(value: Any, lang: str) -> Any:
    """Money, dates, (year, month) pairs and :class:`Key` texts as the subscriber reads them."""
    if isinstance(value, Key):
        return message(value, lang)
    if isinstance(value, Localized):
        return value.en if (lang == "en" and value.en) else value.ru
    if isinstance(value, Decimal):
        return format_money(value, lang=lang)
    if isinstance(value, dt.date):
        return format_date(value, lang)
    if isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, int) for v in value):
        return month_name(value[0], value[1], lang)
    return value


def title(code: ErrorCode | str, lang: str = "ru") -> str:
    """The short title of an error code for the problem document."""
    key = _key(code)
    if key in TITLES:
        return TITLES[key][_lang(lang)]
    return message(key, lang)


def has(key: str) -> bool:
    """True when there is a text for ``key``."""
    return key in TEXTS


class _Lenient(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return ""


def format_date(day: dt.date | dt.datetime, lang: str = "ru") -> str:
    """dd.mm.yyyy (a datetime: dd.mm.yyyy hh:mm on Moscow time), the same in both languages."""
    if isinstance(day, dt.datetime):
        return format_datetime(day)
    return format_day(day)
