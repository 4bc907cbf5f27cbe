"""The confirm button fires once (a double click does the action once); every dialog is named."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from uihelpers import wait_loaded

from annet_contract.schema import JournalAction
from annet_desktop.ui.dialogs.actions import demo_dialogs
from annet_desktop.ui.dialogs.base import OnceButton
from annet_desktop.ui.dialogs.service import ServiceDialog
from annet_desktop.ui.widgets.naming import unnamed_widgets


def test_once_button_fires_once_until_rearmed(qtbot: Any) -> None:
    button = OnceButton("Подтвердить")
    qtbot.addWidget(button)
    button.show()
    fired: list[int] = []
    button.fired.connect(lambda: fired.append(1))
    qtbot.mouseDClick(button, Qt.MouseButton.LeftButton)
    button.click()
    button.clicked.emit()  # a click already queued before the button was disabled
    assert fired == [1] and not button.isEnabled() and not button.armed
    button.rearm()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert fired == [1, 1]


def test_double_click_on_confirm_blocks_once(qtbot: Any, logged_in: Callable[..., Any], server: Any) -> None:
    controller, window, demo = logged_in("internet-discount")
    number = controller.state.selected_account
    service = next(s for s in controller.state.services_of() if s.actions.block.allowed)
    window.services.open_service(service)
    dialog = window.actions.last
    assert isinstance(dialog, ServiceDialog)
    confirm = dialog.trigger("block")
    with qtbot.waitSignal(confirm.finished, timeout=20000):
        qtbot.mouseDClick(confirm.confirm_button, Qt.MouseButton.LeftButton)
        confirm.confirm_button.click()
        confirm.confirm_button.clicked.emit()
    wait_loaded(qtbot, controller)
    assert confirm.confirm_button.fire_count == 1
    blocks = [
        e
        for e in server.client(demo).journal(limit=100).items
        if e.action is JournalAction.BLOCK and e.service == service.name
    ]
    assert len(blocks) == 1
    assert [m for m in controller.messages.history if m.kind == "error"] == []
    assert next(s for s in server.client(demo).services(number) if s.id == service.id).block is not None


def test_every_dialog_is_named_and_opens(qtbot: Any, logged_in: Callable[..., Any], server: Any) -> None:
    controller, window, _demo = logged_in("internet-discount")
    shown = demo_dialogs(window.ctx, server.clock.now)
    names = [name for name, _w in shown]
    for required in ("contacts_sms", "contacts_email_bad", "credit", "new_service", "confirm"):
        assert required in names
    assert any(n.startswith("service_") for n in names) and any(n.startswith("tariffs_") for n in names)
    assert any(n.startswith("discount_") or n.startswith("extend_discount_") for n in names)
    for name, widget in shown:
        widget.show()
        wait_loaded(qtbot, controller)
        assert widget.objectName() and widget.accessibleName(), name
        assert unnamed_widgets(widget) == [], name
        widget.close()
    assert [m for m in controller.messages.history if m.kind == "error"] == []
