"""Tests of the main window against the real reference server: every tab for every demo case,
the account selector, F5, logout, failures (server gone, garbage answers), session expiry,
restored settings and the naming of every widget.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from uihelpers import login, plain_text, plain_titles, press_key, wait_loaded

from annet_desktop.ui.widgets.naming import unnamed_widgets

CASES = [
    "internet-discount",
    "multi-account",
    "telephony",
    "business-100k",
    "credit-available",
    "credit-banned",
    "promo-tariff",
    "admin-block",
    "discount-extendable",
    "no-contacts",
]
RUB = "\u00a0₽"


def _texts(window: Any) -> dict[str, str]:
    return {key: label.text() for key, label in window.account.values.items()}


@pytest.mark.parametrize("case", CASES)
def test_every_tab_is_filled_for_every_demo_case(case: str, logged_in: Callable[..., Any]) -> None:
    controller, window, _demo = logged_in(case)
    state = controller.state
    refs = state.account_refs()
    several = len(refs) > 1
    titles = plain_titles(window)
    expected = ["Абонент", "Счета" if several else "Счёт", "Услуги", "Балансы" if several else "Баланс"]
    if any(r.has_telephony for r in refs):
        expected.append("Звонки")
    expected += ["Журнал", "Пароль"]
    assert titles == expected
    # Абонент: the name, and only non-empty values
    me = state.me
    assert window.subscriber.values["name"].text() == me.name
    assert ("sms_phone" in window.subscriber.values) == bool(me.sms_phone)
    assert ("email" in window.subscriber.values) == bool(me.email)
    assert window.subscriber.note.isHidden() == bool(me.sms_phone or me.email)
    # Счёт
    info = _texts(window)
    assert info["balance"].endswith(RUB) and info["recommended"].endswith(RUB)
    assert info["status"].split(" (")[0] in ("Активен", "Блокировка") and info["credit"]
    account = state.account()
    assert window.account.credit_button.isVisibleTo(window.account) == account.credit.available
    # Услуги: rows or a reason, never «Загрузка…»
    services = state.services_of()
    assert services is not None
    assert window.services.model.rowCount() == len(services)
    if services:
        assert not window.services.panel.showing_message
        first = window.services.model.index(0, 0)
        assert window.services.model.data(first) == services[0].name
    else:
        assert "нет периодических услуг" in window.services.panel.message.text()
    # Баланс: newest first
    balance = state.balance_of()
    assert balance.loaded and window.balance.model.rowCount() == len(balance.items)
    stamps = [e.at for e in balance.items]
    assert stamps == sorted(stamps, reverse=True)
    # Журнал: newest first
    journal = state.journal
    assert journal.loaded and window.journal.model.rowCount() == len(journal.items)
    assert [e.at for e in journal.items] == sorted((e.at for e in journal.items), reverse=True)
    # nothing failed on the way
    assert not [m for m in controller.messages.history if m.kind == "error"]
    assert unnamed_widgets(window) == []


def test_account_selector_switches_every_tab(qtbot: Any, logged_in: Callable[..., Any]) -> None:
    controller, window, _demo = logged_in("multi-account")
    state = controller.state
    numbers = state.account_numbers()
    assert len(numbers) > 1
    combo = window.balance.selector.combo
    assert combo.isVisibleTo(window.balance) and not window.balance.selector.label.isVisibleTo(window.balance)
    other = numbers[1] if state.selected_account == numbers[0] else numbers[0]
    combo.setCurrentIndex(combo.findData(other))
    assert state.selected_account == other
    wait_loaded(qtbot, controller)
    for selector in (window.account.selector, window.services.selector, window.balance.selector):
        assert selector.combo.currentData() == other
    assert window.account.values["title"].text().startswith(other)
    assert state.services_of(other) is not None and state.balance_of(other).loaded
    for row in range(window.balance.model.rowCount()):
        entry = window.balance.model.row(row)
        assert entry in state.balance_of(other).items


def test_single_account_shows_a_label(logged_in: Callable[..., Any]) -> None:
    controller, window, demo = logged_in("internet-discount")
    assert len(controller.state.account_refs()) == 1, "the internet-discount demo subscriber has one account"
    selector = window.account.selector
    assert not selector.combo.isVisibleTo(selector) and selector.label.isVisibleTo(selector)
    assert selector.label.text().startswith(demo.account)


def test_click_on_service_name_opens_the_service(qtbot: Any, logged_in: Callable[..., Any]) -> None:
    controller, window, _demo = logged_in("internet-discount")
    window.show_tab("tab_services")
    view = window.services.panel.view
    services = controller.state.services_of()
    assert services
    rect = view.visualRect(window.services.model.index(0, 0))
    with qtbot.waitSignal(window.services.serviceActivated, timeout=5000) as got:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert got.args[0].id == services[0].id
    # a click on another column does not open it
    rect = view.visualRect(window.services.model.index(0, 1))
    with qtbot.assertNotEmitted(window.services.serviceActivated):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_balance_history_pages_in_as_the_user_scrolls(qtbot: Any, logged_in: Callable[..., Any]) -> None:
    controller, window, _demo = logged_in("telephony")
    state = controller.state
    lst = state.balance_of()
    assert lst.next_cursor is not None, "the telephony demo's balance history spans several pages"
    window.show_tab("tab_balance")
    first = len(lst.items)
    view = window.balance.panel.view
    view.scrollToBottom()
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    qtbot.waitUntil(lambda: len(state.balance_of().items) > first, timeout=20000)
    wait_loaded(qtbot, controller)
    assert window.balance.model.rowCount() == len(state.balance_of().items)
    stamps = [e.at for e in state.balance_of().items]
    assert stamps == sorted(stamps, reverse=True)


def test_f5_refreshes_the_current_tab(qtbot: Any, logged_in: Callable[..., Any]) -> None:
    controller, window, _demo = logged_in("internet-discount")
    window.show_tab("tab_account")
    with qtbot.waitSignal(controller.state.accountChanged, timeout=20000):
        press_key(qtbot, window, Qt.Key.Key_F5)
    assert window.refresh_label.text().startswith("Обновлено в ")


def test_logout_returns_to_login_and_ends_the_session(
    qtbot: Any, logged_in: Callable[..., Any], server: Any
) -> None:
    controller, window, demo = logged_in("internet-discount")
    with qtbot.waitSignal(controller.loggedOut, timeout=10000):
        window.logout_button.click()
    assert controller.window is None and controller.state.me is None
    dialog = controller.login_dialog
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and dialog.account.text() == demo.account and dialog.password.text() == ""
    wait_loaded(qtbot, controller)
    # and back in again
    login(qtbot, controller, demo.account, demo.password)
    wait_loaded(qtbot, controller)
    assert controller.state.me is not None


def test_server_dying_leaves_the_window_usable(
    qtbot: Any, logged_in: Callable[..., Any], server: Any
) -> None:
    controller, window, _demo = logged_in("internet-discount")
    balance_before = window.account.values["balance"].text()
    server.running.stop()
    window.show_tab("tab_account")
    press_key(qtbot, window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: not controller.state.online, timeout=30000)
    wait_loaded(qtbot, controller, timeout=30000)
    assert (
        window.server_label.text().startswith("Нет связи с сервером")
        and server.url in window.server_label.text()
    )
    shown = controller.messages.last()
    assert shown is not None and shown.kind == "error" and server.url in shown.text
    assert "Показаны последние полученные данные" in shown.text
    # the data is still there and the window still works
    assert window.account.values["balance"].text() == balance_before
    assert window.show_tab("tab_journal") and window.journal.model.rowCount() > 0
    assert window.isVisible() and not controller.messages.open_boxes()


@pytest.mark.parametrize("fault", ["garbage", "truncate", "html500"])
def test_bad_answers_give_a_clear_message(
    qtbot: Any, make_app: Callable[..., Any], server: Any, fault_proxy: Any, fault: str
) -> None:
    demo = server.by_case("internet-discount")
    controller = make_app(fault_proxy.url)
    window = login(qtbot, controller, demo.account, demo.password)
    wait_loaded(qtbot, controller)
    rows = window.balance.model.rowCount()
    fault_proxy.faults["/balance-history"] = fault
    window.show_tab("tab_balance")
    press_key(qtbot, window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: controller.state.error("balance", demo.account) is not None, timeout=30000)
    shown = controller.messages.last()
    assert shown is not None and shown.kind == "error"
    assert "Не удалось обновить историю баланса" in shown.text
    assert "неверный ответ" in shown.text or "временно" in shown.text
    assert window.balance.model.rowCount() == rows  # what was shown stays
    fault_proxy.faults.clear()
    press_key(qtbot, window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: controller.state.error("balance", demo.account) is None, timeout=30000)


def test_session_expiry_asks_for_the_password_and_repeats_the_request(
    qtbot: Any, logged_in: Callable[..., Any], server: Any
) -> None:
    controller, window, demo = logged_in("internet-discount")
    window.show_tab("tab_account")
    server.clock.advance(dt.timedelta(minutes=31))
    press_key(qtbot, window, Qt.Key.Key_F5)
    qtbot.waitUntil(
        lambda: controller.relogin_dialog is not None and controller.relogin_dialog.isVisible(), timeout=20000
    )
    relogin = controller.relogin_dialog
    assert relogin.parent() is window
    assert unnamed_widgets(relogin) == []
    relogin.password.setText(demo.password + "-wrong")
    relogin.accept_button.click()
    qtbot.waitUntil(lambda: relogin.error.isVisible(), timeout=20000)
    assert "Доступ запрещён" in relogin.error.text()
    relogin.password.setText(demo.password)
    with qtbot.waitSignal(controller.state.accountChanged, timeout=20000):
        relogin.accept_button.click()  # the held refresh runs again, transparently
    assert controller.relogin_dialog is None and controller.window is window
    assert not [m for m in controller.messages.history if m.kind == "error"]


def test_giving_up_relogin_goes_back_to_login(qtbot: Any, logged_in: Callable[..., Any], server: Any) -> None:
    controller, window, _demo = logged_in("internet-discount")
    server.clock.advance(dt.timedelta(minutes=31))
    press_key(qtbot, window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: controller.relogin_dialog is not None, timeout=20000)
    with qtbot.waitSignal(controller.loggedOut, timeout=10000):
        controller.relogin_dialog.quit_button.click()
    assert controller.window is None and controller.login_dialog is not None
    qtbot.addWidget(controller.login_dialog)


def test_settings_restored(qtbot: Any, logged_in: Callable[..., Any]) -> None:
    controller, window, demo = logged_in("internet-discount")
    window.resize(701, 503)  # within the offscreen screen (800×600): restoreGeometry clamps
    window.move(QPoint(40, 30))
    window.show_tab("tab_journal")
    with qtbot.waitSignal(controller.loggedOut, timeout=10000):
        window.logout_button.click()
    qtbot.addWidget(controller.login_dialog)
    window = login(qtbot, controller, demo.account, demo.password)
    assert window.current_tab() is window.journal
    assert (window.size().width(), window.size().height()) == (701, 503)


def test_english_interface(qtbot: Any, logged_in: Callable[..., Any]) -> None:
    _controller, window, _demo = logged_in("multi-account", language="en")
    assert plain_titles(window)[:4] == ["Subscriber", "Accounts", "Services", "Balances"]
    assert plain_text(window.logout_button) == "Log out"
    assert window.account.values["status"].text().split(" (")[0] in ("Active", "Blocked")


def test_item_models_pass_the_model_tester(qtmodeltester: Any, logged_in: Callable[..., Any]) -> None:
    _controller, window, _demo = logged_in("multi-account")
    for model in (window.services.model, window.balance.model, window.journal.model):
        qtmodeltester.check(model, force_py=True)
