"""Issue 11, findings 3 and 9 on the app side: «Звонки» on the account that has telephony, the tab added
with «Новая», the credit-ban date once, «Получить скидку» not shown on a blocked service.

Against the real server (fresh demo database, fake clock), through the real widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from uihelpers import login, plain_titles, wait_loaded

from annet_contract.schema import ServiceKind
from annet_desktop.ui.dialogs.new_service import CONFIRM, NewServiceDialog
from annet_desktop.ui.dialogs.service import ServiceDialog

# --------------------------------------------------------------------------- «Звонки»


def test_calls_open_on_the_first_account_that_has_telephony(
    qtbot: Any, logged_in: Callable[..., Any]
) -> None:
    """Multi-account subscriber: logged in with the internet account 100002, «Звонки» shows 100003."""
    controller, window, _demo = logged_in("multi-account")
    state = controller.state
    assert state.selected_account == "100002"
    assert [r.number for r in state.account_refs() if r.has_telephony] == ["100003"]
    assert window.show_tab("tab_calls")
    qtbot.waitUntil(lambda: state.selected_account == "100003", timeout=20000)
    qtbot.waitUntil(lambda: window.calls.complete, timeout=30000)
    assert "нет телефонных услуг" not in window.calls.progress_label.text()
    # back on another tab the subscriber may choose the internet account again: nothing forces it
    window.show_tab("tab_balance")
    state.select_account("100002")
    assert state.selected_account == "100002"


def test_calls_tab_appears_when_a_telephony_service_is_added(
    qtbot: Any, logged_in: Callable[..., Any], server: Any
) -> None:
    controller, window, demo = logged_in("internet-discount")
    assert window.calls is None and "Звонки" not in plain_titles(window)
    window.show_tab("tab_services")
    window.services.new_button.click()
    dialog = window.actions.last
    assert isinstance(dialog, NewServiceDialog)
    qtbot.waitUntil(lambda: dialog.catalog_model.rowCount() > 0, timeout=20000)
    items = dialog.catalog_model.items
    row = next(
        r
        for r, item in enumerate(items)
        if item.kind is ServiceKind.TELEPHONY and dialog.catalog_model.is_selectable(r)
    )
    dialog.select(dialog.catalog_view, row)
    dialog.next_button.click()
    dialog.select(dialog.tariff_view, 0)
    dialog.next_button.click()
    qtbot.waitUntil(lambda: dialog.quote is not None, timeout=20000)
    assert dialog.pages.currentIndex() == CONFIRM
    with qtbot.waitSignal(dialog.finished, timeout=20000):
        dialog.confirm_button.click()
    # no re-login: the tab comes with the state's reload of «me»
    qtbot.waitUntil(lambda: window.calls is not None, timeout=20000)
    wait_loaded(qtbot, controller)
    titles = plain_titles(window)
    assert titles.index("Звонки") == titles.index("Журнал") - 1
    assert window.calls.objectName() == "tab_calls" and window.show_tab("tab_calls")
    assert server.client(demo).me().accounts[0].has_telephony


# --------------------------------------------------------------------------- finding 9: text slips


def test_credit_ban_line_shows_its_date_once(qtbot: Any, logged_in: Callable[..., Any]) -> None:
    controller, window, _demo = logged_in("credit-banned")
    credit = controller.state.account().credit
    assert credit.banned_until is not None and not credit.available
    text = window.account.values["credit"].text()
    date = f"{credit.banned_until:%d.%m.%Y}"
    assert text.count(date) == 1, text


def test_discount_button_is_not_shown_on_a_blocked_service(
    qtbot: Any, make_app: Callable[..., Any], server: Any
) -> None:
    """Manual p.7: «Получить скидку» appears only on an active (not blocked) service — not disabled."""
    demo = server.by_case("internet-discount")
    client = server.client(demo)
    internet = next(s for s in client.services(demo.account) if s.kind is ServiceKind.INTERNET)
    assert internet.actions.discount.allowed  # active: offered
    client.block(demo.account, internet.id)
    controller = make_app(server.url)
    window = login(qtbot, controller, demo.account, demo.password)
    wait_loaded(qtbot, controller)
    service = next(s for s in controller.state.services_of() if s.id == internet.id)
    dialog = window.actions.open_service(service)
    assert isinstance(dialog, ServiceDialog)
    assert "discount" not in dialog.visible_buttons()
    assert dialog.buttons["discount"].isHidden()
    assert "Получить скидку" not in dialog.reasons.text()
    dialog.grab().save("/tmp/ma/service_blocked.png")
