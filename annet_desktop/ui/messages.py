"""The one bridge for every message to the user (errors, notices, status-bar lines).

Actions get a message box with the server's own words (``ApiError`` ``str()`` = ``detail``);
background refreshes get a line in the status bar. Every message is also appended to
:attr:`Messages.history`, so tests assert on exactly what the user would have seen. Message boxes
are window-modal and opened with ``open()`` (never a nested ``exec()``), so nothing blocks.

Use: ``ctx.messages.error(err, parent=self)`` for a failed action, ``ctx.messages.error(err,
action=False)`` for a failed refresh, ``ctx.messages.info(text, parent=self)`` for a result,
``ctx.messages.status(text)`` for a transient status line.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal
from PySide6.QtWidgets import QWidget

from ..domain.urls import ServerUrlError, UrlProblem
from ..i18n import translate

if TYPE_CHECKING:  # imported where a box is made: PySide6 builds the class (5 ms) on first use,
    # and the Messages of the app are made before the login window's first paint
    from PySide6.QtWidgets import QMessageBox

log = logging.getLogger(__name__)


class ShownMessage(NamedTuple):
    """What the user saw: kind (error, warning, info, status), title and text."""

    kind: str
    title: str
    text: str


def error_text(error: Any, server_url: str = "") -> str:
    """The sentence to show for an error: the server's words, or our fixed one, translated."""
    from ..api import errors

    if isinstance(error, errors.NetworkError):
        if error.message != error.default_message:
            return str(error)
        if not server_url:
            return translate(
                "Messages", "Не удалось связаться с сервером. Проверьте подключение к интернету."
            )
        return translate(
            "Messages", "Не удалось связаться с сервером {server}. Проверьте подключение к интернету."
        ).format(server=server_url)
    fixed = {
        errors.AuthFailed: QT_TRANSLATE_NOOP("Messages", "Доступ запрещён"),
        errors.SessionExpired: QT_TRANSLATE_NOOP("Messages", "Сеанс завершён. Войдите снова."),
        errors.Throttled: QT_TRANSLATE_NOOP("Messages", "Слишком много попыток. Повторите позже."),
        errors.NotFound: QT_TRANSLATE_NOOP("Messages", "Не найдено."),
        errors.ServerError: QT_TRANSLATE_NOOP(
            "Messages", "Сервер временно не может выполнить запрос. Повторите позже."
        ),
        errors.BadResponse: QT_TRANSLATE_NOOP("Messages", "Сервер прислал неверный ответ. Повторите позже."),
        errors.ApiError: QT_TRANSLATE_NOOP("Messages", "Ошибка обращения к серверу."),
    }
    if isinstance(error, errors.ApiError):
        if error.message == type(error).default_message:
            for cls, text in fixed.items():
                if type(error) is cls:
                    return translate("Messages", str(text))
        return str(error)
    return translate("Messages", "Ошибка обращения к серверу.")


def server_url_error_text(error: ServerUrlError) -> str:
    """Why the server address is refused, in the user's language (never with its secrets)."""
    if error.problem is UrlProblem.INVALID:
        return translate("App", "Неверный адрес сервера: {address} (нужен вид https://имя-сервера).").format(
            address=error.shown
        )
    if error.problem is UrlProblem.SECRETS:
        return translate(
            "App", "Адрес сервера не должен содержать имени, пароля или параметров: {address}"
        ).format(address=error.shown)
    return translate(
        "App",
        "Незащищённое соединение (http://) с сервером {host} запрещено: пароль и данные передавались бы"
        " открыто. Используйте адрес https://.",
    ).format(host=error.host)


class Messages(QObject):
    """Shows messages to the user and remembers them (:attr:`history`) for tests."""

    statusMessage = Signal(str)
    shown = Signal(object)  # ShownMessage

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.history: list[ShownMessage] = []
        self.server_url = ""
        self.show_boxes = True
        self._boxes: list[QMessageBox] = []

    # ------------------------------------------------------------------ public
    def error(
        self, error: Any, *, parent: QWidget | None = None, action: bool = True, title: str = ""
    ) -> None:
        """A failed action (message box) or, with ``action=False``, a failed refresh (status line)."""
        debug = getattr(error, "debug", "")
        log.info("error shown: %s (%s)", type(error).__name__, debug)
        text = error_text(error, self.server_url)
        if action:
            self._box("error", title or translate("Messages", "Ошибка"), text, parent)
        else:
            self.status(text, kind="error")

    def warning(self, text: str, *, parent: QWidget | None = None, title: str = "") -> None:
        self._box("warning", title or translate("Messages", "Внимание"), text, parent)

    def info(self, text: str, *, parent: QWidget | None = None, title: str = "") -> None:
        self._box("info", title or translate("Messages", "Сообщение"), text, parent)

    def status(self, text: str, *, kind: str = "status") -> None:
        """A line in the main window's status bar."""
        self._record(ShownMessage(kind, "", text))
        self.statusMessage.emit(text)

    def last(self) -> ShownMessage | None:
        return self.history[-1] if self.history else None

    def texts(self) -> list[str]:
        return [m.text for m in self.history]

    def close_all(self) -> None:
        """Close every open message box (tests; logout)."""
        for box in list(self._boxes):
            box.close()
        self._boxes.clear()

    def open_boxes(self) -> list[QMessageBox]:
        return [b for b in self._boxes if b.isVisible()]

    # ------------------------------------------------------------------ internals
    def _record(self, message: ShownMessage) -> None:
        self.history.append(message)
        self.shown.emit(message)

    def _box(self, kind: str, title: str, text: str, parent: QWidget | None) -> None:
        self._record(ShownMessage(kind, title, text))
        if not self.show_boxes:
            return
        from PySide6.QtWidgets import QMessageBox  # not at the top: see the import there

        icon = {
            "error": QMessageBox.Icon.Critical,
            "warning": QMessageBox.Icon.Warning,
        }.get(kind, QMessageBox.Icon.Information)
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
        box.setObjectName(f"message_{kind}")
        box.setAccessibleName(title)
        box.finished.connect(lambda _r, b=box: self._closed(b))
        self._boxes.append(box)
        box.open()

    def _closed(self, box: QMessageBox) -> None:
        if box in self._boxes:
            self._boxes.remove(box)
        box.deleteLater()
