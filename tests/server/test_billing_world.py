"""A small billing world for the rule tests: an SQLite file DB in tmp_path, a FakeClock, no HTTP.

``World.run(fn, *args)`` calls a billing function the way the HTTP layer does: a fresh session,
``catch_up`` first, the function, then one commit (rollback on error). Imported by the
``test_billing_*`` modules; it holds a smoke test of its own so it is a valid test module too.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.engine import make_url

from annet_contract.schema import MOSCOW
from annet_server import billing
from annet_server import models as m
from annet_server.clock import FakeClock
from annet_server.db import create_schema, make_engine, make_sessionmaker, to_kopecks
from annet_server.passwords import hash_password

PASSWORD = "secret123"
#: signs the pay requests of the orders billing makes here (the server passes its configured one)
MERCHANT_SECRET = "billing-tests-merchant-secret-0123456789"


def msk(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> dt.datetime:
    """An aware Moscow datetime."""
    return dt.datetime(year, month, day, hour, minute, second, tzinfo=MOSCOW)


@dataclass
class Sub:
    """One subscriber of the world: its id, account number and internet service id."""

    id: int
    number: str
    service_id: int


class World:
    """A catalogue (internet with discount tariffs and a promo one, IPTV) and helpers to add subscribers."""

    def __init__(self, path: Path, start: dt.datetime, pg_url: str | None = None) -> None:
        self._pg_admin: Any = None
        self._pg_name: str | None = None
        if pg_url:
            self._pg_admin = make_engine(pg_url, isolation_level="AUTOCOMMIT")
            self._pg_name = f"billing_{uuid.uuid4().hex[:16]}"
            with self._pg_admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{self._pg_name}"'))
            url = make_url(pg_url).set(database=self._pg_name).render_as_string(hide_password=False)
            self.engine = make_engine(url)
        else:
            self.engine = make_engine(f"sqlite:///{path}")
        create_schema(self.engine)
        self.sessions = make_sessionmaker(self.engine)
        self.clock = FakeClock(start)
        self._next_number = 200001
        with self.sessions() as db:
            internet = m.CatalogItem(
                name="Доступ в интернет", name_en="Internet access", kind="internet", sort=0
            )
            iptv = m.CatalogItem(name="IPTVPORTAL", name_en="IPTVPORTAL", kind="iptv", sort=1)
            db.add_all([internet, iptv])
            db.flush()
            self.tariff_ids: dict[str, int] = {}
            for name, fee, promo, discounts, selectable, item in (
                ("Домашний 100", 550, False, True, True, internet),
                ("Домашний 300", 750, False, True, True, internet),
                ("Социальный 30", 350, False, False, True, internet),
                ("Акция: Гигабит за 1 ₽", 1, True, False, False, internet),
                ("Базовый", 310, False, False, True, iptv),
                ("Расширенный", 349, False, False, True, iptv),
            ):
                t = m.Tariff(
                    catalog_id=item.id,
                    name=name,
                    fee_kopecks=fee * 100,
                    promo=promo,
                    discounts=discounts,
                    selectable=selectable,
                )
                db.add(t)
                db.flush()
                self.tariff_ids[name] = t.id
                if discounts:
                    for percent, months in ((5, 3), (10, 6), (15, 12)):
                        db.add(m.DiscountOffer(tariff_id=t.id, percent=percent, months=months))
            self.internet_id, self.iptv_id = internet.id, iptv.id
            db.commit()

    def dispose(self) -> None:
        """Close the pool (and drop the PostgreSQL database)."""
        self.engine.dispose()
        if self._pg_admin is not None:
            with self._pg_admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{self._pg_name}" WITH (FORCE)'))
            self._pg_admin.dispose()

    def subscriber(
        self,
        balance: str = "1000.00",
        tariff: str = "Домашний 300",
        *,
        financial_block: bool = False,
        admin_block: bool = False,
        with_password: bool = False,
        quantity: int = 1,
    ) -> Sub:
        """A subscriber with one internet account, caught up to now, with ``balance``."""
        now = self.clock.now()
        number = str(self._next_number)
        self._next_number += 1
        with self.sessions() as db:
            sub = m.Subscriber(
                name=f"Абонент {number}",
                address="г. Тверь, ул. Советская, д. 1",
                contract=f"Д-{number}",
                sms_phone="9051234567",
                email=f"u{number}@example.ru",
                password_hash=hash_password(PASSWORD) if with_password else "x",
            )
            db.add(sub)
            db.flush()
            acc = m.Account(
                subscriber_id=sub.id,
                number=number,
                kind="internet",
                title="Интернет",
                title_en="Internet",
                balance_kopecks=to_kopecks(Decimal(balance)),
                financial_block=financial_block,
                financial_block_since=now if financial_block else None,
                charged_through=now.date().replace(day=1),
                caught_up_at=now,
                created_at=now,
            )
            db.add(acc)
            db.flush()
            svc = m.Service(
                account_id=acc.id,
                catalog_id=self.internet_id,
                tariff_id=self.tariff_ids[tariff],
                admin_block=admin_block,
                quantity=quantity,
                created_at=now,
            )
            db.add(svc)
            db.commit()
            return Sub(sub.id, number, svc.id)

    def run(self, fn: Callable[..., Any], sub: Sub | int | None, *args: Any, **kwargs: Any) -> Any:
        """Call ``fn(db, clock, sub_id, *args)`` like one HTTP request: catch up, run, commit."""
        with self.sessions() as db:
            try:
                if sub is None:
                    result = fn(db, self.clock, *args, **kwargs)
                else:
                    sub_id = sub.id if isinstance(sub, Sub) else sub
                    billing.catch_up(db, self.clock, sub_id)
                    result = fn(db, self.clock, sub_id, *args, **kwargs)
                db.commit()
                return result
            except BaseException:
                db.rollback()
                raise

    def account(self, sub: Sub, lang: str = "ru") -> Any:
        """``billing.get_account`` of the subscriber's account."""
        return self.run(billing.get_account, sub, sub.number, lang)

    def service(self, sub: Sub, lang: str = "ru") -> Any:
        """The internet service row (schema) of the subscriber."""
        services = self.run(billing.list_services, sub, sub.number, lang)
        return next(svc for svc in services if svc.id == sub.service_id)

    def entries(self, sub: Sub) -> list[m.BalanceEntry]:
        """Every balance entry of the subscriber's account, oldest first."""
        with self.sessions() as db:
            acc = db.execute(select(m.Account).where(m.Account.number == sub.number)).scalar_one()
            return list(
                db.execute(
                    select(m.BalanceEntry)
                    .where(m.BalanceEntry.account_id == acc.id)
                    .order_by(m.BalanceEntry.id)
                ).scalars()
            )

    def journal(self, sub: Sub, lang: str = "ru") -> list[Any]:
        """The subscriber's journal, newest first."""
        return list(self.run(billing.journal_page, sub, 1000, None, lang).items)

    def correct(self, sub: Sub, amount: str) -> None:
        """An operator's balance correction (any amount, also below the 1 ₽ payment minimum)."""
        self.run(billing.operator_correction, None, sub.number, Decimal(amount))

    def pay(self, sub: Sub, amount: str) -> Any:
        """Create and confirm an online payment of ``amount``; the paid order."""
        order = self.run(
            billing.create_payment,
            sub,
            sub.number,
            Decimal(amount),
            "http://127.0.0.1:9",
            merchant_secret=MERCHANT_SECRET,
        )
        return self.run(
            billing.confirm_payment, None, order.order_number, approved=True, billnumber="1234567890123456"
        )


@pytest.fixture
def world_factory(tmp_path: Path, db_backend: str) -> Iterator[Callable[[dt.datetime], World]]:
    """Make a :class:`World` starting at a given moment (one per test).

    SQLite always; also PostgreSQL when ``ANNET_TEST_PG_URL`` is set (``db_backend`` from tests/conftest.py).
    """
    made: list[World] = []
    pg_url = os.environ.get("ANNET_TEST_PG_URL") if db_backend == "postgres" else None

    def make(start: dt.datetime) -> World:
        w = World(tmp_path / f"billing{len(made)}.db", start, pg_url)
        made.append(w)
        return w

    yield make
    for w in made:
        w.dispose()


def test_world_subscriber_starts_active(world_factory: Callable[[dt.datetime], World]) -> None:
    world = world_factory(msk(2026, 11, 16, 12))
    sub = world.subscriber("100.00")
    account = world.account(sub)
    assert account.balance == Decimal("100.00") and account.status.value == "active"
