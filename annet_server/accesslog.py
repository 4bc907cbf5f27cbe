"""The access log without personal data: query values redacted, e-mail addresses masked.

uvicorn's access log writes each request's path with its query string; the sandbox's pay
request carries the payer's e-mail and its pages a form token in the query (``/pay/result?t=…``).
:class:`RedactQuery` (installed on the ``uvicorn.access`` logger by :func:`install`) keeps the
parameter names and a few harmless values (``limit``, ``year``, ``month``, ``Language``) and
replaces every other value with ``…``; an e-mail address anywhere in the path becomes ``…@…``.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import parse_qsl, quote, unquote

ACCESS_LOGGER = "uvicorn.access"
#: query parameters whose values are kept (not personal, not secret)
KEPT_VALUES = frozenset({"limit", "year", "month", "Language"})
REDACTED = "…"
_EMAIL = re.compile(r"[^\s/?&=@]+@[^\s/?&=@]+")


def redact_path(full_path: str) -> str:
    """``/pay/?Email=a@b.ru&limit=5`` → ``/pay/?Email=…&limit=5``; e-mails in the path masked."""
    path, sep, query = full_path.partition("?")
    path = _EMAIL.sub("…@…", unquote(path))
    if not sep:
        return path
    pairs = parse_qsl(query, keep_blank_values=True)
    kept = [f"{quote(name)}={value if name in KEPT_VALUES else REDACTED}" for name, value in pairs]
    if not pairs and query:
        kept = [REDACTED]
    return path + "?" + "&".join(kept)


class RedactQuery(logging.Filter):
    """Rewrite the path argument of uvicorn's access records (``%s - "%s %s HTTP/%s" %d``)."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str):
            record.args = (*args[:2], redact_path(args[2]), *args[3:])
        return True


def install() -> None:
    """Put the filter on uvicorn's access logger once per process."""
    logger = logging.getLogger(ACCESS_LOGGER)
    if not any(isinstance(f, RedactQuery) for f in logger.filters):
        logger.addFilter(RedactQuery())
