"""«Чек…»: the 54-FZ receipt from «Баланс», its PDF (text layer and QR read back) and printing (issue 15)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pypdf
import zxingcpp
from PySide6.QtCore import QSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog

from annet_contract.money import format_money
from annet_contract.moscow import format_datetime
from annet_contract.receipts import parse_fiscal_qr
from annet_contract.schema import BalanceKind
from annet_desktop.ui.dialogs.receipt import ReceiptDialog


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " "))


def _fields(receipt: Any) -> list[str]:
    """Every value a receipt must carry in print."""
    values = [
        receipt.seller_name, receipt.operator_inn, receipt.taxation, receipt.settlement, receipt.item,
        format_money(receipt.sum), receipt.vat, format_money(receipt.vat_amount), receipt.payment_form,
        format_datetime(receipt.at), receipt.register_number, receipt.fiscal_drive,
        receipt.fiscal_document, receipt.fiscal_sign, receipt.fns_site, receipt.buyer_email,
        receipt.account, receipt.order_number,
        f"Смена № {receipt.shift}", f"Чек № {receipt.number_in_shift}",
        "ИНН", "СНО", "РН ККТ", "ФН", "ФД", "ФП",
    ]  # fmt: skip
    return [_flat(v) for v in values]


def _rows(window: Any, online: bool) -> int:
    items = window.ctx.state.balance_of().items
    return next(
        i
        for i, e in enumerate(items)
        if e.kind is BalanceKind.PAYMENT and (e.order_number is not None) == online
    )


def _decode_qr(pdf: Path) -> dict[str, str]:
    """Render the PDF's first page (Qt's PDF module) and read the QR code on it (zxing-cpp)."""
    document = QPdfDocument()
    document.load(str(pdf))
    size = document.pagePointSize(0).toSize() * 3
    image = document.render(0, QSize(size.width(), size.height()))
    document.close()
    found = zxingcpp.read_barcode(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert found is not None, "no QR code on the PDF's page"
    return parse_fiscal_qr(found.text)


class _PrintDialog:
    """The system print dialog as a test plays it: accept (to a PDF file) or cancel."""

    def __init__(self, target: Path | None) -> None:
        self.target = target

    def __call__(self, printer: QPrinter, _parent: Any) -> _PrintDialog:
        self.printer = printer
        return self

    def exec(self) -> QDialog.DialogCode:
        if self.target is None:
            return QDialog.DialogCode.Rejected
        self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer.setOutputFileName(str(self.target))
        return QDialog.DialogCode.Accepted


def test_receipt_from_balance_saved_to_pdf_and_printed(qtbot: Any, logged_in: Any, tmp_path: Path) -> None:
    _controller, window, _demo = logged_in("internet-discount")
    tab = window.balance
    window.show_tab("tab_balance")
    view = tab.panel.view
    view.selectRow(_rows(window, online=False))
    assert not tab.receipt_button.isEnabled()
    assert not tab.context_menu(_rows(window, online=False)).actions()[0].isEnabled()
    row = _rows(window, online=True)
    menu = tab.context_menu(row)
    assert menu.actions()[0].text() == "Чек…" and menu.actions()[0].isEnabled()
    assert tab.receipt_button.isEnabled()
    entry = window.ctx.state.balance_of().items[row]
    tab.receipt_button.click()
    qtbot.waitUntil(lambda: isinstance(window.actions.last, ReceiptDialog), timeout=20000)
    dialog: ReceiptDialog = window.actions.last
    receipt = dialog.receipt
    assert receipt.order_number == entry.order_number and receipt.sum == entry.amount
    shown = _flat(dialog.document.toPlainText())
    for value in _fields(receipt):
        assert value in shown

    pdf = tmp_path / "чек"
    dialog.ask_path = lambda _parent, suggested: (
        str(pdf) if suggested.endswith(f"Чек {receipt.order_number}.pdf") else ""
    )
    assert dialog.save_pdf() == f"{pdf}.pdf"
    text = _flat("\n".join(p.extract_text() for p in pypdf.PdfReader(f"{pdf}.pdf").pages))
    for value in _fields(receipt):
        assert value in text, value
    assert _decode_qr(Path(f"{pdf}.pdf")) == {
        "t": receipt.at.strftime("%Y%m%dT%H%M"),
        "s": f"{receipt.sum:.2f}",
        "fn": receipt.fiscal_drive,
        "i": receipt.fiscal_document,
        "fp": receipt.fiscal_sign,
        "n": "1",
    }

    dialog.print_dialog = _PrintDialog(None)
    assert not dialog.print_receipt()
    printed = tmp_path / "printed.pdf"
    dialog.print_dialog = _PrintDialog(printed)
    assert dialog.print_receipt()
    text = _flat(pypdf.PdfReader(printed).pages[0].extract_text())
    assert receipt.fiscal_sign in text and receipt.register_number in text
    dialog.close()


def test_receipt_refusals_are_told_not_crashed(qtbot: Any, logged_in: Any, tmp_path: Path) -> None:
    controller, window, _demo = logged_in("internet-discount")
    controller.messages.show_boxes = False
    number = window.ctx.state.selected_account
    window.actions.last = None
    window.actions.receipt(number, "261116999999")  # no such order of this account: 404
    qtbot.waitUntil(
        lambda: controller.messages.last() is not None and controller.messages.last().kind == "error"
    )
    assert window.actions.last is None
    entry = window.ctx.state.balance_of().items[_rows(window, online=True)]
    window.actions.receipt(number, entry.order_number)
    qtbot.waitUntil(lambda: isinstance(window.actions.last, ReceiptDialog), timeout=20000)
    dialog = window.actions.last
    dialog.ask_path = lambda _parent, _suggested: str(tmp_path / "нет такой папки" / "чек.pdf")
    assert dialog.save_pdf() == ""
    assert "Не удалось сохранить чек" in controller.messages.last().text
    dialog.ask_path = lambda _parent, _suggested: ""  # cancelled
    assert dialog.save_pdf() == ""
    dialog.close()
