"""The menu bar and its shortcuts (issue 15 item 3): «Кабинет», «Справка», «О программе», the login hint."""

from __future__ import annotations

from importlib import metadata
from typing import Any

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QMenu
from uihelpers import press_key

from annet_desktop import __version__, licences
from annet_desktop.ui import menus as menus_module

MANUAL_LINKS = [
    "http://wiki.an-net.ru/doku.php?id=онлайн_оплата_услуг",
    "http://an-net.ru/payment",
    "http://an-net.ru/include/annet_programma_loyalnosti.pdf",
    "http://an-net.ru/include/IPTVPORTAL_manual.pdf",
]


def _texts(menu: QMenu) -> list[str]:
    return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]


def _dialog(window: Any, name: str) -> Any:
    return window.findChild(QDialog, name)


def test_the_menus_their_shortcuts_and_help_links(qtbot: Any, logged_in: Any) -> None:
    controller, window, _demo = logged_in("internet-discount")
    controller.messages.show_boxes = False
    menus = window.menus
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles == ["Кабинет", "Абоненты", "Справка"]  # «Абоненты» added before «Справка»
    assert _texts(menus.cabinet) == [
        "Обновить", "Оплатить…", "Экспортировать звонки…", "Настройки…", "Выйти из кабинета", "Закрыть",
    ]  # fmt: skip
    assert menus.cabinet.actions()[0] is window.refresh_action  # one refresh action, not two
    f5 = [a for a in window.findChildren(QAction) if a.shortcut() == QKeySequence(Qt.Key.Key_F5)]
    assert f5 == [window.refresh_action]
    shortcuts = {a.objectName(): a.shortcut().toString() for a in menus.cabinet.actions()}
    assert shortcuts["menu_pay"] == "Ctrl+P" and shortcuts["menu_export_calls"] == "Ctrl+E"
    assert shortcuts["menu_close"] == "Ctrl+Q"
    assert menus.settings.shortcuts() == menus_module.preferences_keys()
    assert menus.settings.shortcut().toString() == "Ctrl+,"  # Linux has no Preferences key: the fallback

    opened: list[str] = []
    menus.opener = lambda url: opened.append(url.toString())
    for action in [*menus.links, menus.support]:
        action.trigger()
    assert opened == [*MANUAL_LINKS, "mailto:my@an-net.ru"]
    assert _texts(menus.help)[-2:] == ["О программе", "О Qt"]
    shown: list[Any] = []
    menus.about_qt_box = shown.append
    menus.about_qt.trigger()
    assert shown == [window]

    extra = QMenu("Ещё", window)  # a menu added later goes before «Справка», as «Абоненты» did
    window.add_menu(extra)
    assert [a.text().replace("&", "") for a in window.menuBar().actions()] == [
        "Кабинет",
        "Абоненты",
        "Ещё",
        "Справка",
    ]

    press_key(qtbot, window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _dialog(window, "payment_dialog") is not None)
    payment = _dialog(window, "payment_dialog")
    assert payment.number == window.ctx.state.selected_account
    payment.close()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)

    press_key(qtbot, window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert "телефонии" in controller.messages.last().text  # this subscriber has no telephony

    press_key(qtbot, window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _dialog(window, "settings_dialog") is not None)
    _dialog(window, "settings_dialog").close()

    with qtbot.waitSignal(window.logoutRequested, timeout=5000):
        menus.logout.trigger()


def test_ctrl_e_opens_the_calls_export_and_ctrl_q_closes(qtbot: Any, logged_in: Any) -> None:
    _controller, window, _demo = logged_in("telephony")
    started: list[bool] = []
    window.calls.export.start = lambda: started.append(True)
    qtbot.waitUntil(lambda: window.calls is not None)
    press_key(qtbot, window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert window.current_tab() is window.calls
    qtbot.waitUntil(lambda: window.calls.export_button.isEnabled(), timeout=20000)
    press_key(qtbot, window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert started == [True]
    press_key(qtbot, window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible())


def test_about_box_lists_every_shipped_library_from_metadata(qtbot: Any, logged_in: Any) -> None:
    _controller, window, _demo = logged_in("internet-discount")
    about = window.menus.show_about()
    assert __version__ in about.version.text() and "сборка" in about.version.text()
    assert "LGPL" in about.notice.text() and metadata.version("PySide6") in about.notice.text()
    names = {canonicalize_name(lib.name) for lib in about.libraries}
    required = {
        canonicalize_name(r.name)
        for r in map(Requirement, metadata.requires("annet-desktop") or [])
        if r.marker is None or r.marker.evaluate({"extra": "server"})
    } - {"annet-desktop"}
    assert required <= names, required - names
    assert {"shiboken6", "pyside6-essentials", "pydantic-core", "starlette"} <= names  # and what they need
    assert not names & {
        "pytest",
        "mypy",
        "pyinstaller",
        "psycopg",
    }  # test and PostgreSQL extras are not shipped
    pyside = next(lib for lib in about.libraries if lib.name == "PySide6")
    assert pyside.version == metadata.version("PySide6") and "LGPL-3.0" in pyside.licence
    text = about.table.toPlainText()
    for lib in about.libraries:
        assert lib.name in text and lib.licence in text
    assert licences.licence_of(metadata.distribution("segno")) == "BSD License"  # from the classifier
    about.close()


def test_login_window_says_a_lost_password_is_restored_at_an_office(
    qtbot: Any, make_app: Any, server: Any
) -> None:
    controller = make_app(server.url)
    hint = controller.login_dialog.lost_password
    assert hint.isVisibleTo(controller.login_dialog)
    assert "офис обслуживания" in hint.text() and "дубликат Памятки абонента" in hint.text()
