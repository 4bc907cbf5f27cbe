"""An independent oracle of SPEC «Money — one model»: a day-by-day model written from the SPEC alone.

It never imports the billing code (``test_model_is_independent`` checks): it keeps, per service, the
tariff in force from each day, the voluntary blocks and the paid discounts, and answers what each
Moscow calendar day costs (R-BILL-2), what an action settles now (R-BILL-1), and what the account's
financial block, credit and credit ban are (R-CREDIT-1/2). Money is exact (``Fraction`` kopecks);
the server's rows are compared with it by the tests (half up per row, R-BILL-2).

Rules (SPEC) and the choices where the SPEC is silent (docs/decisions.md says the same):

* A day costs fee × quantity ÷ days in its month of the tariff in force at the START of the day; a
  tariff changed on day X counts from X+1; a new service pays from the day it is added.
* A day wholly under a voluntary block costs nothing (the start and end days are paid).
* A day covered by a paid discount costs nothing. A discount (taken) starts on the next 1st and covers
  its months' days; an extension starts the day after the current end. Its covered days are a budget:
  a day wholly under a voluntary block does not use one (the end moves by the blocked days).
  Advance = discounted fee (fee × (100 − %) ÷ 100, half up) × quantity × months.
* A tariff change ends the discount: the day of the change is still covered; the covered days not yet
  used come back, each valued as the nominal days at the end of the paid period (so all of them
  together are exactly the advance, never more).
* Charges are taken in advance: on the 1st the month as it stands then; every action settles the
  rest of the month at once (the difference of the month's projection before and after it).
* Financial block: at 00:00 of the 11th, or at any change on day ≥ 11, when balance < 0 and no
  credit is in force; lifted when balance ≥ 0 or by a credit. Credit: exactly 120 h, repaid when the
  balance reaches ≥ 0; ended unrepaid: the block returns, no credit until the end date + 2 months.
* Once per calendar month (month AND year): tariff change, voluntary block.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction

from .days import (
    MSK,
    Run,
    Segment,
    Service,
    Tariff,
    add_months,
    dim,
    grouped,
    half_up,
    midnight,
    next_first,
    nominal_days,
)

__all__ = ["MSK", "Event", "Model", "Service", "Tariff", "add_months", "half_up", "midnight", "next_first"]

CREDIT_HOURS = 120
BAN_MONTHS = 2
BLOCK_DAY = 11

#: the server's balance (kopecks) at a moment, as its rows say; used for the sign tests only
Balance = Callable[[dt.datetime], int]



@dataclass
class Event:
    """Money the oracle expects the server to move: at a moment, for a service (None: a payment)."""

    at: dt.datetime
    service: int | None
    amount: Fraction  # + to the balance, − written off
    other: Fraction | None = None  # the amount by another reading of the SPEC, where it is silent
    #: the amount as docs/decisions.md «Rows and rounding» rounds it: half up once per (month, daily
    #: share) group of days (None: ``half_up(amount)``). A row of one group is the same; a row with
    #: two fees in one month (an unblock on the day of a tariff change) or an advance over months
    #: can differ from the row's truth rounded half up by up to half a kopeck a group (finding O-6)
    grouped: int | None = None


@dataclass
class Model:
    """The account: services, balance, financial block, credit, credit ban; the expected money events."""

    now: dt.datetime
    balance: Fraction = Fraction(0)
    services: dict[int, Service] = field(default_factory=dict)
    financial_block: bool = False
    credit_ends: dt.datetime | None = None  # a credit in force ends then
    ban_until: dt.date | None = None  # first day a credit may be taken again
    events: list[Event] = field(default_factory=list)
    paid: int = 0

    # ------------------------------------------------------------------ money and time

    def _move(
        self,
        at: dt.datetime,
        service: int | None,
        amount: Fraction,
        other: Fraction | None = None,
        grouped: int | None = None,
    ) -> None:
        if amount != 0 or (other is not None and other != 0):
            self.balance += amount
            self.events.append(Event(at, service, amount, other, grouped))

    def settle(self, at: dt.datetime, bal: Balance) -> None:
        """After money moved at ``at``: repay the credit, lift or start the financial block."""
        if bal(at) >= 0:
            self.credit_ends = None
            self.financial_block = False
        elif at.day >= BLOCK_DAY and self.credit_ends is None:
            self.financial_block = True

    def advance(self, to: dt.datetime, bal: Balance) -> None:
        """Let time pass: the 1st's charges, a credit's end, the 11th's block, in time order."""
        moments: list[tuple[dt.datetime, int]] = []
        first = next_first(self.now.date())
        while midnight(first) <= to:
            moments.append((midnight(first), 0))
            first = next_first(first)
        if self.credit_ends is not None and self.credit_ends <= to:
            moments.append((self.credit_ends, 1))
        day = self.now.date().replace(day=1)
        while midnight(day) <= to:
            eleventh = midnight(day.replace(day=BLOCK_DAY))
            if self.now < eleventh <= to:
                moments.append((eleventh, 2))
            day = next_first(day)
        for at, kind in sorted(moments):
            self.now = at
            if kind == 0:
                for svc in self.services.values():
                    costs = svc.month_days(at.date())
                    self._move(at, svc.id, -sum(costs.values(), Fraction(0)), None, -grouped(costs.items()))
                self.settle(at, bal)
            elif kind == 1 and self.credit_ends == at:
                self.credit_ends = None
                self.ban_until = add_months(at.date(), BAN_MONTHS)
                if bal(at) < 0:
                    self.financial_block = True
            elif kind == 2:
                self.settle(at, bal)
        self.now = to

    def _recalc(self, svc: Service, change: Callable[[], None]) -> tuple[Fraction, int]:
        """What ``change`` settles in this month: exact, and rounded per group (Event.grouped)."""
        first = self.now.date().replace(day=1)
        before = svc.month_days(first)
        change()
        after = svc.month_days(first)
        diffs = [(day, cost - after.get(day, Fraction(0))) for day, cost in before.items()]
        return sum((d for _, d in diffs), Fraction(0)), grouped(diffs)

    def _exact_and_grouped(
        self, svc: Service, change: Callable[[], None]
    ) -> tuple[Fraction, Fraction | None, int]:
        exact, rounded = self._recalc(svc, change)
        return exact, None, rounded

    def recommended(self, balance: Fraction) -> tuple[Fraction, Fraction]:
        """What the next 1st will write off (exact), and max(0, that − balance) (R-ACC-2, unrounded)."""
        first = next_first(self.now.date())
        due = sum((s.month_cost(first) for s in self.services.values()), Fraction(0))
        return due, max(Fraction(0), due - balance)

    # ------------------------------------------------------------------ actions: refusals, then effects

    def pay(self, amount: int, bal: Balance) -> None:
        self.paid += amount
        self._move(self.now, None, Fraction(amount))
        self.settle(self.now, bal)

    def block_refusals(self, svc: Service) -> set[str]:
        why = set()
        if svc.blocked:
            why.add("block.already")
        if self.financial_block:
            why.add("block.not_allowed")
        if svc.last_block == (self.now.year, self.now.month):
            why.add("block.monthly_limit")
        return why

    def block(self, svc: Service) -> None:
        def change() -> None:
            svc.blocks.append([self.now, None])
            svc.last_block = (self.now.year, self.now.month)

        self._move(self.now, svc.id, *self._exact_and_grouped(svc, change))

    def unblock_refusals(self, svc: Service) -> set[str]:
        return set() if svc.blocked else {"block.none"}

    def unblock(self, svc: Service) -> None:
        def change() -> None:
            svc.blocks[-1][1] = self.now

        self._move(self.now, svc.id, *self._exact_and_grouped(svc, change))

    def tariff_refusals(self, svc: Service, target: Tariff) -> set[str]:
        why = set()
        if target.id == svc.tariff.id:
            why.add("tariff.same")
        if svc.last_change == (self.now.year, self.now.month):
            why.add("tariff.monthly_limit")
        return why

    def change_tariff(self, svc: Service, target: Tariff) -> tuple[Fraction, Fraction]:
        """Switch from tomorrow; end the discount and return its unused days.

        Returns the advance back as valued here (the nominal last days) and as the other reading of
        the SPEC values it (each unused day at its own month's share, counted on from tomorrow).
        """
        today = self.now.date()
        returned = other = Fraction(0)
        other_days: list[tuple[dt.date, Fraction]] = []
        segment: dict[dt.date, int] = {}
        live = svc.live_run(today)
        if live is not None:
            _, used = svc.days(today)
            run = svc.runs[live]
            values = [v for seg in run.segments for v in seg.values]
            monthly = [(i, seg.monthly) for i, seg in enumerate(run.segments) for _ in seg.values]
            returned = sum(values[used.get(live, 0) :], Fraction(0))
            day = max(today + dt.timedelta(days=1), run.start)
            for i, fee in monthly[used.get(live, 0) :]:
                other += Fraction(fee, dim(day))
                other_days.append((day, Fraction(fee, dim(day))))
                segment[day] = i
                day += dt.timedelta(days=1)

        def change() -> None:
            svc.tariffs = [(d, t) for d, t in svc.tariffs if d <= today]
            svc.tariffs.append((today + dt.timedelta(days=1), target))
            svc.last_change = (self.now.year, self.now.month)
            if live is not None:
                # its last day: today, or under an open block the block's first day — the paused days
                # after it were all returned above, so the day the block later ends on is paid (O-7)
                start = svc.blocks[-1][0] if svc.blocked else None
                svc.runs[live].ended_on = start.date() if start is not None else today

        recalc, rounded = self._recalc(svc, change)
        rounded += grouped(other_days, segment.__getitem__)
        self._move(self.now, svc.id, recalc + returned, recalc + other, rounded)
        return returned, other

    def discount_refusals(self, svc: Service, offer: int, bal: int) -> set[str]:
        why = set()
        if not svc.internet or not svc.tariff.offers:
            why.add("discount.not_allowed")
        if svc.blocked or self.financial_block:
            why.add("discount.not_allowed")
        live = svc.live_run(self.now.date())
        if live is not None:
            end = svc.run_end(live)
            if end is None or self.now.date() < add_months(end + dt.timedelta(days=1), -1):
                why.add("discount.in_force")
        if offer not in svc.tariff.offers:
            why.add("discount.unknown_offer")
        if bal <= 0 or self.credit_ends is not None:
            why.add("discount.read_only")
        elif offer in svc.tariff.offers and bal < self.advance_of(svc, offer):
            why.add("discount.short_balance")
        return why

    def advance_of(self, svc: Service, offer: int) -> int:
        percent, months = svc.tariff.offers[offer]
        return self.discounted_fee(svc.tariff.fee, percent) * svc.quantity * months

    @staticmethod
    def discounted_fee(fee: int, percent: int) -> int:
        return half_up(Fraction(fee * (100 - percent), 100))

    def take_discount(self, svc: Service, offer: int) -> None:
        percent, months = svc.tariff.offers[offer]
        unit = self.discounted_fee(svc.tariff.fee, percent)
        today = self.now.date()
        live = svc.live_run(today)
        if live is None:
            start = next_first(today)
            svc.runs.append(Run(start, []))
            live = len(svc.runs) - 1
        else:
            end = svc.run_end(live)
            assert end is not None
            start = end + dt.timedelta(days=1)
        monthly = unit * svc.quantity
        seg = Segment(nominal_days(start, months, unit, svc.quantity), monthly * months, monthly)
        self._move(self.now, svc.id, -Fraction(seg.advance))

        def change() -> None:
            svc.runs[live].segments.append(seg)

        self._move(self.now, svc.id, *self._exact_and_grouped(svc, change))

    def credit_refusals(self) -> set[str]:
        why = set()
        if self.credit_ends is not None:
            why.add("credit.in_force")
        if self.ban_until is not None and self.now.date() < self.ban_until:
            why.add("credit.banned")
        if not self.financial_block:
            why.add("credit.not_blocked")
        return why

    def take_credit(self) -> None:
        self.credit_ends = self.now + dt.timedelta(hours=CREDIT_HOURS)
        self.financial_block = False

    def first_charge(self, tariff: Tariff) -> Fraction:
        today = self.now.date()
        return Fraction(tariff.fee * (dim(today) - today.day + 1), dim(today))

    def add_refusals(self, tariff: Tariff, bal: int) -> set[str]:
        return {"service.short_balance"} if bal < half_up(self.first_charge(tariff)) else set()

    def add_service(self, sid: int, name: str, tariff: Tariff, internet: bool, bal: Balance) -> None:
        svc = Service(sid, name, 1, self.now, internet, [(self.now.date(), tariff)])
        self.services[sid] = svc
        costs = svc.month_days(self.now.date().replace(day=1))
        self._move(self.now, sid, -sum(costs.values(), Fraction(0)), None, -grouped(costs.items()))
        self.settle(self.now, bal)
