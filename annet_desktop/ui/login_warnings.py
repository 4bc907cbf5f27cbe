"""The login window's live warnings: Caps Lock seems on, a Russian keyboard layout is active.

Told from the letters typed into the number and password fields (a capital without Shift, a
Cyrillic letter) and from ``QGuiApplication.inputMethod().locale()`` where the platform tells.
The texts keep the login window's translation context ``LoginDialog``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QLocale, QObject
from PySide6.QtGui import QGuiApplication, QKeyEvent

from ..i18n import translate


def caps_lock_suspected(text: str, shift: bool) -> bool | None:
    """From one typed character: True (caps on), False (off) or None (can't tell: not a letter)."""
    if len(text) != 1 or not text.isalpha() or text.upper() == text.lower():
        return None
    return text.isupper() != shift


def is_cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


class TypingWarnings(QObject):
    """Watches the keys typed into a login window's fields and shows its ``warning`` line."""

    def __init__(self, dialog: Any) -> None:
        super().__init__(dialog)  # the dialog is its parent(): no Python reference back to it
        self.caps: bool | None = None
        self.cyrillic_typed = False
        dialog.account.installEventFilter(self)
        dialog.password.installEventFilter(self)
        QGuiApplication.inputMethod().localeChanged.connect(self.update)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            text = event.text()
            from PySide6.QtCore import Qt  # not at the top: see LoginDialog._after_first_paint

            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            caps = caps_lock_suspected(text, shift)
            if caps is not None:
                self.caps = caps
            if text and text.isalpha():
                self.cyrillic_typed = is_cyrillic(text)
            if event.key() == Qt.Key.Key_CapsLock and self.caps is not None:
                self.caps = not self.caps
            self.update()
        elif event.type() == QEvent.Type.FocusIn:
            self.update()
        return False

    def russian_layout(self) -> bool:
        """A Russian layout is active: the platform says so, or the last letter typed was Cyrillic."""
        locale = QGuiApplication.inputMethod().locale()
        return self.cyrillic_typed or locale.language() == QLocale.Language.Russian

    def caps_lock_on(self) -> bool:
        return bool(self.caps)

    def update(self) -> None:
        """Show what applies now (nothing while the form is disabled)."""
        dialog: Any = self.parent()
        if not dialog.account.isEnabled():
            return
        notes = []
        if self.caps_lock_on():
            notes.append(translate("LoginDialog", "Включён Caps Lock."))
        if self.russian_layout():
            notes.append(translate("LoginDialog", "Включена русская раскладка клавиатуры."))
        dialog.warning.setText(" ".join(notes))
        dialog.warning.setVisible(bool(notes))
