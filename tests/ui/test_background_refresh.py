"""The background refresh (issue 14.5): marked requests never keep an idle session alive; a quiet
login again when the password is in the keyring, else the tray asks to log in.

Real server, fake clock: the login is the subscriber's last own action.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from watch_fixtures import TIMEOUT, refreshed

MINUTE = dt.timedelta(minutes=1)


def test_a_refresh_at_29_minutes_does_not_prevent_the_idle_end_at_30(
    qtbot: Any, watched: Callable[..., Any], server: Any
) -> None:
    controller, _window, watch = watched("internet-discount")
    server.clock.advance(29 * MINUTE)
    refreshed(qtbot, watch)  # still alive at 29 minutes, and not counted
    assert "Войдите" not in watch.port.tooltip
    server.clock.advance(MINUTE)  # 30 minutes after the login
    with qtbot.waitSignal(watch.refresher.loginNeeded, timeout=TIMEOUT):
        watch.refresher.refresh_now()
    assert watch.port.tooltip.endswith("Войдите, чтобы видеть баланс")
    assert controller.relogin_dialog is None  # nobody may be at the computer: no dialog


def test_the_refresh_repeats_every_15_minutes_by_its_timer(qtbot: Any, watched: Callable[..., Any]) -> None:
    _controller, _window, watch = watched("internet-discount")
    timer = watch.refresher._timer
    assert timer.isActive() and timer.interval() == 15 * 60_000
    with qtbot.waitSignal(watch.refresher.refreshed, timeout=TIMEOUT):
        timer.timeout.emit()


def test_with_the_password_in_the_keyring_it_logs_in_again_quietly(
    qtbot: Any, watched: Callable[..., Any], server: Any
) -> None:
    controller, _window, watch = watched("internet-discount", password=True)
    server.clock.advance(31 * MINUTE)
    snapshot = refreshed(qtbot, watch)  # expired → quiet login → read again
    number = controller.state.login_account
    assert snapshot.accounts[number].account.number == number
    assert "Войдите" not in watch.port.tooltip
    assert controller.relogin_dialog is None
    server.clock.advance(29 * MINUTE)  # the quiet login started a new session, itself idle
    controller.worker.submit(lambda client: client.me())
    qtbot.waitUntil(lambda: not controller.worker.busy, timeout=TIMEOUT)
    assert controller.relogin_dialog is None
