"""The Checkvalue of an Assist-style pay request: a keyed signature over the order's fields.

The merchant (our billing) signs the fields of the payment page address; the gateway (the
sandbox) checks the signature before it shows anything, so an address with a changed amount,
order number or return address is refused.

``compute(fields, secret)`` is the uppercase hex HMAC-SHA256 over :data:`SIGNED_FIELDS` in that
order (missing fields count as empty), each value stripped, joined with ``";"``. The merchant
secret is the server's configured one (``ServerState.secret``: ``$ANNET_PAY_SECRET``, or random
per process in the demo); there is no built-in default.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from decimal import Decimal
from urllib.parse import urlencode

#: the merchant id of Annet in the sandbox
MERCHANT_ID = "ANNET-TVER"
#: the signed fields of the pay request, in signing order
SIGNED_FIELDS: tuple[str, ...] = (
    "Merchant_ID",
    "OrderNumber",
    "OrderAmount",
    "OrderCurrency",
    "Email",
    "URL_RETURN_OK",
    "URL_RETURN_NO",
)


def _message(fields: Mapping[str, object]) -> bytes:
    parts = []
    for name in SIGNED_FIELDS:
        value = fields.get(name)
        parts.append("" if value is None else str(value).strip())
    return ";".join(parts).encode("utf-8")


def compute(fields: Mapping[str, object], secret: str) -> str:
    """Uppercase hex HMAC-SHA256 of the signed ``fields`` under ``secret``."""
    return hmac.new(secret.encode("utf-8"), _message(fields), hashlib.sha256).hexdigest().upper()


def verify(fields: Mapping[str, object], checkvalue: str | None, secret: str) -> bool:
    """True when ``checkvalue`` is the signature of ``fields`` (constant-time comparison)."""
    if not checkvalue:
        return False
    return hmac.compare_digest(compute(fields, secret), checkvalue.strip().upper())


def format_amount(amount: Decimal) -> str:
    """The OrderAmount as the request carries it: two decimal places, a dot ("1234.50")."""
    return f"{Decimal(amount).quantize(Decimal('0.01')):.2f}"


def pay_fields(
    base_url: str, order_number: str, amount: Decimal, email: str | None, language: str, secret: str
) -> dict[str, str]:
    """Every field of the pay request of one order, Checkvalue included."""
    base = base_url.rstrip("/")
    fields = {
        "Merchant_ID": MERCHANT_ID,
        "OrderNumber": order_number,
        "OrderAmount": format_amount(amount),
        "OrderCurrency": "RUB",
        "Email": email or "",
        "URL_RETURN_OK": f"{base}/pay/return/ok",
        "URL_RETURN_NO": f"{base}/pay/return/no",
        "Language": "en" if language == "en" else "ru",
    }
    fields["Checkvalue"] = compute(fields, secret)
    return fields


def payment_url(
    base_url: str, order_number: str, amount: Decimal, email: str | None, language: str, secret: str
) -> str:
    """The hosted payment page address of one order (``{base}/pay/?Merchant_ID=…&Checkvalue=…``)."""
    fields = pay_fields(base_url, order_number, amount, email, language, secret)
    return f"{base_url.rstrip('/')}/pay/?{urlencode(fields)}"
