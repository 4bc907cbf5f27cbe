"""The main window's menu bar (a global menu on macOS by itself): «Кабинет» and «Справка».

«Кабинет»: Обновить (F5: the window's one refresh action), Оплатить… (Ctrl+P), Экспортировать
звонки… (Ctrl+E), Настройки… (the platform's Preferences key, Ctrl+, where it has none), Выйти из
кабинета, Закрыть (Ctrl+Q). «Справка»: the manual's links (the online-payment article of the «Аннет»
wiki, other ways to pay, the loyalty programme's terms, the IPTVPORTAL guide) in the system browser,
«Написать в поддержку» (the manual's support address, in the mail client), «О программе», «О Qt».
Other menus go in with :meth:`MainMenus.add_menu`, before «Справка». Tests inject ``opener`` (what
opens a URL) and ``about_qt`` (the modal «О Qt» box).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QWidget

# the manual's links (cabinet-manual.ru.txt) and the support address it names
ONLINE_PAYMENT_WIKI = "http://wiki.an-net.ru/doku.php?id=онлайн_оплата_услуг"
OTHER_WAYS_TO_PAY = "http://an-net.ru/payment"
LOYALTY_TERMS = "http://an-net.ru/include/annet_programma_loyalnosti.pdf"
IPTV_GUIDE = "http://an-net.ru/include/IPTVPORTAL_manual.pdf"
SUPPORT_MAIL = "mailto:my@an-net.ru"
# the Preferences shortcut where the platform has none (Windows, most Linux desktops)
PREFERENCES_FALLBACK = "Ctrl+,"

Opener = Callable[[QUrl], Any]


def preferences_keys() -> list[QKeySequence]:
    """The platform's Preferences shortcut, or :data:`PREFERENCES_FALLBACK` where it has none."""
    keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)
    return keys or [QKeySequence(PREFERENCES_FALLBACK)]


class MainMenus(QObject):
    """Builds and owns the menu bar of the main window; its actions are attributes (tests, f15b)."""

    def __init__(
        self,
        window: Any,
        *,
        opener: Opener = QDesktopServices.openUrl,
        about_qt: Callable[[QWidget], Any] = QMessageBox.aboutQt,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.opener = opener
        self.about_qt_box = about_qt
        self.about: Any = None  # the About box once opened
        bar = window.menuBar()
        bar.setObjectName("menu_bar")
        bar.setAccessibleName(self.tr("Главное меню"))
        self.cabinet = self._menu(self.tr("&Кабинет"), "menu_cabinet")
        self.refresh = window.refresh_action
        self.cabinet.addAction(self.refresh)
        self.pay = self._action(self.cabinet, self.tr("&Оплатить…"), "menu_pay", self.pay_selected, "Ctrl+P")
        self.export_calls = self._action(
            self.cabinet, self.tr("&Экспортировать звонки…"), "menu_export_calls", self.export, "Ctrl+E"
        )
        self.cabinet.addSeparator()
        self.settings = self._action(
            self.cabinet, self.tr("&Настройки…"), "menu_settings", window.open_settings
        )
        self.settings.setShortcuts(preferences_keys())
        self.settings.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.cabinet.addSeparator()
        self.logout = self._action(
            self.cabinet, self.tr("&Выйти из кабинета"), "menu_logout", window.logoutRequested.emit
        )
        self.close = self._action(self.cabinet, self.tr("&Закрыть"), "menu_close", window.close, "Ctrl+Q")
        self.close.setMenuRole(QAction.MenuRole.QuitRole)

        self.help = self._menu(self.tr("&Справка"), "menu_help")
        self.links = [
            self._link(self.tr("Онлайн-оплата услуг (Энциклопедия сети «Аннет»)"), "menu_wiki_payment",
                       ONLINE_PAYMENT_WIKI),
            self._link(self.tr("Другие способы оплаты"), "menu_other_payments", OTHER_WAYS_TO_PAY),
            self._link(self.tr("Условия программы лояльности «Больше платишь — меньше тратишь!»"),
                       "menu_loyalty", LOYALTY_TERMS),
            self._link(self.tr("Инструкция по IPTVPORTAL"), "menu_iptv", IPTV_GUIDE),
        ]  # fmt: skip
        self.help.addSeparator()
        self.support = self._link(self.tr("Написать в поддержку…"), "menu_support", SUPPORT_MAIL)
        self.help.addSeparator()
        self.about_action = self._action(self.help, self.tr("&О программе"), "menu_about", self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_qt = self._action(
            self.help, self.tr("О &Qt"), "menu_about_qt", lambda: self.about_qt_box(window)
        )
        self.about_qt.setMenuRole(QAction.MenuRole.AboutQtRole)

    # ------------------------------------------------------------------ building
    def _menu(self, title: str, name: str) -> QMenu:
        menu = self.window.menuBar().addMenu(title)
        menu.setObjectName(name)
        menu.setAccessibleName(title.replace("&", ""))
        return menu

    def _action(
        self, menu: QMenu, text: str, name: str, slot: Callable[[], Any], shortcut: str = ""
    ) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _link(self, text: str, name: str, url: str) -> QAction:
        action = self._action(self.help, text, name, lambda: self.opener(QUrl(url)))
        action.setToolTip(url)
        action.setData(url)
        return action

    def add_menu(self, menu: QMenu) -> QAction:
        """Put ``menu`` in the menu bar before «Справка» (e.g. «Абоненты»)."""
        return self.window.menuBar().insertMenu(self.help.menuAction(), menu)

    # ------------------------------------------------------------------ what they do
    def pay_selected(self) -> None:
        """«Оплатить…»: the payment dialog for the account shown."""
        self.window.actions.pay(self.window.ctx.state.selected_account)

    def export(self) -> None:
        """«Экспортировать звонки…»: «Звонки», then its export when a complete month is shown."""
        calls = self.window.calls
        if calls is None or not self.window.show_tab("tab_calls"):
            self.window.ctx.messages.status(self.tr("Звонков нет: ни на одном счёте нет телефонии."))
            return
        if calls.export_button.isEnabled():
            calls.export.start()
        else:
            self.window.ctx.messages.status(
                self.tr(
                    "Экспортировать можно, когда на закладке «Звонки» показан загруженный месяц со звонками."
                )
            )

    def show_about(self) -> QWidget:
        """«О программе» (non-modal; deleted on close)."""
        from .dialogs.about import AboutDialog

        self.about = AboutDialog(self.window)
        self.about.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.about.open()
        return self.about


def install(window: QMainWindow, **kwargs: Any) -> MainMenus:
    """Build the menu bar of ``window`` (kept as ``window.menus``)."""
    menus = MainMenus(window, **kwargs)
    window.menus = menus  # type: ignore[attr-defined]
    return menus
