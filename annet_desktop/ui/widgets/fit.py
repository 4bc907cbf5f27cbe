"""A window that grows to fit its text: word-wrapped labels do not enlarge their window by themselves.

Qt sizes a top-level window from its layout's minimum size, which for a word-wrapped ``QLabel``
does not depend on the width; a longer message then overlaps the rows below it or is cut off.
:func:`grow_to_fit` asks the layout for the height it needs at the window's width and grows the
window to it (never shrinks it: the user may have made it larger).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def grow_to_fit(window: QWidget) -> None:
    """Make ``window`` at least as tall as its layout needs at its current width."""
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    width = window.width()
    need = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.sizeHint().height()
    if need > window.height():
        window.resize(width, need)
