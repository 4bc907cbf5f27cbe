"""What comes into the sandbox and where it sends the payer back: posted forms and return links.

* :func:`read_form` reads a posted form up to :data:`MAX_FORM_BYTES`; a bigger one is an empty
  form (the step answers «page expired») and the rest of it is never read.
* :func:`return_url_allowed`: the pay request's ``URL_RETURN_OK``/``URL_RETURN_NO`` must be
  http(s) on the server's own public host and port, so even a correctly signed request cannot send
  the payer to ``javascript:`` or another site.
* :func:`return_url`: the link of «Вернуться в личный кабинет», with the order and payment numbers.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode, urlsplit

from starlette.requests import Request

#: the largest form body accepted (the card form is a few hundred bytes)
MAX_FORM_BYTES = 8192
#: the most fields a form may have (the card form has five)
MAX_FORM_FIELDS = 20


async def read_form(request: Request) -> dict[str, str]:
    """The posted form; empty when it is over :data:`MAX_FORM_BYTES` (the rest unread) or malformed."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_FORM_BYTES:
            return {}
        chunks.append(chunk)
    body = b"".join(chunks).decode("utf-8", "replace")
    try:
        parsed = parse_qs(body, keep_blank_values=True, max_num_fields=MAX_FORM_FIELDS)
    except ValueError:  # too many fields
        return {}
    return {k: v[0] for k, v in parsed.items()}


def return_url_allowed(url: str, public_url: str) -> bool:
    """True for an http(s) address on the server's own public host and port, without user-info."""
    try:
        parts, own = urlsplit(url), urlsplit(public_url)
        port, own_port = parts.port, own.port
    except ValueError:
        return False
    return (
        parts.scheme in ("http", "https")
        and parts.scheme == own.scheme
        and not parts.username
        and not parts.password
        and (parts.hostname or "") == (own.hostname or "")
        and port == own_port
    )


def return_url(base: str, order_number: str, billnumber: str | None) -> str:
    """``base`` with ``OrderNumber`` and ``Billnumber`` added to its query."""
    query = urlencode({"OrderNumber": order_number, "Billnumber": billnumber or ""})
    return base + ("&" if "?" in base else "?") + query
