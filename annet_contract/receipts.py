"""The 54-FZ fiscal receipt of an online payment on the wire, and its QR code's text in FNS's format.

A cash receipt carries the seller (name, ИНН, taxation system «СНО»), the settlement
(«Приход», the item, the sum, VAT, the payment form «безналичными»), the cash register
(«РН ККТ»), its fiscal drive («ФН»), the document number («ФД») and fiscal sign («ФП»), the
shift and the receipt's number in it, the FNS site where the receipt can be checked and the
buyer's e-mail. :func:`fiscal_qr` is the text of the QR code FNS's «Проверка чека» app reads.
No card data: the receipt does not name the card at all.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from urllib.parse import parse_qs

from .money import Money
from .moscow import MOSCOW
from .wire import Wire

#: «n=1»: the settlement sign «Приход» (income) in the QR code
INCOME = 1


class Receipt(Wire):
    """Fiscal data of a paid order (54-FZ), as the cash register issued it."""

    sum: Money
    vat: str  # «НДС 22%» or «без НДС»
    vat_amount: Money
    fiscal_sign: str  # ФП
    fiscal_document: str  # ФД
    fiscal_drive: str  # ФН
    at: dt.datetime
    operator_inn: str  # the seller's ИНН
    seller_name: str
    taxation: str  # СНО, e.g. «ОСН»
    settlement: str  # «Приход»
    item: str  # the subject of the settlement
    payment_form: str  # «безналичными»
    register_number: str  # РН ККТ
    shift: int
    number_in_shift: int
    fns_site: str
    buyer_email: str | None
    order_number: str
    account: str
    qr: str  # the QR code's text: see fiscal_qr


def fiscal_qr(at: dt.datetime, total: Decimal, drive: str, document: str, sign: str) -> str:
    """The QR code's text: ``t=YYYYMMDDTHHMM&s=1234.50&fn=…&i=…&fp=…&n=1`` (Moscow time of the receipt)."""
    local = at.astimezone(MOSCOW)
    return f"t={local:%Y%m%dT%H%M}&s={total:.2f}&fn={drive}&i={document}&fp={sign}&n={INCOME}"


def parse_fiscal_qr(text: str) -> dict[str, str]:
    """The fields of a QR code's text (``{"t": …, "s": …, "fn": …, "i": …, "fp": …, "n": …}``)."""
    return {key: values[0] for key, values in parse_qs(text, strict_parsing=True).items()}
