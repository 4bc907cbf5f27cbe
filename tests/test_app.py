"""Tests of annet_desktop.app: the --demo start (in-process server, demo accounts to pick from)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from uihelpers import MemoryKeyring, wait_loaded

from annet_desktop.app import AppController
from annet_desktop.command_line import parse_args
from annet_desktop.demo_start import demo_template_dir


def test_parse_args() -> None:
    args = parse_args(["--demo", "--lang", "en"])
    assert args.demo and args.lang == "en" and args.server is None
    assert parse_args(["--server", "https://x.example"]).server == "https://x.example"


def test_no_arguments_give_the_parsers_own_defaults_without_building_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The desktop entry's start (no arguments) skips argparse; it must answer as argparse would,
    for every option (one added to the parser but not to DEFAULTS makes the two differ)."""
    import argparse

    from annet_desktop import command_line

    parsed = command_line._parser().parse_args([])
    monkeypatch.setattr(argparse, "ArgumentParser", None)  # building a parser now raises
    assert parse_args([]) == parsed
    monkeypatch.setattr(sys, "argv", ["annet-desktop"])
    assert parse_args() == parsed


def test_the_demo_keeps_its_template_in_the_users_cache_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert demo_template_dir() == tmp_path / "cache" / "demo"  # $ANNET_DESKTOP_CACHE_DIR (conftest)
    if sys.platform.startswith("linux"):
        monkeypatch.delenv("ANNET_DESKTOP_CACHE_DIR")
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
        assert demo_template_dir() == tmp_path / "xdg" / "annet-desktop" / "demo"


def test_the_demo_login_window_is_sized_for_its_waiting_notice(
    qtbot: Any, memory_keyring: MemoryKeyring
) -> None:
    """«Запускается демонстрационный сервер…» is set before the window is shown: shown after it,
    the notice squeezed the wrapped texts below it until the server answered."""
    from annet_desktop.ui.widgets.fit import clipped_texts

    controller = AppController(demo=True)
    try:
        dialog = controller.start()
        qtbot.addWidget(dialog)
        qtbot.waitExposed(dialog)
        assert dialog.warning.isVisible() and "демонстрационный сервер" in dialog.warning.text()
        assert clipped_texts(dialog) == []
    finally:
        controller.shutdown()


def test_demo_starts_a_server_and_lists_its_accounts(qtbot: Any, memory_keyring: MemoryKeyring) -> None:
    from annet_server.seed import demo_accounts

    controller = AppController(demo=True)
    try:
        dialog = controller.start()
        qtbot.addWidget(dialog)
        assert not dialog.accept_button.isEnabled() and "демонстрационный сервер" in dialog.warning.text()
        with qtbot.waitSignal(controller.demoReady, timeout=120000):
            pass
        url = controller.worker.base_url
        assert url.startswith("http://127.0.0.1:")
        assert dialog.accept_button.isEnabled() and url in dialog.server_label.text()
        expected = [d.account for d in demo_accounts()]
        listed = [dialog.demo_combo.itemData(i) for i in range(1, dialog.demo_combo.count())]
        assert listed == expected
        # demo passwords are public and the port changes every run: nothing goes to the keyring
        qtbot.waitUntil(lambda: dialog._keyring_checked)
        assert not dialog.remember.isEnabled() and "демонстрационном режиме" in dialog.remember.toolTip()
        dialog.choose_demo(expected[0])
        with qtbot.waitSignal(controller.loggedIn, timeout=20000):
            dialog.accept_button.click()
        wait_loaded(qtbot, controller)
        assert controller.state.account() is not None
        assert memory_keyring.store == {}
        # after «Выход» the list is offered again
        controller.logout()
        assert (
            controller.login_dialog is not None
            and controller.login_dialog.demo_combo.count() == len(expected) + 1
        )
        controller.login_dialog.hide()
    finally:
        if controller.window is not None:
            controller.window.close()
        controller.shutdown()
    assert controller.demo_server is None


def test_a_demo_server_that_fails_to_start_is_a_message_in_the_login_window(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The child fails (ANNET_DEMO_SERVER_FAULT, read by annet_server.demo_process): the login
    window says so, the app goes on, no process is left, and its traceback is only in the log."""
    monkeypatch.setenv("ANNET_DEMO_SERVER_FAULT", "start")
    controller = AppController(demo=True)
    try:
        dialog = controller.start()
        qtbot.addWidget(dialog)
        process = controller._demo_process
        assert process is not None and process.pid is not None
        with qtbot.waitSignal(controller.demoReady, timeout=60000) as ready:
            pass
        assert ready.args[0] is None and controller.demo_server is None
        assert dialog.error.isVisible()
        text = dialog.error.text()
        assert "Не удалось запустить демонстрационный сервер" in text and "RuntimeError" in text
        assert "ANNET_DEMO_SERVER_FAULT" not in text  # the exception's message stays in the log
        assert any("ANNET_DEMO_SERVER_FAULT" in r.getMessage() for r in caplog.records)
        assert not process.running and controller._demo_process is None
        assert dialog.isVisible() and not dialog.busy
    finally:
        controller.shutdown()


def test_closing_the_app_ends_the_session_on_the_server(qtbot: Any, logged_in: Any, server: Any) -> None:
    from annet_desktop.api import errors

    controller, _window, _demo = logged_in("internet-discount")
    token = controller.worker.client.token
    assert token
    controller.shutdown()
    probe = server.client()
    probe.token = token
    with pytest.raises(errors.SessionExpired):
        probe.me()


def _settings_server(url: str) -> None:
    from annet_desktop.settings import Settings

    settings = Settings()
    settings.set("server/url", url)
    settings.sync()


def test_a_server_address_saved_during_the_session_applies_after_logout(
    qtbot: Any, make_app: Any, server: Any
) -> None:
    """Settings say «Адрес сервера действует со следующего входа»: the logout still goes to the old
    server (the session ends there), the next login to the new one."""
    from uihelpers import login

    from annet_desktop.api import errors
    from annet_server.embedded import start_server

    demo = server.by_case("internet-discount")
    _settings_server(server.url)
    controller = make_app(None)  # the address from the settings, not from --server
    login(qtbot, controller, demo.account, demo.password)
    token = controller.worker.client.token
    second = start_server(server.db_url, server.clock)  # the same data behind another address
    try:
        controller.settings.set("server/url", second.url + "/")
        controller.logout()
        dialog = controller.login_dialog
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: controller.worker.base_url == second.url, timeout=20000)
        assert dialog.accept_button.isEnabled() and second.url in dialog.server_label.text()
        assert not dialog.warning.isVisible()
        probe = server.client()
        probe.token = token
        with pytest.raises(errors.SessionExpired):  # ended by the logout sent to the old address
            probe.me()
        login(qtbot, controller, demo.account, demo.password)
        assert controller.messages.server_url == second.url
    finally:
        if controller.window is not None:
            controller.window.close()
        controller.shutdown()
        second.stop()


def test_a_refused_server_address_from_the_settings_blocks_the_next_login(
    qtbot: Any, make_app: Any, server: Any
) -> None:
    from uihelpers import login

    demo = server.by_case("internet-discount")
    _settings_server(server.url)
    controller = make_app(None)
    login(qtbot, controller, demo.account, demo.password)
    controller.settings.set("server/url", "http://cabinet.example.ru")
    controller.logout()
    dialog = controller.login_dialog
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: controller.url_error is not None, timeout=20000)
    assert not dialog.accept_button.isEnabled()
    assert "http://" in dialog.error.text() and "https://" in dialog.error.text()
    assert controller.worker.base_url == server.url  # nothing is sent to the refused address


def test_server_given_on_the_command_line_wins_over_the_settings(
    qtbot: Any, make_app: Any, server: Any
) -> None:
    from uihelpers import login

    demo = server.by_case("internet-discount")
    controller = make_app(server.url)
    login(qtbot, controller, demo.account, demo.password)
    controller.settings.set("server/url", "https://other.example.ru")
    controller.logout()
    assert controller.worker.base_url == server.url
    assert controller.login_dialog.accept_button.isEnabled()
    controller.login_dialog.hide()


def test_the_application_icon_has_every_size() -> None:
    from annet_desktop.ui.after_paint import application_icon

    sizes = {s.width() for s in application_icon().availableSizes()}
    assert {16, 24, 32, 48, 64, 128, 256} <= sizes


def test_a_logout_that_never_answers_does_not_hold_the_login_form(
    qtbot: Any, make_app: Any, server: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QObject, Signal

    import annet_desktop.app as app_module

    class Silent(QObject):  # a logout reply that never comes
        finished = Signal(object)
        failed = Signal(object)

        def then(self, *_callbacks: Any) -> None:
            return None  # never answers

    monkeypatch.setattr(app_module, "LOGOUT_WAIT_MS", 50)
    _settings_server(server.url)
    controller = make_app(None)
    dialog = controller.login_dialog
    controller.settings.set("server/url", "https://other.example.ru")
    silent = Silent()
    controller._switch_server_after(silent, dialog)
    assert not dialog.accept_button.isEnabled()  # waiting for the logout on the old server
    qtbot.waitUntil(lambda: controller.worker.base_url == "https://other.example.ru", timeout=10000)
    assert dialog.accept_button.isEnabled() and "other.example.ru" in dialog.server_label.text()
