"""``python -m annet_desktop`` and the ``annet-desktop`` command: the app, or its self-test.

``--self-test`` is dispatched here, not in :mod:`annet_desktop.app`: the self-test drives the app
(it imports :mod:`annet_desktop.app`), so the app must not import it back.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Entry point of the desktop app (see :mod:`annet_desktop.app`)."""
    argv = sys.argv[1:] if argv is None else argv
    if "--self-test" in argv:
        from .command_line import parse_args

        parse_args(argv)  # the same command line: --help, bad options and typos answer as usual
        from .selftest import run_self_test

        return run_self_test()
    from .app import main as run

    return run(argv)


if __name__ == "__main__":
    sys.exit(main())
