"""«Звонки»: the calls of the selected account for a chosen month and year (R-CALL, manual p.10).

A month of 100,000 calls stays smooth (R-CALL-4): pages from the API thread are appended to
:class:`~annet_desktop.ui.models.calls_model.CallsModel` as they arrive («загружено 40 000 из
100 000»), the next one asked before the current one is appended. Sorting (R-CALL-2) and the number
filter run inside the model; the table (:class:`~annet_desktop.ui.widgets.calls_table_view.CallsTableView`)
has fixed row heights and widths from a sample, never ``resizeColumnsToContents``.

Month and year selectors (R-CALL-1) offer only the months with calls; pages still on their way for
an older choice are dropped. Above the table: the month by zone, 12 months of cost (issue 14).

«Экспортировать» (R-CALL-3) saves what is shown, in the order shown, as XML Spreadsheet 2003, xlsx
or CSV; the file is written by a thread of this tab (disk, not network), with a progress dialog and
«Отмена»; a failed or cancelled export leaves no file (:func:`annet_desktop.export.export`).
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import logging
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QProgressDialog, QVBoxLayout, QWidget

from annet_contract.moscow import MOSCOW

from ...background import BackgroundJob
from ...domain.calls import PreparedPage, prepare_page, thousands
from ...export import ExportFormat
from ...interpreter import RESPONSIVE_GIL, freeze_startup_objects
from ..messages import error_text
from ..models.calls_model import CallsModel, summary_text
from ..widgets.account_selector import AccountSelector
from ..widgets.calls_month_summary import CallsMonthSummary
from ..widgets.calls_table_view import CallsTableView
from ..widgets.month_picker import MonthPicker
from ..widgets.naming import named
from .calls_export import CallsExport
from .context import TabContext

log = logging.getLogger(__name__)

#: rows per request: small enough that parsing a page never holds the GUI back for long
PAGE_SIZE = 10_000


def _fetch_calls(client: Any, number: str, year: int, month: int, cursor: str | None) -> PreparedPage:
    """In the API thread: fetch one page and make it ready to append (see :func:`prepare_page`)."""
    return prepare_page(client.calls(number, year, month, limit=PAGE_SIZE, cursor=cursor))


class CallsTab(QWidget):
    """The calls table with month/year selectors, number search, summary and export."""

    monthLoaded = Signal()  # every page of the month shown has arrived
    sortReady = Signal()  # the sort orders of every column are computed (header clicks are instant)
    exportFinished = Signal(str)  # "ok", "cancelled" or "failed"

    def __init__(self, ctx: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        named(self, "tab_calls", self.tr("Звонки"))
        self._generation = itertools.count(1)
        self._context: tuple[str, Any] | None = None
        self._loaded_key: tuple[str, int, int] | None = None  # what the model holds (complete or not)
        self._complete = False
        self._combo_account = ""  # whose months the selectors offer
        self._error: Any = None
        self._reply: Any = None
        self._loading_gil = False
        self._precompute = QTimer(self)
        self._precompute.setSingleShot(True)
        self._precompute.setInterval(0)
        self._precompute.timeout.connect(self._precompute_step)
        self._build()
        state = ctx.state
        state.selectedAccountChanged.connect(self._account_selected)
        state.sessionEnded.connect(self._session_ended)
        self._render()

    # ------------------------------------------------------------------ widgets
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.selector = AccountSelector(self.ctx.state, "calls", self)
        layout.addWidget(self.selector)
        self.model = CallsModel(self)
        self.export = CallsExport(self, self.ctx, self.model, self._shown_month)
        self.export.finished.connect(self.exportFinished)
        self.export_button = self.export.button

        bar = QHBoxLayout()
        self.month_picker = MonthPicker(self, "calls")
        self.month_combo, self.year_combo = self.month_picker.month_combo, self.month_picker.year_combo
        self.search = named(QLineEdit(self), "calls_search", self.tr("Поиск по номеру"))
        self.search.setPlaceholderText(self.tr("Поиск по номеру"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(260)
        for widget in self.month_picker.widgets():
            bar.addWidget(widget)
        bar.addSpacing(12)
        bar.addWidget(self.search, 1)
        bar.addStretch(0)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)

        self.progress_label = named(QLabel(self), "calls_progress", self.tr("Ход загрузки звонков"))
        layout.addWidget(self.progress_label)
        self.month_summary = CallsMonthSummary(self.ctx, self)
        layout.addWidget(self.month_summary)

        self.view = named(
            CallsTableView(self.model, self),
            "calls_table",
            self.tr("Таблица звонков"),
            self.tr("Звонки выбранного месяца: дата, номер, зона, длительность и стоимость"),
        )
        layout.addWidget(self.view, 1)

        self.summary_label = named(QLabel(self), "calls_summary", self.tr("Итоги по показанным звонкам"))
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary_label)

        self.month_picker.chosen.connect(self._ensure_loaded)
        self.search.textChanged.connect(self.model.set_filter)
        self.model.summaryChanged.connect(self._summary)
        self.model.loadedChanged.connect(lambda *_: self._progress_line())

    # ------------------------------------------------------------------ what to show
    def _account(self) -> str:
        return self.ctx.state.selected_account

    def _has_telephony(self, number: str) -> bool:
        ref = next((r for r in self.ctx.state.account_refs() if r.number == number), None)
        return bool(ref is not None and ref.has_telephony)

    @property
    def _months(self) -> list[tuple[int, int]]:
        """The months with calls of the account the selectors are for, newest first."""
        return self.ctx.state.months_with_calls(self._combo_account) if self._combo_account else []

    def selected_month(self) -> tuple[int, int] | None:
        return self.month_picker.selected()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self._ensure_loaded()

    def _ensure_loaded(self) -> None:
        """Start loading what the selectors show, unless it is loaded or loading already."""
        number = self._account()
        if not number or not self.ctx.state.logged_in or not self._has_telephony(number):
            self._render()
            return
        chosen = self.selected_month() if self._combo_account == number else None
        if chosen is None:
            today = dt.datetime.now(MOSCOW)
            chosen = (today.year, today.month)
        key = (number, chosen[0], chosen[1])
        if key == self._loaded_key and (self._complete or self._reply is not None):
            return
        self._load(*key)

    def _load(self, number: str, year: int, month: int) -> None:
        """Drop what is shown and load the month from its first page."""
        freeze_startup_objects()
        context_value = (number, year, month, next(self._generation))
        self._context = ("calls", context_value)
        self.ctx.worker.set_current("calls", context_value)  # pages of an older choice are dropped
        self._loaded_key = (number, year, month)
        self._complete = False
        self._precompute.stop()
        self._error = None
        self.view.widths_set = False
        self.model.clear()
        self._set_loading(True)
        self._request(number, year, month, None)
        self.month_summary.load(number, year, month)
        self._render()

    def _set_loading(self, loading: bool) -> None:
        if loading and not self._loading_gil:
            RESPONSIVE_GIL.hold()
        elif not loading and self._loading_gil:
            RESPONSIVE_GIL.release()
        self._loading_gil = loading

    def _request(self, number: str, year: int, month: int, cursor: str | None) -> None:
        from ...worker import Priority

        context = self._context
        reply = self.ctx.worker.submit(
            _fetch_calls, number, year, month, cursor, priority=Priority.USER, context=context
        )
        reply.then(self, functools.partial(self._page, context), functools.partial(self._failed, context))
        self._reply = reply

    def _page(self, context: Any, page: Any) -> None:
        if context != self._context:
            return  # an answer for an older choice (the worker drops these already)
        number, year, month, _n = context[1]
        if page.months is not None and (
            self._combo_account != number or sorted(set(page.months), reverse=True) != self._months
        ):
            self._set_months(number, [tuple(m) for m in page.months])
        if (year, month) not in self._months and self._months:
            # the month asked for first (the current one) has no calls: show the newest that has
            newest = self._months[0]
            self.month_picker.select(newest)
            self._load(number, newest[0], newest[1])
            return
        if page.next_cursor:
            self._request(number, year, month, page.next_cursor)  # the API thread fetches meanwhile
        else:
            self._reply = None
            self._complete = True
            self._set_loading(False)
        self.model.total = max(self.model.total, int(page.total))
        self.model.append_page(page)
        if not self.view.widths_set and self.model.rowCount():
            self.view.widths_from_sample()
        self._render()
        if self._complete:
            self.monthLoaded.emit()
            self._precompute.start()

    def _precompute_step(self) -> None:
        """One column's sort order per turn of the event loop, after the month has arrived."""
        if not self._complete:
            return
        if self.model.precompute_next():
            self._precompute.start()
        else:
            self.sortReady.emit()

    def _failed(self, context: Any, error: Any) -> None:
        if context != self._context:
            return
        self._reply = None
        self._error = error
        self._set_loading(False)
        self.ctx.messages.error(error, action=False)
        self._render()

    # ------------------------------------------------------------------ selectors
    def _set_months(self, number: str, months: list[tuple[int, int]]) -> None:
        self._combo_account = number
        self.ctx.state.set_months_with_calls(number, months)
        loaded = (self._loaded_key[1], self._loaded_key[2]) if self._loaded_key is not None else None
        self.month_picker.offer(self._months, self.selected_month(), loaded)

    def select_month(self, year: int, month: int) -> None:
        """Show ``month`` of ``year`` (as if chosen in the selectors)."""
        if (year, month) not in self._months:
            raise ValueError(f"no calls in {month:02d}.{year}")
        self.month_picker.select((year, month))
        self._ensure_loaded()

    def _account_selected(self, _number: str) -> None:
        self._combo_account = ""
        self.month_picker.clear()
        if self.isVisible():
            self._ensure_loaded()
        else:
            self._context = None
            self._loaded_key = None
            self._reply = None
            self._set_loading(False)
            self.model.clear()
            self._render()

    def _session_ended(self) -> None:
        self._set_loading(False)
        self._context = None
        self._loaded_key = None
        self._reply = None
        self._combo_account = ""
        self.model.clear()

    # ------------------------------------------------------------------ lines of text
    def _render(self) -> None:
        self._progress_line()
        self._summary()
        number = self._account()
        telephony = bool(number) and self._has_telephony(number)
        self.export.set_month_ready(telephony and self._complete)
        self.search.setEnabled(telephony)

    def _progress_line(self) -> None:
        number = self._account()
        if not number or not self._has_telephony(number):
            text = self.tr("По этому лицевому счёту нет телефонных услуг.")
        elif self._error is not None:
            text = self.tr("Не удалось загрузить звонки: {error}").format(
                error=error_text(self._error, self.ctx.server_url)
            )
        elif self._loaded_key is None:
            text = ""
        elif self._complete and self.model.loaded == 0:
            text = self.tr("Звонков за этот месяц нет.")
        elif self._complete:
            text = self.tr("Загружены все звонки месяца: %Ln", "", self.model.loaded)
        elif self.model.total:
            text = self.tr("загружено {loaded} из {total}").format(
                loaded=thousands(self.model.loaded), total=thousands(self.model.total)
            )
        else:
            text = self.tr("Загрузка звонков…")
        self.progress_label.setText(text)

    def _summary(self) -> None:
        self.summary_label.setText(summary_text(self.model.summary()))
        self.export.update_button()

    @property
    def complete(self) -> bool:
        """Every page of the month shown has arrived."""
        return self._complete

    def refresh(self) -> None:
        """F5: load the month shown again."""
        if self._loaded_key is not None:
            self._load(*self._loaded_key)
        else:
            self._ensure_loaded()

    # ------------------------------------------------------------------ export
    def _shown_month(self) -> tuple[str, int, int]:
        return self._loaded_key or (self._account(), 0, 0)

    def _filters(self) -> dict[str, ExportFormat]:
        return self.export.filters()

    def start_export(self) -> None:
        """«Экспортировать»: ask where, then write what is shown (see :class:`.calls_export.CallsExport`)."""
        self.export.start()

    def export_to(self, path: str, fmt: ExportFormat) -> BackgroundJob:
        """Export what is shown to ``path`` (no dialog asking where); returns the running job."""
        return self.export.export_to(path, fmt)

    @property
    def export_job(self) -> BackgroundJob | None:
        return self.export.job

    @property
    def export_dialog(self) -> QProgressDialog | None:
        return self.export.dialog

    def closeEvent(self, event: Any) -> None:
        self.export.stop()
        super().closeEvent(event)
