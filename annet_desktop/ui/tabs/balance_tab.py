"""«Баланс» / «Балансы»: every top-up and write-off of the selected account, newest first (R-BAL-1).

Rows are paged in as the user scrolls (the model's ``canFetchMore``/``fetchMore``). Above the
table, a chart of the last 12 months (issue 14), built the first time the tab is shown.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QVBoxLayout, QWidget

from ..messages import error_text
from ..models.balance_model import BalanceModel
from ..widgets.account_selector import AccountSelector
from ..widgets.naming import named
from ..widgets.table_panel import TablePanel
from .context import TabContext, follow_selected_account


class BalanceTab(QWidget):
    """The table of balance changes of the selected account; «Чек…» on an online payment's row."""

    #: «Чек…»: (account number, order number) of the selected online payment
    receiptRequested = Signal(str, str)

    def __init__(self, ctx: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        named(self, "tab_balance", self.tr("Баланс"))
        layout = QVBoxLayout(self)
        self.selector = AccountSelector(ctx.state, "balance", self)
        layout.addWidget(self.selector)
        self.chart: Any = None  # the chart widget, once the tab has been shown
        self.chart_panel: Any = None
        self.panel = TablePanel(
            "balance",
            self.tr("Таблица изменений баланса"),
            self.tr("Пополнения и списания: дата, сумма, операция и баланс после неё"),
            self,
        )
        self.model = BalanceModel(lambda: self.ctx.state.balance_of().items, self)
        self.model.set_fetcher(
            lambda: self.ctx.state.balance_of().can_fetch_more, lambda: self.ctx.state.fetch_more_balance()
        )
        self.panel.view.setModel(self.model)
        self.panel.set_widths([17, 14, 44, 14])
        self.panel.stretch(2)
        layout.addWidget(self.panel, 2)
        self.footer = QLabel(self)
        self.footer.setObjectName("balance_footer")
        self.receipt_button = named(
            QPushButton(self.tr("Ч&ек…"), self),
            "balance_receipt",
            self.tr("Чек…"),
            self.tr("Кассовый чек выбранного онлайн-платежа"),
        )
        self.receipt_button.setEnabled(False)
        self.receipt_button.clicked.connect(self.request_receipt)
        bottom = QHBoxLayout()
        bottom.addWidget(self.footer, 1)
        bottom.addWidget(self.receipt_button)
        layout.addLayout(bottom)
        self.receipt_action = QAction(self.tr("Чек…"), self)
        self.receipt_action.setObjectName("balance_receipt_action")
        self.receipt_action.triggered.connect(self.request_receipt)
        view = self.panel.view
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._context_menu)
        view.selectionModel().currentRowChanged.connect(lambda *_: self._receipt_enabled())
        self.model.modelReset.connect(self._receipt_enabled)
        state = ctx.state
        follow_selected_account(self, state, self.update_view, "balance", (state.balanceReset,))
        state.balanceAppended.connect(self._appended)
        self.update_view()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.chart is None:
            self.build_chart()

    def build_chart(self) -> None:
        """Create the chart above the table (imports QtCharts: only once the main window is up)."""
        from ..widgets import balance_chart
        from .balance_chart_panel import BalanceChartPanel

        self.chart = balance_chart.make(self)
        self.chart.setMinimumHeight(140)  # fits 1366 × 768 at 200 % (683 × 384)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, self.chart, 1)
        self.chart_panel = BalanceChartPanel(self.ctx, self.chart, self.select_entry, self)
        self.chart_panel.redraw()

    def select_entry(self, entry_id: int) -> None:
        """Select the table row of balance entry ``entry_id`` (when it is loaded)."""
        items = self.ctx.state.balance_of().items
        row = next((i for i, e in enumerate(items) if e.id == entry_id), None)
        if row is not None:
            self.panel.view.selectRow(row)
            self.panel.view.scrollTo(self.model.index(row, 0))

    # ------------------------------------------------------------------ «Чек…»
    def selected_order(self) -> str | None:
        """The order number of the selected row when it is an online payment (it has a receipt)."""
        index = self.panel.view.currentIndex()
        items = self.ctx.state.balance_of().items
        if not index.isValid() or not 0 <= index.row() < len(items):
            return None
        order: str | None = getattr(items[index.row()], "order_number", None)
        return order

    def _receipt_enabled(self) -> None:
        enabled = self.selected_order() is not None
        self.receipt_button.setEnabled(enabled)
        self.receipt_action.setEnabled(enabled)

    def request_receipt(self) -> None:
        order = self.selected_order()
        if order is not None:
            self.receiptRequested.emit(self.ctx.state.selected_account, order)

    def context_menu(self, row: int) -> QMenu:
        """The row's context menu (its «Чек…» enabled for an online payment); the caller shows it."""
        self.panel.view.selectRow(row)
        menu = QMenu(self)
        menu.setObjectName("balance_menu")
        menu.addAction(self.receipt_action)
        return menu

    def _context_menu(self, pos: QPoint) -> None:
        index = self.panel.view.indexAt(pos)
        if index.isValid():
            self.context_menu(index.row()).popup(self.panel.view.viewport().mapToGlobal(pos))

    def _appended(self, number: str, start: int, count: int) -> None:
        if number == self.ctx.state.selected_account:
            self.model.rows_appended(start, count)
            self._footer()

    def update_view(self) -> None:
        state = self.ctx.state
        self.model.reset()
        error = state.error("balance", state.selected_account)
        failed = self.tr("Не удалось загрузить историю баланса: {error}")
        self.panel.show_list(
            state.balance_of(),
            None if error is None else failed.format(error=error_text(error, self.ctx.server_url)),
            loading=self.tr("Загрузка истории баланса…"),
            empty=self.tr("По этому счёту ещё не было ни пополнений, ни списаний."),
        )
        self._footer()

    def _footer(self) -> None:
        lst = self.ctx.state.balance_of()
        n = len(lst.items)
        more = self.tr("Показано операций: %n (прокрутите вниз, чтобы загрузить более ранние)", "", n)
        self.footer.setText(self.panel.footer_text(lst, more, self.tr("Показано операций: %n", "", n)))

    def refresh(self) -> None:
        self.ctx.state.refresh(("balance",))
