"""Issue 11, "What is wrong today", findings 1–7: one named regression test each (FakeClock, no HTTP).

Each failed on main before the money model (docs/decisions.md "Money — one model"); the report of
the `money` branch says how that was checked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest
import test_billing_world as _world
from test_billing_world import Sub, World, msk

from annet_contract.schema import BalanceKind, ErrorCode
from annet_server import billing

WorldFactory = Callable[[dt.datetime], World]
world_factory = _world.world_factory  # the shared fixture


def take(world: World, sub: Sub, months: int) -> Decimal:
    """Take the discount row of ``months`` months; its advance."""
    table = world.run(billing.discount_offers, sub, sub.number, sub.service_id, "ru")
    row = next(o for o in table.offers if o.months == months)
    return world.run(billing.take_discount, sub, sub.number, sub.service_id, row.id).advance


def recalculations(world: World, sub: Sub) -> list[tuple[int, str]]:
    return [
        (e.amount_kopecks, e.description)
        for e in world.entries(sub)
        if e.kind == BalanceKind.RECALCULATION.value
    ]


def test_finding_1_tariff_change_during_a_discount_ends_it_and_returns_the_unused_advance(
    world_factory: WorldFactory,
) -> None:
    world = world_factory(msk(2026, 12, 5, 12))
    sub = world.subscriber("4050.00")
    assert take(world, sub, 6) == Decimal("4050.00")  # 10 %: 675 × 6, January…June 2027
    world.clock.set(msk(2027, 1, 13, 10))
    social = world.tariff_ids["Социальный 30"]
    quote = world.run(billing.tariff_quote, sub, sub.number, sub.service_id, social, "ru")
    # the 14th…31st of January (18/31 of 675) and February…June (5 × 675) come back
    assert quote.discount_ends and quote.advance_returned == Decimal("3766.94")
    assert quote.new_fee == Decimal("350.00")
    assert quote.charge_now == Decimal("203.23")  # 350 × 18 / 31 from tomorrow
    assert quote.refund_now == Decimal("3766.94")
    assert quote.balance_after == Decimal("3563.71") and not quote.financial_block_after
    service = world.run(billing.change_tariff, sub, sub.number, sub.service_id, social)
    assert service.tariff.name == "Социальный 30" and service.fee == Decimal("350.00")
    assert service.discount is None
    assert world.account(sub).balance == quote.balance_after  # the action is the quote applied
    assert [a for a, _ in recalculations(world, sub)] == [376694, -20323]
    assert all("Перерасчёт: смена тарифа с 14.01" in text for _, text in recalculations(world, sub))
    world.clock.set(msk(2027, 2, 1, 0, 0))
    assert world.account(sub).balance == Decimal("3213.71")  # February: 350, not 675


def test_finding_2_a_voluntary_block_stops_the_charges(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 12, 2, 12))  # December (750) was charged on the 1st
    sub = world.subscriber("1000.00")
    quote = world.run(billing.block_quote, sub, sub.number, sub.service_id, "ru")
    assert quote.refund_now == Decimal("701.61") and quote.charge_now == Decimal("0.00")  # 3rd…31st
    assert [r.text for r in quote.rows] == [
        "Перерасчёт: добровольная блокировка с 03.12: Доступ в интернет «Домашний 300»"
    ]
    world.run(billing.block_service, sub, sub.number, sub.service_id)
    assert world.account(sub).balance == Decimal("1701.61") == quote.balance_after
    world.clock.set(msk(2027, 3, 31, 23, 0))  # January, February and March charge nothing
    assert world.account(sub).balance == Decimal("1701.61")


def test_finding_2_a_block_inside_a_paid_discount_pauses_it(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 12, 5, 12))
    sub = world.subscriber("4050.00")
    take(world, sub, 6)  # January…June 2027 paid
    world.clock.set(msk(2027, 1, 10, 12))
    quote = world.run(billing.block_quote, sub, sub.number, sub.service_id, "ru")
    assert quote.refund_now == Decimal("0.00") and quote.discount_ends_on_after == dt.date(2027, 6, 30)
    world.run(billing.block_service, sub, sub.number, sub.service_id)
    world.clock.set(msk(2027, 4, 10, 12))
    world.run(billing.unblock_service, sub, sub.number, sub.service_id)
    # the 11th of January … the 9th of April (89 days) were wholly blocked: the end moves by 89 days
    service = world.service(sub)
    assert service.discount is not None and service.discount.ends_on == dt.date(2027, 9, 27)
    world.clock.set(msk(2027, 8, 31, 23))
    assert world.account(sub).balance == Decimal("0.00")  # no prepaid month burnt, nothing charged
    world.clock.set(msk(2027, 9, 1, 0, 0))
    assert world.account(sub).balance == Decimal("-75.00")  # the 28th…30th of September: 750 × 3 / 30


def test_finding_3_unblock_says_what_it_writes_off_and_that_it_blocks(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 20, 12))
    sub = world.subscriber("0.00")
    world.run(billing.block_service, sub, sub.number, sub.service_id)  # +250: the 21st…30th back
    world.clock.set(msk(2026, 12, 20, 12))  # December charged nothing
    world.correct(sub, "-150.00")
    assert world.account(sub).balance == Decimal("100.00")
    quote = world.run(billing.unblock_quote, sub, sub.number, sub.service_id, "ru")
    assert quote.paid_from == dt.date(2026, 12, 20)
    assert quote.charge_now == Decimal("290.32")  # 750 × 12 / 31
    assert quote.balance_after == Decimal("-190.32") and quote.financial_block_after  # said before
    assert [r.text for r in quote.rows] == [
        "Разблокировка с 20.12: абонентская плата по 31.12: Доступ в интернет «Домашний 300»"
    ]
    world.run(billing.unblock_service, sub, sub.number, sub.service_id)
    account = world.account(sub)
    assert account.balance == quote.balance_after and account.financial_block
    assert recalculations(world, sub)[-1] == (-29032, quote.rows[0].text)


def test_finding_4_recommended_payment_counts_no_month_already_paid(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 5, 12))
    sub = world.subscriber("4050.00")
    take(world, sub, 6)  # December 2026 … May 2027
    world.clock.set(msk(2026, 12, 5, 12))
    account = world.account(sub)
    assert account.balance == Decimal("0.00") and account.recommended_payment == Decimal("0.00")
    world.clock.set(msk(2027, 5, 31, 12))  # the next 1st is June: the full fee again
    assert world.account(sub).recommended_payment == Decimal("750.00")


def test_finding_5_the_credit_lasts_exactly_120_hours(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 16, 23, 50))
    sub = world.subscriber("-300.00", financial_block=True)
    out = world.run(billing.take_credit, sub, sub.number)
    assert out.ends_at == msk(2026, 11, 21, 23, 50)
    world.clock.set(msk(2026, 11, 21, 23, 49, 59))
    assert world.account(sub).credit.in_force and not world.account(sub).financial_block
    world.clock.set(msk(2026, 11, 21, 23, 50))
    account = world.account(sub)
    assert not account.credit.in_force and account.financial_block


def test_finding_6_tariff_change_under_a_financial_or_voluntary_block(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 20, 12))
    social = world.tariff_ids["Социальный 30"]
    debtor = world.subscriber("-500.00", financial_block=True)
    service = world.run(billing.change_tariff, debtor, debtor.number, debtor.service_id, social)
    # the 21st…30th: 750 back, 350 written off (10/30 of each), at once
    assert service.tariff.name == "Социальный 30" and service.block is not None
    assert world.account(debtor).balance == Decimal("-366.67")
    paused = world.subscriber("1000.00")
    world.run(billing.block_service, paused, paused.number, paused.service_id)
    assert world.service(paused).actions.change_tariff.allowed
    world.run(billing.change_tariff, paused, paused.number, paused.service_id, social)
    admin = world.subscriber("1000.00", admin_block=True)
    assert not world.service(admin).actions.change_tariff.allowed
    with pytest.raises(billing.RuleError) as caught:
        world.run(billing.change_tariff, admin, admin.number, admin.service_id, social)
    assert caught.value.code is ErrorCode.TARIFF_BLOCKED
    assert "административной" in caught.value.detail("ru") and "administrative" in caught.value.detail("en")


def test_finding_6_an_upgrade_mid_month_is_paid_from_the_next_day(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 20, 23, 59))
    sub = world.subscriber("1000.00", tariff="Домашний 100")  # 550
    world.run(billing.change_tariff, sub, sub.number, sub.service_id, world.tariff_ids["Домашний 300"])
    # the 21st…30th: 550 × 10/30 back, 750 × 10/30 written off
    assert world.account(sub).balance == Decimal("933.33")
    assert [a for a, _ in recalculations(world, sub)] == [18333, -25000]


def test_finding_7_a_partial_payment_under_a_financial_block_says_what_is_missing(
    world_factory: WorldFactory,
) -> None:
    world = world_factory(msk(2026, 11, 20, 12))
    sub = world.subscriber("-1480.00", financial_block=True)
    order = world.pay(sub, "100.00")
    assert order.financial_block_after is True and order.missing == Decimal("1380.00")
    order = world.pay(sub, "1380.00")
    assert order.financial_block_after is False and order.missing == Decimal("0.00")
