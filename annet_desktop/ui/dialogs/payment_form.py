"""The payment dialog's widgets, built onto a :class:`~.payment.PaymentDialog`: the amount page and
the address line over the web view.

Kept apart from the dialog's behaviour (payment.py) so each file stays readable; the texts keep
the dialog's translation context ``PaymentDialog``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from annet_contract.money import format_money
from annet_contract.payment_amount import suggested

from ...i18n import translate
from ..widgets.naming import named
from .base import MUTED_COLOR, WARNING_COLOR, OnceButton, note_label, set_note


def build_amount_page(dialog: Any, account: Any, amount: Decimal | None) -> QWidget:
    """The amount page's widgets as attributes of ``dialog`` (a PaymentDialog); the page."""
    page = QWidget(dialog)
    box = QVBoxLayout(page)
    recommended = getattr(account, "recommended_payment", None)
    heading = QLabel(
        translate("PaymentDialog", "Оплата услуг связи банковской картой, счёт № {account}").format(
            account=dialog.number
        ),
        page,
    )
    heading.setObjectName("payment_heading")
    heading.setStyleSheet("font-weight: bold;")
    heading.setWordWrap(True)
    box.addWidget(heading)
    form = QFormLayout()
    dialog.amount = named(
        QLineEdit(page),
        "payment_amount",
        translate("PaymentDialog", "Сумма платежа"),
        translate("PaymentDialog", "Сумма пополнения в рублях"),
    )
    prefill = amount if amount is not None else suggested(recommended)
    if prefill is not None:
        dialog.amount.setText(format_money(prefill, currency=False).replace("\u00a0", " "))
    dialog.amount.selectAll()
    form.addRow(translate("PaymentDialog", "&Сумма платежа, ₽:"), dialog.amount)
    box.addLayout(form)
    dialog.note = note_label("payment_note", page, translate("PaymentDialog", "Пояснение"))
    lines = []
    if recommended is not None:
        text = translate("PaymentDialog", "Рекомендуемый платёж: {amount}.")
        lines.append(text.format(amount=format_money(recommended)))
    lines.append(
        translate(
            "PaymentDialog",
            "От 1 до 100 000 ₽, можно с копейками. Комиссии нет: на счёт поступит ровно эта сумма.",
        )
    )
    set_note(dialog.note, " ".join(lines), MUTED_COLOR)
    box.addWidget(dialog.note)
    dialog.block_note = note_label(
        "payment_block_note", page, translate("PaymentDialog", "Финансовая блокировка")
    )
    if dialog.financial_block:
        set_note(dialog.block_note, dialog._block_text(account), WARNING_COLOR)
    else:
        set_note(dialog.block_note, "")
    box.addWidget(dialog.block_note)
    dialog.error = note_label("payment_error", page, translate("PaymentDialog", "Ошибка суммы"))
    set_note(dialog.error, "")
    box.addWidget(dialog.error)
    row = QHBoxLayout()
    row.addStretch(1)
    dialog.continue_description = translate("PaymentDialog", "Перейти на страницу оплаты банковской картой")
    dialog.continue_button = named(
        OnceButton(translate("PaymentDialog", "&Продолжить"), page),
        "payment_continue",
        translate("PaymentDialog", "Продолжить"),
        dialog.continue_description,
    )
    dialog.continue_button.setDefault(True)
    dialog.cancel_button = named(
        QPushButton(translate("PaymentDialog", "&Отмена"), page),
        "payment_cancel",
        translate("PaymentDialog", "Отмена"),
        translate("PaymentDialog", "Закрыть окно, ничего не оплачивая"),
    )
    row.addWidget(dialog.continue_button)
    row.addWidget(dialog.cancel_button)
    box.addStretch(1)
    box.addLayout(row)
    return page


def build_address_bar(dialog: Any) -> QHBoxLayout:
    """The address line over the web view (host, lock, «Открыть в браузере») and the page's note,
    as attributes of ``dialog``; the line's layout."""
    bar = QHBoxLayout()
    dialog.lock = named(
        QLabel(dialog), "payment_lock", translate("PaymentDialog", "Защищённое соединение")
    )
    dialog.address = named(
        QLineEdit(dialog),
        "payment_address",
        translate("PaymentDialog", "Адрес страницы оплаты"),
        translate("PaymentDialog", "Адрес открытой страницы оплаты и защищено ли соединение"),
    )
    dialog.address.setReadOnly(True)
    dialog.address.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    dialog.browser_button = named(
        QPushButton(translate("PaymentDialog", "Открыть в &браузере"), dialog),
        "payment_open_browser",
        translate("PaymentDialog", "Открыть в браузере"),
        translate(
            "PaymentDialog", "Та же страница оплаты в системном браузере: там работают Apple Pay и Google Pay"
        ),
    )
    dialog.browser_button.setToolTip(dialog.browser_button.accessibleDescription())
    bar.addWidget(dialog.lock)
    bar.addWidget(dialog.address, 1)
    bar.addWidget(dialog.browser_button)
    dialog.page_note = note_label(
        "payment_page_note", dialog, translate("PaymentDialog", "Предупреждение страницы")
    )
    set_note(dialog.page_note, "")
    return bar
