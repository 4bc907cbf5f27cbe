"""The services table (R-SVC-1): service, tariff, block, quantity, monthly fee."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QGuiApplication, QPalette

from annet_contract.money import format_money

from ...i18n import translate
from .rows_model import RIGHT, Column, RowsModel

NAME_COLUMN = 0


def block_name(block: Any) -> str:
    """«Административная», «Финансовая», «Добровольная» or empty (the service works)."""
    value = getattr(block, "value", block)
    names = {
        "administrative": translate("ServicesModel", "Административная"),
        "financial": translate("ServicesModel", "Финансовая"),
        "voluntary": translate("ServicesModel", "Добровольная"),
    }
    return names.get(value, "") if value else ""


class ServicesModel(RowsModel):
    """Rows are ``schema.Service``; the name column looks like a link (a click opens the service)."""

    def __init__(self, source: Callable[[], list[Any]], parent: Any = None) -> None:
        columns = [
            Column(
                translate("ServicesModel", "Услуга"),
                lambda s: s.name,
                tooltip=lambda s: translate("ServicesModel", "Открыть окно услуги"),
            ),
            Column(translate("ServicesModel", "Тариф"), lambda s: s.tariff.name),
            Column(translate("ServicesModel", "Блокировка"), lambda s: block_name(s.block)),
            Column(translate("ServicesModel", "Количество"), lambda s: str(s.quantity), RIGHT),
            Column(translate("ServicesModel", "Абонентская плата"), lambda s: format_money(s.fee), RIGHT),
        ]
        super().__init__(columns, source, parent)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if index.isValid() and index.column() == NAME_COLUMN:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QGuiApplication.palette().color(QPalette.ColorRole.Link)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setUnderline(True)
                return font
        return super().data(index, role)
