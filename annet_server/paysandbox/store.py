"""What the sandbox keeps: ONECLICK cards (a random token and the last four digits) and 3-D Secure tries.

A card is remembered after an approved payment (per account). When the payer later enters a
card with the same last four digits, the gateway offers ONECLICK; the answer is kept
(``oneclick``: None = not asked yet, True = joined, False = refused — then never asked again).
A joined card is offered on the method page: only the CVC2 is typed.

The wrong 3-D Secure codes are counted per order here, on the server (:func:`count_wrong_code`),
not in the form token: a re-posted early token cannot reset the count.

The tables live in their own metadata and are created on first use, so the sandbox needs nothing
from the core schema.
"""

from __future__ import annotations

import datetime as dt
import secrets
import threading
import weakref
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Boolean, Column, DateTime, Integer, MetaData, String, Table, select, update
from sqlalchemy.orm import Session

metadata = MetaData()

sandbox_cards = Table(
    "paysandbox_cards",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("account", String(20), nullable=False, index=True),
    Column("token", String(64), nullable=False, unique=True),
    Column("last4", String(4), nullable=False),
    Column("oneclick", Boolean, nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

three_ds_tries = Table(
    "paysandbox_3ds_tries",
    metadata,
    Column("order_number", String(32), primary_key=True),
    Column("wrong", Integer, nullable=False),
)

_created: weakref.WeakSet[Any] = weakref.WeakSet()
_lock = threading.Lock()


@dataclass(frozen=True)
class SavedCard:
    """A remembered card: its token, last four digits and the ONECLICK answer."""

    token: str
    last4: str
    oneclick: bool | None


def ensure_table(engine: Any) -> None:
    """Create the table on this database once per engine (call before opening a session)."""
    if engine in _created:
        return
    with _lock:
        if engine not in _created:
            metadata.create_all(engine, checkfirst=True)
            _created.add(engine)


def _row(row: Any) -> SavedCard:
    return SavedCard(token=row.token, last4=row.last4, oneclick=row.oneclick)


def find_by_last4(db: Session, account: str, last4: str) -> SavedCard | None:
    """The account's remembered card ending in ``last4``, if any."""
    row = db.execute(
        select(sandbox_cards).where(sandbox_cards.c.account == account, sandbox_cards.c.last4 == last4)
    ).first()
    return _row(row) if row else None


def find_by_token(db: Session, account: str, token: str) -> SavedCard | None:
    """The account's remembered card with ``token``, if any."""
    row = db.execute(
        select(sandbox_cards).where(sandbox_cards.c.account == account, sandbox_cards.c.token == token)
    ).first()
    return _row(row) if row else None


def oneclick_cards(db: Session, account: str) -> list[SavedCard]:
    """The account's cards that joined ONECLICK."""
    rows = db.execute(
        select(sandbox_cards)
        .where(sandbox_cards.c.account == account, sandbox_cards.c.oneclick.is_(True))
        .order_by(sandbox_cards.c.id)
    ).all()
    return [_row(r) for r in rows]


def remember(db: Session, account: str, last4: str, now: dt.datetime) -> SavedCard:
    """Remember a card after an approved payment (or return the one already remembered)."""
    found = find_by_last4(db, account, last4)
    if found is not None:
        return found
    token = secrets.token_urlsafe(24)
    db.execute(
        sandbox_cards.insert().values(
            account=account, token=token, last4=last4, oneclick=None, created_at=now
        )
    )
    return SavedCard(token=token, last4=last4, oneclick=None)


def set_oneclick(db: Session, account: str, token: str, joined: bool) -> None:
    """Record the payer's answer to the ONECLICK offer."""
    db.execute(
        update(sandbox_cards)
        .where(sandbox_cards.c.account == account, sandbox_cards.c.token == token)
        .values(oneclick=joined)
    )


def wrong_codes(db: Session, order_number: str) -> int:
    """How many wrong 3-D Secure codes the order has had."""
    found = db.execute(
        select(three_ds_tries.c.wrong).where(three_ds_tries.c.order_number == order_number)
    ).scalar()
    return int(found or 0)


def count_wrong_code(db: Session, order_number: str) -> int:
    """Count one more wrong 3-D Secure code of the order; the count so far, this one included.

    One upsert (``INSERT … ON CONFLICT DO UPDATE``): two racing first wrong codes of an order on
    PostgreSQL count two instead of one of them failing on the primary key.
    """
    # the dialect's own insert, imported here: PostgreSQL's costs the SQLite demo 50 ms at start
    statement: Any
    if db.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        statement = pg_insert(three_ds_tries)
    else:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        statement = sqlite_insert(three_ds_tries)
    statement = statement.values(order_number=order_number, wrong=1)
    db.execute(
        statement.on_conflict_do_update(
            index_elements=[three_ds_tries.c.order_number],
            set_={"wrong": three_ds_tries.c.wrong + 1},
        )
    )
    return wrong_codes(db, order_number)
