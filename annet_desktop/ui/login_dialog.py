"""The login window (R-LOGIN): account number, password, «Принять», «Запомнить».

* the account field takes digits only, as typed (a validator rejects anything else);
* the password is masked, with a show/hide toggle;
* a wrong number or password says «Доступ запрещён» with the Caps Lock / layout hint, and the
  window warns live when Caps Lock seems on or a Russian layout is active (from the letters typed
  and ``QGuiApplication.inputMethod().locale()``, where the platform tells: login_warnings.py);
* throttling says at what time to try again; an unreachable server names the address and offers
  «Повторить»;
* while the server address is refused (plain ``http://`` to another machine, see
  :mod:`annet_desktop.domain.urls`) nothing is sent: «Принять», Enter in the password field and
  «Повторить» all just repeat why;
* «Запомнить» stores the password in the OS keyring only; without a keyring backend the box is
  disabled and its tooltip says why;
* with ``--demo`` a drop-down lists the demo subscribers and fills both fields (login_demo.py).

Kept light on purpose: no API, keyring or server import at module level (startup time).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

from ..background import run_in_background
from .login_demo import DemoChooser
from .login_form import build_login_form
from .login_warnings import TypingWarnings
from .widgets.fit import grow_to_fit
from .widgets.naming import named

if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox

log = logging.getLogger(__name__)

def _login(client: Any, account: str, password: str) -> Any:
    """Runs in the API thread: open the session and fetch the subscriber's data."""
    client.login(account, password)
    return client.me()


class LoginDialog(QDialog):
    """Login by account number and password; emits ``loggedIn(account, me)`` and accepts."""

    loggedIn = Signal(str, object)
    settingsSaved = Signal(list)  # keys changed in the settings window
    #: once, right after the window's first paint: what waits for it (keyring, the API warm-up) —
    #: tied to the paint, not to a timer, so a slow machine never loads them before it
    firstPainted = Signal()

    # the widgets, made by login_form.build_login_form
    heading: QLabel
    server_label: QLabel
    settings_button: QToolButton
    form: QFormLayout
    password_caption: QLabel
    demo_row: DemoChooser
    account: QLineEdit
    password: QLineEdit
    show_password: QToolButton
    warning: QLabel
    error: QLabel
    lost_password: QLabel
    remember: QCheckBox
    retry: QPushButton
    accept_button: QPushButton

    def __init__(
        self,
        worker: Any,
        settings: Any,
        credentials: Any,
        *,
        demo_accounts: list[Any] | None = None,
        demo: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.settings = settings
        # None in demo mode: demo passwords are public and the server's port changes every run
        self.credentials = None if demo else credentials
        self.demo = demo
        self._reply: Any = None
        self._server_error: str | None = None  # why the address is refused (nothing is sent then)
        named(self, "login_dialog", self.tr("Вход в личный кабинет"))
        self.setWindowTitle(self.tr("Аннет — личный кабинет"))
        self.setMinimumWidth(440)

        build_login_form(self)  # the widgets and their layout (login_form.py)

        self.show_password.toggled.connect(self._toggle_password)
        self.accept_button.clicked.connect(self.submit)
        self.retry.clicked.connect(self.submit)
        self.account.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.submit)
        self.account.editingFinished.connect(self._fill_remembered)
        self.settings_button.clicked.connect(self.open_settings)
        self.typing = TypingWarnings(self)  # Caps Lock and layout warnings (login_warnings.py)

        self.set_demo_accounts(demo_accounts)
        self.set_server(worker.base_url)
        self.account.setText(settings.last_account)
        if self.account.text():
            self.password.setFocus()
        else:
            self.account.setFocus()
        self._keyring_checked = False
        self._painted = False
        self.firstPainted.connect(self._after_first_paint)

    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.firstPainted.emit)  # once this paint is on screen

    def _after_first_paint(self) -> None:
        """What can wait until the window is on screen: Qt's ``Qt`` namespace (its ~100 enums take
        15 ms to load in PySide6) and the keyring."""
        from PySide6.QtCore import Qt

        self.account.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._probe_keyring()

    # ------------------------------------------------------------------ setup
    def set_server(self, url: str, error: str | None = None) -> None:
        """Show which server we log in to; ``error`` (e.g. http refused) blocks the form until an
        accepted address is set."""
        self.server_label.setText(self.tr("Сервер: {url}").format(url=url or "—"))
        self._server_error = error or None
        if error:
            self._show_error(error)
            self.retry.hide()
            self.accept_button.setEnabled(False)

    def set_waiting(self, text: str) -> None:
        """Disable the form with a notice (the demo server is starting)."""
        self.warning.setText(text)
        self.warning.show()
        for widget in (self.account, self.password, self.accept_button):
            widget.setEnabled(False)
        self.demo_row.set_enabled(False)

    def set_ready(self) -> None:
        self.warning.clear()
        self.warning.hide()
        for widget in (self.account, self.password, self.accept_button):
            widget.setEnabled(True)
        self.demo_row.set_enabled(True)
        self.accept_button.setEnabled(self._server_error is None)
        self.typing.update()

    def set_demo_accounts(self, accounts: list[Any] | None) -> None:
        """Fill the demo drop-down (``DemoAccount``: account, password, name, cases)."""
        self.demo_row.set_accounts(accounts)
        if self.isVisible():
            # a window not shown yet is sized from its layout (height for width too) by Qt's own
            # show(); grow_to_fit here would load the ``Qt`` namespace before the first paint
            grow_to_fit(self)

    @property
    def demo_combo(self) -> QComboBox | None:
        """The demo-subscriber drop-down (login_demo.py), once demo subscribers have been listed."""
        return self.demo_row.combo

    def choose_demo(self, account: str) -> None:
        """Pick a demo subscriber by account number (as if chosen in the drop-down)."""
        self.demo_row.choose(account)

    def _probe_keyring(self) -> None:
        """Load keyring and find its backend in a thread (a tenth of a second or more: never on
        the GUI thread), then :meth:`_check_keyring` here."""
        probe = getattr(self.credentials, "probe", None)
        if probe is None or self.demo:
            self._check_keyring()
            return
        # the answer comes only while this window lives (it may be closed while keyring loads)
        run_in_background(
            probe,
            receiver=self,
            on_done=lambda _found: self._check_keyring(),
            on_failed=self._keyring_failed,
            name="annet-keyring-probe",
        )

    def _keyring_failed(self, error: BaseException) -> None:
        # Credentials swallows keyring errors; a fake may not
        log.warning("keyring probe failed: %s", type(error).__name__)
        self._check_keyring()

    def _check_keyring(self) -> None:
        if self._keyring_checked:
            return
        self._keyring_checked = True
        if self.demo:
            self.remember.setChecked(False)
            self.remember.setEnabled(False)
            self.remember.setToolTip(
                self.tr(
                    "В демонстрационном режиме пароль не запоминается: его подставляет выбор демо-абонента."
                )
            )
            return
        if self.credentials is None or not self.credentials.available:
            self.remember.setChecked(False)
            self.remember.setEnabled(False)
            self.remember.setToolTip(
                self.tr(
                    "В системе нет хранилища паролей (keyring), поэтому пароль нельзя запомнить. "
                    "На диск пароль не записывается."
                )
            )
            return
        self.remember.setEnabled(True)
        self._fill_remembered()

    def _fill_remembered(self) -> None:
        if self.credentials is None or not self.remember.isEnabled() or not self._keyring_checked:
            return
        number = self.account.text()
        stored = self.credentials.get(self.worker.base_url, number) if number else None
        if stored and not self.password.text():
            self.password.setText(stored)
            self.remember.setChecked(True)

    # ------------------------------------------------------------------ settings
    def open_settings(self) -> Any:
        """«Настройки…»: the settings window; a new server address applies here at once."""
        from .dialogs.settings_dialog import open_settings

        dialog = open_settings(
            self.settings,
            self.credentials,
            account=self.account.text() or None,
            server_url=self.worker.base_url,
            parent=self,
        )
        dialog.saved.connect(self.settingsSaved)
        return dialog

    # ------------------------------------------------------------------ password field
    def _toggle_password(self, shown: bool) -> None:
        self.password.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self.show_password.setText(self.tr("С&крыть") if shown else self.tr("По&казать"))
        self.show_password.setAccessibleName(
            self.tr("Скрыть пароль") if shown else self.tr("Показать пароль")
        )

    # ------------------------------------------------------------------ login
    def submit(self) -> None:
        """«Принять» (also Enter and «Повторить»): log in in the API thread — never while the
        server address is refused or not known yet."""
        if self._reply is not None:
            return
        if self._server_error or not self.worker.base_url:
            self._show_error(
                self._server_error or self.tr("Адрес сервера не задан. Укажите его в настройках.")
            )
            self.retry.hide()
            self.accept_button.setEnabled(False)
            return
        number = self.account.text().strip()
        password = self.password.text()
        if not number or not password:
            self._show_error(self.tr("Введите номер счёта и пароль."))
            (self.account if not number else self.password).setFocus()
            return
        self.error.hide()
        self.retry.hide()
        self.accept_button.setEnabled(False)
        from PySide6.QtCore import Qt

        self.setCursor(Qt.CursorShape.BusyCursor)
        from ..worker import Priority

        self._reply = self.worker.submit(_login, number, password, priority=Priority.USER, relogin=False)
        self._reply.then(self, lambda me, n=number, p=password: self._succeeded(n, p, me), self._failed)

    @property
    def busy(self) -> bool:
        return self._reply is not None

    def _done(self) -> None:
        self._reply = None
        self.accept_button.setEnabled(self._server_error is None)
        self.unsetCursor()

    def _succeeded(self, number: str, password: str, me: Any) -> None:
        self._done()
        self.settings.set("login/last_account", number)
        self.settings.sync()
        if self.credentials is not None and self.remember.isEnabled():
            if self.remember.isChecked():
                self.credentials.set(self.worker.base_url, number, password)
            else:
                self.credentials.delete(self.worker.base_url, number)
        self.password.clear()
        self.loggedIn.emit(number, me)
        self.accept()

    def _failed(self, error: Any) -> None:
        self._done()
        from ..api import errors
        from .messages import error_text

        if isinstance(error, errors.AuthFailed):
            self._show_error(
                self.tr(
                    "Доступ запрещён.\nПроверьте, не нажата ли клавиша Caps Lock и выбрана ли правильная "
                    "раскладка клавиатуры, и повторите попытку."
                )
            )
            self.password.selectAll()
            self.password.setFocus()
        elif isinstance(error, errors.Throttled):
            import datetime as dt  # only for this message: the module loads before the first paint

            when = dt.datetime.now() + dt.timedelta(seconds=error.retry_after)
            minutes = max(1, (error.retry_after + 59) // 60)
            self._show_error(
                self.tr(
                    "Слишком много неудачных попыток входа. Повторите попытку после {time} (через %n мин.).",
                    "",
                    minutes,
                ).format(time=when.strftime("%H:%M"))
            )
        elif isinstance(error, errors.NetworkError):
            detail = str(error) if error.message != error.default_message else ""
            if detail:
                text = self.tr(
                    "Не удалось связаться с сервером {server}.\n{detail}\n"
                    "Проверьте подключение к интернету и нажмите «Повторить»."
                ).format(server=self.worker.base_url, detail=detail)
            else:
                text = self.tr(
                    "Не удалось связаться с сервером {server}.\n"
                    "Проверьте подключение к интернету и нажмите «Повторить»."
                ).format(server=self.worker.base_url)
            self._show_error(text)
            self.retry.show()
        else:
            self._show_error(error_text(error, self.worker.base_url))
            if isinstance(error, (errors.ServerError, errors.BadResponse)):
                self.retry.show()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        grow_to_fit(self)

    def reject(self) -> None:
        if self._reply is not None:
            self._reply.cancel()
            self._reply = None
        super().reject()
