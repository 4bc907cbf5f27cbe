"""Issue 15.4 without a mouse: «Услуги» and «Баланс» by key presses only (real server, one login).

The services table by Tab and the arrows, Enter opens a service; in its window Alt+letter blocks
and unblocks, changes the tariff and takes a discount, each confirmation cancelled by Escape (the
server unchanged) and confirmed by Enter; «Новая» walks its three steps by Enter and Alt+«Назад»;
«Чек…» on an online payment of «Баланс» opens the receipt, Escape closes it.
"""

from __future__ import annotations

from typing import Any

from keyboard_session import KEYBOARD_QT_LOG, TIMEOUT, alt, closed, dialog_named, press, session, tab_to
from PySide6.QtWidgets import QApplication
from uihelpers import wait_loaded

from annet_desktop.ui.widgets.mnemonics import mnemonic

keyboard_app = session("internet-discount")
pytestmark = KEYBOARD_QT_LOG


def _tab(qtbot: Any, window: Any, tab: Any) -> None:
    press(qtbot, window, "Alt+" + mnemonic(window.tabs.tabText(window.tabs.indexOf(tab))).upper())
    assert window.tabs.currentWidget() is tab


def _row_to(qtbot: Any, window: Any, view: Any, row: int) -> None:
    """Move the table's current row to ``row`` with the arrow keys (the table has the focus)."""
    assert QApplication.focusWidget() is view
    for _ in range(200):
        current = view.currentIndex().row()
        if current == row:
            return
        press(qtbot, window, "Down" if current < row else "Up")
    raise AssertionError(f"row {row} not reached in {view.objectName()}")


def _open_service(qtbot: Any, app: Any, wanted: Any) -> Any:
    """«Услуги», Tab to the table, the arrows to the service ``wanted(service)``, Enter."""
    window = app.window
    _tab(qtbot, window, window.services)
    view = window.services.panel.view
    tab_to(qtbot, window, view)
    services = window.services
    row = next(r for r in range(services.model.rowCount()) if wanted(services.service_at(r)))
    _row_to(qtbot, window, view, row)
    press(qtbot, window, "Return")
    dialog = dialog_named(qtbot, "service_dialog")
    opened = [
        w for w in QApplication.topLevelWidgets() if w.objectName() == "service_dialog" and w.isVisible()
    ]
    assert len(opened) == 1  # one Enter, one window
    assert dialog.service.id == services.service_at(row).id
    return dialog


def _confirm_ready(qtbot: Any, name: str) -> Any:
    """The confirmation ``name`` once its amounts came (the confirm button waits for them)."""
    confirm = dialog_named(qtbot, name)
    qtbot.waitUntil(confirm.confirm_button.isEnabled, timeout=TIMEOUT)
    return confirm


def _service_on_server(app: Any, service_id: Any) -> Any:
    number = app.controller.state.selected_account
    return next(s for s in app.server.client(app.demo).services(number) if s.id == service_id)


def _escape_then_enter(qtbot: Any, app: Any, window: Any, keys: str, name: str, unchanged: Any) -> None:
    """``keys`` in ``window`` open the confirmation ``name``: Escape cancels it (``unchanged()`` holds
    on the server), then ``keys`` again and Enter confirm it."""
    for confirm_it in (False, True):
        press(qtbot, window, keys)
        confirm = _confirm_ready(qtbot, name)
        if confirm_it:
            with qtbot.waitSignal(confirm.succeeded, timeout=TIMEOUT):
                press(qtbot, confirm, "Return")
        else:
            press(qtbot, confirm, "Escape")
            closed(qtbot, confirm)
            assert unchanged()
    wait_loaded(qtbot, app.controller)


def test_block_and_unblock_by_alt_escape_and_enter(qtbot: Any, keyboard_app: Any) -> None:
    app = keyboard_app
    dialog = _open_service(qtbot, app, lambda s: s.block is None and s.actions.block.allowed)
    service_id = dialog.service.id
    keys = "Alt+" + mnemonic(dialog.buttons["block"].text()).upper()
    unblocked = lambda: _service_on_server(app, service_id).block is None  # noqa: E731
    _escape_then_enter(qtbot, app, dialog, keys, "block_confirm", unblocked)
    assert _service_on_server(app, service_id).block is not None
    qtbot.waitUntil(lambda: dialog.buttons["unblock"].isVisible(), timeout=TIMEOUT)
    alt(qtbot, dialog, dialog.buttons["unblock"])
    confirm = _confirm_ready(qtbot, "unblock_confirm")
    with qtbot.waitSignal(confirm.succeeded, timeout=TIMEOUT):
        press(qtbot, confirm, "Return")
    wait_loaded(qtbot, app.controller)
    assert _service_on_server(app, service_id).block is None
    press(qtbot, dialog, "Escape")
    closed(qtbot, dialog)


def test_discount_by_arrows_escape_and_enter(qtbot: Any, keyboard_app: Any) -> None:
    app = keyboard_app
    dialog = _open_service(qtbot, app, lambda s: s.actions.discount.allowed)
    service_id = dialog.service.id
    alt(qtbot, dialog, dialog.buttons["discount"])
    offers = dialog_named(qtbot, "discount_dialog")
    qtbot.waitUntil(lambda: offers.offers is not None, timeout=TIMEOUT)
    row = max(r for r, o in enumerate(offers.offers.offers) if o.missing == 0)  # the largest affordable
    tab_to(qtbot, offers, offers.view)
    _row_to(qtbot, offers, offers.view, row)
    no_discount = lambda: _service_on_server(app, service_id).discount is None  # noqa: E731
    _escape_then_enter(qtbot, app, offers, "Return", "discount_confirm", no_discount)  # Enter on the row
    assert _service_on_server(app, service_id).discount is not None
    closed(qtbot, offers)  # taken: the offers window closed itself
    press(qtbot, dialog, "Escape")
    closed(qtbot, dialog)


def test_tariff_by_arrows_escape_and_enter(qtbot: Any, keyboard_app: Any) -> None:
    app = keyboard_app
    dialog = _open_service(qtbot, app, lambda s: s.actions.change_tariff.allowed)
    service_id, before = dialog.service.id, dialog.service.tariff.id
    alt(qtbot, dialog, dialog.buttons["change_tariff"])
    tariffs = dialog_named(qtbot, "tariff_dialog")
    qtbot.waitUntil(lambda: tariffs.options is not None, timeout=TIMEOUT)
    row = next(r for r in range(tariffs.model.rowCount()) if tariffs.model.is_selectable(r))
    tab_to(qtbot, tariffs, tariffs.view)
    _row_to(qtbot, tariffs, tariffs.view, row)
    same = lambda: _service_on_server(app, service_id).tariff.id == before  # noqa: E731
    _escape_then_enter(qtbot, app, tariffs, "Return", "tariff_confirm", same)  # Enter on the row
    assert _service_on_server(app, service_id).tariff.id == tariffs.model.items[row].id
    closed(qtbot, tariffs)
    alt(qtbot, dialog, dialog.close_button)  # «Закрыть» by its letter this time
    closed(qtbot, dialog)


def test_new_service_steps_by_enter_back_by_alt_and_escape(qtbot: Any, keyboard_app: Any) -> None:
    app = keyboard_app
    window = app.window
    _tab(qtbot, window, window.services)
    before = len(app.controller.state.services_of() or [])
    alt(qtbot, window, window.services.new_button)
    dialog = dialog_named(qtbot, "new_service_dialog")
    qtbot.waitUntil(lambda: dialog.catalog_model.rowCount() > 0, timeout=TIMEOUT)
    tab_to(qtbot, dialog, dialog.catalog_view)
    press(qtbot, dialog, "Return")  # the first service that can be added is selected
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.tariff_view, timeout=TIMEOUT)
    press(qtbot, dialog, "Return")
    qtbot.waitUntil(
        lambda: dialog.confirm_button.isVisible() and dialog.confirm_button.isEnabled(), timeout=TIMEOUT
    )
    alt(qtbot, dialog, dialog.back_button)
    qtbot.waitUntil(lambda: dialog.tariff_view.isVisible(), timeout=TIMEOUT)
    press(qtbot, dialog, "Escape")
    closed(qtbot, dialog)
    wait_loaded(qtbot, app.controller)
    assert len(app.server.client(app.demo).services(app.controller.state.selected_account)) == before


def test_receipt_from_balance_by_keys(qtbot: Any, keyboard_app: Any) -> None:
    app = keyboard_app
    window = app.window
    tab = window.balance
    _tab(qtbot, window, tab)
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=TIMEOUT)
    items = app.controller.state.balance_of().items
    row = next(r for r, e in enumerate(items) if getattr(e, "order_number", None))
    tab_to(qtbot, window, tab.panel.view)
    _row_to(qtbot, window, tab.panel.view, row)
    assert tab.receipt_button.isEnabled()
    alt(qtbot, window, tab.receipt_button)
    receipt = dialog_named(qtbot, "receipt_dialog")
    assert receipt.receipt.order_number == items[row].order_number
    press(qtbot, receipt, "Escape")
    closed(qtbot, receipt)
