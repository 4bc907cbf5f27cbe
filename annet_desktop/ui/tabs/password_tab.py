"""«Пароль»: the password change form (R-PWD-1); the actions code wires «Изменить».

The fields are public (``current``, ``new``, ``confirm``, ``strength``); «Изменить» (or Enter in
the confirmation field) emits ``changeRequested()``. Nothing here talks to the server.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..widgets.naming import named
from .context import TabContext


class PasswordTab(QWidget):
    """Current password, new password, confirmation and «Изменить» (or Enter in the confirmation)."""

    changeRequested = Signal()

    def __init__(self, ctx: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        named(self, "tab_password", self.tr("Пароль"))
        layout = QVBoxLayout(self)
        box = QGroupBox(self.tr("Смена пароля от личного кабинета"), self)
        box.setObjectName("password_box")
        form = QFormLayout(box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.current = self._field("password_current", self.tr("Текущий пароль"))
        self.new = self._field("password_new", self.tr("Новый пароль"))
        self.confirm = self._field("password_confirm", self.tr("Подтверждение пароля"))
        form.addRow(self.tr("Т&екущий пароль:"), self.current)
        form.addRow(self.tr("Н&овый пароль:"), self.new)
        form.addRow(self.tr("По&дтверждение пароля:"), self.confirm)
        self.strength = QLabel(box)
        self.strength.setObjectName("password_strength")
        form.addRow("", self.strength)
        layout.addWidget(box)
        self.rules = QLabel(
            self.tr(
                "Новый пароль должен содержать буквы и цифры и быть не короче 6 символов; "
                "лучше использовать и строчные, и заглавные буквы. После смены пароль из Памятки "
                "абонента перестанет действовать."
            ),
            self,
        )
        self.rules.setObjectName("password_rules")
        self.rules.setWordWrap(True)
        layout.addWidget(self.rules)
        row = QHBoxLayout()
        self.change_button = named(
            QPushButton(self.tr("&Изменить"), self),
            "password_change",
            self.tr("Изменить"),
            self.tr("Сменить пароль от личного кабинета на новый"),
        )
        row.addWidget(self.change_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        self.change_button.clicked.connect(self.changeRequested)
        self.confirm.returnPressed.connect(self.changeRequested)  # Enter in the last field sends the form

    def _field(self, name: str, caption: str) -> QLineEdit:
        description = self.tr("Поле пароля; символы скрыты")
        edit = named(QLineEdit(self), name, caption, description)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setMaxLength(128)
        edit.setMinimumWidth(280)
        return edit

    def clear(self) -> None:
        for edit in (self.current, self.new, self.confirm):
            edit.clear()

    def refresh(self) -> None:
        """Nothing to reload: the form holds no server data."""
