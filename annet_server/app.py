"""``create_app``: the reference Cabinet API server as one FastAPI application.

The API lives under ``/api/v1`` (routes in :mod:`annet_server.routes`, sessions in
:mod:`annet_server.auth`), the payment sandbox under ``/pay``.
Every answer is gzip-compressed when it is worth it; every error is ``application/problem+json``.
"""

from __future__ import annotations

import hashlib
import logging
import os
import secrets
import threading
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.gzip import GZipMiddleware

from annet_contract.schema import API_PREFIX

from . import paysandbox, problems
from .paysandbox.checkvalue import merchant_secret

log = logging.getLogger(__name__)

#: Answers smaller than this are sent as they are; bigger ones gzip-compressed.
GZIP_MINIMUM_SIZE = 1024
#: zlib level 1: a 100,000-call month (8.2 MB of JSON) becomes 2.0 MB in 0.05 s; level 6 gives 1.7 MB in 0.3 s
GZIP_LEVEL = 1

API_TITLE = "Annet Cabinet API"
API_VERSION = "1.0"


def _ready_event() -> threading.Event:
    event = threading.Event()
    event.set()
    return event


@dataclass
class ServerState:
    """What every request of one app shares: the database, the clock and the server's secret."""

    database_url: str
    engine: Any
    sessionmaker: Any
    clock: Any
    secret: str
    idempotency_secret: bytes = field(repr=False, default=b"")
    #: set once every call is in (the demo adds its 100,000-call month after it starts serving)
    calls_ready: threading.Event = field(default_factory=_ready_event, repr=False)

    def dispose(self) -> None:
        """Close every pooled database connection."""
        self.engine.dispose()


def _merchant_secret(secret: str | None) -> str:
    """The payment sandbox's merchant secret: the one given, or the one billing signs with."""
    if secret:
        return secret
    return merchant_secret()


def _idempotency_secret(secret: str | None) -> bytes:
    """The key of the idempotency fingerprints: from the given secret, or random per process.

    Random by default, so the stored fingerprints of bodies with passwords cannot be checked
    against guesses by someone holding only the database; the price is that a key repeated after
    a restart answers 422 instead of the stored answer.
    """
    base = secret or os.environ.get("ANNET_SERVER_SECRET") or secrets.token_hex(32)
    return hashlib.sha256(b"idempotency:" + base.encode()).digest()


def create_app(database_url: str, clock: Any | None = None, *, secret: str | None = None) -> FastAPI:
    """The server app over ``database_url`` (SQLite file or ``postgresql+psycopg://``).

    ``clock`` defaults to the system clock (Moscow time); tests pass a FakeClock. ``secret`` is
    the payment sandbox's merchant secret (default: the one billing signs pay requests with,
    ``$ANNET_PAY_SECRET``) and keys the idempotency fingerprints (default: ``$ANNET_SERVER_SECRET``
    or random per process).
    """
    from . import auth
    from .clock import SystemClock
    from .db import create_schema, make_engine, make_sessionmaker

    engine = make_engine(database_url)
    create_schema(engine)
    state = ServerState(
        database_url=database_url,
        engine=engine,
        sessionmaker=make_sessionmaker(engine),
        clock=clock or SystemClock(),
        secret=_merchant_secret(secret),
        idempotency_secret=_idempotency_secret(secret),
    )
    auth.warm_up()
    return build_app(state)


def build_app(state: ServerState) -> FastAPI:
    """The FastAPI app over a prepared :class:`ServerState` (also used to print the OpenAPI)."""
    app = FastAPI(
        title=API_TITLE,
        version=API_VERSION,
        summary="The Cabinet API of the Annet provider (Tver): the reference server of Annet Desktop.",
        description=(
            "Bearer token from `POST /api/v1/session`. Errors are RFC 9457 `application/problem+json` "
            "with a stable `code` and a `detail` to show as is (Russian; English with "
            "`Accept-Language: en`). Changes accept an `Idempotency-Key`. Money is a string with two "
            "decimal places, datetimes ISO 8601 with an offset (Moscow time). See docs/api.md."
        ),
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=f"{API_PREFIX}/docs",
        redoc_url=None,
    )
    app.state.annet = state
    problems.install(app)
    app.add_middleware(GZipMiddleware, minimum_size=GZIP_MINIMUM_SIZE, compresslevel=GZIP_LEVEL)

    from . import auth
    from .routes import accounts, journal, me, services

    for router in (auth.router, me.router, accounts.router, services.router, journal.router):
        app.include_router(router, prefix=API_PREFIX)
    _include_paysandbox(app)
    return app


def _include_paysandbox(app: FastAPI) -> None:
    """Mount the payment sandbox's ``router`` at ``/pay``."""
    app.include_router(paysandbox.router, prefix="/pay", include_in_schema=False)
