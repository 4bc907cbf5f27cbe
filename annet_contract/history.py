"""Lists on the wire: balance history (R-BAL-1), a month's calls (R-CALL-1), the journal (R-LOG-1).

Lists that can grow are paged newest first with ``limit`` and an opaque ``cursor`` (:class:`Page`);
the calls of a month travel columnar (:class:`CallsPage`), one list per column.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Generic, Literal, TypeVar

from pydantic import Field

from .money import Money
from .wire import Wire

T = TypeVar("T")


class Page(Wire, Generic[T]):
    """One page of a newest-first list; pass ``next_cursor`` back as ``cursor`` for the next."""

    items: list[T]
    next_cursor: str | None = None


class BalanceKind(StrEnum):
    """Why the balance moved (R-BAL-1)."""

    PAYMENT = "payment"  # online or other top-up
    CHARGE = "charge"  # monthly fee
    FIRST_CHARGE = "first_charge"  # pro-rata charge of a new service
    DISCOUNT_ADVANCE = "discount_advance"  # R-DISC-3 prepayment
    CALLS = "calls"  # telephony usage
    CORRECTION = "correction"  # operator's manual correction
    RECALCULATION = "recalculation"  # «Перерасчёт …»: a change during the month settled at once (R-BILL-1)


class BalanceEntry(Wire):
    """A top-up (positive) or write-off (negative) of the account, with date and time."""

    id: int
    at: dt.datetime
    amount: Money
    kind: BalanceKind
    description: str
    balance_after: Money
    # an online payment's order number: its 54-FZ receipt is GET …/payments/{order}/receipt
    order_number: str | None = None


class CallDirection(StrEnum):
    """Incoming or outgoing call."""

    IN = "in"
    OUT = "out"


class CallsPage(Wire):
    """One page of a month's calls, columnar: row *i* is ``(started_at[i], caller[i], …)``.

    ``total`` is the month's call count (so the app can show «загружено N из M»), ``offset`` the
    index of this page's first row within the month, ``months`` the (year, month) pairs of the
    account that have calls, newest first (for the month and year selectors).
    """

    account: str
    year: int
    month: int
    total: int
    offset: int
    next_cursor: str | None = None
    months: list[tuple[int, int]] = Field(default_factory=list)
    started_at: list[dt.datetime]
    caller: list[str]
    callee: list[str]
    direction: list[CallDirection]
    duration_s: list[int]
    cost: list[Money]
    zone: list[str]

    def __len__(self) -> int:
        return len(self.started_at)


class Actor(StrEnum):
    """Who made a change recorded in the journal (R-LOG-1)."""

    SUBSCRIBER = "subscriber"  # the subscriber, via the cabinet
    OPERATOR = "operator"
    SYSTEM = "system"  # billing: monthly charges, blocks, credit expiry


class JournalAction(StrEnum):
    """What kind of change a journal entry records."""

    CONTACT_SMS = "contacts.sms_phone"
    CONTACT_EMAIL = "contacts.email"
    PASSWORD = "password"  # never with the value
    TARIFF = "tariff"
    BLOCK = "block"
    UNBLOCK = "unblock"
    CREDIT = "credit"
    CREDIT_END = "credit.end"
    DISCOUNT = "discount"
    DISCOUNT_EXTEND = "discount.extend"
    SERVICE_NEW = "service.new"
    PAYMENT = "payment"
    LOGIN = "login"


class JournalEntry(Wire):
    """One change of the subscriber's data: who, when, what, old → new."""

    id: int
    at: dt.datetime
    actor: Actor
    action: JournalAction
    title: str  # the change in the subscriber's words («Смена тарифа», …)
    account: str | None = None
    service: str | None = None
    old_value: str | None = None
    new_value: str | None = None


Direction = Literal["asc", "desc"]
