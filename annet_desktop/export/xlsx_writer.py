"""Excel ``.xlsx`` through openpyxl's write-only mode (rows stream to disk; lxml makes it fast).

Bold header, header row frozen, an autofilter over the whole table, column widths; dates are
dates, durations (``[h]:mm:ss``) and money (``#,##0.00``) are numbers with number formats. Text
cells are always written as text: openpyxl would turn a string starting with ``=`` into a formula,
so the cell's type is forced back to string, and a text that a spreadsheet could take for a formula
(``= + - @``, tab, CR first) also gets Excel's quote prefix, so editing the cell keeps it text.

One styled cell object per column is built once and reused for every row (openpyxl writes a row as
soon as it is appended), which keeps style look-ups out of the per-cell work.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any, BinaryIO
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from annet_contract.moscow import moscow_naive

from .cells import (
    DATETIME_FORMAT,
    DURATION_FORMAT,
    INTEGER_FORMAT,
    MONEY_FORMAT,
    SECONDS_PER_DAY,
    Column,
    Kind,
    clean_text,
    is_risky,
)

log = logging.getLogger(__name__)

SHEET_NAME = "Звонки"
_FORMATS = {
    Kind.DATETIME: DATETIME_FORMAT,
    Kind.DURATION: DURATION_FORMAT,
    Kind.MONEY: MONEY_FORMAT,
    Kind.INTEGER: INTEGER_FORMAT,
}


class _ColumnCells:
    """The reusable cells of one column; text has a plain cell and a quote-prefixed one.

    Values are bound directly (``_value``/``data_type``) rather than through ``Cell.value``: the
    values are already of the column's type and cleaned, and openpyxl's inference per cell (and its
    formula guess for "=…" strings, which must not happen here) costs more than the rest together.
    """

    def __init__(self, ws: Any, column: Column) -> None:
        self.kind = column.kind
        self.cell = WriteOnlyCell(ws)
        self.quoted = WriteOnlyCell(ws)
        if column.kind is Kind.TEXT:
            self.quoted.quotePrefix = True  # unstyled safe text is cheaper to write
            self.cell.data_type = self.quoted.data_type = "s"
        else:
            self.cell.number_format = _FORMATS[column.kind]
            self.cell.data_type = "d" if column.kind is Kind.DATETIME else "n"

    def make(self, value: Any) -> WriteOnlyCell | None:
        if value is None:
            return None
        kind = self.kind
        if kind is Kind.TEXT:
            text = clean_text(value)[:32767]
            cell = self.quoted if is_risky(text) else self.cell
            if "\r" in text or "_x" in text:
                text = _ooxml_escape(text)
            cell._value = text  # a string cell: never a formula, never an error code
            return cell
        cell = self.cell
        if kind is Kind.DATETIME:
            cell._value = moscow_naive(value)
        elif kind is Kind.DURATION:
            cell._value = int(value) / SECONDS_PER_DAY
        elif kind is Kind.MONEY:
            cell._value = Decimal(value)
        else:
            cell._value = int(value)
        return cell


def write_xlsx(
    out: BinaryIO, columns: Sequence[Column], rows: Iterable[Sequence[Any]], *, sheet: str = SHEET_NAME
) -> int:
    """Write the workbook to the binary file ``out``; returns the number of data rows."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title=clean_text(sheet)[:31] or "Sheet1")
    try:
        for i, column in enumerate(columns, 1):
            ws.column_dimensions[get_column_letter(i)].width = column.width
        ws.freeze_panes = "A2"
        bold = Font(bold=True)
        header = []
        for column in columns:
            cell = WriteOnlyCell(ws, value=clean_text(column.title))
            cell.data_type = "s"
            cell.font = bold
            header.append(cell)
        ws.append(header)
        _stream_prepared_cells(ws)
        makers = [_ColumnCells(ws, c).make for c in columns]
        count = 0
        append = ws.append
        for row in rows:
            append([m(v) for m, v in zip(makers, row, strict=True)])
            count += 1
        last = get_column_letter(max(1, len(columns)))
        ws.auto_filter.ref = f"A1:{last}{count + 1}"
        # ZipFile in a with block: a write that fails (disk full) still closes the archive now,
        # not later in a finaliser; level 1 compresses about as well as 6 in a third of the time
        with ZipFile(out, "w", ZIP_DEFLATED, allowZip64=True, compresslevel=1) as archive:
            ExcelWriter(wb, archive).save()
        return count
    except BaseException:
        _discard(ws)
        raise


_OOXML_ESCAPE_LIKE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")


def _ooxml_escape(text: str) -> str:
    """Keep CR through XML line-end normalisation: OOXML writes it as ``_x000D_`` (and a literal
    ``_xHHHH_`` in the text as ``_x005F_xHHHH_``), which Excel, LibreOffice and openpyxl decode."""
    return _OOXML_ESCAPE_LIKE.sub(r"_x005F_\1", text).replace("\r", "_x000D_")


def _prepared_row(values: Sequence[Any], row_idx: int) -> Iterator[Any]:
    """Stand-in for ``WriteOnlyWorksheet._values_to_row`` for rows made only of ready cells.

    openpyxl's own version first tries every Cell as a *value*, which fails with an exception
    (whose message renders the cell) before it takes the cell as is: a third of the time of a
    100,000-row export. Our rows never hold anything but cells (or None for an empty one).
    """
    for col_idx, cell in enumerate(values, 1):
        if cell is None:
            continue
        cell.column = col_idx
        cell.row = row_idx
        yield cell


def _stream_prepared_cells(ws: Any) -> None:
    if callable(getattr(ws, "_values_to_row", None)):
        ws._values_to_row = _prepared_row


def _discard(ws: Any) -> None:
    """Remove the temporary file openpyxl streams a half-written sheet into."""
    writer = getattr(ws, "_writer", None)
    if writer is None:
        return
    path = getattr(writer, "out", None)
    try:
        rows = getattr(ws, "_rows", None)
        if rows is not None:
            rows.close()
        writer.close()
    except Exception:  # the stream may already be broken (disk full): only the file matters
        log.debug("closing the broken sheet stream failed", exc_info=True)
    if isinstance(path, str) and os.path.exists(path):
        try:
            writer.cleanup()
        except (OSError, ValueError):
            log.debug("removing %s failed", path, exc_info=True)
