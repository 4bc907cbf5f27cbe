"""Names for widgets: objectName, accessible name and description in one call, and a check for
controls that lack any of them (screen readers read the name, then the description)."""

from __future__ import annotations

import re
from typing import TypeVar

from PySide6.QtWidgets import QWidget

W = TypeVar("W", bound=QWidget)
#: an ampersand and what it marks (``&&`` is one literal ampersand; a trailing ``&`` goes)
_AMPERSAND = re.compile("&(.?)", re.S)


def strip_mnemonic(text: str) -> str:
    """``text`` as read aloud or compared: a single ``&`` removed, ``&&`` kept as ``&``."""
    return _AMPERSAND.sub(r"\1", text)


def named(widget: W, object_name: str, accessible_name: str, description: str = "") -> W:
    """Give a widget its objectName and accessibleName (and a description) in one call; a mnemonic
    in the name (a button's own text, «&Оплатить») is left out: screen readers read it as is."""
    widget.setObjectName(object_name)
    widget.setAccessibleName(strip_mnemonic(accessible_name))
    if description:
        widget.setAccessibleDescription(description)
    return widget


def _description(widget: QWidget) -> str:
    """What a screen reader reads as the description: the accessible description, else what Qt's
    accessibility API offers (for most widgets the tooltip; a tab bar offers none of its own)."""
    from PySide6.QtGui import QAccessible

    if widget.accessibleDescription():
        return widget.accessibleDescription()
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Description) if interface is not None else ""


def is_inner_part(widget: QWidget, root: QWidget) -> bool:
    """A piece of a Qt composite under ``root`` (inside a combo box, item view, spin box, line edit,
    message box or tab bar): Qt's to name and to key, not ours."""
    from PySide6.QtWidgets import (
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QMessageBox,
        QTabBar,
    )

    composite = (QComboBox, QAbstractItemView, QAbstractSpinBox, QMessageBox, QLineEdit, QTabBar)
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, composite):
            return True
        parent = parent.parentWidget()
    return False


def unnamed_widgets(root: QWidget) -> list[str]:
    """Interactive widgets under ``root`` lacking an objectName, accessible name or description,
    each as ``objectName (class): what is missing``.

    Qt's own inner parts (names starting with ``qt_``, pieces inside combo boxes, line edits
    (the clear button), item views and spin boxes, the tab bar's scroll buttons) are not ours to
    name and are skipped.
    """
    # imported here: this module loads before the login window paints, these only for checks
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QTabBar,
        QTextEdit,
    )

    interactive = (
        QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QAbstractSpinBox, QTabBar, QTextEdit
    )  # fmt: skip
    missing: list[str] = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, interactive) or widget.objectName().startswith("qt_"):
            continue
        if is_inner_part(widget, root):
            continue
        lacks = [
            what
            for what, value in (
                ("objectName", widget.objectName()),
                ("accessibleName", widget.accessibleName()),
                ("accessible description", _description(widget)),
            )
            if not value
        ]
        if lacks:
            name = widget.objectName() or repr(widget.text() if hasattr(widget, "text") else "")
            missing.append(f"{name} ({type(widget).__name__}): no {', '.join(lacks)}")
    return missing
