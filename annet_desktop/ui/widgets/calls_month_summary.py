"""«Звонки»: the month by zone and direction (calls, minutes, cost) and 12 months of cost as bars.

The server sums them (``GET …/calls/summary``): nothing here adds up 100,000 calls. The bars use
QtCharts, built the first time the panel is shown (never before the main window); until then, and
for screen readers always, the accessible description says the twelve costs in words.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QTableView, QWidget

from annet_contract.money import format_money

from ...i18n import translate
from ...worker import Priority
from ..models.rows_model import RIGHT, Column, RowsModel
from .naming import named


def _fetch_summary(client: Any, number: str, year: int, month: int) -> Any:
    return client.calls_summary(number, year, month)


def _direction(value: Any) -> str:
    names = {
        "in": translate("CallsMonthSummary", "Входящие"),
        "out": translate("CallsMonthSummary", "Исходящие"),
    }
    return names.get(getattr(value, "value", value), "")


def _columns() -> list[Column]:
    return [
        Column(translate("CallsMonthSummary", "Зона"), lambda z: z.zone),
        Column(translate("CallsMonthSummary", "Направление"), lambda z: _direction(z.direction)),
        Column(translate("CallsMonthSummary", "Звонков"), lambda z: str(z.calls), RIGHT),
        Column(translate("CallsMonthSummary", "Минут"), lambda z: str(z.minutes), RIGHT),
        Column(translate("CallsMonthSummary", "Стоимость"), lambda z: format_money(z.cost), RIGHT),
    ]


class CallsMonthSummary(QWidget):
    """The zone table and the cost bars of one (account, month); :meth:`load` asks the server."""

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        named(self, "calls_month_summary", self.tr("Итоги месяца по зонам"))
        self.summary: Any = None
        self._asked: tuple[str, int, int] | None = None
        self.bars: Any = None  # the QtCharts view, once shown
        self.model = RowsModel(_columns(), lambda: list(self.summary.zones) if self.summary else [], self)
        self.table_description = self.tr("Число звонков, минуты и сумма за месяц по каждой зоне")
        self.table = named(
            QTableView(self), "calls_zones_table", self.tr("Итоги месяца по зонам"), self.table_description
        )
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.layout_ = QHBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.addWidget(self.table, 3)
        self.setMaximumHeight(200)
        ctx.state.selectedAccountChanged.connect(self._account_selected)
        ctx.state.sessionEnded.connect(self.clear)

    def load(self, number: str, year: int, month: int) -> None:
        """Ask for the summary of ``month`` (background; an older ask's answer is ignored)."""
        self._asked = (number, year, month)
        reply = self.ctx.worker.submit(
            _fetch_summary, number, year, month, priority=Priority.BACKGROUND, key=("calls-summary",)
        )
        reply.then(self, lambda summary: self._arrived((number, year, month), summary))

    def clear(self) -> None:
        """Show nothing (another account, logout)."""
        self._asked = None
        self.summary = None
        self.model.reset()
        self._draw()

    def _account_selected(self, _number: str) -> None:
        self.clear()

    def _arrived(self, asked: tuple[str, int, int], summary: Any) -> None:
        if asked != self._asked:
            return
        self.summary = summary
        self.model.reset()
        self._draw()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.bars is None:
            from .cost_bars import CostBars

            self.bars = CostBars(self)
            self.layout_.addWidget(self.bars, 2)
            self._draw()

    def _draw(self) -> None:
        months = list(self.summary.months) if self.summary else []
        text = self.describe(months)
        self.setAccessibleDescription(text)
        described = f"{self.table_description}. {text}" if text else self.table_description
        self.table.setAccessibleDescription(described)
        if self.bars is not None:
            self.bars.set_months(months, text)

    def describe(self, months: list[Any]) -> str:
        """The twelve costs in words (the bars' text equivalent)."""
        if not months:
            return ""
        costs = "; ".join(f"{m.month:02d}.{m.year}: {format_money(m.cost)}" for m in months)
        return self.tr("Стоимость звонков за 12 месяцев: {costs}.").format(costs=costs)
