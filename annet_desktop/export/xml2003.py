"""XML Spreadsheet 2003 (the web cabinet's export format), written as a stream of rows.

The file starts with ``<?mso-application progid="Excel.Sheet"?>`` so Excel and LibreOffice open
it as a spreadsheet. Cells are typed: ``Number`` for durations (a time value, ``[h]:mm:ss``),
money (``#,##0.00``) and integers, ``DateTime`` with a date style, ``String`` for text. A String cell is
never a formula (formulas live only in ``ss:Formula``), so injected text stays text. Text is
escaped for XML; CR, LF and tab are written as character references so they survive a reader's
line-end normalisation; characters XML cannot carry are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any, BinaryIO

from .cells import (
    DATETIME_FORMAT,
    DURATION_FORMAT,
    INTEGER_FORMAT,
    MONEY_FORMAT,
    SECONDS_PER_DAY,
    Column,
    Kind,
    clean_text,
    local_iso,
)

SHEET_NAME = "Звонки"
_NEEDS_ESCAPE = re.compile(r'[&<>"\t\r\n]')
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\t": "&#9;", "\r": "&#13;", "\n": "&#10;"}
_FLUSH_EVERY = 2000  # rows per write() of the encoded text


def escape(text: str) -> str:
    """``text`` made safe for XML element content and attribute values."""
    text = clean_text(text)
    if _NEEDS_ESCAPE.search(text):
        return _NEEDS_ESCAPE.sub(lambda m: _ESCAPES[m.group()], text)
    return text


_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:o="urn:schemas-microsoft-com:office:office"
 xmlns:x="urn:schemas-microsoft-com:office:excel"
 xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:html="http://www.w3.org/TR/REC-html40">
 <Styles>
  <Style ss:ID="Default" ss:Name="Normal"><Alignment ss:Vertical="Bottom"/></Style>
  <Style ss:ID="hdr"><Font ss:Bold="1"/></Style>
  <Style ss:ID="dt"><NumberFormat ss:Format="{dt}"/></Style>
  <Style ss:ID="dur"><NumberFormat ss:Format="{dur}"/></Style>
  <Style ss:ID="money"><NumberFormat ss:Format="{money}"/></Style>
  <Style ss:ID="int"><NumberFormat ss:Format="{int}"/></Style>
  <Style ss:ID="txt"><NumberFormat ss:Format="@"/></Style>
 </Styles>
 <Worksheet ss:Name="{sheet}">
  <Table x:FullColumns="1" x:FullRows="1">
"""

_TAIL = """  </Table>
  <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel">
   <FreezePanes/>
   <FrozenNoSplit/>
   <SplitHorizontal>1</SplitHorizontal>
   <TopRowBottomPane>1</TopRowBottomPane>
   <ActivePane>2</ActivePane>
  </WorksheetOptions>
  <AutoFilter x:Range="R1C1:R{rows}C{cols}" xmlns="urn:schemas-microsoft-com:office:excel"/>
 </Worksheet>
</Workbook>
"""


def _text_cell(value: Any) -> str:
    if value is None:
        return "<Cell/>"
    return f'<Cell ss:StyleID="txt"><Data ss:Type="String">{escape(value)}</Data></Cell>'


def _datetime_cell(value: Any) -> str:
    if value is None:
        return "<Cell/>"
    stamp = local_iso(value)
    return f'<Cell ss:StyleID="dt"><Data ss:Type="DateTime">{stamp}.000</Data></Cell>'


def _duration_cell(value: Any) -> str:
    if value is None:
        return "<Cell/>"
    return f'<Cell ss:StyleID="dur"><Data ss:Type="Number">{int(value) / SECONDS_PER_DAY!r}</Data></Cell>'


def _money_cell(value: Any) -> str:
    if value is None:
        return "<Cell/>"
    return f'<Cell ss:StyleID="money"><Data ss:Type="Number">{Decimal(value):.2f}</Data></Cell>'


def _integer_cell(value: Any) -> str:
    if value is None:
        return "<Cell/>"
    return f'<Cell ss:StyleID="int"><Data ss:Type="Number">{int(value)}</Data></Cell>'


_CELLS: dict[Kind, Callable[[Any], str]] = {
    Kind.TEXT: _text_cell,
    Kind.DATETIME: _datetime_cell,
    Kind.DURATION: _duration_cell,
    Kind.MONEY: _money_cell,
    Kind.INTEGER: _integer_cell,
}


def write_xml2003(
    out: BinaryIO, columns: Sequence[Column], rows: Iterable[Sequence[Any]], *, sheet: str = SHEET_NAME
) -> int:
    """Write the workbook to the binary file ``out``; returns the number of data rows."""
    head = _HEAD.format(
        dt=DATETIME_FORMAT, dur=DURATION_FORMAT, money=MONEY_FORMAT, int=INTEGER_FORMAT, sheet=escape(sheet)
    )
    parts = [head]
    # widths in points: about 5.6 points per character of the default font
    parts += [f'   <Column ss:Width="{round(c.width * 5.6, 1)}"/>\n' for c in columns]
    header = "".join(
        f'<Cell ss:StyleID="hdr"><Data ss:Type="String">{escape(c.title)}</Data></Cell>' for c in columns
    )
    parts.append(f"   <Row>{header}</Row>\n")
    out.write("".join(parts).encode("utf-8"))
    cells = [_CELLS[c.kind] for c in columns]
    buffer: list[str] = []
    count = 0
    for row in rows:
        buffer.append("   <Row>" + "".join([f(v) for f, v in zip(cells, row, strict=True)]) + "</Row>\n")
        count += 1
        if len(buffer) >= _FLUSH_EVERY:
            out.write("".join(buffer).encode("utf-8"))
            buffer.clear()
    if buffer:
        out.write("".join(buffer).encode("utf-8"))
    out.write(_TAIL.format(rows=count + 1, cols=len(columns)).encode("utf-8"))
    return count
