"""``GET /accounts/{n}/calls/summary`` (issue 14): the server's sums equal the month's calls summed here."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

import pytest

from annet_desktop.api import errors


def _months_back(year: int, month: int, n: int) -> list[tuple[int, int]]:
    index = year * 12 + month - 1
    return [divmod(i, 12) for i in range(index - n + 1, index + 1)]


@pytest.mark.parametrize(("language", "tver"), [("ru", "Тверь"), ("en", "Tver")])
def test_summary_equals_the_calls_summed_by_zone_and_direction(server: Any, language: str, tver: str) -> None:
    """In both languages: the zones are named as the reader reads them, in the page and the summary."""
    demo = server.by_case("telephony")
    client = server.client(login=demo, language=language)
    number = next(a.number for a in client.me().accounts if a.has_telephony)
    year, month = 2026, 11
    totals: dict[tuple[str, str], list[Any]] = defaultdict(lambda: [0, 0, Decimal(0)])
    for page in client.iter_calls(number, year, month):
        columns = (page.zone, page.direction, page.duration_s, page.cost)
        for zone, direction, seconds, cost in zip(*columns, strict=True):
            row = totals[(zone, direction.value)]
            row[0] += 1
            row[1] += -(-seconds // 60)  # each call's started minutes
            row[2] += cost
    summary = client.calls_summary(number, year, month)
    got = {(z.zone, z.direction.value): [z.calls, z.minutes, z.cost] for z in summary.zones}
    assert got == dict(totals) and got
    assert tver in {zone for zone, _direction in got}
    assert [(z.zone, z.direction.value) for z in summary.zones] == sorted(
        got, key=lambda k: (k[0], k[1] != "in")
    )
    expected = [(y, mo + 1) for y, mo in _months_back(2026, 11, 12)]
    assert [(mc.year, mc.month) for mc in summary.months] == expected
    for mc in summary.months:
        pages = list(client.iter_calls(number, mc.year, mc.month))
        assert mc.calls == sum(len(p) for p in pages)
        assert mc.cost == sum((c for p in pages for c in p.cost), Decimal(0))


def test_bad_month_is_a_clear_refusal(server: Any) -> None:
    demo = server.by_case("telephony")
    client = server.client(login=demo)
    number = client.me().accounts[0].number
    with pytest.raises(errors.ApiError):
        client.calls_summary(number, 2026, 13)
