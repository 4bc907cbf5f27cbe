"""The message that an unusable settings file or folder was reset (shown over the login window).

Made by :class:`annet_desktop.app.AppController` when :class:`annet_desktop.settings.Settings`
could not read its file; window-modal and not blocking: the login window stays usable.
"""

from __future__ import annotations

import logging
from typing import Any

from ..i18n import translate

log = logging.getLogger("annet_desktop.app")


def tell_settings_reset(settings: Any, parent: Any) -> Any:
    """Say (without blocking the login window) that an unusable settings file was reset; the box."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    if settings.reset_reason == "folder":
        text = translate(
            "App",
            "Папка настроек недоступна: {folder}. "
            "Программа работает с настройками по умолчанию, изменения не сохранятся.",
        ).format(folder=settings.path.parent)
    else:
        text = translate(
            "App", "Файл настроек повреждён или недоступен, поэтому настройки сброшены к исходным."
        )
    title = translate("App", "Настройки сброшены")
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    if settings.reset_reason != "folder" and settings.moved_to is not None:
        box.setInformativeText(
            translate("App", "Старый файл сохранён как {path}").format(path=settings.moved_to)
        )
    box.setObjectName("settings_reset_message")
    box.setAccessibleName(title)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.open()
    log.warning("settings reset (%s); old file moved to %s", settings.reset_reason, settings.moved_to)
    return box
