"""«Экспортировать» of the calls tab (R-CALL-3): ask where, write off the GUI thread, say how it went.

What is shown, in the order shown, goes to XML Spreadsheet 2003, xlsx or CSV
(:func:`annet_desktop.export.export`). The file is written by a background job
(:func:`annet_desktop.background.run_in_background`, waited for when the application quits) with a
progress dialog and «Отмена»; a failed or cancelled export leaves no file. :class:`CallsExport`
is the one owner of the export button: it is enabled only when a complete month with rows is
shown and no export runs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QPushButton, QWidget

from ...background import BackgroundJob, start_job
from ...export import ExportCancelled, ExportFormat
from ...interpreter import RESPONSIVE_GIL
from ..widgets.naming import named

if TYPE_CHECKING:
    from ..models.calls_model import CallsModel
    from .context import TabContext


class CallsExport(QObject):
    """The export button of the calls tab and the export it starts (one at a time)."""

    #: "ok", "cancelled" or "failed"
    finished = Signal(str)

    def __init__(
        self,
        tab: QWidget,
        ctx: TabContext,
        model: CallsModel,
        shown: Callable[[], tuple[str, int, int]],
    ) -> None:
        super().__init__(tab)
        self.tab = tab
        self.ctx = ctx
        self.model = model
        self._shown = shown  # (account, year, month) of the table, for the file name
        self.button = named(QPushButton(self.tr("&Экспортировать"), tab), "calls_export",
                            self.tr("Экспортировать таблицу звонков в файл"),
                            self.tr("Сохранить звонки выбранного месяца в файл"))  # fmt: skip,
        self.button.clicked.connect(self.start)
        self.job: BackgroundJob | None = None
        self.dialog: QProgressDialog | None = None
        self._path = ""
        self._month_ready = False
        self.update_button()

    # ------------------------------------------------------------------ the button
    def set_month_ready(self, ready: bool) -> None:
        """Every page of the month shown has arrived (``True``) or not."""
        self._month_ready = ready
        self.update_button()

    def update_button(self) -> None:
        self.button.setEnabled(self._month_ready and self.model.rowCount() > 0 and self.job is None)

    # ------------------------------------------------------------------ where to
    def default_path(self, fmt: ExportFormat) -> str:
        folder = str(self.ctx.settings.get("export/folder") or "")
        if not folder or not Path(folder).is_dir():
            folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        if not folder or not Path(folder).is_dir():
            folder = str(Path.home())
        number, year, month = self._shown()
        name = self.tr("звонки_{number}_{year}-{month}.{extension}").format(
            number=number, year=f"{year:04d}", month=f"{month:02d}", extension=fmt.value
        )
        return str(Path(folder) / name)

    def filters(self) -> dict[str, ExportFormat]:
        return {
            self.tr("XML Spreadsheet 2003 (*.xml)"): ExportFormat.XML2003,
            self.tr("Excel (*.xlsx)"): ExportFormat.XLSX,
            self.tr("CSV для Excel (*.csv)"): ExportFormat.CSV,
        }

    def start(self) -> None:
        """«Экспортировать»: ask where, then write what is shown with a progress dialog."""
        if self.job is not None or self.model.rowCount() == 0:
            return
        filters = self.filters()
        path, chosen = QFileDialog.getSaveFileName(
            self.tab, self.tr("Экспорт звонков"), self.default_path(ExportFormat.XML2003), ";;".join(filters)
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

    # ------------------------------------------------------------------ the job
    def export_to(self, path: str, fmt: ExportFormat) -> BackgroundJob:
        """Export what is shown to ``path`` (no dialog asking where); returns the running job."""
        rows = self.model.rowCount()
        header, snapshot = self.model.export_header(), self.model.export_rows()
        job = BackgroundJob("annet-export", wait_on_quit=True)
        self._path = path
        dialog = QProgressDialog(self.tr("Сохранение звонков в файл…"), self.tr("Отмена"), 0, rows, self.tab)
        named(dialog, "calls_export_progress", self.tr("Ход экспорта"))
        dialog.setWindowTitle(self.tr("Экспорт"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setValue(0)
        dialog.canceled.connect(job.cancel)
        self.job = job
        self.dialog = dialog
        self.update_button()
        RESPONSIVE_GIL.hold()

        def write() -> int:
            from ...export import export

            return export(path, fmt, header, snapshot, progress=job.progress, cancelled=job.is_cancelled)

        # the answer goes to this object, a child of the tab: if the window goes away mid-export,
        # the job is cancelled (and still waited for when the application quits)
        self.destroyed.connect(job.cancel)
        start_job(job, write, self, self._succeeded, self._failed, dialog.setValue)
        return job

    def stop(self) -> None:
        """Cancel a running export and wait for it (the tab is closing)."""
        if self.job is not None:
            self.job.cancel()
            self.job.wait()

    def _succeeded(self, count: int) -> None:
        self._done("ok", count)

    def _failed(self, error: BaseException) -> None:
        self._done("cancelled" if isinstance(error, ExportCancelled) else "failed", error)

    def _done(self, outcome: str, detail: Any) -> None:
        job, dialog, path = self.job, self.dialog, self._path
        if job is not None:
            RESPONSIVE_GIL.release()
            job.wait()
        self.job = None
        self.dialog = None
        if dialog is not None:
            dialog.canceled.disconnect()
            dialog.close()
            dialog.deleteLater()
        self.update_button()
        messages = self.ctx.messages
        if outcome == "ok":
            messages.status(
                self.tr("Сохранено %Ln звонков в файл {path}.", "", int(detail)).format(path=path)
            )
        elif outcome == "cancelled":
            messages.status(self.tr("Экспорт отменён, файл не создан."))
        else:
            reason = detail.strerror if isinstance(detail, OSError) and detail.strerror else str(detail)
            messages.warning(
                self.tr("Не удалось сохранить файл {path}: {reason}").format(path=path, reason=reason),
                parent=self.tab,
            )
        self.finished.emit(outcome)
