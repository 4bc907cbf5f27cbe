"""Database plumbing: the declarative ``Base``, engines for SQLite/PostgreSQL, money and time types.

* SQLite: a file URL; WAL journal, foreign keys on, and every transaction begins with
  ``BEGIN IMMEDIATE`` (the pysqlite recipe of the SQLAlchemy docs), so two concurrent writers
  serialize instead of failing with "database is locked" on upgrade; ``check_same_thread`` off.
* PostgreSQL: ``postgresql+psycopg://…``; money changes lock the Account row ``FOR UPDATE``;
  connect and pool timeouts are short, so a database restart is answered 503, never a hang.
* Money columns are integer kopecks (``to_kopecks``, ``from_kopecks`` of :mod:`annet_contract.money`).
* Datetimes are aware (Moscow time) in Python; SQLite stores them as naive Moscow time (no DST,
  so the text order is the time order), PostgreSQL as ``timestamptz``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import DateTime, Engine, create_engine, event
from sqlalchemy.engine import Dialect, make_url
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker
from sqlalchemy.types import TypeDecorator

from annet_contract.money import from_kopecks, to_kopecks
from annet_contract.moscow import moscow_naive, to_moscow

__all__ = [  # the contract's money and time helpers too, under the names the server's modules use
    "AwareDateTime",
    "Base",
    "as_moscow",
    "create_schema",
    "from_kopecks",
    "make_engine",
    "make_read_sessionmaker",
    "make_sessionmaker",
    "to_kopecks",
]

#: The contract's "to Moscow time" (a naive datetime is taken as Moscow time; ``None`` stays).
as_moscow = to_moscow


class AwareDateTime(TypeDecorator[dt.datetime]):
    """A timezone-aware datetime on both backends; values come back in Moscow time."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to an aware column")
        if dialect.name == "sqlite":
            return moscow_naive(value)
        return value

    def process_result_value(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        return to_moscow(value)


class Base(DeclarativeBase):
    """Declarative base of every table of the reference server."""

    type_annotation_map: ClassVar[dict[Any, Any]] = {dt.datetime: AwareDateTime()}


#: PostgreSQL: seconds to give up connecting (a restarting server answers 503, not a hang)
PG_CONNECT_TIMEOUT_S = 3
#: seconds a request waits for a free pooled connection before a 503
PG_POOL_TIMEOUT_S = 5
#: pooled connections per process (+ overflow); several workers multiply it (max_connections)
PG_POOL_SIZE = 10
PG_POOL_OVERFLOW = 10


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for ``url``: an SQLite file (WAL, FKs, BEGIN IMMEDIATE) or PostgreSQL."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        connect_args = dict(kwargs.pop("connect_args", {}) or {})
        connect_args.setdefault("check_same_thread", False)
        connect_args.setdefault("timeout", 30)
        engine = create_engine(url, connect_args=connect_args, **kwargs)
        _sqlite_recipe(engine)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    # never a hang while PostgreSQL restarts: connecting gives up after PG_CONNECT_TIMEOUT_S, a
    # request waiting for a pooled connection after PG_POOL_TIMEOUT_S (both then answer 503)
    connect_args = dict(kwargs.pop("connect_args", {}) or {})
    connect_args.setdefault("connect_timeout", PG_CONNECT_TIMEOUT_S)
    kwargs.setdefault("pool_timeout", PG_POOL_TIMEOUT_S)
    kwargs.setdefault("pool_size", PG_POOL_SIZE)
    kwargs.setdefault("max_overflow", PG_POOL_OVERFLOW)
    return create_engine(url, connect_args=connect_args, **kwargs)


def _sqlite_recipe(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # let SQLAlchemy (not pysqlite) decide when transactions begin
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys=ON")
            if engine.url.database not in (None, "", ":memory:"):
                cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA busy_timeout=30000")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    """Sessions over ``engine``; objects stay readable after commit."""
    return sessionmaker(bind=engine, expire_on_commit=False, future=True)


def make_read_sessionmaker(engine: Engine) -> sessionmaker[Session] | None:
    """Sessions for a GET's plain reads: autocommit on PostgreSQL; None on SQLite (the ordinary ones).

    Under PostgreSQL's READ COMMITTED every statement sees its own snapshot anyway, so a read
    loses nothing without a transaction and saves the BEGIN and ROLLBACK round trips. Nothing
    that must be atomic or locked may run in one (the catch-up takes a transaction of its own).
    No autoflush: a change made to an object by mistake is dropped by the read's rollback, as in
    a transaction, instead of being written at once. SQLite keeps its ``BEGIN IMMEDIATE``
    transactions (the recipe above).
    """
    if engine.dialect.name == "sqlite":
        return None
    return sessionmaker(
        bind=engine.execution_options(isolation_level="AUTOCOMMIT"),
        expire_on_commit=False,
        autoflush=False,
        future=True,
    )


def create_schema(engine: Engine) -> None:
    """Create every table that does not exist yet."""
    from . import models  # noqa: F401  (registers the tables)

    Base.metadata.create_all(engine)
