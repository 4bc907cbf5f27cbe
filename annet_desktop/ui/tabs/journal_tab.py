"""«Журнал»: every change of the subscriber's data, who made it, when, old → new; newest first (R-LOG-1)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..messages import error_text
from ..models.journal_model import JournalModel
from ..widgets.naming import named
from ..widgets.table_panel import TablePanel
from .context import TabContext


class JournalTab(QWidget):
    """One table of journal entries, paged in as the user scrolls."""

    def __init__(self, ctx: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        named(self, "tab_journal", self.tr("Журнал"))
        layout = QVBoxLayout(self)
        self.panel = TablePanel(
            "journal",
            self.tr("Журнал изменений"),
            self.tr("Изменения по счёту: дата, что изменилось и кто изменил"),
            self,
        )
        self.model = JournalModel(lambda: self.ctx.state.journal.items, self)
        self.model.set_fetcher(
            lambda: self.ctx.state.journal.can_fetch_more, lambda: self.ctx.state.fetch_more_journal()
        )
        self.panel.view.setModel(self.model)
        self.panel.set_widths([17, 10, 22, 8, 18, 16])
        layout.addWidget(self.panel, 1)
        self.footer = QLabel(self)
        self.footer.setObjectName("journal_footer")
        layout.addWidget(self.footer)
        state = ctx.state
        state.journalReset.connect(self.update_view)
        state.journalAppended.connect(self._appended)
        state.loadFailed.connect(self._failed)
        self.update_view()

    def _appended(self, start: int, count: int) -> None:
        self.model.rows_appended(start, count)
        self._footer()

    def _failed(self, part: str, _n: str, _e: Any) -> None:
        if part == "journal":
            self.update_view()

    def update_view(self) -> None:
        state = self.ctx.state
        self.model.reset()
        error = state.error("journal")
        failed = self.tr("Не удалось загрузить журнал: {error}")
        self.panel.show_list(
            state.journal,
            None if error is None else failed.format(error=error_text(error, self.ctx.server_url)),
            loading=self.tr("Загрузка журнала…"),
            empty=self.tr("Изменений ваших данных пока не было."),
        )
        self._footer()

    def _footer(self) -> None:
        lst = self.ctx.state.journal
        n = len(lst.items)
        more = self.tr("Показано записей: %n (прокрутите вниз, чтобы загрузить более ранние)", "", n)
        self.footer.setText(self.panel.footer_text(lst, more, self.tr("Показано записей: %n", "", n)))

    def refresh(self) -> None:
        self.ctx.state.refresh(("journal",))
