"""Demo data of the reference server (SPEC §6): Tver subscribers, one per tagged case at least.

Deterministic: a fixed random seed, and every date relative to ``now`` (the demo's "today"), so the
same cases hold whenever the demo is seeded: a discount that ends this month, a credit that ended
unrepaid less than 2 months ago, a financial block, a year of calls on a home phone and a business
line with 100,000 calls in the current month. Calls (:mod:`annet_server.seed_calls`) go in with Core
bulk inserts: the whole seed takes about a second.

``demo_accounts()`` lists the logins without a database (the CLI, the README and the app's demo
login list use it; the subscribers are described in :mod:`annet_server.demo_subscribers`);
``seed_demo(engine_or_sessionmaker, now)`` fills a database and returns the same;
``seed_demo_staged`` seeds all but the 100,000 calls and returns the function that adds them (the
demo app serves while they go in).
"""

from __future__ import annotations

import datetime as dt
import random
import threading
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from annet_contract import schema as s
from annet_contract.schema import MOSCOW

from . import messages
from . import models as m
from .billing import (
    add_months,
    credit_banned_until,
    credit_ends_at,
    discounted_fee_kopecks,
    midnight,
    month_start,
    next_month_start,
)
from .demo_subscribers import CASES, DEMO, DemoSpec, demo_accounts
from .seed_builder import Seeder, journal_value
from .seed_calls import generate_calls, insert_calls

__all__ = ["BIG_CALLS", "CASES", "DEMO", "DemoSpec", "demo_accounts", "seed_demo", "seed_demo_staged"]

#: calls of the business line in the current month
BIG_CALLS = 100_000
#: the random seed of that month's calls (their own generator: they are added last, maybe later)
BIG_MONTH_SEED = 20261125
# --------------------------------------------------------------------------- the demo


def seed_demo(
    target: Engine | sessionmaker[Session] | Any, now: dt.datetime, *, big_calls: bool = True
) -> list[s.DemoAccount]:
    """Fill an empty database (schema created) with the demo data for ``now``; the demo logins."""
    seed_demo_staged(target, now, big_calls=big_calls)()
    return demo_accounts()


def seed_demo_staged(
    target: Engine | sessionmaker[Session] | Any, now: dt.datetime, *, big_calls: bool = True
) -> Callable[..., None]:
    """Seed all the demo but the business line's calls of this month; return what adds them.

    Logins, balances and every other account need nothing more, so the demo app serves as soon as
    this returns and calls the returned function in a background thread (the calls endpoint waits
    for it); the data is the same as :func:`seed_demo`'s, which calls it at once.
    """
    if isinstance(target, Engine):
        factory: Any = sessionmaker(bind=target, expire_on_commit=False)
    else:
        factory = target
    if now.tzinfo is None:
        now = now.replace(tzinfo=MOSCOW)
    with factory() as db:
        seeder = Seeder(db, now, big_calls)
        try:
            seeder.catalogue()
            _build(seeder)
            db.commit()
        finally:
            seeder.close()
    account_id, lines, start, count = seeder.big_month

    def add_big_month(pause: float | None = None, stop: threading.Event | None = None) -> None:
        """Add the month; with ``pause``, in small transactions with a sleep after each, until ``stop``."""
        rng = random.Random(BIG_MONTH_SEED)
        rows = generate_calls(account_id, lines, start, now, count, rng, free_local=True)
        with factory() as db:
            chunk = 20_000 if pause is None else 2_000
            insert_calls(db, account_id, rows, chunk=chunk, pause=pause, stop=stop)
            db.commit()

    return add_big_month


def _build(x: Seeder) -> None:
    now, this_month, rng = x.now, x.this_month, x.rng
    spec = x.specs
    long_ago = add_months(this_month, -30)

    # 1. internet-discount: Домашний 300, balance above the largest advance (750 × 0.85 × 12 = 7 650 ₽)
    sub = x.subscriber(spec["100001"], long_ago)
    acc = x.account(sub, "100001", s.AccountKind.INTERNET, long_ago)
    x.service(acc, "internet", "Домашний 300", long_ago)
    x.monthly_charges(acc, 7)
    x.regular_payments(acc, 7, 1500)
    x.payment(acc, now - dt.timedelta(days=2, hours=3), 5000, "online")
    x.settle_balance(acc, Decimal("9350.00"), midnight(add_months(this_month, -7)))
    x.journal(
        acc, midnight(add_months(this_month, -3).replace(day=9)) + dt.timedelta(hours=19),
        s.JournalAction.CONTACT_EMAIL, s.Actor.SUBSCRIBER,
        old="anna.smirnova@example.ru", new="a.smirnova@example.ru",
    )  # fmt: skip

    # 2. multi-account: internet + a separate telephony account
    sub = x.subscriber(spec["100002"], long_ago)
    acc = x.account(sub, "100002", s.AccountKind.INTERNET, long_ago)
    x.service(acc, "internet", "Домашний 100", long_ago)
    x.service(acc, "static_ip", "Статический IP", long_ago)
    x.monthly_charges(acc, 7)
    x.regular_payments(acc, 7, 800)
    x.settle_balance(acc, Decimal("412.30"), midnight(add_months(this_month, -7)))
    acc2 = x.account(sub, "100003", s.AccountKind.TELEPHONY, long_ago)
    x.service(acc2, "phone", "Городской повременный", long_ago)
    x.add_calls(
        acc2,
        generate_calls(
            acc2.row.id,
            ["84822354017"],
            midnight(add_months(this_month, -3)),
            now,
            240,
            rng,
            free_local=False,
        ),
    )
    x.monthly_charges(acc2, 7)
    x.regular_payments(acc2, 7, 300)
    x.settle_balance(acc2, Decimal("157.60"), midnight(add_months(this_month, -7)))

    # 3. telephony: internet + home phone on one account, a year of calls
    sub = x.subscriber(spec["100004"], long_ago)
    acc = x.account(sub, "100004", s.AccountKind.MIXED, long_ago)
    x.service(acc, "internet", "Домашний 500", long_ago)
    x.service(acc, "phone", "Городской безлимитный", long_ago)
    year_ago = midnight(add_months(this_month, -12))
    x.add_calls(acc, generate_calls(acc.row.id, ["84822431562"], year_ago, now, 1900, rng, free_local=True))
    x.monthly_charges(acc, 13)
    x.regular_payments(acc, 13, 1500)
    x.settle_balance(acc, Decimal("1210.45"), year_ago - dt.timedelta(days=1))
    x.journal(
        acc, midnight(add_months(this_month, -13).replace(day=4)) + dt.timedelta(hours=20, minutes=12),
        s.JournalAction.TARIFF, s.Actor.SUBSCRIBER, service="Доступ в интернет",
        old="Домашний 300", new="Домашний 500",
    )  # fmt: skip

    # 4. business-100k: a 30-line business number, 100,000 calls this month
    sub = x.subscriber(spec["100005"], long_ago)
    acc = x.account(sub, "100005", s.AccountKind.TELEPHONY, long_ago)
    x.service(acc, "phone", "Бизнес-линия 30", long_ago)
    x.service(acc, "internet", "Домашний 500", long_ago)
    lines = [f"8482277{n:04d}" for n in range(1, 31)]
    for back in (2, 1):
        first = add_months(this_month, -back)
        x.add_calls(
            acc,
            generate_calls(
                acc.row.id,
                lines,
                midnight(first),
                midnight(next_month_start(first)),
                3000,
                rng,
                free_local=True,
            ),
        )
    # this month's calls (not charged yet) are added by the function seed_demo_staged returns
    x.big_month = (acc.row.id, lines, midnight(this_month), BIG_CALLS if x.big_calls else 2_000)
    x.monthly_charges(acc, 3)
    x.regular_payments(acc, 3, 15000)
    x.settle_balance(acc, Decimal("23840.00"), midnight(add_months(this_month, -3)))

    # 5. credit-available: negative balance, financially blocked, no credit history
    sub = x.subscriber(spec["100006"], long_ago)
    acc = x.account(sub, "100006", s.AccountKind.INTERNET, long_ago)
    x.service(acc, "internet", "Домашний 100", long_ago)
    x.monthly_charges(acc, 5)
    x.regular_payments(acc, 5, 550, skip_last=2)
    x.settle_balance(acc, Decimal("-320.00"), midnight(add_months(this_month, -5)))
    block_at = _last_eleventh(now)
    acc.row.financial_block = True
    acc.row.financial_block_since = block_at
    x.journal(
        acc, block_at, s.JournalAction.BLOCK, s.Actor.SYSTEM,
        old=journal_value("value.active"), new=journal_value("block.financial"),
    )  # fmt: skip

    # 6. credit-banned: an unrepaid credit ended less than 2 months ago → blocked, no credit button
    sub = x.subscriber(spec["100007"], long_ago)
    acc = x.account(sub, "100007", s.AccountKind.INTERNET, long_ago)
    x.service(acc, "internet", "Домашний 300", long_ago)
    x.monthly_charges(acc, 6)
    x.regular_payments(acc, 6, 750, skip_last=2)
    x.settle_balance(acc, Decimal("-1480.00"), midnight(add_months(this_month, -6)))
    taken = midnight(x.today - dt.timedelta(days=27)) + dt.timedelta(hours=14, minutes=20)
    ends = credit_ends_at(taken)
    x.db.add(m.Credit(account_id=acc.row.id, taken_at=taken, ends_at=ends, state="unrepaid", settled_at=ends))
    acc.row.credit_banned_until = credit_banned_until(ends)
    acc.row.financial_block = True
    acc.row.financial_block_since = ends
    x.journal(
        acc, taken, s.JournalAction.CREDIT, s.Actor.SUBSCRIBER,
        old=journal_value("block.financial"),
        new=journal_value("value.credit_in_force", until=messages.format_date(ends)),
    )  # fmt: skip
    x.journal(
        acc, ends, s.JournalAction.CREDIT_END, s.Actor.SYSTEM,
        old=journal_value("value.credit_in_force", until=messages.format_date(ends)),
        new=journal_value("value.credit_unrepaid"),
    )  # fmt: skip

    # 7. promo-tariff: «Акция: Гигабит за 1 ₽»
    sub = x.subscriber(spec["100008"], add_months(this_month, -4))
    acc = x.account(sub, "100008", s.AccountKind.INTERNET, add_months(this_month, -4))
    x.service(acc, "internet", "Акция: Гигабит за 1 ₽", add_months(this_month, -4))
    x.service(acc, "iptv", "Базовый", add_months(this_month, -2))
    x.monthly_charges(acc, 4)
    x.regular_payments(acc, 4, 300)
    x.settle_balance(acc, Decimal("596.00"), midnight(add_months(this_month, -4)) + dt.timedelta(hours=9))

    # 8. admin-block: IPTV under an administrative block
    sub = x.subscriber(spec["100009"], long_ago)
    acc = x.account(sub, "100009", s.AccountKind.INTERNET, long_ago)
    x.service(acc, "internet", "Домашний 100", long_ago)
    iptv = x.service(acc, "iptv", "Расширенный", add_months(this_month, -8), admin_block=True)
    x.monthly_charges(acc, 6)
    x.regular_payments(acc, 6, 900)
    x.settle_balance(acc, Decimal("1034.00"), midnight(add_months(this_month, -6)))
    x.journal(
        acc, midnight(add_months(this_month, -1).replace(day=23)) + dt.timedelta(hours=15),
        s.JournalAction.BLOCK, s.Actor.OPERATOR, service="IPTVPORTAL",
        old=journal_value("value.active"), new=journal_value("block.administrative"),
    )  # fmt: skip
    del iptv

    # 9. discount-extendable: a 10 % discount for 6 months that ends this month (window open)
    sub = x.subscriber(spec["100010"], long_ago)
    acc = x.account(sub, "100010", s.AccountKind.INTERNET, long_ago)
    svc = x.service(acc, "internet", "Домашний 300", long_ago)
    starts = add_months(this_month, -5)
    ends_on = next_month_start(this_month) - dt.timedelta(days=1)
    fee = discounted_fee_kopecks(x.tariffs["Домашний 300"].fee_kopecks, 10)
    bought = midnight(starts - dt.timedelta(days=9)) + dt.timedelta(hours=18, minutes=40)
    x.db.add(
        m.Discount(
            service_id=svc.id, offer_id=None, percent=10, months=6, starts_on=starts, ends_on=ends_on,
            fee_with_discount_kopecks=fee, advance_kopecks=fee * 6, created_at=bought,
        )
    )  # fmt: skip
    x.payment(acc, bought - dt.timedelta(minutes=25), 4500, "online")
    acc.moves.append(
        (
            bought, -fee * 6, s.BalanceKind.DISCOUNT_ADVANCE, "balance.discount_advance",
            {"percent": 10, "months": 6, "service": "Доступ в интернет «Домашний 300»"},
        )
    )  # fmt: skip
    covered = {(svc.id, first) for first in x.months_back(6)}
    x.monthly_charges(acc, 8, skip=covered)
    x.regular_payments(acc, 3, 1000)
    x.settle_balance(acc, Decimal("5210.00"), midnight(add_months(this_month, -8)))
    x.journal(
        acc, bought, s.JournalAction.DISCOUNT, s.Actor.SUBSCRIBER, service="Доступ в интернет",
        old=journal_value("value.none"),
        new=journal_value(
            "value.discount", percent=10,
            start=messages.format_date(starts), end=messages.format_date(ends_on),
        ),
    )  # fmt: skip

    # 10. no-contacts: neither SMS number nor e-mail
    sub = x.subscriber(spec["100011"], long_ago)
    acc = x.account(sub, "100011", s.AccountKind.INTERNET, long_ago)
    x.service(acc, "internet", "Социальный 30", long_ago)
    x.monthly_charges(acc, 4)
    x.regular_payments(acc, 4, 400)
    x.settle_balance(acc, Decimal("250.00"), midnight(add_months(this_month, -4)))
    x.journal(
        acc, midnight(add_months(this_month, -1).replace(day=2)) + dt.timedelta(hours=12),
        s.JournalAction.CONTACT_SMS, s.Actor.OPERATOR, old="9043332211", new=None,
    )  # fmt: skip
    x.db.flush()


def _last_eleventh(now: dt.datetime) -> dt.datetime:
    """00:00 of the latest 11th at or before ``now`` (when a financial block would have started)."""
    first = month_start(now.date())
    eleventh = midnight(first.replace(day=11))
    return eleventh if eleventh <= now else midnight(add_months(first, -1).replace(day=11))
