"""The account (R-ACC-2): balance, status, recommended payment, credit state, balance history."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

from sqlalchemy import Executable, and_, bindparam, or_, select
from sqlalchemy.orm import Session

from annet_contract import schema as s

from .. import messages
from .. import models as m
from ..db import as_moscow
from .days import month_charge_kopecks
from .kopecks import _ceil_roubles, _money
from .localized import _lang_name
from .lookups import SERVICES, _account, _active_credit
from .months import next_month_start
from .paging import _clamp_limit, _encode_cursor, _time_cursor
from .receipts import orders_of_entries


def recommended_payment_kopecks(fees_kopecks: int, balance_kopecks: int) -> int:
    """max(0, fees − balance) rounded up to whole roubles (R-ACC-2)."""
    return _ceil_roubles(max(0, fees_kopecks - balance_kopecks))


def _has_telephony(acc: m.Account) -> bool:
    if acc.kind in (s.AccountKind.TELEPHONY.value, s.AccountKind.MIXED.value):
        return True
    return any(svc.catalog_item.kind == s.ServiceKind.TELEPHONY.value for svc in acc.services)


def _account_title(acc: m.Account, lang: str) -> str:
    return _lang_name(acc.title, acc.title_en, lang)


def _credit_state(db: Session, acc: m.Account, now: dt.datetime, lang: str) -> s.CreditState:
    credit = _active_credit(db, acc)
    banned = (
        acc.credit_banned_until if acc.credit_banned_until and now.date() < acc.credit_banned_until else None
    )
    if credit is not None:
        ends = as_moscow(credit.ends_at)
        return s.CreditState(
            available=False,
            in_force=True,
            ends_at=ends,
            banned_until=banned,
            reason=messages.message("reason.credit_in_force", lang, until=ends),
        )
    if banned is not None:
        return s.CreditState(
            available=False,
            banned_until=banned,
            reason=messages.message("reason.credit_banned", lang, date=banned),
        )
    if not acc.financial_block:
        return s.CreditState(available=False, reason=messages.message("reason.credit_not_blocked", lang))
    return s.CreditState(available=True)


def next_charge_kopecks(acc: m.Account, today: dt.date) -> int:
    """What the next 1st will write off, each service as it will stand then (R-ACC-2).

    Its tariff (a change today counts), nothing for the days a paid discount covers, nothing for a
    service under a voluntary block.
    """
    return month_charges_kopecks(acc, next_month_start(today))


def month_charges_kopecks(acc: m.Account, month: dt.date) -> int:
    """The charge of the 1st of ``month`` over every service of the account (what the catch-up writes)."""
    return sum(month_charge_kopecks(svc, month) for svc in acc.services)


def _account_out(db: Session, acc: m.Account, now: dt.datetime, lang: str) -> s.Account:
    fees = next_charge_kopecks(acc, now.date())
    blocked = acc.financial_block or any(svc.admin_block or svc.voluntary_block for svc in acc.services)
    return s.Account(
        number=acc.number,
        kind=s.AccountKind(acc.kind),
        title=_account_title(acc, lang),
        has_telephony=_has_telephony(acc),
        balance=_money(acc.balance_kopecks),
        recommended_payment=_money(recommended_payment_kopecks(fees, acc.balance_kopecks)),
        status=s.AccountStatus.BLOCKED if blocked else s.AccountStatus.ACTIVE,
        financial_block=acc.financial_block,
        credit=_credit_state(db, acc, now, lang),
    )


def get_account(db: Session, clock: Any, sub_id: int, number: str, lang: str = "ru") -> s.Account:
    """The information area of «Счёт» (R-ACC-2) with the credit state (R-CREDIT)."""
    now = clock.now()
    acc = _account(db, sub_id, number, load=SERVICES)
    return _account_out(db, acc, now, lang)


def balance_history(
    db: Session, clock: Any, sub_id: int, number: str, limit: int | None, cursor: str | None, lang: str = "ru"
) -> s.Page[s.BalanceEntry]:
    """Top-ups and write-offs, newest first (R-BAL-1), keyset-paged on (at, id)."""
    acc = _account(db, sub_id, number)
    size = _clamp_limit(limit, 100, 1000)
    params: dict[str, Any] = {"account_id": acc.id, "size": size + 1}
    if cursor:
        params["at"], params["last_id"] = _time_cursor(cursor)
    rows = list(db.execute(_history_query(bool(cursor)), params).all())  # columns: no ORM objects
    more = len(rows) > size
    rows = rows[:size]
    orders = orders_of_entries(db, (r.id for r in rows if r.kind == s.BalanceKind.PAYMENT.value))
    items = [
        s.BalanceEntry(
            id=r.id,
            at=as_moscow(r.at),
            amount=_money(r.amount_kopecks),
            kind=s.BalanceKind(r.kind),
            description=_lang_name(r.description, r.description_en, lang),
            balance_after=_money(r.balance_after_kopecks),
            order_number=orders.get(r.id),
        )
        for r in rows
    ]
    next_cursor = _encode_cursor(as_moscow(rows[-1].at).isoformat(), rows[-1].id) if more and rows else None  # type: ignore[union-attr]
    return s.Page[s.BalanceEntry](items=items, next_cursor=next_cursor)


@lru_cache(maxsize=2)
def _history_query(after_cursor: bool) -> Executable:
    """:func:`balance_history`'s statement, built once (bound: ``account_id``, ``size``, and the
    cursor's ``at`` and ``last_id``)."""
    e = m.BalanceEntry
    columns = (e.id, e.at, e.amount_kopecks, e.kind, e.description, e.description_en, e.balance_after_kopecks)
    query = select(*columns).where(e.account_id == bindparam("account_id"))
    if after_cursor:
        at, last_id = bindparam("at", type_=e.at.type), bindparam("last_id", type_=e.id.type)
        query = query.where(or_(e.at < at, and_(e.at == at, e.id < last_id)))
    return query.order_by(e.at.desc(), e.id.desc()).limit(bindparam("size"))
