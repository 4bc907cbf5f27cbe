"""«Настройки»: the server address, the interface language, forgetting the saved password, the
default folder for exports.

* the server address must be ``https://…``; plain ``http://`` only for the loopback (a local test
  server); the same check as the command line (:func:`annet_desktop.domain.urls.check_server_url`);
* the server address applies from the next login, the language (Русский / English) from the next
  start (the dialog says so; ``saved`` lists the changed keys for whoever opened it);
* «Забыть сохранённый пароль» removes the password of the account (the last one logged in, or the
  one given) for the server from the OS keyring through :class:`~annet_desktop.credentials.Credentials`;
  without a keyring backend the button is disabled and its tooltip says why;
* the export folder must exist (empty: the Documents folder);
* the tray, the background refresh and each notification (:mod:`.watch_settings`);
* nothing is written before «Сохранить»; if the settings file cannot be written the dialog says so
  and stays open (nothing is lost, nothing crashes).

Values go through the registry of :mod:`annet_desktop.settings` (``server/url``, ``ui/language``,
``export/folder``); a corrupt file reads as defaults there, so the dialog always opens.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, QStandardPaths, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...domain.urls import ServerUrlError, check_server_url, has_userinfo
from .. import colors
from ..messages import server_url_error_text
from ..widgets.fit import fit_screen
from ..widgets.naming import named
from .watch_settings import WatchSettings

log = logging.getLogger(__name__)

ERROR_STYLE = colors.style(colors.ERROR)
NOTE_STYLE = colors.style(colors.MUTED)
OK_STYLE = colors.style(colors.OK)
LANGUAGES = (("ru", "Русский"), ("en", "English"))


def documents_folder() -> str:
    """The platform's Documents folder (where exports go when no folder is set)."""
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


class SettingsDialog(QDialog):
    """The settings window; ``saved(list_of_changed_keys)`` after a successful «Сохранить»."""

    saved = Signal(list)

    def __init__(
        self,
        settings: Any,
        credentials: Any = None,
        *,
        account: str | None = None,
        server_url: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.credentials = credentials
        self.account = account if account is not None else str(settings.get("login/last_account") or "")
        #: the server whose saved password «Забыть» removes: the one in use, else the stored one
        self.password_server = server_url or str(settings.get("server/url"))
        named(self, "settings_dialog", self.tr("Настройки"))
        self.setWindowTitle(self.tr("Настройки"))
        self.setMinimumWidth(520)

        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.server = named(QLineEdit(self), "settings_server", self.tr("Адрес сервера"))
        self.server.setPlaceholderText("https://my.an-net.ru")
        self.server.setText(str(settings.get("server/url")))
        form.addRow(self.tr("&Адрес сервера:"), self.server)

        self.language = named(
            QComboBox(self),
            "settings_language",
            self.tr("Язык интерфейса"),
            self.tr("Язык интерфейса; применяется при следующем запуске"),
        )
        for code, title in LANGUAGES:
            self.language.addItem(title, code)
        index = self.language.findData(settings.language)
        self.language.setCurrentIndex(max(index, 0))
        form.addRow(self.tr("&Язык интерфейса:"), self.language)

        self.export_folder = named(QLineEdit(self), "settings_export_folder", self.tr("Папка для экспорта"))
        self.export_folder.setText(str(settings.get("export/folder") or ""))
        self.export_folder.setPlaceholderText(documents_folder() or self.tr("папка «Документы»"))
        self.browse = named(
            QPushButton(self.tr("&Выбрать…"), self),
            "settings_export_browse",
            self.tr("Выбрать папку"),
            self.tr("Выбрать папку, куда сохраняются экспортированные звонки"),
        )
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.export_folder, 1)
        row.addWidget(self.browse)
        folder_caption = QLabel(self.tr("Папка для &экспорта:"), self)
        folder_caption.setObjectName("settings_export_folder_caption")
        folder_caption.setBuddy(self.export_folder)  # the row is a layout: no buddy by itself
        form.addRow(folder_caption, row)
        layout.addLayout(form)

        password_row = QHBoxLayout()
        self.forget = named(
            QPushButton(self.tr("За&быть сохранённый пароль"), self),
            "settings_forget_password",
            self.tr("Забыть сохранённый пароль"),
            self.tr("Удалить пароль этого счёта из хранилища паролей системы"),
        )
        self.password_note = QLabel(self)
        self.password_note.setObjectName("settings_password_note")
        self.password_note.setWordWrap(True)
        self.password_note.setStyleSheet(NOTE_STYLE)
        password_row.addWidget(self.forget)
        password_row.addWidget(self.password_note, 1)
        layout.addLayout(password_row)
        self.watch = WatchSettings(settings, self)  # the tray, the refresh, the notifications
        # scrolled where the screen is short (1366 × 768 at 200 %): nothing squeezed, nothing cut
        scroll = named(QScrollArea(self), "settings_watch_scroll", self.tr("Область уведомлений"))
        scroll.setWidget(self.watch)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumHeight(60)  # the group's own hint is always taller: it scrolls below that
        scroll.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        layout.addWidget(scroll, 1)

        self.note = QLabel(
            self.tr("Адрес сервера действует со следующего входа, язык — со следующего запуска программы."),
            self,
        )
        self.note.setObjectName("settings_note")
        self.note.setWordWrap(True)
        self.note.setStyleSheet(NOTE_STYLE)
        layout.addWidget(self.note)
        self.error = QLabel(self)
        self.error.setObjectName("settings_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        layout.addWidget(self.error)

        self.buttons = QDialogButtonBox(self)
        self.save_button = named(
            self.buttons.addButton(self.tr("&Сохранить"), QDialogButtonBox.ButtonRole.AcceptRole),
            "settings_save",
            self.tr("Сохранить"),
            self.tr("Сохранить настройки и закрыть окно"),
        )
        self.cancel_button = named(
            self.buttons.addButton(self.tr("Отм&ена"), QDialogButtonBox.ButtonRole.RejectRole),
            "settings_cancel",
            self.tr("Отмена"),
            self.tr("Закрыть окно, не сохраняя изменений"),
        )
        self.save_button.setDefault(True)
        layout.addWidget(self.buttons)

        self.save_button.clicked.connect(self.save)
        hint = self.sizeHint()
        # the scroll area's hint holds the group
        fit_screen(self, QSize(max(hint.width(), 520), hint.height()))
        self.cancel_button.clicked.connect(self.reject)
        self.browse.clicked.connect(self._browse)
        self.forget.clicked.connect(self.forget_password)
        self.server.textEdited.connect(lambda _text: self.error.hide())
        self.export_folder.textEdited.connect(lambda _text: self.error.hide())
        self._update_password()

    # ------------------------------------------------------------------ password
    def _update_password(self) -> None:
        creds = self.credentials
        self.password_note.setStyleSheet(NOTE_STYLE)
        if creds is None or not creds.available:
            self.forget.setEnabled(False)
            self.forget.setToolTip(
                self.tr("В системе нет хранилища паролей (keyring): сохранённых паролей нет.")
            )
            self.password_note.setText(self.tr("Хранилище паролей недоступно."))
            return
        stored = bool(self.account) and creds.get(self.password_server, self.account) is not None
        self.forget.setEnabled(stored)
        self.forget.setToolTip(
            self.tr("Удалить пароль счёта {account} из хранилища паролей системы").format(
                account=self.account
            )
            if stored
            else ""
        )
        if stored:
            self.password_note.setText(
                self.tr("Сохранён пароль счёта {account}.").format(account=self.account)
            )
        else:
            self.password_note.setText(self.tr("Сохранённого пароля нет."))

    def forget_password(self) -> bool:
        """Remove the saved password of the account from the keyring; True when it is gone."""
        creds = self.credentials
        if creds is None or not self.account:
            return False
        creds.delete(self.password_server, self.account)
        gone = creds.get(self.password_server, self.account) is None
        self._update_password()
        if gone:
            self.password_note.setText(
                self.tr("Сохранённый пароль счёта {account} удалён.").format(account=self.account)
            )
            self.password_note.setStyleSheet(OK_STYLE)
        else:
            self._show_error(self.tr("Не удалось удалить пароль из хранилища паролей системы."))
        return gone

    # ------------------------------------------------------------------ folder
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        fit_screen(self)  # the frame is known now: the dialog with it stays on the screen

    def _browse(self) -> None:
        start = self.export_folder.text().strip() or documents_folder()
        folder = QFileDialog.getExistingDirectory(self, self.tr("Папка для экспорта"), start)
        if folder:
            self.export_folder.setText(folder)
            self.error.hide()

    # ------------------------------------------------------------------ save
    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def values(self) -> dict[str, str] | None:
        """The checked values to store, or ``None`` after showing why they cannot be."""
        text = self.server.text().strip()
        if has_userinfo(text):  # never echo a password typed into the address
            self._show_error(self.tr("Адрес сервера не должен содержать имени и пароля."))
            self.server.setFocus()
            return None
        try:
            url = check_server_url(text)
        except ServerUrlError as exc:
            self._show_error(server_url_error_text(exc))
            self.server.setFocus()
            return None
        folder = self.export_folder.text().strip()
        if folder and not Path(folder).expanduser().is_dir():
            self._show_error(self.tr("Папка не найдена: {folder}").format(folder=folder))
            self.export_folder.setFocus()
            return None
        if folder:
            folder = str(Path(folder).expanduser())
        return {"server/url": url, "ui/language": str(self.language.currentData()), "export/folder": folder}

    def save(self) -> bool:
        """«Сохранить»: check, store and close; False (dialog stays open) when something is wrong."""
        values = self.values()
        if values is None:
            return False
        changed = [key for key, value in values.items() if str(self.settings.get(key) or "") != value]
        for key in changed:
            self.settings.set(key, values[key])
        for key, value in self.watch.values().items():
            if self.settings.get(key) != value:
                self.settings.set(key, value)
                changed.append(key)
        self.settings.sync()
        failed = self.settings.write_error()
        if failed:
            log.warning("settings not written: %s", failed)
            self._show_error(self.tr("Не удалось записать файл настроек: {error}").format(error=failed))
            return False
        self.saved.emit(changed)
        self.accept()
        return True


def open_settings(
    settings: Any,
    credentials: Any = None,
    *,
    account: str | None = None,
    server_url: str | None = None,
    parent: QWidget | None = None,
) -> SettingsDialog:
    """Show the settings window (window-modal over ``parent``); returns it."""
    dialog = SettingsDialog(settings, credentials, account=account, server_url=server_url, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()
    return dialog
