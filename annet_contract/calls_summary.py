"""The calls of a month summed by zone and direction, and the cost of the last 12 months (issue 14).

``GET /accounts/{number}/calls/summary?year=&month=`` is computed by the server in SQL (a
100,000-call month is never sent to be summed): «Звонки» shows it above the table.
"""

from __future__ import annotations

from .history import CallDirection
from .money import Money
from .wire import Wire


class ZoneTotal(Wire):
    """The calls of one zone and direction in the month."""

    zone: str
    direction: CallDirection
    calls: int
    minutes: int  # Σ of each call's started minutes (a 61-second call is 2)
    cost: Money


class MonthCost(Wire):
    """The calls of one calendar month: how many and what they cost."""

    year: int
    month: int
    calls: int
    cost: Money


class CallsSummary(Wire):
    """``GET /accounts/{number}/calls/summary``: the month by zone and direction, and 12 months of cost."""

    account: str
    year: int
    month: int
    zones: list[ZoneTotal]  # by zone, then direction (in before out)
    months: list[MonthCost]  # the 12 months ending with the asked one, oldest first (empty ones with 0)
