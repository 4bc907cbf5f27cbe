"""Plain subscribers for the load test: many accounts alike, so no one account's throttle dominates.

``annet-server seed-demo --db URL --load-subscribers N`` adds, after the demo data, N subscribers
numbered from :data:`FIRST_NUMBER` up, all with the password :data:`LOAD_PASSWORD`: one mixed
account (internet «Домашний 300» and a time-billed home phone), three months of charges and
payments, a few hundred calls, contacts set. Built with the demo's own seeder, so their balances
equal the sum of their rows as every demo account's do.
"""

from __future__ import annotations

import datetime as dt
from concurrent.futures import Future
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from annet_contract import schema as s

from . import models as m
from .billing import add_months, midnight
from .demo_subscribers import DemoSpec
from .passwords import hash_password
from .seed_builder import CATALOG, Seeder
from .seed_calls import generate_calls

#: the first load subscriber's account number (the demo's are 100001…100011)
FIRST_NUMBER = 300001
#: every load subscriber's password
LOAD_PASSWORD = "load2026pass"


def load_numbers(count: int) -> list[str]:
    """The account numbers of ``count`` load subscribers."""
    return [str(FIRST_NUMBER + i) for i in range(count)]


def _known_catalogue(x: Seeder) -> None:
    """Point the seeder at the catalogue and tariffs the demo already wrote."""
    for key, (name, *_rest) in CATALOG.items():
        item = x.db.execute(select(m.CatalogItem).where(m.CatalogItem.name == name)).scalars().one()
        x.catalog[key] = item
    for tariff in x.db.execute(select(m.Tariff)).scalars():
        x.tariffs[tariff.name] = tariff


def seed_load_subscribers(db: Session, now: dt.datetime, count: int) -> list[str]:
    """Add ``count`` plain subscribers (the demo must be seeded); their account numbers."""
    x = Seeder(db, now, big_calls=False)
    try:
        _known_catalogue(x)
        hashed: Future[str] = Future()
        hashed.set_result(hash_password(LOAD_PASSWORD))
        three_ago = add_months(x.this_month, -3)
        for i, number in enumerate(load_numbers(count)):
            x._hashes[number] = hashed
            spec = DemoSpec(
                number,
                LOAD_PASSWORD,
                f"Нагрузочный абонент {i + 1}",
                ("load",),
                f"г. Тверь, ул. Нагрузочная, д. {i + 1}",
                f"Н-2026/{i + 1:04d}",
                f"9{i:09d}"[:10],
                f"load{i + 1}@example.ru",
            )
            sub = x.subscriber(spec, three_ago)
            acc = x.account(sub, number, s.AccountKind.MIXED, three_ago)
            x.service(acc, "internet", "Домашний 300", three_ago)
            x.service(acc, "phone", "Городской повременный", three_ago)
            x.add_calls(
                acc,
                generate_calls(
                    acc.row.id, [f"8482260{i:04d}"], midnight(three_ago), x.now, 300, x.rng, free_local=False
                ),
            )
            x.monthly_charges(acc, 3)
            x.regular_payments(acc, 3, 1200)
            x.settle_balance(acc, Decimal("5000.00"), midnight(three_ago) - dt.timedelta(days=1))
        db.commit()
    finally:
        x.close()
    return load_numbers(count)
