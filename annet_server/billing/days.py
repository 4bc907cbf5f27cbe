"""The truth per service per day (R-BILL-2): which days a service pays for, at what fee, and their share.

A day is paid at the daily share (fee × quantity ÷ days in that month) of the tariff in force at
the start of the day, unless a paid discount covers it or the service spends it wholly under a
voluntary block. Every money row of the model (the charge on the 1st, each recalculation, the
advance returned) is a sum of such shares over a run of days, rounded half up to the kopeck once
per (month, fee) group of the row — so a whole month costs exactly the fee.

"Projected" days assume the service stays as it stands now: a voluntary block in force goes on
(its start day is paid, every later day is free), the tariff stays, the discounts keep their dates.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from .. import models as m
from ..db import as_moscow
from .kopecks import _percent_of
from .months import days_in_month, next_month_start

ONE_DAY = dt.timedelta(days=1)


def day_range(first: dt.date, last: dt.date) -> Iterator[dt.date]:
    """Every day from ``first`` to ``last`` inclusive (nothing when ``last`` < ``first``)."""
    day = first
    while day <= last:
        yield day
        day += ONE_DAY


def month_end(day: dt.date) -> dt.date:
    """The last day of ``day``'s month."""
    return next_month_start(day) - ONE_DAY


def block_start_day(svc: m.Service) -> dt.date | None:
    """The (Moscow) day a voluntary block in force began on; ``None`` without one."""
    if not svc.voluntary_block:
        return None
    since = as_moscow(svc.voluntary_block_since)
    return since.date() if since is not None else None


def fee_on(svc: m.Service, day: dt.date) -> int:
    """Monthly fee × quantity of the tariff in force at the start of ``day`` (today or later).

    A tariff changed today takes effect tomorrow: today still runs on the previous one.
    """
    changed = as_moscow(svc.last_tariff_change_at)
    if changed is not None and changed.date() == day and svc.prev_tariff is not None:
        return svc.prev_tariff.fee_kopecks * svc.quantity
    return svc.tariff.fee_kopecks * svc.quantity


def paid_days(
    svc: m.Service,
    first: dt.date,
    last: dt.date,
    *,
    unblocked: bool = False,
    cover: list[tuple[dt.date, dt.date]] | None = None,
    fee: int | None = None,
) -> list[tuple[dt.date, int]]:
    """The projected days from ``first`` to ``last`` that the service pays for, with their fee.

    The keywords price a state the service is about to take: ``unblocked`` (the voluntary block
    ends), ``cover`` (the discounts' new spans), ``fee`` (a new tariff's fee × quantity).
    """
    blocked_from = None if unblocked else block_start_day(svc)
    spans = cover if cover is not None else [(d.starts_on, d.ends_on) for d in svc.discounts]
    out = []
    for day in day_range(first, last):
        if blocked_from is not None and day > blocked_from:
            continue
        if any(start <= day <= end for start, end in spans):
            continue
        out.append((day, fee if fee is not None else fee_on(svc, day)))
    return out


def shares_kopecks(days: Iterable[tuple[dt.date, int]]) -> int:
    """Σ of daily shares, rounded half up once per (month, monthly fee) group."""
    groups: Counter[tuple[int, int, int]] = Counter()
    lengths: dict[tuple[int, int, int], int] = {}
    for day, fee in days:
        key = (day.year, day.month, fee)
        groups[key] += 1
        lengths[key] = days_in_month(day)
    return sum(_percent_of(fee, n, lengths[(y, mo, fee)]) for (y, mo, fee), n in groups.items())


def rest_of_month_kopecks(svc: m.Service, first: dt.date, **state: Any) -> int:
    """What the projected days from ``first`` to its month's end cost (``state``: see :func:`paid_days`)."""
    return shares_kopecks(paid_days(svc, first, month_end(first), **state))


def month_charge_kopecks(svc: m.Service, month: dt.date) -> int:
    """The charge of the 1st for ``month`` (its 1st), the service as it stands at that moment."""
    return rest_of_month_kopecks(svc, month)


def unused_advance_kopecks(svc: m.Service, after: dt.date) -> int:
    """The advance of the paid discounts for the covered days after ``after`` (R-BILL-3).

    Each discount's advance is its discounted fee × quantity per month, so a covered day is worth
    that month's daily share of it.
    """
    total = 0
    for d in svc.discounts:
        first = max(d.starts_on, after + ONE_DAY)
        days = [(day, d.fee_with_discount_kopecks * svc.quantity) for day in day_range(first, d.ends_on)]
        total += shares_kopecks(days)
    return total


def paused_ends(
    svc: m.Service, blocked_first: dt.date, blocked_last: dt.date
) -> dict[int, tuple[dt.date, dt.date]]:
    """New (starts_on, ends_on) of each discount once the days ``blocked_first``…``blocked_last`` pause it.

    A paid discount pauses under a voluntary block (R-BLOCK-1, R-BILL-3): the covered days that fell
    wholly under the block are not used up; they come after it, so the end moves by that many days.
    A later discount (an extension) starts the day after the one before it ends.
    """
    out: dict[int, tuple[dt.date, dt.date]] = {}
    previous_end: dt.date | None = None
    for d in sorted(svc.discounts, key=lambda x: x.starts_on):
        length = (d.ends_on - d.starts_on).days + 1
        start = d.starts_on
        if previous_end is not None and start <= previous_end:
            start = previous_end + ONE_DAY
        end = start + dt.timedelta(days=length - 1)
        if blocked_last >= blocked_first and end >= blocked_first and start <= blocked_last:
            used_before = max(0, (blocked_first - start).days)
            if start >= blocked_first:
                start = blocked_last + ONE_DAY
            end = blocked_last + dt.timedelta(days=length - used_before)
        out[d.id] = (start, end)
        previous_end = end
    return out
