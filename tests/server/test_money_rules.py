"""Issue 11 item 4's rule changes that used to pass the whole suite, and R-BILL-2 at its edges.

Each test names the mutation it catches: "the same month" ignoring the year, the discount advance
(and its return) ignoring quantity, the monthly charge ignoring quantity, kopecks rounded half-even,
a block set at 00:00 on the 1st counted as a skipped month by unblock (FakeClock, no HTTP). Below
them, those of the rule-mutation audit of 2 December 2026 (docs/reliability.md), each naming its mutant.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest
import test_billing_world as _world
from test_billing_world import World, msk
from test_money_findings import recalculations, take

from annet_contract.schema import MOSCOW, BalanceKind, ErrorCode
from annet_server import billing

WorldFactory = Callable[[dt.datetime], World]
world_factory = _world.world_factory  # the shared fixture


def test_same_month_means_month_and_year_for_the_tariff_change(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 30, 23, 59))
    sub = world.subscriber("90000.00")
    world.run(billing.change_tariff, sub, sub.number, sub.service_id, world.tariff_ids["Домашний 100"])
    world.clock.set(msk(2027, 11, 1, 0, 0))  # November again, a year later
    assert world.service(sub).actions.change_tariff.allowed
    world.run(billing.change_tariff, sub, sub.number, sub.service_id, world.tariff_ids["Домашний 300"])
    world.clock.set(msk(2027, 11, 30, 23, 59))
    with pytest.raises(billing.RuleError) as caught:
        world.run(billing.change_tariff, sub, sub.number, sub.service_id, world.tariff_ids["Домашний 100"])
    assert caught.value.code is ErrorCode.TARIFF_MONTHLY_LIMIT


def test_same_month_means_month_and_year_for_the_voluntary_block(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 10, 12))
    sub = world.subscriber("90000.00")
    world.run(billing.block_service, sub, sub.number, sub.service_id)
    world.run(billing.unblock_service, sub, sub.number, sub.service_id)
    world.clock.set(msk(2027, 11, 1, 0, 0))
    assert world.service(sub).actions.block.allowed
    world.run(billing.block_service, sub, sub.number, sub.service_id)


def test_the_discount_advance_counts_the_quantity(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 12, 5, 12))
    sub = world.subscriber("8100.00", quantity=2)
    table = world.run(billing.discount_offers, sub, sub.number, sub.service_id, "ru")
    assert next(o for o in table.offers if o.months == 6).advance == Decimal("8100.00")  # 675 × 6 × 2
    assert take(world, sub, 6) == Decimal("8100.00")
    world.clock.set(msk(2027, 6, 1, 12))  # June: its 30 days come back at 1350 a month
    quote = world.run(
        billing.tariff_quote, sub, sub.number, sub.service_id, world.tariff_ids["Социальный 30"], "ru"
    )
    assert quote.advance_returned == Decimal("1305.00")  # 1350 × 29 / 30: the 2nd…30th
    assert quote.new_fee == Decimal("700.00")


def test_the_monthly_charge_counts_the_quantity(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 30, 23))
    sub = world.subscriber("2000.00", quantity=3)
    assert world.account(sub).recommended_payment == Decimal("250.00")  # 750 × 3 − 2000
    world.clock.set(msk(2026, 12, 1, 0, 0))
    assert world.account(sub).balance == Decimal("-250.00")
    charge = [e for e in world.entries(sub) if e.kind == BalanceKind.CHARGE.value]
    assert [e.amount_kopecks for e in charge] == [-225000]


def test_kopecks_are_rounded_half_up_never_half_even(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 12, 5, 12))
    sub = world.subscriber("2137.50")
    assert take(world, sub, 3) == Decimal("2137.50")  # 5 %: 712.50 × 3, January…March 2027
    world.clock.set(msk(2027, 2, 21, 12))
    quote = world.run(
        billing.tariff_quote, sub, sub.number, sub.service_id, world.tariff_ids["Домашний 100"], "ru"
    )
    # the 22nd…28th of February: 712.50 × 7 / 28 = 178.125 → 178.13 (half-even would give 178.12)
    assert quote.advance_returned == Decimal("890.63")  # + March 712.50


def test_a_block_set_at_0000_on_the_1st_is_no_skipped_month(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 20, 12))
    sub = world.subscriber("1000.00")
    world.clock.set(msk(2026, 12, 1, 0, 0))  # December charged (750) at this very moment
    world.run(billing.block_service, sub, sub.number, sub.service_id)  # the 2nd…31st back
    assert world.account(sub).balance == Decimal("975.81")
    world.clock.set(msk(2026, 12, 15, 12))
    quote = world.run(billing.unblock_quote, sub, sub.number, sub.service_id, "ru")
    assert quote.paid_from == dt.date(2026, 12, 15) and quote.charge_now == Decimal("411.29")  # 17/31
    world.run(billing.unblock_service, sub, sub.number, sub.service_id)
    # December cost its 1st and 15th…31st: 18 days, never the month twice
    assert world.account(sub).balance == Decimal("564.52")


def test_a_block_the_evening_before_the_1st_makes_the_month_free(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 30, 23, 59))
    sub = world.subscriber("1000.00")
    world.run(billing.block_service, sub, sub.number, sub.service_id)  # nothing left of November
    world.clock.set(msk(2026, 12, 1, 0, 0))
    assert world.account(sub).balance == Decimal("1000.00")
    world.clock.set(msk(2026, 12, 31, 12))
    world.run(billing.unblock_service, sub, sub.number, sub.service_id)
    assert world.account(sub).balance == Decimal("975.81")  # the 31st only


def test_block_and_unblock_on_one_day_cost_the_day_once(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 10, 9))
    sub = world.subscriber("1000.00")
    world.run(billing.block_service, sub, sub.number, sub.service_id)
    world.clock.set(msk(2026, 11, 10, 18))
    quote = world.run(billing.unblock_quote, sub, sub.number, sub.service_id, "ru")
    assert quote.paid_from == dt.date(2026, 11, 11)  # the 10th was paid already
    world.run(billing.unblock_service, sub, sub.number, sub.service_id)
    assert world.account(sub).balance == Decimal("1000.00")
    assert [a for a, _ in recalculations(world, sub)] == [50000, -50000]


def test_a_whole_month_costs_exactly_the_fee(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 10, 9))
    sub = world.subscriber("1000.00", tariff="Домашний 100")  # 550: 18.333… a day in November
    world.run(billing.block_service, sub, sub.number, sub.service_id)
    world.clock.set(msk(2026, 11, 20, 9))
    world.run(billing.unblock_service, sub, sub.number, sub.service_id)
    # the 11th…19th (9 days) free: 550 × 9 / 30 = 165 exactly
    assert world.account(sub).balance == Decimal("1165.00")
    world.clock.set(msk(2027, 2, 28, 23))  # December…February: exactly 550 each
    assert world.account(sub).balance == Decimal("-485.00")


def test_the_new_tariff_counts_from_the_next_day_and_the_old_one_on_the_day(
    world_factory: WorldFactory,
) -> None:
    world = world_factory(msk(2026, 11, 30, 0, 0))
    sub = world.subscriber("1000.00", tariff="Домашний 100")
    world.run(billing.block_service, sub, sub.number, sub.service_id)  # nothing left to refund
    world.run(billing.change_tariff, sub, sub.number, sub.service_id, world.tariff_ids["Домашний 300"])
    assert world.account(sub).balance == Decimal("1000.00")  # the 30th is the last day: nothing moves
    world.clock.set(msk(2026, 12, 1, 0, 0))
    assert world.account(sub).balance == Decimal("1000.00")  # blocked at the start of the 1st


def test_unblock_on_the_change_day_pays_that_day_at_the_previous_tariff(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 10, 9))
    sub = world.subscriber("1000.00", tariff="Домашний 100")
    world.run(billing.block_service, sub, sub.number, sub.service_id)  # +550 × 20/30
    world.clock.set(msk(2026, 11, 20, 9))
    world.run(billing.change_tariff, sub, sub.number, sub.service_id, world.tariff_ids["Домашний 300"])
    world.run(billing.unblock_service, sub, sub.number, sub.service_id)
    # the 20th at 550 / 30, the 21st…30th at 750 × 10 / 30
    assert world.account(sub).balance == Decimal("1000.00") + Decimal("366.67") - Decimal("18.33") - Decimal(
        "250.00"
    )


def test_quote_and_action_refuse_alike(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 10, 9))
    sub = world.subscriber("1000.00")
    with pytest.raises(billing.RuleError) as quoted:
        world.run(billing.unblock_quote, sub, sub.number, sub.service_id, "en")
    with pytest.raises(billing.RuleError) as acted:
        world.run(billing.unblock_service, sub, sub.number, sub.service_id, "en")
    assert quoted.value.code is acted.value.code is ErrorCode.BLOCK_NONE
    blocked = world.subscriber("-10.00", financial_block=True)
    with pytest.raises(billing.RuleError) as caught:
        world.run(billing.block_quote, blocked, blocked.number, blocked.service_id, "ru")
    assert caught.value.code is ErrorCode.BLOCK_NOT_ALLOWED


# ---- the rule-mutation audit of 2 December 2026: each test below fails on the mutant it names,
# ---- which the billing tests let through (docs/reliability.md's table says what else caught it)


def test_a_quote_that_brings_the_balance_to_zero_lifts_the_block(world_factory: WorldFactory) -> None:
    """R-BILL-4 at 0.00 (mutant: ``balance_after >= 0`` → ``> 0`` in the quote's block check)."""
    world = world_factory(msk(2026, 11, 20, 12))
    debtor = world.subscriber("-133.33", financial_block=True)
    social = world.tariff_ids["Социальный 30"]
    quote = world.run(billing.tariff_quote, debtor, debtor.number, debtor.service_id, social, "ru")
    # the 21st…30th: 750 × 10/30 back, 350 × 10/30 = 116.67 written off
    assert quote.balance_after == Decimal("0.00") and quote.financial_block_after is False
    world.run(billing.change_tariff, debtor, debtor.number, debtor.service_id, social)
    account = world.account(debtor)
    assert account.balance == Decimal("0.00") and not account.financial_block


@pytest.mark.parametrize(("day", "blocked"), [(10, False), (11, True)])
def test_a_quote_below_zero_says_it_blocks_from_the_11th(
    world_factory: WorldFactory, day: int, blocked: bool
) -> None:
    """The quote follows the block's day (mutant: ``day >= 11`` → ``day > 11`` in the quote)."""
    world = world_factory(msk(2026, 11, day, 12))
    sub = world.subscriber("0.00", tariff="Домашний 100")
    upgrade = world.tariff_ids["Домашний 300"]
    quote = world.run(billing.tariff_quote, sub, sub.number, sub.service_id, upgrade, "ru")
    assert quote.balance_after < 0 and quote.financial_block_after is blocked
    world.run(billing.change_tariff, sub, sub.number, sub.service_id, upgrade)
    assert world.account(sub).financial_block is blocked  # the action is the quote applied


def test_a_quote_under_a_credit_in_force_says_no_block(world_factory: WorldFactory) -> None:
    """R-CREDIT-1: the credit holds the block off (mutant: the quote's check ignored the credit)."""
    world = world_factory(msk(2026, 11, 16, 12))
    sub = world.subscriber("-300.00", tariff="Домашний 100", financial_block=True)
    world.run(billing.take_credit, sub, sub.number)
    upgrade = world.tariff_ids["Домашний 300"]
    quote = world.run(billing.tariff_quote, sub, sub.number, sub.service_id, upgrade, "ru")
    assert quote.balance_after == Decimal("-393.33")  # the 17th…30th: 256.67 back, 350 written off
    assert quote.financial_block_after is False
    world.run(billing.change_tariff, sub, sub.number, sub.service_id, upgrade)
    account = world.account(sub)
    assert account.credit.in_force and not account.financial_block


def test_the_services_table_fee_counts_the_quantity(world_factory: WorldFactory) -> None:
    """R-SVC-1's fee is fee × quantity, as charged (mutant: the table's fee ignored the quantity)."""
    world = world_factory(msk(2026, 11, 5, 12))
    sub = world.subscriber("4275.00", quantity=2)
    assert world.service(sub).fee == Decimal("1500.00")
    assert take(world, sub, 3) == Decimal("4275.00")  # 5 %: 712.50 × 3 × 2
    world.clock.set(msk(2026, 12, 1, 12))
    assert world.service(sub).fee == Decimal("1425.00")  # the discounted fee, × 2


@pytest.mark.parametrize(
    ("block_day", "charge"),
    [
        (dt.date(2027, 2, 28), Decimal("701.61")),  # the discount's last day worked: 750 × 29/31
        (dt.date(2027, 2, 27), Decimal("677.42")),  # its last day paused: 3 March free, 750 × 28/31
    ],
)
def test_a_block_from_the_discounts_last_day_moves_its_end(
    world_factory: WorldFactory, block_day: dt.date, charge: Decimal
) -> None:
    """R-BLOCK-1 pauses a discount whose very last day falls under the block (mutant:
    ``end >= blocked_first`` → ``end > blocked_first`` in the pause)."""
    world = world_factory(msk(2026, 11, 5, 12))
    sub = world.subscriber("2137.50")
    take(world, sub, 3)  # 1 December … 28 February
    world.clock.set(dt.datetime.combine(block_day, dt.time(12), tzinfo=MOSCOW))
    world.run(billing.block_service, sub, sub.number, sub.service_id)
    world.clock.set(msk(2027, 3, 3, 12))
    quote = world.run(billing.unblock_quote, sub, sub.number, sub.service_id, "ru")
    assert quote.paid_from == dt.date(2027, 3, 3) and quote.charge_now == charge


def test_a_tariff_change_under_a_block_returns_the_paused_discount_days(world_factory: WorldFactory) -> None:
    """R-BILL-3 with R-BLOCK-1: the days after the block began were not used (mutant: the advance
    counted from the change day, not from the block's first day; before this test only an oracle
    history, tests/oracle/test_named_histories.py, caught it)."""
    world = world_factory(msk(2026, 11, 5, 12))
    sub = world.subscriber("2137.50")
    take(world, sub, 3)  # 1 December … 28 February, 712.50 a month
    world.clock.set(msk(2027, 1, 10, 12))
    world.run(billing.block_service, sub, sub.number, sub.service_id)
    world.clock.set(msk(2027, 1, 20, 12))
    social = world.tariff_ids["Социальный 30"]
    quote = world.run(billing.tariff_quote, sub, sub.number, sub.service_id, social, "ru")
    # the 11th…31st of January (712.50 × 21/31 = 482.66) and February
    assert quote.discount_ends and quote.advance_returned == Decimal("1195.16")


@pytest.mark.parametrize(("day", "ends", "advance"), [(27, True, "25.45"), (28, False, "0.00")])
def test_a_tariff_change_on_the_discounts_last_day_ends_nothing(
    world_factory: WorldFactory, day: int, ends: bool, advance: str
) -> None:
    """R-TARIFF-3's confirmation speaks of a discount only when days of it are left (mutant:
    ``ends_on > cut`` → ``>=``: «the discount ends, 0,00 ₽ comes back» on its last day)."""
    world = world_factory(msk(2026, 11, 5, 12))
    sub = world.subscriber("2137.50")
    take(world, sub, 3)  # 1 December … 28 February
    world.clock.set(msk(2027, 2, day, 12))
    social = world.tariff_ids["Социальный 30"]
    quote = world.run(billing.tariff_quote, sub, sub.number, sub.service_id, social, "ru")
    assert quote.discount_ends is ends and quote.advance_returned == Decimal(advance)  # 712.50 / 28
