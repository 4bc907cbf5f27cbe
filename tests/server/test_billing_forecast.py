"""The forecast (issue 14): next charge, how long the money lasts, coming events — at their edges.

FakeClock, no HTTP. The next charge and the amount that avoids a block must be what the 1st
writes and what «Счёт» recommends (R-ACC-2), so each test checks the forecast against them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest
import test_billing_world as _world
from test_billing_world import Sub, World, msk
from test_money_findings import take

from annet_contract.forecast import EventKind, Forecast, ForecastEvent, Lasts
from annet_contract.schema import BalanceKind
from annet_server import billing

WorldFactory = Callable[[dt.datetime], World]
world_factory = _world.world_factory  # the shared fixture


def _forecast(world: World, sub: Sub, lang: str = "ru") -> Forecast:
    return world.run(billing.get_forecast, sub, sub.number, lang)  # type: ignore[no-any-return]


def _events(fc: Forecast, kind: EventKind) -> list[ForecastEvent]:
    return [e for e in fc.events if e.kind is kind]


def _block(fc: Forecast) -> ForecastEvent | None:
    found = _events(fc, EventKind.FINANCIAL_BLOCK)
    assert len(found) <= 1
    return found[0] if found else None


def test_next_charge_is_what_the_1st_writes_and_the_recommended_payment_is_the_accounts(
    world_factory: WorldFactory,
) -> None:
    world = world_factory(msk(2026, 11, 16, 12))
    sub = world.subscriber("1000.00")  # «Домашний 300», 750 ₽
    fc = _forecast(world, sub)
    assert fc.next_charge.at == msk(2026, 12, 1) and fc.next_charge.amount == Decimal("750.00")
    assert [(c.at, c.amount) for c in fc.charges] == [
        (msk(2026, 12, 1), Decimal("750.00")),
        (msk(2027, 1, 1), Decimal("750.00")),
    ]
    assert fc.balance == Decimal("1000.00")
    assert fc.recommended_payment == world.account(sub).recommended_payment
    # 1000 − 750 (December) = 250 for January at 750/31 a day: 10 days cost 241.94, 11 cost 266.13
    assert (fc.lasts, fc.lasts_until) == (Lasts.UNTIL, dt.date(2027, 1, 10))
    block = _block(fc)
    assert block is not None and block.at == msk(2027, 1, 11) and block.amount == Decimal("500.00")

    world.clock.set(msk(2026, 12, 1))  # the charge of the 1st is the forecast's figure
    assert world.account(sub).balance == Decimal("250.00")
    charge = [e for e in world.entries(sub) if e.kind == BalanceKind.CHARGE.value][-1]
    assert -charge.amount_kopecks == 75000


def test_recommended_payment_and_block_amount_follow_a_tariff_change(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 16, 12))
    sub = world.subscriber("200.00")
    world.run(billing.change_tariff, sub, sub.number, sub.service_id, world.tariff_ids["Домашний 100"])
    fc = _forecast(world, sub)
    account = world.account(sub)
    assert fc.next_charge.amount == Decimal("550.00")
    assert fc.recommended_payment == account.recommended_payment
    block = _block(fc)
    assert block is not None and block.at == msk(2026, 12, 11)
    assert block.amount == account.recommended_payment > 0


def test_financial_block_on_the_10th_at_23_59_and_the_11th_at_00_00(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 10, 23, 59))
    sub = world.subscriber("-320.01")
    fc = _forecast(world, sub)
    assert fc.lasts is Lasts.OWING and fc.lasts_until is None
    block = _block(fc)
    assert block is not None and block.at == msk(2026, 11, 11) and block.amount == Decimal("321.00")
    assert not block.in_force

    world.clock.set(msk(2026, 11, 11))
    fc = _forecast(world, sub)
    assert world.account(sub).financial_block
    block = _block(fc)  # in force since 00:00; the amount lifts it
    assert block is not None and block.at == msk(2026, 11, 11) and block.amount == Decimal("321.00")
    assert block.in_force


def test_a_positive_balance_on_the_10th_looks_to_the_next_11th(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 10, 23, 59))
    sub = world.subscriber("100.00")
    block = _block(_forecast(world, sub))
    assert block is not None and block.at == msk(2026, 12, 11) and block.amount == Decimal("650.00")
    world.correct(sub, "650.00")  # exactly the amount: no block next month; the one after
    block = _block(_forecast(world, sub))
    assert block is not None and block.at == msk(2027, 1, 11) and block.amount == Decimal("750.00")


def test_money_lasts_more_than_a_year_from_the_day_after_a_year(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 16, 12))
    # 11 charges (December…October) = 8250; November 2027 has 30 days at 25 ₽
    exactly = world.subscriber("8650.00")  # pays 16 days of November 2027: a year to the day
    fc = _forecast(world, exactly)
    assert (fc.lasts, fc.lasts_until) == (Lasts.UNTIL, dt.date(2027, 11, 16))
    more = world.subscriber("8675.00")  # one more day
    fc = _forecast(world, more)
    assert (fc.lasts, fc.lasts_until) == (Lasts.MORE_THAN_YEAR, None)
    block = _block(fc)  # still: November 2027 is charged in advance on the 1st and not covered whole
    assert block is not None and block.at == msk(2027, 11, 11) and block.amount == Decimal("325.00")


def test_a_day_not_paid_whole_is_not_counted(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 16, 12))
    sub = world.subscriber("774.99")  # 750 for December, then 24.99: one January day (24.19), not two (48.39)
    fc = _forecast(world, sub)
    assert fc.lasts_until == dt.date(2027, 1, 1)
    short = world.subscriber("774.19")  # January's first day costs 24.19 (half up of 24.193…)
    assert _forecast(world, short).lasts_until == dt.date(2027, 1, 1)
    shorter = world.subscriber("774.18")
    assert _forecast(world, shorter).lasts_until == dt.date(2026, 12, 31)


def test_discount_last_day_and_extension(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 16, 12))
    sub = world.subscriber("5000.00")
    table = world.run(billing.discount_offers, sub, sub.number, sub.service_id, "ru")
    row = next(o for o in table.offers if o.months == 3)  # December…February at 5 %
    world.run(billing.take_discount, sub, sub.number, sub.service_id, row.id)

    world.clock.set(msk(2027, 1, 31, 23, 59))
    fc = _forecast(world, sub)
    assert fc.next_charge.amount == Decimal("0.00")  # February is covered
    ends = _events(fc, EventKind.DISCOUNT_ENDS)
    assert [(e.at, e.extension_open, e.service_id) for e in ends] == [
        (msk(2027, 3, 1), False, sub.service_id)
    ]
    opens = _events(fc, EventKind.DISCOUNT_EXTENSION_OPENS)
    assert [e.at for e in opens] == [msk(2027, 2, 1)] and opens[0].service == "Доступ в интернет"
    assert _events(_forecast(world, sub, "en"), EventKind.DISCOUNT_ENDS)[0].service == "Internet access"

    world.clock.set(msk(2027, 2, 28, 23, 59))  # the discount's last day
    fc = _forecast(world, sub)
    assert fc.next_charge.amount == Decimal("750.00")  # March at the full fee
    ends = _events(fc, EventKind.DISCOUNT_ENDS)
    assert [(e.at, e.extension_open) for e in ends] == [(msk(2027, 3, 1), True)]
    assert _events(fc, EventKind.DISCOUNT_EXTENSION_OPENS) == []

    world.clock.set(msk(2027, 3, 1))
    fc = _forecast(world, sub)
    assert _events(fc, EventKind.DISCOUNT_ENDS) == []


def test_credit_last_hour_then_block_and_ban(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 16, 12))
    sub = world.subscriber("-300.00", financial_block=True)
    world.run(billing.take_credit, sub, sub.number)  # ends 21.11 12:00

    world.clock.set(msk(2026, 11, 21, 11, 0))  # the credit's last hour
    fc = _forecast(world, sub)
    assert [(e.kind, e.at, e.amount) for e in fc.events] == [
        (EventKind.CREDIT_ENDS, msk(2026, 11, 21, 12), Decimal("300.00")),
        (EventKind.FINANCIAL_BLOCK, msk(2026, 11, 21, 12), Decimal("300.00")),
    ]
    world.clock.set(msk(2026, 11, 21, 12))  # ended unrepaid: the block is back, the ban runs
    fc = _forecast(world, sub)
    assert [(e.kind, e.at, e.amount) for e in fc.events] == [
        (EventKind.FINANCIAL_BLOCK, msk(2026, 11, 21, 12), Decimal("300.00")),
        (EventKind.CREDIT_BAN_LIFTS, msk(2027, 1, 21), None),
    ]
    world.clock.set(msk(2027, 1, 21))
    assert _events(_forecast(world, sub), EventKind.CREDIT_BAN_LIFTS) == []


def test_a_credit_ending_after_the_1st_needs_that_charge_too(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 28, 12))
    sub = world.subscriber("-300.00", financial_block=True)
    world.run(billing.take_credit, sub, sub.number)  # ends 03.12 12:00, after the charge of the 1st
    fc = _forecast(world, sub)
    ends = _events(fc, EventKind.CREDIT_ENDS)[0]
    assert ends.at == msk(2026, 12, 3, 12) and ends.amount == Decimal("1050.00")
    world.correct(sub, "1050.00")  # repaid: nothing ends, nothing blocks until the next shortfall
    fc = _forecast(world, sub)
    assert _events(fc, EventKind.CREDIT_ENDS) == []
    block = _block(fc)
    assert block is not None and block.at == msk(2027, 1, 11)


def test_voluntary_block_limit_resets_on_the_1st_and_costs_nothing(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 30, 23, 59))
    sub = world.subscriber("100.00")
    world.run(billing.block_service, sub, sub.number, sub.service_id)
    fc = _forecast(world, sub)
    resets = _events(fc, EventKind.VOLUNTARY_BLOCK_LIMIT_RESETS)
    assert [(e.at, e.service_id) for e in resets] == [(msk(2026, 12, 1), sub.service_id)]
    assert fc.next_charge.amount == Decimal("0.00") and fc.lasts is Lasts.MORE_THAN_YEAR
    world.clock.set(msk(2026, 12, 1))
    assert _events(_forecast(world, sub), EventKind.VOLUNTARY_BLOCK_LIMIT_RESETS) == []


def test_events_come_in_time_order(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 16, 12))
    sub = world.subscriber("5000.00")
    table = world.run(billing.discount_offers, sub, sub.number, sub.service_id, "ru")
    world.run(billing.take_discount, sub, sub.number, sub.service_id, table.offers[0].id)
    fc = _forecast(world, sub)
    assert [e.at for e in fc.events] == sorted(e.at for e in fc.events) and len(fc.events) >= 2


def test_a_credit_ending_at_00_00_on_the_1st_needs_the_charge_written_at_that_moment(
    world_factory: WorldFactory,
) -> None:
    world = world_factory(msk(2026, 11, 25, 23, 59))
    before = world.subscriber("-300.00", financial_block=True)
    world.run(billing.take_credit, before, before.number)  # ends 30.11 23:59: before the charge
    assert _events(_forecast(world, before), EventKind.CREDIT_ENDS)[0].amount == Decimal("300.00")
    world.clock.set(msk(2026, 11, 26))
    at = world.subscriber("-300.00", financial_block=True)
    world.run(billing.take_credit, at, at.number)  # ends 01.12 00:00: the catch-up charges first
    ends = _events(_forecast(world, at), EventKind.CREDIT_ENDS)[0]
    assert ends.at == msk(2026, 12, 1) and ends.amount == Decimal("1050.00")


# ---- the rule-mutation audit of 2 December 2026: each test below fails on the mutant it names,
# ---- which the billing tests let through (docs/reliability.md's table says what else caught it)


def test_the_extension_opens_event_goes_on_the_day_it_opens(world_factory: WorldFactory) -> None:
    """R-DISC-4's day of opening (mutant: ``today < opens`` → ``<=`` listed it as still to come)."""
    world = world_factory(msk(2026, 11, 16, 12))
    sub = world.subscriber("5000.00")
    take(world, sub, 3)  # December…February at 5 %
    world.clock.set(msk(2027, 2, 1, 0, 0))  # «Продлить скидку» is offered from this moment
    fc = _forecast(world, sub)
    assert _events(fc, EventKind.DISCOUNT_EXTENSION_OPENS) == []
    assert [e.extension_open for e in _events(fc, EventKind.DISCOUNT_ENDS)] == [True]


@pytest.mark.parametrize(("balance", "lasts"), [("-0.01", Lasts.OWING), ("0.00", Lasts.UNTIL)])
def test_owing_starts_one_kopeck_below_zero(world_factory: WorldFactory, balance: str, lasts: Lasts) -> None:
    """«Owing» is a balance below zero (mutant: the OWING check moved below zero)."""
    world = world_factory(msk(2026, 11, 5, 12))
    sub = world.subscriber(balance)
    fc = _forecast(world, sub)
    assert fc.lasts is lasts
    assert fc.lasts_until == (dt.date(2026, 11, 30) if lasts is Lasts.UNTIL else None)


def test_a_zero_balance_lasts_through_the_months_a_discount_paid(world_factory: WorldFactory) -> None:
    """R-BILL-2: months a paid discount covers cost nothing, so 0.00 lasts through them (mutant:
    ``charge > balance`` → ``>=`` stopped at the first month, 0 ≥ 0)."""
    world = world_factory(msk(2026, 11, 5, 12))
    sub = world.subscriber("4050.00")
    take(world, sub, 6)  # December…May at 10 %: 675 × 6
    fc = _forecast(world, sub)
    assert fc.balance == Decimal("0.00")
    assert fc.lasts is Lasts.UNTIL and fc.lasts_until == dt.date(2027, 5, 31)
