"""Driver of tests/ui/test_worker_shutdown.py: the real app (``annet_desktop.app.main``) in its own
process, logged in to the given server, closed when the test creates a file.

``python close_mid_request.py SERVER_URL ACCOUNT PASSWORD CLOSE_FILE``

It prints ``ANNET_DUMPABLE <0|1>`` (``prctl(PR_GET_DUMPABLE)`` of this process once the login
window has been painted, just before the password is typed in) and ``ANNET_CLOSING`` when it
closes the main window; the exit code is the app's.
"""

from __future__ import annotations

import ctypes
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer

from annet_desktop import app as app_module
from annet_desktop.command_line import parse_args

PR_GET_DUMPABLE = 3


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main() -> int:
    url, account, password, close_file = sys.argv[1:5]
    start = app_module.AppController.start

    def start_and_log_in(controller: Any) -> Any:
        dialog = start(controller)
        # as a user: the password goes in once the window is on screen (after the emission of
        # its first paint, in which main() marks the process not dumpable)
        dialog.firstPainted.connect(lambda: QTimer.singleShot(0, log_in))

        def log_in() -> None:
            dumpable = ctypes.CDLL(None).prctl(PR_GET_DUMPABLE, 0, 0, 0, 0)
            _say(f"ANNET_DUMPABLE {dumpable}")
            dialog.account.setText(account)
            dialog.password.setText(password)
            dialog.submit()

        timer = QTimer(controller)

        def poll() -> None:  # the test's signal to close (a file: no pipes to keep open)
            if not Path(close_file).exists():
                return
            timer.stop()
            _say("ANNET_CLOSING")
            if controller.window is not None:
                controller.window.close()  # the last window: the app quits, main() shuts down
            else:
                QCoreApplication.quit()

        timer.timeout.connect(poll)
        timer.start(20)
        return dialog

    app_module.AppController.start = start_and_log_in  # type: ignore[method-assign]
    return app_module.main(parse_args(["--server", url]))


if __name__ == "__main__":
    sys.exit(main())
