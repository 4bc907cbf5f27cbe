"""``create_app``: the reference Cabinet API server as one FastAPI application.

The API lives under ``/api/v1`` (routes in :mod:`annet_server.routes`, sessions in
:mod:`annet_server.auth`); the payment sandbox under ``/pay`` only in the demo (``sandbox=True``).
Outside the demo the server refuses to start without a merchant secret and a public URL.
Every answer is gzip-compressed when it is worth it; every error is ``application/problem+json``;
a body over :attr:`Limits.max_body_bytes` is refused with 413 before it is read.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
import os
import secrets
import threading
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from fastapi import FastAPI
from fastapi.middleware.gzip import GZipMiddleware

from annet_contract.schema import API_PREFIX

from . import accesslog, paysandbox, problems
from .bodylimit import BodyLimitMiddleware
from .limits import Limits

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


#: environment variables of the server's configuration (the CLI options override them)
PAY_SECRET_ENV = "ANNET_PAY_SECRET"
PUBLIC_URL_ENV = "ANNET_PUBLIC_URL"
SERVER_SECRET_ENV = "ANNET_SERVER_SECRET"
#: a merchant secret shorter than this is refused (it signs every pay request)
MIN_SECRET_LENGTH = 32
#: the merchant secret the sandbox once had built in: public, so never accepted
_PUBLISHED_SECRETS = frozenset({"annet-sandbox-merchant-secret"})


class ConfigError(ValueError):
    """The server's configuration is incomplete or unsafe; the message says what to set."""


@dataclass
class ServerState:
    """What every request of one app shares: the database, the clock, the secrets, the limits.

    ``secret`` is the merchant secret that signs pay requests (Checkvalue); ``server_secret`` keys
    what only this server checks: the idempotency fingerprints and the sandbox's form tokens
    (each under its own derived key, :func:`derive_key`). ``public_url`` is the address the
    subscribers reach the server at: payment and return addresses are built from it, never from
    the request's ``Host``.
    """

    database_url: str
    engine: Any
    sessionmaker: Any
    clock: Any
    secret: str = field(repr=False, default="")
    public_url: str = ""
    sandbox: bool = False
    server_secret: bytes = field(repr=False, default=b"")
    limits: Limits = field(default_factory=Limits)
    #: when this process last pruned expired rows (:mod:`annet_server.housekeeping`)
    last_pruned_at: dt.datetime | None = None
    #: sessions for plain reads: autocommit on PostgreSQL, None on SQLite (:func:`db.make_read_sessionmaker`)
    read_sessionmaker: Any = None
    #: set once every call is in (the demo adds its 100,000-call month after it starts serving)
    calls_ready: threading.Event = field(default_factory=_ready_event, repr=False)

    @property
    def idempotency_secret(self) -> bytes:
        """The key of the idempotency fingerprints."""
        return derive_key(self.server_secret, "idempotency")

    @property
    def flow_secret(self) -> bytes:
        """The key of the payment sandbox's form tokens (never the merchant secret)."""
        return derive_key(self.server_secret, "paysandbox-flow")

    def dispose(self) -> None:
        """Close every pooled database connection."""
        self.engine.dispose()


def derive_key(server_secret: bytes, purpose: str) -> bytes:
    """A key for one purpose from the server secret (HMAC-SHA256), so no two uses share a key."""
    return hmac.new(server_secret, b"annet:" + purpose.encode(), hashlib.sha256).digest()


def _server_secret(given: str | None) -> bytes:
    """The server secret: the one given, ``$ANNET_SERVER_SECRET``, or random per process.

    Random by default, so the stored fingerprints of bodies with passwords cannot be checked
    against guesses by someone holding only the database; the price is that a key repeated after
    a restart answers 422 instead of the stored answer, and that sandbox pages opened before a
    restart expire. Several worker processes must share one: set ``$ANNET_SERVER_SECRET``.
    """
    base = given or os.environ.get(SERVER_SECRET_ENV) or secrets.token_hex(32)
    return base.encode()


def _merchant_secret(given: str | None, sandbox: bool) -> str:
    """The merchant secret: given, ``$ANNET_PAY_SECRET``, or (sandbox only) random per process."""
    value = given or os.environ.get(PAY_SECRET_ENV) or ""
    if not value and sandbox:
        return secrets.token_urlsafe(32)
    if not value:
        raise ConfigError(
            f"No merchant secret: set ${PAY_SECRET_ENV} (at least {MIN_SECRET_LENGTH} characters, "
            "shared with the payment gateway), or serve the demo with --demo."
        )
    if len(value) < MIN_SECRET_LENGTH or value in _PUBLISHED_SECRETS:
        raise ConfigError(
            f"The merchant secret must be a private value of at least {MIN_SECRET_LENGTH} characters."
        )
    return value


def clean_public_url(url: str) -> str:
    """The public base URL without a trailing slash; :class:`ConfigError` unless plain http(s)."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.username or parts.query:
        raise ConfigError(
            f"The public URL must be an http(s) address such as https://lk.annet.ru, not {url!r}."
        )
    return urlunsplit((parts.scheme, parts.netloc.lower(), parts.path.rstrip("/"), "", ""))


def _public_url(given: str | None, sandbox: bool) -> str:
    value = given or os.environ.get(PUBLIC_URL_ENV) or ""
    if not value:
        if sandbox:
            return ""  # the embedded server fills in its own address once its port is known
        raise ConfigError(
            f"No public URL: set ${PUBLIC_URL_ENV} or --public-url to the address subscribers reach "
            "this server at (payment addresses are built from it), or serve the demo with --demo."
        )
    return clean_public_url(value)


def create_app(
    database_url: str,
    clock: Any | None = None,
    *,
    secret: str | None = None,
    public_url: str | None = None,
    sandbox: bool = False,
    server_secret: str | None = None,
    limits: Limits | None = None,
) -> FastAPI:
    """The server app over ``database_url`` (SQLite file or ``postgresql+psycopg://``).

    ``clock`` defaults to the system clock (Moscow time); tests pass a FakeClock. ``sandbox``
    mounts the payment sandbox at ``/pay`` (the demo and the tests only). Without the sandbox the
    merchant ``secret`` (or ``$ANNET_PAY_SECRET``) and the ``public_url`` (or ``$ANNET_PUBLIC_URL``)
    are required — :class:`ConfigError` otherwise; with it, a missing secret is random per
    process and a missing public URL is the embedded server's own address. ``server_secret``
    (or ``$ANNET_SERVER_SECRET``, default random per process) keys idempotency fingerprints and
    sandbox form tokens. ``limits``: body size and login budgets (:class:`Limits`).
    """
    from . import auth
    from .clock import SystemClock
    from .db import create_schema, make_engine, make_read_sessionmaker, make_sessionmaker

    merchant_secret = _merchant_secret(secret, sandbox)
    url = _public_url(public_url, sandbox)
    engine = make_engine(database_url)
    create_schema(engine)
    state = ServerState(
        database_url=database_url,
        engine=engine,
        sessionmaker=make_sessionmaker(engine),
        read_sessionmaker=make_read_sessionmaker(engine),
        clock=clock or SystemClock(),
        secret=merchant_secret,
        public_url=url,
        sandbox=sandbox,
        server_secret=_server_secret(server_secret),
        limits=limits or Limits(),
    )
    auth.warm_up()
    accesslog.install()
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
    if state.sandbox:
        app.include_router(paysandbox.router, prefix="/pay", include_in_schema=False)
    # outermost: a too-big body is refused before anything reads it
    app.add_middleware(BodyLimitMiddleware, max_bytes=state.limits.max_body_bytes)
    return app
