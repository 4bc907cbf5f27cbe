"""«Абоненты» in the menu bar: the subscribers remembered on this computer, to switch between them.

Lists every remembered subscriber (:mod:`annet_desktop.domain.subscribers`, kept in the settings;
their passwords only in the OS keyring), the one logged in checked; choosing another emits
``switchRequested(account)`` (the app logs out and logs in as that one: see
:meth:`annet_desktop.app.AppController.switch_to`). «Другой абонент…» emits ``otherRequested`` (the
login window, empty); «Забыть абонента» lists them again and emits ``forgetRequested(account)``
(the app drops it from the list and deletes its keyring entry). The list is rebuilt each time
the menu opens.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from ..domain.subscribers import Subscriber, parse

SETTING = "subscribers/remembered"


def remembered(settings: Any) -> list[Subscriber]:
    """The remembered subscribers, the most recently used first."""
    return parse(str(settings.get(SETTING)))


class SubscribersMenu(QMenu):
    """The «Абоненты» menu over the settings' list; ``current`` is the subscriber logged in."""

    switchRequested = Signal(str)
    otherRequested = Signal()
    forgetRequested = Signal(str)

    def __init__(self, settings: Any, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.current = current
        self.setTitle(self.tr("&Абоненты"))
        self.setObjectName("menu_subscribers")
        self.setAccessibleName(self.tr("Абоненты"))
        self.setAccessibleDescription(
            self.tr("Переключиться на другого абонента, запомненного на этом компьютере")
        )
        self.forget_menu = QMenu(self.tr("&Забыть абонента"), self)
        self.forget_menu.setObjectName("menu_subscribers_forget")
        self.forget_menu.setAccessibleName(self.tr("Забыть абонента"))
        self.aboutToShow.connect(self.rebuild)
        self.rebuild()

    def _label(self, subscriber: Subscriber) -> str:
        if not subscriber.name:
            return subscriber.account
        return self.tr("{account} — {name}").format(account=subscriber.account, name=subscriber.name)

    def rebuild(self) -> None:
        """Fill the menu from the settings (it may have changed in another window or session)."""
        self.clear()
        self.forget_menu.clear()
        subscribers = remembered(self.settings)
        for subscriber in subscribers:
            action = QAction(self._label(subscriber), self)
            action.setObjectName(f"subscriber_{subscriber.account}")
            action.setCheckable(True)
            action.setChecked(subscriber.account == self.current)
            action.setToolTip(
                self.tr("Вы вошли как этот абонент")
                if subscriber.account == self.current
                else self.tr("Выйти из кабинета и войти как этот абонент")
            )
            action.triggered.connect(lambda _c=False, a=subscriber.account: self._chosen(a))
            self.addAction(action)
            forget = QAction(self._label(subscriber), self.forget_menu)
            forget.setObjectName(f"forget_{subscriber.account}")
            forget.triggered.connect(lambda _c=False, a=subscriber.account: self.forgetRequested.emit(a))
            self.forget_menu.addAction(forget)
        if subscribers:
            self.addSeparator()
        other = QAction(self.tr("&Другой абонент…"), self)
        other.setObjectName("subscriber_other")
        other.triggered.connect(lambda _c=False: self.otherRequested.emit())
        self.addAction(other)
        self.forget_menu.setEnabled(bool(subscribers))
        self.addMenu(self.forget_menu)

    def _chosen(self, account: str) -> None:
        if account == self.current:
            self.rebuild()  # keep it checked: it is the one logged in
            return
        self.switchRequested.emit(account)

    def subscriber_actions(self) -> list[QAction]:
        """The actions of the remembered subscribers, in menu order (tests)."""
        return [a for a in self.actions() if a.objectName().startswith("subscriber_") and a.isCheckable()]
