"""The command line of ``annet-desktop``: ``[--server URL] [--demo] [--lang ru|en] [--self-test]``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from . import __version__

# the options' values when none is given (the parser takes its defaults from here)
DEFAULTS: dict[str, Any] = {"server": None, "demo": False, "lang": None, "self_test": False}


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line (``sys.argv[1:]`` when ``argv`` is None). With no arguments at all — how
    the desktop entry starts the app — :data:`DEFAULTS`, without building the parser (5 ms before
    the login window's first paint)."""
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv:
        return argparse.Namespace(**DEFAULTS)
    return _parser().parse_args(argv)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="annet-desktop", description="Annet subscriber cabinet (desktop)")
    parser.add_argument("--server", metavar="URL", help="Cabinet API server (default: from the settings)")
    parser.add_argument(
        "--demo", action="store_true", help="start the built-in demo server and demo accounts"
    )
    parser.add_argument(
        "--lang", choices=("ru", "en"), help="interface language (default: from the settings)"
    )
    parser.add_argument("--self-test", action="store_true", help="offscreen smoke test of the whole app")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.set_defaults(**DEFAULTS)
    return parser
