"""The demo's builder: the catalogue it offers and the helper that writes subscribers and their history.

:class:`Seeder` writes into one session: the catalogue (:data:`CATALOG`, its tariffs and loyalty
offers), subscribers, accounts and services, months of charges and payments settled to a stated
balance, paid orders with their receipts, journal entries and calls
(:mod:`annet_server.seed_calls`). :mod:`annet_server.seed` tells it the demo's story;
:mod:`annet_server.loadseed` adds the load test's plain subscribers with it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from annet_contract import schema as s
from annet_contract.schema import MOSCOW

from . import messages
from . import models as m
from .billing import (
    add_months,
    issue_receipt,
    midnight,
    month_start,
)
from .billing.recalc import catalog_label
from .db import to_kopecks
from .demo_subscribers import DEMO, DemoSpec
from .passwords import hash_password
from .seed_calls import insert_calls

# --------------------------------------------------------------------------- catalogue

#: catalogue: key → (name, name_en, kind, description, description_en, orderable, tariffs)
#: tariff: (name, fee ₽, promo, discounts, selectable, description)
CATALOG: dict[str, tuple[str, str, str, str, str, bool, list[tuple[str, str, bool, bool, bool, str]]]] = {
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
class SeededAccount:
    """An account being seeded: its row, its services, its balance moves and its calls' cost per month."""

    row: m.Account
    services: list[m.Service] = field(default_factory=list)
    #: (at, amount kopecks, kind, message key, params)
    moves: list[tuple[dt.datetime, int, s.BalanceKind, str, dict[str, Any]]] = field(default_factory=list)
    calls_cost: dict[tuple[int, int], int] = field(default_factory=dict)


class Seeder:
    """Writes the demo's catalogue, subscribers and their history into one session (``close`` when done)."""

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
            CATALOG.items()
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

    def account(self, sub: m.Subscriber, number: str, kind: s.AccountKind, since: dt.date) -> SeededAccount:
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
        return SeededAccount(row)

    def service(
        self, acc: SeededAccount, catalog: str, tariff: str, since: dt.date, **flags: Any
    ) -> m.Service:
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
        self, acc: SeededAccount, months: int, *, skip: set[tuple[int, dt.date]] | None = None
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
        self, acc: SeededAccount, at: dt.datetime, rub: int, how: str = "bank", order: str | None = None
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
                new=journal_value("value.payment", amount=f"{rub}.00", order=order),
            )  # fmt: skip
        else:
            acc.moves.append((at, rub * 100, s.BalanceKind.PAYMENT, f"balance.payment_{how}", {}))

    def regular_payments(self, acc: SeededAccount, months: int, rub: int, *, skip_last: int = 0) -> None:
        firsts = self.months_back(months)
        for i, first in enumerate(firsts[: len(firsts) - skip_last] if skip_last else firsts):
            day = 18 + (i * 3) % 9
            at = midnight(first.replace(day=day)) + dt.timedelta(hours=10 + i % 8, minutes=(i * 17) % 60)
            self.payment(acc, at, rub, ("bank", "online", "cash")[i % 3])

    def settle_balance(self, acc: SeededAccount, target_rub: Decimal, opening_at: dt.datetime) -> None:
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

    def paid_order(self, acc: SeededAccount, entry: m.BalanceEntry, order_number: str) -> None:
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
        acc: SeededAccount | None,
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
    def add_calls(self, acc: SeededAccount, rows: Iterable[dict[str, Any]]) -> None:
        for key, cost in insert_calls(self.db, acc.row.id, rows).items():
            acc.calls_cost[key] = acc.calls_cost.get(key, 0) + cost


def journal_value(key: str, **params: Any) -> str:
    from .billing.journal import _encode_value

    return _encode_value(key, **params)
