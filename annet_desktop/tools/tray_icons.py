"""Draw the three tray icons, resources/icons/tray-{fine,soon,blocked}.png.

``python -m annet_desktop.tools.tray_icons`` writes them again.

Simple on purpose, readable at 16 px on a light or dark panel: a filled circle with a white rim —
green with a tick (all is well), amber with «!» (pay soon), red with a bar (blocked).
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

from .. import resource_dir
from ..domain.watch import Level

SIZE = 64
COLORS = {Level.FINE: "#2e9b4f", Level.SOON: "#e8a317", Level.BLOCKED: "#d0312d"}


def draw(level: Level, size: int = SIZE) -> QImage:
    """The icon of ``level`` as an image ``size`` pixels square."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 64
    p.setPen(QPen(QColor("white"), 4 * s))
    p.setBrush(QColor(COLORS[level]))
    p.drawEllipse(QRectF(4 * s, 4 * s, 56 * s, 56 * s))
    pen = QPen(
        QColor("white"), 8 * s, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin
    )
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    if level is Level.FINE:
        tick = QPainterPath(QPointF(19 * s, 33 * s))
        tick.lineTo(28 * s, 42 * s)
        tick.lineTo(45 * s, 23 * s)
        p.drawPath(tick)
    elif level is Level.SOON:
        p.drawLine(QPointF(32 * s, 17 * s), QPointF(32 * s, 36 * s))
        p.drawPoint(QPointF(32 * s, 47 * s))
    else:
        p.drawLine(QPointF(19 * s, 32 * s), QPointF(45 * s, 32 * s))
    p.end()
    return image


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for level in Level:
        path = resource_dir.icons() / f"tray-{level.value}.png"
        if not draw(level).save(str(path)):
            print(f"could not write {path}", file=sys.stderr)
            return 1
        print(path)
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
