"""Fixtures of the tray tests: an app whose tray is a recording :class:`TrayPort` (available or not)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select
from uihelpers import login, wait_loaded

from annet_server import models as m

TIMEOUT = 20000


def set_balance(server: Any, number: str, kopecks: int) -> None:
    with server.session() as db:
        acc = db.execute(select(m.Account).where(m.Account.number == number)).scalar_one()
        acc.balance_kopecks = kopecks
        db.commit()


def refreshed(qtbot: Any, watch: Any, background: bool = True) -> Any:
    """Run one refresh of the watch now and wait for its answer."""
    with qtbot.waitSignal(watch.refresher.refreshed, timeout=TIMEOUT) as blocker:
        watch.refresher.refresh_now(background)
    return blocker.args[0]


@pytest.fixture
def watched(qtbot: Any, make_app: Callable[..., Any], server: Any) -> Callable[..., Any]:
    """``watched(case, available=True)`` → (controller, window, watch) after a login and the
    first background refresh; the tray is a :class:`TrayPort` that says whether a tray exists."""
    from annet_desktop.ui.tray import TrayPort

    def go(case: str, *, available: bool = True, password: bool = False) -> tuple[Any, Any, Any]:
        demo = server.by_case(case)
        controller = make_app(server.url)
        controller.make_tray_port = lambda parent: TrayPort(parent, available=available)
        if password:  # «Запомнить»: the password goes to the (in-memory) keyring at the login
            remember = controller.login_dialog.remember
            qtbot.waitUntil(remember.isEnabled, timeout=TIMEOUT)
            remember.setChecked(True)
        window = login(qtbot, controller, demo.account, demo.password)
        qtbot.waitUntil(lambda: controller.watch is not None, timeout=TIMEOUT)
        watch = controller.watch
        qtbot.waitUntil(lambda: watch.refresher.last is not None, timeout=TIMEOUT)
        wait_loaded(qtbot, controller)
        return controller, window, watch

    return go
