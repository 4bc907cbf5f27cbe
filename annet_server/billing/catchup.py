"""The monthly catch-up: what time made due — charges on the 1st, the block from the 11th, credit ends."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from annet_contract import schema as s

from .. import messages
from .. import models as m
from ..db import as_moscow
from .credit import credit_banned_until
from .days import month_charge_kopecks
from .journal import _encode_value, _journal_at
from .ledger import FINANCIAL_BLOCK_DAY, _post, _settle
from .lookups import _active_credit
from .months import midnight, month_start, next_month_start
from .recalc import service_label


def catch_up(db: Session, clock: Any, subscriber_id: int) -> None:
    """Apply what time made due on every account of the subscriber (idempotent, no commit).

    Monthly charges on the 1st, the financial block from the 11th, the end of a credit; discounts
    need nothing (they are whole months, read from their dates).
    """
    now = clock.now()
    accounts = db.execute(
        select(m.Account)
        .where(m.Account.subscriber_id == subscriber_id)
        .order_by(m.Account.id)
        .with_for_update()
    ).scalars()
    for acc in accounts:
        _catch_up_account(db, acc, now)


def _catch_up_account(db: Session, acc: m.Account, now: dt.datetime) -> None:
    start = as_moscow(acc.caught_up_at)
    assert start is not None
    if now <= start:
        return
    events: list[tuple[dt.datetime, int, Callable[[dt.datetime], None]]] = []
    month = next_month_start(acc.charged_through)
    while month <= now.date():
        events.append((midnight(month), 0, _charger(db, acc, month)))
        month = next_month_start(month)
    cursor = month_start(start.date())
    while cursor <= now.date():
        eleventh = midnight(cursor.replace(day=FINANCIAL_BLOCK_DAY))
        if start < eleventh <= now:
            events.append((eleventh, 2, lambda at: _settle(db, acc, at)))
        cursor = next_month_start(cursor)
    credit = _active_credit(db, acc)
    if credit is not None:
        ends = as_moscow(credit.ends_at)
        assert ends is not None
        if ends <= now:
            events.append((ends, 1, _credit_ender(db, acc, credit)))
    for at, _order, action in sorted(events, key=lambda e: (e[0], e[1])):
        action(at)
    _settle(db, acc, now)
    acc.caught_up_at = now


def _charger(db: Session, acc: m.Account, month: dt.date) -> Callable[[dt.datetime], None]:
    def charge(at: dt.datetime) -> None:
        services = db.execute(
            select(m.Service).where(m.Service.account_id == acc.id).order_by(m.Service.id)
        ).scalars()
        for svc in services:
            # as the service stands at the start of the 1st: nothing for the days a paid discount
            # covers or a voluntary block in force takes; a whole month is exactly fee × quantity
            amount = month_charge_kopecks(svc, month)
            if amount <= 0:
                continue
            _post(
                db,
                acc,
                at,
                -amount,
                s.BalanceKind.CHARGE,
                "balance.charge",
                month=(month.year, month.month),
                service=service_label(svc),
            )
        acc.charged_through = month

    return charge


def _credit_ender(db: Session, acc: m.Account, credit: m.Credit) -> Callable[[dt.datetime], None]:
    def end(at: dt.datetime) -> None:
        if credit.state != "active":
            return
        credit.state = "unrepaid"
        credit.settled_at = at
        acc.credit_banned_until = credit_banned_until(at)
        _journal_at(
            db,
            acc,
            at,
            s.JournalAction.CREDIT_END,
            s.Actor.SYSTEM,
            old=_encode_value("value.credit_in_force", until=messages.format_date(at)),
            new=_encode_value("value.credit_unrepaid"),
        )
        if acc.balance_kopecks < 0 and not acc.financial_block:
            acc.financial_block = True  # the credit-end entry above records it
            acc.financial_block_since = at

    return end
