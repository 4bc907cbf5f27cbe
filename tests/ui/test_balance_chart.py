"""«Баланс» chart (issue 14): built when the tab is first shown, follows the account, hover selects a row.

Real widgets against the real server on its fake clock; the chart's clock is the server's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPointF

from annet_desktop.domain import balance_series


def _open_balance(
    qtbot: Any, logged_in: Callable[..., Any], server: Any, case: str, language: str = "ru"
) -> tuple[Any, Any]:
    controller, window, _demo = logged_in(case, language=language)
    window.resize(760, 560)  # narrower than the default: the axis labels' room is tested too
    tab = window.balance
    assert tab.chart is None  # nothing of QtCharts before the tab is shown
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.chart is not None, timeout=20000)
    tab.chart_panel.now = server.clock.now
    tab.chart_panel.redraw(load=True)
    number = controller.state.selected_account
    qtbot.waitUntil(lambda: number in tab.chart_panel.rows, timeout=20000)
    qtbot.waitUntil(lambda: controller.state.forecasts.of() is not None, timeout=20000)
    tab.chart_panel.redraw()
    return controller, tab


def test_chart_draws_the_year_and_says_it_in_words(
    qtbot: Any, logged_in: Callable[..., Any], server: Any
) -> None:
    controller, tab = _open_balance(qtbot, logged_in, server, "telephony")
    series = tab.chart.series
    rows = tab.chart_panel.rows[controller.state.selected_account]
    year_ago = server.clock.now() - balance_series_days()
    shown = [r for r in rows if r.at >= year_ago]
    assert len(series.payments) + len(series.charges) == len(shown) > 0
    assert series.steps[-1][1] == float(rows[0].balance_after)  # ends at the current balance
    assert len(series.forecast) == 5  # now, then a step at each of the next two charges
    text = tab.chart.accessibleDescription()
    assert text.startswith("Баланс за 12 месяцев: от ")
    assert f"пополнений: {len(series.payments)}, списаний: {len(series.charges)}." in text
    assert tab.chart.accessibleName() == "График баланса"
    # the balance scale is read in full: QtCharts cut «3000» to «…» at the chart's minimum height
    assert not tab.chart.y_axis.truncateLabels()


def test_hovering_a_marker_selects_its_row(qtbot: Any, logged_in: Callable[..., Any], server: Any) -> None:
    controller, tab = _open_balance(qtbot, logged_in, server, "telephony")
    items = controller.state.balance_of().items
    times = [e.at for e in items]
    index = next(i for i in range(1, len(items)) if times.count(times[i]) == 1)  # a moment of one row
    target = items[index]
    t = balance_series.ms(target.at)
    tab.chart.charges.hovered.emit(QPointF(t, float(target.balance_after)), True)
    selected = tab.panel.view.selectionModel().selectedRows()
    assert [i.row() for i in selected] == [index]


def test_chart_follows_the_selected_account(qtbot: Any, logged_in: Callable[..., Any], server: Any) -> None:
    controller, tab = _open_balance(qtbot, logged_in, server, "multi-account")
    state = controller.state
    first = state.selected_account
    other = next(n for n in state.account_numbers() if n != first)
    state.select_account(other)
    qtbot.waitUntil(lambda: other in tab.chart_panel.rows, timeout=20000)
    qtbot.waitUntil(lambda: state.forecasts.of(other) is not None, timeout=20000)
    tab.chart_panel.redraw()
    rows = tab.chart_panel.rows[other]
    expected = balance_series.build(rows, server.clock.now(), state.forecasts.of(other))
    assert tab.chart.series.steps == expected.steps
    assert tab.chart.series.forecast == expected.forecast


def balance_series_days() -> Any:
    import datetime as dt

    return dt.timedelta(days=balance_series.DAYS_SHOWN)


def test_value_axis_labels_fit_in_english(qtbot: Any, logged_in: Callable[..., Any], server: Any) -> None:
    """The value axis once showed «1 0…» in English: every label must fit left of the plot area."""
    from PySide6.QtGui import QFontMetrics

    _controller, tab = _open_balance(qtbot, logged_in, server, "internet-discount", language="en")
    chart = tab.chart
    chart.grab()  # lay the chart out as a paint would
    axis = chart.y_axis
    ticks = axis.tickCount()
    step = (axis.max() - axis.min()) / (ticks - 1)
    labels = [axis.labelFormat() % (axis.min() + i * step) for i in range(ticks)]
    assert max(abs(axis.min()), abs(axis.max())) >= 1000  # the wide labels are there
    metrics = QFontMetrics(axis.labelsFont())
    room = chart.chart.plotArea().left() - chart.chart.margins().left()
    assert all(metrics.horizontalAdvance(label) < room for label in labels), (labels, room)
