"""The monthly catch-up: what time made due — charges on the 1st, the block from the 11th, credit ends."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from annet_contract import schema as s

from .. import models as m
from ..db import as_moscow
from .credit import credit_banned_until
from .days import month_charge_kopecks
from .ledger import FINANCIAL_BLOCK_DAY, _close_credit, _post, _settle, _settle_due
from .lookups import _active_credit
from .months import midnight, month_start, next_month_start
from .recalc import service_label


def catch_up(db: Session, clock: Any, subscriber_id: int, *, due: bool | None = None) -> bool:
    """Apply what time made due on every account of the subscriber (idempotent, no commit).

    Monthly charges on the 1st, the financial block from the 11th, the end of a credit; discounts
    need nothing (they are whole months, read from their dates).

    Double-checked: one plain SELECT first asks whether anything is due; when nothing is (the
    usual read), there is no lock and no write — ``caught_up_at`` stays, which changes nothing,
    as no due moment lies between it and now. Only when something is due are the accounts locked
    (``FOR UPDATE``) and everything re-read and re-checked under the lock, so two workers never
    both apply it. Returns whether anything was written.

    ``due``: the answer of that SELECT when the caller already has it in the same transaction
    (the session check reads it with the session: :func:`annet_server.session_check.check_session`).
    """
    now = clock.now()
    if due is None:
        due = _anything_due(db, subscriber_id, now)
    if not due:
        return False
    accounts = db.execute(
        select(m.Account)
        .where(m.Account.subscriber_id == subscriber_id)
        .order_by(m.Account.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).scalars()
    for acc in accounts:
        _catch_up_account(db, acc, now)
    return True


def due_columns() -> tuple[Any, ...]:
    """What the due check reads of each account and its active credit, in :func:`due_in`'s order."""
    return (
        m.Account.caught_up_at,
        m.Account.charged_through,
        m.Account.balance_kopecks,
        m.Account.financial_block,
        m.Credit.ends_at,
    )


def join_due(query: Select[Any], subscriber_id: Any) -> Select[Any]:
    """``query`` with every account of ``subscriber_id`` (a value or a column) and its active
    credit outer-joined, for :func:`due_columns`."""
    return query.outerjoin(m.Account, m.Account.subscriber_id == subscriber_id).outerjoin(
        m.Credit, (m.Credit.account_id == m.Account.id) & (m.Credit.state == "active")
    )


def _anything_due(db: Session, subscriber_id: int, now: dt.datetime) -> bool:
    """Whether a catch-up at ``now`` would change any account of the subscriber (one plain SELECT).

    Columns only, no ORM objects: the locked pass that follows reads the rows afresh.
    """
    rows = db.execute(
        select(*due_columns())
        .outerjoin(m.Credit, (m.Credit.account_id == m.Account.id) & (m.Credit.state == "active"))
        .where(m.Account.subscriber_id == subscriber_id)
    ).all()
    return due_in(rows, now)


def due_in(rows: Iterable[Sequence[Any]], now: dt.datetime) -> bool:
    """Whether a catch-up at ``now`` would change any of the accounts in ``rows`` (:func:`due_columns`).

    A row without an account (an outer join for a subscriber who has none) is skipped.
    """
    for caught_up_at, charged_through, balance, blocked, credit_ends in rows:
        if caught_up_at is None:
            continue
        start = as_moscow(caught_up_at)
        assert start is not None
        if now <= start:
            continue
        ends = as_moscow(credit_ends)
        if _due_moments(start, charged_through, ends, now):
            return True
        if _settle_due(balance, blocked, ends is not None, now):
            return True
    return False


def _due_moments(
    start: dt.datetime, charged_through: dt.date, credit_ends: dt.datetime | None, now: dt.datetime
) -> list[tuple[dt.datetime, int, dt.date | None]]:
    """The moments in (``start``, ``now``] at which something falls due, in the order to apply them.

    ``(at, 0, month)``: the monthly charge of ``month``; ``(at, 1, None)``: the credit ends;
    ``(at, 2, None)``: the 11th (the financial block). ``charged_through`` is the last month charged.
    """
    moments: list[tuple[dt.datetime, int, dt.date | None]] = []
    month = next_month_start(charged_through)
    while month <= now.date():
        moments.append((midnight(month), 0, month))
        month = next_month_start(month)
    cursor = month_start(start.date())
    while cursor <= now.date():
        eleventh = midnight(cursor.replace(day=FINANCIAL_BLOCK_DAY))
        if start < eleventh <= now:
            moments.append((eleventh, 2, None))
        cursor = next_month_start(cursor)
    if credit_ends is not None and credit_ends <= now:
        moments.append((credit_ends, 1, None))
    return sorted(moments, key=lambda e: (e[0], e[1]))


def _catch_up_account(db: Session, acc: m.Account, now: dt.datetime) -> None:
    start = as_moscow(acc.caught_up_at)
    assert start is not None
    if now <= start:
        return
    credit = _active_credit(db, acc)
    ends = as_moscow(credit.ends_at) if credit is not None else None
    for at, kind, month in _due_moments(start, acc.charged_through, ends, now):
        if kind == 0:
            assert month is not None
            _charge(db, acc, month, at)
        elif kind == 1:
            assert credit is not None
            _end_credit(db, acc, credit, at)
        else:
            _settle(db, acc, at)
    _settle(db, acc, now)
    acc.caught_up_at = now


def _charge(db: Session, acc: m.Account, month: dt.date, at: dt.datetime) -> None:
    """The monthly charges of ``month`` at its 1st, 00:00."""
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


def _end_credit(db: Session, acc: m.Account, credit: m.Credit, at: dt.datetime) -> None:
    """The credit's 120 hours are over: unrepaid, the ban, the block if the balance is negative."""
    if credit.state != "active":
        return
    _close_credit(db, acc, credit, at, "unrepaid", until=at)
    acc.credit_banned_until = credit_banned_until(at)
    if acc.balance_kopecks < 0 and not acc.financial_block:
        acc.financial_block = True  # the credit-end entry above records it
        acc.financial_block_since = at
