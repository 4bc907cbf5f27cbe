"""``python -m annet_desktop`` and the ``annet-desktop`` command: the app, its self-test, or its demo server.

``--self-test`` is dispatched here, not in :mod:`annet_desktop.app`: the self-test drives the app
(it imports :mod:`annet_desktop.app`), so the app must not import it back.

``--demo-server`` (hidden, always the first argument) makes this process the ``--demo`` server
(:mod:`annet_server.demo_process`) before anything of Qt is imported: the app spawns itself with
it (:mod:`annet_desktop.demo_start`). With ``--demo`` the app spawns that process here, first
thing, so the server starts on the other core while this one imports Qt.
"""

from __future__ import annotations

import sys

from .demo_start import DEMO_SERVER_ARG


def main(argv: list[str] | None = None) -> int:
    """Entry point of the desktop app (see :mod:`annet_desktop.app`)."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == [DEMO_SERVER_ARG]:
        from annet_server.demo_process import main as serve

        return serve(argv[1:])
    from .command_line import parse_args

    args = parse_args(argv)  # --help, bad options and typos answer here, before Qt loads
    if args.self_test:
        from .selftest import run_self_test

        return run_self_test()
    demo = None
    if args.demo:
        from .demo_start import DemoProcess, demo_template_dir

        demo = DemoProcess.spawn(demo_template_dir())
    from .app import main as run

    return run(args, demo=demo)


if __name__ == "__main__":
    sys.exit(main())
