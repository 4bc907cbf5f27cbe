"""Online payments on the wire (R-PAY): the order the app creates, its state and the 54-FZ receipt."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from .money import Money
from .receipts import Receipt
from .wire import Request, Wire


class PaymentCreate(Request):
    """``POST /accounts/{number}/payments``: the amount to pay, 1 ₽ … 100 000 ₽ (R-PAY-1)."""

    amount: Money


class OrderState(StrEnum):
    """Where an order stands; only the server's word ``paid`` counts as paid (R-PAY-3)."""

    PENDING = "pending"
    PAID = "paid"
    DECLINED = "declined"
    TIMEOUT = "timeout"


class PaymentOrder(Wire):
    """An order of the payment gateway for one top-up."""

    order_number: str
    account: str
    amount: Money
    state: OrderState
    payment_url: str  # the hosted payment page (R-PAY-1)
    created_at: dt.datetime
    paid_at: dt.datetime | None = None
    billnumber: str | None = None  # the gateway's payment number
    reason: str | None = None  # with declined/timeout: the provider's words
    receipt: Receipt | None = None
    # with paid: where the account stands once the payment is credited (R-BILL-4), so the app can
    # tell "services come back within 1–10 minutes" from "still missing {missing}"
    financial_block_after: bool | None = None  # the account is still financially blocked
    missing: Money | None = None  # what the balance still lacks to lift the block (0 when lifted)
