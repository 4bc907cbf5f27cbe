"""The keyboard tests' session: one server and one login per test module, and key presses only.

``keyboard_app(case)`` (module scope, see :func:`session`) — the real reference server over a fresh
copy of the demo database on a FakeClock at the seed's ``now``, the app logged in as the demo
subscriber of ``case``; a test module makes its fixture with ``keyboard_app = session("case")``.
The helpers press keys as a user does: in the active window, to the focused widget.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from uihelpers import login, wait_loaded

TIMEOUT = 20000
#: what these tests make Qt say that is no fault: QTest warns that a Cyrillic key (Alt+О) has no
#: ASCII text (the key event itself is right); the offscreen platform cannot grab the keyboard for
#: a menu opened by Alt+letter, nor make the Vulkan instance QtWebEngine asks for (the bank's page)
KEYBOARD_QT_LOG = pytest.mark.qt_log_ignore(
    "^keyToAscii Unhandled key code",
    "^This plugin does not support grabbing the keyboard",
    "^This plugin does not support createPlatformVulkanInstance",
)


def _root_conftest(config: pytest.Config) -> Any:
    """tests/conftest.py (SEED_NOW, ServerHandle): a plugin of the session, not an importable name."""
    return next(p for p in config.pluginmanager.get_plugins() if hasattr(p, "ServerHandle"))


def session(case: str, language: str = "ru") -> Callable[..., Any]:
    """A module-scoped fixture: (controller, window, server, demo) logged in as ``case``."""

    @pytest.fixture(scope="module")
    def keyboard_app(
        request: pytest.FixtureRequest, _sqlite_template: Any, tmp_path_factory: pytest.TempPathFactory
    ) -> Iterator[SimpleNamespace]:
        from annet_desktop.app import AppController
        from annet_desktop.memory_keyring import install
        from annet_server.clock import FakeClock
        from annet_server.embedded import sqlite_url, start_server

        conftest = _root_conftest(request.config)
        folder = tmp_path_factory.mktemp("keyboard")
        with pytest.MonkeyPatch.context() as patch:  # as _isolated does per test: nothing real written
            patch.setenv("HOME", str(folder / "home"))
            patch.setenv("ANNET_DESKTOP_CONFIG_DIR", str(folder / "config"))
            patch.setenv("ANNET_DESKTOP_CACHE_DIR", str(folder / "cache"))
            (folder / "home").mkdir()
            target = folder / "annet.db"
            for suffix in ("", "-wal", "-shm"):
                source = Path(str(_sqlite_template.sqlite_path) + suffix)
                if source.exists():
                    shutil.copyfile(source, Path(str(target) + suffix))
            clock = FakeClock(conftest.SEED_NOW)
            url = sqlite_url(target)
            server = conftest.ServerHandle(
                running=start_server(url, clock), clock=clock, db_url=url,
                accounts=list(_sqlite_template.accounts), backend="sqlite",
            )  # fmt: skip
            import keyring

            _backend, previous = install()
            controller = AppController(server_url=server.url, language=language)
            controller.messages.show_boxes = False  # what a box would say is in messages.history
            qtbot = QtBot(request)
            controller.start()
            demo = server.by_case(case)
            try:
                window = login(qtbot, controller, demo.account, demo.password)
                wait_loaded(qtbot, controller)
                window.actions.clock = clock.now
                yield SimpleNamespace(controller=controller, window=window, server=server, demo=demo)
            finally:
                for widget in QApplication.topLevelWidgets():
                    if widget.isVisible() and widget is not controller.window:
                        widget.close()
                if controller.window is not None:
                    controller.window.close()
                controller.shutdown()
                server.close()
                keyring.set_keyring(previous)
                from annet_desktop import i18n

                i18n.install("ru")

    return keyboard_app


def active(qtbot: Any, window: QWidget) -> QWidget:
    """Wait until ``window`` is the active window (the offscreen platform activates asynchronously)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=10000)
    return window


def press(qtbot: Any, window: QWidget, keys: str) -> None:
    """Press ``keys`` («Alt+О», «Escape», «Ctrl+P», «Down») in ``window``: to its focused widget, as
    the keyboard does (a mnemonic or shortcut is found by Qt's shortcut map from there)."""
    active(qtbot, window)
    focus = QApplication.focusWidget()
    target = focus if focus is not None and focus.window() is window else window
    QTest.keySequence(target, QKeySequence(keys))


def tab_to(qtbot: Any, window: QWidget, widget: QWidget, backwards: bool = False) -> None:
    """Press Tab (Shift+Tab) until ``widget`` has the focus; fails when a round never reaches it."""
    active(qtbot, window)
    for _ in range(60):
        if QApplication.focusWidget() is widget:
            return
        press(qtbot, window, "Shift+Tab" if backwards else "Tab")
    raise AssertionError(f"{widget.objectName()} is not reached by Tab in {window.objectName()}")


def alt(qtbot: Any, window: QWidget, widget: QWidget) -> None:
    """Press Alt and the mnemonic letter of ``widget`` (a button or a label) in ``window``."""
    from annet_desktop.ui.widgets.mnemonics import mnemonic

    letter = mnemonic(widget.text())  # type: ignore[attr-defined]
    assert letter, widget.objectName()
    press(qtbot, window, "Alt+" + letter.upper())


def dialog_named(qtbot: Any, name: str) -> Any:
    """The shown top-level window whose objectName is ``name`` (waits for it, and for it to be active)."""
    found: list[QWidget] = []

    def shown() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets() if w.objectName() == name and w.isVisible()]
        return bool(found)

    qtbot.waitUntil(shown, timeout=TIMEOUT)
    return active(qtbot, found[-1])


def closed(qtbot: Any, dialog: QWidget) -> None:
    """Wait until ``dialog`` is no longer shown (deleted on close or hidden)."""
    from shiboken6 import isValid

    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible(), timeout=TIMEOUT)


__all__ = [
    "KEYBOARD_QT_LOG",
    "TIMEOUT",
    "active",
    "alt",
    "closed",
    "dialog_named",
    "press",
    "session",
    "tab_to",
]
