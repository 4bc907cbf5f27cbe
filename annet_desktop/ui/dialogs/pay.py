"""«Оплатить» from anywhere (the account tab, a short balance): the payment dialog, or a fallback.

The payment dialog is its own issue (``ui/dialogs/payment.py``, expected to expose
``open_payment(ctx, number, amount=None, parent=None)``). Until it exists, this module's small
dialog asks for the amount («Продолжить»), creates the order on the server and opens the order's
payment page in the system browser; the balance refreshes when the user comes back (F5).
"""

from __future__ import annotations

import importlib
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from annet_contract.money import format_money
from annet_contract.payment_amount import AmountError, check_amount

from ..widgets import named
from .base import ERROR_COLOR, MUTED_COLOR, OnceButton, new_key, note_label, run, set_note

if TYPE_CHECKING:
    from ..tabs import TabContext


def open_url(url: str) -> bool:
    """Open ``url`` in the system browser (tests replace this)."""
    return bool(QDesktopServices.openUrl(QUrl(url)))


def payment_opener() -> Any:
    """``payment.open_payment`` of the payment dialog's module, or ``None`` while it is missing."""
    try:
        payment = importlib.import_module("annet_desktop.ui.dialogs.payment")
    except ImportError:
        return None
    opener = getattr(payment, "open_payment", None)
    return opener if callable(opener) else None


def pay(ctx: TabContext, number: str, amount: Decimal | None = None, parent: QWidget | None = None) -> Any:
    """Start a payment of ``amount`` (or the recommended payment) to account ``number``."""
    opener = payment_opener()
    if opener is not None:
        return opener(ctx, number, amount, parent)
    dialog = PayFallbackDialog(ctx, number, amount, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def _create(client: Any, number: str, amount: Decimal, key: str) -> Any:
    return client.create_payment(number, amount, idempotency_key=key)


class PayFallbackDialog(QDialog):
    """Amount → «Продолжить» → the order's payment page in the system browser."""

    def __init__(
        self, ctx: TabContext, number: str, amount: Decimal | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent if parent is not None else ctx.window)
        self.ctx = ctx
        self.number = number
        self.order: Any = None
        self.key = new_key()
        named(self, "pay_dialog", self.tr("Оплатить"))
        self.setWindowTitle(self.tr("Оплата — счёт ") + number)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(420)
        if amount is None:
            account = ctx.state.account(number)
            recommended = getattr(account, "recommended_payment", Decimal(0)) if account else Decimal(0)
            amount = recommended if recommended and recommended > 0 else None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.amount = named(QLineEdit(self), "pay_amount", self.tr("Сумма платежа"))
        if amount is not None:
            self.amount.setText(format_money(amount, currency=False).replace("\u00a0", " "))
        form.addRow(self.tr("Сумма платежа, ₽") + ":", self.amount)
        layout.addLayout(form)
        self.note = note_label("pay_note", self, self.tr("Пояснение"))
        set_note(
            self.note,
            self.tr("От 1 до 100 000 ₽. Страница оплаты откроется в браузере; комиссия не взимается."),
            MUTED_COLOR,
        )
        layout.addWidget(self.note)
        row = QHBoxLayout()
        row.addStretch(1)
        self.continue_button = named(
            OnceButton(self.tr("Продолжить"), self), "pay_continue", self.tr("Продолжить")
        )
        self.continue_button.setDefault(True)
        self.cancel_button = named(QPushButton(self.tr("Отмена"), self), "pay_cancel", self.tr("Отмена"))
        row.addWidget(self.continue_button)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        self.continue_button.fired.connect(self._continue)
        self.cancel_button.clicked.connect(self.reject)

    def _continue(self) -> None:
        try:
            amount = check_amount(self.amount.text())
        except AmountError:
            set_note(
                self.note, self.tr("Введите сумму от 1 до 100 000 ₽, например 500 или 499,90."), ERROR_COLOR
            )
            self.continue_button.rearm()
            return
        run(
            self.ctx,
            self,
            _create,
            self.number,
            amount,
            self.key,
            on_done=self._created,
            on_failed=lambda _e: self.continue_button.rearm(),
            parent=self,
        )

    def _created(self, order: Any) -> None:
        self.order = order
        self.accept()
        open_url(order.payment_url)
        self.ctx.messages.info(
            self.tr("Страница оплаты заказа № ")
            + order.order_number
            + self.tr(" открыта в браузере. После оплаты баланс обновится — нажмите F5 на закладке «Счёт»."),
            parent=self.parentWidget(),
        )
