"""The balance chart of «Баланс» (issue 14): a year of the balance as a step line, markers, the forecast.

QtCharts is heavy: this module is imported only when «Баланс» is first shown (never before the main
window), so the login window's first paint does not pay for it. The chart draws
:class:`~annet_desktop.domain.balance_series.Series`; hovering a marker emits ``entryHovered(id)``
so the table can select that row; the accessible description says the same as the chart in words.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QScatterSeries, QValueAxis
from PySide6.QtCore import QDateTime, QMargins, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QVBoxLayout, QWidget

from annet_contract.money import format_money

from ...domain import balance_series
from .. import colors

#: marker diameter in pixels
MARKER = 7.0


def _dot(colour: str) -> QImage:
    """A filled circle the size of a marker (the light marker image)."""
    size = int(MARKER)
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(0, 0, size, size)
    painter.end()
    return image


def nice_range(low: float, high: float) -> tuple[float, float, int]:
    """Round axis bounds on a 1-2-5 step, and the tick count (``applyNiceNumbers`` costs ~40 ms here)."""
    span = max(high - low, 1.0)
    step = 10 ** math.floor(math.log10(span / 4))
    for factor in (1, 2, 5, 10):
        if span / (step * factor) <= 5:
            step *= factor
            break
    bottom, top = math.floor(low / step) * step, math.ceil(high / step) * step
    if top <= bottom:
        top = bottom + step
    return bottom, top, round((top - bottom) / step) + 1


def _roubles(value: float) -> str:
    return format_money(Decimal(str(round(value, 2))))


def _points(pairs: list[tuple[float, float]]) -> list[QPointF]:
    return [QPointF(t, v) for t, v in pairs]


class BalanceChart(QWidget):
    """A chart view over one :class:`balance_series.Series`; ``entryHovered(id)`` on a marker."""

    entryHovered = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("balance_chart")
        self.setAccessibleName(self.tr("График баланса"))
        self.series = balance_series.Series()
        chart = QChart()
        chart.legend().setVisible(True)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setMargins(QMargins(4, 4, 4, 4))
        self.line = QLineSeries(chart)
        self.line.setName(self.tr("Баланс"))
        # "light markers" (one image stamped per point in one paint call): a plain scatter series makes
        # a graphics item per point, and 2,000 of them take far longer than the 50 ms budget
        self.payments = QScatterSeries(chart)
        self.payments.setName(self.tr("Пополнения"))
        self.charges = QScatterSeries(chart)
        self.charges.setName(self.tr("Списания"))
        self.ahead = QLineSeries(chart)
        self.ahead.setName(self.tr("Прогноз"))
        pen = QPen(QColor(colors.MUTED))
        pen.setStyle(Qt.PenStyle.DashLine)
        pen.setWidth(2)
        self.ahead.setPen(pen)
        for markers, colour in ((self.payments, colors.OK), (self.charges, colors.ERROR)):
            markers.setMarkerSize(MARKER)
            markers.setColor(QColor(colour))
            markers.setLightMarker(_dot(colour))
            markers.hovered.connect(self._hovered)
        self.x_axis = QDateTimeAxis(chart)
        self.x_axis.setFormat("MM.yyyy")
        self.x_axis.setTickCount(7)
        self.y_axis = QValueAxis(chart)
        self.y_axis.setLabelFormat("%.0f")
        self.y_axis.setTruncateLabels(False)  # QtCharts cut «3000» to «…» at the chart's minimum height
        chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        for s in (self.line, self.ahead, self.payments, self.charges):
            chart.addSeries(s)
            s.attachAxis(self.x_axis)
            s.attachAxis(self.y_axis)
        self.chart = chart
        self.view = QChartView(chart, self)
        self.view.setObjectName("balance_chart_view")
        self.view.setAccessibleName(self.tr("График баланса"))
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def set_series(self, series: balance_series.Series) -> None:
        """Draw ``series`` (replacing what was drawn) and word it for screen readers."""
        self.series = series
        self.line.replace(_points(series.steps))
        self.payments.replace(_points(series.payments))
        self.charges.replace(_points(series.charges))
        self.ahead.replace(_points(series.forecast))
        values = [v for _, v in series.steps + series.forecast] or [0.0]
        low, high = min([*values, 0.0]), max([*values, 0.0])
        bottom, top, ticks = nice_range(low, high)
        self.y_axis.setRange(bottom, top)
        self.y_axis.setTickCount(ticks)
        self.x_axis.setRange(
            QDateTime.fromMSecsSinceEpoch(int(series.start)), QDateTime.fromMSecsSinceEpoch(int(series.end))
        )
        text = self.describe(series)
        self.setAccessibleDescription(text)
        self.view.setAccessibleDescription(text)
        self.setToolTip(text)

    def describe(self, series: balance_series.Series) -> str:
        """The chart in one sentence: range, lowest and highest balance, the counts of markers."""
        values = [v for _, v in series.steps] or [0.0]
        template = self.tr(
            "Баланс за 12 месяцев: от {low} до {high}, сейчас {now}; "
            "пополнений: {payments}, списаний: {charges}."
        )
        sentences = [
            template.format(
                low=_roubles(min(values)),
                high=_roubles(max(values)),
                now=_roubles(values[-1]),
                payments=len(series.payments),
                charges=len(series.charges),
            )
        ]
        if series.forecast:  # a second whole sentence
            sentences.append(
                self.tr("Прогноз после следующих списаний: {amount}.").format(
                    amount=_roubles(series.forecast[-1][1])
                )
            )
        return " ".join(sentences)

    def _hovered(self, point: QPointF, state: bool) -> None:
        if not state:
            return
        found = balance_series.nearest(self.series, point.x())
        if found is not None:
            self.entryHovered.emit(found)


def make(parent: Any) -> BalanceChart:
    """A new chart (the tab calls this when it is first shown)."""
    return BalanceChart(parent)
