"""The forecast of an account: the next charge, how long the money lasts, the coming events.

Built only from the functions that write the money: the charge of a 1st is
:func:`account.month_charges_kopecks` (each service as it will stand then — the catch-up writes the
same figure), the amount that keeps the account out of a block is
:func:`account.recommended_payment_kopecks` over the charges due before it (for the next 11th
that IS the recommended payment of «Счёт»), the block follows :mod:`ledger`'s day and the credit
:mod:`credit`'s 120 hours. "The money lasts until" walks the days after this month at their
daily shares (R-BILL-2), the services as they stand now (projected, see :mod:`days`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from annet_contract import forecast as f
from annet_contract import schema as s

from .. import models as m
from ..db import as_moscow
from .account import month_charges_kopecks, next_charge_kopecks, recommended_payment_kopecks
from .days import ONE_DAY, day_range, paid_days, shares_kopecks
from .kopecks import _money
from .ledger import FINANCIAL_BLOCK_DAY
from .localized import _lang_name
from .lookups import _account, _active_credit
from .months import _same_month, add_months, midnight, next_month_start
from .service_rules import _current_discount, _discount_mode, extension_opens_on

#: "more than a year": the walk of the money stops this many months after today
HORIZON_MONTHS = 12


def _charges_due_by(acc: m.Account, today: dt.date, moment: dt.datetime) -> int:
    """Σ of the charges of every 1st after today up to ``moment``."""
    total, month = 0, next_month_start(today)
    while midnight(month) <= moment:
        total += month_charges_kopecks(acc, month)
        month = next_month_start(month)
    return total


def money_lasts(acc: m.Account, today: dt.date) -> tuple[f.Lasts, dt.date | None]:
    """How far the balance pays, day by day after this month (already charged) at the daily shares."""
    balance = acc.balance_kopecks
    if balance < 0:
        return f.Lasts.OWING, None
    horizon = add_months(today, HORIZON_MONTHS)
    month = next_month_start(today)
    while month <= horizon:
        charge = month_charges_kopecks(acc, month)
        if charge > balance:
            until = _last_paid_day(acc, month, balance)
            return (f.Lasts.UNTIL, until) if until <= horizon else (f.Lasts.MORE_THAN_YEAR, None)
        balance -= charge
        month = next_month_start(month)
    return f.Lasts.MORE_THAN_YEAR, None


def _last_paid_day(acc: m.Account, month: dt.date, balance: int) -> dt.date:
    """The last day of ``month`` whose shares from its 1st the balance covers (the day before, if none)."""
    last = month - ONE_DAY
    for day in day_range(month, next_month_start(month) - ONE_DAY):
        cost = sum(shares_kopecks(paid_days(svc, month, day)) for svc in acc.services)
        if cost > balance:
            break
        last = day
    return last


def _block_event(acc: m.Account, credit: m.Credit | None, now: dt.datetime) -> f.ForecastEvent | None:
    """The nearest financial block: in force, at a credit's end, on this 11th, or on a later one."""
    today = now.date()
    balance = acc.balance_kopecks
    if acc.financial_block:
        since = as_moscow(acc.financial_block_since) or now
        return _needing(f.EventKind.FINANCIAL_BLOCK, since, acc, today, now, in_force=True)
    if credit is not None:
        ends = as_moscow(credit.ends_at)
        assert ends is not None
        if balance - _charges_due_by(acc, today, ends) < 0:
            return _needing(f.EventKind.FINANCIAL_BLOCK, ends, acc, today, ends)
        return None
    if balance < 0 and today.day < FINANCIAL_BLOCK_DAY:
        at = midnight(today.replace(day=FINANCIAL_BLOCK_DAY))
        return _needing(f.EventKind.FINANCIAL_BLOCK, at, acc, today, at)
    month = next_month_start(today)
    horizon = add_months(today, HORIZON_MONTHS)
    while month <= horizon:
        at = midnight(month.replace(day=FINANCIAL_BLOCK_DAY))
        if balance - _charges_due_by(acc, today, at) < 0:
            return _needing(f.EventKind.FINANCIAL_BLOCK, at, acc, today, at)
        month = next_month_start(month)
    return None


def _needing(
    kind: f.EventKind,
    at: dt.datetime,
    acc: m.Account,
    today: dt.date,
    by: dt.datetime,
    in_force: bool = False,
) -> f.ForecastEvent:
    """An event with the amount that keeps the balance ≥ 0 at ``by``: R-ACC-2's rounding, whole roubles."""
    due = _charges_due_by(acc, today, by)
    amount = _money(recommended_payment_kopecks(due, acc.balance_kopecks))
    return f.ForecastEvent(kind=kind, at=at, amount=amount, in_force=in_force)


def _credit_events(acc: m.Account, credit: m.Credit | None, now: dt.datetime) -> list[f.ForecastEvent]:
    out = []
    if credit is not None:
        ends = as_moscow(credit.ends_at)
        assert ends is not None
        out.append(_needing(f.EventKind.CREDIT_ENDS, ends, acc, now.date(), ends))
    banned = acc.credit_banned_until
    if banned is not None and now.date() < banned:
        out.append(f.ForecastEvent(kind=f.EventKind.CREDIT_BAN_LIFTS, at=midnight(banned)))
    return out


def _service_events(acc: m.Account, now: dt.datetime, lang: str) -> list[f.ForecastEvent]:
    today = now.date()
    out = []
    for svc in acc.services:
        name = _lang_name(svc.catalog_item.name, svc.catalog_item.name_en, lang)

        def event(kind: f.EventKind, day: dt.date, **more: Any) -> f.ForecastEvent:
            # called within this iteration only (never stored): the loop variables are the current ones
            return f.ForecastEvent(kind=kind, at=midnight(day), service_id=svc.id, service=name, **more)  # noqa: B023

        current = _current_discount(svc, today)
        if current is not None:
            mode, _why = _discount_mode(svc, acc, today)
            ends = current.ends_on + ONE_DAY
            out.append(event(f.EventKind.DISCOUNT_ENDS, ends, extension_open=mode is s.DiscountMode.EXTEND))
            opens = extension_opens_on(current.ends_on)
            if today < opens:
                out.append(event(f.EventKind.DISCOUNT_EXTENSION_OPENS, opens))
        if _same_month(svc.last_voluntary_block_at, now):
            out.append(event(f.EventKind.VOLUNTARY_BLOCK_LIMIT_RESETS, next_month_start(today)))
    return out


def get_forecast(db: Session, clock: Any, sub_id: int, number: str, lang: str = "ru") -> f.Forecast:
    """``GET /accounts/{number}/forecast`` (R-ACC-2, R-BILL-1, R-CREDIT, R-DISC-4, R-BLOCK-1)."""
    now = clock.now()
    today = now.date()
    acc = _account(db, sub_id, number)
    credit = _active_credit(db, acc)
    fees = next_charge_kopecks(acc, today)
    lasts, until = money_lasts(acc, today)
    events = _credit_events(acc, credit, now) + _service_events(acc, now, lang)
    block = _block_event(acc, credit, now)
    if block is not None:
        events.append(block)
    events.sort(key=lambda e: (e.at, list(f.EventKind).index(e.kind), e.service_id or 0))
    return f.Forecast(
        balance=_money(acc.balance_kopecks),
        recommended_payment=_money(recommended_payment_kopecks(fees, acc.balance_kopecks)),
        next_charge=f.NextCharge(at=midnight(next_month_start(today)), amount=_money(fees)),
        charges=[
            f.NextCharge(at=midnight(month), amount=_money(month_charges_kopecks(acc, month)))
            for month in (next_month_start(today), next_month_start(next_month_start(today)))
        ],
        lasts=lasts,
        lasts_until=until,
        events=events,
        as_of=now,
    )
