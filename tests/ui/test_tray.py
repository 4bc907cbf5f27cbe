"""The tray (issue 14.4): balances in the tooltip, the state's icon, the menu's actions, and what
closing the window does with a tray and without one. Against the real server on its fake clock;
the tray is a recording port (the offscreen platform has none), made to say it exists or not.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QApplication
from sqlalchemy import select
from watch_fixtures import TIMEOUT, refreshed, set_balance

from annet_contract.money import format_money
from annet_contract.moscow import MOSCOW
from annet_desktop.domain.watch import Level
from annet_server import models as m


def _action(watch: Any, name: str) -> Any:
    return next(a for a in watch.tray.menu.actions() if a.objectName() == name)


def test_tooltip_has_the_balance_of_each_account_and_the_icon_says_fine(
    qtbot: Any, watched: Callable[..., Any]
) -> None:
    controller, _window, watch = watched("multi-account")
    state = controller.state
    numbers = state.account_numbers()
    assert len(numbers) == 2
    qtbot.waitUntil(lambda: all(state.account(n) is not None for n in numbers), timeout=TIMEOUT)
    tooltip = watch.port.tooltip
    for n in numbers:
        assert f"Счёт {n}: {format_money(state.account(n).balance)}" in tooltip
    assert watch.port.level is Level.FINE
    assert watch.port.visible
    assert [a.objectName() for a in watch.tray.menu.actions() if a.objectName()] == [
        "tray_open", "tray_pay", "tray_refresh", "tray_quit",
    ]  # fmt: skip
    assert [a.text() for a in watch.tray.menu.actions() if a.text()] == [
        "Открыть", "Оплатить…", "Обновить", "Выход",
    ]  # fmt: skip


def test_the_icon_says_pay_soon_and_blocked(qtbot: Any, watched: Callable[..., Any], server: Any) -> None:
    demo = server.by_case("internet-discount")
    set_balance(server, demo.account, -500_00)  # owing: the block comes on the 11th
    server.clock.set(dt.datetime(2026, 12, 9, 12, 0))  # two days before it
    _controller, _window, watch = watched("internet-discount")
    assert watch.port.level is Level.SOON
    assert "Скоро нужно пополнить счёт" in watch.port.tooltip
    with server.session() as db:
        acc = db.execute(select(m.Account).where(m.Account.number == demo.account)).scalar_one()
        acc.financial_block = True
        acc.financial_block_since = dt.datetime(2026, 12, 9, 12, 0, tzinfo=MOSCOW)
        db.commit()
    refreshed(qtbot, watch)
    assert watch.port.level is Level.BLOCKED


def test_open_shows_the_hidden_window(qtbot: Any, watched: Callable[..., Any]) -> None:
    _controller, window, watch = watched("internet-discount")
    window.close()  # to the tray
    assert not window.isVisible()
    _action(watch, "tray_open").trigger()
    assert window.isVisible()


def test_pay_opens_the_payment_dialog_of_the_selected_account(
    qtbot: Any, watched: Callable[..., Any]
) -> None:
    controller, window, watch = watched("internet-discount")
    window.hide()
    _action(watch, "tray_pay").trigger()
    dialog = next(
        w for w in QApplication.topLevelWidgets() if w.objectName() == "payment_dialog" and w.isVisible()
    )
    assert dialog.number == controller.state.selected_account
    assert window.isVisible()
    dialog.reject()


def test_refresh_reads_again(qtbot: Any, watched: Callable[..., Any]) -> None:
    _controller, _window, watch = watched("internet-discount")
    first = watch.refresher.last
    with qtbot.waitSignal(watch.refresher.refreshed, timeout=TIMEOUT):
        _action(watch, "tray_refresh").trigger()
    assert watch.refresher.last is not first


def test_quit_ends_the_app(qtbot: Any, watched: Callable[..., Any], monkeypatch: Any) -> None:
    from annet_desktop import app as app_module

    quits: list[int] = []

    class FakeCore:
        @staticmethod
        def quit() -> None:
            quits.append(1)

    monkeypatch.setattr(app_module, "QCoreApplication", FakeCore)
    _controller, _window, watch = watched("internet-discount")
    _action(watch, "tray_quit").trigger()
    assert quits == [1]


def test_closing_the_window_keeps_the_app_in_the_tray(qtbot: Any, watched: Callable[..., Any]) -> None:
    controller, window, _watch = watched("internet-discount")
    assert window.close() is False  # the close was turned into a hide
    assert not window.isVisible() and controller.window is window
    assert QApplication.quitOnLastWindowClosed() is False
    assert controller.state.logged_in


def test_without_a_tray_closing_the_window_ends_the_app(qtbot: Any, watched: Callable[..., Any]) -> None:
    _controller, window, _watch = watched("internet-discount", available=False)
    assert QApplication.quitOnLastWindowClosed() is True
    assert window.close() is True


def test_the_setting_off_makes_the_close_end_the_app(qtbot: Any, watched: Callable[..., Any]) -> None:
    controller, window, _watch = watched("internet-discount")
    controller.settings.set("tray/keep_running", False)
    assert window.close() is True
    assert QApplication.quitOnLastWindowClosed() is True


def test_after_logout_the_tray_asks_to_log_in(qtbot: Any, watched: Callable[..., Any]) -> None:
    controller, _window, watch = watched("internet-discount")
    controller.logout()
    assert watch.port.tooltip.endswith("Войдите, чтобы видеть баланс")
    assert not _action(watch, "tray_pay").isEnabled()
    assert not watch.refresher.running
