"""The app keeps watch: the tray, the background refresh and the notifications, wired together.

Made by the app once the main window is shown (never before the login window's first paint) and
kept until the app ends: between sessions the tray says «Войдите, чтобы видеть баланс».

* :class:`~annet_desktop.ui.tray.TrayController` — the icon (fine / pay soon / blocked), the
  balances in the tooltip, the menu «Открыть», «Оплатить…», «Обновить», «Выход»;
* :class:`~annet_desktop.refresher.Refresher` — every ``refresh/minutes`` while logged in,
  marked as background so it never keeps an idle session alive; a quiet login again when the
  password is in the keyring;
* :class:`~annet_desktop.ui.notifications.Notifier` — each event once; a click opens its tab.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from ..domain.watch import Level, level
from ..refresher import Refresher, Snapshot
from .notifications import Notifier
from .tray import SystemTrayPort, TrayController, TrayPort


class Watch(QObject):
    """Tray + refresh + notifications of one running app (``app`` is its AppController)."""

    def __init__(self, app: Any, port: TrayPort | None = None) -> None:
        super().__init__(app)
        self.app = app
        self.port = port if port is not None else SystemTrayPort(self)
        self.tray = TrayController(self.port, app.settings, self)
        self.refresher = Refresher(app.state, app.settings, app.stored_password, self)
        self.notifier = Notifier(self.port, app.settings, self)
        self.need_login = False
        tray = self.tray
        tray.openRequested.connect(self.open_window)
        tray.payRequested.connect(self.pay)
        tray.refreshRequested.connect(lambda: self.refresher.refresh_now(background=False))
        tray.quitRequested.connect(app.quit_app)
        self.refresher.refreshed.connect(self._refreshed)
        self.refresher.loginNeeded.connect(self._login_needed)
        self.notifier.tabRequested.connect(self.open_tab)
        app.loggedIn.connect(self.session_started)
        app.loggedOut.connect(self.session_ended)
        state = app.state
        state.accountChanged.connect(self.update_tray)
        state.forecasts.changed.connect(self.update_tray)
        if app.window is not None:
            self.session_started()

    # ------------------------------------------------------------------ session
    def session_started(self) -> None:
        self.need_login = False
        window = self.app.window
        if window is not None:
            window.close_to_tray = self._close_to_tray
        self.refresher.start()
        self.update_tray()

    def session_ended(self) -> None:
        self.refresher.stop()
        self.tray.show_state(Level.FINE, None)

    def _close_to_tray(self) -> bool:
        """Asked by the main window when it is closed: hide it to the tray instead?"""
        self.tray.apply_settings()
        return self.tray.keeps_running

    # ------------------------------------------------------------------ tray
    def update_tray(self, *_args: Any) -> None:
        """The icon and tooltip from the state (every account, its balance and forecast)."""
        state = self.app.state
        if not state.logged_in or self.need_login:
            self.tray.show_state(Level.FINE, None)
            return
        numbers = state.account_numbers()
        balances = [(n, getattr(state.account(n), "balance", None)) for n in numbers]
        self.tray.show_state(level((state.account(n), state.forecasts.of(n)) for n in numbers), balances)

    def _refreshed(self, snapshot: Snapshot) -> None:
        self.need_login = False
        self.update_tray()
        self.notifier.check(snapshot)

    def _login_needed(self) -> None:
        self.need_login = True
        self.update_tray()

    # ------------------------------------------------------------------ menu
    def open_window(self) -> Any:
        """«Открыть»: the main window (or the login window between sessions), in front."""
        window = self.app.window if self.app.window is not None else self.app.login_dialog
        if window is not None:
            window.showNormal()
            window.raise_()
            window.activateWindow()
        return window

    def pay(self) -> Any:
        """«Оплатить…»: the payment dialog of the selected account over the main window."""
        window = self.open_window()
        if window is None or self.app.window is None:
            return None
        from .dialogs.payment import open_payment

        return open_payment(window.ctx, self.app.state.selected_account)

    def open_tab(self, tab: str, number: str) -> None:
        """A click on a notification: the window, the account, the tab that deals with it."""
        window = self.open_window()
        if window is None or self.app.window is None:
            return
        self.app.state.select_account(number)
        window.show_tab(tab)

    def close(self) -> None:
        self.refresher.stop()
        self.tray.close()
