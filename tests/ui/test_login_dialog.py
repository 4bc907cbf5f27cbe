"""Tests of the login window (R-LOGIN) against the real reference server."""

from __future__ import annotations

import socket
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication
from uihelpers import MemoryKeyring, login, plain_text, plain_titles

from annet_desktop.app import AppController
from annet_desktop.credentials import Credentials
from annet_desktop.domain.urls import ServerUrlError, check_server_url
from annet_desktop.settings import Settings
from annet_desktop.ui.messages import server_url_error_text


def _press(widget: Any, text: str, shift: bool = False) -> None:
    modifiers = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    key = Qt.Key.Key_A
    QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, key, modifiers, text))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_login_success_opens_the_cabinet(qtbot: Any, make_app: Callable[..., Any], server: Any) -> None:
    demo = server.by_case("internet-discount")
    controller = make_app(server.url)
    window = login(qtbot, controller, demo.account, demo.password)
    assert window.isVisible()
    assert controller.state.me is not None and controller.state.selected_account == demo.account
    assert plain_titles(window)[0] == "Абонент"
    assert Settings().last_account == demo.account


def test_wrong_password_says_access_denied_with_the_hint(
    qtbot: Any, make_app: Callable[..., Any], server: Any
) -> None:
    demo = server.by_case("internet-discount")
    controller = make_app(server.url)
    dialog = controller.login_dialog
    dialog.account.setText(demo.account)
    dialog.password.setText(demo.password + "x")
    dialog.accept_button.click()
    qtbot.waitUntil(lambda: dialog.error.isVisible() and not dialog.busy, timeout=20000)
    text = dialog.error.text()
    assert "Доступ запрещён" in text and "Caps Lock" in text and "раскладк" in text
    assert controller.window is None and dialog.isVisible()
    assert dialog.password.hasFocus() or dialog.password.selectedText() == dialog.password.text()


def test_unknown_account_gets_the_same_answer(qtbot: Any, make_app: Callable[..., Any], server: Any) -> None:
    controller = make_app(server.url)
    dialog = controller.login_dialog
    dialog.account.setText("99999999")
    dialog.password.setText("whatever1")
    dialog.accept_button.click()
    qtbot.waitUntil(lambda: dialog.error.isVisible() and not dialog.busy, timeout=20000)
    assert dialog.error.text().startswith("Доступ запрещён")


def test_account_field_takes_digits_only(qtbot: Any, make_app: Callable[..., Any]) -> None:
    controller = make_app("https://my.an-net.ru")
    dialog = controller.login_dialog
    dialog.account.clear()
    qtbot.keyClicks(dialog.account, "12a3-")
    _press(dialog.account, "б")  # QTest cannot type non-ASCII: send the key event directly
    qtbot.keyClicks(dialog.account, " 4")
    assert dialog.account.text() == "1234"


def test_empty_fields_are_not_sent(qtbot: Any, make_app: Callable[..., Any]) -> None:
    controller = make_app("https://my.an-net.ru")
    dialog = controller.login_dialog
    dialog.account.clear()
    dialog.accept_button.click()
    assert not dialog.busy and "Введите номер счёта и пароль" in dialog.error.text()


def test_throttling_says_when_to_retry(qtbot: Any, make_app: Callable[..., Any], server: Any) -> None:
    demo = server.by_case("internet-discount")
    controller = make_app(server.url)
    dialog = controller.login_dialog
    for _attempt in range(8):
        dialog.account.setText(demo.account)
        dialog.password.setText("wrong-password-1")
        dialog.accept_button.click()
        qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)
        if "Слишком много" in dialog.error.text():
            break
    text = dialog.error.text()
    assert "Слишком много неудачных попыток" in text
    assert "после " in text and ":" in text.split("после ", 1)[1]  # a time hh:mm
    # even the right password is refused while throttled, and the window says so again
    dialog.password.setText(demo.password)
    dialog.accept_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)
    assert "Слишком много" in dialog.error.text() and controller.window is None


def test_unreachable_server_names_the_address_and_offers_retry(
    qtbot: Any, make_app: Callable[..., Any], server: Any
) -> None:
    dead = f"http://127.0.0.1:{_free_port()}"
    controller = make_app(dead)
    dialog = controller.login_dialog
    dialog.account.setText("100001")
    dialog.password.setText("demo1234")
    dialog.accept_button.click()
    qtbot.waitUntil(lambda: dialog.error.isVisible() and not dialog.busy, timeout=30000)
    assert dead in dialog.error.text()
    assert dialog.retry.isVisible()
    # the server comes back at that address: «Повторить» logs in
    controller.worker.configure(server.url)
    demo = server.by_case("internet-discount")
    dialog.account.setText(demo.account)
    dialog.password.setText(demo.password)
    with qtbot.waitSignal(controller.loggedIn, timeout=20000):
        dialog.retry.click()


def test_remember_stores_in_keyring_and_fills_next_time(
    qtbot: Any, make_app: Callable[..., Any], server: Any, memory_keyring: MemoryKeyring
) -> None:
    demo = server.by_case("internet-discount")
    controller = make_app(server.url)
    dialog = controller.login_dialog
    qtbot.waitUntil(lambda: dialog._keyring_checked)
    assert dialog.remember.isEnabled()
    dialog.remember.setChecked(True)
    login(qtbot, controller, demo.account, demo.password)
    assert memory_keyring.store == {(Credentials.service(server.url), demo.account): demo.password}
    # nothing of the password in the settings file
    Settings().sync()
    assert demo.password not in Settings().path.read_text(encoding="utf-8")
    controller.logout()
    dialog = controller.login_dialog
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog._keyring_checked)
    assert dialog.account.text() == demo.account
    assert dialog.password.text() == demo.password and dialog.remember.isChecked()
    # unticking and logging in forgets it
    dialog.remember.setChecked(False)
    login(qtbot, controller, demo.account, demo.password)
    assert memory_keyring.store == {}


def test_no_keyring_backend_disables_remember(qtbot: Any, no_keyring: None, server: Any) -> None:
    controller = AppController(server_url=server.url, credentials=Credentials())
    try:
        dialog = controller.start()
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog._keyring_checked)
        assert not dialog.remember.isEnabled() and not dialog.remember.isChecked()
        assert "keyring" in dialog.remember.toolTip()
        demo = server.by_case("internet-discount")
        login(qtbot, controller, demo.account, demo.password)  # logging in still works
    finally:
        controller.shutdown()


def test_password_show_hide_toggle(qtbot: Any, make_app: Callable[..., Any]) -> None:
    dialog = make_app("https://my.an-net.ru").login_dialog
    from PySide6.QtWidgets import QLineEdit

    assert dialog.password.echoMode() == QLineEdit.EchoMode.Password
    dialog.show_password.click()
    assert dialog.password.echoMode() == QLineEdit.EchoMode.Normal
    assert plain_text(dialog.show_password) == "Скрыть"
    dialog.show_password.click()
    assert dialog.password.echoMode() == QLineEdit.EchoMode.Password


def test_caps_lock_and_russian_layout_warnings(qtbot: Any, make_app: Callable[..., Any]) -> None:
    dialog = make_app("https://my.an-net.ru").login_dialog
    _press(dialog.password, "A")  # a capital without Shift: Caps Lock is on
    assert "Caps Lock" in dialog.warning.text() and not dialog.warning.isHidden()
    _press(dialog.password, "a")  # a small letter without Shift: it is off again
    assert "Caps Lock" not in dialog.warning.text()
    _press(dialog.password, "a", shift=True)  # small with Shift: on
    assert "Caps Lock" in dialog.warning.text()
    _press(dialog.password, "ф")  # a Cyrillic letter: Russian layout
    assert "русская раскладка" in dialog.warning.text()
    _press(dialog.password, "f")  # a Latin letter: the warning goes unless the platform itself says Russian
    platform_says_russian = QGuiApplication.inputMethod().locale().language() == QLocale.Language.Russian
    assert ("русская раскладка" in dialog.warning.text()) == platform_says_russian
    assert dialog.warning.isHidden() != platform_says_russian


def test_demo_accounts_are_offered(qtbot: Any, server: Any, make_app: Callable[..., Any]) -> None:
    controller = make_app(server.url)
    dialog = controller.login_dialog
    dialog.set_demo_accounts(server.accounts)
    assert dialog.demo_combo.isVisibleTo(dialog)
    assert dialog.demo_combo.count() == len(server.accounts) + 1
    demo = server.by_case("multi-account")
    dialog.choose_demo(demo.account)
    assert dialog.account.text() == demo.account and dialog.password.text() == demo.password
    with qtbot.waitSignal(controller.loggedIn, timeout=20000):
        dialog.accept_button.click()


@pytest.mark.parametrize(
    "url",
    ["http://my.an-net.ru", "http://10.0.0.1:8000", "ftp://my.an-net.ru", "my.an-net.ru", "https://u:p@host"],
)
def test_plain_http_refused_except_loopback(url: str) -> None:
    with pytest.raises(ServerUrlError) as info:
        check_server_url(url)
    assert str(info.value)


@pytest.mark.parametrize(
    "url", ["https://my.an-net.ru/", "http://127.0.0.1:8000", "http://localhost:1", "http://[::1]:5000"]
)
def test_https_and_loopback_accepted(url: str) -> None:
    assert check_server_url(url) == url.rstrip("/")


def test_refused_url_blocks_the_login_form(qtbot: Any, make_app: Callable[..., Any]) -> None:
    controller = make_app("http://my.an-net.ru")
    dialog = controller.login_dialog
    assert not dialog.accept_button.isEnabled()
    assert "http://" in dialog.error.text() and "my.an-net.ru" in dialog.error.text()


def test_every_widget_of_the_login_window_is_named(qtbot: Any, make_app: Callable[..., Any]) -> None:
    from annet_desktop.ui.widgets.naming import unnamed_widgets

    dialog = make_app("https://my.an-net.ru").login_dialog
    assert unnamed_widgets(dialog) == []


def test_a_refused_address_can_be_fixed_in_the_settings(
    qtbot: Any, make_app: Callable[..., Any], server: Any
) -> None:
    controller = make_app("http://my.an-net.ru")
    dialog = controller.login_dialog
    assert not dialog.accept_button.isEnabled()
    settings = dialog.open_settings()
    qtbot.addWidget(settings)
    settings.server.setText(server.url)
    settings.save_button.click()
    assert controller.worker.base_url == server.url and dialog.accept_button.isEnabled()
    assert server.url in dialog.server_label.text()
    demo = server.by_case("internet-discount")
    login(qtbot, controller, demo.account, demo.password)
    assert controller.window.settings_button.isVisible()


@pytest.mark.parametrize(
    "url", ["https://anna:s3cretPW@my.an-net.ru", "ftp://anna:s3cretPW@host", "https://host/?token=s3cretPW"]
)
def test_refused_url_message_never_shows_the_secret(url: str) -> None:
    with pytest.raises(ServerUrlError) as info:
        check_server_url(url)
    shown = server_url_error_text(info.value)  # what the login and settings windows show
    assert shown and "s3cretPW" not in shown and "anna" not in shown
    assert "s3cretPW" not in str(info.value) and "anna" not in str(info.value)


def test_the_keyring_is_looked_up_off_the_gui_thread(
    qtbot: Any, make_app: Callable[..., Any], server: Any, memory_keyring: MemoryKeyring
) -> None:
    """Loading keyring and finding its backend takes a tenth of a second or more: not on the GUI thread."""
    import threading

    class Recording(Credentials):
        probed_in: threading.Thread | None = None

        def probe(self) -> None:
            self.probed_in = threading.current_thread()
            super().probe()

    credentials = Recording()
    controller = make_app(server.url, credentials=credentials)
    dialog = controller.login_dialog
    qtbot.waitUntil(lambda: dialog._keyring_checked)
    assert credentials.probed_in is not None and credentials.probed_in is not threading.main_thread()
    assert dialog.remember.isEnabled()


def test_a_failing_keyring_probe_leaves_remember_off(
    qtbot: Any, make_app: Callable[..., Any], server: Any
) -> None:
    class Broken(Credentials):
        def probe(self) -> None:
            raise OSError("D-Bus went away")

        @property
        def available(self) -> bool:
            return False

    controller = make_app(server.url, credentials=Broken())
    dialog = controller.login_dialog
    qtbot.waitUntil(lambda: dialog._keyring_checked)
    assert not dialog.remember.isEnabled() and not dialog.remember.isChecked()
    demo = server.by_case("internet-discount")
    login(qtbot, controller, demo.account, demo.password)  # logging in still works


def test_closing_the_login_window_while_keyring_loads_is_safe(
    qtbot: Any, make_app: Callable[..., Any], server: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The probing thread may outlive the window: it must not touch any Qt object (it once emitted a
    signal of an object the window owned, which crashed the process when the window went first)."""
    import threading

    import shiboken6

    release = threading.Event()
    started = threading.Event()
    errors: list[BaseException] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: errors.append(args.exc_value))

    class Slow(Credentials):
        def probe(self) -> None:
            started.set()
            release.wait(30)
            super().probe()

    controller = make_app(server.url, credentials=Slow())
    dialog = controller.login_dialog
    qtbot.waitUntil(started.is_set)
    controller.login_dialog = None
    shiboken6.delete(dialog)  # the window and everything it owns are gone now
    release.set()
    prober = next(t for t in threading.enumerate() if t.name == "annet-keyring-probe")
    prober.join(30)
    qtbot.wait(100)  # let any queued call arrive (there must be none that reaches a deleted object)
    assert not prober.is_alive() and errors == []


def test_a_login_before_keyring_has_loaded_does_not_wait_for_it(
    qtbot: Any, make_app: Callable[..., Any], server: Any, memory_keyring: MemoryKeyring
) -> None:
    """«Запомнить» is off until the keyring thread is done, so a quick login never blocks the window
    on a slow keyring (a D-Bus service that takes its time)."""
    import threading

    release = threading.Event()
    started = threading.Event()

    class Slow(Credentials):
        def probe(self) -> None:
            started.set()
            release.wait(60)
            super().probe()

    controller = make_app(server.url, credentials=Slow())
    dialog = controller.login_dialog
    try:
        qtbot.waitUntil(started.is_set)
        assert not dialog.remember.isEnabled() and not dialog._keyring_checked
        demo = server.by_case("internet-discount")
        login(qtbot, controller, demo.account, demo.password)  # would wait for the keyring otherwise
        assert controller.window is not None and memory_keyring.store == {}
    finally:
        release.set()
