"""Startup measuring hooks: exit right after the first paint, and log in to the demo by itself.

Used by ``benchmarks/startup.py`` (and handy by hand). Both are driven by environment variables so
the command line stays the user's:

* ``ANNET_EXIT_AFTER_PAINT=login`` (or ``1``): when the first top-level window (the login window)
  has been painted, print ``ANNET_PAINTED <time.monotonic()>`` to stdout and quit;
* ``ANNET_EXIT_AFTER_PAINT=main``: the same for the main window, i.e. once a logged-in account is on
  screen (with ``--demo`` and ``ANNET_AUTO_LOGIN``);
* ``ANNET_AUTO_LOGIN=<demo account>`` (with ``--demo``): once the demo server is up, choose that demo
  subscriber in the login window and press «Принять».

``time.monotonic()`` is the system-wide monotonic clock on Linux, macOS and Windows, so the parent
process can subtract its own reading taken just before it started this process.

This module imports nothing but QtCore/QtWidgets (it is loaded before the first paint).
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

EXIT_AFTER_PAINT = "ANNET_EXIT_AFTER_PAINT"
AUTO_LOGIN = "ANNET_AUTO_LOGIN"
MARK = "ANNET_PAINTED"
HEAVY_MARK = "ANNET_HEAVY"
#: packages that must not be loaded when the login window first paints (ARCHITECTURE: lazy)
HEAVY: tuple[str, ...] = (
    "requests", "urllib3", "pydantic", "keyring", "openpyxl", "lxml", "PySide6.QtWebEngineCore",
    "annet_server", "fastapi", "starlette", "uvicorn", "sqlalchemy",
)  # fmt: skip
if sys.platform.startswith("linux"):
    #: and on Linux (elsewhere platformdirs, which takes ctypes on Windows, finds the settings): the
    #: settings folder comes from Qt, ctypes (prctl) only after the paint (docs/performance.md)
    HEAVY += ("platformdirs", "ctypes")


#: what stands for QtCore's ``Qt`` namespace in :func:`heavy_loaded`: PySide6 makes its ~90 Python
#: enums on the first ``from PySide6.QtCore import Qt`` (45 ms of CPU here), so the windows on the
#: path to the first paint leave it until then (LoginDialog._after_first_paint)
QT_NAMESPACE = "PySide6.QtCore.Qt"
#: Qt classes PySide6 builds on first use (3–5 ms each) that the login window does without until
#: its first paint: the demo row (only with --demo), message boxes, icons (login_form.push_button)
LAZY_CLASSES = ("PySide6.QtWidgets.QComboBox", "PySide6.QtWidgets.QMessageBox", "PySide6.QtGui.QIcon")
#: what stands for the application's window icon in :func:`heavy_loaded`: its seven PNG sizes are
#: read after the first paint (ui.after_paint.after_first_paint)
WINDOW_ICON = "QApplication.windowIcon"


def heavy_loaded() -> list[str]:
    """Which of :data:`HEAVY` are imported in this process now, and which of :data:`QT_NAMESPACE`,
    :data:`LAZY_CLASSES` and :data:`WINDOW_ICON` have been made."""
    loaded = [name for name in HEAVY if name in sys.modules]
    for name in (QT_NAMESPACE, *LAZY_CLASSES):
        module_name, _, attribute = name.rpartition(".")
        module = sys.modules.get(module_name)
        if module is not None and attribute in vars(module):
            loaded.append(name)
    if not QApplication.windowIcon().isNull():
        loaded.append(WINDOW_ICON)
    return loaded


class FirstPaintExit(QObject):
    """An event filter on the wanted window: on its first paint, report and quit.

    ``target`` is ``"login"`` (the first top-level window: the login window) or ``"main"`` (the
    cabinet, a ``QMainWindow`` whose objectName is ``main_window``). It filters only the windows
    it is told to :meth:`watch` — an application-wide filter would hand every event of every
    object to Python and so itself slow down the start it measures.
    """

    def __init__(self, target: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.target = target
        self.painted_at: float | None = None

    def _wanted(self, widget: QWidget) -> bool:
        if not widget.isWindow():
            return False
        if self.target == "main":
            return widget.objectName() == "main_window"
        return True

    def watch(self, widget: QWidget | None) -> None:
        """Filter the events of ``widget`` (a window) from now on."""
        if widget is not None and self._wanted(widget):
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.painted_at is None and event.type() == QEvent.Type.Paint:
            # the paint event is being delivered now; report once the window has handled it
            QTimer.singleShot(0, self._painted)
            self.painted_at = -1.0
        return False

    def _painted(self) -> None:
        self.painted_at = time.monotonic()
        if sys.stdout is not None:  # None in a windowed Windows build
            sys.stdout.write(f"{MARK} {self.painted_at:.6f}\n{HEAVY_MARK} {','.join(heavy_loaded())}\n")
            sys.stdout.flush()
        QCoreApplication.quit()


def auto_login(controller: Any, account: str) -> None:
    """Log in as the demo subscriber ``account`` as soon as the demo server is ready."""

    def ready(server: Any, _accounts: Any) -> None:
        dialog = controller.login_dialog
        if server is None or dialog is None:
            return
        dialog.choose_demo(account)
        dialog.submit()

    # connected after the controller's own handler, so the dialog already holds the demo accounts
    controller.demoReady.connect(ready)


def install(
    app: QApplication, controller: Any = None, target: str | None = None, account: str | None = None
) -> FirstPaintExit | None:
    """Install what the environment asks for (nothing when neither variable is set).

    Call it right after ``controller.start()`` (the login window is shown, not yet painted) and
    before ``app.exec()``; ``target`` and ``account`` override ``ANNET_EXIT_AFTER_PAINT`` and
    ``ANNET_AUTO_LOGIN``.
    """
    probe = None
    target = (target if target is not None else os.environ.get(EXIT_AFTER_PAINT, "")).strip().lower()
    if target:
        probe = FirstPaintExit("main" if target == "main" else "login", app)
        if probe.target == "login":
            for widget in app.topLevelWidgets():
                if widget.isVisible():
                    probe.watch(widget)
        elif controller is not None:
            controller.loggedIn.connect(lambda: probe.watch(controller.window))
    account = (account if account is not None else os.environ.get(AUTO_LOGIN, "")).strip()
    if account and controller is not None:
        auto_login(controller, account)
    return probe
