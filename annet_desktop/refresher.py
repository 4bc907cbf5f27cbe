"""The background refresh: every N minutes (setting ``refresh/minutes``, 15) while logged in.

One job in the API thread reads the subscriber, and for every account its data, forecast,
services and newest balance rows — all marked ``X-Annet-Background: 1``
(:meth:`~annet_desktop.api.client.CabinetClient.marked_background`), so the server does not count
them as the subscriber's activity: an unattended session still ends 30 minutes after the last
thing the subscriber did (issue 14.5). The answer goes into :class:`~annet_desktop.state.CabinetState`
(the tabs follow) and out as :attr:`Refresher.refreshed` (the tray and the notifications).

When the session has ended under it, the refresher logs in again quietly if the password is in
the keyring (``password()`` gives it), else it says :attr:`Refresher.loginNeeded` (the tray then
says «Войдите, чтобы видеть баланс»). It never opens a dialog: nobody may be at the computer.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from .worker import Priority

log = logging.getLogger(__name__)

#: the newest balance rows read per account (a new payment shows among them)
ROWS = 10
MINUTE_MS = 60_000


@dataclass(frozen=True)
class AccountLook:
    """One account as the refresh found it."""

    account: Any
    forecast: Any
    services: list[Any]
    rows: list[Any]  # the newest balance rows, newest first


@dataclass(frozen=True)
class Snapshot:
    """Everything one refresh read: the subscriber and each of their accounts."""

    me: Any
    accounts: dict[str, AccountLook]

    def balances(self) -> list[tuple[str, Any]]:
        """(account number, balance) in the subscriber's order (the tray's tooltip)."""
        return [(n, look.account.balance) for n, look in self.accounts.items()]


def read_all(client: Any, background: bool) -> Snapshot:
    """In the API thread: read the subscriber and every account (marked as background if asked)."""
    with client.marked_background() if background else nullcontext():
        me = client.me()
        looks = {}
        for ref in me.accounts:
            number = ref.number
            looks[number] = AccountLook(
                client.account(number),
                client.forecast(number),
                list(client.services(number)),
                list(client.balance_history(number, limit=ROWS).items),
            )
    return Snapshot(me, looks)


def login_again(client: Any, account: str, password: str) -> Any:
    """In the API thread: a new session for ``account`` and the subscriber's data (``Me``)."""
    client.login(account, password)
    return client.me()


class Refresher(QObject):
    """Reads everything every ``refresh/minutes`` while a session is on; see the module docstring."""

    refreshed = Signal(object)  # Snapshot
    loginNeeded = Signal()
    failed = Signal(object)  # ApiError (no network, server error: tried again next time)

    def __init__(
        self, state: Any, settings: Any, password: Callable[[], str | None], parent: QObject
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.worker = state.worker
        self.settings = settings
        self.password = password
        self.last: Snapshot | None = None
        self.running = False
        self._relogging = False
        self._timer = QTimer(self)
        self._timer.setObjectName("background_refresh_timer")
        self._timer.timeout.connect(self.refresh_now)

    @property
    def interval_ms(self) -> int:
        minutes = int(self.settings.get("refresh/minutes"))
        return max(0, minutes) * MINUTE_MS

    def start(self) -> None:
        """A session began: read everything now, then every N minutes (none when N is 0)."""
        self.running = True
        self.restart_timer()
        self.refresh_now()

    def restart_timer(self) -> None:
        """Apply the interval of the settings (they may have changed)."""
        self._timer.stop()
        if self.running and self.interval_ms > 0:
            self._timer.start(self.interval_ms)

    def stop(self) -> None:
        """The session ended (logout): no more refreshes."""
        self.running = False
        self._relogging = False
        self._timer.stop()
        self.last = None

    def refresh_now(self, background: bool = True) -> None:
        """Read everything; ``background=False`` when the subscriber asked (tray «Обновить»)."""
        if not self.running or not self.state.logged_in:
            return
        self.restart_timer()  # the next one N minutes from now, N as the settings say now
        reply = self.worker.submit(
            read_all, background, priority=Priority.BACKGROUND, key="refresh-all", relogin=False
        )
        reply.then(self, self._apply, self._failed)

    def _apply(self, snapshot: Snapshot) -> None:
        if not self.running:
            return
        state = self.state
        state.apply_me(snapshot.me)
        for number, look in snapshot.accounts.items():
            state.forecasts.give(number, look.forecast)
            state.apply_account(look.account)
            state.apply_services(number, look.services)
        self.last = snapshot
        self.refreshed.emit(snapshot)

    def _failed(self, error: Any) -> None:
        from .api import errors

        if not self.running:
            return
        if isinstance(error, errors.SessionExpired) and not self._relogging:
            self._login_quietly(error)
            return
        log.info("background refresh failed: %s", type(error).__name__)
        self.failed.emit(error)

    def _login_quietly(self, error: Any) -> None:
        password = self.password()
        if not password:
            self.loginNeeded.emit()
            return
        self._relogging = True
        account = self.state.login_account
        reply = self.worker.submit(login_again, account, password, priority=Priority.USER, relogin=False)
        reply.then(self, self._relogged, self._relogin_failed)

    def _relogged(self, me: Any) -> None:
        self._relogging = False
        if not self.running:
            return
        self.state.apply_me(me)
        if self.worker.waiting_for_relogin:
            self.worker.resume_after_relogin()
        self.refresh_now()

    def _relogin_failed(self, error: Any) -> None:
        self._relogging = False
        log.info("quiet login failed: %s", type(error).__name__)
        self.loginNeeded.emit()
