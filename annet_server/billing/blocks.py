"""Blocks (R-BLOCK): the subscriber's voluntary block and unblock, the operator's administrative block."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from annet_contract import schema as s
from annet_contract.errors import ErrorCode

from .. import models as m
from .days import ONE_DAY, block_start_day, month_end, paused_ends, rest_of_month_kopecks
from .journal import _encode_value, _journal_at
from .lookups import _account_service
from .recalc import Plan, Row, service_label, short_date
from .refusals import RuleError
from .service_rules import _block_check, _current_discount, _service_out


def _plan_block(db: Session, acc: m.Account, svc: m.Service, now: dt.datetime) -> Plan:
    """Block today: the days from tomorrow to the month's end come back (R-BLOCK-1, R-BILL-2)."""
    why = _block_check(svc, acc, now)
    if why.code is not None:
        raise RuleError(why.code, why.params)
    tomorrow = now.date() + ONE_DAY
    refund = rest_of_month_kopecks(svc, tomorrow) if tomorrow <= month_end(now.date()) else 0
    current = _current_discount(svc, now.date())

    def apply() -> None:
        svc.voluntary_block = True
        svc.voluntary_block_since = now
        svc.last_voluntary_block_at = now

    row = Row(refund, "balance.recalc_block", {"since": short_date(tomorrow), "service": service_label(svc)})
    return Plan(acc, [row], apply, {"discount_ends_on_after": current.ends_on if current else None})


def _plan_unblock(db: Session, acc: m.Account, svc: m.Service, now: dt.datetime) -> Plan:
    """Unblock today: the rest of the month from the first day not yet paid is written off at once.

    That day is today, or tomorrow when the block began today (today was paid already). A paid
    discount moves its end by the days spent wholly under the block (it paused).
    """
    blocked_from = block_start_day(svc)
    if blocked_from is None:
        raise RuleError(ErrorCode.BLOCK_NONE)
    today = now.date()
    paid_from = max(today, blocked_from + ONE_DAY)
    moved = paused_ends(svc, blocked_from + ONE_DAY, today - ONE_DAY)
    charge = 0
    if paid_from <= month_end(today):
        charge = rest_of_month_kopecks(svc, paid_from, unblocked=True, cover=list(moved.values()))

    def apply() -> None:
        svc.voluntary_block = False
        svc.voluntary_block_since = None
        for d in svc.discounts:
            d.starts_on, d.ends_on = moved[d.id]

    row = Row(
        -charge,
        "balance.recalc_unblock",
        {
            "since": short_date(paid_from),
            "until": short_date(month_end(today)),
            "service": service_label(svc),
        },
    )
    return Plan(acc, [row], apply, {"paid_from": paid_from})


def _quote(
    db: Session, clock: Any, sub_id: int, number: str, service_id: int, lang: str, block: bool
) -> dict:
    """The money effect of the plan :func:`_switch` would carry out now (nothing written)."""
    now = clock.now()
    acc, svc = _account_service(db, sub_id, number, service_id)
    plan = (_plan_block if block else _plan_unblock)(db, acc, svc, now)
    return {**plan.effect(db, now, lang), **plan.extra}


def block_quote(
    db: Session, clock: Any, sub_id: int, number: str, service_id: int, lang: str = "ru"
) -> s.BlockQuote:
    """What «Заблокировать» would do to the money now (the same plan :func:`block_service` carries out)."""
    return s.BlockQuote(**_quote(db, clock, sub_id, number, service_id, lang, block=True))


def unblock_quote(
    db: Session, clock: Any, sub_id: int, number: str, service_id: int, lang: str = "ru"
) -> s.UnblockQuote:
    """What «Разблокировать» would write off now and the balance after (R-BLOCK-1)."""
    return s.UnblockQuote(**_quote(db, clock, sub_id, number, service_id, lang, block=False))


def _switch(
    db: Session, clock: Any, sub_id: int, number: str, service_id: int, lang: str, block: bool
) -> s.Service:
    """Carry out the voluntary block (or its end) and journal it as the subscriber's action."""
    now = clock.now()
    acc, svc = _account_service(db, sub_id, number, service_id, lock=True)
    plan = (_plan_block if block else _plan_unblock)(db, acc, svc, now)
    plan.carry_out(db, now)
    active, voluntary = _encode_value("value.active"), _encode_value("block.voluntary")
    _journal_at(
        db,
        acc,
        now,
        s.JournalAction.BLOCK if block else s.JournalAction.UNBLOCK,
        s.Actor.SUBSCRIBER,
        service=svc.catalog_item.name,
        old=active if block else voluntary,
        new=voluntary if block else active,
    )
    db.flush()
    return _service_out(svc, acc, now, lang)


def block_service(
    db: Session, clock: Any, sub_id: int, number: str, service_id: int, lang: str = "ru"
) -> s.Service:
    """Voluntary block: the service and its charges stop; once per calendar month (R-BLOCK-1)."""
    return _switch(db, clock, sub_id, number, service_id, lang, block=True)


def unblock_service(
    db: Session, clock: Any, sub_id: int, number: str, service_id: int, lang: str = "ru"
) -> s.Service:
    """End a voluntary block at any time; the rest of the month is written off at once (R-BLOCK-1)."""
    return _switch(db, clock, sub_id, number, service_id, lang, block=False)


def set_admin_block(db: Session, clock: Any, service_id: int, on: bool) -> None:
    """The operator puts (or lifts) an administrative block on a service."""
    svc = db.get(m.Service, service_id)
    if svc is None:
        raise RuleError(ErrorCode.NOT_FOUND)
    if svc.admin_block == on:
        return
    svc.admin_block = on
    acc = svc.account
    _journal_at(
        db,
        acc,
        clock.now(),
        s.JournalAction.BLOCK if on else s.JournalAction.UNBLOCK,
        s.Actor.OPERATOR,
        service=svc.catalog_item.name,
        old=_encode_value("value.active") if on else _encode_value("block.administrative"),
        new=_encode_value("block.administrative") if on else _encode_value("value.active"),
    )
    db.flush()
