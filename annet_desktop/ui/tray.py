"""The tray: an icon that shows the state, the balances in its tooltip, a menu (issue 14.4).

The logic (state → icon, tooltip, menu; the menu's actions; what closing the window does) lives in
:class:`TrayController` and talks to the platform through a small port, so it is tested where
there is no tray at all (the offscreen platform):

* :class:`TrayPort` keeps what it was told — the icon's level, the tooltip, the menu, every message
  shown — and says whether a tray exists (``available``; tests make one that says yes);
* :class:`SystemTrayPort` also drives a real ``QSystemTrayIcon`` where
  ``QSystemTrayIcon.isSystemTrayAvailable()``.

Closing the main window keeps the app in the tray when the setting ``tray/keep_running`` says so
and a tray exists; where none exists the window's close ends the app, as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from annet_contract.money import format_money

from .. import resource_dir
from ..domain.watch import Level
from ..i18n import translate


def icon_path(level: Level) -> str:
    """The file of the tray icon of ``level`` (resources/icons/tray-<level>.png)."""
    return str(resource_dir.icons() / f"tray-{level.value}.png")


def tooltip_text(balances: Sequence[tuple[str, Any]] | None) -> str:
    """The tooltip: the balance of each account, or «Войдите…» when there is no session.

    ``balances`` are (account number, balance or None while unknown) pairs — of every subscriber
    the app knows, in the order to show them; ``None`` when nobody is logged in.
    """
    title = translate("Tray", "Аннет — личный кабинет")
    if not balances:
        return "\n".join((title, translate("Tray", "Войдите, чтобы видеть баланс")))  # two lines
    lines = [title]
    for number, balance in balances:
        if balance is None:
            lines.append(translate("Tray", "Счёт {account}: баланс загружается").format(account=number))
        else:
            lines.append(
                translate("Tray", "Счёт {account}: {balance}").format(
                    account=number, balance=format_money(balance)
                )
            )
    return "\n".join(lines)


def level_text(level: Level) -> str:
    """The icon's state in words (its accessible description)."""
    return {
        Level.FINE: translate("Tray", "Всё в порядке"),
        Level.SOON: translate("Tray", "Скоро нужно пополнить счёт"),
        Level.BLOCKED: translate("Tray", "Услуги заблокированы: пополните счёт"),
    }[level]


class TrayPort(QObject):
    """The tray as the controller sees it; this base only remembers what it was told."""

    activated = Signal()  # the icon was clicked (open the window)
    messageClicked = Signal()

    def __init__(self, parent: QObject | None = None, *, available: bool = False) -> None:
        super().__init__(parent)
        self._available = available
        self.level: Level | None = None
        self.tooltip = ""
        self.menu: QMenu | None = None
        self.visible = False
        self.messages: list[tuple[str, str]] = []  # (title, text) of every notification shown

    @property
    def available(self) -> bool:
        return self._available

    def show(self) -> None:
        self.visible = True

    def hide(self) -> None:
        self.visible = False

    def set_level(self, level: Level) -> None:
        self.level = level

    def set_tooltip(self, text: str) -> None:
        self.tooltip = text

    def set_menu(self, menu: QMenu) -> None:
        self.menu = menu

    def show_message(self, title: str, text: str) -> None:
        self.messages.append((title, text))


class SystemTrayPort(TrayPort):
    """The platform's tray (``QSystemTrayIcon``), where there is one."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent, available=QSystemTrayIcon.isSystemTrayAvailable())
        self.icon = QSystemTrayIcon(self)
        self.icon.activated.connect(self._activated)
        self.icon.messageClicked.connect(self.messageClicked)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.activated.emit()

    def show(self) -> None:
        super().show()
        if self.available:
            self.icon.show()

    def hide(self) -> None:
        super().hide()
        self.icon.hide()

    def set_level(self, level: Level) -> None:
        super().set_level(level)
        self.icon.setIcon(QIcon(icon_path(level)))

    def set_tooltip(self, text: str) -> None:
        super().set_tooltip(text)
        self.icon.setToolTip(text)

    def set_menu(self, menu: QMenu) -> None:
        super().set_menu(menu)
        self.icon.setContextMenu(menu)

    def show_message(self, title: str, text: str) -> None:
        super().show_message(title, text)
        if self.available and self.icon.supportsMessages():
            self.icon.showMessage(title, text, QIcon(icon_path(self.level or Level.FINE)), 15000)


class TrayController(QObject):
    """The tray's icon, tooltip and menu, following the app (see the module docstring).

    The menu's actions emit signals the app connects: «Открыть» (``openRequested``), «Оплатить…»
    (``payRequested``), «Обновить» (``refreshRequested``), «Выход» (``quitRequested``).
    """

    openRequested = Signal()
    payRequested = Signal()
    refreshRequested = Signal()
    quitRequested = Signal()

    def __init__(self, port: TrayPort, settings: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.port = port
        self.settings = settings
        self.menu = QMenu()
        self.menu.setObjectName("tray_menu")
        self.menu.setAccessibleName(translate("Tray", "Меню значка в области уведомлений"))
        self.open_action = self._action("tray_open", translate("Tray", "Открыть"), self.openRequested)
        self.pay_action = self._action("tray_pay", translate("Tray", "Оплатить…"), self.payRequested)
        self.refresh_action = self._action(
            "tray_refresh", translate("Tray", "Обновить"), self.refreshRequested
        )
        self.menu.addSeparator()
        self.quit_action = self._action("tray_quit", translate("Tray", "Выход"), self.quitRequested)
        port.set_menu(self.menu)
        port.activated.connect(self.openRequested)
        self._quit_on_last = QApplication.quitOnLastWindowClosed()
        self.show_state(Level.FINE, None)
        port.show()
        self.apply_settings()

    def _action(self, name: str, text: str, signal: Any) -> QAction:
        action = QAction(text, self.menu)
        action.setObjectName(name)
        action.triggered.connect(signal)
        self.menu.addAction(action)
        return action

    @property
    def keeps_running(self) -> bool:
        """Closing the window hides it to the tray (the setting, and only where a tray exists)."""
        return self.port.available and bool(self.settings.get("tray/keep_running"))

    def apply_settings(self) -> None:
        """The app stays when its last window closes only while it lives on in the tray."""
        QApplication.setQuitOnLastWindowClosed(self._quit_on_last and not self.keeps_running)

    def show_state(self, level: Level, balances: Sequence[tuple[str, Any]] | None) -> None:
        """The icon of ``level``, the balances (None: nobody logged in) in the tooltip, the menu."""
        self.port.set_level(level)
        text = tooltip_text(balances)
        if balances and level is not Level.FINE:
            text += "\n" + level_text(level)
        self.port.set_tooltip(text)
        self.pay_action.setEnabled(balances is not None)
        self.refresh_action.setEnabled(balances is not None)

    def close(self) -> None:
        """Take the icon away and give the app its usual quit-on-last-window back."""
        self.port.hide()
        QApplication.setQuitOnLastWindowClosed(self._quit_on_last)
        self.menu.deleteLater()
