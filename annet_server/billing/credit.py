"""The 5-day credit (R-CREDIT): when it ends, the ban after an unrepaid one, taking it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from annet_contract import schema as s
from annet_contract.errors import ErrorCode

from .. import messages
from .. import models as m
from ..db import as_moscow
from .account import _account_out
from .journal import _encode_value, _journal_at
from .lookups import _account, _active_credit
from .months import add_months
from .refusals import RuleError

#: the credit works this many days of 24 hours from the moment it is taken (120 hours)
CREDIT_DAYS = 5


#: no new credit for this many calendar months after an unrepaid one ended
CREDIT_BAN_MONTHS = 2


def credit_ends_at(taken_at: dt.datetime) -> dt.datetime:
    """Exactly 120 hours after it is taken: 23:50 → 23:50 five days later (R-CREDIT-1)."""
    taken = as_moscow(taken_at)
    assert taken is not None
    return taken + dt.timedelta(hours=24 * CREDIT_DAYS)


def credit_banned_until(ended_at: dt.datetime) -> dt.date:
    """The first day a new credit may be taken after one that ended unrepaid at ``ended_at``."""
    ended = as_moscow(ended_at)
    assert ended is not None
    return add_months(ended.date(), CREDIT_BAN_MONTHS)


def take_credit(db: Session, clock: Any, sub_id: int, number: str, lang: str = "ru") -> s.CreditOut:
    """Take the 5-day credit: lifts the financial block at once (R-CREDIT-1)."""
    now = clock.now()
    acc = _account(db, sub_id, number, lock=True)
    credit = _active_credit(db, acc)
    if credit is not None:
        raise RuleError(ErrorCode.CREDIT_IN_FORCE, {"until": as_moscow(credit.ends_at)})
    if acc.credit_banned_until is not None and now.date() < acc.credit_banned_until:
        raise RuleError(ErrorCode.CREDIT_BANNED, {"date": acc.credit_banned_until})
    if not acc.financial_block:
        raise RuleError(ErrorCode.CREDIT_NOT_BLOCKED)
    ends = credit_ends_at(now)
    db.add(m.Credit(account_id=acc.id, taken_at=now, ends_at=ends, state="active"))
    db.flush()
    _journal_at(
        db,
        acc,
        now,
        s.JournalAction.CREDIT,
        s.Actor.SUBSCRIBER,
        old=_encode_value("block.financial"),
        new=_encode_value("value.credit_in_force", until=messages.format_date(ends)),
    )
    acc.financial_block = False  # the credit entry above records the lifting
    acc.financial_block_since = None
    db.flush()
    return s.CreditOut(ends_at=ends, account=_account_out(db, acc, now, lang))
