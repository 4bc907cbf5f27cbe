"""The state of one payer's way through the sandbox pages: a signed, expiring form token.

Each page carries the token in a hidden field; the next POST is accepted only with a token the
server signed (HMAC-SHA256 under the server's flow key, ``ServerState.flow_secret`` — derived
from the server secret, never the merchant secret that signs pay requests) for this order, which
keeps forged or replayed-from-elsewhere posts out (CSRF-safe enough for a sandbox). The token
holds the order number and its account, the e-mail, the pages' language (chosen once, by the
pay request), the step and — after the card form — the bank's outcome and the last four digits;
never the card number or the CVC. The count of wrong 3-D Secure codes is not in the token: it
lives on the server per order (:mod:`.store`), so re-posting an early token does not reset it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from dataclasses import asdict, dataclass, replace
from typing import Any

#: how long a page of the flow stays valid
TOKEN_TTL_S = 3600


class BadToken(ValueError):
    """The form token is missing, forged, for another order or expired.

    ``lang`` is the language of a token that is ours but expired (or of another step), so the
    «page expired» answer is in the payer's language; Russian for anything not signed by us.
    """

    def __init__(self, why: str, lang: str = "ru") -> None:
        super().__init__(why)
        self.lang = lang


@dataclass(frozen=True)
class Flow:
    """Where the payer stands with one order."""

    order: str
    account: str = ""  # the order's account: a token works only for the order it was made for
    email: str = ""
    step: str = "method"  # email | method | card | oneclick | 3ds
    outcome: str = ""  # cards.Outcome after the card form
    last4: str = ""
    card: str = ""  # the saved-card token (ONECLICK), never the number
    ok_url: str = ""
    no_url: str = ""
    lang: str = "ru"  # the pages' language, from the pay request's Language (texts.language_of)
    expires: int = 0

    def next(self, **changes: Any) -> Flow:
        """A copy with ``changes``."""
        return replace(self, **changes)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _sign(secret: bytes, body: str) -> str:
    return _b64(hmac.new(secret, body.encode(), hashlib.sha256).digest())


def dump(flow: Flow, secret: bytes, now: float | None = None) -> str:
    """The signed token of ``flow`` (valid :data:`TOKEN_TTL_S` from ``now``)."""
    stamped = replace(flow, expires=int((now if now is not None else time.time()) + TOKEN_TTL_S))
    body = _b64(json.dumps(asdict(stamped), separators=(",", ":"), ensure_ascii=False).encode())
    return body + "." + _sign(secret, body)


def load(token: str | None, secret: bytes, now: float | None = None) -> Flow:
    """The flow of a signed ``token``; :class:`BadToken` when it is not one of ours or expired."""
    if not token or token.count(".") != 1:
        raise BadToken("no token")
    body, signature = token.split(".")
    if not hmac.compare_digest(_sign(secret, body), signature):
        raise BadToken("bad signature")
    try:
        data = json.loads(_unb64(body))
        flow = Flow(**data)
    except (ValueError, TypeError) as exc:
        raise BadToken("bad body") from exc
    if flow.expires < (now if now is not None else time.time()):
        raise BadToken("expired", flow.lang)
    return flow
