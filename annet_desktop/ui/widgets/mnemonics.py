"""Mnemonics (Alt+letter): the letter of a text, the text without it, and a check of a window.

A button, tab, check box or menu title shows its mnemonic as ``&`` before the letter (``&&`` is a
literal ampersand); a label that names an input carries the mnemonic and has the input as its
buddy, so Alt+letter moves the focus there. :func:`mnemonic_problems` lists what is wrong in one
window: a button or tab without a mnemonic, a label naming an input without a buddy or a mnemonic,
two controls on screen together with the same letter (Qt then only cycles the focus between them).
"""

from __future__ import annotations

import itertools
import re

from PySide6.QtWidgets import QWidget

from .naming import is_inner_part, strip_mnemonic

#: the ampersand that marks a letter (after every ``&&`` is taken out)
_MARK = re.compile("&(.)", re.S)

__all__ = ["labelled_inputs", "mnemonic", "mnemonic_problems", "strip_mnemonic", "with_mnemonic"]


def mnemonic(text: str) -> str:
    """The mnemonic letter of ``text`` (lower case), or '' when it has none."""
    found = _MARK.search(text.replace("&&", ""))
    return found.group(1).lower() if found else ""


def with_mnemonic(text: str, taken: set[str]) -> str:
    """``text`` with a mnemonic on a letter not in ``taken``: a word's first letter if one is free,
    else any free letter (``text`` as is when it has one already, or when every letter is taken).
    For a button whose text comes from elsewhere (a confirmation's title)."""
    if mnemonic(text):
        return text
    starts = [i for i, c in enumerate(text) if c.isalpha() and (i == 0 or not text[i - 1].isalpha())]
    for index in starts + list(range(len(text))):
        if text[index].isalpha() and text[index].lower() not in taken:
            return text[:index] + "&" + text[index:]
    return text


def _is_input(widget: QWidget | None) -> bool:
    """A control the user types into or picks from (reached by Tab)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit

    return isinstance(widget, (QLineEdit, QComboBox, QAbstractSpinBox, QTextEdit, QPlainTextEdit)) and bool(
        widget.focusPolicy() & Qt.FocusPolicy.TabFocus
    )


def _first_input(item: object) -> QWidget | None:
    """The input a layout item holds: the widget itself, or the first input of a nested layout."""
    from PySide6.QtWidgets import QLayout, QLayoutItem

    if not isinstance(item, QLayoutItem):
        return None
    widget = item.widget()
    if widget is not None:
        return widget if _is_input(widget) else None
    layout = item.layout()
    if isinstance(layout, QLayout):
        for index in range(layout.count()):
            found = _first_input(layout.itemAt(index))
            if found is not None:
                return found
    return None


def labelled_inputs(root: QWidget) -> list[tuple[QWidget, QWidget]]:
    """(label, input) pairs under ``root``: a form row whose field is (or holds) an input, and a
    label followed directly by an input in a row or column."""
    from PySide6.QtWidgets import QBoxLayout, QFormLayout, QLabel, QLayout

    pairs: list[tuple[QWidget, QWidget]] = []
    layouts = [w.layout() for w in [root, *root.findChildren(QWidget)] if w.layout() is not None]
    seen: set[int] = set()
    while layouts:
        layout = layouts.pop()
        if layout is None or id(layout) in seen:
            continue
        seen.add(id(layout))
        layouts += [c for c in layout.findChildren(QLayout)]
        if isinstance(layout, QFormLayout):
            for row in range(layout.rowCount()):
                label = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
                field = layout.itemAt(row, QFormLayout.ItemRole.FieldRole)
                widget = label.widget() if label is not None else None
                found = _first_input(field)
                if isinstance(widget, QLabel) and widget.text() and found is not None:
                    pairs.append((widget, found))
        elif isinstance(layout, QBoxLayout):
            items = [layout.itemAt(i) for i in range(layout.count())]
            for item, after in itertools.pairwise(items):
                widget = item.widget() if item is not None else None
                found = after.widget() if after is not None else None
                if isinstance(widget, QLabel) and widget.text() and _is_input(found):
                    assert found is not None
                    pairs.append((widget, found))
    return pairs


def _may_show(widget: QWidget, root: QWidget) -> bool:
    """On screen with ``root`` now, or hidden only by itself (a button shown later, as «Повторить»);
    not on another page of a tab or stacked widget."""
    parent = widget.parentWidget()
    return parent is None or parent is root or parent.isVisibleTo(root)


def mnemonic_problems(root: QWidget) -> list[str]:
    """What is wrong with the mnemonics of window ``root`` (see the module docstring)."""
    from PySide6.QtWidgets import QAbstractButton, QMainWindow, QTabBar

    problems: list[str] = []
    letters: dict[str, list[str]] = {}

    def take(text: str, who: str) -> None:
        letter = mnemonic(text)
        if not letter:
            problems.append(f"{who}: no mnemonic in {text!r}")
        else:
            letters.setdefault(letter, []).append(who)

    if isinstance(root, QMainWindow) and root.menuWidget() is not None:
        for action in root.menuBar().actions():
            if action.isVisible() and action.text():
                take(action.text(), f"menu {strip_mnemonic(action.text())!r}")
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QTabBar):  # a tab widget's own bar is named qt_tabwidget_tabbar
            if widget.isVisibleTo(root) and not is_inner_part(widget, root):
                for index in range(widget.count()):
                    if widget.isTabVisible(index):
                        take(widget.tabText(index), f"tab {strip_mnemonic(widget.tabText(index))!r}")
            continue
        if widget.objectName().startswith("qt_") or is_inner_part(widget, root):
            continue
        if not _may_show(widget, root):
            continue
        if isinstance(widget, QAbstractButton) and widget.text():
            take(widget.text(), f"{widget.objectName()} ({type(widget).__name__})")
    for label, field in labelled_inputs(root):
        if not _may_show(label, root):
            continue
        who = f"label {strip_mnemonic(label.text())!r} of {field.objectName()}"  # type: ignore[attr-defined]
        if label.buddy() is not field:  # type: ignore[attr-defined]
            problems.append(f"{who}: not its buddy")
        take(label.text(), who)  # type: ignore[attr-defined]
    for letter, holders in sorted(letters.items()):
        if len(holders) > 1:
            problems.append(f"Alt+{letter.upper()} clashes: {', '.join(holders)}")
    return problems
