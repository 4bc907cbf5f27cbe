"""One entry for every export: :func:`export` writes beside the target, then renames atomically.

A failed or cancelled export leaves no file behind (neither the target nor the temporary one), and
an existing file at the target is replaced only by a complete new one. Progress is reported and
cancellation checked every :data:`CHUNK` rows, so a caller in another thread can show a progress
dialog with «Отмена».
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable, Iterable, Iterator, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Any, BinaryIO

from .cells import Column, as_columns

CHUNK = 1000


class ExportFormat(StrEnum):
    """The formats of «Экспортировать» (R-CALL-3); the value is the file extension."""

    XML2003 = "xml"
    XLSX = "xlsx"
    CSV = "csv"


class ExportCancelled(Exception):
    """The user cancelled the export; nothing was written."""


Writer = Callable[[BinaryIO, Sequence[Column], Iterable[Sequence[Any]]], int]


def writer_for(fmt: ExportFormat | str) -> Writer:
    """The streaming writer of a format (openpyxl is imported only when xlsx is asked for)."""
    fmt = ExportFormat(fmt)
    if fmt is ExportFormat.CSV:
        from .csv_writer import write_csv

        return write_csv
    if fmt is ExportFormat.XML2003:
        from .xml2003 import write_xml2003

        return write_xml2003
    from .xlsx_writer import write_xlsx

    return write_xlsx


def _watched(
    rows: Iterable[Sequence[Any]],
    progress: Callable[[int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> Iterator[Sequence[Any]]:
    done = 0
    if cancelled is not None and cancelled():
        raise ExportCancelled()
    for row in rows:
        yield row
        done += 1
        if done % CHUNK == 0:
            if cancelled is not None and cancelled():
                raise ExportCancelled()
            if progress is not None:
                progress(done)
    if cancelled is not None and cancelled():
        raise ExportCancelled()
    if progress is not None:
        progress(done)


def _open_temp(target: Path) -> tuple[BinaryIO, Path]:
    """A new hidden file beside ``target``, with the permissions a normal new file gets (umask)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
        try:
            fd = os.open(temp, flags, 0o666)
        except FileExistsError:
            continue
        return os.fdopen(fd, "wb"), temp
    raise FileExistsError(f"no free temporary name beside {target}")


def export(
    path: str | os.PathLike[str],
    fmt: ExportFormat | str,
    header: Sequence[Column | str],
    rows: Iterable[Sequence[Any]],
    *,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    opener: Callable[[Path], tuple[BinaryIO, Path]] = _open_temp,
) -> int:
    """Write ``header`` and ``rows`` to ``path`` in ``fmt``; returns the number of rows written.

    ``progress(rows_done)`` is called every :data:`CHUNK` rows and at the end; ``cancelled()`` is
    polled as often and, when it returns True, the export stops with :class:`ExportCancelled`.
    Any failure (disk full, no permission, a bad value) removes the temporary file and re-raises;
    the target is then untouched. ``opener`` makes the temporary file (tests pass a failing one).
    """
    target = Path(path)
    write = writer_for(fmt)
    columns = as_columns(list(header))
    out, temp = opener(target)
    try:
        with out:
            count = write(out, columns, _watched(rows, progress, cancelled))
            out.flush()
            with contextlib.suppress(OSError, AttributeError, ValueError):
                os.fsync(out.fileno())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return count
