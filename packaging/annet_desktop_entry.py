"""Entry script of the frozen app (PyInstaller): the sandbox policy, then ``annet_desktop.__main__``.

Qt WebEngine's Chromium sandbox stays ON in the shipped app. Some PyInstaller versions disable it
from their own runtime hook on macOS (``QTWEBENGINE_DISABLE_SANDBOX=1``, pyinstaller#6903). Our
custom runtime hooks run *before* PyInstaller's (``PyInstaller/depend/analysis.py``:
``analyze_runtime_hooks``), so the undo is done here, in the entry script, which runs after every
runtime hook: the variable is removed and ``--no-sandbox`` is dropped from
``QTWEBENGINE_CHROMIUM_FLAGS``. The one exception is a process running as root (Chromium refuses to
start there with its sandbox on): then the sandbox is disabled and the log says so. The ``--demo``
server's process (no web page there) is left alone, so its log does not say it too.
"""

from __future__ import annotations

import logging
import os
import sys

log = logging.getLogger("annet_desktop.sandbox")


def enforce_webengine_sandbox() -> bool:
    """Keep Chromium's sandbox on (True) — off only for root, with a warning (False)."""
    flags = [f for f in os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "").split() if f != "--no-sandbox"]
    if flags:
        os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join(flags)
    else:
        os.environ.pop("QTWEBENGINE_CHROMIUM_FLAGS", None)
    if os.environ.pop("QTWEBENGINE_DISABLE_SANDBOX", None) is not None:
        log.info("QTWEBENGINE_DISABLE_SANDBOX was set (PyInstaller hook or environment): removed")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
        log.warning("running as root: Qt WebEngine's Chromium sandbox is disabled for the payment page")
        return False
    return True


def run() -> int:
    """The app (``--self-test``: ``annet_desktop.__main__``; the startup probe: ``app.main``).

    The ``--demo`` server's process (the app spawned with ``--demo-server``) shows no web page:
    the policy, and its warning for root, are for the app's own process only."""
    from annet_desktop.demo_start import DEMO_SERVER_ARG

    if sys.argv[1:2] != [DEMO_SERVER_ARG]:
        enforce_webengine_sandbox()
    from annet_desktop.__main__ import main

    return main()


if __name__ == "__main__":
    sys.exit(run())
