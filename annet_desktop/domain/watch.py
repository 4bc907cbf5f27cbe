"""What the app watches for while it sits in the tray: the tray's state and the notices (issue 14).

Pure: it reads the server's answers (account, forecast, services, the newest balance rows) and
never works out money itself — every amount and moment comes from the server's forecast, whose
``as_of`` is the server's clock, so the edges (5 days before the 1st, 2 days before a block, the
last 24 hours of a credit) are measured on the server's time, not on a wrong local clock.

* :func:`level` — fine / pay soon / blocked, for the tray icon;
* :func:`coming` — the notices the forecast calls for now;
* :func:`changed` — the notices that come from a change between two looks (a credit ban lifted,
  an administrative block appeared or ended, an online payment credited): :class:`Seen` is what was seen
  last time (kept in the settings between runs as JSON, :meth:`Seen.to_json`).

Each :class:`Notice` has a ``key`` that names the event, so it is shown once ever, even across
restarts (the caller remembers the keys).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any

from annet_contract.forecast import EventKind, Forecast, Lasts
from annet_contract.history import BalanceKind
from annet_contract.schema import BlockKind

#: «money will not cover the next charge» is said from this long before the 1st
SHORT_BEFORE = dt.timedelta(days=5)
#: «financial block in 2 days»
BLOCK_BEFORE = dt.timedelta(days=2)
#: «the credit ends in 24 hours»
CREDIT_BEFORE = dt.timedelta(hours=24)


class Level(StrEnum):
    """The tray icon: all is well, something must be paid soon, a service is blocked for money."""

    FINE = "fine"
    SOON = "soon"
    BLOCKED = "blocked"


class NoticeKind(StrEnum):
    """One kind of notification; each can be turned off in the settings."""

    SHORT = "short"  # the money will not cover the next charge of the 1st
    BLOCK_SOON = "block_soon"  # a financial block in 2 days unless paid
    BLOCK = "block"  # the financial block is in force
    CREDIT_ENDS = "credit_ends"  # the credit ends within 24 hours
    BAN_LIFTED = "ban_lifted"  # a credit may be taken again
    DISCOUNT_ENDS = "discount_ends"  # the paid discount ends within a month; it can be extended now
    PAYMENT = "payment"  # an online payment was credited
    ADMIN_BLOCK = "admin_block"  # an administrative block appeared or ended


#: the objectName of the tab that deals with each kind (a click on the message opens it)
TAB = {
    NoticeKind.SHORT: "tab_account",
    NoticeKind.BLOCK_SOON: "tab_account",
    NoticeKind.BLOCK: "tab_account",
    NoticeKind.CREDIT_ENDS: "tab_account",
    NoticeKind.BAN_LIFTED: "tab_account",
    NoticeKind.DISCOUNT_ENDS: "tab_services",
    NoticeKind.PAYMENT: "tab_balance",
    NoticeKind.ADMIN_BLOCK: "tab_services",
}


@dataclass(frozen=True)
class Notice:
    """One event to tell the subscriber: amounts, dates and a service name only (nothing secret)."""

    kind: NoticeKind
    key: str  # names the event: shown once ever
    number: str  # the account
    amount: Decimal | None = None
    at: dt.datetime | None = None
    service: str | None = None
    ended: bool = False  # ADMIN_BLOCK: the block ended (else it appeared)

    @property
    def tab(self) -> str:
        return TAB[self.kind]


def _short(forecast: Forecast) -> bool:
    """The balance does not pay for the next charge (the server's ``lasts``, not a sum of ours)."""
    if forecast.next_charge.amount <= 0:
        return False
    if forecast.lasts is Lasts.OWING:
        return True
    until = forecast.lasts_until
    return forecast.lasts is Lasts.UNTIL and until is not None and until < forecast.next_charge.at.date()


def coming(number: str, forecast: Forecast) -> list[Notice]:
    """The notices ``forecast`` calls for at its own moment (``as_of``); none without ``as_of``."""
    now = forecast.as_of
    if now is None:
        return []
    out: list[Notice] = []
    charge = forecast.next_charge
    if _short(forecast) and now >= charge.at - SHORT_BEFORE:
        key = f"short:{number}:{charge.at.date().isoformat()}"
        out.append(Notice(NoticeKind.SHORT, key, number, forecast.recommended_payment, charge.at))
    for event in forecast.events:
        at = event.at
        stamp = at.isoformat()
        if event.kind is EventKind.FINANCIAL_BLOCK:
            if event.in_force:
                out.append(Notice(NoticeKind.BLOCK, f"block:{number}:{stamp}", number, event.amount, at))
            elif now >= at - BLOCK_BEFORE:
                key = f"block_soon:{number}:{stamp}"
                out.append(Notice(NoticeKind.BLOCK_SOON, key, number, event.amount, at))
        elif event.kind is EventKind.CREDIT_ENDS and now >= at - CREDIT_BEFORE:
            out.append(Notice(NoticeKind.CREDIT_ENDS, f"credit:{number}:{stamp}", number, event.amount, at))
        elif event.kind is EventKind.DISCOUNT_ENDS and event.extension_open:
            key = f"discount:{number}:{event.service_id}:{stamp}"
            out.append(Notice(NoticeKind.DISCOUNT_ENDS, key, number, None, at, event.service))
    return out


def level(accounts: Iterable[tuple[Any, Forecast | None]]) -> Level:
    """The tray's state over every account: (Account or None, its forecast or None) pairs."""
    worst = Level.FINE
    for account, forecast in accounts:
        if account is not None and account.financial_block:
            return Level.BLOCKED
        if forecast is None:
            continue
        for notice in coming("", forecast):
            if notice.kind is NoticeKind.BLOCK:
                return Level.BLOCKED
            if notice.kind in (NoticeKind.SHORT, NoticeKind.BLOCK_SOON, NoticeKind.CREDIT_ENDS):
                worst = Level.SOON
    return worst


@dataclass
class Seen:
    """What one account looked like at the last look (for the notices of a change)."""

    ban_until: str | None = None  # ISO moment a credit ban lifts, while there is one
    admin: dict[str, str] = field(default_factory=dict)  # service id → name, administratively blocked
    last_payment: int | None = None  # id of the newest payment row seen

    def to_json(self) -> dict[str, Any]:
        return {"ban_until": self.ban_until, "admin": self.admin, "last_payment": self.last_payment}

    @classmethod
    def from_json(cls, data: Any) -> Seen | None:
        """The stored look, or None when it is missing or not ours (a hand-edited file)."""
        if not isinstance(data, dict):
            return None
        ban = data.get("ban_until")
        admin = data.get("admin")
        last = data.get("last_payment")
        if not (ban is None or isinstance(ban, str)) or not isinstance(admin, dict):
            return None
        if not (last is None or isinstance(last, int)):
            return None
        return cls(ban, {str(k): str(v) for k, v in admin.items()}, last)


def look(
    forecast: Forecast, services: Sequence[Any], balance_rows: Sequence[Any], before: Seen | None
) -> Seen:
    """This look at one account: the ban from the forecast, the blocked services, the newest payment."""
    ban = next((e.at.isoformat() for e in forecast.events if e.kind is EventKind.CREDIT_BAN_LIFTS), None)
    admin = {str(s.id): s.name for s in services if s.block is BlockKind.ADMINISTRATIVE}
    payments = [r.id for r in balance_rows if r.kind is BalanceKind.PAYMENT]
    last = max(payments, default=None)
    if before is not None and before.last_payment is not None:
        last = max(before.last_payment, last) if last is not None else before.last_payment
    return Seen(ban, admin, last)


def changed(
    number: str, forecast: Forecast, before: Seen | None, now_seen: Seen, balance_rows: Sequence[Any]
) -> list[Notice]:
    """The notices of what changed since ``before`` (nothing at the very first look)."""
    if before is None or forecast.as_of is None:
        return []
    out: list[Notice] = []
    now = forecast.as_of
    if before.ban_until is not None and now_seen.ban_until is None:
        lifted = dt.datetime.fromisoformat(before.ban_until)
        if now >= lifted:
            out.append(
                Notice(NoticeKind.BAN_LIFTED, f"ban:{number}:{before.ban_until}", number, None, lifted)
            )
    day = now.date().isoformat()
    for sid, name in now_seen.admin.items():
        if sid not in before.admin:
            out.append(Notice(NoticeKind.ADMIN_BLOCK, f"admin:{number}:{sid}:{day}", number, None, now, name))
    for sid, name in before.admin.items():
        if sid not in now_seen.admin:
            key = f"admin_end:{number}:{sid}:{day}"
            out.append(Notice(NoticeKind.ADMIN_BLOCK, key, number, None, now, name, ended=True))
    for row in sorted(balance_rows, key=lambda r: r.id):
        online = row.order_number is not None  # office or bank payments have no order: no notice
        new = before.last_payment is None or row.id > before.last_payment
        if row.kind is BalanceKind.PAYMENT and online and new:
            out.append(Notice(NoticeKind.PAYMENT, f"payment:{number}:{row.id}", number, row.amount, row.at))
    return out
