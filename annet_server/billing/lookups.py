"""Rows by the subscriber's scope: someone else's account, service or order is NOT_FOUND.

Relationships load on access unless a query asks for them: a read names what it needs with
the loader options here (:data:`SERVICES_WITH_TARIFFS`, :data:`ACCOUNTS`), so
no endpoint pays for rows it does not show (tests/api/test_api_statement_counts.py holds the counts).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload
from sqlalchemy.orm.interfaces import ORMOption

from annet_contract.errors import ErrorCode

from .. import models as m
from .refusals import RuleError

#: an account's services (each with its catalogue item, tariffs and discounts: models.Service) and
#: every tariff of each service's catalogue item (what a tariff may be changed to)
SERVICES_WITH_TARIFFS: tuple[ORMOption, ...] = (
    selectinload(m.Account.services).joinedload(m.Service.catalog_item).selectinload(m.CatalogItem.tariffs),
)
#: a subscriber's accounts, in the subscriber's own statement
ACCOUNTS: tuple[ORMOption, ...] = (joinedload(m.Subscriber.accounts),)


def find_subscriber_by_account(db: Session, number: str) -> m.Subscriber | None:
    """The subscriber who owns account ``number`` (any of theirs logs them in, R-LOGIN-1)."""
    return db.execute(
        select(m.Subscriber).join(m.Account).where(m.Account.number == number)
    ).scalar_one_or_none()


def _subscriber(db: Session, sub_id: int, *, load: Sequence[ORMOption] = ()) -> m.Subscriber:
    sub = db.get(m.Subscriber, sub_id, options=load)
    if sub is None:
        raise RuleError(ErrorCode.NOT_FOUND)
    return sub


def _account(
    db: Session, sub_id: int, number: str, *, lock: bool = False, load: Sequence[ORMOption] = ()
) -> m.Account:
    """The subscriber's account ``number``, as the request's catch-up left it (routes catch up once).

    ``load``: loader options for what the caller reads of it (:data:`SERVICES_WITH_TARIFFS`).
    """
    query = select(m.Account).where(m.Account.number == str(number), m.Account.subscriber_id == sub_id)
    if load:
        query = query.options(*load)
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
