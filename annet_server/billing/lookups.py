"""Rows by the subscriber's scope: someone else's account, service or order is NOT_FOUND."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from annet_contract.errors import ErrorCode

from .. import models as m
from .refusals import RuleError


def find_subscriber_by_account(db: Session, number: str) -> m.Subscriber | None:
    """The subscriber who owns account ``number`` (any of theirs logs them in, R-LOGIN-1)."""
    return db.execute(
        select(m.Subscriber).join(m.Account).where(m.Account.number == number)
    ).scalar_one_or_none()


def _subscriber(db: Session, sub_id: int) -> m.Subscriber:
    sub = db.get(m.Subscriber, sub_id)
    if sub is None:
        raise RuleError(ErrorCode.NOT_FOUND)
    return sub


def _account(db: Session, sub_id: int, number: str, *, lock: bool = False) -> m.Account:
    """The subscriber's account ``number``, as the request's catch-up left it (routes catch up once)."""
    query = select(m.Account).where(m.Account.number == str(number), m.Account.subscriber_id == sub_id)
    if lock:
        query = query.with_for_update()
    acc = db.execute(query).scalar_one_or_none()
    if acc is None:
        raise RuleError(ErrorCode.NOT_FOUND)
    return acc


def _service(db: Session, acc: m.Account, service_id: int) -> m.Service:
    svc = db.get(m.Service, service_id)
    if svc is None or svc.account_id != acc.id:
        raise RuleError(ErrorCode.NOT_FOUND)
    return svc


def _account_service(
    db: Session, sub_id: int, number: str, service_id: int, *, lock: bool = False
) -> tuple[m.Account, m.Service]:
    """The subscriber's account ``number`` (locked for a change) and its service ``service_id``."""
    acc = _account(db, sub_id, number, lock=lock)
    return acc, _service(db, acc, service_id)


def _active_credit(db: Session, acc: m.Account) -> m.Credit | None:
    return (
        db.execute(
            select(m.Credit)
            .where(m.Credit.account_id == acc.id, m.Credit.state == "active")
            .order_by(m.Credit.id.desc())
        )
        .scalars()
        .first()
    )
