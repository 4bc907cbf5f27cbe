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
    assert target.stat().st_size > 0
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary file left


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
