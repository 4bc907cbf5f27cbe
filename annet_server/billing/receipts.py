"""The 54-FZ receipts of online payments: issued when a payment is credited, kept, and read back.

A receipt row is written in the same transaction that credits the payment (:func:`issue_receipt`
from ``payments.confirm_payment`` and from the demo seed), linked to the order and to the balance
entry. The cash register's data (seller, СНО, РН ККТ, ФН) are the sandbox's constants; the shift
is the register's Moscow day (one shift a day since :data:`REGISTERED`) and the number in the shift
counts that day's receipts. No card data is kept: the receipt does not name the card.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from functools import lru_cache

from sqlalchemy import Executable, bindparam, func, select
from sqlalchemy.orm import Session

from annet_contract import schema as s
from annet_contract.errors import ErrorCode
from annet_contract.receipts import fiscal_qr

from .. import models as m
from ..db import as_moscow
from .kopecks import _money, _percent_of
from .lookups import _account
from .refusals import RuleError

#: 54-FZ receipt: VAT rate of communication services in 2026
VAT_PERCENT = 22
SELLER_NAME = "ООО «Аннет»"
OPERATOR_INN = "6950012340"
TAXATION = "ОСН"
SETTLEMENT = "Приход"
ITEM = "Оплата услуг связи"
PAYMENT_FORM = "безналичными"
REGISTER_NUMBER = "0004567812034561"
FISCAL_DRIVE = "7380440801234567"
FNS_SITE = "www.nalog.gov.ru"
#: the day the cash register was registered: its shift 1
REGISTERED = dt.date(2025, 1, 9)
#: the register's first fiscal document numbers went to the shift reports before the sandbox's receipts
FIRST_DOCUMENT = 10_000


def _inn_ok(inn: str) -> bool:
    """Whether a legal entity's 10-digit ИНН has the right check digit."""
    weights = (2, 4, 10, 3, 5, 9, 4, 6, 8)
    return (
        len(inn) == 10
        and int(inn[9]) == sum(w * int(d) for w, d in zip(weights, inn, strict=False)) % 11 % 10
    )


def _shift(at: dt.datetime) -> int:
    return (as_moscow(at).date() - REGISTERED).days + 1


def issue_receipt(
    db: Session, order: m.PaymentOrder, entry: m.BalanceEntry, at: dt.datetime
) -> m.FiscalReceipt:
    """Issue and keep the receipt of ``order`` credited by ``entry`` at ``at`` (flushed, not committed)."""
    shift = _shift(at)
    in_shift = db.execute(select(func.count()).where(m.FiscalReceipt.shift == shift)).scalar_one()
    digest = hashlib.sha256(f"{order.order_number}|{order.billnumber}|{at.isoformat()}".encode()).hexdigest()
    row = m.FiscalReceipt(
        order_id=order.id,
        balance_entry_id=entry.id,
        at=at,
        sum_kopecks=order.amount_kopecks,
        vat=f"НДС {VAT_PERCENT}%",
        vat_kopecks=_percent_of(order.amount_kopecks, VAT_PERCENT, 100 + VAT_PERCENT),
        seller_name=SELLER_NAME,
        seller_inn=OPERATOR_INN,
        taxation=TAXATION,
        item=ITEM,
        register_number=REGISTER_NUMBER,
        fiscal_drive=FISCAL_DRIVE,
        fiscal_document="0",
        fiscal_sign=str(int(digest[:12], 16) % 10**10).zfill(10),
        shift=shift,
        number_in_shift=int(in_shift) + 1,
        fns_site=FNS_SITE,
        buyer_email=order.email,
    )
    db.add(row)
    db.flush()
    row.fiscal_document = str(FIRST_DOCUMENT + row.id)
    order.receipt = row
    db.flush()
    return row


def receipt_out(row: m.FiscalReceipt) -> s.Receipt:
    """The wire view of a kept receipt, with the QR code's text."""
    at = as_moscow(row.at)
    total = _money(row.sum_kopecks)
    return s.Receipt(
        sum=total,
        vat=row.vat,
        vat_amount=_money(row.vat_kopecks),
        fiscal_sign=row.fiscal_sign,
        fiscal_document=row.fiscal_document,
        fiscal_drive=row.fiscal_drive,
        at=at,
        operator_inn=row.seller_inn,
        seller_name=row.seller_name,
        taxation=row.taxation,
        settlement=SETTLEMENT,
        item=row.item,
        payment_form=PAYMENT_FORM,
        register_number=row.register_number,
        shift=row.shift,
        number_in_shift=row.number_in_shift,
        fns_site=row.fns_site,
        buyer_email=row.buyer_email,
        order_number=row.order.order_number,
        account=row.order.account.number,
        qr=fiscal_qr(at, total, row.fiscal_drive, row.fiscal_document, row.fiscal_sign),
    )


def get_receipt(db: Session, sub_id: int, number: str, order_number: str) -> s.Receipt:
    """The receipt of the account's paid order ``order_number``; 404 for anything else."""
    acc = _account(db, sub_id, number)
    row = db.execute(
        select(m.FiscalReceipt)
        .join(m.PaymentOrder, m.FiscalReceipt.order_id == m.PaymentOrder.id)
        .where(m.PaymentOrder.order_number == str(order_number), m.PaymentOrder.account_id == acc.id)
    ).scalar_one_or_none()
    if row is None:
        raise RuleError(ErrorCode.NOT_FOUND)
    return receipt_out(row)


def orders_of_entries(db: Session, entry_ids: Iterable[int]) -> dict[int, str]:
    """``{balance entry id: order number}`` for the entries among ``entry_ids`` that have a receipt."""
    ids = list(entry_ids)
    if not ids:
        return {}
    rows = db.execute(_orders_query(), {"ids": ids}).all()
    return {entry_id: order for entry_id, order in rows}


@lru_cache(maxsize=1)
def _orders_query() -> Executable:
    """:func:`orders_of_entries`' statement, built once (bound: the list ``ids``)."""
    return (
        select(m.FiscalReceipt.balance_entry_id, m.PaymentOrder.order_number)
        .join(m.PaymentOrder, m.FiscalReceipt.order_id == m.PaymentOrder.id)
        .where(m.FiscalReceipt.balance_entry_id.in_(bindparam("ids", expanding=True)))
    )
