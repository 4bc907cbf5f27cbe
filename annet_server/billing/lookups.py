"""Rows by the subscriber's scope: someone else's account, service or order is NOT_FOUND.

Relationships load on access unless a query asks for them: a read names what it needs with
the loader options here (:data:`SERVICES`, :data:`SERVICES_WITH_TARIFFS`, :data:`ACCOUNTS`), so
no endpoint pays for rows it does not show (tests/api/test_api_statement_counts.py holds the counts).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import Session, joinedload
from sqlalchemy.orm.interfaces import ORMOption

from annet_contract.errors import ErrorCode

from .. import models as m
from .refusals import RuleError

#: an account's services in the account's own statement, each with its catalogue item, tariffs
#: and discounts joined (the discounts' own ``selectin`` would be a second statement, a tenth of
#: such a read's CPU); not with ``lock``
SERVICES: tuple[ORMOption, ...] = (joinedload(m.Account.services).joinedload(m.Service.discounts),)
#: the same, and every tariff of each service's catalogue item (what a tariff may be changed to)
SERVICES_WITH_TARIFFS: tuple[ORMOption, ...] = (
    *SERVICES,
    joinedload(m.Account.services).joinedload(m.Service.catalog_item).selectinload(m.CatalogItem.tariffs),
)
#: a subscriber's accounts, in the subscriber's own statement
ACCOUNTS: tuple[ORMOption, ...] = (joinedload(m.Subscriber.accounts),)


def find_subscriber_by_account(db: Session, number: str) -> m.Subscriber | None:
    """The subscriber who owns account ``number`` (any of theirs logs them in, R-LOGIN-1)."""
    return db.execute(
        select(m.Subscriber).join(m.Account).where(m.Account.number == number)
    ).scalar_one_or_none()


def _subscriber(db: Session, sub_id: int, *, load: Sequence[ORMOption] = ()) -> m.Subscriber:
    if load:
        query = _subscriber_query(tuple(load))
        sub = db.execute(query, {"sub_id": sub_id}).unique().scalar_one_or_none()
    else:
        sub = db.get(m.Subscriber, sub_id)
    if sub is None:
        raise RuleError(ErrorCode.NOT_FOUND)
    return sub


@lru_cache(maxsize=4)
def _subscriber_query(load: tuple[ORMOption, ...]) -> Select[Any]:
    """:func:`_subscriber`'s statement with loader options, built once (bound: ``sub_id``)."""
    return select(m.Subscriber).where(m.Subscriber.id == bindparam("sub_id")).options(*load)


def _account(
    db: Session, sub_id: int, number: str, *, lock: bool = False, load: Sequence[ORMOption] = ()
) -> m.Account:
    """The subscriber's account ``number``, as the request's catch-up left it (routes catch up once).

    ``load``: loader options for what the caller reads of it (:data:`SERVICES`, …); a locked
    account takes none (PostgreSQL locks no outer-joined rows).
    """
    query = _account_query(lock, tuple(load))
    acc = db.execute(query, {"number": str(number), "sub_id": sub_id}).unique().scalar_one_or_none()
    if acc is None:
        raise RuleError(ErrorCode.NOT_FOUND)
    return acc


@lru_cache(maxsize=16)
def _account_query(lock: bool, load: tuple[ORMOption, ...]) -> Select[Any]:
    """:func:`_account`'s statement, built once per kind (building and keying a statement costs
    more CPU than the database spends answering it); bound: ``number``, ``sub_id``."""
    query = select(m.Account).where(
        m.Account.number == bindparam("number"), m.Account.subscriber_id == bindparam("sub_id")
    )
    if lock:
        assert not load, "a locked account is read alone"
        return query.with_for_update()
    return query.options(*load) if load else query


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
    return db.execute(_active_credit_query(), {"account_id": acc.id}).scalars().first()


@lru_cache(maxsize=1)
def _active_credit_query() -> Select[Any]:
    return (
        select(m.Credit)
        .where(m.Credit.account_id == bindparam("account_id"), m.Credit.state == "active")
        .order_by(m.Credit.id.desc())
    )
