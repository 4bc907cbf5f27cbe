"""CSV: BOM, ``;``, RFC 4180 quoting, CRLF, Russian numbers, formula injection neutralised."""

from __future__ import annotations

import csv
import io
from typing import Any

from annet_desktop.export import Column, Kind
from annet_desktop.export.csv_writer import BOM, write_csv


def _write(columns: list[Column], rows: list[tuple[Any, ...]]) -> bytes:
    out = io.BytesIO()
    count = write_csv(out, columns, rows)
    assert count == len(rows)
    return out.getvalue()


def _parse(data: bytes) -> list[list[str]]:
    assert data.startswith(BOM)
    return list(csv.reader(io.StringIO(data[len(BOM) :].decode("utf-8"), newline=""), delimiter=";"))


def test_header_bom_separator_and_crlf(columns: list[Column], rows: list[tuple[Any, ...]]) -> None:
    data = _write(columns, rows)
    assert data.startswith(BOM + "Дата и время;С номера;".encode())
    text = data[len(BOM) :].decode()
    assert text.endswith("\r\n")
    # every record ends with CRLF; the embedded LF of a quoted field is kept as is
    assert text.count("\r\n") == len(rows) + 1


def test_values_round_trip_through_a_csv_reader(columns: list[Column], rows: list[tuple[Any, ...]]) -> None:
    table = _parse(_write(columns, rows))
    assert len(table) == 1 + len(rows)
    assert table[0] == [c.title for c in columns]
    first, second, third, fourth = table[1:]
    assert first == ["16.11.2026 12:00:05", "4822123456", "'=1+2", "Исходящий", "0:01:23", "-12,50",
                     'Тверь; "центр"\nвторая строка']  # fmt: skip
    assert second[0] == "16.11.2026 12:30:00"  # 09:30 UTC is 12:30 in Moscow
    assert second[4] == "1:02:05"
    assert second[5] == "1234,56"
    assert third[4] == "0:00:00"
    assert fourth[5] == "100000,01"


def test_quoting_follows_rfc_4180(columns: list[Column], rows: list[tuple[Any, ...]]) -> None:
    text = _write(columns, rows)[len(BOM) :].decode()
    assert '"Тверь; ""центр""\nвторая строка"' in text
    assert ";4822123456;" in text  # plain fields are not quoted


def test_formula_injection_is_neutralised_but_negative_numbers_stay(
    columns: list[Column], rows: list[tuple[Any, ...]]
) -> None:
    table = _parse(_write(columns, rows))
    cells = [cell for row in table[1:] for cell in row]
    assert "'=1+2" in cells
    assert "'-2" in cells  # text that starts with minus is text, so it is neutralised
    assert "'+79001234567" in cells
    assert "'@SUM(A1)" in cells
    assert "'\tтаб" in cells
    assert "'\rcr" in cells
    assert "-12,50" in cells  # a real negative amount is a number and is left alone
    for cell in cells:
        assert not cell.startswith(("=", "+", "@", "\t", "\r")), cell
        assert not (cell.startswith("-") and not cell[1:].replace(",", "").isdigit()), cell


def test_header_text_is_neutralised_too() -> None:
    table = _parse(_write([Column("=cmd|' /C calc'!A0")], [("x",)]))
    assert table[0] == ["'=cmd|' /C calc'!A0"]


def test_empty_values_and_control_characters(columns: list[Column]) -> None:
    row = (None, None, "a\x00b", None, None, None, "\x0bz")
    table = _parse(_write(columns, [row]))
    assert table[1] == ["", "", "ab", "", "", "", "z"]


def test_integer_column() -> None:
    table = _parse(_write([Column("N", Kind.INTEGER)], [(-5,), (0,), (None,)]))
    assert [r[0] for r in table[1:]] == ["-5", "0", ""]


def test_times_on_other_offsets_and_with_microseconds_are_put_on_moscow_time() -> None:
    import datetime as dt

    from annet_contract.moscow import MOSCOW
    from annet_desktop.export.cells import local_iso

    assert local_iso(dt.datetime(2026, 11, 16, 12, 0, 5, tzinfo=MOSCOW)) == "2026-11-16T12:00:05"
    assert local_iso(dt.datetime(2026, 11, 16, 23, 30, 0, 999, tzinfo=dt.UTC)) == "2026-11-17T02:30:00"
    assert local_iso(dt.datetime(2026, 11, 16, 12, 0, 5)) == "2026-11-16T12:00:05"  # naive = Moscow
    assert local_iso(dt.datetime(2026, 11, 16, 12, 0, 5, 500)) == "2026-11-16T12:00:05"
    table = _parse(_write([Column("t", Kind.DATETIME)], [(dt.datetime(2026, 12, 31, 22, 0, tzinfo=dt.UTC),)]))
    assert table[1] == ["01.01.2027 01:00:00"]
