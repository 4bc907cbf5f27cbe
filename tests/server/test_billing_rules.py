"""Billing rules at their calendar edges: tariff and voluntary-block limits, monthly charges,
the financial block on the 11th, pro-rata first charges, the recommended payment (FakeClock, no HTTP)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest
import test_billing_world as _world
from test_billing_world import World, msk

from annet_contract.schema import BalanceKind, BlockKind, ErrorCode, JournalAction
from annet_server import billing

WorldFactory = Callable[[dt.datetime], World]
world_factory = _world.world_factory  # the shared fixture


# --------------------------------------------------------------------------- R-TARIFF-1/2


def test_tariff_change_once_per_calendar_month_last_day_then_first(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 30, 23, 58))
    sub = world.subscriber()
    svc = world.run(billing.change_tariff, sub, sub.number, sub.service_id, world.tariff_ids["Домашний 100"])
    assert svc.tariff.name == "Домашний 100"
    assert not svc.actions.change_tariff.allowed
    assert svc.actions.change_tariff.reason and "01.12.2026" in svc.actions.change_tariff.reason

    world.clock.set(msk(2026, 11, 30, 23, 59, 59))  # last second of the month: still refused
    with pytest.raises(billing.RuleError) as caught:
        world.run(billing.change_tariff, sub, sub.number, sub.service_id, world.tariff_ids["Домашний 300"])
    assert caught.value.code is ErrorCode.TARIFF_MONTHLY_LIMIT and caught.value.status == 409
    assert caught.value.detail("ru") == "Смена тарифа разрешена только один раз в месяц"
    assert caught.value.detail("en") == "The tariff may be changed only once a month"

    world.clock.set(msk(2026, 12, 1, 0, 0))  # first moment of the next month: allowed again
    assert world.service(sub).actions.change_tariff.allowed
    svc = world.run(billing.change_tariff, sub, sub.number, sub.service_id, world.tariff_ids["Домашний 300"])
    assert svc.tariff.name == "Домашний 300"
    entries = [e for e in world.journal(sub) if e.action is JournalAction.TARIFF]
    assert [(e.old_value, e.new_value) for e in entries] == [
        ("Домашний 100", "Домашний 300"),
        ("Домашний 300", "Домашний 100"),
    ]
    assert entries[0].title == "Смена тарифа" and entries[0].service == "Доступ в интернет"


def test_promo_tariff_cannot_be_changed(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 16, 12))
    sub = world.subscriber(tariff="Акция: Гигабит за 1 ₽")
    service = world.service(sub)
    assert not service.actions.change_tariff.allowed
    assert "Оператор" in (service.actions.change_tariff.reason or "")
    with pytest.raises(billing.RuleError) as caught:
        world.run(billing.change_tariff, sub, sub.number, sub.service_id, world.tariff_ids["Домашний 100"])
    assert caught.value.code is ErrorCode.TARIFF_PROMO
    options = world.run(billing.tariff_options, sub, sub.number, sub.service_id, "ru")
    assert not options.change.allowed and options.current.promo


def test_tariff_options_exclude_current_and_promo_and_unknown_is_422(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 16, 12))
    sub = world.subscriber()
    options = world.run(billing.tariff_options, sub, sub.number, sub.service_id, "ru")
    names = {t.name for t in options.tariffs}
    assert names == {"Домашний 100", "Социальный 30"}
    with pytest.raises(billing.RuleError) as caught:
        world.run(billing.change_tariff, sub, sub.number, sub.service_id, world.tariff_ids["Базовый"])
    assert caught.value.code is ErrorCode.TARIFF_UNKNOWN and caught.value.status == 422
    with pytest.raises(billing.RuleError) as caught:
        world.run(
            billing.change_tariff, sub, sub.number, sub.service_id, world.tariff_ids["Акция: Гигабит за 1 ₽"]
        )
    assert caught.value.code is ErrorCode.TARIFF_UNKNOWN


def test_the_current_tariff_is_no_change_and_uses_up_nothing(world_factory: WorldFactory) -> None:
    """R-TARIFF-1: choosing the tariff in force is refused, writes nothing and leaves the month's one
    change (the rule-mutation audit of 2 December 2026: without the check, the mutant wrote two
    rows that cancel out, a journal entry and used up the month's change; it passed the audit's runs)."""
    world = world_factory(msk(2026, 11, 16, 12))
    sub = world.subscriber()
    for fn in (billing.tariff_quote, billing.change_tariff):
        with pytest.raises(billing.RuleError) as caught:
            world.run(fn, sub, sub.number, sub.service_id, world.tariff_ids["Домашний 300"])
        assert caught.value.code is ErrorCode.TARIFF_SAME
    assert world.entries(sub) == [] and world.journal(sub) == []
    assert world.service(sub).actions.change_tariff.allowed


# --------------------------------------------------------------------------- R-BLOCK-1


def test_voluntary_block_once_per_calendar_month(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 12, 31, 10))
    sub = world.subscriber()
    svc = world.run(billing.block_service, sub, sub.number, sub.service_id)
    assert svc.block is BlockKind.VOLUNTARY and svc.fee == Decimal("0.00") and svc.actions.unblock.allowed
    with pytest.raises(billing.RuleError) as caught:
        world.run(billing.block_service, sub, sub.number, sub.service_id)
    assert caught.value.code is ErrorCode.BLOCK_ALREADY
    svc = world.run(billing.unblock_service, sub, sub.number, sub.service_id)
    assert svc.block is None and not svc.actions.block.allowed
    world.clock.set(msk(2026, 12, 31, 23, 59, 59))
    with pytest.raises(billing.RuleError) as caught:
        world.run(billing.block_service, sub, sub.number, sub.service_id)
    assert caught.value.code is ErrorCode.BLOCK_MONTHLY_LIMIT
    world.clock.set(msk(2027, 1, 1, 0, 0))
    svc = world.run(billing.block_service, sub, sub.number, sub.service_id)
    assert svc.block is BlockKind.VOLUNTARY
    with pytest.raises(billing.RuleError) as caught:
        world.run(billing.unblock_service, sub, sub.number, sub.service_id + 999)
    assert caught.value.code is ErrorCode.NOT_FOUND
    actions = [e.action for e in world.journal(sub)]
    assert actions == [JournalAction.BLOCK, JournalAction.UNBLOCK, JournalAction.BLOCK]


def test_voluntary_block_refused_under_administrative_or_financial_block(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 16, 12))
    admin = world.subscriber(admin_block=True)
    with pytest.raises(billing.RuleError) as caught:
        world.run(billing.block_service, admin, admin.number, admin.service_id)
    assert caught.value.code is ErrorCode.BLOCK_NOT_ALLOWED
    assert "Административная" in caught.value.detail("ru")
    assert world.service(admin).block is BlockKind.ADMINISTRATIVE
    broke = world.subscriber("-100.00", financial_block=True)
    assert world.service(broke).block is BlockKind.FINANCIAL
    with pytest.raises(billing.RuleError) as caught:
        world.run(billing.block_service, broke, broke.number, broke.service_id)
    assert caught.value.code is ErrorCode.BLOCK_NOT_ALLOWED and "Финансовая" in caught.value.detail("ru")
    with pytest.raises(billing.RuleError) as caught:
        world.run(billing.unblock_service, broke, broke.number, broke.service_id)
    assert caught.value.code is ErrorCode.BLOCK_NONE


# --------------------------------------------------------------------------- monthly charges


def test_monthly_charge_on_the_first_not_before_and_only_once(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 16, 12))
    sub = world.subscriber("1000.00")
    world.clock.set(msk(2026, 11, 30, 23, 59, 59))
    assert world.account(sub).balance == Decimal("1000.00")
    world.clock.set(msk(2026, 12, 1, 0, 0))
    assert world.account(sub).balance == Decimal("250.00")
    assert world.account(sub).balance == Decimal("250.00")  # catch-up is idempotent
    charges = [e for e in world.entries(sub) if e.kind == BalanceKind.CHARGE.value]
    assert len(charges) == 1 and charges[0].amount_kopecks == -75000
    assert charges[0].description == "Абонентская плата за декабрь 2026: Доступ в интернет «Домашний 300»"
    page = world.run(billing.balance_history, sub, sub.number, 10, None, "en")
    assert page.items[0].description == "Monthly fee for December 2026: Internet access «Домашний 300»"
    assert page.items[0].balance_after == Decimal("250.00")


def test_monthly_charges_for_every_month_skipped(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 16, 12))
    sub = world.subscriber("3000.00")
    world.clock.set(msk(2027, 2, 3, 9))
    assert world.account(sub).balance == Decimal("750.00")  # December, January, February
    months = [e.description for e in world.entries(sub) if e.kind == BalanceKind.CHARGE.value]
    assert [d.split(":")[0] for d in months] == [
        "Абонентская плата за декабрь 2026",
        "Абонентская плата за январь 2027",
        "Абонентская плата за февраль 2027",
    ]


def test_no_monthly_charge_for_a_voluntarily_blocked_service(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 20, 12))
    sub = world.subscriber("1000.00")
    world.run(billing.block_service, sub, sub.number, sub.service_id)
    # issue 11: the block refunds the 21st…30th at once (750 × 10 / 30), then December costs nothing
    world.clock.set(msk(2026, 12, 1, 0, 0))
    account = world.account(sub)
    assert account.balance == Decimal("1250.00")
    assert account.status.value == "blocked" and account.recommended_payment == Decimal("0.00")
    world.clock.set(msk(2026, 12, 17, 9))  # unblocked with 15 of 31 days left: 750 × 15 / 31
    world.run(billing.unblock_service, sub, sub.number, sub.service_id)
    assert world.account(sub).balance == Decimal("887.10")
    world.clock.set(msk(2027, 1, 1, 0, 0))
    assert world.account(sub).balance == Decimal("137.10")


def test_block_and_unblock_within_a_month_pays_the_start_and_end_days_only(
    world_factory: WorldFactory,
) -> None:
    # issue 11 changed this: the 3rd…29th were wholly under the block and cost nothing
    world = world_factory(msk(2026, 11, 2, 12))
    sub = world.subscriber("1000.00")  # November was charged on the 1st (750)
    world.run(billing.block_service, sub, sub.number, sub.service_id)
    assert world.account(sub).balance == Decimal("1700.00")  # the 3rd…30th back: 750 × 28 / 30
    world.clock.set(msk(2026, 11, 30, 23, 59))
    world.run(billing.unblock_service, sub, sub.number, sub.service_id)
    assert world.account(sub).balance == Decimal("1675.00")  # the 30th: 750 / 30


# --------------------------------------------------------------------------- financial block


def test_financial_block_starts_on_the_11th_not_the_10th(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 20, 12))
    sub = world.subscriber("500.00")
    world.clock.set(msk(2026, 12, 10, 23, 59, 59))  # charged on the 1st → −250, day 10: no block yet
    account = world.account(sub)
    assert account.balance == Decimal("-250.00") and not account.financial_block
    assert account.status.value == "active" and not account.credit.available
    world.clock.set(msk(2026, 12, 11, 0, 0))
    account = world.account(sub)
    assert account.financial_block and account.status.value == "blocked" and account.credit.available
    assert world.service(sub).block is BlockKind.FINANCIAL
    entry = world.journal(sub)[0]
    assert entry.action is JournalAction.BLOCK and entry.actor.value == "system"
    assert entry.at == msk(2026, 12, 11) and entry.new_value == "Финансовая"
    # a payment that brings the balance to ≥ 0 lifts the block
    world.pay(sub, "249.99")
    assert world.account(sub).financial_block
    world.correct(sub, "0.01")
    account = world.account(sub)
    assert account.balance == Decimal("0.00") and not account.financial_block
    assert world.service(sub).block is None


def test_financial_block_after_a_jump_over_the_11th(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 30, 12))
    sub = world.subscriber("100.00")
    world.clock.set(msk(2026, 12, 20, 12))
    assert world.account(sub).financial_block
    blocks = [e for e in world.journal(sub) if e.action is JournalAction.BLOCK]
    assert blocks[0].at == msk(2026, 12, 11)


# --------------------------------------------------------------------------- R-SVC-2 pro-rata


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        (msk(2026, 11, 1, 0, 0), Decimal("310.00")),  # the whole month
        (msk(2026, 11, 30, 23, 59), Decimal("10.33")),  # 1 of 30 days: 310 / 30 = 10.333…
        (msk(2026, 12, 31, 12), Decimal("10.00")),  # 1 of 31 days
        (msk(2027, 2, 28, 12), Decimal("11.07")),  # 1 of 28 days: 11.071…
        (msk(2026, 11, 16, 12), Decimal("155.00")),  # 15 of 30 days
    ],
)
def test_pro_rata_first_charge(world_factory: WorldFactory, when: dt.datetime, expected: Decimal) -> None:
    world = world_factory(when)
    sub = world.subscriber("1000.00")
    tariff = world.tariff_ids["Базовый"]
    quote = world.run(billing.first_charge_quote, sub, sub.number, world.iptv_id, tariff)
    assert quote.amount == expected and quote.missing == Decimal("0.00")
    created = world.run(billing.add_service, sub, sub.number, world.iptv_id, tariff)
    assert created.first_charge == expected and created.service.name == "IPTVPORTAL"
    assert world.account(sub).balance == Decimal("1000.00") - expected
    first = [e for e in world.entries(sub) if e.kind == BalanceKind.FIRST_CHARGE.value]
    assert len(first) == 1 and first[0].amount_kopecks == -int(expected * 100)
    entry = world.journal(sub)[0]
    assert entry.action is JournalAction.SERVICE_NEW and entry.service == "IPTVPORTAL"
    with pytest.raises(billing.RuleError) as caught:
        world.run(billing.add_service, sub, sub.number, world.iptv_id, tariff)
    assert caught.value.code is ErrorCode.SERVICE_ALREADY


def test_new_service_refused_when_the_balance_is_short(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 16, 12))
    sub = world.subscriber("154.99")
    tariff = world.tariff_ids["Базовый"]
    quote = world.run(billing.first_charge_quote, sub, sub.number, world.iptv_id, tariff)
    assert (quote.amount, quote.missing) == (Decimal("155.00"), Decimal("0.01"))
    with pytest.raises(billing.RuleError) as caught:
        world.run(billing.add_service, sub, sub.number, world.iptv_id, tariff)
    assert caught.value.code is ErrorCode.SERVICE_SHORT_BALANCE and caught.value.status == 409
    assert "0,01" in caught.value.detail("ru") and "155,00" in caught.value.detail("ru")
    assert world.account(sub).balance == Decimal("154.99")
    assert len(world.run(billing.list_services, sub, sub.number)) == 1
    assert world.journal(sub) == []
    # exactly enough is enough
    world.correct(sub, "0.01")
    world.run(billing.add_service, sub, sub.number, world.iptv_id, tariff)
    assert world.account(sub).balance == Decimal("0.00")


def test_catalog_lists_what_is_not_yet_subscribed(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 16, 12))
    sub = world.subscriber()
    names = [item.name for item in world.run(billing.list_catalog, sub, sub.number, "ru")]
    assert names == ["IPTVPORTAL"]
    item = world.run(billing.list_catalog, sub, sub.number, "ru")[0]
    assert [t.name for t in item.tariffs] == ["Базовый", "Расширенный"]
    with pytest.raises(billing.RuleError) as caught:
        world.run(billing.add_service, sub, sub.number, world.iptv_id, world.tariff_ids["Домашний 100"])
    assert caught.value.code is ErrorCode.TARIFF_UNKNOWN and caught.value.fields == ("tariff_id",)


# --------------------------------------------------------------------------- R-ACC-2


@pytest.mark.parametrize(
    ("balance", "expected"),
    [
        ("100.01", "650.00"),  # 749.99 → 750 (rounded up)
        ("100.00", "650.00"),
        ("99.99", "651.00"),  # 650.01 → 651
        ("750.00", "0.00"),
        ("5000.00", "0.00"),
        ("-20.50", "771.00"),
    ],
)
def test_recommended_payment_rounds_up_to_whole_roubles(
    world_factory: WorldFactory, balance: str, expected: str
) -> None:
    world = world_factory(msk(2026, 11, 16, 12))
    sub = world.subscriber(balance)
    account = world.account(sub)
    assert account.recommended_payment == Decimal(expected)


def test_recommended_payment_counts_the_discounted_fee(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 16, 12))
    sub = world.subscriber("10000.00")
    offers = world.run(billing.discount_offers, sub, sub.number, sub.service_id, "ru")
    row = next(o for o in offers.offers if o.percent == 10)
    world.run(billing.take_discount, sub, sub.number, sub.service_id, row.id)
    world.clock.set(msk(2026, 12, 5, 12))
    account = world.account(sub)
    assert account.balance == Decimal("5950.00")  # 10000 − 6 × 675; December covered, no charge
    assert world.service(sub).fee == Decimal("675.00")
    assert account.recommended_payment == Decimal("0.00")


def test_another_subscribers_account_is_not_found(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 16, 12))
    a, b = world.subscriber(), world.subscriber()
    for fn, args in (
        (billing.get_account, (b.number,)),
        (billing.list_services, (b.number,)),
        (billing.take_credit, (b.number,)),
        (billing.block_service, (b.number, b.service_id)),
        (billing.block_service, (a.number, b.service_id)),
        (billing.balance_history, (b.number, 10, None)),
        (billing.calls_page, (b.number, 2026, 11, 10, None)),
    ):
        with pytest.raises(billing.RuleError) as caught:
            world.run(fn, a, *args)
        assert caught.value.code is ErrorCode.NOT_FOUND and caught.value.status == 404
