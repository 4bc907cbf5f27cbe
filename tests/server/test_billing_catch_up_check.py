"""The catch-up's unlocked check (issue 13): it must see everything the full catch-up would do.

Besides the due moments (a 1st, an 11th, a credit end), the catch-up settles the account at
"now": a state written from outside the rules (the seed, an operator's tool) — a negative
balance left unblocked after the 10th, a block left on a paid-up account — is settled by the next
request. The plain SELECT that skips the lock must not skip that.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
import test_billing_world as _world
from test_billing_world import World, msk

from annet_server.billing.catchup import due_in

WorldFactory = Callable[[dt.datetime], World]
world_factory = _world.world_factory  # the shared fixture


def test_a_negative_balance_left_unblocked_after_the_10th_is_blocked_by_the_next_read(
    world_factory: WorldFactory,
) -> None:
    world = world_factory(msk(2026, 11, 16, 12))
    sub = world.subscriber("-300.00", financial_block=False)
    world.clock.advance(dt.timedelta(minutes=1))
    assert world.account(sub).financial_block


def test_a_negative_balance_left_unblocked_on_the_10th_stays_unblocked(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 10, 12))
    sub = world.subscriber("-300.00", financial_block=False)
    world.clock.set(msk(2026, 11, 10, 23, 59, 59))
    assert not world.account(sub).financial_block
    world.clock.set(msk(2026, 11, 11))  # the 11th, 00:00: now due
    assert world.account(sub).financial_block


@pytest.mark.parametrize("balance", ["100.00", "0.00"])
def test_a_block_left_on_a_paid_up_account_is_lifted_by_the_next_read(
    world_factory: WorldFactory, balance: str
) -> None:
    """Paid up is ≥ 0 (R-BILL-4): 0.00 is the edge (the rule-mutation audit of 2 December 2026: the
    due check's ``>= 0`` → ``> 0`` left a block at 0.00 for ever and passed the billing tests)."""
    world = world_factory(msk(2026, 11, 16, 12))
    sub = world.subscriber(balance, financial_block=True)
    world.clock.advance(dt.timedelta(minutes=1))
    assert not world.account(sub).financial_block


# ---- the rule-mutation audit of 2 December 2026: each test below fails on the mutant it names,
# ---- which the billing tests let through (docs/reliability.md's table says what else caught it)


def test_nothing_is_due_for_an_account_at_zero_or_just_caught_up_on_the_11th() -> None:
    """The unlocked check answers "nothing due" — so a read writes nothing — for a paid-up account
    at exactly 0.00 after the 10th (mutant: ``>= 0`` → ``> 0``), and after a catch-up made at
    00:00:00 of the 11th itself (mutant: ``start < eleventh`` → ``<=``)."""
    november = dt.date(2026, 11, 1)
    assert not due_in([(msk(2026, 11, 16, 12), november, 0, False, None)], msk(2026, 11, 16, 12, 5))
    assert due_in([(msk(2026, 11, 16, 12), november, -1, False, None)], msk(2026, 11, 16, 12, 5))
    assert not due_in([(msk(2026, 11, 11), november, 100, False, None)], msk(2026, 11, 11, 0, 0, 1))
    assert due_in([(msk(2026, 11, 10, 23, 59, 59), november, -1, False, None)], msk(2026, 11, 11))
