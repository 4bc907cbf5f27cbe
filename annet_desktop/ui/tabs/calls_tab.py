"""«Звонки»: the calls of the selected account for a chosen month and year (R-CALL, manual p.10).

A business line's month of 100,000 calls stays smooth (R-CALL-4): pages come from the API thread
one after another and are appended to :class:`~annet_desktop.ui.models.calls_model.CallsModel` as
they arrive («загружено 40 000 из 100 000»); the next page is requested before the current one is
appended, so the network and the GUI work at the same time. Sorting (a header click, R-CALL-2) and
the number filter run inside the model. The view has fixed row heights and column widths taken
from a sample of rows, never ``resizeColumnsToContents``.

Month and year selectors (R-CALL-1) offer only the months that have calls (``CallsPage.months``).
A load carries the context ``("calls", (account, year, month, n))``: when the user picks another
month or account, pages still on their way for the old one are dropped by the worker.

«Экспортировать» (R-CALL-3) saves what is shown, in the order shown, as XML Spreadsheet 2003, xlsx
or CSV; the file is written by a thread of this tab (disk, not network), with a progress dialog and
«Отмена»; a failed or cancelled export leaves no file (:func:`annet_desktop.export.export`).
"""

from __future__ import annotations

import datetime as dt
import gc
import itertools
import logging
import sys
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QObject,
    QSignalBlocker,
    QStandardPaths,
    Qt,
    QThread,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annet_contract.moscow import MOSCOW

from ...export import ExportCancelled, ExportFormat
from ..messages import error_text
from ..models.calls_model import COLUMN_COUNT, CallsModel, PreparedPage, prepare_page, summary_text
from ..widgets.naming import named
from ..widgets.account_selector import AccountSelector
from .context import TabContext

log = logging.getLogger(__name__)

#: rows per request: small enough that parsing a page never holds the GUI back for long
PAGE_SIZE = 10_000
#: rows used to size the columns, and the least width of each column in digits
WIDTH_SAMPLE = 200
_MIN_CHARS = (19, 15, 15, 9, 7, 9, 12)

_MONTHS = (
    QT_TRANSLATE_NOOP("CallsTab", "Январь"), QT_TRANSLATE_NOOP("CallsTab", "Февраль"),
    QT_TRANSLATE_NOOP("CallsTab", "Март"), QT_TRANSLATE_NOOP("CallsTab", "Апрель"),
    QT_TRANSLATE_NOOP("CallsTab", "Май"), QT_TRANSLATE_NOOP("CallsTab", "Июнь"),
    QT_TRANSLATE_NOOP("CallsTab", "Июль"), QT_TRANSLATE_NOOP("CallsTab", "Август"),
    QT_TRANSLATE_NOOP("CallsTab", "Сентябрь"), QT_TRANSLATE_NOOP("CallsTab", "Октябрь"),
    QT_TRANSLATE_NOOP("CallsTab", "Ноябрь"), QT_TRANSLATE_NOOP("CallsTab", "Декабрь"),
)  # fmt: skip


class _ResponsiveGil:
    """While a month loads or an export runs, let the GUI thread have the GIL at once.

    Painting a view over a Python model takes the GIL hundreds of times (every ``data()``, every
    virtual call of a Python subclass). With a thread of ours busy in Python (the export writer,
    the API thread reading and parsing pages), each of those waits for CPython's switch interval
    (5 ms by default), and one repaint can stall the window for a second. A 0.1 ms interval while
    such work runs keeps the event loop within its 50 ms budget and costs the worker thread little
    (a switch happens only when the GUI thread asks). Process-wide, so it is reference-counted and
    the previous value is restored when the last user is done.
    """

    INTERVAL_S = 0.0001

    def __init__(self) -> None:
        self._users = 0
        self._saved = sys.getswitchinterval()

    def hold(self) -> None:
        if self._users == 0:
            self._saved = sys.getswitchinterval()
            sys.setswitchinterval(min(self._saved, self.INTERVAL_S))
        self._users += 1

    def release(self) -> None:
        if self._users > 0:
            self._users -= 1
            if self._users == 0:
                sys.setswitchinterval(self._saved)

    @property
    def held(self) -> bool:
        return self._users > 0


RESPONSIVE_GIL = _ResponsiveGil()
_startup_frozen = False


def _freeze_startup_objects() -> None:
    """Move every object alive now (the application, its windows, modules) out of the garbage
    collector's reach, once: a full collection then walks only what came later, and no longer
    stalls the window for tens of milliseconds in the middle of a 100,000-row load."""
    global _startup_frozen
    if not _startup_frozen:
        _startup_frozen = True
        gc.collect()
        gc.freeze()


def _fetch_calls(client: Any, number: str, year: int, month: int, cursor: str | None) -> PreparedPage:
    """In the API thread: fetch one page and make it ready to append (see :func:`prepare_page`)."""
    return prepare_page(client.calls(number, year, month, limit=PAGE_SIZE, cursor=cursor))


def _thousands(value: int) -> str:
    return f"{value:,}".replace(",", "\u00a0")


class ExportThread(QThread):
    """Writes one export file off the GUI thread; ``cancel()`` stops it, leaving no file."""

    progressed = Signal(int)
    succeeded = Signal(int)
    failed = Signal(object)
    cancelledExport = Signal()

    def __init__(
        self, path: str, fmt: ExportFormat, header: list[Any], rows: Any, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.fmt = fmt
        self.header = header
        self.rows = rows
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        from ...export import export

        try:
            count = export(
                self.path,
                self.fmt,
                self.header,
                self.rows,
                progress=self.progressed.emit,
                cancelled=self._cancel.is_set,
            )
        except ExportCancelled:
            self.cancelledExport.emit()
        except Exception as exc:  # disk full, no permission, …: reported, nothing left behind
            log.warning("export to %s failed: %s", self.fmt.value, exc)
            self.failed.emit(exc)
        else:
            self.succeeded.emit(count)


_RUNNING_EXPORTS: set[ExportThread] = set()
_quit_hooked = False


def _track(thread: ExportThread) -> None:
    """Keep a running export alive until it finishes; the application waits for it on quit."""
    global _quit_hooked
    app = QCoreApplication.instance()
    if not _quit_hooked and app is not None:
        _quit_hooked = True
        app.aboutToQuit.connect(stop_exports)
    _RUNNING_EXPORTS.add(thread)
    thread.finished.connect(lambda: _RUNNING_EXPORTS.discard(thread))


def stop_exports(timeout_ms: int = 10_000) -> None:
    """Cancel every running export and wait for the threads to end (nothing is left on disk)."""
    for thread in list(_RUNNING_EXPORTS):
        thread.cancel()
        thread.wait(timeout_ms)


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
        self._months: list[tuple[int, int]] = []
        self._months_account = ""
        self._error: Any = None
        self._reply: Any = None
        self._widths_set = False
        self._export: ExportThread | None = None
        self._export_path = ""
        self._progress: QProgressDialog | None = None
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

        bar = QHBoxLayout()
        self.month_caption = QLabel(self.tr("Месяц:"), self)
        self.month_caption.setObjectName("calls_month_caption")
        self.month_combo = named(QComboBox(self), "calls_month", self.tr("Месяц"))
        self.month_caption.setBuddy(self.month_combo)
        self.year_caption = QLabel(self.tr("Год:"), self)
        self.year_caption.setObjectName("calls_year_caption")
        self.year_combo = named(QComboBox(self), "calls_year", self.tr("Год"))
        self.year_caption.setBuddy(self.year_combo)
        self.search = named(QLineEdit(self), "calls_search", self.tr("Поиск по номеру"))
        self.search.setPlaceholderText(self.tr("Поиск по номеру"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(260)
        self.export_button = named(QPushButton(self.tr("Экспортировать"), self), "calls_export",
                                   self.tr("Экспортировать таблицу звонков в файл"))  # fmt: skip
        for widget in (self.month_caption, self.month_combo, self.year_caption, self.year_combo):
            bar.addWidget(widget)
        bar.addSpacing(12)
        bar.addWidget(self.search, 1)
        bar.addStretch(0)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)

        self.progress_label = named(QLabel(self), "calls_progress", self.tr("Ход загрузки звонков"))
        layout.addWidget(self.progress_label)

        self.model = CallsModel(self)
        self.view = named(QTableView(self), "calls_table", self.tr("Таблица звонков"))
        view = self.view
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.setCornerButtonEnabled(False)
        vertical = view.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(view.fontMetrics().height() + 8)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        view.setSortingEnabled(True)  # a header click calls model.sort (R-CALL-2)
        self._default_widths()
        layout.addWidget(view, 1)

        self.summary_label = named(QLabel(self), "calls_summary", self.tr("Итоги по показанным звонкам"))
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary_label)

        self.year_combo.currentIndexChanged.connect(self._year_chosen)
        self.month_combo.currentIndexChanged.connect(self._month_chosen)
        self.search.textChanged.connect(self.model.set_filter)
        self.model.summaryChanged.connect(self._summary)
        self.model.loadedChanged.connect(lambda *_: self._progress_line())
        self.export_button.clicked.connect(self.start_export)

    def _default_widths(self) -> None:
        char = self.view.fontMetrics().horizontalAdvance("0")
        for column, width in enumerate([19, 14, 14, 11, 9, 10, 18]):
            self.view.setColumnWidth(column, width * char + 16)

    def _widths_from_sample(self) -> None:
        """Column widths from the header and the first rows (never from all 100,000)."""
        metrics = self.view.fontMetrics()
        header_metrics = self.view.horizontalHeader().fontMetrics()
        digit = metrics.horizontalAdvance("0")
        sample = range(min(WIDTH_SAMPLE, self.model.rowCount()))
        for column in range(COLUMN_COUNT - 1):  # the last one stretches
            texts = [self.model.display(r, column) for r in sample]
            text_width = max((metrics.horizontalAdvance(t) for t in texts), default=0)
            title_width = header_metrics.horizontalAdvance(self.model.title(column)) + 24  # sort arrow
            floor = _MIN_CHARS[column] * digit  # e.g. an international number later in the month
            self.view.setColumnWidth(column, max(text_width + 18, title_width, floor + 18))
        self._widths_set = True

    # ------------------------------------------------------------------ what to show
    def _account(self) -> str:
        return self.ctx.state.selected_account

    def _has_telephony(self, number: str) -> bool:
        ref = next((r for r in self.ctx.state.account_refs() if r.number == number), None)
        return bool(ref is not None and ref.has_telephony)

    def selected_month(self) -> tuple[int, int] | None:
        year, month = self.year_combo.currentData(), self.month_combo.currentData()
        if year is None or month is None:
            return None
        return int(year), int(month)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self._ensure_loaded()

    def _ensure_loaded(self) -> None:
        """Start loading what the selectors show, unless it is loaded or loading already."""
        number = self._account()
        if not number or not self.ctx.state.logged_in or not self._has_telephony(number):
            self._render()
            return
        chosen = self.selected_month() if self._months_account == number else None
        if chosen is None:
            today = dt.datetime.now(MOSCOW)
            chosen = (today.year, today.month)
        key = (number, chosen[0], chosen[1])
        if key == self._loaded_key and (self._complete or self._reply is not None):
            return
        self._load(*key)

    def _load(self, number: str, year: int, month: int) -> None:
        """Drop what is shown and load the month from its first page."""
        _freeze_startup_objects()
        context_value = (number, year, month, next(self._generation))
        self._context = ("calls", context_value)
        self.ctx.worker.set_current("calls", context_value)  # pages of an older choice are dropped
        self._loaded_key = (number, year, month)
        self._complete = False
        self._precompute.stop()
        self._error = None
        self._widths_set = False
        self.model.clear()
        self._set_loading(True)
        self._request(number, year, month, None)
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
        reply.finished.connect(lambda page, c=context: self._page(c, page))
        reply.failed.connect(lambda err, c=context: self._failed(c, err))
        self._reply = reply

    def _page(self, context: Any, page: Any) -> None:
        if context != self._context:
            return  # an answer for an older choice (the worker drops these already)
        number, year, month, _n = context[1]
        if page.months is not None and (self._months_account != number or page.months != self._months):
            self._set_months(number, [tuple(m) for m in page.months])
        if (year, month) not in self._months and self._months:
            # the month asked for first (the current one) has no calls: show the newest that has
            newest = self._months[0]
            self._select_month(newest)
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
        if not self._widths_set and self.model.rowCount():
            self._widths_from_sample()
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
        self._months_account = number
        self._months = sorted(set(months), reverse=True)
        current = self.selected_month()
        years = sorted({y for y, _m in self._months}, reverse=True)
        with QSignalBlocker(self.year_combo):
            self.year_combo.clear()
            for year in years:
                self.year_combo.addItem(str(year), year)
        if current is not None and current in self._months:
            self._select_month(current)
        elif self._loaded_key is not None and self._loaded_key[1:] in self._months:
            self._select_month((self._loaded_key[1], self._loaded_key[2]))
        elif self._months:
            self._select_month(self._months[0])
        self._fill_months()

    def _fill_months(self, wanted: int | None = None) -> None:
        year = self.year_combo.currentData()
        with QSignalBlocker(self.month_combo):
            keep = wanted if wanted is not None else self.month_combo.currentData()
            self.month_combo.clear()
            for y, m in sorted(self._months):
                if y == year:
                    self.month_combo.addItem(QCoreApplication.translate("CallsTab", str(_MONTHS[m - 1])), m)
            index = self.month_combo.findData(keep)
            self.month_combo.setCurrentIndex(index if index >= 0 else self.month_combo.count() - 1)
        enabled = bool(self._months)
        self.month_combo.setEnabled(enabled)
        self.year_combo.setEnabled(enabled)

    def _select_month(self, ym: tuple[int, int]) -> None:
        with QSignalBlocker(self.year_combo):
            self.year_combo.setCurrentIndex(self.year_combo.findData(ym[0]))
        self._fill_months(ym[1])

    def select_month(self, year: int, month: int) -> None:
        """Show ``month`` of ``year`` (as if chosen in the selectors)."""
        if (year, month) not in self._months:
            raise ValueError(f"no calls in {month:02d}.{year}")
        self._select_month((year, month))
        self._ensure_loaded()

    def _year_chosen(self, _index: int) -> None:
        self._fill_months()
        self._ensure_loaded()

    def _month_chosen(self, _index: int) -> None:
        self._ensure_loaded()

    def _account_selected(self, _number: str) -> None:
        self._months = []
        self._months_account = ""
        with QSignalBlocker(self.year_combo), QSignalBlocker(self.month_combo):
            self.year_combo.clear()
            self.month_combo.clear()
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
        self._months = []
        self.model.clear()

    # ------------------------------------------------------------------ lines of text
    def _render(self) -> None:
        self._progress_line()
        self._summary()
        number = self._account()
        telephony = bool(number) and self._has_telephony(number)
        self.export_button.setEnabled(telephony and self._complete and self.model.rowCount() > 0)
        self.search.setEnabled(telephony)

    def _progress_line(self) -> None:
        number = self._account()
        if not number or not self._has_telephony(number):
            text = self.tr("По этому лицевому счёту нет телефонных услуг.")
        elif self._error is not None:
            text = self.tr("Не удалось загрузить звонки: ") + error_text(self._error, self.ctx.server_url)
        elif self._loaded_key is None:
            text = ""
        elif self._complete and self.model.loaded == 0:
            text = self.tr("Звонков за этот месяц нет.")
        elif self._complete:
            text = self.tr("Загружены все звонки месяца: {n}").format(n=_thousands(self.model.loaded))
        elif self.model.total:
            text = self.tr("загружено {loaded} из {total}").format(
                loaded=_thousands(self.model.loaded), total=_thousands(self.model.total)
            )
        else:
            text = self.tr("Загрузка звонков…")
        self.progress_label.setText(text)

    def _summary(self) -> None:
        self.summary_label.setText(summary_text(self.model.summary()))
        self.export_button.setEnabled(self._complete and self.model.rowCount() > 0 and self._export is None)

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
    def _default_path(self, fmt: ExportFormat) -> str:
        folder = str(self.ctx.settings.get("export/folder") or "")
        if not folder or not Path(folder).is_dir():
            folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        if not folder or not Path(folder).is_dir():
            folder = str(Path.home())
        number, year, month = self._loaded_key or (self._account(), 0, 0)
        name = self.tr("звонки") + f"_{number}_{year:04d}-{month:02d}.{fmt.value}"
        return str(Path(folder) / name)

    def _filters(self) -> dict[str, ExportFormat]:
        return {
            self.tr("XML Spreadsheet 2003 (*.xml)"): ExportFormat.XML2003,
            self.tr("Excel (*.xlsx)"): ExportFormat.XLSX,
            self.tr("CSV для Excel (*.csv)"): ExportFormat.CSV,
        }

    def start_export(self) -> None:
        """«Экспортировать»: ask where, then write what is shown in a thread with a progress dialog."""
        if self._export is not None or self.model.rowCount() == 0:
            return
        filters = self._filters()
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Экспорт звонков"), self._default_path(ExportFormat.XML2003), ";;".join(filters)
        )
        if not path:
            return
        fmt = filters.get(chosen)
        suffix = Path(path).suffix.lower().lstrip(".")
        if fmt is None:
            fmt = next((f for f in ExportFormat if f.value == suffix), ExportFormat.XML2003)
        if suffix != fmt.value:
            path = f"{path}.{fmt.value}"
        self.ctx.settings.set("export/folder", str(Path(path).parent))
        self.export_to(path, fmt)

    def export_to(self, path: str, fmt: ExportFormat) -> ExportThread:
        """Export what is shown to ``path`` (no dialog asking where); returns the running thread."""
        rows = self.model.rowCount()
        # no parent: the thread outlives the tab if the window goes away mid-export (it is then
        # cancelled and finishes on its own; quitting the application waits for it)
        thread = ExportThread(path, fmt, self.model.export_header(), self.model.export_rows(), None)
        _track(thread)
        self.destroyed.connect(thread.cancel)
        self._export_path = path
        dialog = QProgressDialog(self.tr("Сохранение звонков в файл…"), self.tr("Отмена"), 0, rows, self)
        named(dialog, "calls_export_progress", self.tr("Ход экспорта"))
        dialog.setWindowTitle(self.tr("Экспорт"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setValue(0)
        dialog.canceled.connect(thread.cancel)
        thread.progressed.connect(dialog.setValue)
        thread.succeeded.connect(self._export_succeeded)  # slots of the tab: cut if it is deleted
        thread.failed.connect(self._export_failed)
        thread.cancelledExport.connect(self._export_cancelled)
        self._export = thread
        self._progress = dialog
        self.export_button.setEnabled(False)
        RESPONSIVE_GIL.hold()
        thread.start()
        return thread

    @property
    def export_thread(self) -> ExportThread | None:
        return self._export

    @property
    def export_dialog(self) -> QProgressDialog | None:
        return self._progress

    def _export_succeeded(self, count: int) -> None:
        self._export_done("ok", self._export_path, count)

    def _export_failed(self, error: object) -> None:
        self._export_done("failed", self._export_path, error)

    def _export_cancelled(self) -> None:
        self._export_done("cancelled", self._export_path, None)

    def _export_done(self, outcome: str, path: str, detail: Any) -> None:
        thread, dialog = self._export, self._progress
        if thread is not None:
            RESPONSIVE_GIL.release()
        self._export = None
        self._progress = None
        if dialog is not None:
            dialog.canceled.disconnect()
            dialog.close()
            dialog.deleteLater()
        if thread is not None:
            thread.wait()
            thread.deleteLater()
        self._render()
        messages = self.ctx.messages
        if outcome == "ok":
            messages.status(
                self.tr("Сохранено звонков: {n} в файл {path}").format(n=_thousands(int(detail)), path=path)
            )
        elif outcome == "cancelled":
            messages.status(self.tr("Экспорт отменён, файл не создан."))
        else:
            reason = detail.strerror if isinstance(detail, OSError) and detail.strerror else str(detail)
            messages.warning(
                self.tr("Не удалось сохранить файл {path}: {reason}").format(path=path, reason=reason),
                parent=self,
            )
        self.exportFinished.emit(outcome)

    def closeEvent(self, event: Any) -> None:
        if self._export is not None:
            self._export.cancel()
            self._export.wait()
        super().closeEvent(event)
