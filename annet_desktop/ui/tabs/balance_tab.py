"""«Баланс» / «Балансы»: every top-up and write-off of the selected account, newest first (R-BAL-1).

Rows are paged in as the user scrolls (the model's ``canFetchMore``/``fetchMore``).
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..messages import error_text
from ..models.balance_model import BalanceModel
from ..widgets.naming import named
from ..widgets.account_selector import AccountSelector
from ..widgets.table_panel import TablePanel
from .context import TabContext, follow_selected_account


class BalanceTab(QWidget):
    """The table of balance changes of the selected account."""

    def __init__(self, ctx: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        named(self, "tab_balance", self.tr("Баланс"))
        layout = QVBoxLayout(self)
        self.selector = AccountSelector(ctx.state, "balance", self)
        layout.addWidget(self.selector)
        self.panel = TablePanel("balance", self.tr("Таблица изменений баланса"), self)
        self.model = BalanceModel(lambda: self.ctx.state.balance_of().items, self)
        self.model.set_fetcher(
            lambda: self.ctx.state.balance_of().can_fetch_more, lambda: self.ctx.state.fetch_more_balance()
        )
        self.panel.view.setModel(self.model)
        self.panel.set_widths([17, 14, 44, 14])
        self.panel.stretch(2)
        layout.addWidget(self.panel, 1)
        self.footer = QLabel(self)
        self.footer.setObjectName("balance_footer")
        layout.addWidget(self.footer)
        state = ctx.state
        follow_selected_account(self, state, self.update_view, "balance", (state.balanceReset,))
        state.balanceAppended.connect(self._appended)
        self.update_view()

    def _appended(self, number: str, start: int, count: int) -> None:
        if number == self.ctx.state.selected_account:
            self.model.rows_appended(start, count)
            self._footer()

    def update_view(self) -> None:
        state = self.ctx.state
        self.model.reset()
        lst = state.balance_of()
        if not lst.loaded:
            error = state.error("balance", state.selected_account)
            if error is not None:
                self.panel.show_message(
                    self.tr("Не удалось загрузить историю баланса: {error}").format(
                        error=error_text(error, self.ctx.server_url)
                    )
                )
            else:
                self.panel.show_message(self.tr("Загрузка истории баланса…"))
        elif not lst.items:
            self.panel.show_message(self.tr("По этому счёту ещё не было ни пополнений, ни списаний."))
        else:
            self.panel.show_table()
        self._footer()

    def _footer(self) -> None:
        lst = self.ctx.state.balance_of()
        if lst.loaded and lst.items:
            if lst.next_cursor:
                text = self.tr(
                    "Показано операций: %n (прокрутите вниз, чтобы загрузить более ранние)",
                    "",
                    len(lst.items),
                )
            else:
                text = self.tr("Показано операций: %n", "", len(lst.items))
            self.footer.setText(text)
        else:
            self.footer.clear()

    def refresh(self) -> None:
        self.ctx.state.refresh(("balance",))
