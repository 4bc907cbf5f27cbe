"""Tests of annet_desktop.app: the --demo start (in-process server, demo accounts to pick from)."""

from __future__ import annotations

from typing import Any

import pytest
from uihelpers import MemoryKeyring, wait_loaded

from annet_desktop.app import AppController, parse_args


def test_parse_args() -> None:
    args = parse_args(["--demo", "--lang", "en"])
    assert args.demo and args.lang == "en" and args.server is None
    assert parse_args(["--server", "https://x.example"]).server == "https://x.example"


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
        dialog.choose_demo(expected[0])
        with qtbot.waitSignal(controller.loggedIn, timeout=20000):
            dialog.accept_button.click()
        wait_loaded(qtbot, controller)
        assert controller.state.account() is not None
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
