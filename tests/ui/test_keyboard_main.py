"""Issue 15.4 without a mouse: the main window's tabs, F5, the settings, «Звонки» and Ctrl+Q (one login).

Every tab by its Alt+letter and by Ctrl+Tab; F5 reloads the tab shown; the settings by the
Preferences shortcut and by «Настройки…» (Alt+letter): Escape changes nothing, Enter saves; the
month picker by Alt+«Месяц» and the arrows; the export by Alt+«Экспортировать» and by Ctrl+E (the
file dialog is the system's: the test answers it); «О программе» from «Справка» by Alt+letter and
the arrows, Escape closes it; Ctrl+Q closes the window (the module's last test).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from keyboard_session import KEYBOARD_QT_LOG, TIMEOUT, alt, closed, dialog_named, press, session
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog

from annet_desktop.ui.menus import preferences_keys
from annet_desktop.ui.widgets.mnemonics import mnemonic

keyboard_app = session("telephony")
pytestmark = KEYBOARD_QT_LOG
LOAD_MS = 90_000


def test_every_tab_by_its_letter_and_by_ctrl_tab(qtbot: Any, keyboard_app: Any) -> None:
    window = keyboard_app.window
    tabs = window.tabs
    assert window.calls is not None and tabs.count() == 7
    for index in reversed(range(tabs.count())):
        press(qtbot, window, "Alt+" + mnemonic(tabs.tabText(index)).upper())
        assert tabs.currentIndex() == index, tabs.tabText(index)
    for index in range(1, tabs.count()):
        press(qtbot, window, "Ctrl+Tab")
        assert tabs.currentIndex() == index
    press(qtbot, window, "Ctrl+Shift+Tab")
    assert tabs.currentIndex() == tabs.count() - 2


def test_f5_reloads_the_tab_shown(qtbot: Any, keyboard_app: Any) -> None:
    window, state = keyboard_app.window, keyboard_app.controller.state
    press(qtbot, window, "Alt+" + mnemonic(window.tabs.tabText(window.tabs.indexOf(window.account))).upper())
    with qtbot.waitSignal(
        state.loadStarted, timeout=TIMEOUT, check_params_cb=lambda part, _n: part == "account"
    ):
        press(qtbot, window, "F5")
    qtbot.waitUntil(lambda: not keyboard_app.controller.worker.busy, timeout=TIMEOUT)


def test_settings_escape_changes_nothing_enter_saves(qtbot: Any, keyboard_app: Any) -> None:
    window, settings = keyboard_app.window, keyboard_app.controller.settings
    before = int(settings.get("refresh/minutes"))
    wanted = before + 7
    for open_keys, close_keys in ((preferences_keys()[0].toString(), "Escape"), (None, "Return")):
        if open_keys is None:
            alt(qtbot, window, window.settings_button)  # «Настройки…» beside the tabs
        else:
            press(qtbot, window, open_keys)
        dialog = dialog_named(qtbot, "settings_dialog")
        press(qtbot, dialog, "Alt+Д")  # «Обновлять &данные в фоне, минут»
        assert QApplication.focusWidget() is dialog.watch.minutes
        press(qtbot, dialog, "Ctrl+A")
        qtbot.keyClicks(QApplication.focusWidget(), str(wanted))
        press(qtbot, dialog, close_keys)
        closed(qtbot, dialog)
        expected = before if close_keys == "Escape" else wanted
        assert int(settings.get("refresh/minutes")) == expected


def test_month_picker_and_export_by_keys(
    qtbot: Any, keyboard_app: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window = keyboard_app.window
    tab = window.calls
    press(qtbot, window, "Alt+" + mnemonic(window.tabs.tabText(window.tabs.indexOf(tab))).upper())
    qtbot.waitUntil(lambda: tab.complete, timeout=LOAD_MS)
    alt(qtbot, window, tab.month_picker.month_caption)
    assert QApplication.focusWidget() is tab.month_combo and tab.month_combo.count() > 1
    shown = tab.month_picker.selected()
    press(qtbot, window, "Up" if tab.month_combo.currentIndex() > 0 else "Down")
    assert tab.month_picker.selected() != shown
    qtbot.waitUntil(lambda: tab.complete and tab.export_button.isEnabled(), timeout=LOAD_MS)
    alt(qtbot, window, tab.month_picker.year_caption)
    assert QApplication.focusWidget() is tab.year_combo
    saved: list[str] = []

    def answer(*_args: Any, **_kwargs: Any) -> tuple[str, str]:  # the system's save dialog, answered
        saved.append(str(tmp_path / f"звонки-{len(saved)}.csv"))
        return saved[-1], ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    for keys in ("Alt+" + mnemonic(tab.export_button.text()).upper(), "Ctrl+E"):
        with qtbot.waitSignal(tab.exportFinished, timeout=60_000) as done:
            press(qtbot, window, keys)
        assert done.args == ["ok"] and Path(saved[-1]).stat().st_size > 0
    assert len(saved) == 2


def test_about_by_the_help_menu_and_escape(qtbot: Any, keyboard_app: Any) -> None:
    window = keyboard_app.window
    menu = window.menus.help
    press(qtbot, window, "Alt+" + mnemonic(menu.title()).upper())  # «&Справка»
    qtbot.waitUntil(menu.isVisible, timeout=TIMEOUT)
    for _ in range(len(menu.actions())):  # the popup has the keyboard: Up to «О программе»
        if menu.activeAction() is window.menus.about_action:
            break
        QTest.keySequence(menu, QKeySequence("Up"))
    assert menu.activeAction() is window.menus.about_action
    QTest.keySequence(menu, QKeySequence("Return"))
    about = dialog_named(qtbot, "about_dialog")
    press(qtbot, about, "Escape")
    closed(qtbot, about)


def test_ctrl_q_closes_the_window(qtbot: Any, keyboard_app: Any) -> None:
    window = keyboard_app.window
    press(qtbot, window, "Ctrl+Q")
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=TIMEOUT)
