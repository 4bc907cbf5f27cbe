"""Blocks (R-BLOCK): the subscriber's voluntary block and unblock, the operator's administrative block."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from annet_contract import schema as s
from annet_contract.errors import ErrorCode

from .. import models as m
from ..db import as_moscow
from .journal import _encode_value, _journal_at
from .ledger import _post
from .lookups import _account, _service
from .months import days_in_month, midnight, month_start
from .refusals import RuleError
from .service_rules import _block_check, _discount_covering, _service_out, pro_rata_kopecks


def block_service(
    db: Session, clock: Any, sub_id: int, number: str, service_id: int, lang: str = "ru"
) -> s.Service:
    """Voluntary block: the service and its charges stop; once per calendar month (R-BLOCK-1)."""
    now = clock.now()
    acc = _account(db, sub_id, number, lock=True)
    svc = _service(db, acc, service_id)
    why = _block_check(svc, acc, now)
    if why.code is not None:
        raise RuleError(why.code, why.params)
    svc.voluntary_block = True
    svc.voluntary_block_since = now
    svc.last_voluntary_block_at = now
    _journal_at(
        db,
        acc,
        now,
        s.JournalAction.BLOCK,
        s.Actor.SUBSCRIBER,
        service=svc.catalog_item.name,
        old=_encode_value("value.active"),
        new=_encode_value("block.voluntary"),
    )
    db.flush()
    return _service_out(svc, acc, now, lang)


def unblock_service(
    db: Session, clock: Any, sub_id: int, number: str, service_id: int, lang: str = "ru"
) -> s.Service:
    """End a voluntary block at any time (R-BLOCK-1)."""
    now = clock.now()
    acc = _account(db, sub_id, number, lock=True)
    svc = _service(db, acc, service_id)
    if not svc.voluntary_block:
        raise RuleError(ErrorCode.BLOCK_NONE)
    since = as_moscow(svc.voluntary_block_since)
    svc.voluntary_block = False
    svc.voluntary_block_since = None
    today = now.date()
    skipped = since is not None and since < midnight(month_start(today))
    if skipped and _discount_covering(svc, today) is None:
        # this month's fee was not charged on the 1st: the rest of the month, like a new service
        amount = pro_rata_kopecks(svc.tariff.fee_kopecks * svc.quantity, today)
        if amount > 0:
            _post(
                db,
                acc,
                now,
                -amount,
                s.BalanceKind.CHARGE,
                "balance.unblock_charge",
                service=f"{svc.catalog_item.name} «{svc.tariff.name}»",
                days=days_in_month(today) - today.day + 1,
                month=(today.year, today.month),
            )
    _journal_at(
        db,
        acc,
        now,
        s.JournalAction.UNBLOCK,
        s.Actor.SUBSCRIBER,
        service=svc.catalog_item.name,
        old=_encode_value("block.voluntary"),
        new=_encode_value("value.active"),
    )
    db.flush()
    return _service_out(svc, acc, now, lang)


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
