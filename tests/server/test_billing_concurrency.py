"""Concurrency: two threads taking a credit at once, or confirming one payment at once, on a file
SQLite DB with BEGIN IMMEDIATE → exactly one credit, exactly one top-up."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import test_billing_world as _world
from sqlalchemy import func, select
from test_billing_world import MERCHANT_SECRET, World, msk

from annet_contract.schema import BalanceKind, ErrorCode, OrderState
from annet_server import billing
from annet_server import models as m

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
