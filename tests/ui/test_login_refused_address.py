"""Issue 13 (1): the password never goes to a refused server address.

A plain ``http://`` address of another machine is refused (:mod:`annet_desktop.domain.urls`);
the worker is never pointed at it, and neither «Принять», Enter in the password field nor
«Повторить» sends anything while it is the address in the settings.
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt

REFUSED = "http://my.an-net.ru"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _fill(dialog: Any) -> None:
    dialog.account.setText("100001")
    dialog.password.setText("s3cret-pass")


def test_the_worker_is_never_pointed_at_a_refused_address(qtbot: Any, make_app: Callable[..., Any]) -> None:
    controller = make_app(REFUSED)
    dialog = controller.login_dialog
    assert controller.worker.base_url == ""
    assert REFUSED in dialog.server_label.text()  # still shown, with why
    assert "http://" in dialog.error.text() and not dialog.accept_button.isEnabled()


def test_enter_in_the_password_field_sends_nothing_to_a_refused_address(
    qtbot: Any, make_app: Callable[..., Any]
) -> None:
    controller = make_app(REFUSED)
    dialog = controller.login_dialog
    refusal = dialog.error.text()
    _fill(dialog)
    dialog.password.setFocus()
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    dialog.submit()  # and called directly, as the Enter key and «Повторить» do
    assert not dialog.busy and not controller.worker.busy
    assert dialog.error.text() == refusal and not dialog.accept_button.isEnabled()
    assert controller.window is None


def test_retry_sends_nothing_once_the_address_is_refused(
    qtbot: Any, make_app: Callable[..., Any], server: Any
) -> None:
    """«Повторить» after a failed login, then a refused address in the settings (the settings
    window refuses to save one; the file can still hold one): the button goes, and even a click
    that still arrives sends nothing."""
    dead = f"http://127.0.0.1:{_free_port()}"
    controller = make_app(dead)
    dialog = controller.login_dialog
    _fill(dialog)
    dialog.accept_button.click()
    qtbot.waitUntil(lambda: dialog.retry.isVisible() and not dialog.busy, timeout=30000)
    controller.settings.set("server/url", REFUSED)
    dialog.settingsSaved.emit(["server/url"])
    assert controller.worker.base_url == dead  # the refused one is never taken
    assert not dialog.retry.isVisible() and not dialog.accept_button.isEnabled()
    dialog.retry.click()
    assert not dialog.busy and not controller.worker.busy
    assert "http://" in dialog.error.text()
    # an accepted address again: the form works
    settings = dialog.open_settings()
    qtbot.addWidget(settings)
    settings.server.setText(server.url)
    settings.save_button.click()
    assert dialog.accept_button.isEnabled()
    demo = server.by_case("internet-discount")
    dialog.account.setText(demo.account)
    dialog.password.setText(demo.password)
    with qtbot.waitSignal(controller.loggedIn, timeout=20000):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)


def test_a_failed_login_does_not_enable_the_button_for_a_refused_address(
    qtbot: Any, make_app: Callable[..., Any]
) -> None:
    """A login that was already on its way when the address became refused: its failure leaves
    «Принять» off (it used to switch the button back on)."""
    dead = f"http://127.0.0.1:{_free_port()}"
    controller = make_app(dead)
    dialog = controller.login_dialog
    _fill(dialog)
    dialog.accept_button.click()
    assert dialog.busy
    dialog.set_server(REFUSED, "refused")
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30000)
    assert not dialog.accept_button.isEnabled()
