"""A change during the month settled at once (R-BILL-1): its recalculation rows, as a quote and as the action.

A :class:`Plan` is what an action will do to the money: the rows it writes to «Баланс» and the
change of state that goes with them. The quote endpoints show a plan (:meth:`Plan.effect`); the
action carries out the same plan (:meth:`Plan.carry_out`) — one calculation, never two.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from annet_contract import schema as s
from annet_contract.moscow import MOSCOW

from .. import messages
from .. import models as m
from .kopecks import _money
from .ledger import FINANCIAL_BLOCK_DAY, _post, _settle
from .lookups import _active_credit


def short_date(day: dt.date) -> str:
    """«12.12»: a day of the current year as the recalculation rows name it."""
    return f"{day.day:02d}.{day.month:02d}"


def service_label(svc: m.Service) -> messages.Localized:
    """«Доступ в интернет «Социальный 30»»: the service and its tariff, as the charge rows name it
    (the service in the reader's language; a tariff's name is the same in both)."""
    return catalog_label(svc.catalog_item, svc.tariff)


def catalog_label(item: m.CatalogItem, tariff: m.Tariff) -> messages.Localized:
    """A catalogue service with a tariff, named in both languages."""
    return messages.Localized(f"{item.name} «{tariff.name}»", f"{item.name_en or item.name} «{tariff.name}»")


@dataclass
class Row:
    """One recalculation row: signed kopecks (+ returned, − written off) and its message key."""

    amount: int
    key: str
    params: dict[str, Any]

    def text(self, lang: str) -> str:
        return messages.message(self.key, lang, **self.params)


@dataclass
class Plan:
    """What an action does to the money: its rows (zero rows are left out) and its change of state."""

    acc: m.Account
    rows: list[Row]
    apply: Callable[[], None]
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.rows = [r for r in self.rows if r.amount != 0]

    def effect(self, db: Session, now: dt.datetime, lang: str) -> dict[str, Any]:
        """The :class:`schema.MoneyEffect` fields of the plan, before it is carried out."""
        total = sum(r.amount for r in self.rows)
        after = self.acc.balance_kopecks + total
        return {
            "charge_now": _money(-sum(r.amount for r in self.rows if r.amount < 0)),
            "refund_now": _money(sum(r.amount for r in self.rows if r.amount > 0)),
            "balance_after": _money(after),
            "financial_block_after": financially_blocked_after(db, self.acc, after, now),
            "rows": [s.QuoteRow(amount=_money(r.amount), text=r.text(lang)) for r in self.rows],
        }

    def carry_out(self, db: Session, now: dt.datetime) -> None:
        """Change the state, write the rows, then settle the credit and the block once for the total."""
        self.apply()
        for r in self.rows:
            _post(db, self.acc, now, r.amount, s.BalanceKind.RECALCULATION, r.key, settle=False, **r.params)
        _settle(db, self.acc, now)


def financially_blocked_after(db: Session, acc: m.Account, balance_kopecks: int, now: dt.datetime) -> bool:
    """Whether the account is financially blocked at ``balance_kopecks`` (as ``_settle`` decides)."""
    if balance_kopecks >= 0:
        return False
    if acc.financial_block:
        return True
    return now.astimezone(MOSCOW).day >= FINANCIAL_BLOCK_DAY and _active_credit(db, acc) is None
