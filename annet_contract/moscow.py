"""Moscow time, the cabinet's one time zone, and dates as the subscriber reads them: «16.11.2026 12:00».

Pure Python, no Qt. Tver lives on Moscow time (UTC+3; Moscow has had no daylight saving since
2014), so an aware datetime is shown in Moscow time whatever the computer's own time zone is, and
the server keeps and compares its times in it. :func:`to_moscow` is the one "to Moscow time"
conversion of the app and the server.
"""

from __future__ import annotations

import datetime as dt
from typing import overload

#: Moscow time: UTC+3, no daylight saving.
MOSCOW = dt.timezone(dt.timedelta(hours=3), "MSK")


@overload
def to_moscow(value: dt.datetime) -> dt.datetime: ...
@overload
def to_moscow(value: None) -> None: ...
def to_moscow(value: dt.datetime | None) -> dt.datetime | None:
    """The same instant on Moscow time; a naive datetime is taken as Moscow time already; ``None`` stays."""
    if value is None:
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=MOSCOW)
    return value.astimezone(MOSCOW)


def moscow_naive(value: dt.datetime) -> dt.datetime:
    """The wall-clock time on Moscow time without a zone (spreadsheets and SQLite have no zones)."""
    return to_moscow(value).replace(tzinfo=None)


def format_datetime(value: dt.datetime | None) -> str:
    """``dd.mm.yyyy hh:mm`` on Moscow time; ``None`` → empty string."""
    if value is None:
        return ""
    return to_moscow(value).strftime("%d.%m.%Y %H:%M")


def format_date(value: dt.date | dt.datetime | None) -> str:
    """``dd.mm.yyyy`` (a datetime is first put on Moscow time); ``None`` → empty string."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = to_moscow(value).date()
    return value.strftime("%d.%m.%Y")


def format_time(value: dt.datetime | None) -> str:
    """``hh:mm`` on Moscow time (e.g. the time of the last refresh); ``None`` → empty string."""
    if value is None:
        return ""
    return to_moscow(value).strftime("%H:%M")


def format_duration(seconds: int) -> str:
    """A call duration: ``h:mm:ss`` or ``m:ss`` under an hour."""
    if seconds < 0:
        raise ValueError("a duration cannot be negative")
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"
