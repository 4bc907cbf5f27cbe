"""Keyset paging: opaque cursors and the page-size clamp of the history lists."""

from __future__ import annotations

import base64
import datetime as dt
from typing import Any

from annet_contract.errors import ErrorCode

from .refusals import _field_error


def _encode_cursor(*parts: Any) -> str:
    raw = "|".join(str(p) for p in parts).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_cursor(cursor: str, count: int) -> list[str]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        parts = base64.urlsafe_b64decode(padded.encode()).decode().split("|")
    except (ValueError, UnicodeDecodeError) as exc:
        raise _field_error(ErrorCode.VALIDATION, "cursor") from exc
    if len(parts) != count:
        raise _field_error(ErrorCode.VALIDATION, "cursor")
    return parts


def _cursor_int(raw: str) -> int:
    """A whole number of a cursor that fits a 64-bit column (a huge one is a bad cursor, not a 500)."""
    value = int(raw)
    if not 0 <= value < 2**63:
        raise ValueError("out of range")
    return value


def _time_cursor(cursor: str) -> tuple[dt.datetime, int]:
    at_raw, id_raw = _decode_cursor(cursor, 2)
    try:
        at = dt.datetime.fromisoformat(at_raw)
        if at.tzinfo is None:
            raise ValueError("naive")
        return at, _cursor_int(id_raw)
    except ValueError as exc:
        raise _field_error(ErrorCode.VALIDATION, "cursor") from exc


def _clamp_limit(limit: int | None, default: int, maximum: int) -> int:
    if limit is None:
        return default
    return max(1, min(int(limit), maximum))
