"""What waits for the login window's first paint: the window icon and the process made not dumpable."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from .. import resource_dir
from ..process import mark_not_dumpable
from .login_dialog import LoginDialog

# the latest moment for what waits for the login window's first paint (after_first_paint)
FIRST_PAINT_WAIT_MS = 2000

ICONS_DIR = resource_dir.icons()


def application_icon() -> Any:
    """The app's icon in every shipped size (the title bar, the task bar, Alt+Tab pick from it)."""
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        path = ICONS_DIR / f"annet-{size}.png"
        if path.exists():
            icon.addFile(str(path))
    return icon


def after_first_paint(app: QApplication, dialog: LoginDialog) -> None:
    """What waits for the login window's first paint (10 ms less before it): the window icon's
    seven PNG sizes, and :func:`~annet_desktop.process.mark_not_dumpable` (ctypes). No secret is
    in the process before that paint: the keyring is read, and a password typed, only after it."""
    done = False

    def run() -> None:
        nonlocal done
        if not done:
            done = True
            mark_not_dumpable()
            app.setWindowIcon(application_icon())

    # in the emission that starts the keyring probe (a thread) and the API warm-up: neither brings
    # a secret in; the stored password is read only once the probe's answer is back (queued)
    dialog.firstPainted.connect(run)
    QTimer.singleShot(FIRST_PAINT_WAIT_MS, run)  # a login window never painted (never exposed)
