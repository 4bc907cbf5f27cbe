"""54-FZ receipts kept by the server: every field, the QR text, the demo's receipts, 404 elsewhere."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select

from annet_contract.receipts import fiscal_qr, parse_fiscal_qr
from annet_contract.schema import MOSCOW, BalanceKind, OrderState
from annet_desktop.api import errors
from annet_server import billing
from annet_server import models as m
from annet_server.billing import receipts


def _pay(server: Any, client: Any, number: str, amount: str) -> str:
    order = client.create_payment(number, Decimal(amount))
    with server.session() as db:  # what the payment sandbox does when the card is accepted
        billing.confirm_payment(db, server.clock, order.order_number, approved=True, billnumber="B-1")
        db.commit()
    return str(order.order_number)


def test_a_credited_payment_has_a_full_receipt_with_its_qr_text(server: Any) -> None:
    demo = server.by_case("internet-discount")
    client = server.client(login=demo)
    me = client.me()
    number = me.accounts[0].number
    order = _pay(server, client, number, "1234.50")
    receipt = client.receipt(number, order)
    assert receipt == client.payment(number, order).receipt
    assert (receipt.sum, receipt.vat, receipt.vat_amount) == (
        Decimal("1234.50"),
        "НДС 22%",
        Decimal("222.61"),
    )
    assert receipt.seller_name == "ООО «Аннет»" and receipts._inn_ok(receipt.operator_inn)
    assert (receipt.taxation, receipt.settlement, receipt.payment_form) == ("ОСН", "Приход", "безналичными")
    assert receipt.item == "Оплата услуг связи" and receipt.fns_site == "www.nalog.gov.ru"
    assert len(receipt.register_number) == 16 and len(receipt.fiscal_drive) == 16
    assert receipt.fiscal_document.isdigit() and len(receipt.fiscal_sign) == 10
    assert receipt.at == server.clock.now() and receipt.buyer_email == me.email
    assert (receipt.order_number, receipt.account) == (order, number)
    assert receipt.shift == (dt.date(2026, 11, 16) - dt.date(2025, 1, 9)).days + 1
    assert parse_fiscal_qr(receipt.qr) == {
        "t": "20261116T1200",
        "s": "1234.50",
        "fn": receipt.fiscal_drive,
        "i": receipt.fiscal_document,
        "fp": receipt.fiscal_sign,
        "n": "1",
    }
    top = client.balance_history(number, limit=1).items[0]
    assert top.kind is BalanceKind.PAYMENT and top.order_number == order


def test_the_receipt_is_written_in_the_crediting_transaction(server: Any) -> None:
    client = server.client(login=server.by_case("internet-discount"))
    number = client.me().accounts[0].number
    order = client.create_payment(number, Decimal("10.00"))
    with server.session() as db:
        before = db.execute(select(func.count()).select_from(m.FiscalReceipt)).scalar_one()
        billing.confirm_payment(db, server.clock, order.order_number, approved=True, billnumber="B-2")
        assert db.execute(select(func.count()).select_from(m.FiscalReceipt)).scalar_one() == before + 1
        db.rollback()
    with pytest.raises(errors.NotFound):  # rolled back with the credit: neither stays
        client.receipt(number, order.order_number)
    assert client.payment(number, order.order_number).state is OrderState.PENDING


def test_receipts_of_another_subscriber_unpaid_orders_and_other_payments_are_404(server: Any) -> None:
    mine = server.client(login=server.by_case("internet-discount"))
    mine_number = mine.me().accounts[0].number
    order = _pay(server, mine, mine_number, "300.00")
    other = server.client(login=server.by_case("multi-account"))
    other_number = other.me().accounts[0].number
    for number in (mine_number, other_number):
        with pytest.raises(errors.NotFound):
            other.receipt(number, order)
    pending = mine.create_payment(mine_number, Decimal("5.00"))
    with pytest.raises(errors.NotFound):
        mine.receipt(mine_number, pending.order_number)
    bank = next(
        e
        for e in mine.balance_history(mine_number, limit=1000).items
        if e.kind is BalanceKind.PAYMENT and e.order_number is None
    )
    with pytest.raises(errors.NotFound):
        mine.receipt(mine_number, str(bank.id))
    assert mine.receipt(mine_number, order).sum == Decimal("300.00")


def test_every_online_payment_of_the_demo_has_its_receipt(server: Any) -> None:
    client = server.client(login=server.by_case("internet-discount"))
    number = client.me().accounts[0].number
    payments = [e for e in client.balance_history(number, limit=1000).items if e.kind is BalanceKind.PAYMENT]
    online = [e for e in payments if e.order_number is not None]
    assert online and len(online) < len(payments)
    for entry in online:
        assert "онлайн" in entry.description.lower() or entry.order_number in entry.description
        receipt = client.receipt(number, entry.order_number)
        assert receipt.sum == entry.amount and receipt.at == entry.at
        assert receipt.qr == fiscal_qr(
            entry.at, entry.amount, receipt.fiscal_drive, receipt.fiscal_document, receipt.fiscal_sign
        )


@pytest.mark.parametrize(
    ("at", "shift"),
    [
        (dt.datetime(2025, 1, 8, 23, 59, tzinfo=MOSCOW), 0),
        (dt.datetime(2025, 1, 9, 0, 0, tzinfo=MOSCOW), 1),
        (dt.datetime(2025, 1, 9, 23, 59, tzinfo=MOSCOW), 1),
        (dt.datetime(2025, 1, 9, 21, 0, tzinfo=dt.UTC), 2),  # 00:00 of the 10th in Moscow
    ],
)
def test_the_shift_is_the_registers_moscow_day(at: dt.datetime, shift: int) -> None:
    assert receipts._shift(at) == shift


def test_the_qr_time_is_moscow_time_to_the_minute() -> None:
    at = dt.datetime(2026, 12, 31, 21, 0, 59, tzinfo=dt.UTC)
    assert fiscal_qr(at, Decimal("5"), "1", "2", "3") == "t=20270101T0000&s=5.00&fn=1&i=2&fp=3&n=1"
