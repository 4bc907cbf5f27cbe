"""Calendar arithmetic in Moscow time: month starts, month lengths, adding months, midnights."""

from __future__ import annotations

import calendar
import datetime as dt

from annet_contract.moscow import MOSCOW

from ..db import as_moscow


def month_start(day: dt.date) -> dt.date:
    """The 1st of ``day``'s month."""
    return day.replace(day=1)


def next_month_start(day: dt.date) -> dt.date:
    """The 1st of the month after ``day``'s."""
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` + ``months`` calendar months, the day clamped to the target month's length."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def days_in_month(day: dt.date) -> int:
    """How many days ``day``'s month has."""
    return calendar.monthrange(day.year, day.month)[1]


def midnight(day: dt.date) -> dt.datetime:
    """00:00 Moscow time of ``day``."""
    return dt.datetime(day.year, day.month, day.day, tzinfo=MOSCOW)


def _same_month(a: dt.datetime | None, b: dt.datetime) -> bool:
    if a is None:
        return False
    a = as_moscow(a)
    assert a is not None
    return (a.year, a.month) == (b.year, b.month)
