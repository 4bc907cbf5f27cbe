"""export(): atomic rename, progress, cancellation and failures (disk full) leave no file."""

from __future__ import annotations

import errno
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from annet_desktop.export import CHUNK, Column, ExportCancelled, ExportFormat, export
from annet_desktop.export.run import _open_temp

from .conftest import FailingFile

FORMATS = list(ExportFormat)


def _many(rows: list[tuple[Any, ...]], n: int) -> Iterator[tuple[Any, ...]]:
    for i in range(n):
        yield rows[i % len(rows)]


def _openpyxl_temp_files() -> set[str]:
    from openpyxl.worksheet._writer import ALL_TEMP_FILES

    return set(ALL_TEMP_FILES)


@pytest.mark.parametrize("fmt", FORMATS)
def test_writes_the_file_and_reports_progress(
    tmp_path: Path, fmt: ExportFormat, columns: list[Column], rows: list[tuple[Any, ...]]
) -> None:
    target = tmp_path / f"calls.{fmt.value}"
    seen: list[int] = []
    count = export(target, fmt, columns, _many(rows, 2 * CHUNK + 5), progress=seen.append)
    assert count == 2 * CHUNK + 5
    assert seen == [CHUNK, 2 * CHUNK, 2 * CHUNK + 5]
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary file left
    callers = _read_back(target, fmt)  # what the file holds: the header, then every row in order
    assert callers[0] == "С номера"
    assert len(callers) == 1 + 2 * CHUNK + 5
    if fmt is ExportFormat.CSV:  # a text a spreadsheet would take for a formula starts with «'»
        assert callers[1:5] == ["4822123456", "'+79001234567", "'@SUM(A1)", "4822000000"]
    else:
        assert callers[1:5] == ["4822123456", "+79001234567", "@SUM(A1)", "4822000000"]
    assert callers[-1] == callers[1 + (2 * CHUNK + 4) % len(rows)]  # the samples repeat in order


def _read_back(target: Path, fmt: ExportFormat) -> list[str]:
    """The «С номера» column of an exported file, header first, read with a reader of its format."""
    if fmt is ExportFormat.CSV:
        import csv

        with target.open(encoding="utf-8-sig", newline="") as f:
            return [row[1] for row in csv.reader(f, delimiter=";")]
    if fmt is ExportFormat.XLSX:
        import openpyxl

        book = openpyxl.load_workbook(target, read_only=True)
        try:
            return [str(row[1]) for row in book.active.iter_rows(values_only=True)]
        finally:
            book.close()
    from lxml import etree

    ss = "urn:schemas-microsoft-com:office:spreadsheet"
    rows = etree.parse(str(target)).getroot().iter(f"{{{ss}}}Row")
    return ["".join(row.findall(f"{{{ss}}}Cell")[1].itertext()) for row in rows]


@pytest.mark.parametrize("fmt", FORMATS)
def test_cancel_after_the_last_chunk_still_writes_nothing(
    tmp_path: Path, fmt: ExportFormat, columns: list[Column], rows: list[tuple[Any, ...]]
) -> None:
    """The user pressed «Отмена» while the last rows were being written: no file, not a whole one."""
    exhausted = [False]

    def all_rows() -> Iterator[tuple[Any, ...]]:
        yield from _many(rows, CHUNK + 3)
        exhausted[0] = True

    target = tmp_path / f"calls.{fmt.value}"
    with pytest.raises(ExportCancelled):
        export(target, fmt, columns, all_rows(), cancelled=lambda: exhausted[0])
    assert exhausted[0]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_finished_file_is_renamed_into_place_not_copied(
    tmp_path: Path, fmt: ExportFormat, columns: list[Column], rows: list[tuple[Any, ...]]
) -> None:
    """The target becomes the very temporary file (one rename): a reader of the old file keeps the
    old bytes and never sees a half-copied one."""
    target = tmp_path / f"calls.{fmt.value}"
    target.write_bytes(b"previous export")
    temps: list[tuple[Path, int]] = []

    def recording_opener(path: Path) -> tuple[Any, Path]:
        out, temp = _open_temp(path)
        temps.append((temp, temp.stat().st_ino))
        return out, temp

    with target.open("rb") as reader:
        export(target, fmt, columns, rows, opener=recording_opener)
        assert reader.read() == b"previous export"
    ((temp, inode),) = temps
    assert target.stat().st_ino == inode
    assert not temp.exists()


@pytest.mark.parametrize("fmt", FORMATS)
def test_cancel_leaves_no_file_and_keeps_an_old_one(
    tmp_path: Path, fmt: ExportFormat, columns: list[Column], rows: list[tuple[Any, ...]]
) -> None:
    before = _openpyxl_temp_files()
    fresh = tmp_path / f"new.{fmt.value}"
    progress: list[int] = []
    with pytest.raises(ExportCancelled):
        export(fresh, fmt, columns, _many(rows, 10 * CHUNK), progress=progress.append,
               cancelled=lambda: len(progress) >= 2)  # fmt: skip
    assert not fresh.exists()
    old = tmp_path / f"old.{fmt.value}"
    old.write_bytes(b"previous export")
    with pytest.raises(ExportCancelled):
        export(old, fmt, columns, _many(rows, 10), cancelled=lambda: True)
    assert old.read_bytes() == b"previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == [old.name]
    assert _openpyxl_temp_files() <= before  # openpyxl's own sheet stream is gone too


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("limit", [0, 10, 5000])
def test_disk_full_leaves_no_file(
    tmp_path: Path, fmt: ExportFormat, limit: int, columns: list[Column], rows: list[tuple[Any, ...]]
) -> None:
    def failing_opener(target: Path) -> tuple[Any, Path]:
        out, temp = _open_temp(target)
        return FailingFile(out, limit), temp

    target = tmp_path / f"calls.{fmt.value}"
    with pytest.raises(OSError) as info:
        export(target, fmt, columns, _many(rows, 3 * CHUNK), opener=failing_opener)
    assert info.value.errno == errno.ENOSPC
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_bad_value_fails_cleanly(tmp_path: Path, fmt: ExportFormat, columns: list[Column]) -> None:
    target = tmp_path / f"calls.{fmt.value}"
    with pytest.raises((TypeError, ValueError, AttributeError)):
        export(target, fmt, columns, [("not a date", "a", "b", "c", 1, "1.00", "z")])
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_is_an_oserror_and_nothing_is_made(tmp_path: Path, columns: list[Column]) -> None:
    with pytest.raises(OSError):
        export(tmp_path / "no" / "calls.csv", "csv", columns, [])
    assert list(tmp_path.iterdir()) == []


def test_unknown_format(tmp_path: Path, columns: list[Column]) -> None:
    with pytest.raises(ValueError):
        export(tmp_path / "calls.ods", "ods", columns, [])
    assert list(tmp_path.iterdir()) == []


def test_new_file_gets_normal_permissions(tmp_path: Path, columns: list[Column]) -> None:
    import os

    target = tmp_path / "calls.csv"
    export(target, "csv", columns, [])
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
