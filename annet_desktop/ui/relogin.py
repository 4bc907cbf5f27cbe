"""The re-login dialog: the session expired (R-LOGIN-4); ask for the password over the window.

On success the worker repeats the requests that met the expired session
(:meth:`~annet_desktop.worker.Worker.resume_after_relogin`), so the user returns to where they
were. «Выход» gives up: the held requests fail and the app returns to the login window.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..refresher import login_again
from . import colors
from .widgets.naming import named


class ReloginDialog(QDialog):
    """«Сеанс завершён»: the account number (fixed), the password, «Принять» / «Выход»."""

    relogged = Signal(object)  # Me
    gaveUp = Signal()

    def __init__(self, worker: Any, account: str, password: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.account = account
        self._reply: Any = None
        named(self, "relogin_dialog", self.tr("Сеанс завершён"))
        self.setWindowTitle(self.tr("Сеанс завершён"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        text = QLabel(
            self.tr(
                "Сеанс работы с личным кабинетом завершён. Введите пароль, чтобы продолжить с того же места."
            ),
            self,
        )
        text.setObjectName("relogin_text")
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        number = QLabel(account, self)
        number.setObjectName("relogin_account")
        form.addRow(self.tr("№ счёта:"), number)
        self.password = named(
            QLineEdit(self),
            "relogin_password",
            self.tr("Пароль"),
            self.tr("Пароль от личного кабинета, чтобы продолжить сеанс"),
        )
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setText(password)
        form.addRow(self.tr("&Пароль:"), self.password)
        layout.addLayout(form)
        self.error = QLabel(self)
        self.error.setObjectName("relogin_error")
        self.error.setStyleSheet(colors.style(colors.ERROR))
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        row = QHBoxLayout()
        row.addStretch(1)
        self.quit_button = named(
            QPushButton(self.tr("&Выход"), self),
            "relogin_quit",
            self.tr("Выход"),
            self.tr("Завершить сеанс и вернуться к окну входа"),
        )
        self.accept_button = named(
            QPushButton(self.tr("Пр&инять"), self),
            "relogin_accept",
            self.tr("Принять"),
            self.tr("Войти снова и продолжить работу"),
        )
        self.accept_button.setDefault(True)
        row.addWidget(self.quit_button)
        row.addWidget(self.accept_button)
        layout.addLayout(row)
        self.accept_button.clicked.connect(self.submit)
        self.password.returnPressed.connect(self.submit)
        self.quit_button.clicked.connect(self.reject)
        self.password.setFocus()

    def submit(self) -> None:
        if self._reply is not None:
            return
        if not self.password.text():
            self.error.setText(self.tr("Введите пароль."))
            self.error.show()
            return
        from ..worker import Priority

        self.accept_button.setEnabled(False)
        self._reply = self.worker.submit(
            login_again, self.account, self.password.text(), priority=Priority.USER, relogin=False
        )
        self._reply.then(self, self._succeeded, self._failed)

    def _succeeded(self, me: Any) -> None:
        self._reply = None
        self.password.clear()
        self.relogged.emit(me)
        self.accept()

    def _failed(self, error: Any) -> None:
        self._reply = None
        self.accept_button.setEnabled(True)
        from ..api import errors
        from .messages import error_text

        if isinstance(error, errors.AuthFailed):
            text = self.tr(
                "Доступ запрещён.\nПроверьте, не нажата ли клавиша Caps Lock и выбрана ли правильная "
                "раскладка клавиатуры."
            )
        else:
            text = error_text(error, self.worker.base_url)
        self.error.setText(text)
        self.error.show()
        self.password.selectAll()

    def reject(self) -> None:
        if self._reply is not None:
            self._reply.cancel()
            self._reply = None
        self.gaveUp.emit()
        super().reject()
