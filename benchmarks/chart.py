"""Benchmark: the «Баланс» chart over 5 years of daily rows (~2,000 points) draws in ≤ 50 ms (issue 14).

GUI time of one draw = handing the series to the chart (``BalanceChart.set_series``) + rendering the
widget (``grab()``), median of ``--runs`` (7) after one warm-up, on a 900×300 chart. The baseline,
measured in the same run on the same data, is the first way one would write it: points appended one
by one and the markers as a plain ``QScatterSeries`` (a graphics item per point). Prints both, the
ratio, and exits 1 when the chart misses 50 ms.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/chart.py [--runs 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

GOAL_MS = 50.0
DAYS = 5 * 365
MSK = dt.timezone(dt.timedelta(hours=3), "MSK")
NOW = dt.datetime(2026, 11, 16, 12, tzinfo=MSK)


def rows() -> list[Any]:
    """A row a day for 5 years (a daily charge, a top-up each month), newest first."""
    out, balance = [], Decimal(1000)
    for day in range(DAYS):
        amount = Decimal(750) if day % 30 == 0 else Decimal(-25)
        balance += amount
        at = NOW - dt.timedelta(days=DAYS - day)
        out.append(SimpleNamespace(id=day + 1, at=at, amount=amount, balance_after=balance))
    return out[::-1]


def _time(draw: Any, runs: int) -> float:
    draw()  # warm-up: first layout, fonts, axis ticks
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        draw()
        samples.append((time.perf_counter() - start) * 1000.0)
    return statistics.median(samples)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    from PySide6.QtCharts import QChart, QChartView, QLineSeries, QScatterSeries
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from annet_desktop.domain import balance_series
    from annet_desktop.ui.widgets.balance_chart import BalanceChart

    series = balance_series.build(rows(), NOW, None, days=DAYS + 1)
    points = len(series.steps) // 2 + len(series.payments) + len(series.charges)
    chart = BalanceChart()
    chart.resize(900, 300)
    chart.show()
    app.processEvents()

    def ours() -> None:
        chart.set_series(series)
        chart.grab()

    naive_chart = QChart()
    naive_view = QChartView(naive_chart)
    naive_view.resize(900, 300)
    naive_view.show()

    def naive() -> None:
        naive_chart.removeAllSeries()
        line, marks = QLineSeries(), QScatterSeries()
        for t, v in series.steps:
            line.append(t, v)
        for t, v in series.payments + series.charges:
            marks.append(t, v)
        naive_chart.addSeries(line)
        naive_chart.addSeries(marks)
        naive_chart.createDefaultAxes()
        naive_view.grab()

    ours_ms = _time(ours, args.runs)
    naive_ms = _time(naive, args.runs)
    met = ours_ms <= GOAL_MS
    print(f"| chart, {DAYS} daily rows ({points} points) | ms (median of {args.runs}) | goal |")
    print("|---|---|---|")
    print(f"| baseline: appended one by one, scatter markers | {naive_ms:.1f} | |")
    verdict = "met" if met else "MISSED"
    print(f"| BalanceChart.set_series + render | **{ours_ms:.1f}** | ≤ {GOAL_MS:.0f} ms: {verdict} |")
    print(f"| baseline / ours | {naive_ms / ours_ms:.1f}× | |")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
