"""Several subscribers in one app (issue 15.2): «Абоненты», switching, forgetting, nothing mixed up.

Against the real server; the keyring is the in-memory one. Decision (docs/decisions.md): switching
logs the old subscriber out, then logs in as the other.
"""

from __future__ import annotations

from typing import Any

from uihelpers import login, wait_loaded

from annet_desktop.domain.subscribers import parse
from annet_desktop.ui.subscribers_menu import SubscribersMenu


def _login_remembered(qtbot: Any, controller: Any, demo: Any) -> Any:
    """Log in with «Запомнить» ticked (once the keyring has been probed)."""
    dialog = controller.login_dialog
    qtbot.waitUntil(lambda: dialog.remember.isEnabled(), timeout=10000)
    dialog.remember.setChecked(True)
    window = login(qtbot, controller, demo.account, demo.password)
    wait_loaded(qtbot, controller)
    return window


def _menu(window: Any) -> SubscribersMenu:
    menu = window.subscribers_menu
    menu.rebuild()  # as when it opens
    return menu


def _choose(menu: SubscribersMenu, account: str) -> None:
    next(a for a in menu.subscriber_actions() if a.objectName() == f"subscriber_{account}").trigger()


def test_switch_logs_in_as_the_other_with_its_keyring_password(
    qtbot: Any, make_app: Any, server: Any, memory_keyring: Any
) -> None:
    first, second = server.by_case("internet-discount"), server.by_case("multi-account")
    controller = make_app(server.url)
    _login_remembered(qtbot, controller, first)
    controller.logout()
    window = _login_remembered(qtbot, controller, second)
    menu = _menu(window)
    assert [a.objectName() for a in menu.subscriber_actions()] == [
        f"subscriber_{second.account}", f"subscriber_{first.account}"
    ]  # fmt: skip
    assert [a.isChecked() for a in menu.subscriber_actions()] == [True, False]
    assert menu.menuAction() in window.menuBar().actions()

    with qtbot.waitSignal(controller.loggedIn, timeout=20000):
        _choose(menu, first.account)  # no typing: the keyring has its password
    wait_loaded(qtbot, controller)
    assert controller.account == first.account
    assert controller.state.me.name == first.name
    assert set(controller.state.accounts) <= {r.number for r in controller.state.account_refs()}
    settings_text = controller.settings.path.read_text(encoding="utf-8")
    assert first.password not in settings_text and second.password not in settings_text
    assert [s.account for s in parse(str(controller.settings.get("subscribers/remembered")))] == [
        first.account, second.account
    ]  # fmt: skip
    numbers = [n for n, _b in controller.subscribers.balances()]
    assert set(numbers) >= {r.number for r in controller.state.account_refs()}  # for the tray


def test_without_a_stored_password_the_login_window_waits_prefilled(
    qtbot: Any, make_app: Any, server: Any, memory_keyring: Any
) -> None:
    first, second = server.by_case("internet-discount"), server.by_case("multi-account")
    controller = make_app(server.url)
    login(qtbot, controller, first.account, first.password)  # «Запомнить» not ticked
    wait_loaded(qtbot, controller)
    controller.logout()
    window = _login_remembered(qtbot, controller, second)
    _choose(_menu(window), first.account)
    dialog = controller.login_dialog
    assert controller.window is None and dialog is not None and dialog.isVisible()
    assert dialog.account.text() == first.account and dialog.password.text() == ""
    assert not dialog.busy  # nothing sent: the password is typed by the subscriber


def test_forgetting_removes_the_keyring_entry(
    qtbot: Any, make_app: Any, server: Any, memory_keyring: Any
) -> None:
    first, second = server.by_case("internet-discount"), server.by_case("multi-account")
    controller = make_app(server.url)
    _login_remembered(qtbot, controller, first)
    controller.logout()
    window = _login_remembered(qtbot, controller, second)
    assert controller.credentials.get(server.url, first.account) == first.password
    menu = _menu(window)
    forget = next(a for a in menu.forget_menu.actions() if a.objectName() == f"forget_{first.account}")
    forget.trigger()
    assert controller.credentials.get(server.url, first.account) is None
    assert controller.credentials.get(server.url, second.account) == second.password  # only that one
    assert [a.objectName() for a in _menu(window).subscriber_actions()] == [f"subscriber_{second.account}"]
    assert all(login_ != first.account for login_, _n in controller.subscribers.balances_seen)


def test_switch_while_requests_of_the_first_are_in_flight(
    qtbot: Any, make_app: Any, server: Any, fault_proxy: Any, memory_keyring: Any
) -> None:
    """The first subscriber's balance history is held at the proxy while the user switches; when it
    arrives the second is logged in, and nothing of the first reaches the state or the window."""
    first, second = server.by_case("multi-account"), server.by_case("internet-discount")
    controller = make_app(fault_proxy.url)
    _login_remembered(qtbot, controller, second)
    controller.logout()
    window = _login_remembered(qtbot, controller, first)
    first_numbers = {r.number for r in controller.state.account_refs()}
    fault_proxy.faults["/balance-history"] = "hold"
    window.show_tab("tab_balance")
    controller.state.refresh(("balance",))
    qtbot.waitUntil(lambda: fault_proxy.held >= 1, timeout=10000)

    _choose(_menu(window), second.account)  # the first's request is still at the proxy
    with qtbot.waitSignal(controller.loggedIn, timeout=30000):
        fault_proxy.release()
    wait_loaded(qtbot, controller)
    state = controller.state
    second_numbers = {r.number for r in state.account_refs()}
    assert controller.account == second.account and state.me.name == second.name
    held = set(state.accounts) | set(state.balance) | set(state.services)
    assert not (first_numbers - second_numbers) & held
    shown = controller.window
    assert first.name not in shown.subscriber_label.text()
    model = shown.balance.model
    rows = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert rows == [model.index(r, 0).data() for r in range(len(state.balance_of().items))]
