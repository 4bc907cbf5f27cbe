"""One month's calls as plain data: the columns, prepared pages, formatting, the summary (pure).

A calls page from the API (:class:`~annet_contract.schema.CallsPage`, one list per column) is
made ready to append by :func:`prepare_page` — start times naive on Moscow time, sort keys and
totals computed — in the API thread, so the GUI thread only extends lists
(:class:`~annet_desktop.ui.models.calls_model.CallsModel`). The display formats of a call's
time and duration, and the digits a number search compares, live here too.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from annet_contract.moscow import MOSCOW, to_moscow

#: the columns of the calls table, in the order shown and exported
START, CALLER, CALLEE, DIRECTION, DURATION, COST, ZONE = range(7)
COLUMN_COUNT = 7
_NON_DIGITS = re.compile(r"\D+")


def digits(text: str) -> str:
    """Only the digits of a number as typed or sent («+7 (900) 123-45-67» → «79001234567»)."""
    if text.isdigit():
        return text
    return _NON_DIGITS.sub("", text)


def format_call_time(value: dt.datetime) -> str:
    """``dd.mm.yyyy hh:mm:ss`` on Moscow time (calls keep their seconds)."""
    return to_moscow(value).strftime("%d.%m.%Y %H:%M:%S")


def format_hms(seconds: int) -> str:
    """A total duration as ``hh:mm:ss`` (hours not limited to 24)."""
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}"


def format_call_duration(seconds: int) -> str:
    """One call's duration: ``m:ss``, or ``h:mm:ss`` from an hour."""
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


_MSK_OFFSET = MOSCOW.utcoffset(None)


def _moscow_naive(values: Sequence[dt.datetime]) -> list[dt.datetime]:
    """Start times as naive Moscow time: compared, sorted and formatted without calling into
    each value's tzinfo (the API's parser gives every datetime its own tzinfo object)."""
    out: list[dt.datetime] = []
    append = out.append
    naive = dt.datetime
    for value in values:
        offset = value.utcoffset()
        if offset == _MSK_OFFSET:  # the constructor is 3× faster than replace(tzinfo=None) here
            append(naive(value.year, value.month, value.day, value.hour, value.minute, value.second,
                         value.microsecond))  # fmt: skip
        elif offset is None:
            append(value)
        else:
            append(value.astimezone(MOSCOW).replace(tzinfo=None))
    return out


@dataclass(frozen=True)
class PreparedPage:
    """A calls page made ready to append: start times naive on Moscow time, cost sort keys and
    totals computed. :func:`prepare_page` is pure Python: the tab runs it in the API thread right
    after the page is parsed, so the GUI thread only extends lists."""

    total: int
    started_at: list[dt.datetime]
    caller: Sequence[str]
    callee: Sequence[str]
    direction: Sequence[Any]
    duration_s: Sequence[int]
    cost: Sequence[Decimal]
    zone: Sequence[str]
    cost_keys: list[float]
    duration_sum: int
    cost_sum: Decimal
    months: list[tuple[int, int]]
    next_cursor: str | None

    def __len__(self) -> int:
        return len(self.started_at)


def prepare_page(page: Any) -> PreparedPage:
    """Turn an API :class:`~annet_contract.schema.CallsPage` into a :class:`PreparedPage`."""
    columns = (page.caller, page.callee, page.direction, page.duration_s, page.cost, page.zone)
    if {len(c) for c in columns} - {len(page.started_at)}:
        raise ValueError("the columns of a calls page differ in length")
    return PreparedPage(
        total=int(page.total),
        started_at=_moscow_naive(page.started_at),
        caller=page.caller,
        callee=page.callee,
        direction=page.direction,
        duration_s=page.duration_s,
        cost=page.cost,
        zone=page.zone,
        cost_keys=list(map(float, page.cost)),  # exact order for amounts with two decimals
        duration_sum=sum(page.duration_s),
        cost_sum=sum(page.cost, Decimal(0)),
        months=[(int(y), int(m)) for y, m in (getattr(page, "months", None) or [])],
        next_cursor=getattr(page, "next_cursor", None),
    )


@dataclass(frozen=True)
class CallsSummary:
    """The summary line under the table, for what is shown."""

    count: int
    duration_s: int
    cost: Decimal


def thousands(value: int) -> str:
    """A count with a non-breaking space between thousands («100 000»)."""
    return f"{value:,}".replace(",", "\u00a0")
