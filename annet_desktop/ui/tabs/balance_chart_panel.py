"""The chart above the «Баланс» table: loads a year of the selected account's rows and draws them.

Built the first time «Баланс» is shown (QtCharts loads then, never before the main window). The
year of rows comes in 1,000-row pages in the API thread; the chart follows the selected account,
the forecast and every reset of the balance list; hovering a marker selects its row in the table
when that row is loaded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from annet_contract.moscow import MOSCOW

from ...domain import balance_series
from ...worker import Priority
from .context import TabContext

#: rows per request when loading a year of the balance
YEAR_PAGE = 1000


def fetch_year(client: Any, number: str, since: dt.datetime) -> list[Any]:
    """Every balance row of ``number`` from ``since`` on (newest first), plus the one just before it."""
    rows: list[Any] = []
    cursor = None
    while True:
        page = client.balance_history(number, limit=YEAR_PAGE, cursor=cursor)
        rows.extend(page.items)
        cursor = page.next_cursor
        if cursor is None or not page.items or page.items[-1].at < since:
            return rows


class BalanceChartPanel(QObject):
    """Owns the chart widget of a balance tab and keeps it current."""

    def __init__(
        self, ctx: TabContext, chart: Any, select_entry: Callable[[int], None], parent: QObject
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.chart = chart
        self.rows: dict[str, list[Any]] = {}
        self.now: Callable[[], dt.datetime] = lambda: dt.datetime.now(MOSCOW)
        chart.entryHovered.connect(select_entry)
        state = ctx.state
        # a bound slot, not a lambda: Qt drops it with this panel (after a logout the state lives on,
        # and the next session's first selection must not reach a deleted panel)
        state.selectedAccountChanged.connect(self._selected)
        state.balanceReset.connect(self._reset)
        state.forecasts.changed.connect(self._forecast)

    def _selected(self, _number: str) -> None:
        self.redraw(load=True)

    def _reset(self, number: str) -> None:
        if number == self.ctx.state.selected_account:
            self.load(number)

    def _forecast(self, number: str) -> None:
        if number == self.ctx.state.selected_account:
            self.redraw()

    def load(self, number: str) -> None:
        """Ask for a year of ``number``'s rows (background; dropped if another account is chosen)."""
        since = self.now() - dt.timedelta(days=balance_series.DAYS_SHOWN)
        reply = self.ctx.worker.submit(
            fetch_year,
            number,
            since,
            priority=Priority.BACKGROUND,
            key=("balance-year", number),
            context=("account", number),
        )
        reply.then(self, lambda rows: self._loaded(number, rows))

    def _loaded(self, number: str, rows: list[Any]) -> None:
        self.rows[number] = rows
        if number == self.ctx.state.selected_account:
            self.redraw()

    def redraw(self, load: bool = False) -> None:
        """Draw the selected account's year (loading it first when not here yet or ``load``)."""
        state = self.ctx.state
        number = state.selected_account
        if not number:
            return
        if load or number not in self.rows:
            self.load(number)
        series = balance_series.build(self.rows.get(number, []), self.now(), state.forecasts.of(number))
        self.chart.set_series(series)
