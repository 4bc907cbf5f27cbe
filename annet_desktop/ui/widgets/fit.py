"""Windows that fit their text and their screen, and a check for text cut off by its widget.

Qt sizes a top-level window from its layout's minimum size, which for a word-wrapped ``QLabel``
does not depend on the width; a longer message then overlaps the rows below it or is cut off.
:func:`grow_to_fit` asks the layout for the size it needs at the window's width and grows the
window to it (never shrinks it: the user may have made it larger), within the screen it is on.
:func:`fit_screen` keeps a window inside the available area of its screen (at 200 % scaling a
1366 × 768 screen is 683 × 384 device-independent pixels). :func:`clipped_texts` lists the labels,
buttons and group box titles whose text does not fit the room they were given (the tests walk
every window with it at each scale factor).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QWidget


def available_area(window: QWidget) -> QRect | None:
    """The available geometry of the screen ``window`` is (or will be) on; None without screens."""
    screen = window.screen()
    if screen is None:
        return None
    return screen.availableGeometry()


def _room(window: QWidget, area: QRect) -> QSize:
    """The largest size of ``window`` whose frame (known once shown) stays within ``area``."""
    frame = window.frameGeometry()
    return QSize(
        max(area.width() - (frame.width() - window.width()), window.minimumWidth()),
        max(area.height() - (frame.height() - window.height()), window.minimumHeight()),
    )


def grow_to_fit(window: QWidget) -> None:
    """Make ``window`` at least as wide and tall as its layout needs (within its screen).

    A window never shown yet has Qt's placeholder size (640 × 480): it is sized from its layout.
    """
    from PySide6.QtCore import Qt

    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    sized = window.isVisible() or window.testAttribute(Qt.WidgetAttribute.WA_Resized)
    base = window.size() if sized else QSize(0, 0)
    width = max(base.width(), layout.sizeHint().width(), window.minimumWidth())
    area = available_area(window)
    room = _room(window, area) if area is not None else None
    if room is not None:
        width = min(width, room.width())
    need = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.sizeHint().height()
    height = max(base.height(), need)
    if room is not None:
        height = min(height, room.height())
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)


def fit_screen(window: QWidget, wanted: QSize | None = None) -> None:
    """Size ``window`` to ``wanted`` (or its current size) but never beyond its screen's
    available area, and move it inside that area."""
    area = available_area(window)
    size = wanted if wanted is not None else window.size()
    if area is None:
        window.resize(size)
        return
    room = _room(window, area)
    window.resize(min(size.width(), room.width()), min(size.height(), room.height()))
    frame = window.frameGeometry()
    x = min(max(frame.x(), area.x()), area.right() - frame.width() + 1)
    y = min(max(frame.y(), area.y()), area.bottom() - frame.height() + 1)
    if (x, y) != (frame.x(), frame.y()):
        window.move(max(x, area.x()), max(y, area.y()))


def clipped_texts(root: QWidget, exempt: tuple[str, ...] = ()) -> list[str]:
    """Texts under ``root`` (shown ones only) that their widget cuts off.

    A label's, button's or check box's size hint must fit its geometry (a word-wrapped label:
    the height it needs at its width); a group box must be wide enough for its title. Widgets
    whose objectName is in ``exempt`` (elided by design) are skipped. Each entry reads
    ``objectName 'text' needs WxH, has WxH``.
    """
    # imported here: this module loads before the login window paints, these only for checks
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel

    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        if widget.objectName() in exempt or widget.width() <= 0:
            continue
        if isinstance(widget, QLabel):
            text = widget.text()
            if not text.strip():
                continue
            if widget.wordWrap():
                need = QSize(widget.minimumSizeHint().width(), widget.heightForWidth(widget.width()))
            else:
                need = widget.sizeHint()
        elif isinstance(widget, QAbstractButton):
            text = widget.text()
            if not text.strip():
                continue
            need = widget.sizeHint()
        elif isinstance(widget, QGroupBox):
            text = widget.title()
            if not text.strip():
                continue
            need = QSize(widget.minimumSizeHint().width(), 0)
        else:
            continue
        have = widget.size()
        if need.width() > have.width() or need.height() > have.height():
            name = widget.objectName() or type(widget).__name__
            needs = f"{need.width()}x{need.height()}, has {have.width()}x{have.height()}"
            found.append(f"{name} {text[:40]!r} needs {needs}")
    return found
