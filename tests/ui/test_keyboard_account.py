"""Issue 15.4 without a mouse: «Абонент», «Счёт» and «Пароль» by key presses only (real server).

One login for the module (``keyboard_session``): the tabs by Alt+mnemonic, the contact dialogs
(Enter saves, Escape changes nothing), «Оплатить» (Escape; Enter goes on to the bank's page),
«Получить кредит» (Escape, then Enter takes it), the password form (Tab between the fields, Enter
in the last one changes it), «Сеанс завершён» (Escape gives up, Enter logs in again) and «Выход» (the
module's last test: it ends the session).
"""

from __future__ import annotations

from typing import Any

import test_payment_helpers  # noqa: F401  (Qt WebEngine's offscreen setup, before it loads: the bank's page)
from keyboard_session import (
    KEYBOARD_QT_LOG,
    TIMEOUT,
    active,
    alt,
    closed,
    dialog_named,
    press,
    session,
    tab_to,
)
from PySide6.QtWidgets import QApplication
from uihelpers import wait_loaded

keyboard_app = session("credit-available")
pytestmark = KEYBOARD_QT_LOG


def _tab(qtbot: Any, window: Any, tab: Any) -> None:
    index = window.tabs.indexOf(tab)
    from annet_desktop.ui.widgets.mnemonics import mnemonic

    press(qtbot, window, "Alt+" + mnemonic(window.tabs.tabText(index)).upper())
    assert window.tabs.currentWidget() is tab


def test_contacts_enter_saves_and_escape_changes_nothing(qtbot: Any, keyboard_app: Any) -> None:
    app = keyboard_app
    window, client = app.window, app.server.client(app.demo)
    _tab(qtbot, window, window.subscriber)
    before = client.me()
    alt(qtbot, window, window.subscriber.email_button)
    dialog = dialog_named(qtbot, "contacts_email_dialog")
    assert QApplication.focusWidget() is dialog.edit  # typing starts at once
    press(qtbot, dialog, "Ctrl+A")
    qtbot.keyClicks(QApplication.focusWidget(), "ivanov@mail.ru")
    press(qtbot, dialog, "Escape")
    closed(qtbot, dialog)
    assert client.me().email == before.email
    alt(qtbot, window, window.subscriber.sms_button)
    dialog = dialog_named(qtbot, "contacts_sms_dialog")
    alt(qtbot, dialog, dialog.clear_button)  # «Очистить», then the number typed anew
    qtbot.waitUntil(lambda: dialog.edit.text() == "", timeout=TIMEOUT)
    qtbot.keyClicks(QApplication.focusWidget(), "9101234567")
    press(qtbot, dialog, "Return")
    closed(qtbot, dialog)
    wait_loaded(qtbot, app.controller)
    assert client.me().sms_phone == "9101234567"


def test_pay_opens_by_ctrl_p_and_alt_o_and_escape_closes(qtbot: Any, keyboard_app: Any) -> None:
    window = keyboard_app.window
    _tab(qtbot, window, window.account)
    for keys in ("Ctrl+P", "Alt+О"):
        press(qtbot, window, keys)
        dialog = dialog_named(qtbot, "payment_dialog")
        assert dialog.number == keyboard_app.controller.state.selected_account
        assert dialog.continue_button.isDefault()  # Enter goes on to the bank's page
        press(qtbot, dialog, "Escape")
        closed(qtbot, dialog)
    press(qtbot, window, "Ctrl+P")
    dialog = dialog_named(qtbot, "payment_dialog")
    with qtbot.waitSignal(dialog.orderCreated, timeout=TIMEOUT):  # Enter: «Продолжить»
        press(qtbot, dialog, "Return")
    press(qtbot, dialog, "Escape")  # the bank's page left unpaid
    closed(qtbot, dialog)


def test_credit_escape_cancels_then_enter_takes_it(qtbot: Any, keyboard_app: Any) -> None:
    app = keyboard_app
    window, client = app.window, app.server.client(app.demo)
    number = app.controller.state.selected_account
    _tab(qtbot, window, window.account)
    assert window.account.credit_button.isVisible()
    alt(qtbot, window, window.account.credit_button)
    dialog = dialog_named(qtbot, "credit_dialog")
    press(qtbot, dialog, "Escape")
    closed(qtbot, dialog)
    assert not client.account(number).credit.in_force
    alt(qtbot, window, window.account.credit_button)
    dialog = dialog_named(qtbot, "credit_dialog")
    with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT):
        press(qtbot, dialog, "Return")
    wait_loaded(qtbot, app.controller)
    assert client.account(number).credit.in_force


def test_relogin_escape_gives_up_enter_logs_in_again(qtbot: Any, keyboard_app: Any) -> None:
    """«Сеанс завершён» (made as the controller makes it when a session expires): the focus is in
    the password field; Escape gives up (the controller then logs out), Enter logs in again."""
    from annet_desktop.ui.relogin import ReloginDialog

    app = keyboard_app
    for keys in ("Escape", "Return"):
        dialog = ReloginDialog(app.controller.worker, app.demo.account, "", app.window)
        dialog.open()
        active(qtbot, dialog)
        assert QApplication.focusWidget() is dialog.password
        qtbot.keyClicks(dialog.password, app.demo.password)
        signal = dialog.gaveUp if keys == "Escape" else dialog.relogged
        with qtbot.waitSignal(signal, timeout=TIMEOUT):
            press(qtbot, dialog, keys)
        closed(qtbot, dialog)
        dialog.deleteLater()


def test_password_by_tab_and_enter(qtbot: Any, keyboard_app: Any) -> None:
    app = keyboard_app
    window = app.window
    tab = window.password
    _tab(qtbot, window, tab)
    press(qtbot, window, "Alt+Е")  # «Т&екущий пароль:» moves the focus to its field
    assert QApplication.focusWidget() is tab.current
    qtbot.keyClicks(tab.current, app.demo.password)
    tab_to(qtbot, window, tab.new)
    qtbot.keyClicks(tab.new, "Nov1yParol")
    tab_to(qtbot, window, tab.confirm)
    qtbot.keyClicks(tab.confirm, "Nov1yParol")
    changed = window.actions.password.changed
    press(qtbot, window, "Return")
    qtbot.waitUntil(lambda: window.actions.password.changed == changed + 1, timeout=TIMEOUT)
    app.server.client().login(app.demo.account, "Nov1yParol")  # the new password works


def test_logout_by_its_letter(qtbot: Any, keyboard_app: Any) -> None:
    window = keyboard_app.window
    with qtbot.waitSignal(window.logoutRequested, timeout=TIMEOUT):
        alt(qtbot, window, window.logout_button)
    login = keyboard_app.controller.login_dialog
    qtbot.waitUntil(lambda: login is not None and login.isVisible(), timeout=TIMEOUT)
