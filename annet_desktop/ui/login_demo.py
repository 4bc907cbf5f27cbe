"""The login window's demo subscribers (``--demo``): a drop-down that fills the number and password.

A row of the login form, «Демо-абонент:», shown only while there are demo subscribers to list;
choosing one puts its account number and password in the form. The row is made when the first
list arrives (with ``--demo``, once the demo server is up — after the window's first paint), so a
start without ``--demo`` never builds it: PySide6 makes ``QComboBox``'s class on first use, a few
milliseconds before the first paint. The texts keep the login window's translation context
``LoginDialog``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from ..i18n import translate
from .widgets.naming import named

if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox


class DemoChooser(QObject):
    """The demo-subscriber row of a :class:`~.login_dialog.LoginDialog` and what choosing does."""

    def __init__(self, dialog: Any) -> None:
        super().__init__(dialog)  # the dialog is its parent(): no Python reference back to it
        # the listed ``DemoAccount``s (account, password, name, cases)
        self.accounts: list[Any] = []
        # the drop-down, once a list has come (None before)
        self.combo: QComboBox | None = None

    def _make_row(self) -> QComboBox:
        """The drop-down and its caption, as the form's first row, after «Настройки…» in Tab order."""
        from PySide6.QtWidgets import QComboBox, QLabel, QWidget

        dialog = self._dialog()
        combo = named(
            QComboBox(dialog),
            "login_demo",
            translate("LoginDialog", "Демо-абонент"),
            translate("LoginDialog", "Выбор демо-абонента заполняет номер счёта и пароль"),
        )
        # its items are long: sized by a few characters, not by the longest item, so the form
        # keeps room for its captions; the drop-down list itself is as wide as its items
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(16)
        combo.setEnabled(dialog.account.isEnabled())  # as the form (set_waiting disables it)
        caption = QLabel(translate("LoginDialog", "&Демо-абонент:"), dialog)
        caption.setObjectName("login_demo_caption")
        caption.setBuddy(combo)
        dialog.form.insertRow(0, caption, combo)
        QWidget.setTabOrder(dialog.settings_button, combo)  # made last, it would come last
        combo.activated.connect(self._chosen)
        self.combo = combo
        return combo

    def set_accounts(self, accounts: list[Any] | None) -> None:
        """List ``accounts`` (none: the row is hidden)."""
        self.accounts = list(accounts or [])
        if self.combo is None and not self.accounts:
            return
        combo = self.combo or self._make_row()
        combo.clear()
        if self.accounts:
            combo.addItem(translate("LoginDialog", "— выберите демо-абонента —"), None)
            for demo in self.accounts:
                cases = ", ".join(demo.cases)
                combo.addItem(f"{demo.account} — {demo.name} ({cases})", demo.account)
        self._dialog().form.setRowVisible(combo, bool(self.accounts))
        if self.accounts:
            view = combo.view()
            view.setMinimumWidth(view.sizeHintForColumn(0) + view.verticalScrollBar().sizeHint().width())

    def set_enabled(self, enabled: bool) -> None:
        if self.combo is not None:
            self.combo.setEnabled(enabled)

    def choose(self, account: str) -> None:
        """Pick a demo subscriber by account number (as if chosen in the drop-down)."""
        index = self.combo.findData(account) if self.combo is not None else -1
        if index >= 0:
            assert self.combo is not None
            self.combo.setCurrentIndex(index)
            self._chosen(index)

    def _chosen(self, index: int) -> None:
        number = self.combo.itemData(index) if self.combo is not None else None
        demo = next((d for d in self.accounts if d.account == number), None)
        if demo is not None:
            dialog = self._dialog()
            dialog.account.setText(demo.account)
            dialog.password.setText(demo.password)
            dialog.accept_button.setFocus()

    def _dialog(self) -> Any:
        return self.parent()
