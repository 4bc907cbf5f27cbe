"""R-DISC at its edges: the offers table, short balance, read-only table, the advance as prepayment
covering the monthly fee, the extension window's day before and day of (FakeClock, no HTTP)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest
import test_billing_world as _world
from test_billing_world import World, msk

from annet_contract.schema import BalanceKind, DiscountMode, ErrorCode, JournalAction
from annet_server import billing
from annet_server import models as m

WorldFactory = Callable[[dt.datetime], World]
world_factory = _world.world_factory  # the shared fixture


def test_offers_table_values(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 16, 12))
    sub = world.subscriber("5000.00")
    table = world.run(billing.discount_offers, sub, sub.number, sub.service_id, "ru")
    assert table.mode is DiscountMode.TAKE and table.selectable and table.reason is None
    assert table.starts_on == dt.date(2026, 12, 1) and table.current is None
    rows = [(o.percent, o.months, o.fee_with_discount, o.advance, o.missing) for o in table.offers]
    assert rows == [
        (5, 3, Decimal("712.50"), Decimal("2137.50"), Decimal("0.00")),
        (10, 6, Decimal("675.00"), Decimal("4050.00"), Decimal("0.00")),
        (15, 12, Decimal("637.50"), Decimal("7650.00"), Decimal("2650.00")),
    ]
    service = world.service(sub)
    assert service.actions.discount.allowed and not service.actions.extend_discount.allowed


def test_short_balance_tells_how_much_is_missing(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 16, 12))
    sub = world.subscriber("4049.99")
    table = world.run(billing.discount_offers, sub, sub.number, sub.service_id, "ru")
    row = next(o for o in table.offers if o.months == 6)
    assert row.missing == Decimal("0.01")
    with pytest.raises(billing.RuleError) as caught:
        world.run(billing.take_discount, sub, sub.number, sub.service_id, row.id)
    assert caught.value.code is ErrorCode.DISCOUNT_SHORT_BALANCE and caught.value.status == 409
    assert caught.value.params["missing"] == Decimal("0.01")
    assert "0,01" in caught.value.detail("ru") and "4\u00a0050,00\u00a0₽" in caught.value.detail("ru")
    assert world.account(sub).balance == Decimal("4049.99") and world.journal(sub) == []
    world.correct(sub, "0.01")  # exactly the advance is enough
    taken = world.run(billing.take_discount, sub, sub.number, sub.service_id, row.id)
    assert taken.advance == Decimal("4050.00") and world.account(sub).balance == Decimal("0.00")


@pytest.mark.parametrize("balance", ["0.00", "-10.00"])
def test_table_read_only_when_balance_not_positive(world_factory: WorldFactory, balance: str) -> None:
    world = world_factory(msk(2026, 11, 5, 12))  # before the 11th: no financial block yet
    sub = world.subscriber(balance)
    table = world.run(billing.discount_offers, sub, sub.number, sub.service_id, "ru")
    assert not table.selectable and "меньше или равен 0" in (table.reason or "")
    with pytest.raises(billing.RuleError) as caught:
        world.run(billing.take_discount, sub, sub.number, sub.service_id, table.offers[0].id)
    assert caught.value.code is ErrorCode.DISCOUNT_READ_ONLY


def test_table_read_only_while_a_credit_is_in_force(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 16, 12))
    sub = world.subscriber("-100.00", financial_block=True)
    world.run(billing.take_credit, sub, sub.number)
    world.correct(sub, "50.00")  # still negative: the credit stays
    world.correct(sub, "60.00")  # now ≥ 0: the credit is repaid
    assert not world.account(sub).credit.in_force
    sub2 = world.subscriber("-100.00", financial_block=True)
    world.run(billing.take_credit, sub2, sub2.number)
    table = world.run(billing.discount_offers, sub2, sub2.number, sub2.service_id, "en")
    assert not table.selectable and table.reason  # balance ≤ 0 and credit
    assert table.reason.isascii()


def test_discount_not_offered_for_ineligible_or_blocked(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 16, 12))
    social = world.subscriber(tariff="Социальный 30")
    service = world.service(social)
    assert not service.actions.discount.allowed and service.actions.discount.reason is None
    with pytest.raises(billing.RuleError) as caught:
        world.run(billing.discount_offers, social, social.number, social.service_id, "ru")
    assert caught.value.code is ErrorCode.DISCOUNT_NOT_ALLOWED
    blocked = world.subscriber()
    world.run(billing.block_service, blocked, blocked.number, blocked.service_id)
    service = world.service(blocked)
    assert not service.actions.discount.allowed and service.actions.discount.reason
    with pytest.raises(billing.RuleError) as caught:
        world.run(billing.take_discount, blocked, blocked.number, blocked.service_id, 1)
    assert caught.value.code is ErrorCode.DISCOUNT_NOT_ALLOWED


def test_advance_is_prepayment_and_covers_the_months(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 16, 12))
    sub = world.subscriber("3000.00")
    table = world.run(billing.discount_offers, sub, sub.number, sub.service_id, "ru")
    row = next(o for o in table.offers if o.months == 3)
    taken = world.run(billing.take_discount, sub, sub.number, sub.service_id, row.id)
    assert taken.discount.starts_on == dt.date(2026, 12, 1) and taken.discount.ends_on == dt.date(2027, 2, 28)
    assert taken.discount.fee_with_discount == Decimal("712.50")
    assert world.account(sub).balance == Decimal("862.50")
    advance = [e for e in world.entries(sub) if e.kind == BalanceKind.DISCOUNT_ADVANCE.value]
    assert len(advance) == 1 and advance[0].amount_kopecks == -213750
    entry = world.journal(sub)[0]
    assert entry.action is JournalAction.DISCOUNT and entry.new_value == "5% с 01.12.2026 по 28.02.2027"
    with pytest.raises(billing.RuleError) as caught:  # one discount at a time
        world.run(billing.take_discount, sub, sub.number, sub.service_id, row.id)
    assert caught.value.code is ErrorCode.DISCOUNT_IN_FORCE
    # December, January, February: covered, no monthly charge; March: the full fee again
    world.clock.set(msk(2027, 2, 28, 23, 59))
    assert world.account(sub).balance == Decimal("862.50")
    world.clock.set(msk(2027, 3, 1, 0, 0))
    assert world.account(sub).balance == Decimal("112.50")
    charges = [e for e in world.entries(sub) if e.kind == BalanceKind.CHARGE.value]
    assert len(charges) == 1 and "март 2027" in charges[0].description


def test_extension_window_day_before_and_day_of(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 16, 12))
    sub = world.subscriber("9000.00")
    table = world.run(billing.discount_offers, sub, sub.number, sub.service_id, "ru")
    row = next(o for o in table.offers if o.months == 3)
    world.run(billing.take_discount, sub, sub.number, sub.service_id, row.id)  # Dec 1 … Feb 28
    assert billing.extension_opens_on(dt.date(2027, 2, 28)) == dt.date(2027, 2, 1)

    world.clock.set(msk(2027, 1, 31, 23, 59, 59))  # the day before the window
    service = world.service(sub)
    assert not service.actions.extend_discount.allowed and not service.actions.discount.allowed
    assert "01.02.2027" in (service.actions.discount.reason or "")
    with pytest.raises(billing.RuleError) as caught:
        world.run(billing.discount_offers, sub, sub.number, sub.service_id, "ru")
    assert caught.value.code is ErrorCode.DISCOUNT_IN_FORCE

    world.clock.set(msk(2027, 2, 1, 0, 0))  # the window opens
    service = world.service(sub)
    assert service.actions.extend_discount.allowed and not service.actions.discount.allowed
    table = world.run(billing.discount_offers, sub, sub.number, sub.service_id, "ru")
    assert table.mode is DiscountMode.EXTEND and table.starts_on == dt.date(2027, 3, 1)
    assert table.current is not None and table.current.ends_on == dt.date(2027, 2, 28)
    row = next(o for o in table.offers if o.months == 6)
    taken = world.run(billing.take_discount, sub, sub.number, sub.service_id, row.id)
    assert taken.discount.starts_on == dt.date(2027, 3, 1) and taken.discount.ends_on == dt.date(2027, 8, 31)
    assert world.journal(sub)[0].action is JournalAction.DISCOUNT_EXTEND
    service = world.service(sub)
    assert not service.actions.extend_discount.allowed  # the new period's window is months away
    world.clock.set(msk(2027, 9, 1, 0, 0))
    service = world.service(sub)
    assert service.discount is None and service.actions.discount.allowed and service.fee == Decimal("750.00")


def test_a_discount_tariff_of_another_service_offers_no_discount(world_factory: WorldFactory) -> None:
    """R-DISC-1: only «Доступ в интернет» has the loyalty discount, whatever its tariff says (the
    rule-mutation audit of 2 December 2026: the mutant that dropped the service check passed
    the audit's runs, as no other service's tariff allowed discounts)."""
    world = world_factory(msk(2026, 11, 16, 12))
    sub = world.subscriber("1000.00")
    iptv_tariff = world.tariff_ids["Базовый"]
    with world.sessions() as db:
        db.get(m.Tariff, iptv_tariff).discounts = True  # type: ignore[union-attr]
        db.add(m.DiscountOffer(tariff_id=iptv_tariff, percent=5, months=3))
        db.commit()
    added = world.run(billing.add_service, sub, sub.number, world.iptv_id, iptv_tariff)
    assert not added.service.actions.discount.allowed and not added.service.actions.extend_discount.allowed
    with pytest.raises(billing.RuleError) as caught:
        world.run(billing.discount_offers, sub, sub.number, added.service.id, "ru")
    assert caught.value.code is ErrorCode.DISCOUNT_NOT_ALLOWED
