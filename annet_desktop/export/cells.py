"""What an exported column holds and how a cell is made safe: kinds, text cleaning, injection guard.

Shared by the three writers. Pure Python, no Qt. A row handed to a writer is a sequence of plain
values, one per :class:`Column`, of the column's :class:`Kind`:

* ``TEXT`` — ``str`` (``None`` → empty);
* ``DATETIME`` — ``datetime`` (an aware one is put on Moscow time, spreadsheets have no zones);
* ``DURATION`` — whole seconds (``int``), written as a spreadsheet time ``[h]:mm:ss``;
* ``MONEY`` — ``Decimal`` roubles, written as a number with two decimals;
* ``INTEGER`` — ``int``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from annet_contract.moscow import moscow_naive

#: Characters that make a spreadsheet treat a text cell as a formula (OWASP "CSV injection").
RISKY_FIRST = ("=", "+", "-", "@", "\t", "\r")

#: Characters XML 1.0 (and so xlsx and XML Spreadsheet 2003) cannot carry at all.
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

#: Number formats shared by the xlsx and XML 2003 writers.
DATETIME_FORMAT = "dd.mm.yyyy hh:mm:ss"
DURATION_FORMAT = "[h]:mm:ss"
MONEY_FORMAT = "#,##0.00"
INTEGER_FORMAT = "0"

SECONDS_PER_DAY = 86400


class Kind(StrEnum):
    """The type of a column's values, which decides the cell type and number format."""

    TEXT = "text"
    DATETIME = "datetime"
    DURATION = "duration"
    MONEY = "money"
    INTEGER = "integer"


@dataclass(frozen=True)
class Column:
    """One exported column: its header, the kind of its values and a width in characters."""

    title: str
    kind: Kind = Kind.TEXT
    width: float = 14.0


def as_columns(header: Sequence[Column | str]) -> list[Column]:
    """Columns from :class:`Column` objects or bare titles (a bare title is a text column)."""
    return [c if isinstance(c, Column) else Column(str(c)) for c in header]


def is_risky(text: str) -> bool:
    """True when a spreadsheet could read ``text`` as a formula (first character is risky)."""
    return text.startswith(RISKY_FIRST)


def clean_text(value: object) -> str:
    """A text cell's string: ``None`` → "", characters XML cannot carry removed."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if _ILLEGAL_XML.search(text):
        text = _ILLEGAL_XML.sub("", text)
    return text


def local_iso(value: dt.datetime) -> str:
    """``YYYY-MM-DDTHH:MM:SS`` on Moscow time, seconds truncated (the fast path for +03:00 values)."""
    text = value.isoformat()
    if len(text) == 25 and text.endswith("+03:00"):  # the server's own form: no sub-seconds
        return text[:19]
    if len(text) == 19:  # naive, taken as Moscow time
        return text
    return moscow_naive(value).replace(microsecond=0).isoformat()


def duration_text(seconds: int) -> str:
    """``h:mm:ss`` (hours not limited to 24), what a spreadsheet reads back as a time."""
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"
