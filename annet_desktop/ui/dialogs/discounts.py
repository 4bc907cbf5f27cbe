"""«Получить скидку» / «Продлить скидку» (R-DISC-1…4): the offers table of «Больше платишь — меньше тратишь!».

Columns: percent, period, fee with the discount, advance payment. When the balance is ≤ 0 or a
credit is in force the table is read-only and says why (the server's words). Choosing a row the
balance does not cover says how much advance is missing and offers «Оплатить» for it; choosing a
covered row asks to confirm, stating the advance written off, the period (from … to …) and the new
fee. After it is taken: the service row (given back), the account and balance (the advance was
written off) and the journal are refreshed.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annet_contract.money import format_money
from annet_contract.moscow import format_date

from ...domain import rules
from ..models.rows_model import RIGHT, Column
from ..widgets.naming import named
from .base import (
    ERROR_COLOR,
    MUTED_COLOR,
    WARNING_COLOR,
    ChoiceModel,
    choice_table,
    note_label,
    run,
    set_note,
    tr_rules,
)
from .confirm import ConfirmDialog

if TYPE_CHECKING:
    from ..tabs.context import TabContext


def _load(client: Any, number: str, service_id: int) -> Any:
    return client.discounts(number, service_id)


def _take(client: Any, number: str, service_id: int, offer_id: int, key: str) -> Any:
    return client.take_discount(number, service_id, offer_id, idempotency_key=key)


class DiscountDialog(QDialog):
    """The discounts table of one internet service; choose a row to take or extend the discount."""

    payRequested = Signal(str, object)  # account number, Decimal amount to pay

    def __init__(
        self,
        ctx: TabContext,
        number: str,
        service: Any,
        *,
        extend: bool = False,
        pay: Callable[[str, Decimal], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent if parent is not None else ctx.window)
        self.ctx = ctx
        self.number = number
        self.service = service
        self.extend = extend
        self.pay = pay
        self.offers: Any = None
        self.confirm: ConfirmDialog | None = None
        self.taken: Any = None
        title = self.tr("Продлить скидку") if extend else self.tr("Получить скидку")
        named(self, "discount_dialog", title)
        self.setWindowTitle(title + " — " + service.name)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumSize(660, 340)
        layout = QVBoxLayout(self)
        self.info = note_label("discount_info", self, self.tr("Акция"))
        self.info.setText(
            self.tr(
                "Акция «Больше платишь — меньше тратишь!»: авансовый платёж списывается сразу, "
                "и на весь период скидки абонентская плата покрывается им."
            )
        )
        layout.addWidget(self.info)
        self.note = note_label("discount_note", self, self.tr("Пояснение"))
        set_note(self.note, self.tr("Загрузка таблицы скидок…"), MUTED_COLOR)
        layout.addWidget(self.note)
        self.model = ChoiceModel(
            [
                Column(self.tr("Скидка"), lambda o: f"{o.percent}%", RIGHT),
                Column(self.tr("Период"), lambda o: self.tr("%n мес.", "", o.months), RIGHT),
                Column(self.tr("Плата со скидкой"), lambda o: format_money(o.fee_with_discount), RIGHT),
                Column(self.tr("Авансовый платёж"), lambda o: format_money(o.advance), RIGHT),
                Column(
                    self.tr("Не хватает"),
                    lambda o: format_money(o.missing) if o.missing > 0 else "",
                    RIGHT,
                    foreground=lambda _o: QBrush(QColor(WARNING_COLOR)),
                ),
            ],
            [],
            self._reason,
            self._selectable,
            self,
        )
        self.view = choice_table(self.model, "discount_table", self.tr("Таблица скидок"), self, self._clicked)
        header = self.view.horizontalHeader()
        for column in range(5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.view.setToolTip(self.tr("Абонентская плата с учётом скидки и авансовый платёж для её получения"))
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.pay_button = named(
            QPushButton(self.tr("&Оплатить"), self),
            "discount_pay",
            self.tr("Оплатить"),
            self.tr("Пополнить баланс, чтобы хватило на скидку"),
        )
        self.pay_button.hide()
        self.pay_amount = Decimal(0)
        row.addWidget(self.pay_button)
        row.addStretch(1)
        self.close_button = named(
            QPushButton(self.tr("&Закрыть"), self),
            "discount_close",
            self.tr("Закрыть"),
            self.tr("Закрыть окно, не выбирая скидку"),
        )
        self.close_button.clicked.connect(self.reject)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        self.pay_button.clicked.connect(self._pay)
        self.load()

    # ------------------------------------------------------------------ loading
    def load(self) -> None:
        run(
            self.ctx,
            self,
            _load,
            self.number,
            self.service.id,
            on_done=self.show_offers,
            on_failed=lambda _e: set_note(
                self.note, self.tr("Не удалось загрузить таблицу скидок."), ERROR_COLOR
            ),
            parent=self,
        )

    def show_offers(self, offers: Any) -> None:
        self.offers = offers
        self.model.set_rows(offers.offers)
        if self.extend:
            starts = self.tr("Продлённая скидка начнёт действовать с {date}.")
        else:
            starts = self.tr("Скидка начнёт действовать с {date}.")
        sentences = [
            self.tr("На балансе: {balance}.").format(balance=format_money(offers.balance)),
            starts.format(date=format_date(offers.starts_on)),
        ]
        if offers.current is not None:
            current = offers.current
            sentences.append(
                self.tr("Действует скидка {percent}% с {start} по {end}.").format(
                    percent=current.percent,
                    start=format_date(current.starts_on),
                    end=format_date(current.ends_on),
                )
            )
        if not offers.selectable:
            sentences.insert(0, offers.reason or tr_rules(rules.T_READ_ONLY))
            set_note(self.note, " ".join(sentences), WARNING_COLOR)
        else:
            sentences.append(self.tr("Щёлкните строку, чтобы выбрать скидку."))
            set_note(self.note, " ".join(sentences), MUTED_COLOR)

    def _selectable(self, offer: Any) -> bool:
        return self.offers is not None and rules.offer_row(self.offers, offer, tr_rules).selectable

    def _reason(self, offer: Any) -> str | None:
        if self.offers is None:
            return None
        return rules.offer_row(self.offers, offer, tr_rules).reason

    # ------------------------------------------------------------------ choosing
    def choose_row(self, row: int) -> ConfirmDialog | None:
        """What a click on ``row`` does: nothing (read-only), a shortfall note, or a confirmation."""
        if self.offers is None or not (0 <= row < len(self.model.items)):
            return None
        offer = self.model.items[row]
        state = rules.offer_row(self.offers, offer, tr_rules)
        self.pay_button.hide()
        if not state.selectable:
            set_note(self.note, state.reason or "", WARNING_COLOR)
            return None
        if state.missing > 0:
            self.pay_amount = rules.pay_amount(state.missing)
            set_note(
                self.note,
                self.tr("{reason} Пополните баланс, и скидку можно будет получить.")
                .format(reason=state.reason or "")
                .lstrip(),
                WARNING_COLOR,
            )
            text = self.tr("&Оплатить {amount}").format(amount=format_money(self.pay_amount))
            self.pay_button.setText(text)
            self.pay_button.show()
            self.ctx.messages.warning(state.reason or "", parent=self)
            return None
        start, end = rules.offer_period(self.offers, offer)
        if self.extend:
            headline = self.tr("Скидка {percent}% на услугу «{service}» будет продлена.")
        else:
            headline = self.tr("Скидка {percent}% на услугу «{service}» будет подключена.")
        text = "\n".join(
            (
                headline.format(percent=offer.percent, service=self.service.name),
                self.tr("С баланса сразу будет списан авансовый платёж {amount}.").format(
                    amount=format_money(offer.advance)
                ),
                self.tr(
                    "Скидка действует с {start} по {end} (%n мес.); абонентская плата со скидкой {fee} в месяц "  # noqa: E501
                    "покрывается авансом.",
                    "",
                    offer.months,
                ).format(
                    start=format_date(start), end=format_date(end), fee=format_money(offer.fee_with_discount)
                ),
            )
        )
        details = [
            (self.tr("Авансовый платёж"), format_money(offer.advance)),
            (self.tr("Период"), rules.format_period(start, end, tr_rules)),
            (self.tr("Абонентская плата со скидкой"), format_money(offer.fee_with_discount)),
            (self.tr("Баланс после списания"), format_money(self.offers.balance - offer.advance)),
        ]
        number, service_id, offer_id = self.number, self.service.id, offer.id
        title = self.tr("Продлить скидку") if self.extend else self.tr("Получить скидку")
        self.confirm = ConfirmDialog(
            self.ctx,
            title,
            text,
            title,
            lambda client, key: _take(client, number, service_id, offer_id, key),
            self._taken,
            name="discount_confirm",
            details=details,
            parent=self,
        )
        self.confirm.refused.connect(lambda _e: self.load())
        self.confirm.open()
        return self.confirm

    def _clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.choose_row(index.row())

    def _pay(self) -> None:
        self.payRequested.emit(self.number, self.pay_amount)
        if self.pay is not None:
            self.pay(self.number, self.pay_amount)

    def _taken(self, taken: Any) -> None:
        self.taken = taken
        self.ctx.state.money_moved(self.number, service=taken.service)
        self.accept()
        discount = taken.discount
        self.ctx.messages.info(
            self.tr(
                "Скидка {percent}% действует с {start} по {end}. Списан авансовый платёж {amount}."
            ).format(
                percent=discount.percent,
                start=format_date(discount.starts_on),
                end=format_date(discount.ends_on),
                amount=format_money(taken.advance),
            ),
            parent=self.parentWidget(),
        )
