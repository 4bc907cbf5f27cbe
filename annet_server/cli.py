"""``annet-server``: serve the Cabinet API, seed the demo data, list demo accounts, print the OpenAPI.

::

    annet-server serve [--demo | --sandbox] [--host 127.0.0.1] [--port 8080] [--db URL] [--public-url URL]
    annet-server seed-demo --db URL
    annet-server demo-accounts
    annet-server openapi

``serve`` without ``--demo`` is the operator's server: it refuses to start without the merchant
secret (``$ANNET_PAY_SECRET``) and the public URL (``--public-url`` or ``$ANNET_PUBLIC_URL``),
and it has no payment sandbox. ``--demo`` seeds demo data and mounts the sandbox at ``/pay``;
``--sandbox`` mounts it over an existing database, SQLite only (a test card must never top up a
real account). Several processes share ``$ANNET_SERVER_SECRET``.
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
            accounts = seed_demo_database(url)
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
        uvicorn.run(app, host=args.host, port=args.port, log_level="info", server_header=False)
    finally:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


def _cmd_seed(args: argparse.Namespace) -> int:
    from .embedded import seed_demo_database

    started = time.perf_counter()
    accounts = seed_demo_database(args.db, big_calls=not args.small)
    print(f"Seeded {len(accounts)} demo accounts in {time.perf_counter() - started:.1f} s.", file=sys.stderr)
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
    serve.set_defaults(func=_cmd_serve)

    seed = commands.add_parser("seed-demo", help="create the schema and the demo data in a database")
    seed.add_argument("--db", required=True, help="SQLAlchemy URL, e.g. sqlite:///demo.db")
    seed.add_argument("--small", action="store_true", help="without the 100,000-call business month")
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
