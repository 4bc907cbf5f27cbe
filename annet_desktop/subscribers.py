"""Several subscribers in one app (issue 15.2): remembering them, switching, forgetting, balances.

:class:`Subscribers` belongs to the :class:`~annet_desktop.app.AppController`. Every successful
login puts the subscriber at the top of the remembered list (number and name in the settings; the
password only in the OS keyring, and only when «Запомнить» was ticked). Switching ends the
session of the one logged in — the app's logout: the worker's generation moves on, so answers to
the old session's requests still in flight are dropped, and the state is cleared — then logs in as
the other with its keyring password, or shows the login window pre-filled with its number
(docs/decisions.md, «Several subscribers»). Forgetting one removes it from the list and deletes
its keyring entry. :meth:`Subscribers.balances` is what the tray's tooltip shows.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from .domain.subscribers import Subscriber, dump, forget, parse, remember
from .i18n import translate

SETTING = "subscribers/remembered"


class Subscribers(QObject):
    """The remembered subscribers of one app, and switching between them."""

    def __init__(self, controller: Any) -> None:
        """``controller``: the :class:`~annet_desktop.app.AppController` (not imported: it imports this)."""
        super().__init__(controller)
        self.controller = controller
        #: (subscriber, account number) → the last balance seen this run (memory only)
        self.balances_seen: dict[tuple[str, str], Any] = {}
        self._following = False

    def remembered(self) -> list[Subscriber]:
        return parse(str(self.controller.settings.get(SETTING)))

    def _store(self, subscribers: list[Subscriber]) -> None:
        settings = self.controller.settings
        settings.set(SETTING, dump(subscribers))
        settings.sync()

    def logged_in(self, account: str, me: Any, menu: Any) -> None:
        """A login succeeded: remember the subscriber, follow its balances, wire the menu."""
        self._store(remember(self.remembered(), account, str(me.name)))
        state = self.controller.state
        if not self._following:
            state.accountChanged.connect(self._balance_seen)
            self._following = True
        for number in state.account_numbers():
            self._balance_seen(number)
        menu.switchRequested.connect(self.switch_to)
        menu.otherRequested.connect(self.other)
        menu.forgetRequested.connect(self.forget)

    def stored_password(self, account: str) -> str:
        controller = self.controller
        if controller.demo:  # the demo's passwords are public; nothing of the demo goes to the keyring
            return next((d.password for d in controller.demo_accounts if d.account == account), "")
        return controller.credentials.get(controller.worker.base_url, account) or ""

    def switch_to(self, account: str) -> None:
        """Log out the subscriber logged in and log in as ``account`` (its keyring password), or
        leave the login window pre-filled with the number when there is none."""
        controller = self.controller
        if controller.window is None or account == controller.account:
            return
        password = self.stored_password(account)
        controller.logout()
        dialog = controller.login_dialog
        if dialog is None:
            return
        dialog.account.setText(account)
        dialog.password.clear()
        dialog.error.hide()
        if not password:
            dialog.password.setFocus()
            return
        dialog.password.setText(password)
        dialog.remember.setChecked(True)  # it came from the keyring: keep it there
        if dialog.accept_button.isEnabled():  # not while a new server address waits for the old logout
            dialog.submit()

    def other(self) -> None:
        """«Другой абонент…»: end this session; the login window opens empty."""
        controller = self.controller
        controller.logout()
        dialog = controller.login_dialog
        if dialog is not None:
            dialog.account.clear()
            dialog.password.clear()
            dialog.account.setFocus()

    def forget(self, account: str) -> None:
        """«Забыть абонента»: drop it from the list and delete its password from the keyring."""
        controller = self.controller
        self._store(forget(self.remembered(), account))
        if controller.settings.last_account == account:
            controller.settings.reset("login/last_account")
            controller.settings.sync()
        if not controller.demo:
            controller.credentials.delete(controller.worker.base_url, account)
        self.balances_seen = {k: v for k, v in self.balances_seen.items() if k[0] != account}
        controller.messages.status(translate("App", "Абонент {account} забыт.").format(account=account))

    def _balance_seen(self, number: str) -> None:
        controller = self.controller
        account = controller.state.account(number)
        if account is not None and controller.account:
            self.balances_seen[(controller.account, number)] = account.balance

    def balances(self) -> list[tuple[str, Any]]:
        """(account number, balance) of every account seen this run, of every subscriber: the
        tray's tooltip. The subscriber logged in is current; the others as last seen."""
        return [(number, balance) for (_login, number), balance in self.balances_seen.items()]
