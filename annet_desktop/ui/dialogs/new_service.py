"""«Новая» (R-SVC-2): catalogue → tariff → confirmation with the first pro-rata charge → the new row.

Three steps in one window: choose a periodic service of the operator's catalogue (e.g. paid IPTV
«IPTVPORTAL»), choose its tariff, then read what will be written off now (the rest of the
current month, pro rata, quoted by the server) and from when the full fee applies. A short
balance says how much is missing and offers «Оплатить»; «Подключить» stays disabled until the
balance covers it. The new service appears in the table at once.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QStackedWidget, QTableView, QWidget

from annet_contract.money import format_money
from annet_contract.moscow import format_date

from ...domain import rules
from ..widgets.naming import named
from .base import (
    ERROR_COLOR,
    MUTED_COLOR,
    OK_COLOR,
    WARNING_COLOR,
    ChoiceModel,
    Clock,
    OnceButton,
    is_retryable,
    new_key,
    run,
    set_note,
    system_now,
    tr_rules,
)
from .new_service_pages import build

if TYPE_CHECKING:
    from ..tabs.context import TabContext


def _catalog(client: Any, number: str) -> Any:
    return client.catalog(number)


def _quote(client: Any, number: str, catalog_id: int, tariff_id: int) -> Any:
    return client.first_charge(number, catalog_id, tariff_id)


def _add(client: Any, number: str, catalog_id: int, tariff_id: int, key: str) -> Any:
    return client.add_service(number, catalog_id, tariff_id, idempotency_key=key)


CATALOG, TARIFF, CONFIRM = 0, 1, 2


class NewServiceDialog(QDialog):
    """Subscribe the account to a periodic service of the catalogue, in three steps."""

    # built by new_service_pages.build
    step: QLabel
    pages: QStackedWidget
    catalog_model: ChoiceModel
    catalog_view: QTableView
    tariff_model: ChoiceModel
    tariff_view: QTableView
    summary: QLabel
    shortfall: QLabel
    note: QLabel
    back_button: QPushButton
    pay_button: QPushButton
    next_button: QPushButton
    confirm_button: OnceButton
    cancel_button: QPushButton

    def __init__(
        self,
        ctx: TabContext,
        number: str,
        *,
        pay: Callable[[str, Decimal], None] | None = None,
        clock: Clock = system_now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent if parent is not None else ctx.window)
        self.ctx = ctx
        self.number = number
        self.pay = pay
        self.clock = clock
        self.item: Any = None
        self.tariff: Any = None
        self.quote: Any = None
        self.created: Any = None
        self.key = new_key()
        existing = {s.name for s in (ctx.state.services_of(number) or [])}
        named(self, "new_service_dialog", self.tr("Новая услуга"))
        self.setWindowTitle(self.tr("Новая услуга — счёт {account}").format(account=number))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumSize(640, 380)
        self.pay_amount = Decimal(0)
        build(self, existing)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.pay_button.clicked.connect(self._pay)
        self.confirm_button.fired.connect(self._confirm)
        self.cancel_button.clicked.connect(self.reject)
        self.catalog_view.activated.connect(lambda _i: self.next())
        self.catalog_view.doubleClicked.connect(lambda _i: self.next())
        self.tariff_view.activated.connect(lambda _i: self.next())
        self.tariff_view.doubleClicked.connect(lambda _i: self.next())
        self.catalog_view.clicked.connect(self._catalog_clicked)
        self.running = False
        self.show_page(CATALOG)
        set_note(self.note, self.tr("Загрузка каталога услуг…"), MUTED_COLOR)
        run(
            ctx,
            self,
            _catalog,
            number,
            on_done=self.show_catalog,
            on_failed=lambda _e: set_note(self.note, self.tr("Не удалось загрузить каталог."), ERROR_COLOR),
            parent=self,
        )

    # ------------------------------------------------------------------ pages
    def show_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        steps = {
            CATALOG: self.tr("Шаг 1 из 3. Выберите услугу"),
            TARIFF: self.tr("Шаг 2 из 3. Выберите тариф"),
            CONFIRM: self.tr("Шаг 3 из 3. Подтверждение"),
        }
        self.step.setText(steps[page])
        self.back_button.setEnabled(page != CATALOG)
        self.next_button.setVisible(page != CONFIRM)
        self.confirm_button.setVisible(page == CONFIRM)
        self.confirm_button.setDefault(page == CONFIRM)  # Enter there connects (in a table: «Далее»)
        if page != CONFIRM:
            self.pay_button.hide()
        # the keyboard follows the step: its table, or on the last step the button that acts
        table = {CATALOG: self.catalog_view, TARIFF: self.tariff_view}.get(page)
        if table is not None:
            table.setFocus()

    def show_catalog(self, items: list[Any]) -> None:
        self.catalog_model.set_rows(items)
        if not items:
            set_note(
                self.note, self.tr("Для этого счёта нет услуг, которые можно подключить."), WARNING_COLOR
            )
            return
        set_note(self.note, self.tr("Выберите услугу и нажмите «Далее»."), MUTED_COLOR)
        for row in range(len(items)):
            if self.catalog_model.is_selectable(row):
                self.catalog_view.selectRow(row)
                break

    def _catalog_clicked(self, index: QModelIndex) -> None:
        reason = self.catalog_model.reason(index.row())
        if reason:
            set_note(self.note, reason, WARNING_COLOR)

    def select(self, view: QTableView, row: int) -> None:
        view.selectRow(row)
        view.setCurrentIndex(view.model().index(row, 0))

    def _current_row(self, view: QTableView) -> int:
        rows = view.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def back(self) -> None:
        page = self.pages.currentIndex()
        if page > CATALOG and not self.running:
            self.show_page(page - 1)
            set_note(self.note, "")

    def next(self) -> None:
        """From the catalogue to the tariffs, from the tariffs to the quoted confirmation."""
        page = self.pages.currentIndex()
        if page == CATALOG:
            row = self._current_row(self.catalog_view)
            if row < 0:
                set_note(self.note, self.tr("Выберите услугу в таблице."), WARNING_COLOR)
                return
            if not self.catalog_model.is_selectable(row):
                set_note(self.note, self.catalog_model.reason(row) or "", WARNING_COLOR)
                return
            self.item = self.catalog_model.items[row]
            self.tariff_model.set_rows(self.item.tariffs)
            if self.item.tariffs:
                self.select(self.tariff_view, 0)
            set_note(self.note, self.item.description or "", MUTED_COLOR)
            self.show_page(TARIFF)
        elif page == TARIFF:
            row = self._current_row(self.tariff_view)
            if row < 0:
                set_note(self.note, self.tr("Выберите тариф в таблице."), WARNING_COLOR)
                return
            self.tariff = self.tariff_model.items[row]
            self.next_button.setEnabled(False)
            set_note(self.note, self.tr("Расчёт первого списания…"), MUTED_COLOR)
            run(
                self.ctx,
                self,
                _quote,
                self.number,
                self.item.id,
                self.tariff.id,
                on_done=self.show_quote,
                on_failed=self._quote_failed,
                parent=self,
            )

    def _quote_failed(self, _error: Any) -> None:
        self.next_button.setEnabled(True)
        set_note(self.note, "")

    def show_quote(self, quote: Any) -> None:
        self.next_button.setEnabled(True)
        self.quote = quote
        self.key = new_key()  # one key per quoted choice: a retry of the same choice is safe
        today = self.clock().date()
        month_end = rules.period_end(today.replace(day=1), 1)
        text = self.tr(
            "Услуга: «{service}», тариф «{tariff}».\n"
            "Сразу будет списано {amount} — плата за остаток текущего месяца с {start} по {end}.\n"
            "С {next_month} — полная абонентская плата {fee} в месяц.\n"
            "На балансе: {balance}."
        ).format(
            service=self.item.name,
            tariff=self.tariff.name,
            amount=format_money(quote.amount),
            start=format_date(today),
            end=format_date(month_end),
            next_month=format_date(rules.first_of_next_month(today)),
            fee=format_money(self.tariff.fee),
            balance=format_money(quote.balance),
        )
        self.summary.setText(text)
        self.show_page(CONFIRM)
        if quote.missing > 0:
            self.pay_amount = rules.pay_amount(quote.missing)
            set_note(
                self.shortfall,
                self.tr("{shortfall} Пополните баланс, чтобы подключить услугу.").format(
                    shortfall=rules.shortfall(quote.missing, quote.balance, quote.amount, tr_rules)
                ),
                ERROR_COLOR,
            )
            text = self.tr("&Оплатить {amount}").format(amount=format_money(self.pay_amount))
            self.pay_button.setText(text)
            self.pay_button.show()
            self.confirm_button.setEnabled(False)
            self.pay_button.setFocus()
            set_note(self.note, "")
        else:
            set_note(self.shortfall, "")
            self.pay_button.hide()
            self.confirm_button.rearm()
            self.confirm_button.setFocus()
            set_note(self.note, self.tr("Нажмите «Подключить», чтобы подключить услугу."), OK_COLOR)

    # ------------------------------------------------------------------ actions
    def _pay(self) -> None:
        if self.pay is not None:
            self.pay(self.number, self.pay_amount)

    def _confirm(self) -> None:
        self.running = True
        self.back_button.setEnabled(False)
        self.cancel_button.setEnabled(False)
        set_note(self.note, self.tr("Подключение…"), MUTED_COLOR)
        run(
            self.ctx,
            self,
            _add,
            self.number,
            self.item.id,
            self.tariff.id,
            self.key,
            on_done=self._added,
            on_failed=self._failed,
            parent=self,
        )

    def _added(self, created: Any) -> None:
        self.running = False
        self.created = created
        self.ctx.state.money_moved(self.number, service=created.service)
        self.accept()
        self.ctx.messages.info(
            self.tr("Услуга «{service}» подключена. Списано {amount}.").format(
                service=created.service.name, amount=format_money(created.first_charge)
            ),
            parent=self.parentWidget(),
        )

    def _failed(self, error: Any) -> None:
        self.running = False
        self.cancel_button.setEnabled(True)
        self.back_button.setEnabled(True)
        set_note(self.note, "")
        if is_retryable(error):
            self.confirm_button.rearm()
        else:
            self.confirm_button.rearm(False)  # a refusal stands; «Назад» lets the user choose again

    def reject(self) -> None:
        if self.running:
            return
        super().reject()
