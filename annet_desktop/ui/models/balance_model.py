"""The balance history table (R-BAL-1): date and time, amount, operation, balance after; newest first."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QColor

from annet_contract.money import format_money
from annet_contract.moscow import format_datetime

from ...i18n import translate
from .. import colors
from .rows_model import RIGHT, Column, RowsModel


def _colour(entry: Any) -> QColor | None:
    return QColor(colors.OK) if entry.amount > 0 else None


class BalanceModel(RowsModel):
    """Rows are ``schema.BalanceEntry``; paged in as the view scrolls (``fetchMore``)."""

    def __init__(self, source: Callable[[], list[Any]], parent: Any = None) -> None:
        columns = [
            Column(translate("BalanceModel", "Дата и время"), lambda e: format_datetime(e.at)),
            Column(
                translate("BalanceModel", "Сумма"),
                lambda e: format_money(e.amount, sign=True),
                RIGHT,
                foreground=_colour,
            ),
            Column(
                translate("BalanceModel", "Операция"),
                lambda e: e.description,
                tooltip=lambda e: e.description,
            ),
            Column(translate("BalanceModel", "Баланс после"), lambda e: format_money(e.balance_after), RIGHT),
        ]
        super().__init__(columns, source, parent)
