"""Streaming writers of the calls table: XML Spreadsheet 2003, xlsx and CSV. No Qt in here.

``export(path, fmt, header, rows, progress=, cancelled=)`` is the one entry (see :mod:`.run`);
the writers themselves are :mod:`.csv_writer`, :mod:`.xml2003` and :mod:`.xlsx_writer` (openpyxl
is imported only when an xlsx file is written).
"""

from __future__ import annotations

from .cells import Column, Kind, is_risky
from .run import CHUNK, ExportCancelled, ExportFormat, export, writer_for

__all__ = ["CHUNK", "Column", "ExportCancelled", "ExportFormat", "Kind", "export", "is_risky", "writer_for"]
