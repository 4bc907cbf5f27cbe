"""The calls of a month by zone and direction, and 12 months of their cost — summed in SQL.

A 100,000-call month is summed by the database over the (account, started_at) index; nothing
row by row in Python. Months are Moscow calendar months, as the calls pages count them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from annet_contract import calls_summary as cs
from annet_contract import schema as s
from annet_contract.errors import ErrorCode

from .. import models as m
from .calls import _month_bounds
from .kopecks import _money
from .localized import zone_names
from .lookups import _account
from .months import add_months
from .refusals import _field_error

#: the cost bars cover this many months, ending with the month asked for
MONTHS_OF_COST = 12

_DIRECTION_ORDER = {s.CallDirection.IN.value: 0, s.CallDirection.OUT.value: 1}


def get_calls_summary(
    db: Session, clock: Any, sub_id: int, number: str, year: int, month: int, lang: str = "ru"
) -> cs.CallsSummary:
    """``GET /accounts/{number}/calls/summary``: the month by zone and direction, 12 months of cost."""
    acc = _account(db, sub_id, number)
    if not 1 <= int(month) <= 12 or not 1970 <= int(year) <= 9999:
        raise _field_error(ErrorCode.VALIDATION, "month")
    c = m.Call
    lo, hi = _month_bounds(year, month)
    rows = db.execute(
        select(
            c.zone,
            c.direction,
            func.count(),
            func.coalesce(func.sum((c.duration_s + 59) // 60), 0),
            func.coalesce(func.sum(c.cost_kopecks), 0),
        )
        .where(c.account_id == acc.id, c.started_at >= lo, c.started_at < hi)
        .group_by(c.zone, c.direction)
    ).all()
    named = [
        (zone_names([zone], lang)[0], direction, n, minutes, cost)
        for zone, direction, n, minutes, cost in rows
    ]
    zones = [
        cs.ZoneTotal(
            zone=zone,
            direction=s.CallDirection(direction),
            calls=n,
            minutes=int(minutes),
            cost=_money(int(cost)),
        )
        for zone, direction, n, minutes, cost in sorted(named, key=lambda r: (r[0], _DIRECTION_ORDER[r[1]]))
    ]
    first = add_months(dt.date(year, month, 1), 1 - MONTHS_OF_COST)
    months = []
    for i in range(MONTHS_OF_COST):
        day = add_months(first, i)
        start, end = _month_bounds(day.year, day.month)
        n, cost = db.execute(
            select(func.count(), func.coalesce(func.sum(c.cost_kopecks), 0)).where(
                c.account_id == acc.id, c.started_at >= start, c.started_at < end
            )
        ).one()
        months.append(cs.MonthCost(year=day.year, month=day.month, calls=int(n), cost=_money(int(cost))))
    return cs.CallsSummary(account=acc.number, year=year, month=month, zones=zones, months=months)
