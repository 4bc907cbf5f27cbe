"""«Чек»: the 54-FZ receipt of an online payment, with «Сохранить в PDF» and «Печать…».

Opened after a successful payment (:class:`~.payment_watcher.PaymentWatcher`, with the receipt the
paid order carries) and from «Баланс» («Чек…» on an online payment's row, which asks the server:
:func:`open_receipt`). The document is :func:`~annet_desktop.ui.receipt_document.receipt_document`.
Tests inject the file question (``ask_path``) and the print dialog (``print_dialog``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..receipt_document import receipt_document, save_pdf
from ..widgets.naming import named
from .base import run

if TYPE_CHECKING:
    from ..messages import Messages
    from ..tabs.context import TabContext

#: ``ask_path(parent, suggested name) -> chosen path or ""``
AskPath = Callable[[QWidget, str], str]
#: ``print_dialog(printer, parent) -> a dialog whose exec() says whether to print``
PrintDialogFactory = Callable[[QPrinter, QWidget], Any]


def ask_pdf_path(parent: QWidget, suggested: str) -> str:
    """The system's save dialog for a PDF file."""
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ReceiptDialog", "Сохранить чек в PDF"),
        suggested,
        QCoreApplication.translate("ReceiptDialog", "Документ PDF (*.pdf)"),
    )
    return path


class ReceiptDialog(QDialog):
    """The receipt, and its PDF and print buttons."""

    def __init__(
        self,
        receipt: Any,
        messages: Messages,
        parent: QWidget | None = None,
        *,
        folder: str = "",
        ask_path: AskPath = ask_pdf_path,
        print_dialog: PrintDialogFactory = QPrintDialog,
    ) -> None:
        super().__init__(parent)
        self.receipt = receipt
        self.messages = messages
        self.folder = folder
        self.ask_path = ask_path
        self.print_dialog = print_dialog
        self.saved_path = ""
        named(self, "receipt_dialog", self.tr("Кассовый чек"))
        self.setWindowTitle(self.tr("Чек по заказу № {order}").format(order=receipt.order_number))
        layout = QVBoxLayout(self)
        self.document = receipt_document(receipt)
        self.view = named(QTextBrowser(self), "receipt_view", self.tr("Кассовый чек"))
        self.view.setDocument(self.document)
        self.view.setOpenLinks(False)
        layout.addWidget(self.view)
        buttons = QDialogButtonBox(self)
        self.pdf_button = self._button("receipt_pdf", self.tr("&Сохранить в PDF"))
        self.print_button = self._button("receipt_print", self.tr("&Печать…"))
        self.close_button = self._button("receipt_close", self.tr("&Закрыть"))
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.print_button.clicked.connect(self.print_receipt)
        self.close_button.clicked.connect(self.reject)
        self.close_button.setDefault(True)
        layout.addWidget(buttons)
        width = self.fontMetrics().horizontalAdvance("0") * 58
        self.resize(width, int(width * 1.45))

    def _button(self, name: str, text: str) -> QPushButton:
        return named(QPushButton(text, self), name, text)

    def suggested_name(self) -> str:
        name = self.tr("Чек {order}.pdf").format(order=self.receipt.order_number)
        return f"{self.folder.rstrip('/')}/{name}" if self.folder else name

    def save_pdf(self) -> str:
        """«Сохранить в PDF»: ask where, write it; the path written, or "" when cancelled."""
        path = self.ask_path(self, self.suggested_name())
        if not path:
            return ""
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            Path(path).touch()  # Qt's PDF writer says nothing when it cannot write: ask the system first
        except OSError as exc:
            self.messages.warning(
                self.tr("Не удалось сохранить чек в {path}: {reason}").format(
                    path=path, reason=exc.strerror or str(exc)
                ),
                parent=self,
            )
            return ""
        save_pdf(self.receipt, path)
        self.saved_path = path
        return path

    def print_receipt(self) -> bool:
        """«Печать…»: the system print dialog, then the receipt on the chosen printer."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        dialog = self.print_dialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.document.print_(printer)
        return True


def show_receipt(ctx: TabContext, receipt: Any) -> ReceiptDialog:
    """Open the receipt dialog over the main window (non-modal; deleted on close)."""
    folder = str(ctx.settings.get("export/folder") or "")
    dialog = ReceiptDialog(receipt, ctx.messages, ctx.window, folder=folder)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def _get_receipt(client: Any, number: str, order_number: str) -> Any:
    return client.receipt(number, order_number)


def open_receipt(ctx: TabContext, number: str, order_number: str, done: Callable[[Any], None]) -> None:
    """Ask the server for the receipt of ``order_number``, then show it and pass the dialog to ``done``."""
    owner = ctx.window if ctx.window is not None else ctx.state
    run(
        ctx,
        owner,
        _get_receipt,
        number,
        order_number,
        on_done=lambda receipt: done(show_receipt(ctx, receipt)),
    )
