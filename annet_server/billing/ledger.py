"""The balance (R-BAL-1): every movement is a row; the credit and the financial block follow the balance."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from annet_contract import schema as s
from annet_contract.moscow import MOSCOW

from .. import messages
from .. import models as m
from .journal import _encode_value, _journal_at
from .lookups import _active_credit

#: the financial block starts at 00:00 of this day of the month
FINANCIAL_BLOCK_DAY = 11


def _post(
    db: Session,
    acc: m.Account,
    at: dt.datetime,
    amount_kopecks: int,
    kind: s.BalanceKind,
    key: str,
    settle: bool = True,
    **params: Any,
) -> m.BalanceEntry:
    """Move the balance, write the entry (R-BAL-1), then (unless ``settle=False``) settle credit and block."""
    acc.balance_kopecks += amount_kopecks
    entry = m.BalanceEntry(
        account_id=acc.id,
        at=at,
        amount_kopecks=amount_kopecks,
        kind=kind.value,
        description=messages.message(key, "ru", **params),
        description_en=messages.message(key, "en", **params),
        balance_after_kopecks=acc.balance_kopecks,
    )
    db.add(entry)
    if settle:
        _settle(db, acc, at)
    return entry


def _settle(db: Session, acc: m.Account, at: dt.datetime) -> None:
    """After a balance change or at a due moment: repay the credit, lift or start the financial block."""
    if acc.balance_kopecks >= 0:
        credit = _active_credit(db, acc)
        if credit is not None:
            _close_credit(db, acc, credit, at, "repaid", until=credit.ends_at)
        if acc.financial_block:
            _set_financial_block(db, acc, at, False)
        return
    if not acc.financial_block and _in_block_days(at) and _active_credit(db, acc) is None:
        _set_financial_block(db, acc, at, True)


def _close_credit(
    db: Session, acc: m.Account, credit: m.Credit, at: dt.datetime, state: str, until: dt.datetime
) -> None:
    """The credit ends at ``at``, ``repaid`` or ``unrepaid``: its state and the journal entry."""
    credit.state = state
    credit.settled_at = at
    _journal_at(
        db,
        acc,
        at,
        s.JournalAction.CREDIT_END,
        s.Actor.SYSTEM,
        old=_encode_value("value.credit_in_force", until=messages.format_date(until)),
        new=_encode_value("value.credit_repaid" if state == "repaid" else "value.credit_unrepaid"),
    )


def _in_block_days(at: dt.datetime) -> bool:
    """From the 11th to the month's end: a negative balance without a credit is blocked."""
    return at.astimezone(MOSCOW).day >= FINANCIAL_BLOCK_DAY


def _settle_due(balance_kopecks: int, blocked: bool, has_credit: bool, at: dt.datetime) -> bool:
    """Whether :func:`_settle` at ``at`` would change anything (repay the credit, lift or start the block)."""
    if balance_kopecks >= 0:
        return has_credit or blocked
    return not blocked and not has_credit and _in_block_days(at)


def _set_financial_block(db: Session, acc: m.Account, at: dt.datetime, on: bool) -> None:
    if acc.financial_block == on:
        return
    acc.financial_block = on
    acc.financial_block_since = at if on else None
    _journal_at(
        db,
        acc,
        at,
        s.JournalAction.BLOCK if on else s.JournalAction.UNBLOCK,
        s.Actor.SYSTEM,
        old=_encode_value("value.active") if on else _encode_value("block.financial"),
        new=_encode_value("block.financial") if on else _encode_value("value.active"),
    )
