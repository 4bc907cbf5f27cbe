"""The oracle's day truth (R-BILL-2): what each Moscow day of a service costs, from the SPEC alone.

Part of the oracle (model.py says the rules and the choices where the SPEC is silent); the standard
library only, never the billing code.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from fractions import Fraction

MSK = dt.timezone(dt.timedelta(hours=3), "MSK")  # Moscow time has no DST since 2014


def dim(day: dt.date) -> int:
    """Days in ``day``'s month."""
    return calendar.monthrange(day.year, day.month)[1]


def month_end(day: dt.date) -> dt.date:
    return day.replace(day=dim(day))


def next_first(day: dt.date) -> dt.date:
    return month_end(day) + dt.timedelta(days=1)


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def half_up(value: Fraction) -> int:
    """Round to a whole kopeck, halves away from zero (a write-off of 0.5 is 1 kopeck)."""
    sign = -1 if value < 0 else 1
    return sign * int(abs(value) + Fraction(1, 2))


def grouped(days: Iterable[tuple[dt.date, Fraction]], part: Callable[[dt.date], int] | None = None) -> int:
    """Σ of daily amounts rounded half up once per group: one month, one daily amount (and one ``part``).

    docs/decisions.md «Rows and rounding», the billing's reading of R-BILL-2 (``part``: the discount
    segment a day of a returned advance belongs to; the billing rounds each discount apart).
    """
    groups: Counter[tuple[int, int, int, Fraction]] = Counter()
    for day, amount in days:
        if amount:
            groups[(part(day) if part else 0, day.year, day.month, amount)] += 1
    return sum((half_up(amount * n) for (_, _, _, amount), n in groups.items()), 0)


def midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=MSK)


@dataclass(frozen=True)
class Tariff:
    """A tariff: monthly fee (kopecks), whether discounts are offered, its offers id → (percent, months)."""

    id: int
    fee: int
    offers: dict[int, tuple[int, int]] = field(default_factory=dict)


@dataclass
class Segment:
    """One paid discount period (taken or extended): its nominal days' values and its advance."""

    values: list[Fraction]  # value of each nominal covered day, in order
    advance: int
    monthly: int  # discounted fee × quantity


@dataclass
class Run:
    """Discount segments bought one after another, consumed day by day from ``start``."""

    start: dt.date
    segments: list[Segment]
    ended_on: dt.date | None = None  # last day covered when a tariff change ended it

    @property
    def budget(self) -> int:
        return sum(len(seg.values) for seg in self.segments)


@dataclass
class Service:
    """A periodic service as the oracle knows it."""

    id: int
    name: str
    quantity: int
    added: dt.datetime
    internet: bool
    tariffs: list[tuple[dt.date, Tariff]]  # (first day in force, tariff)
    blocks: list[list[dt.datetime | None]] = field(default_factory=list)  # [start, end or None]
    runs: list[Run] = field(default_factory=list)
    last_change: tuple[int, int] | None = None
    last_block: tuple[int, int] | None = None

    @property
    def tariff(self) -> Tariff:
        return self.tariffs[-1][1]

    @property
    def blocked(self) -> bool:
        return bool(self.blocks) and self.blocks[-1][1] is None

    def tariff_on(self, day: dt.date) -> Tariff:
        return [t for since, t in self.tariffs if since <= day][-1]

    def wholly_blocked(self, day: dt.date) -> bool:
        """The whole day under a voluntary block: begun before it, not ended on it (open blocks last)."""
        return any(s.date() < day and (e is None or e.date() > day) for s, e in self.blocks if s)

    def _blocked_days(self, until: dt.date) -> set[dt.date]:
        out: set[dt.date] = set()
        for start, end in self.blocks:
            assert start is not None
            day = start.date() + dt.timedelta(days=1)
            last = end.date() - dt.timedelta(days=1) if end else until
            while day <= min(last, until):
                out.add(day)
                day += dt.timedelta(days=1)
        return out

    def days(self, until: dt.date) -> tuple[dict[dt.date, Fraction], dict[int, int]]:
        """Each day's cost from the day added through ``until`` as things stand, and days used per run."""
        costs: dict[dt.date, Fraction] = {}
        used = {i: 0 for i in range(len(self.runs))}
        blocked = self._blocked_days(until)
        tariffs = iter(self.tariffs[1:])
        fee, upcoming = self.tariffs[0][1].fee * self.quantity, next(tariffs, None)
        day = self.added.date()
        while day <= until:
            while upcoming is not None and upcoming[0] <= day:
                fee, upcoming = upcoming[1].fee * self.quantity, next(tariffs, None)
            cost = Fraction(0)
            if day not in blocked:
                covered = False
                for i, run in enumerate(self.runs):
                    live = run.ended_on is None or day <= run.ended_on
                    if run.start <= day and used[i] < run.budget and live:
                        used[i] += 1
                        covered = True
                        break
                if not covered:
                    cost = Fraction(fee, dim(day))
            costs[day] = cost
            day += dt.timedelta(days=1)
        return costs, used

    def month_days(self, first: dt.date) -> dict[dt.date, Fraction]:
        """What each day of the month of ``first`` (from ``first`` on) costs as things stand."""
        costs, _ = self.days(month_end(first))
        return {d: c for d, c in costs.items() if d >= first}

    def month_cost(self, first: dt.date) -> Fraction:
        """What the month of ``first`` costs as things stand (0 for days before the service)."""
        return sum(self.month_days(first).values(), Fraction(0))

    def run_end(self, run_index: int) -> dt.date | None:
        """The last day the run covers if nothing changes (None: a block is open, the end is unknown)."""
        run = self.runs[run_index]
        if run.ended_on is not None:
            return run.ended_on
        if self.blocked:
            return None
        count, day = 0, run.start
        while True:
            if not self.wholly_blocked(day):
                count += 1
                if count >= run.budget:
                    return day
            day += dt.timedelta(days=1)

    def live_run(self, today: dt.date) -> int | None:
        """The run in force or paid ahead today (its budget not used up through yesterday)."""
        if not self.runs:
            return None
        i = len(self.runs) - 1
        run = self.runs[i]
        if run.ended_on is not None:  # a tariff change ended it
            return None
        if run.start >= today:
            return i
        _, used = self.days(today - dt.timedelta(days=1))
        return i if used[i] < run.budget else None


def nominal_days(start: dt.date, months: int, unit: int, quantity: int) -> list[Fraction]:
    last = add_months(start, months) - dt.timedelta(days=1)
    out, day = [], start
    while day <= last:
        out.append(Fraction(unit * quantity, dim(day)))
        day += dt.timedelta(days=1)
    return out
