"""xlsx: bold frozen header, autofilter, widths, real dates and numbers, text never a formula."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

import openpyxl
import pytest

from annet_desktop.export import Column
from annet_desktop.export.xlsx_writer import write_xlsx


@pytest.fixture
def sheet(columns: list[Column], rows: list[tuple[Any, ...]]) -> Any:
    out = io.BytesIO()
    assert write_xlsx(out, columns, rows) == len(rows)
    out.seek(0)
    return openpyxl.load_workbook(out).active


def test_header_bold_frozen_filter_and_widths(sheet: Any, columns: list[Column]) -> None:
    assert [c.value for c in sheet[1]] == [c.title for c in columns]
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:G5"
    assert sheet.column_dimensions["A"].width == pytest.approx(19)
    assert sheet.column_dimensions["G"].width == pytest.approx(20)
    assert sheet.max_row == 5


def test_dates_numbers_and_formats(sheet: Any) -> None:
    start, src, _dst, _direction, duration, cost, zone = sheet[2]
    assert start.value == dt.datetime(2026, 11, 16, 12, 0, 5)
    assert start.is_date and start.number_format == "dd.mm.yyyy hh:mm:ss"
    assert sheet["A3"].value == dt.datetime(2026, 11, 16, 12, 30)  # 09:30 UTC on Moscow time
    # stored as a number (days) with a time format; openpyxl reads it back as a timedelta
    assert duration.number_format == "[h]:mm:ss"
    assert duration.value == dt.timedelta(seconds=83)
    assert sheet["E3"].value == dt.timedelta(hours=1, minutes=2, seconds=5)
    assert cost.data_type == "n" and cost.number_format == "#,##0.00"
    assert float(cost.value) == -12.5  # a real negative number stays a number
    assert Decimal(str(sheet["F5"].value)) == Decimal("100000.01")
    assert src.value == "4822123456" and src.data_type == "s"
    assert zone.value == 'Тверь; "центр"\nвторая строка'


def test_text_is_never_a_formula(sheet: Any) -> None:
    cells = {c.value: c for row in sheet.iter_rows(min_row=2) for c in row if isinstance(c.value, str)}
    for risky in ("=1+2", "-2", "+79001234567", "@SUM(A1)", "\tтаб", "#N/A"):
        cell = cells[risky]
        assert cell.data_type == "s", risky
    for risky in ("=1+2", "-2", "+79001234567", "@SUM(A1)", "\tтаб"):
        assert cells[risky].quotePrefix, risky  # Excel keeps it text even when edited
    assert not cells["4822123456"].quotePrefix
    assert "ctlchar" in cells


def test_empty_cells(columns: list[Column]) -> None:
    """An empty value is an empty cell (not «None», not 0), and its row still counts: the row after it
    lands where it should."""
    out = io.BytesIO()
    last = (None, "4822123456", None, None, None, None, "Тверь")
    assert write_xlsx(out, columns, [(None,) * 7, last]) == 2
    out.seek(0)
    ws = openpyxl.load_workbook(out).active
    assert [c.value for c in ws[2]] == [None] * 7
    assert [c.value for c in ws[3]] == list(last)
    assert ws.max_row == 3
    assert ws.auto_filter.ref == "A1:G3"
