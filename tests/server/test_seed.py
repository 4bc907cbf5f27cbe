"""The demo data (SPEC §6): every tagged case holds, for the conftest's ``now`` and for other days;
the 100,000-call month pages completely; the seed is deterministic and fast."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from annet_contract.schema import MOSCOW, BlockKind, DiscountMode
from annet_server import billing
from annet_server import models as m
from annet_server.clock import FakeClock
from annet_server.db import create_schema, make_engine, make_sessionmaker
from annet_server.passwords import verify_password
from annet_server.seed import BIG_CALLS, CASES, demo_accounts, seed_demo, seed_demo_staged

SEED_NOW = dt.datetime(2026, 11, 16, 12, 0, tzinfo=MOSCOW)


class Demo:
    """A seeded demo database with a FakeClock at the seed's ``now``."""

    def __init__(self, path: Path, now: dt.datetime, big_calls: bool) -> None:
        self.engine = make_engine(f"sqlite:///{path}")
        create_schema(self.engine)
        self.accounts = seed_demo(self.engine, now, big_calls=big_calls)
        self.sessions = make_sessionmaker(self.engine)
        self.clock = FakeClock(now)

    def login(self, case: str) -> int:
        demo = next(a for a in self.accounts if case in a.cases)
        with self.sessions() as db:
            sub = billing.find_subscriber_by_account(db, demo.account)
            assert sub is not None and verify_password(sub.password_hash, demo.password)
            return sub.id

    def run(self, fn: Any, sub_id: int, *args: Any) -> Any:
        with self.sessions() as db:
            billing.catch_up(db, self.clock, sub_id)
            out = fn(db, self.clock, sub_id, *args)
            db.commit()
            return out

    def accounts_of(self, sub_id: int) -> list[Any]:
        me = self.run(billing.get_me, sub_id, "ru")
        return [self.run(billing.get_account, sub_id, ref.number, "ru") for ref in me.accounts]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    seeded = Demo(tmp_path_factory.mktemp("seed") / "demo.db", SEED_NOW, big_calls=True)
    yield seeded
    seeded.engine.dispose()


def test_demo_accounts_without_a_database_match_the_seed(demo: Demo) -> None:
    assert demo.accounts == demo_accounts()
    cases = {c for a in demo.accounts for c in a.cases}
    assert cases == set(CASES)
    numbers = [a.account for a in demo.accounts]
    assert len(set(numbers)) == len(numbers) and all(n.isdigit() for n in numbers)
    for a in demo.accounts:
        assert len(a.password) >= 6 and any(ch.isdigit() for ch in a.password)
        assert any(ch.isalpha() for ch in a.password)


def check_cases(d: Demo) -> None:
    """Every SPEC §6 case as the subscriber sees it through billing."""
    today = d.clock.now().date()

    sub = d.login("internet-discount")
    (account,) = d.accounts_of(sub)
    services = d.run(billing.list_services, sub, account.number, "ru")
    internet = next(s for s in services if s.kind.value == "internet")
    assert internet.tariff.discounts and internet.actions.discount.allowed
    offers = d.run(billing.discount_offers, sub, account.number, internet.id, "ru")
    assert offers.selectable and account.balance > max(o.advance for o in offers.offers)

    sub = d.login("multi-account")
    assert len(d.accounts_of(sub)) >= 2

    sub = d.login("telephony")
    me = d.run(billing.get_me, sub, "ru")
    phone = next(ref for ref in me.accounts if ref.has_telephony)
    kinds = {s.kind.value for s in d.run(billing.list_services, sub, phone.number, "ru")}
    assert {"internet", "telephony"} <= kinds
    page = d.run(billing.calls_page, sub, phone.number, today.year, today.month, 10, None)
    assert len(page.months) >= 12 and page.months == sorted(page.months, reverse=True)

    sub = d.login("credit-available")
    (account,) = d.accounts_of(sub)
    assert account.financial_block and account.credit.available and account.status.value == "blocked"
    assert account.balance < 0

    sub = d.login("credit-banned")
    (account,) = d.accounts_of(sub)
    assert account.financial_block and not account.credit.available and account.credit.banned_until
    assert today < account.credit.banned_until <= billing.add_months(today, 2)

    sub = d.login("promo-tariff")
    services = d.run(billing.list_services, sub, d.accounts_of(sub)[0].number, "ru")
    promo = next(s for s in services if s.tariff.promo)
    assert not promo.actions.change_tariff.allowed and promo.actions.change_tariff.reason

    sub = d.login("admin-block")
    services = d.run(billing.list_services, sub, d.accounts_of(sub)[0].number, "ru")
    assert any(s.block is BlockKind.ADMINISTRATIVE for s in services)
    assert d.accounts_of(sub)[0].status.value == "blocked"

    sub = d.login("discount-extendable")
    number = d.accounts_of(sub)[0].number
    services = d.run(billing.list_services, sub, number, "ru")
    internet = next(s for s in services if s.discount is not None)
    assert internet.actions.extend_discount.allowed
    assert internet.discount is not None and today <= internet.discount.ends_on < billing.add_months(today, 1)
    offers = d.run(billing.discount_offers, sub, number, internet.id, "ru")
    assert offers.mode is DiscountMode.EXTEND and offers.selectable

    sub = d.login("no-contacts")
    me = d.run(billing.get_me, sub, "ru")
    assert me.sms_phone is None and me.email is None and me.address


def test_the_catalogue_reads_in_english_too(demo: Demo) -> None:
    """Every service and tariff description of the catalogue has its English (the English UI showed
    Russian tariff descriptions); a tariff's own name is the same in both languages."""
    with demo.sessions() as db:
        items = list(db.execute(select(m.CatalogItem)).scalars())
        tariffs = list(db.execute(select(m.Tariff)).scalars())
    assert items and all(i.name_en and i.description_en for i in items)
    assert tariffs and all(t.description_en and t.description_en != t.description for t in tariffs)
    from annet_server.billing.localized import ZONE_NAMES_EN
    from annet_server.seed_calls import _ZONES

    assert {zone for zone, _rate, _weight in _ZONES} == set(ZONE_NAMES_EN)


def test_every_case_holds(demo: Demo) -> None:
    check_cases(demo)


@pytest.mark.parametrize(
    "now",
    [
        dt.datetime(2027, 3, 2, 8, 30, tzinfo=MOSCOW),  # early in a month, before the 11th
        dt.datetime(2026, 12, 31, 23, 0, tzinfo=MOSCOW),  # the last hour of a year
    ],
)
def test_every_case_holds_for_other_days(tmp_path: Path, now: dt.datetime) -> None:
    d = Demo(tmp_path / "demo.db", now, big_calls=False)
    try:
        check_cases(d)
    finally:
        d.engine.dispose()


def test_the_business_month_pages_completely_in_order(demo: Demo) -> None:
    sub = demo.login("business-100k")
    me = demo.run(billing.get_me, sub, "ru")
    number = me.accounts[0].number
    today = demo.clock.now().date()
    cursor, seen, last = None, 0, None
    lo = dt.datetime(today.year, today.month, 1, tzinfo=MOSCOW)
    while True:
        page = demo.run(billing.calls_page, sub, number, today.year, today.month, 25_000, cursor)
        assert page.total == BIG_CALLS and page.offset == seen
        assert len(page.caller) == len(page.callee) == len(page.cost) == len(page.zone) == len(page)
        assert page.started_at[0] >= lo and page.started_at[-1] <= demo.clock.now()
        if last is not None:
            assert page.started_at[0] >= last
        assert page.started_at == sorted(page.started_at)
        assert all(c >= Decimal("0.00") for c in page.cost[:100])
        seen += len(page)
        last = page.started_at[-1]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert seen == BIG_CALLS
    assert page.model_dump(mode="json")["cost"][0].count(".") == 1


def test_seed_is_deterministic(tmp_path: Path) -> None:
    def snapshot(path: Path) -> list[Any]:
        d = Demo(path, SEED_NOW, big_calls=False)
        try:
            with d.sessions() as db:
                balances = list(
                    db.execute(select(m.Account.number, m.Account.balance_kopecks).order_by(m.Account.number))
                )
                calls = list(
                    db.execute(
                        select(m.Call.started_at, m.Call.callee, m.Call.cost_kopecks)
                        .order_by(m.Call.id)
                        .limit(500)
                    )
                )
                return [balances, calls]
        finally:
            d.engine.dispose()

    assert snapshot(tmp_path / "a.db") == snapshot(tmp_path / "b.db")


def _all_calls(engine: Any) -> list[Any]:
    with make_sessionmaker(engine)() as db:
        calls = db.execute(
            select(
                m.Call.account_id, m.Call.started_at, m.Call.caller, m.Call.callee,
                m.Call.direction, m.Call.duration_s, m.Call.cost_kopecks, m.Call.zone,
            ).order_by(m.Call.account_id, m.Call.started_at, m.Call.caller, m.Call.callee)
        ).all()  # fmt: skip
        months = db.execute(
            select(m.CallMonth.account_id, m.CallMonth.year, m.CallMonth.month, m.CallMonth.calls).order_by(
                m.CallMonth.account_id, m.CallMonth.year, m.CallMonth.month
            )
        ).all()
        balances = db.execute(
            select(m.Account.number, m.Account.balance_kopecks).order_by(m.Account.number)
        ).all()
    return [calls, months, balances]


def test_staged_seed_serves_at_once_and_ends_with_the_same_data(tmp_path: Path) -> None:
    """The demo app serves after stage one; the business line's month comes after, the same as in one go."""
    whole = make_engine(f"sqlite:///{tmp_path / 'whole.db'}")
    staged = make_engine(f"sqlite:///{tmp_path / 'staged.db'}")
    try:
        for engine in (whole, staged):
            create_schema(engine)
        seed_demo(whole, SEED_NOW, big_calls=False)
        finish = seed_demo_staged(staged, SEED_NOW, big_calls=False)
        before = _all_calls(staged)
        business = next(a for a in demo_accounts() if "business-100k" in a.cases)
        with make_sessionmaker(staged)() as db:
            acc = db.execute(select(m.Account).where(m.Account.number == business.account)).scalar_one()
            this_month = db.execute(
                select(m.CallMonth.calls).where(
                    m.CallMonth.account_id == acc.id,
                    m.CallMonth.year == SEED_NOW.year,
                    m.CallMonth.month == SEED_NOW.month,
                )
            ).scalar_one_or_none()
        assert this_month is None  # stage one: not yet
        assert before[2] == _all_calls(whole)[2]  # balances are complete already
        finish(0.0)  # in small transactions, as the demo app does it
        assert _all_calls(staged) == _all_calls(whole)
    finally:
        whole.dispose()
        staged.dispose()
