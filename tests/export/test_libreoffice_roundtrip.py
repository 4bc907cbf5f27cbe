"""A real spreadsheet program reads our files back: LibreOffice headless converts the xlsx and the
XML 2003 export to CSV, and every value, its type (text or number/date) and the row count match.

LibreOffice quotes every text cell of the CSV it writes and leaves numbers and dates bare, so the
quoting tells the type; values are compared as LibreOffice shows them with our number formats.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from annet_contract.moscow import MOSCOW
from annet_desktop.export import Column, ExportFormat, Kind, export

from .conftest import COLUMNS, ROWS

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; .ci/run installs it"),
]


def _parse_csv(text: str) -> list[list[tuple[str, bool]]]:
    """RFC 4180 with ``;``: every field as (value, was it quoted)."""
    rows: list[list[tuple[str, bool]]] = []
    row: list[tuple[str, bool]] = []
    i, n = 0, len(text)
    while i < n:
        if text[i] == '"':
            i += 1
            value = []
            while True:
                j = text.index('"', i)
                value.append(text[i:j])
                if j + 1 < n and text[j + 1] == '"':
                    value.append('"')
                    i = j + 2
                    continue
                i = j + 1
                break
            field = ("".join(value), True)
        else:
            j = i
            while j < n and text[j] not in ";\r\n":
                j += 1
            field = (text[i:j], False)
            i = j
        row.append(field)
        if i < n and text[i] == ";":
            i += 1
            continue
        rows.append(row)
        row = []
        if text.startswith("\r\n", i):
            i += 2
        elif i < n:
            i += 1
    return rows


def _shown(column: Column, value: Any) -> tuple[str, bool]:
    """What LibreOffice (en-US) shows for a value of our export, and whether it is text."""
    if column.kind is Kind.DATETIME:
        return value.astimezone(MOSCOW).strftime("%d.%m.%Y %H:%M:%S"), False
    if column.kind is Kind.DURATION:
        h, rest = divmod(value, 3600)
        m, s = divmod(rest, 60)
        return f"{h}:{m:02d}:{s:02d}", False
    if column.kind is Kind.MONEY:
        return f"{Decimal(value):,.2f}", False
    if column.kind is Kind.INTEGER:
        return str(value), False
    text = "".join(ch for ch in value if ch in "\t\n\r" or ord(ch) >= 32)
    return text, True


def _sample() -> list[tuple[Any, ...]]:
    rows = list(ROWS)
    start = dt.datetime(2026, 10, 1, tzinfo=MOSCOW)
    for i in range(300):
        rows.append(
            (
                start + dt.timedelta(seconds=i * 8641 + 7),
                f"4822{i:06d}",
                f"+7900{i * 7919 % 10_000_000:07d}",
                "Входящий" if i % 3 else "Исходящий",
                (i * 37) % 5000,
                Decimal(i * 123 % 100_000) / 100 - (Decimal("50") if i % 7 == 0 else 0),
                ["Тверь", "Москва", "Россия, моб.", "Международная"][i % 4],
            )
        )
    return rows


def test_libreoffice_reads_xlsx_and_xml2003_back(tmp_path: Path) -> None:
    rows = _sample()
    sources = []
    for fmt in (ExportFormat.XLSX, ExportFormat.XML2003):
        path = tmp_path / f"calls_{fmt.value}.{fmt.value}"
        assert export(path, fmt, COLUMNS, rows) == len(rows)
        sources.append(path)
    out = tmp_path / "out"
    env = dict(os.environ, HOME=str(tmp_path), LC_ALL="C.UTF-8", LANG="C.UTF-8")
    # ";" separator, '"' quotes, UTF-8 (76), quote every text cell, save as shown
    csv_filter = "csv:Text - txt - csv (StarCalc):59,34,76,1,,1033,true,false,true"
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}", "--headless",
         "--convert-to", csv_filter, "--outdir", str(out), *map(str, sources)],
        check=True, env=env, timeout=180, capture_output=True,
    )  # fmt: skip
    expected = [[(c.title, True) for c in COLUMNS]]
    expected += [[_shown(c, v) if v is not None else ("", False) for c, v in zip(COLUMNS, row, strict=True)]
                 for row in rows]  # fmt: skip
    for source in sources:
        produced = out / (source.stem + ".csv")
        assert produced.exists(), f"LibreOffice did not convert {source.name}"
        table = _parse_csv(produced.read_bytes().decode("utf-8-sig"))  # keep CR as CR
        assert len(table) == len(expected), source.name
        for line, (got, want) in enumerate(zip(table, expected, strict=True)):
            assert got == want, f"{source.name} line {line + 1}"
