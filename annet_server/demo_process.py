"""``annet-desktop --demo-server``: the ``--demo`` server in a process of its own, reporting on stdout.

The app (:mod:`annet_desktop.demo_start`) spawns this process so that the server's imports, its
start and later all its request work run on another core, off the app's GIL. It talks JSON lines
on stdout:

* once the server accepts connections: ``{"url": …, "accounts": [DemoAccount…], "template": b}``
  (``template``: the database was copied from the day's template rather than seeded);
* later, once the demo's background work is over (the business line's calls are in, the template
  written or given up): ``{"settled": true}``;
* a start that fails: ``{"error": "<exception type>"}`` — the type only, a message could carry
  paths — with the traceback on stderr, and exit code 1.

Lifetime: the server runs until its **stdin reaches EOF** — the parent closed it, or the parent
died and the OS closed its end of the pipe (Linux, macOS and Windows alike) — then stops (its
temporary folder is removed) and the process exits 0. SIGTERM stops it the same way. SIGINT is
ignored: a Ctrl-C in the terminal reaches the app too, which then ends this process by closing
its stdin (by hand: Ctrl-D). Logging goes to stderr at warning level.

Test-only fault injection: :data:`FAULT_ENV` set to ``start`` makes the start fail as a real
failure would (``{"error": "RuntimeError"}``, exit 1).

This module never imports ``annet_desktop`` (the server knows only the contract).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import sys
import threading
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

log = logging.getLogger(__name__)

#: test-only: ``start`` makes :func:`main` fail before the server starts
FAULT_ENV = "ANNET_DEMO_SERVER_FAULT"


class _Channel:
    """The JSON lines on stdout (one at a time: the settled line comes from another thread)."""

    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._lock = threading.Lock()

    def say(self, message: dict[str, Any]) -> bool:
        """Write one line; False when the parent is no longer reading."""
        line = json.dumps(message, ensure_ascii=False)
        with self._lock:
            try:
                self._out.write(line + "\n")
                self._out.flush()
            except (OSError, ValueError):  # a closed pipe, or a closed file
                return False
        return True


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="annet-desktop --demo-server",
        description="The demo server for annet-desktop --demo (JSON lines on stdout; ends at EOF on stdin).",
    )
    parser.add_argument(
        "--templates", metavar="DIR", type=Path, help="where the day's template database is kept"
    )
    parser.add_argument(
        "--small", action="store_true", help="2,000 calls on the business line instead of 100,000"
    )
    return parser.parse_args(list(argv))


def _stdout() -> TextIO:
    """``sys.stdout``, or descriptor 1 when Python left it ``None`` (a windowed Windows build)."""
    if sys.stdout is not None:
        return sys.stdout
    return open(1, "w", encoding="utf-8", closefd=False)


def wait_for_eof(fd: int = 0) -> None:
    """Block until the descriptor ``fd`` (stdin) reaches end of file or cannot be read any more."""
    try:
        while os.read(fd, 4096):
            pass
    except OSError:
        pass


class _Stopping:
    """SIGTERM: leave through ``SystemExit`` (so the server is stopped and its folder removed),
    unless the stop is under way already."""

    def __init__(self) -> None:
        self.now = False

    def __call__(self, _signum: int, _frame: Any) -> None:
        if not self.now:
            self.now = True
            raise SystemExit(0)


def _report_settled(server: Any, channel: _Channel) -> None:
    server.demo_settled.wait()
    channel.say({"settled": True})


def main(argv: Sequence[str] | None = None) -> int:
    """Run the demo server until stdin ends; the process exit code."""
    args = _parse(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    channel = _Channel(_stdout())
    sys.stdout = sys.stderr  # nothing but the protocol's lines goes to the real stdout
    stopping = _Stopping()
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, stopping)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        server = _start(args)
    except BaseException as exc:  # SystemExit of a SIGTERM included: nothing was left running
        traceback.print_exc(file=sys.stderr)
        channel.say({"error": type(exc).__name__})
        return 1
    try:
        from .demo_subscribers import demo_accounts

        accounts = [account.model_dump(mode="json") for account in demo_accounts()]
        ready = {"url": server.url, "accounts": accounts, "template": server.demo_template is not None}
        if channel.say(ready):
            threading.Thread(
                target=_report_settled, args=(server, channel), name="annet-demo-settled", daemon=True
            ).start()
            wait_for_eof()
    except SystemExit:
        pass
    finally:
        stopping.now = True
        server.stop()
    return 0


def _start(args: argparse.Namespace) -> Any:
    if os.environ.get(FAULT_ENV) == "start":
        raise RuntimeError(f"{FAULT_ENV}=start: a failure injected by a test")
    from .embedded import start_demo

    return start_demo(templates=args.templates, big_calls=not args.small)


if __name__ == "__main__":
    sys.exit(main())
