"""«Звонки»: the month by zone and direction and 12 months of cost as bars (issue 14), from the
server's sums."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def test_month_summary_shows_the_servers_sums_and_the_bars(
    qtbot: Any, logged_in: Callable[..., Any], server: Any
) -> None:
    _controller, window, demo = logged_in("telephony")
    tab = window.calls
    assert tab is not None
    window.tabs.setCurrentWidget(tab)
    panel = tab.month_summary
    qtbot.waitUntil(lambda: panel.summary is not None and tab.complete, timeout=30000)
    number, year, month = tab._shown_month()
    expected = server.client(demo).calls_summary(number, year, month)
    assert panel.summary == expected
    model = panel.model
    assert model.rowCount() == len(expected.zones) > 0
    first = expected.zones[0]
    assert model.index(0, 0).data() == first.zone
    assert model.index(0, 2).data() == str(first.calls)
    assert panel.bars is not None and panel.bars.values == [float(m.cost) for m in expected.months]
    text = panel.accessibleDescription()
    assert text.startswith("Стоимость звонков за 12 месяцев: ") and f"{month:02d}.{year}" in text
    assert panel.bars.accessibleDescription() == text
