"""The 54-FZ receipt as a printable document: its fields in a table and the FNS QR code (``segno``).

:func:`receipt_document` builds one :class:`QTextDocument` that the receipt dialog shows, saves to
PDF (:func:`save_pdf`, Qt's own :class:`QPdfWriter`) and prints. The QR code's text is the
server's (``Receipt.qr``, FNS's ``t=…&s=…&fn=…&i=…&fp=…&n=1``); :func:`qr_image` draws it with
segno, never by hand. The sandbox's fields come from the server as issued: the app only words them.
"""

from __future__ import annotations

import html
import io
from typing import Any

import segno
from PySide6.QtCore import QCoreApplication, QMarginsF, QUrl
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from annet_contract.money import format_money
from annet_contract.moscow import format_datetime

#: where the QR image lives inside the document
QR_URL = QUrl("receipt:qr.png")
#: one module of the QR code in pixels, and the quiet zone in modules (ISO 18004 asks for 4)
QR_SCALE = 6
QR_BORDER = 4
#: the QR code's side in the document, in pixels of the screen (print scales it with the page)
QR_SHOWN = 200


def qr_image(text: str) -> QImage:
    """The QR code of ``text`` as an image (error correction M, as fiscal receipts print it)."""
    buffer = io.BytesIO()
    segno.make_qr(text, error="m").save(buffer, kind="png", scale=QR_SCALE, border=QR_BORDER)
    image = QImage()
    image.loadFromData(buffer.getvalue(), "PNG")
    return image


def receipt_rows(receipt: Any) -> list[tuple[str, str]]:
    """The receipt's lines, label and value, in the order a cash receipt prints them."""
    rows = [
        (QCoreApplication.translate("Receipt", "Продавец"), receipt.seller_name),
        (QCoreApplication.translate("Receipt", "ИНН"), receipt.operator_inn),
        (QCoreApplication.translate("Receipt", "СНО"), receipt.taxation),
        (QCoreApplication.translate("Receipt", "Признак расчёта"), receipt.settlement),
        (QCoreApplication.translate("Receipt", "Предмет расчёта"), receipt.item),
        (QCoreApplication.translate("Receipt", "Итого"), format_money(receipt.sum)),
        (receipt.vat, format_money(receipt.vat_amount)),
        (QCoreApplication.translate("Receipt", "Форма оплаты"), receipt.payment_form),
        (QCoreApplication.translate("Receipt", "Дата и время"), format_datetime(receipt.at)),
        (QCoreApplication.translate("Receipt", "Смена №"), str(receipt.shift)),
        (QCoreApplication.translate("Receipt", "Чек №"), str(receipt.number_in_shift)),
        (QCoreApplication.translate("Receipt", "РН ККТ"), receipt.register_number),
        (QCoreApplication.translate("Receipt", "ФН"), receipt.fiscal_drive),
        (QCoreApplication.translate("Receipt", "ФД"), receipt.fiscal_document),
        (QCoreApplication.translate("Receipt", "ФП"), receipt.fiscal_sign),
        (QCoreApplication.translate("Receipt", "Сайт ФНС"), receipt.fns_site),
    ]
    if receipt.buyer_email:
        rows.append((QCoreApplication.translate("Receipt", "Эл. адрес покупателя"), receipt.buyer_email))
    rows.extend(
        [
            (QCoreApplication.translate("Receipt", "Лицевой счёт"), receipt.account),
            (QCoreApplication.translate("Receipt", "Заказ №"), receipt.order_number),
        ]
    )
    return rows


def receipt_document(receipt: Any) -> QTextDocument:
    """The receipt as one document: a heading, the lines, the QR code under them."""
    doc = QTextDocument()
    doc.setDocumentMargin(12)
    qr = qr_image(receipt.qr)
    doc.addResource(QTextDocument.ResourceType.ImageResource, QR_URL, qr)
    side = QR_SHOWN
    lines = "".join(
        f'<tr><td style="padding-right:16px">{html.escape(label)}</td>'
        f'<td align="right">{html.escape(value)}</td></tr>'
        for label, value in receipt_rows(receipt)
    )
    heading = QCoreApplication.translate("Receipt", "Кассовый чек")
    check = QCoreApplication.translate("Receipt", "Проверить чек можно на сайте ФНС по QR-коду.")
    doc.setHtml(
        f'<h3 align="center">{html.escape(heading)}</h3>'
        f'<table width="100%" cellspacing="0" cellpadding="2">{lines}</table>'
        f'<p align="center"><img src="{QR_URL.toString()}" width="{side}" height="{side}"></p>'
        f'<p align="center">{html.escape(check)}</p>'
    )
    return doc


def save_pdf(receipt: Any, path: str) -> None:
    """Write the receipt to ``path`` as an A4 PDF with a text layer (Qt's PDF writer)."""
    writer = QPdfWriter(path)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setTitle(QCoreApplication.translate("Receipt", "Кассовый чек"))
    writer.setCreator("Annet Desktop")
    receipt_document(receipt).print_(writer)
