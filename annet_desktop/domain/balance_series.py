"""The balance chart as plain data: a step line of the balance, payment and charge markers, the forecast.

Pure Python (no Qt): the chart widget only draws what these functions return. Times are
milliseconds since the epoch (what a date-time axis wants); amounts are floats of roubles (a chart
needs no kopeck precision — the table beside it has the exact figures).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

#: the chart covers this many days back from now
DAYS_SHOWN = 365


def ms(moment: dt.datetime) -> float:
    """Milliseconds since the epoch."""
    return moment.timestamp() * 1000.0


@dataclass
class Series:
    """What the chart draws; every list of points is ``(ms, roubles)``, oldest first."""

    steps: list[tuple[float, float]] = field(default_factory=list)  # the balance as a step line
    payments: list[tuple[float, float]] = field(default_factory=list)  # top-ups, at the balance after
    charges: list[tuple[float, float]] = field(default_factory=list)  # write-offs, at the balance after
    forecast: list[tuple[float, float]] = field(default_factory=list)  # now → the next charges (dashed)
    ids: list[int] = field(default_factory=list)  # entry id of each marker point, payments then charges
    start: float = 0.0
    end: float = 0.0


def build(entries: Sequence[Any], now: dt.datetime, forecast: Any = None, days: int = DAYS_SHOWN) -> Series:
    """The chart of ``entries`` (newest first, as the server lists them) from ``days`` ago to now.

    The line starts at the balance before the oldest entry shown (its ``balance_after − amount``)
    and steps at each entry; the forecast, when given, goes on from now through its next charges.
    """
    start = now - dt.timedelta(days=days)
    shown = [e for e in reversed(entries) if e.at >= start]
    out = Series(start=ms(start), end=ms(now))
    if shown:
        level = float(shown[0].balance_after - shown[0].amount)
    elif entries:
        level = float(entries[0].balance_after)
    else:
        level = float(forecast.balance) if forecast is not None else 0.0
    out.steps.append((out.start, level))
    payments: list[tuple[float, float, int]] = []
    charges: list[tuple[float, float, int]] = []
    for entry in shown:
        t = ms(entry.at)
        after = float(entry.balance_after)
        out.steps.append((t, level))
        out.steps.append((t, after))
        level = after
        (payments if entry.amount > 0 else charges).append((t, after, entry.id))
    out.steps.append((out.end, level))
    out.payments = [(t, v) for t, v, _ in payments]
    out.charges = [(t, v) for t, v, _ in charges]
    out.ids = [i for _, _, i in payments] + [i for _, _, i in charges]
    if forecast is not None:
        level = float(forecast.balance)
        out.forecast.append((out.end, level))
        for charge in forecast.charges:
            t = ms(charge.at)
            out.forecast.append((t, level))
            level -= float(charge.amount)
            out.forecast.append((t, level))
            out.end = max(out.end, t)
    return out


def nearest(series: Series, t: float) -> int | None:
    """The entry id of the marker nearest in time to ``t`` (``None`` without markers)."""
    points = series.payments + series.charges
    if not points:
        return None
    best = min(range(len(points)), key=lambda i: abs(points[i][0] - t))
    return series.ids[best]
