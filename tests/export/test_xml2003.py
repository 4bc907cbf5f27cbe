"""XML Spreadsheet 2003: the processing instruction, typed cells, date style, escaping, injection."""

from __future__ import annotations

import io
from typing import Any

from lxml import etree

from annet_desktop.export import Column
from annet_desktop.export.xml2003 import escape, write_xml2003

SS = "urn:schemas-microsoft-com:office:spreadsheet"
NS = {"ss": SS}


def _tree(columns: list[Column], rows: list[tuple[Any, ...]]) -> tuple[bytes, Any]:
    out = io.BytesIO()
    assert write_xml2003(out, columns, rows) == len(rows)
    data = out.getvalue()
    return data, etree.fromstring(data)


def _cells(row: Any) -> list[tuple[str | None, str | None, str | None]]:
    """(type, text, style) of every cell of a Row element."""
    result = []
    for cell in row.findall("ss:Cell", NS):
        data = cell.find("ss:Data", NS)
        result.append(
            (
                None if data is None else data.get(f"{{{SS}}}Type"),
                None if data is None else data.text,
                cell.get(f"{{{SS}}}StyleID"),
            )
        )
    return result


def test_processing_instruction_and_well_formed(columns: list[Column], rows: list[tuple[Any, ...]]) -> None:
    data, root = _tree(columns, rows)
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n')
    assert data.split(b"\n")[1] == b'<?mso-application progid="Excel.Sheet"?>'
    assert root.tag == f"{{{SS}}}Workbook"
    table_rows = root.findall(".//ss:Table/ss:Row", NS)
    assert len(table_rows) == 1 + len(rows)
    assert len(root.findall(".//ss:Table/ss:Column", NS)) == len(columns)
    auto = root.find(".//{urn:schemas-microsoft-com:office:excel}AutoFilter")
    assert auto is not None and auto.get("{urn:schemas-microsoft-com:office:excel}Range") == "R1C1:R5C7"


def test_typed_cells_and_styles(columns: list[Column], rows: list[tuple[Any, ...]]) -> None:
    _, root = _tree(columns, rows)
    styles = {s.get(f"{{{SS}}}ID"): s for s in root.findall(".//ss:Styles/ss:Style", NS)}
    assert styles["dt"].find("ss:NumberFormat", NS).get(f"{{{SS}}}Format") == "dd.mm.yyyy hh:mm:ss"
    assert styles["hdr"].find("ss:Font", NS).get(f"{{{SS}}}Bold") == "1"
    header, first, second, *_ = root.findall(".//ss:Table/ss:Row", NS)
    assert [c[0] for c in _cells(header)] == ["String"] * 7
    cells = _cells(first)
    assert cells[0] == ("DateTime", "2026-11-16T12:00:05.000", "dt")
    assert cells[1] == ("String", "4822123456", "txt")
    assert cells[4][0] == "Number" and abs(float(cells[4][1] or 0) * 86400 - 83) < 1e-6
    assert cells[4][2] == "dur"
    assert cells[5] == ("Number", "-12.50", "money")  # a negative amount is a number
    assert cells[6] == ("String", 'Тверь; "центр"\nвторая строка', "txt")
    assert _cells(second)[0][1] == "2026-11-16T12:30:00.000"  # UTC → Moscow


def test_injection_text_stays_string_and_no_formula(
    columns: list[Column], rows: list[tuple[Any, ...]]
) -> None:
    data, root = _tree(columns, rows)
    assert b"Formula" not in data
    texts = {c[1]: c[0] for row in root.findall(".//ss:Table/ss:Row", NS) for c in _cells(row)}
    for risky in ("=1+2", "-2", "+79001234567", "@SUM(A1)", "\tтаб", "\rcr", "#N/A"):
        assert texts[risky] == "String", risky


def test_escaping_and_control_characters(columns: list[Column], rows: list[tuple[Any, ...]]) -> None:
    data, root = _tree(columns, rows)
    assert b"&lt;a&amp;b&gt;" in data
    assert b"&#13;cr" in data and b"&#9;" in data
    texts = [c[1] for row in root.findall(".//ss:Table/ss:Row", NS) for c in _cells(row)]
    assert "<a&b>" in texts
    assert "ctlchar" in texts  # \x01 cannot travel in XML: dropped, not an error
    assert escape('"q"') == "&quot;q&quot;"


def test_empty_cells(columns: list[Column]) -> None:
    _, root = _tree(columns, [(None,) * 7])
    row = root.findall(".//ss:Table/ss:Row", NS)[1]
    assert _cells(row) == [(None, None, None)] * 7
