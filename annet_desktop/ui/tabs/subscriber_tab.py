"""«Абонент»: the subscriber's current contact data (R-SUB-1, R-SUB-4) and the change buttons.

The buttons only emit ``changeSmsRequested`` / ``changeEmailRequested``; the actions code opens
the dialogs (``ui/dialogs/``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from annet_contract.phone import format_phone

from .. import colors
from ..widgets.naming import named
from .context import TabContext


class SubscriberTab(QWidget):
    """Current data (only non-empty values), the no-notifications note, «Сменить …» buttons."""

    changeSmsRequested = Signal()
    changeEmailRequested = Signal()

    def __init__(self, ctx: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        named(self, "tab_subscriber", self.tr("Абонент"))
        layout = QVBoxLayout(self)
        self.box = QGroupBox(self.tr("Текущие данные"), self)
        self.box.setObjectName("subscriber_current")
        self.form = QFormLayout(self.box)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.box)
        self.note = QLabel(self)
        self.note.setObjectName("subscriber_no_notifications")
        self.note.setWordWrap(True)
        self.note.setStyleSheet(colors.style(colors.WARNING))
        layout.addWidget(self.note)
        buttons = QHBoxLayout()
        self.sms_button = named(
            QPushButton(self.tr("Сменить № &для SMS"), self),
            "subscriber_change_sms",
            self.tr("Сменить № для SMS"),
            self.tr("Изменить номер телефона для SMS-уведомлений"),
        )
        self.email_button = named(
            QPushButton(self.tr("С&менить e-mail"), self),
            "subscriber_change_email",
            self.tr("Сменить e-mail"),
            self.tr("Изменить адрес электронной почты для уведомлений"),
        )
        buttons.addWidget(self.sms_button)
        buttons.addWidget(self.email_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.sms_button.clicked.connect(self.changeSmsRequested)
        self.email_button.clicked.connect(self.changeEmailRequested)
        self.values: dict[str, QLabel] = {}
        ctx.state.meChanged.connect(self.update_view)
        self.update_view()

    def update_view(self) -> None:
        """Rebuild the form from ``state.me``: empty values are not shown at all (R-SUB-1)."""
        while self.form.rowCount():
            self.form.removeRow(0)
        self.values.clear()
        me = self.ctx.state.me
        if me is None:
            self.note.setText(self.tr("Загрузка…"))
            return
        rows = [
            ("name", self.tr("Абонент"), me.name),
            ("address", self.tr("Адрес подключения"), me.address),
            ("contract", self.tr("Номер договора"), me.contract),
            ("sms_phone", self.tr("№ для SMS"), format_phone(me.sms_phone) if me.sms_phone else None),
            ("email", self.tr("E-mail"), me.email),
        ]
        for key, caption, value in rows:
            if not value:
                continue
            label = QLabel(value, self.box)
            label.setObjectName(f"subscriber_{key}")
            label.setAccessibleName(caption)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
            self.form.addRow(caption + ":", label)
            self.values[key] = label
        if not me.sms_phone and not me.email:
            self.note.setText(
                self.tr(
                    "Номер для SMS и e-mail не указаны: уведомления от «Аннет» приходить не будут. "
                    "Укажите хотя бы одно из них, чтобы получать сообщения оператора."
                )
            )
            self.note.show()
        else:
            self.note.clear()
            self.note.hide()

    def refresh(self) -> None:
        self.ctx.state.refresh("me")
