"""Payments (R-PAY): orders, the gateway's answer, the 54-FZ receipt, operator corrections."""

from __future__ import annotations

import datetime as dt
import secrets
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from annet_contract import schema as s
from annet_contract.errors import ErrorCode
from annet_contract.payment_amount import amount_allowed

from .. import messages
from .. import models as m
from ..db import as_moscow, to_kopecks
from .catchup import _catch_up_account
from .journal import _encode_value, _journal_at
from .kopecks import _money
from .ledger import _post
from .lookups import _account, _subscriber
from .receipts import issue_receipt, receipt_out
from .refusals import RuleError, _field_error


def _order_number(db: Session, now: dt.datetime) -> str:
    for _ in range(20):
        candidate = f"{now:%y%m%d}{secrets.randbelow(10**6):06d}"
        exists = db.execute(select(m.PaymentOrder.id).where(m.PaymentOrder.order_number == candidate)).first()
        if exists is None:
            return candidate
    raise RuleError(ErrorCode.INTERNAL)


def _payment_url(
    base_url: str, order_number: str, amount: Decimal, email: str | None, lang: str, secret: str
) -> str:
    """The signed address of the pay page for the order (``Language`` from ``lang``)."""
    from ..paysandbox import checkvalue

    language = "en" if lang == "en" else "ru"
    return checkvalue.payment_url(base_url, order_number, amount, email, language, secret)


def order_out(row: m.PaymentOrder) -> s.PaymentOrder:
    """The schema view of an order row."""
    receipt = receipt_out(row.receipt) if row.receipt is not None else None
    return s.PaymentOrder(
        order_number=row.order_number,
        account=row.account.number,
        amount=_money(row.amount_kopecks),
        state=s.OrderState(row.state),
        payment_url=row.payment_url,
        created_at=as_moscow(row.created_at),
        paid_at=as_moscow(row.paid_at),
        billnumber=row.billnumber,
        reason=row.reason,
        receipt=receipt,
        **_standing_after(row),
    )


def _standing_after(row: m.PaymentOrder) -> dict[str, Any]:
    """With a paid order: whether the account is still financially blocked and what it lacks (R-BILL-4)."""
    if row.state != s.OrderState.PAID.value:
        return {}
    acc = row.account
    missing = max(0, -acc.balance_kopecks) if acc.financial_block else 0
    return {"financial_block_after": acc.financial_block, "missing": _money(missing)}


def create_payment(
    db: Session,
    clock: Any,
    sub_id: int,
    number: str,
    amount: Decimal,
    pay_base_url: str,
    lang: str = "ru",
    *,
    merchant_secret: str,
) -> s.PaymentOrder:
    """Create an order for a top-up of 1 … 100 000 ₽ and its payment page address (R-PAY-1).

    ``pay_base_url`` is the server's configured public URL; ``merchant_secret`` signs the address.
    """
    now = clock.now()
    acc = _account(db, sub_id, number)
    try:
        value = Decimal(amount)
    except (ArithmeticError, ValueError, TypeError) as exc:
        raise _field_error(ErrorCode.PAYMENT_AMOUNT, "amount") from exc
    if not amount_allowed(value):
        raise _field_error(ErrorCode.PAYMENT_AMOUNT, "amount")
    sub = _subscriber(db, sub_id)
    order_number = _order_number(db, now)
    value = value.quantize(Decimal("0.01"))
    row = m.PaymentOrder(
        order_number=order_number,
        account_id=acc.id,
        amount_kopecks=to_kopecks(value),
        state=s.OrderState.PENDING.value,
        email=sub.email,
        payment_url=_payment_url(pay_base_url, order_number, value, sub.email, lang, merchant_secret),
        created_at=now,
    )
    db.add(row)
    db.flush()
    return order_out(row)


def get_payment(
    db: Session, clock: Any, sub_id: int, number: str, order_number: str, lang: str = "ru"
) -> s.PaymentOrder:
    """The state of one order of the account (404 for another account's order)."""
    acc = _account(db, sub_id, number)
    row = db.execute(
        select(m.PaymentOrder).where(
            m.PaymentOrder.order_number == str(order_number), m.PaymentOrder.account_id == acc.id
        )
    ).scalar_one_or_none()
    if row is None:
        raise RuleError(ErrorCode.NOT_FOUND)
    return order_out(row)


def order_for_gateway(db: Session, order_number: str) -> m.PaymentOrder | None:
    """The order row by number, for the payment sandbox (no subscriber session there)."""
    return db.execute(
        select(m.PaymentOrder).where(m.PaymentOrder.order_number == str(order_number))
    ).scalar_one_or_none()


def confirm_payment(
    db: Session,
    clock: Any,
    order_number: str,
    *,
    approved: bool,
    billnumber: str,
    reason: str | None = None,
    timeout: bool = False,
) -> s.PaymentOrder:
    """Record the gateway's answer for an order; idempotent: only a pending order changes.

    Approved: the balance grows by exactly the amount (BalanceEntry ``payment`` + journal entry),
    the credit is repaid and the financial block lifted when the balance reaches ≥ 0, a 54-FZ
    receipt is made. Declined (or ``timeout``): the order keeps the provider's reason.
    """
    now = clock.now()
    row = db.execute(
        select(m.PaymentOrder)
        .where(m.PaymentOrder.order_number == str(order_number))
        .with_for_update(of=m.PaymentOrder)
    ).scalar_one_or_none()
    if row is None:
        raise RuleError(ErrorCode.NOT_FOUND)
    if row.state != s.OrderState.PENDING.value:
        return order_out(row)
    acc = db.execute(select(m.Account).where(m.Account.id == row.account_id).with_for_update()).scalar_one()
    _catch_up_account(db, acc, now)
    row.billnumber = billnumber
    if not approved:
        row.state = (s.OrderState.TIMEOUT if timeout else s.OrderState.DECLINED).value
        row.reason = reason or messages.message(ErrorCode.PAYMENT_DECLINED, "ru")
        db.flush()
        return order_out(row)
    row.state = s.OrderState.PAID.value
    row.paid_at = now
    row.reason = None
    amount = _money(row.amount_kopecks)
    entry = _post(
        db,
        acc,
        now,
        row.amount_kopecks,
        s.BalanceKind.PAYMENT,
        "balance.payment_online",
        order=row.order_number,
    )
    _journal_at(
        db,
        acc,
        now,
        s.JournalAction.PAYMENT,
        s.Actor.SUBSCRIBER,
        new=_encode_value("value.payment", amount=str(amount), order=row.order_number),
    )
    db.flush()
    issue_receipt(db, row, entry, now)
    return order_out(row)


def operator_correction(db: Session, clock: Any, account_number: str, amount: Decimal) -> None:
    """An operator's manual balance correction (used by tests and the seed)."""
    now = clock.now()
    acc = db.execute(
        select(m.Account).where(m.Account.number == account_number).with_for_update()
    ).scalar_one()
    _catch_up_account(db, acc, now)
    _post(db, acc, now, to_kopecks(amount), s.BalanceKind.CORRECTION, "balance.correction")
    db.flush()
