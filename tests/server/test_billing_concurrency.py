"""Concurrency: two threads taking a credit at once, confirming one payment at once, or reading when
the month's charge is due → exactly one credit, one top-up, one charge (SQLite with BEGIN IMMEDIATE;
also PostgreSQL with ANNET_TEST_PG_URL)."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
import test_billing_world as _world
from sqlalchemy import func, select
from test_billing_world import MERCHANT_SECRET, World, msk

from annet_contract.schema import BalanceKind, ErrorCode, OrderState
from annet_server import billing
from annet_server import models as m
from annet_server.billing import catchup

WorldFactory = Callable[[dt.datetime], World]
world_factory = _world.world_factory  # the shared fixture


def _race(world: World, calls: list[Callable[[], Any]]) -> list[Any]:
    """Run every call in its own thread, all released at once; results or exceptions, in order."""
    barrier = threading.Barrier(len(calls))
    results: list[Any] = [None] * len(calls)

    def worker(i: int) -> None:
        barrier.wait()
        try:
            results[i] = calls[i]()
        except Exception as exc:  # collected and checked by the test
            results[i] = exc

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(len(calls))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def test_two_threads_taking_a_credit_get_one_credit(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 16, 12))
    sub = world.subscriber("-300.00", financial_block=True)
    results = _race(world, [lambda: world.run(billing.take_credit, sub, sub.number)] * 2)
    ok = [r for r in results if not isinstance(r, Exception)]
    refused = [r for r in results if isinstance(r, Exception)]
    assert len(ok) == 1 and len(refused) == 1, results
    assert isinstance(refused[0], billing.RuleError) and refused[0].code is ErrorCode.CREDIT_IN_FORCE
    with world.sessions() as db:
        assert db.execute(select(func.count()).select_from(m.Credit)).scalar() == 1


def test_two_threads_confirming_one_payment_credit_it_once(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 16, 12))
    sub = world.subscriber("0.00")
    order = world.run(
        billing.create_payment,
        sub,
        sub.number,
        Decimal("700.00"),
        "http://h",
        merchant_secret=MERCHANT_SECRET,
    )

    def confirm() -> Any:
        return world.run(billing.confirm_payment, None, order.order_number, approved=True, billnumber="42")

    results = _race(world, [confirm] * 4)
    assert all(not isinstance(r, Exception) and r.state is OrderState.PAID for r in results), results
    assert world.account(sub).balance == Decimal("700.00")
    payments = [e for e in world.entries(sub) if e.kind == BalanceKind.PAYMENT.value]
    assert len(payments) == 1


def test_two_reads_when_the_month_is_due_charge_it_once(
    world_factory: WorldFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both reads find the charge due without a lock; under the lock the second finds it applied.

    On PostgreSQL both are held after the unlocked check until both have made it (a barrier), so
    they really race for the lock; SQLite's BEGIN IMMEDIATE lets only one in at a time anyway.
    """
    world = world_factory(msk(2026, 11, 30, 23, 0))
    sub = world.subscriber("1000.00")  # Домашний 300: 750 ₽ on the 1st
    world.clock.set(msk(2026, 12, 1, 0, 5))
    on_postgres = world.engine.dialect.name == "postgresql"
    checked = threading.Barrier(2)
    real = catchup._anything_due
    due: list[bool] = []

    def held(db: Any, subscriber_id: int, now: dt.datetime) -> bool:
        answer = real(db, subscriber_id, now)
        due.append(answer)
        if on_postgres:
            checked.wait(timeout=60)
        return answer

    monkeypatch.setattr(catchup, "_anything_due", held)
    results = _race(world, [lambda: world.run(billing.get_account, sub, sub.number)] * 2)
    monkeypatch.undo()
    assert not any(isinstance(r, Exception) for r in results), results
    # PostgreSQL: both saw it due before either locked; SQLite: the second checked after the commit
    assert due == ([True, True] if on_postgres else [True, False])
    charges = [e for e in world.entries(sub) if e.kind == BalanceKind.CHARGE.value]
    assert [(c.at, c.amount_kopecks) for c in charges] == [(msk(2026, 12, 1), -75000)]
    assert world.account(sub).balance == Decimal("250.00")
