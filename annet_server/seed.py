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
import hashlib
import random
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
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
    issue_receipt,
    midnight,
    month_start,
    next_month_start,
)
from .billing.recalc import catalog_label
from .db import to_kopecks
from .demo_subscribers import CASES, DEMO, DemoSpec, demo_accounts
from .passwords import hash_password
from .seed_calls import generate_calls, insert_calls

__all__ = ["BIG_CALLS", "CASES", "DEMO", "DemoSpec", "demo_accounts", "seed_demo", "seed_demo_staged"]

#: calls of the business line in the current month
BIG_CALLS = 100_000
#: the random seed of that month's calls (their own generator: they are added last, maybe later)
BIG_MONTH_SEED = 20261125
# --------------------------------------------------------------------------- catalogue

#: catalogue: key → (name, name_en, kind, description, description_en, orderable, tariffs)
#: tariff: (name, fee ₽, promo, discounts, selectable, description)
_CATALOG: dict[str, tuple[str, str, str, str, str, bool, list[tuple[str, str, bool, bool, bool, str]]]] = {
    "internet": (
        "Доступ в интернет", "Internet access", "internet",
        "Домашний интернет по оптике в Твери.", "Fibre home Internet in Tver.", True,
        [
            ("Домашний 100", "550.00", False, True, True, "100 Мбит/с без ограничения трафика"),
            ("Домашний 300", "750.00", False, True, True, "300 Мбит/с без ограничения трафика"),
            ("Домашний 500", "950.00", False, True, True, "500 Мбит/с без ограничения трафика"),
            ("Акция: Гигабит за 1 ₽", "1.00", True, False, False, "1 Гбит/с по акции для новых абонентов"),
            ("Социальный 30", "350.00", False, False, True, "30 Мбит/с для пенсионеров"),
        ],
    ),
    "phone": (
        "Телефония", "Telephony", "telephony",
        "Городской телефонный номер (4822).", "A Tver landline number (4822).", True,
        [
            ("Городской безлимитный", "390.00", False, False, True, "Безлимитные местные звонки"),
            ("Городской повременный", "190.00", False, False, True, "Местные звонки 0,40 ₽/мин"),
            ("Бизнес-линия 30", "4500.00", False, False, False, "30 линий, многоканальный номер"),
        ],
    ),
    "iptv": (
        "IPTVPORTAL", "IPTVPORTAL", "iptv",
        "Платное IP-телевидение на Smart TV, приставке и в браузере.",
        "Paid IP television on Smart TV, set-top box and browser.", True,
        [
            ("Базовый", "199.00", False, False, True, "Более 100 каналов"),
            ("Расширенный", "349.00", False, False, True, "Более 180 каналов, 30 в HD"),
            ("Максимальный", "599.00", False, False, True, "Более 250 каналов, кино и спорт"),
        ],
    ),
    "static_ip": (
        "Статический IP-адрес", "Static IP address", "other",
        "Постоянный внешний IP-адрес.", "A permanent public IP address.", True,
        [("Статический IP", "150.00", False, False, True, "Один адрес IPv4")],
    ),
    "antivirus": (
        "Антивирус Dr.Web", "Dr.Web antivirus", "other",
        "Защита компьютера по подписке.", "Computer protection by subscription.", True,
        [("Dr.Web Премиум", "99.00", False, False, True, "1 компьютер")],
    ),
}  # fmt: skip

#: the English of each tariff's description (a tariff's name is the same in both languages)
_TARIFF_DESCRIPTIONS_EN = {
    "100 Мбит/с без ограничения трафика": "100 Mbit/s, unlimited traffic",
    "300 Мбит/с без ограничения трафика": "300 Mbit/s, unlimited traffic",
    "500 Мбит/с без ограничения трафика": "500 Mbit/s, unlimited traffic",
    "1 Гбит/с по акции для новых абонентов": "1 Gbit/s, a promotion for new subscribers",
    "30 Мбит/с для пенсионеров": "30 Mbit/s for pensioners",
    "Безлимитные местные звонки": "Unlimited local calls",
    "Местные звонки 0,40 ₽/мин": "Local calls at 0.40 ₽/min",
    "30 линий, многоканальный номер": "30 lines, a multi-line number",
    "Более 100 каналов": "Over 100 channels",
    "Более 180 каналов, 30 в HD": "Over 180 channels, 30 in HD",
    "Более 250 каналов, кино и спорт": "Over 250 channels, films and sport",
    "Один адрес IPv4": "One IPv4 address",
    "1 компьютер": "1 computer",
}

#: the loyalty offers «Больше платишь — меньше тратишь!» of every discount-eligible tariff: (percent, months)
_OFFERS = ((5, 3), (10, 6), (15, 12))

# --------------------------------------------------------------------------- the builder


@dataclass
class _Acc:
    row: m.Account
    services: list[m.Service] = field(default_factory=list)
    #: (at, amount kopecks, kind, message key, params)
    moves: list[tuple[dt.datetime, int, s.BalanceKind, str, dict[str, Any]]] = field(default_factory=list)
    calls_cost: dict[tuple[int, int], int] = field(default_factory=dict)


class _Seeder:
    def __init__(self, db: Session, now: dt.datetime, big_calls: bool) -> None:
        self.db = db
        self.now = now.astimezone(MOSCOW)
        self.today = self.now.date()
        self.this_month = month_start(self.today)
        self.big_calls = big_calls
        self.rng = random.Random(20261116)
        #: the business line's month: (account id, lines, first second, count) — see seed_demo_staged
        self.big_month: tuple[int, list[str], dt.datetime, int] = (0, [], now, 0)
        # argon2 runs outside the GIL: hash the ten demo passwords while the rest is built
        self._hashing = ThreadPoolExecutor(max_workers=2, thread_name_prefix="annet-seed-hash")
        self._hashes = {d.account: self._hashing.submit(hash_password, d.password) for d in DEMO}
        self.tariffs: dict[str, m.Tariff] = {}
        self.catalog: dict[str, m.CatalogItem] = {}
        self.specs = {d.account: d for d in DEMO}

    def close(self) -> None:
        self._hashing.shutdown(wait=True, cancel_futures=True)

    # ---------------------------------------------------------------- catalogue
    def catalogue(self) -> None:
        for sort, (key, (name, name_en, kind, desc, desc_en, orderable, tariffs)) in enumerate(
            _CATALOG.items()
        ):
            item = m.CatalogItem(
                name=name,
                name_en=name_en,
                kind=kind,
                description=desc,
                description_en=desc_en,
                orderable=orderable,
                sort=sort,
            )
            self.db.add(item)
            self.db.flush()
            self.catalog[key] = item
            for tsort, (tname, fee, promo, discounts, selectable, tdesc) in enumerate(tariffs):
                tariff = m.Tariff(
                    catalog_id=item.id,
                    name=tname,
                    fee_kopecks=to_kopecks(Decimal(fee)),
                    promo=promo,
                    discounts=discounts,
                    selectable=selectable,
                    description=tdesc,
                    description_en=_TARIFF_DESCRIPTIONS_EN[tdesc],
                    sort=tsort,
                )
                self.db.add(tariff)
                self.db.flush()
                self.tariffs[tname] = tariff
                if discounts:
                    for percent, months in _OFFERS:
                        self.db.add(m.DiscountOffer(tariff_id=tariff.id, percent=percent, months=months))
        self.db.flush()

    # ---------------------------------------------------------------- people
    def subscriber(self, spec: DemoSpec, since: dt.date) -> m.Subscriber:
        sub = m.Subscriber(
            name=spec.name,
            address=spec.address,
            contract=spec.contract,
            sms_phone=spec.sms_phone,
            email=spec.email,
            password_hash=self._hashes[spec.account].result(),
            password_changed_at=None,
        )
        self.db.add(sub)
        self.db.flush()
        return sub

    def account(self, sub: m.Subscriber, number: str, kind: s.AccountKind, since: dt.date) -> _Acc:
        row = m.Account(
            subscriber_id=sub.id,
            number=number,
            kind=kind.value,
            title=messages.message(f"account.title.{kind.value}", "ru"),
            title_en=messages.message(f"account.title.{kind.value}", "en"),
            balance_kopecks=0,
            financial_block=False,
            charged_through=self.this_month,
            caught_up_at=self.now,
            created_at=midnight(since),
        )
        self.db.add(row)
        self.db.flush()
        return _Acc(row)

    def service(self, acc: _Acc, catalog: str, tariff: str, since: dt.date, **flags: Any) -> m.Service:
        svc = m.Service(
            account_id=acc.row.id,
            catalog_id=self.catalog[catalog].id,
            tariff_id=self.tariffs[tariff].id,
            quantity=1,
            created_at=midnight(since) + dt.timedelta(hours=11),
            **flags,
        )
        self.db.add(svc)
        self.db.flush()
        acc.services.append(svc)
        return svc

    # ---------------------------------------------------------------- money
    def months_back(self, count: int) -> list[dt.date]:
        """The 1sts of the last ``count`` months up to and including this one, oldest first."""
        return [add_months(self.this_month, -i) for i in range(count - 1, -1, -1)]

    def monthly_charges(
        self, acc: _Acc, months: int, *, skip: set[tuple[int, dt.date]] | None = None
    ) -> None:
        skip = skip or set()
        for first in self.months_back(months):
            for svc in acc.services:
                if (svc.id, first) in skip or svc.created_at.date() > first:
                    continue
                tariff = self.db.get(m.Tariff, svc.tariff_id)
                assert tariff is not None
                item = self.db.get(m.CatalogItem, svc.catalog_id)
                assert item is not None
                acc.moves.append(
                    (
                        midnight(first),
                        -tariff.fee_kopecks * svc.quantity,
                        s.BalanceKind.CHARGE,
                        "balance.charge",
                        {"month": (first.year, first.month), "service": catalog_label(item, tariff)},
                    )
                )
            previous = add_months(first, -1)
            cost = acc.calls_cost.get((previous.year, previous.month), 0)
            if cost:
                acc.moves.append(
                    (
                        midnight(first) + dt.timedelta(minutes=5),
                        -cost,
                        s.BalanceKind.CALLS,
                        "balance.calls",
                        {"month": (previous.year, previous.month)},
                    )
                )

    def payment(
        self, acc: _Acc, at: dt.datetime, rub: int, how: str = "bank", order: str | None = None
    ) -> None:
        if at > self.now:
            return
        if how == "online":
            order = order or f"{at:%y%m%d}{self.rng.randrange(10**6):06d}"
            acc.moves.append(
                (at, rub * 100, s.BalanceKind.PAYMENT, "balance.payment_online", {"order": order})
            )
            self.journal(
                acc, at, s.JournalAction.PAYMENT, s.Actor.SUBSCRIBER,
                new=_value("value.payment", amount=f"{rub}.00", order=order),
            )  # fmt: skip
        else:
            acc.moves.append((at, rub * 100, s.BalanceKind.PAYMENT, f"balance.payment_{how}", {}))

    def regular_payments(self, acc: _Acc, months: int, rub: int, *, skip_last: int = 0) -> None:
        firsts = self.months_back(months)
        for i, first in enumerate(firsts[: len(firsts) - skip_last] if skip_last else firsts):
            day = 18 + (i * 3) % 9
            at = midnight(first.replace(day=day)) + dt.timedelta(hours=10 + i % 8, minutes=(i * 17) % 60)
            self.payment(acc, at, rub, ("bank", "online", "cash")[i % 3])

    def settle_balance(self, acc: _Acc, target_rub: Decimal, opening_at: dt.datetime) -> None:
        """Write the moves with running balances; an opening correction makes the end equal ``target``."""
        moves = sorted(acc.moves, key=lambda mv: mv[0])
        total = sum(mv[1] for mv in moves)
        opening = to_kopecks(target_rub) - total
        balance = 0
        entries = [(opening_at, opening, s.BalanceKind.CORRECTION, "balance.opening", {}), *moves]
        for at, amount, kind, key, params in entries:
            if amount == 0:
                continue
            balance += amount
            entry = m.BalanceEntry(
                account_id=acc.row.id,
                at=at,
                amount_kopecks=amount,
                kind=kind.value,
                description=messages.message(key, "ru", **params),
                description_en=messages.message(key, "en", **params),
                balance_after_kopecks=balance,
            )
            self.db.add(entry)
            if key == "balance.payment_online":
                self.paid_order(acc, entry, params["order"])
        acc.row.balance_kopecks = balance

    def paid_order(self, acc: _Acc, entry: m.BalanceEntry, order_number: str) -> None:
        """The paid order of a seeded online payment and its 54-FZ receipt."""
        sub = self.db.get(m.Subscriber, acc.row.subscriber_id)
        order = m.PaymentOrder(
            order_number=order_number,
            account_id=acc.row.id,
            amount_kopecks=entry.amount_kopecks,
            state=s.OrderState.PAID.value,
            email=sub.email if sub is not None else None,
            payment_url="",
            created_at=entry.at - dt.timedelta(minutes=2),
            paid_at=entry.at,
            billnumber=str(int(hashlib.sha256(order_number.encode()).hexdigest(), 16))[:16],
        )
        self.db.add(order)
        self.db.flush()
        issue_receipt(self.db, order, entry, entry.at)

    # ---------------------------------------------------------------- journal
    def journal(
        self,
        acc: _Acc | None,
        at: dt.datetime,
        action: s.JournalAction,
        actor: s.Actor,
        *,
        sub_id: int | None = None,
        service: str | None = None,
        old: str | None = None,
        new: str | None = None,
    ) -> None:
        self.db.add(
            m.JournalEntry(
                subscriber_id=sub_id if sub_id is not None else acc.row.subscriber_id,  # type: ignore[union-attr]
                at=at,
                actor=actor.value,
                action=action.value,
                account_number=acc.row.number if acc else None,
                service=service,
                old_value=old,
                new_value=new,
            )
        )

    # ---------------------------------------------------------------- calls
    def add_calls(self, acc: _Acc, rows: Iterable[dict[str, Any]]) -> None:
        for key, cost in insert_calls(self.db, acc.row.id, rows).items():
            acc.calls_cost[key] = acc.calls_cost.get(key, 0) + cost


def _value(key: str, **params: Any) -> str:
    from .billing.journal import _encode_value

    return _encode_value(key, **params)


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
        seeder = _Seeder(db, now, big_calls)
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


def _build(x: _Seeder) -> None:
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
        old=_value("value.active"), new=_value("block.financial"),
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
        old=_value("block.financial"), new=_value("value.credit_in_force", until=messages.format_date(ends)),
    )  # fmt: skip
    x.journal(
        acc, ends, s.JournalAction.CREDIT_END, s.Actor.SYSTEM,
        old=_value("value.credit_in_force", until=messages.format_date(ends)),
        new=_value("value.credit_unrepaid"),
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
        old=_value("value.active"), new=_value("block.administrative"),
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
        old=_value("value.none"),
        new=_value(
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
