"""CSV for Russian Excel: UTF-8 with a BOM, ``;`` between fields, RFC 4180 quoting, CRLF lines.

Numbers are written the way a Russian spreadsheet reads them back as numbers (decimal comma, no
grouping; dates ``dd.mm.yyyy hh:mm:ss``; durations ``h:mm:ss``). A text cell that a spreadsheet
could take for a formula (first character ``= + - @``, tab or CR) gets a leading ``'``; real
negative numbers are numbers, not text, and stay as they are.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any, BinaryIO

from .cells import Column, Kind, clean_text, duration_text, is_risky, local_iso

BOM = b"\xef\xbb\xbf"
SEPARATOR = ";"


def _text(value: Any) -> str:
    text = clean_text(value)
    return "'" + text if is_risky(text) else text


def _datetime(value: Any) -> str:
    if value is None:
        return ""
    iso = local_iso(value)
    return f"{iso[8:10]}.{iso[5:7]}.{iso[:4]} {iso[11:19]}"


def _duration(value: Any) -> str:
    return "" if value is None else duration_text(value)


def _money(value: Any) -> str:
    return "" if value is None else f"{Decimal(value):.2f}".replace(".", ",")


def _integer(value: Any) -> str:
    return "" if value is None else str(int(value))


_FORMATTERS: dict[Kind, Callable[[Any], str]] = {
    Kind.TEXT: _text,
    Kind.DATETIME: _datetime,
    Kind.DURATION: _duration,
    Kind.MONEY: _money,
    Kind.INTEGER: _integer,
}


def write_csv(out: BinaryIO, columns: Sequence[Column], rows: Iterable[Sequence[Any]]) -> int:
    """Write the header and ``rows`` to the binary file ``out``; returns the number of data rows."""
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=False)
    try:
        out.write(BOM)
        writer = csv.writer(text, delimiter=SEPARATOR, quotechar='"', lineterminator="\r\n")
        writer.writerow([_text(c.title) for c in columns])
        formatters = [_FORMATTERS[c.kind] for c in columns]
        count = 0
        write = writer.writerow
        for row in rows:
            write([f(v) for f, v in zip(formatters, row, strict=True)])
            count += 1
        text.flush()
    finally:
        text.detach()  # the caller owns ``out``
    return count
