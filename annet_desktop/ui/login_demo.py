"""The login window's demo subscribers (``--demo``): a drop-down that fills the number and password.

A row of the login form, «Демо-абонент:», shown only while there are demo subscribers to list;
choosing one puts its account number and password in the form. The texts keep the login window's
translation context ``LoginDialog``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QLabel

from ..i18n import translate
from .widgets.naming import named


class DemoChooser(QObject):
    """The demo-subscriber row of a :class:`~.login_dialog.LoginDialog` and what choosing does."""

    def __init__(self, dialog: Any) -> None:
        super().__init__(dialog)  # the dialog is its parent(): no Python reference back to it
        #: the listed ``DemoAccount``s (account, password, name, cases)
        self.accounts: list[Any] = []
        self.combo = named(
            QComboBox(dialog),
            "login_demo",
            translate("LoginDialog", "Демо-абонент"),
            translate("LoginDialog", "Выбор демо-абонента заполняет номер счёта и пароль"),
        )
        # its items are long: sized by a few characters, not by the longest item, so the form
        # keeps room for its captions; the drop-down list itself is as wide as its items
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(16)
        self.caption = QLabel(translate("LoginDialog", "&Демо-абонент:"), dialog)
        self.caption.setObjectName("login_demo_caption")
        self.caption.setBuddy(self.combo)
        dialog.form.addRow(self.caption, self.combo)
        self.combo.activated.connect(self._chosen)

    def set_accounts(self, accounts: list[Any] | None) -> None:
        """List ``accounts`` (none: the row is hidden)."""
        self.accounts = list(accounts or [])
        self.combo.clear()
        if self.accounts:
            self.combo.addItem(translate("LoginDialog", "— выберите демо-абонента —"), None)
            for demo in self.accounts:
                cases = ", ".join(demo.cases)
                self.combo.addItem(f"{demo.account} — {demo.name} ({cases})", demo.account)
        self._dialog().form.setRowVisible(self.combo, bool(self.accounts))
        if self.accounts:
            view = self.combo.view()
            view.setMinimumWidth(view.sizeHintForColumn(0) + view.verticalScrollBar().sizeHint().width())

    def choose(self, account: str) -> None:
        """Pick a demo subscriber by account number (as if chosen in the drop-down)."""
        index = self.combo.findData(account)
        if index >= 0:
            self.combo.setCurrentIndex(index)
            self._chosen(index)

    def _chosen(self, index: int) -> None:
        number = self.combo.itemData(index)
        demo = next((d for d in self.accounts if d.account == number), None)
        if demo is not None:
            dialog = self._dialog()
            dialog.account.setText(demo.account)
            dialog.password.setText(demo.password)
            dialog.accept_button.setFocus()

    def _dialog(self) -> Any:
        return self.parent()
