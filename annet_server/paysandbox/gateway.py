"""The sandbox's link to billing: find an order, push the bank's answer to it.

Billing (``annet_server.billing``) owns orders: ``order_for_gateway(db, number)`` finds one
without a subscriber session and ``confirm_payment(db, clock, number, approved=…, billnumber=…,
reason=…)`` records the answer idempotently (the balance is credited once). This module turns
what billing returns into an :class:`OrderView` the pages can show.
"""

from __future__ import annotations

import datetime as dt
import inspect
import secrets
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from annet_contract.schema import OrderState, PaymentOrder, Receipt


@dataclass(frozen=True)
class OrderView:
    """An order as the gateway pages need it."""

    order_number: str
    account: str
    amount: Decimal
    state: OrderState
    billnumber: str | None = None
    reason: str | None = None
    receipt: Receipt | None = None
    paid_at: dt.datetime | None = None


def _billing() -> Any:
    from .. import billing

    return billing


def _kopecks(value: Any) -> Decimal:
    return (Decimal(int(value)) / 100).quantize(Decimal("0.01"))


def _account_number(row: Any) -> str:
    account = getattr(row, "account", None)
    if isinstance(account, str):
        return account
    if account is not None:
        return str(getattr(account, "number", account))
    for name in ("account_number", "number_of_account"):
        if getattr(row, name, None):
            return str(getattr(row, name))
    return ""


def _receipt(row: Any) -> Receipt | None:
    raw = getattr(row, "receipt_json", None)
    if raw:
        return Receipt.model_validate_json(raw)
    found = getattr(row, "receipt", None)
    return found if isinstance(found, Receipt) else None


def view_of(obj: Any) -> OrderView:
    """An :class:`OrderView` of a schema ``PaymentOrder`` or of billing's order row."""
    if isinstance(obj, PaymentOrder):
        return OrderView(
            order_number=obj.order_number,
            account=obj.account,
            amount=obj.amount,
            state=obj.state,
            billnumber=obj.billnumber,
            reason=obj.reason,
            receipt=obj.receipt,
            paid_at=obj.paid_at,
        )
    billing = _billing()
    for name in ("order_out", "payment_out", "_order_out", "_payment_out", "order_to_schema"):
        fn = getattr(billing, name, None)
        if callable(fn):
            try:
                out = fn(obj)
            except TypeError:
                continue
            if isinstance(out, PaymentOrder):
                return view_of(out)
    if hasattr(obj, "amount_kopecks"):
        amount = _kopecks(obj.amount_kopecks)
    else:
        raw = obj.amount
        amount = _kopecks(raw) if isinstance(raw, int) else Decimal(str(raw)).quantize(Decimal("0.01"))
    state = OrderState(str(getattr(obj.state, "value", obj.state)))
    return OrderView(
        order_number=str(getattr(obj, "order_number", None) or obj.number),
        account=_account_number(obj),
        amount=amount,
        state=state,
        billnumber=getattr(obj, "billnumber", None),
        reason=getattr(obj, "reason", None),
        receipt=_receipt(obj),
        paid_at=getattr(obj, "paid_at", None),
    )


def find_order(db: Session, order_number: str) -> OrderView | None:
    """The order ``order_number``, or None when billing does not know it."""
    row = _billing().order_for_gateway(db, order_number)
    return None if row is None else view_of(row)


def new_billnumber() -> str:
    """A payment number of the gateway: 16 digits, random."""
    return str(secrets.randbelow(9 * 10**15) + 10**15)


def confirm(
    db: Session, clock: Any, order_number: str, *, approved: bool, reason: str | None, timeout: bool = False
) -> OrderView:
    """Push the bank's answer to the order (idempotent on billing's side) and return the order."""
    billing = _billing()
    fn = billing.confirm_payment
    kwargs: dict[str, Any] = {"approved": approved, "billnumber": new_billnumber(), "reason": reason}
    if timeout:
        params = inspect.signature(fn).parameters
        if "timeout" in params:
            kwargs["timeout"] = True
        elif "state" in params:
            kwargs["state"] = OrderState.TIMEOUT
    out = fn(db, clock, order_number, **kwargs)
    view = view_of(out)
    if view.receipt is None and view.state is OrderState.PAID:
        again = find_order(db, order_number)
        if again is not None and again.receipt is not None:
            view = again
    return view
