"""App-level fixtures (a pytest plugin loaded by tests/conftest.py): offscreen Qt, temp HOME and
settings for every test, an in-memory keyring, the app controller against the real server, and a
fault-injecting proxy in front of it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
from keyring.backends import fail
from uihelpers import FaultProxy, login, wait_loaded

from annet_desktop.memory_keyring import MemoryKeyring
from annet_desktop.memory_keyring import install as install_memory_keyring
from annet_desktop.worker import Worker


@pytest.fixture(autouse=True)
def _isolated(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """Temp HOME, settings and cache folders for every test (none writes the real ones). HOME is
    made outside ``tmp_path``, which stays empty for the tests that list it; the settings and cache
    folders are made there only when used."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("ANNET_DESKTOP_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("ANNET_DESKTOP_CACHE_DIR", str(tmp_path / "cache"))
    yield


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """The in-memory keyring, installed as the keyring backend."""
    backend, previous = install_memory_keyring()
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    """No usable keyring backend at all (keyring.backends.fail.Keyring)."""
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def make_app(qtbot: Any, memory_keyring: MemoryKeyring) -> Iterator[Callable[..., Any]]:
    """``make_app(server_url, language="ru")`` → an AppController with its login window shown."""
    from annet_desktop.app import AppController

    made: list[Any] = []

    def make(server_url: str, language: str = "ru", **kwargs: Any) -> Any:
        controller = AppController(server_url=server_url, language=language, **kwargs)
        controller.messages.show_boxes = kwargs.pop("show_boxes", True)
        made.append(controller)
        dialog = controller.start()
        qtbot.addWidget(dialog)
        return controller

    yield make
    from annet_desktop import i18n

    i18n.install("ru")
    for controller in made:
        controller.messages.close_all()
        if controller.window is not None:
            controller.window.close()
        if controller.login_dialog is not None:
            controller.login_dialog.hide()
        controller.shutdown()
    # a dialog a test left open (a service window over the main window) would stay the active modal
    # widget of the process and swallow the next test's keys
    from PySide6.QtWidgets import QApplication

    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            widget.close()


@pytest.fixture
def logged_in(qtbot: Any, make_app: Callable[..., Any], server: Any) -> Callable[..., Any]:
    """``logged_in(case_tag)`` → (controller, window, demo account) after a real login, data loaded."""

    def go(case: str, language: str = "ru") -> tuple[Any, Any, Any]:
        demo = server.by_case(case)
        controller = make_app(server.url, language)
        window = login(qtbot, controller, demo.account, demo.password)
        wait_loaded(qtbot, controller)
        return controller, window, demo

    return go


@pytest.fixture
def fault_proxy(server: Any) -> Iterator[FaultProxy]:
    proxy = FaultProxy(server.url)
    try:
        yield proxy
    finally:
        proxy.close()


@pytest.fixture
def worker(qapp: Any) -> Iterator[Worker]:
    """A Worker aimed at a closed port (its jobs are plain functions: no server needed)."""
    w = Worker("http://127.0.0.1:9")
    try:
        yield w
    finally:
        w.stop()


@pytest.fixture
def watched(qtbot: Any, make_app: Callable[..., Any], server: Any) -> Callable[..., Any]:
    """``watched(case, available=True)`` → (controller, window, watch) after a login and the
    first background refresh; the tray is a :class:`TrayPort` that says whether a tray exists."""
    from annet_desktop.ui.tray import TrayPort

    def go(case: str, *, available: bool = True, password: bool = False) -> tuple[Any, Any, Any]:
        demo = server.by_case(case)
        controller = make_app(server.url)
        controller.make_tray_port = lambda parent: TrayPort(parent, available=available)
        if password:  # «Запомнить»: the password goes to the (in-memory) keyring at the login
            remember = controller.login_dialog.remember
            qtbot.waitUntil(remember.isEnabled, timeout=20000)
            remember.setChecked(True)
        window = login(qtbot, controller, demo.account, demo.password)
        qtbot.waitUntil(lambda: controller.watch is not None, timeout=20000)
        watch = controller.watch
        qtbot.waitUntil(lambda: watch.refresher.last is not None, timeout=20000)
        wait_loaded(qtbot, controller)
        return controller, window, watch

    return go
