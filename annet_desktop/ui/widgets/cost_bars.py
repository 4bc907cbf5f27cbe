"""The cost of calls of 12 months as bars (QtCharts; imported only when «Звонки» is first shown)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QVBoxLayout, QWidget

from .. import colors


class CostBars(QWidget):
    """One bar a month; ``set_months(months, description)`` redraws it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calls_cost_bars")
        self.setAccessibleName(self.tr("Стоимость звонков по месяцам"))
        self.chart = QChart()
        self.chart.legend().setVisible(False)
        self.chart.setMargins(QMargins(2, 2, 2, 2))
        self.view = QChartView(self.chart, self)
        self.view.setObjectName("calls_cost_bars_view")
        self.view.setAccessibleName(self.tr("Стоимость звонков по месяцам"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.values: list[float] = []

    def set_months(self, months: list[Any], description: str) -> None:
        """Bars of ``months`` (``MonthCost``, oldest first) and their description in words."""
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        self.values = [float(m.cost) for m in months]
        bars = QBarSet(self.tr("Стоимость, ₽"))
        bars.setColor(QColor(colors.OK))
        bars.append(self.values)
        series = QBarSeries()
        series.append(bars)
        self.chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([f"{m.month:02d}.{m.year % 100:02d}" for m in months])
        categories.setLabelsAngle(-90)
        amounts = QValueAxis()
        amounts.setRange(0, max([*self.values, 1.0]) * 1.1)
        amounts.setLabelFormat("%.0f")
        amounts.applyNiceNumbers()
        self.chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(amounts, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(amounts)
        self.setAccessibleDescription(description)
        self.view.setAccessibleDescription(description)
