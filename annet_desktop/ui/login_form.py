"""The login window's widgets and their layout, built onto a :class:`~.login_dialog.LoginDialog`.

Kept apart from the dialog's behaviour (login_dialog.py) so each file stays readable; the texts
keep the dialog's translation context ``LoginDialog``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QColor, QPalette, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
)

from ..i18n import translate
from . import colors
from .login_demo import DemoChooser
from .widgets.naming import named


# text colours by palette, not style sheet: a style sheet brings Qt's style-sheet engine into the
# first paint (several milliseconds of the start)
def text_color(label: QLabel, color: str) -> None:
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(color))
    label.setPalette(palette)


def push_button(text: str, parent: Any) -> QPushButton:
    """``QPushButton(text, parent)`` without that call's overload check against
    ``QPushButton(QIcon, text, parent)``, which makes PySide6 build ``QIcon``'s class (its ~150
    theme-icon names: 5 ms before the first paint) for a window that shows no icon."""
    button = QPushButton(parent)
    button.setText(text)
    return button


def build_login_form(dialog: Any) -> None:
    """Make the login window's widgets as attributes of ``dialog`` (a LoginDialog) and lay them out."""
    layout = QVBoxLayout(dialog)
    dialog.heading = QLabel(translate("LoginDialog", "Вход в личный кабинет"), dialog)
    dialog.heading.setObjectName("login_heading")
    font = dialog.heading.font()
    font.setPointSizeF(font.pointSizeF() * 1.35)
    font.setBold(True)
    dialog.heading.setFont(font)
    layout.addWidget(dialog.heading)
    dialog.server_label = QLabel(dialog)
    dialog.server_label.setObjectName("login_server")
    dialog.server_label.setWordWrap(True)
    text_color(dialog.server_label, colors.MUTED)
    dialog.settings_button = named(
        QToolButton(dialog), "login_settings", translate("LoginDialog", "Настройки")
    )
    dialog.settings_button.setText(translate("LoginDialog", "&Настройки…"))
    dialog.settings_button.setToolTip(translate("LoginDialog", "Адрес сервера, язык, сохранённый пароль"))
    dialog.settings_button.setAutoRaise(True)
    server_row = QHBoxLayout()
    server_row.addWidget(dialog.server_label, 1)
    server_row.addWidget(dialog.settings_button)
    layout.addLayout(server_row)

    form = QFormLayout()
    dialog.form = form
    dialog.demo_row = DemoChooser(dialog)  # «Демо-абонент:», shown with --demo (login_demo.py)
    dialog.account = named(QLineEdit(dialog), "login_account", translate("LoginDialog", "№ счёта"))
    dialog.account.setValidator(
        QRegularExpressionValidator(QRegularExpression("[0-9]{0,20}"), dialog.account)
    )
    dialog.account.setPlaceholderText(translate("LoginDialog", "только цифры"))
    form.addRow(translate("LoginDialog", "№ &счёта:"), dialog.account)
    dialog.password = named(
        QLineEdit(dialog),
        "login_password",
        translate("LoginDialog", "Пароль"),
        translate("LoginDialog", "Пароль от личного кабинета; Enter — войти"),
    )
    dialog.password.setEchoMode(QLineEdit.EchoMode.Password)
    dialog.password.setMaxLength(128)
    dialog.show_password = named(
        QToolButton(dialog), "login_show_password", translate("LoginDialog", "Показать пароль")
    )
    dialog.show_password.setCheckable(True)
    dialog.show_password.setText(translate("LoginDialog", "По&казать"))
    dialog.show_password.setToolTip(translate("LoginDialog", "Показать или скрыть пароль"))
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(dialog.password, 1)
    row.addWidget(dialog.show_password)
    dialog.password_caption = QLabel(translate("LoginDialog", "&Пароль:"), dialog)
    dialog.password_caption.setObjectName("login_password_caption")
    dialog.password_caption.setBuddy(dialog.password)  # the row is a layout: no buddy by itself
    form.addRow(dialog.password_caption, row)
    layout.addLayout(form)

    dialog.warning = QLabel(dialog)
    dialog.warning.setObjectName("login_warning")
    text_color(dialog.warning, colors.WARNING)
    dialog.warning.setWordWrap(True)
    dialog.warning.hide()
    layout.addWidget(dialog.warning)
    dialog.error = QLabel(dialog)
    dialog.error.setObjectName("login_error")
    text_color(dialog.error, colors.ERROR)
    dialog.error.setWordWrap(True)
    dialog.error.hide()
    layout.addWidget(dialog.error)
    # the manual («Закладка «Пароль»»): a lost password is restored only at an office
    dialog.lost_password = QLabel(
        translate(
            "LoginDialog",
            "Если пароль утерян, восстановить его можно будет только после обращения абонента к "
            "Оператору в офис обслуживания (при наличии документа, удостоверяющего личность, "
            "Оператор выдаст дубликат Памятки абонента с действующим паролем).",
        ),
        dialog,
    )
    dialog.lost_password.setObjectName("login_lost_password")
    dialog.lost_password.setWordWrap(True)
    text_color(dialog.lost_password, colors.MUTED)
    layout.addWidget(dialog.lost_password)

    buttons = QHBoxLayout()
    dialog.remember = named(
        QCheckBox(translate("LoginDialog", "&Запомнить"), dialog),
        "login_remember",
        translate("LoginDialog", "Запомнить пароль"),
    )
    dialog.remember.setToolTip(
        translate("LoginDialog", "Сохранить пароль в защищённом хранилище паролей системы")
    )
    # off until keyring has loaded (in a thread): a login before that never waits for it
    dialog.remember.setEnabled(False)
    buttons.addWidget(dialog.remember)
    buttons.addStretch(1)
    dialog.retry = named(
        push_button(translate("LoginDialog", "Повто&рить"), dialog),
        "login_retry",
        translate("LoginDialog", "Повторить"),
        translate("LoginDialog", "Повторить вход после ошибки связи с сервером"),
    )
    dialog.retry.hide()
    buttons.addWidget(dialog.retry)
    dialog.accept_button = named(
        push_button(translate("LoginDialog", "Пр&инять"), dialog),
        "login_accept",
        translate("LoginDialog", "Принять"),
        translate("LoginDialog", "Войти в личный кабинет с этим номером счёта и паролем"),
    )
    dialog.accept_button.setDefault(True)
    buttons.addWidget(dialog.accept_button)
    layout.addLayout(buttons)
