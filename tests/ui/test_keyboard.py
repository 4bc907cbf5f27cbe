"""Issue 15.4: the cabinet without a mouse — Tab order, Enter and Escape (against the real server)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget


def _focus_chain(root: QWidget, start: QWidget) -> list[str]:
    """objectNames reached by Tab from ``start`` (focusable, shown, enabled), one round."""
    names: list[str] = []
    widget = start
    for _ in range(200):
        if (
            widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.isVisibleTo(root)
            and widget.isEnabled()
            and widget.objectName()
        ):
            names.append(widget.objectName())
        widget = widget.nextInFocusChain()
        if widget is start:
            break
    return names


def test_login_window_is_filled_in_by_tab_and_sent_with_enter(
    qtbot: Any, make_app: Any, server: Any
) -> None:
    demo = server.by_case("internet-discount")
    controller = make_app(server.url)
    dialog = controller.login_dialog
    qtbot.waitUntil(lambda: dialog._keyring_checked, timeout=10000)
    chain = _focus_chain(dialog, dialog.account)
    order = ["login_account", "login_password", "login_show_password", "login_remember", "login_accept"]
    assert [n for n in chain if n in order] == order  # top to bottom, as read
    qtbot.keyClicks(dialog.account, demo.account)
    qtbot.keyClick(dialog.account, Qt.Key.Key_Return)  # Enter moves on to the password
    assert QApplication.focusWidget() is dialog.password or dialog.password.hasFocus()
    qtbot.keyClicks(dialog.password, demo.password)
    with qtbot.waitSignal(controller.loggedIn, timeout=20000):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)


def test_services_table_opens_a_service_with_enter_and_escape_closes_it(
    qtbot: Any, logged_in: Any
) -> None:
    _controller, window, _demo = logged_in("internet-discount")
    window.show_tab("tab_services")
    view = window.services.panel.view
    qtbot.waitUntil(lambda: view.model().rowCount() > 0, timeout=10000)
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 1))  # not the name's column: Enter opens it anyway
    with qtbot.waitSignal(window.services.serviceActivated, timeout=5000) as opened:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened.args[0].id == window.services.service_at(0).id
    dialog = next(
        w for w in QApplication.topLevelWidgets() if w.objectName() == "service_dialog" and w.isVisible()
    )
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
