"""A read-only service window (R-SVC-3 info area), used until the actions code provides its own.

Shows the service, its current tariff and fee, the block and discount in force, and what each
management button would do now (or why not), as the server says in ``Service.actions``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from annet_contract.money import format_money
from annet_contract.moscow import format_date

from ..models.services_model import block_name
from . import named


class ServiceInfoDialog(QDialog):
    """The information area of one service and the state of its buttons, read-only."""

    def __init__(self, service: Any, account: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        named(self, "service_info_dialog", self.tr("Услуга"))
        self.setWindowTitle(service.name)
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)

        def add(key: str, caption: str, value: str) -> None:
            label = QLabel(value, self)
            label.setObjectName(f"service_info_{key}")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(caption + ":", label)

        add("account", self.tr("Лицевой счёт"), account)
        add("name", self.tr("Услуга"), service.name)
        add("tariff", self.tr("Текущий тариф"), service.tariff.name)
        add("fee", self.tr("Абонентская плата"), format_money(service.fee))
        block = block_name(service.block)
        add("block", self.tr("Блокировка"), block or self.tr("нет, услуга работает"))
        if service.discount is not None:
            add(
                "discount",
                self.tr("Скидка"),
                f"{service.discount.percent}% "
                + self.tr("до ")
                + format_date(service.discount.ends_on)
                + " ("
                + format_money(service.discount.fee_with_discount)
                + ")",
            )
        layout.addLayout(form)
        actions = service.actions
        lines = []
        for caption, allowed in (
            (self.tr("Сменить тариф"), actions.change_tariff),
            (self.tr("Заблокировать"), actions.block),
            (self.tr("Разблокировать"), actions.unblock),
            (self.tr("Получить скидку"), actions.discount),
            (self.tr("Продлить скидку"), actions.extend_discount),
        ):
            if allowed.allowed:
                lines.append(f"• {caption}: " + self.tr("доступно"))
            elif allowed.reason:
                lines.append(f"• {caption}: {allowed.reason}")
        state = QLabel("\n".join(lines), self)
        state.setObjectName("service_info_actions")
        state.setWordWrap(True)
        layout.addWidget(state)
        row = QHBoxLayout()
        row.addStretch(1)
        close = named(QPushButton(self.tr("Закрыть"), self), "service_info_close", self.tr("Закрыть"))
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout.addLayout(row)
