"""``annet-server``: serve the Cabinet API, seed the demo data, list demo accounts, print the OpenAPI.

::

    annet-server serve [--demo | --sandbox] [--host 127.0.0.1] [--port 8080] [--db URL] [--public-url URL]
                       [--workers N]
    annet-server seed-demo --db URL [--load-subscribers N]
    annet-server demo-accounts
    annet-server openapi

``serve`` without ``--demo`` is the operator's server: it refuses to start without the merchant
secret (``$ANNET_PAY_SECRET``) and the public URL (``--public-url`` or ``$ANNET_PUBLIC_URL``),
and it has no payment sandbox. ``--demo`` seeds demo data and mounts the sandbox at ``/pay``;
``--sandbox`` mounts it over an existing database, SQLite only (a test card must never top up a
real account). Several processes share ``$ANNET_SERVER_SECRET``.

``--workers N`` (N > 1) runs N uvicorn worker processes on one address under uvicorn's
supervisor, which starts a new worker when one dies (even by ``kill -9``). Every worker builds
its app with :func:`worker_app` from the same configuration (handed down in the environment);
the server and merchant secrets, when not configured, are drawn once here, so every worker —
and every restarted one — checks the same tokens. No other state lives in a process: sessions,
throttling, idempotency, sandbox orders and the catch-up are in the database (docs/reliability.md).
"""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

DEFAULT_DB = "sqlite:///annet.db"
#: the configuration the supervisor hands its workers (JSON: db, public_url, sandbox)
WORKER_CONFIG_ENV = "ANNET_WORKER_CONFIG"


def openapi_document() -> dict[str, Any]:
    """The OpenAPI document of the server, built without a database."""
    from .app import ServerState, build_app

    state = ServerState(database_url="", engine=None, sessionmaker=None, clock=None, secret="")
    return build_app(state).openapi()


def openapi_text() -> str:
    """The OpenAPI document as committed in docs/openapi.json (stable formatting)."""
    return json.dumps(openapi_document(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def _demo_accounts_json() -> str:
    from annet_contract.schema import DemoAccount

    from .seed import demo_accounts

    accounts = [DemoAccount.model_validate(a, from_attributes=True) for a in demo_accounts()]
    return json.dumps([a.model_dump(mode="json") for a in accounts], indent=2, ensure_ascii=False)


def _cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn
    from sqlalchemy.engine import make_url

    from .app import ConfigError, create_app
    from .embedded import seed_demo_database, sqlite_url

    folder: Path | None = None
    url = args.db
    sandbox = bool(args.demo or args.sandbox)
    if args.sandbox and not args.demo and make_url(url or DEFAULT_DB).get_backend_name() != "sqlite":
        print(
            "annet-server: --sandbox runs only over an SQLite database (a demo, never real accounts).",
            file=sys.stderr,
        )
        return 2
    public_url = args.public_url
    if sandbox and not public_url:
        public_url = f"http://{'[' + args.host + ']' if ':' in args.host else args.host}:{args.port}"
    try:
        if args.demo:
            if url is None:
                folder = Path(tempfile.mkdtemp(prefix="annet-demo-"))
                url = sqlite_url(folder / "demo.db")
            started = time.perf_counter()
            accounts = seed_demo_database(url, big_calls=not args.small)
            if args.load_subscribers:
                _add_load_subscribers(url, args.load_subscribers)
            print(
                f"Demo database ready in {time.perf_counter() - started:.1f} s: {len(accounts)} accounts "
                "(annet-server demo-accounts lists them).",
                file=sys.stderr,
            )
        try:
            app = create_app(url or DEFAULT_DB, public_url=public_url, sandbox=sandbox)
        except ConfigError as exc:
            print(f"annet-server: {exc}", file=sys.stderr)
            return 2
        print(f"Annet Cabinet API on http://{args.host}:{args.port}/api/v1", file=sys.stderr)
        if args.workers > 1:
            if sandbox:  # its tables now, not raced by the workers' first payments
                from .paysandbox.store import ensure_table

                ensure_table(app.state.annet.engine)
            app.state.annet.dispose()  # each worker opens its own connections
            _share_with_workers(url or DEFAULT_DB, public_url, sandbox)
            uvicorn.run(
                f"{__name__}:worker_app",
                factory=True,
                workers=args.workers,
                host=args.host,
                port=args.port,
                log_level="info",
                server_header=False,
            )
        else:
            uvicorn.run(app, host=args.host, port=args.port, log_level="info", server_header=False)
    finally:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


def _share_with_workers(url: str, public_url: str | None, sandbox: bool) -> None:
    """Put what every worker needs in the environment: the configuration and one pair of secrets."""
    import os
    import secrets

    from .app import PAY_SECRET_ENV, SERVER_SECRET_ENV

    os.environ.setdefault(SERVER_SECRET_ENV, secrets.token_hex(32))
    if sandbox:
        os.environ.setdefault(PAY_SECRET_ENV, secrets.token_urlsafe(32))
    config = {"db": url, "public_url": public_url, "sandbox": sandbox}
    os.environ[WORKER_CONFIG_ENV] = json.dumps(config)


def worker_app() -> Any:
    """The app of one worker process of ``serve --workers N`` (uvicorn's factory)."""
    import os

    from .app import create_app

    config = json.loads(os.environ[WORKER_CONFIG_ENV])
    return create_app(config["db"], public_url=config["public_url"], sandbox=bool(config["sandbox"]))


def _add_load_subscribers(url: str, count: int) -> None:
    from .clock import SystemClock
    from .db import make_engine, make_sessionmaker
    from .loadseed import LOAD_PASSWORD, seed_load_subscribers

    engine = make_engine(url)
    try:
        with make_sessionmaker(engine)() as db:
            numbers = seed_load_subscribers(db, SystemClock().now(), count)
    finally:
        engine.dispose()
    print(
        f"Added {len(numbers)} load subscribers {numbers[0]}…{numbers[-1]} (password {LOAD_PASSWORD}).",
        file=sys.stderr,
    )


def _cmd_seed(args: argparse.Namespace) -> int:
    from .embedded import seed_demo_database

    started = time.perf_counter()
    accounts = seed_demo_database(args.db, big_calls=not args.small)
    print(f"Seeded {len(accounts)} demo accounts in {time.perf_counter() - started:.1f} s.", file=sys.stderr)
    if args.load_subscribers:
        _add_load_subscribers(args.db, args.load_subscribers)
    return 0


def _cmd_demo_accounts(args: argparse.Namespace) -> int:
    print(_demo_accounts_json())
    return 0


def _cmd_openapi(args: argparse.Namespace) -> int:
    text = openapi_text()
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _load_subscribers_option(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument(
        "--load-subscribers",
        type=int,
        default=0,
        metavar="N",
        help=f"{what} N plain subscribers for the load test (benchmarks/load.py)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The command line of ``annet-server``."""
    parser = argparse.ArgumentParser(prog="annet-server", description="The reference Cabinet API server.")
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="serve the Cabinet API")
    serve.add_argument(
        "--demo", action="store_true", help="seed the demo data first (a fresh temp DB without --db)"
    )
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8080)
    serve.add_argument(
        "--sandbox",
        action="store_true",
        help="mount the payment sandbox at /pay over an existing SQLite database (--demo implies it)",
    )
    serve.add_argument("--db", default=None, help=f"SQLAlchemy URL (default {DEFAULT_DB})")
    serve.add_argument(
        "--public-url",
        default=None,
        help="the address subscribers reach the server at, e.g. https://lk.annet.ru "
        "(default $ANNET_PUBLIC_URL; required without --demo)",
    )
    serve.add_argument("--small", action="store_true", help="--demo without the 100,000-call month")
    _load_subscribers_option(serve, "--demo: also add")
    serve.add_argument(
        "--workers",
        type=_positive,
        default=1,
        help="worker processes on one address; a dead one is restarted (default 1)",
    )
    serve.set_defaults(func=_cmd_serve)

    seed = commands.add_parser("seed-demo", help="create the schema and the demo data in a database")
    seed.add_argument("--db", required=True, help="SQLAlchemy URL, e.g. sqlite:///demo.db")
    seed.add_argument("--small", action="store_true", help="without the 100,000-call business month")
    _load_subscribers_option(seed, "also add")
    seed.set_defaults(func=_cmd_seed)

    demo = commands.add_parser("demo-accounts", help="print the demo accounts as JSON")
    demo.set_defaults(func=_cmd_demo_accounts)

    openapi = commands.add_parser("openapi", help="print the OpenAPI document (docs/openapi.json)")
    openapi.add_argument("-o", "--output", help="write to this file instead of stdout")
    openapi.set_defaults(func=_cmd_openapi)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``annet-server`` console script."""
    args = build_parser().parse_args(argv)
    level = logging.INFO if args.command in ("serve", "seed-demo") else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
