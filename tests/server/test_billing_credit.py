"""R-CREDIT and payments at their edges: day 5 and 6 of a credit, the 2-month ban's last and first
day, repayment, idempotent payment confirmation and the 54-FZ receipt (FakeClock, no HTTP)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest
import test_billing_world as _world
from test_billing_world import MERCHANT_SECRET, World, msk

from annet_contract.schema import BalanceKind, ErrorCode, JournalAction, OrderState
from annet_server import billing
from annet_server.billing.receipts import _inn_ok

WorldFactory = Callable[[dt.datetime], World]
world_factory = _world.world_factory  # the shared fixture


def _blocked(world: World, balance: str = "-300.00") -> object:
    sub = world.subscriber(balance, financial_block=True)
    assert world.account(sub).credit.available
    return sub


def test_credit_only_under_a_financial_block(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 16, 12))
    sub = world.subscriber("100.00")
    account = world.account(sub)
    assert not account.credit.available and account.credit.reason
    with pytest.raises(billing.RuleError) as caught:
        world.run(billing.take_credit, sub, sub.number)
    assert caught.value.code is ErrorCode.CREDIT_NOT_BLOCKED and caught.value.status == 409


def test_credit_day_5_in_force_day_6_ended_and_block_returns(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 16, 12))
    sub = _blocked(world)
    out = world.run(billing.take_credit, sub, sub.number)
    assert out.ends_at == msk(2026, 11, 21, 12)  # exactly 120 hours (issue 11: was 00:00 of the 21st)
    assert (
        not out.account.financial_block and out.account.credit.in_force and not out.account.credit.available
    )
    assert out.account.status.value == "active"
    with pytest.raises(billing.RuleError) as caught:
        world.run(billing.take_credit, sub, sub.number)
    assert caught.value.code is ErrorCode.CREDIT_IN_FORCE
    entry = world.journal(sub)[0]
    assert entry.action is JournalAction.CREDIT and entry.old_value == "Финансовая"
    assert entry.new_value == "кредит до 21.11.2026 12:00"

    world.clock.set(msk(2026, 11, 21, 11, 59, 59))  # the last second of the 120 hours
    account = world.account(sub)
    assert account.credit.in_force and not account.financial_block

    world.clock.set(msk(2026, 11, 21, 12, 0))  # 120 hours
    account = world.account(sub)
    assert not account.credit.in_force and account.financial_block and not account.credit.available
    assert account.credit.banned_until == dt.date(2027, 1, 21)
    assert "21.01.2027" in (account.credit.reason or "")
    journal = world.journal(sub)
    assert journal[0].action is JournalAction.CREDIT_END and journal[0].new_value
    assert journal[0].at == msk(2026, 11, 21, 12)


def test_credit_ban_last_day_and_first_day(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 16, 12))
    sub = _blocked(world)
    world.run(billing.take_credit, sub, sub.number)
    world.clock.set(msk(2027, 1, 20, 23, 59, 59))  # the ban's last day
    account = world.account(sub)
    assert account.financial_block and not account.credit.available
    with pytest.raises(billing.RuleError) as caught:
        world.run(billing.take_credit, sub, sub.number)
    assert caught.value.code is ErrorCode.CREDIT_BANNED
    assert "21.01.2027" in caught.value.detail("ru") and "21.01.2027" in caught.value.detail("en")

    world.clock.set(msk(2027, 1, 21, 0, 0))  # the first day a credit may be taken again
    account = world.account(sub)
    assert account.credit.available and account.credit.banned_until is None
    out = world.run(billing.take_credit, sub, sub.number)
    assert out.ends_at == msk(2027, 1, 26)  # taken at 00:00: 120 hours later


def test_ban_end_date_clamped_to_the_shorter_month(world_factory: WorldFactory) -> None:
    assert billing.credit_banned_until(msk(2026, 12, 31)) == dt.date(2027, 2, 28)
    assert billing.credit_banned_until(msk(2027, 12, 31)) == dt.date(2028, 2, 29)
    assert billing.credit_ends_at(msk(2026, 12, 28, 23, 59)) == msk(2027, 1, 2, 23, 59)


def test_credit_repaid_by_a_payment_before_it_ends_leaves_no_ban(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 16, 12))
    sub = _blocked(world, "-300.00")
    world.run(billing.take_credit, sub, sub.number)
    world.clock.set(msk(2026, 11, 20, 22, 0))
    world.pay(sub, "299.99")
    assert world.account(sub).credit.in_force  # still below 0
    world.pay(sub, "1.00")
    account = world.account(sub)
    assert account.balance == Decimal("0.99") and not account.credit.in_force and not account.financial_block
    journal = world.journal(sub)
    assert any(e.action is JournalAction.CREDIT_END and e.new_value == "погашен" for e in journal)
    world.clock.set(msk(2026, 11, 25, 12))
    account = world.account(sub)
    assert account.credit.banned_until is None and not account.financial_block


def test_payment_confirmation_is_idempotent_and_has_a_receipt(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 16, 12))
    sub = world.subscriber("-50.00", financial_block=True)
    order = world.run(
        billing.create_payment,
        sub,
        sub.number,
        Decimal("1234.50"),
        "http://127.0.0.1:8080",
        merchant_secret=MERCHANT_SECRET,
    )
    assert order.state is OrderState.PENDING and order.amount == Decimal("1234.50")
    assert order.payment_url.startswith("http://127.0.0.1:8080/pay/?")
    assert "OrderAmount=1234.50" in order.payment_url and "Checkvalue=" in order.payment_url
    assert world.account(sub).balance == Decimal("-50.00")

    first = world.run(
        billing.confirm_payment, None, order.order_number, approved=True, billnumber="1111222233334444"
    )
    second = world.run(
        billing.confirm_payment, None, order.order_number, approved=True, billnumber="9999888877776666"
    )
    declined_late = world.run(
        billing.confirm_payment, None, order.order_number, approved=False, billnumber="5", reason="x"
    )
    assert first.state is second.state is declined_late.state is OrderState.PAID
    assert second.billnumber == "1111222233334444"
    account = world.account(sub)
    assert account.balance == Decimal("1184.50") and not account.financial_block
    payments = [e for e in world.entries(sub) if e.kind == BalanceKind.PAYMENT.value]
    assert len(payments) == 1 and payments[0].amount_kopecks == 123450
    receipt = first.receipt
    assert receipt is not None and receipt.sum == Decimal("1234.50")
    assert receipt.vat == "НДС 22%" and receipt.vat_amount == Decimal("222.61")
    assert receipt.fiscal_sign and receipt.fiscal_document and len(receipt.fiscal_drive) == 16
    assert _inn_ok(receipt.operator_inn)
    got = world.run(billing.get_payment, sub, sub.number, order.order_number)
    assert got == first
    history = world.run(billing.balance_history, sub, sub.number, 1, None, "ru")
    assert (
        history.items[0].amount == Decimal("1234.50") and order.order_number in history.items[0].description
    )
    entries = [e for e in world.journal(sub) if e.action is JournalAction.PAYMENT]
    assert len(entries) == 1 and order.order_number in (entries[0].new_value or "")


def test_declined_payment_changes_no_balance(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 16, 12))
    sub = world.subscriber("10.00")
    order = world.run(
        billing.create_payment, sub, sub.number, Decimal("500"), "http://h", merchant_secret=MERCHANT_SECRET
    )
    out = world.run(
        billing.confirm_payment, None, order.order_number, approved=False, billnumber="7", reason=None
    )
    assert out.state is OrderState.DECLINED
    assert out.reason == "Отказ в авторизации. Проверьте параметры платежного средства."
    again = world.run(billing.confirm_payment, None, order.order_number, approved=True, billnumber="8")
    assert again.state is OrderState.DECLINED and world.account(sub).balance == Decimal("10.00")
    timeout = world.run(
        billing.create_payment, sub, sub.number, Decimal("5"), "http://h", merchant_secret=MERCHANT_SECRET
    )
    out = world.run(
        billing.confirm_payment,
        None,
        timeout.order_number,
        approved=False,
        billnumber="9",
        reason="t",
        timeout=True,
    )
    assert out.state is OrderState.TIMEOUT


@pytest.mark.parametrize("amount", ["0.99", "0", "-5", "100000.01", "12.345"])
def test_payment_amount_outside_the_range_is_422(world_factory: WorldFactory, amount: str) -> None:
    world = world_factory(msk(2026, 11, 16, 12))
    sub = world.subscriber()
    with pytest.raises(billing.RuleError) as caught:
        world.run(
            billing.create_payment,
            sub,
            sub.number,
            Decimal(amount),
            "http://h",
            merchant_secret=MERCHANT_SECRET,
        )
    assert caught.value.code is ErrorCode.PAYMENT_AMOUNT and caught.value.status == 422
    assert caught.value.fields == ("amount",)


def test_payment_limits_accepted(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 16, 12))
    sub = world.subscriber()
    for amount in ("1.00", "100000.00"):
        assert world.run(
            billing.create_payment,
            sub,
            sub.number,
            Decimal(amount),
            "http://h",
            merchant_secret=MERCHANT_SECRET,
        ).amount == Decimal(amount)
    other = world.subscriber()
    order = world.run(
        billing.create_payment, other, other.number, Decimal("5"), "http://h", merchant_secret=MERCHANT_SECRET
    )
    with pytest.raises(billing.RuleError) as caught:
        world.run(billing.get_payment, sub, sub.number, order.order_number)
    assert caught.value.code is ErrorCode.NOT_FOUND
    with world.sessions() as db:
        row = billing.order_for_gateway(db, order.order_number)
        assert row is not None and row.amount_kopecks == 500 and row.account_number == other.number
        assert billing.order_for_gateway(db, "nope") is None


# ---- the rule-mutation audit of 2 December 2026: each test below fails on the mutant it names,
# ---- which the billing tests let through (docs/reliability.md's table says what else caught it)


def test_a_partial_payment_during_a_credit_keeps_the_block_off(world_factory: WorldFactory) -> None:
    """R-CREDIT-1/2: the credit holds the block off until it ends, whatever the balance does
    (mutant: settling a balance change after the 11th ignored the credit in force; before this
    test only an oracle history, tests/oracle/test_named_histories.py, caught it)."""
    world = world_factory(msk(2026, 11, 16, 12))
    sub = _blocked(world)
    world.run(billing.take_credit, sub, sub.number)
    world.clock.set(msk(2026, 11, 17, 12))
    order = world.pay(sub, "100.00")
    assert order.financial_block_after is False and order.missing == Decimal("0.00")
    account = world.account(sub)
    assert account.balance == Decimal("-200.00") and account.credit.in_force and not account.financial_block


@pytest.mark.parametrize(("day", "blocked", "missing"), [(10, False, "0.00"), (11, True, "400.00")])
def test_a_payment_says_what_is_missing_only_under_a_block(
    world_factory: WorldFactory, day: int, blocked: bool, missing: str
) -> None:
    """R-BILL-4: «still missing» is said only while the block is in force; before the 11th a
    negative balance is not blocked (mutant: ``missing`` counted without a block)."""
    world = world_factory(msk(2026, 11, day, 12))
    sub = world.subscriber("-500.00", financial_block=blocked)
    order = world.pay(sub, "100.00")
    assert order.financial_block_after is blocked and order.missing == Decimal(missing)
