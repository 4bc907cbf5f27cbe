"""Names for widgets: objectName and accessibleName in one call, and a check for unnamed ones."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QWidget

W = TypeVar("W", bound=QWidget)


def named(widget: W, object_name: str, accessible_name: str, description: str = "") -> W:
    """Give a widget its objectName and accessibleName (and a description) in one call."""
    widget.setObjectName(object_name)
    widget.setAccessibleName(accessible_name)
    if description:
        widget.setAccessibleDescription(description)
    return widget


def unnamed_widgets(root: QWidget) -> list[QWidget]:
    """Interactive widgets under ``root`` lacking an objectName or accessibleName.

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
        QMessageBox,
        QTabBar,
        QTextEdit,
    )

    interactive = (
        QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QAbstractSpinBox, QTabBar, QTextEdit
    )  # fmt: skip
    composite = (QComboBox, QAbstractItemView, QAbstractSpinBox, QMessageBox, QLineEdit, QTabBar)
    missing: list[QWidget] = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, interactive) or widget.objectName().startswith("qt_"):
            continue
        parent = widget.parentWidget()
        inner = False
        while parent is not None and parent is not root:
            if isinstance(parent, composite):
                inner = True
                break
            parent = parent.parentWidget()
        if inner:
            continue
        if not widget.objectName() or not widget.accessibleName():
            missing.append(widget)
    return missing
