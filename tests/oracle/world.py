"""The real server for one generated history: a fresh in-memory database, a FakeClock, the ASGI app.

One FastAPI app and one in-memory SQLite database per test session (``Catalogue``): the template
(schema + catalogue) is built once; each history copies it over the histories' database with
SQLite's backup API (a fraction of a millisecond), so the engine, its pool and SQLAlchemy's
compiled-statement cache stay warm from one history to the next. Each history gets a new
:class:`annet_server.app.ServerState` on the app (its own FakeClock), one subscriber with one
account and an internet service, and a session row (the test lifts the idle timeout: the fake
clock jumps days, and a login every step would be 10 ms of argon2).

Requests go to the app itself through :class:`InProcess` (httpx's ASGI transport, no socket): the
middleware, routing, the per-request catch-up, the one commit and the Idempotency-Key handling are
the real ones, and the sync routes run in the worker threads they run in under uvicorn. The
balance rows are read straight from the database.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import secrets
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.pool import StaticPool

from annet_server import models as m
from annet_server.app import ServerState, create_app
from annet_server.clock import FakeClock
from annet_server.db import create_schema, make_engine, make_sessionmaker
from annet_server.session_check import hash_token

from .model import MSK, Tariff

API = "/api/v1"
INTERNET = "Доступ в интернет"
IPTV = "IPTVPORTAL"

#: (catalogue, tariff name, fee in kopecks, discount offers (percent, months)). Odd fees on purpose:
#: 550.50 × 85 % and 310.01 × 15/30 end in half a kopeck (half up ≠ half even), and so does any odd
#: number of days of a fee ≡ 15 kopecks (mod 30) in a 30-day month at an odd quantity (750.15, 349.95,
#: 349.05): a block, an unblock or a tariff change in Nov/Apr/Jun/Sep often settles a half kopeck.
CATALOGUE = (
    (INTERNET, "Домашний 100", 55050, ((5, 3), (10, 6), (15, 12))),
    (INTERNET, "Домашний 300", 75015, ((5, 3), (10, 6), (15, 12))),
    (INTERNET, "Социальный 30", 34995, ()),
    (IPTV, "Базовый", 31001, ()),
    (IPTV, "Расширенный", 34905, ()),
)


@dataclass
class Row:
    """One balance row as stored."""

    id: int
    at: dt.datetime
    amount: int
    kind: str
    text: str
    balance_after: int


#: SQLite in memory: the histories' database and its template
MEMORY = "sqlite://"


def memory_engine() -> Any:
    """An in-memory database with the server's SQLite recipe (FKs, BEGIN IMMEDIATE): one connection
    shared by the test and the app's worker threads (a history sends one request at a time)."""
    return make_engine(MEMORY, poolclass=StaticPool)


class Catalogue:
    """The template database (schema + catalogue), the app, and the oracle's view of its tariffs."""

    def __init__(self) -> None:
        engine = self.template = memory_engine()
        create_schema(engine)
        self.tariffs: dict[str, list[Tariff]] = {INTERNET: [], IPTV: []}
        self.catalog_ids: dict[str, int] = {}
        self.names: dict[int, str] = {}
        with make_sessionmaker(engine)() as db:
            for kind, name in ((INTERNET, "internet"), (IPTV, "iptv")):
                item = m.CatalogItem(name=kind, name_en=kind, kind=name, sort=len(self.catalog_ids))
                db.add(item)
                db.flush()
                self.catalog_ids[kind] = item.id
            for kind, name, fee, offers in CATALOGUE:
                t = m.Tariff(
                    catalog_id=self.catalog_ids[kind], name=name, fee_kopecks=fee, discounts=bool(offers)
                )
                db.add(t)
                db.flush()
                ids = {}
                for percent, months in offers:
                    offer = m.DiscountOffer(tariff_id=t.id, percent=percent, months=months)
                    db.add(offer)
                    db.flush()
                    ids[offer.id] = (percent, months)
                self.tariffs[kind].append(Tariff(t.id, fee, ids))
                self.names[t.id] = name
            db.commit()
        clock = FakeClock(dt.datetime(2026, 1, 1, tzinfo=MSK))
        self.app = create_app(MEMORY, clock, sandbox=True)  # as the server tests
        self.app.state.annet.dispose()
        self.engine = memory_engine()  # the histories' database, a copy of the template each
        self.state: ServerState = dataclasses.replace(
            self.app.state.annet,
            database_url=MEMORY,
            engine=self.engine,
            sessionmaker=make_sessionmaker(self.engine),
        )

    def fresh_database(self) -> None:
        """Copy the template over the histories' database (SQLite's backup API)."""
        with self.template.connect() as source, self.engine.connect() as target:
            source.connection.driver_connection.backup(target.connection.driver_connection)

    def close(self) -> None:
        self.engine.dispose()
        self.template.dispose()


class InProcess:
    """A blocking client of the ASGI app (httpx's ASGI transport on an event loop of its own)."""

    def __init__(self, app: Any) -> None:
        self.loop = asyncio.new_event_loop()
        transport = httpx.ASGITransport(app=app)
        self.client = httpx.AsyncClient(transport=transport, base_url="http://oracle.test")

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        return self.loop.run_until_complete(self.client.request(method, url, **kwargs))

    def close(self) -> None:
        self.loop.run_until_complete(self.client.aclose())
        self.loop.close()


class World:
    """One history's server: a copy of the template, the subscriber, a session token."""

    NUMBER = "300001"

    def __init__(self, catalogue: Catalogue, client: Any, start: dt.datetime, quantity: int, tariff: Tariff):
        catalogue.fresh_database()
        self.clock = FakeClock(start)
        self.state = dataclasses.replace(catalogue.state, clock=self.clock)
        catalogue.app.state.annet = self.state
        self.client = client
        self.token = secrets.token_urlsafe(16)
        before = start - dt.timedelta(minutes=1)
        with self.state.sessionmaker() as db:
            sub = m.Subscriber(name="Оракул", password_hash="x", email="oracle@example.ru")
            db.add(sub)
            db.flush()
            acc = m.Account(
                subscriber_id=sub.id,
                number=self.NUMBER,
                kind="internet",
                title="Интернет",
                balance_kopecks=0,
                charged_through=(before.date().replace(day=1)),
                caught_up_at=before,
                created_at=before,
            )
            db.add(acc)
            db.flush()
            svc = m.Service(
                account_id=acc.id,
                catalog_id=catalogue.catalog_ids[INTERNET],
                tariff_id=tariff.id,
                quantity=quantity,
                created_at=before,
            )
            db.add(svc)
            db.add(
                m.AuthSession(
                    token_hash=hash_token(self.token),
                    subscriber_id=sub.id,
                    created_at=before,
                    last_seen_at=before,
                    expires_at=dt.datetime(2100, 1, 1, tzinfo=MSK),
                )
            )
            db.commit()
            self.service_id = svc.id
        self.rows: list[Row] = []

    def close(self) -> None:
        """Nothing to free: the next history copies the template over this one's database."""

    # ------------------------------------------------------------------ time and HTTP

    def call(self, method: str, path: str, body: Any = None, key: str | None = None) -> Any:
        """One request to the API; ``key`` is sent as the Idempotency-Key."""
        headers = {"Authorization": f"Bearer {self.token}"}
        if key is not None:
            headers["Idempotency-Key"] = key
        return self.client.request(method, API + path, json=body, headers=headers)

    @staticmethod
    def new_key() -> str:
        return uuid.uuid4().hex

    def account(self) -> dict[str, Any]:
        answer = self.call("GET", f"/accounts/{self.NUMBER}")
        assert answer.status_code == 200, answer.text
        return dict(answer.json())

    def services(self) -> list[dict[str, Any]]:
        answer = self.call("GET", f"/accounts/{self.NUMBER}/services")
        assert answer.status_code == 200, answer.text
        return list(answer.json())

    def confirm(self, order_number: str) -> None:
        """The gateway approves the order: the path a sandbox payment credits the balance by."""
        from annet_server.billing import payments

        with self.state.sessionmaker() as db:
            payments.confirm_payment(
                db, self.clock, order_number, approved=True, billnumber="4276000011112222"
            )
            db.commit()

    # ------------------------------------------------------------------ white-box reads

    def new_rows(self) -> list[Row]:
        """Balance rows written since the last call, oldest first."""
        last = self.rows[-1].id if self.rows else 0
        with self.state.sessionmaker() as db:
            found = db.execute(
                select(m.BalanceEntry).where(m.BalanceEntry.id > last).order_by(m.BalanceEntry.id)
            ).scalars()
            fresh = [
                Row(e.id, e.at.astimezone(MSK), e.amount_kopecks, e.kind, e.description,
                    e.balance_after_kopecks)
                for e in found
            ]
        self.rows.extend(fresh)
        return fresh

    def balance_at(self, when: dt.datetime) -> int:
        """The balance after the last row at or before ``when`` (rows only grow in time)."""
        for row in reversed(self.rows):
            if row.at <= when:
                return row.balance_after
        return 0


def money(text: str) -> int:
    """Kopecks of a wire amount ("1234.50")."""
    return int(Decimal(text) * 100)
