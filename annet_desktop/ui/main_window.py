"""The main window: one tab per cabinet section (SPEC §2), «Выход» apart, a status bar, F5.

Tabs (manual names): «Абонент», «Счёт»/«Счета», «Услуги», «Баланс»/«Балансы», «Звонки» (only
when some account has telephony), «Журнал», «Пароль». «Выход» is a button at the right end of the
tab bar: it ends the session (``logoutRequested``). The status bar shows the server, the
subscriber, the time of the last refresh and a busy indicator. F5 refreshes the current tab.
The menu bar (:mod:`annet_desktop.ui.menus`): «Кабинет» (its «Обновить» is the F5 action) and
«Справка»; :meth:`MainWindow.add_menu` puts another menu before «Справка».
Window geometry and the last tab are restored from the settings.

The actions (:func:`annet_desktop.ui.dialogs.actions.install`) are wired once the tabs exist: they
connect the tabs' signals (``subscriber.changeSmsRequested``, ``account.payRequested``,
``services.serviceActivated``, ``password.changeRequested``, …) to the dialogs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QTabWidget,
    QToolButton,
    QWidget,
)

from annet_contract.moscow import format_time

from . import colors
from .dialogs.actions import install as install_actions
from .menus import install as install_menus
from .messages import error_text
from .subscribers_menu import SubscribersMenu
from .tabs.account_tab import AccountTab
from .tabs.balance_tab import BalanceTab
from .tabs.calls_tab import CallsTab
from .tabs.context import TabContext
from .tabs.journal_tab import JournalTab
from .tabs.password_tab import PasswordTab
from .tabs.services_tab import ServicesTab
from .tabs.subscriber_tab import SubscriberTab
from .widgets.fit import fit_screen
from .widgets.naming import named

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """The cabinet: tabs over :class:`~annet_desktop.state.CabinetState`, fed by the worker."""

    logoutRequested = Signal()

    def __init__(self, ctx: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        ctx.window = self
        #: asked on close: True hides the window to the tray instead (set by ui/watch.py)
        self.close_to_tray: Callable[[], bool] | None = None
        named(self, "main_window", self.tr("Личный кабинет абонента «Аннет»"))
        self.setWindowTitle(self.tr("Аннет — личный кабинет"))
        fit_screen(self, QSize(980, 640))

        self.tabs = named(QTabWidget(self), "main_tabs", self.tr("Разделы личного кабинета"))
        named(
            self.tabs.tabBar(),
            "main_tab_bar",
            self.tr("Закладки разделов"),
            self.tr("Разделы личного кабинета; Ctrl+Tab — следующий раздел"),
        )
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self.subscriber = SubscriberTab(ctx)
        self.account = AccountTab(ctx)
        self.services = ServicesTab(ctx)
        self.balance = BalanceTab(ctx)
        self.calls: CallsTab | None = CallsTab(ctx) if ctx.state.has_telephony else None
        self.journal = JournalTab(ctx)
        self.password = PasswordTab(ctx)
        for tab in self.all_tabs():
            self.tabs.addTab(tab, "")
        self.retitle()

        self.logout_button = named(QToolButton(self), "logout_button", self.tr("Выход"))
        self.logout_button.setText(self.tr("&Выход"))
        self.logout_button.setToolTip(self.tr("Завершить сеанс и вернуться к окну входа"))
        self.logout_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.logout_button.clicked.connect(self.logoutRequested)
        self.settings_button = named(QToolButton(self), "settings_button", self.tr("Настройки"))
        self.settings_button.setText(self.tr("Нас&тройки…"))
        self.settings_button.setToolTip(self.tr("Сервер, язык, сохранённый пароль, папка для экспорта"))
        self.settings_button.setAutoRaise(True)
        self.settings_button.clicked.connect(self.open_settings)
        corner = QWidget(self)
        corner.setObjectName("main_corner")
        row = QHBoxLayout(corner)
        row.setContentsMargins(0, 0, 2, 0)
        row.setSpacing(4)
        row.addWidget(self.settings_button)
        row.addWidget(self.logout_button)
        self.tabs.setCornerWidget(corner, Qt.Corner.TopRightCorner)

        self.refresh_action = QAction(self.tr("Обновить"), self)
        self.refresh_action.setObjectName("refresh_action")
        self.refresh_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.refresh_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.refresh_action.triggered.connect(self.refresh_current)
        self.addAction(self.refresh_action)

        bar = self.statusBar()
        bar.setObjectName("status_bar")
        self.server_label = QLabel(self)
        self.server_label.setObjectName("status_server")
        self.subscriber_label = QLabel(self)
        self.subscriber_label.setObjectName("status_subscriber")
        self.refresh_label = QLabel(self)
        self.refresh_label.setObjectName("status_refreshed")
        self.busy = QProgressBar(self)
        self.busy.setObjectName("status_busy")
        self.busy.setAccessibleName(self.tr("Идёт обмен данными с сервером"))
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(90)
        self.busy.setMaximumHeight(14)
        self.busy.setTextVisible(False)
        self.busy.setVisible(ctx.worker.busy)
        bar.addPermanentWidget(self.subscriber_label)
        bar.addPermanentWidget(self.server_label)
        bar.addPermanentWidget(self.refresh_label)
        bar.addPermanentWidget(self.busy)

        state = ctx.state
        ctx.worker.busyChanged.connect(self.busy.setVisible)
        state.meChanged.connect(self._status)
        state.refreshed.connect(self._refreshed)
        state.onlineChanged.connect(self._online)
        state.loadFailed.connect(self._load_failed)
        state.meChanged.connect(self._telephony_tab)
        state.meChanged.connect(self.retitle)
        ctx.messages.statusMessage.connect(self._status_message)
        self.tabs.currentChanged.connect(self._tab_changed)
        self._status()
        self._install_actions()
        self.menus = install_menus(self)
        self.subscribers_menu = SubscribersMenu(ctx.settings, ctx.state.login_account, self)
        self.add_menu(self.subscribers_menu)
        self.restore()

    def add_menu(self, menu: QMenu) -> None:
        """Add a menu to the menu bar before «Справка» (e.g. «Абоненты»)."""
        self.menus.add_menu(menu)

    # ------------------------------------------------------------------ tabs
    def all_tabs(self) -> list[QWidget]:
        tabs: list[QWidget] = [self.subscriber, self.account, self.services, self.balance]
        if self.calls is not None:
            tabs.append(self.calls)
        tabs += [self.journal, self.password]
        return tabs

    def tab_titles(self) -> list[str]:
        return [self.tabs.tabText(i) for i in range(self.tabs.count())]

    def retitle(self) -> None:
        """Manual names; plural «Счета», «Балансы» when the subscriber has several accounts; each
        with its mnemonic (Alt+letter; the menus, the corner buttons and the tabs' own controls
        take other letters: tests/ui/test_every_window.py checks every window)."""
        several = self.ctx.state.several_accounts
        titles = {
            self.subscriber: self.tr("Або&нент"),
            self.account: self.tr("С&чета") if several else self.tr("С&чёт"),
            self.services: self.tr("&Услуги"),
            self.balance: self.tr("&Балансы") if several else self.tr("&Баланс"),
            self.journal: self.tr("&Журнал"),
            self.password: self.tr("&Пароль"),
        }
        if self.calls is not None:
            titles[self.calls] = self.tr("&Звонки")
        for tab, title in titles.items():
            index = self.tabs.indexOf(tab)
            if index >= 0:
                self.tabs.setTabText(index, title)

    def _telephony_tab(self) -> None:
        """«Звонки» appears as soon as an account has telephony (a service added with «Новая»)."""
        if self.calls is not None or not self.ctx.state.has_telephony:
            return
        self.calls = CallsTab(self.ctx)
        self.tabs.insertTab(self.tabs.indexOf(self.journal), self.calls, "")

    def show_tab(self, name: str) -> bool:
        """Switch to the tab whose objectName is ``name`` (e.g. ``tab_balance``)."""
        for index in range(self.tabs.count()):
            widget = self.tabs.widget(index)
            if widget is not None and widget.objectName() == name:
                self.tabs.setCurrentIndex(index)
                return True
        return False

    def current_tab(self) -> QWidget:
        return self.tabs.currentWidget()

    def refresh_current(self) -> None:
        """F5: reload what the current tab shows."""
        tab = self.tabs.currentWidget()
        refresh = getattr(tab, "refresh", None)
        if callable(refresh):
            refresh()
            self.ctx.messages.status(self.tr("Обновление…"))

    def _tab_changed(self, _index: int) -> None:
        self.ctx.settings.set("window/last_tab", self.tabs.currentWidget().objectName())
        if self.calls is not None and self.tabs.currentWidget() is self.calls:
            self._open_calls_on_telephony()

    def _open_calls_on_telephony(self) -> None:
        """«Звонки» opens on an account with telephony: when the selected one has none, the first
        account that has it is selected (a subscriber with an internet and a telephony account)."""
        state = self.ctx.state
        refs = state.account_refs()
        if any(r.number == state.selected_account and r.has_telephony for r in refs):
            return
        first = next((r.number for r in refs if r.has_telephony), None)
        if first is not None:
            state.select_account(first)

    # ------------------------------------------------------------------ hooks
    def _install_actions(self) -> None:
        install_actions(self)

    def open_settings(self) -> Any:
        """«Настройки…»: server, language (from the next start), saved password, export folder."""
        from .dialogs.settings_dialog import open_settings

        return open_settings(
            self.ctx.settings,
            self.ctx.credentials,
            account=self.ctx.state.login_account or None,
            server_url=self.ctx.worker.base_url,
            parent=self,
        )

    # ------------------------------------------------------------------ status bar
    def _refreshed(self, _when: object) -> None:
        self._status()

    def _status_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 15000)

    def _status(self) -> None:
        me = self.ctx.state.me
        self.subscriber_label.setText(
            self.tr("Абонент: {name}").format(name=me.name) if me is not None else ""
        )
        self._online(self.ctx.state.online)
        last = self.ctx.state.last_refresh
        self.refresh_label.setText(
            self.tr("Обновлено в {time}").format(time=format_time(last)) if last else ""
        )

    def _online(self, online: bool) -> None:
        url = self.ctx.worker.base_url
        if online:
            self.server_label.setText(self.tr("Сервер: {url}").format(url=url))
            self.server_label.setStyleSheet("")
        else:
            self.server_label.setText(self.tr("Нет связи с сервером {url}").format(url=url))
            self.server_label.setStyleSheet(colors.style(colors.ERROR))

    def _load_failed(self, part: str, _number: str, error: Any) -> None:
        sentences = {
            "me": self.tr(
                "Не удалось обновить данные абонента: {error} "
                "Показаны последние полученные данные; нажмите F5, чтобы повторить."
            ),
            "account": self.tr(
                "Не удалось обновить данные счёта: {error} "
                "Показаны последние полученные данные; нажмите F5, чтобы повторить."
            ),
            "services": self.tr(
                "Не удалось обновить услуги: {error} "
                "Показаны последние полученные данные; нажмите F5, чтобы повторить."
            ),
            "balance": self.tr(
                "Не удалось обновить историю баланса: {error} "
                "Показаны последние полученные данные; нажмите F5, чтобы повторить."
            ),
            "journal": self.tr(
                "Не удалось обновить журнал: {error} "
                "Показаны последние полученные данные; нажмите F5, чтобы повторить."
            ),
        }
        text = sentences[part].format(error=error_text(error, self.ctx.worker.base_url))
        self.ctx.messages.status(text, kind="error")

    # ------------------------------------------------------------------ geometry
    def restore(self) -> None:
        geometry = self.ctx.settings.get("window/geometry")
        if geometry is not None and not geometry.isEmpty():
            self.restoreGeometry(geometry)
            fit_screen(self)  # saved on a larger screen or at a smaller scale factor
        last = self.ctx.settings.get("window/last_tab")
        if last:
            self.show_tab(str(last))

    def save(self) -> None:
        self.ctx.settings.set("window/geometry", self.saveGeometry())
        self.ctx.settings.set("window/last_tab", self.tabs.currentWidget().objectName())
        self.ctx.settings.sync()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        fit_screen(self)  # the frame is known now: the window with it stays on the screen

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save()
        if self.close_to_tray is not None and self.close_to_tray():
            event.ignore()
            self.hide()
            return
        super().closeEvent(event)
