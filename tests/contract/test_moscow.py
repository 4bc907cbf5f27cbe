"""Tests of annet_contract.moscow: dd.mm.yyyy hh:mm on Moscow time."""

from __future__ import annotations

import datetime as dt

import pytest

from annet_contract.moscow import (
    MOSCOW,
    format_date,
    format_datetime,
    format_duration,
    format_time,
)


def test_format_datetime_moscow() -> None:
    assert format_datetime(dt.datetime(2026, 11, 16, 12, 5, tzinfo=MOSCOW)) == "16.11.2026 12:05"


def test_format_datetime_converts_from_utc() -> None:
    # 21:30 UTC on the 31st is 00:30 Moscow time on the 1st of the next month (and year)
    value = dt.datetime(2025, 12, 31, 21, 30, tzinfo=dt.UTC)
    assert format_datetime(value) == "01.01.2026 00:30"
    assert format_date(value) == "01.01.2026"
    assert format_time(value) == "00:30"


def test_naive_is_moscow_and_none_is_empty() -> None:
    assert format_datetime(dt.datetime(2026, 1, 2, 3, 4)) == "02.01.2026 03:04"
    assert format_datetime(None) == ""
    assert format_date(None) == ""
    assert format_time(None) == ""
    assert format_date(dt.date(2026, 3, 9)) == "09.03.2026"


@pytest.mark.parametrize(
    ("secs", "text"), [(0, "0:00"), (59, "0:59"), (61, "1:01"), (3599, "59:59"), (3600, "1:00:00")]
)
def test_format_duration(secs: int, text: str) -> None:
    assert format_duration(secs) == text


def test_format_duration_negative() -> None:
    with pytest.raises(ValueError):
        format_duration(-1)
