"""Sample calls for the export tests: typed rows with every awkward value the writers must carry."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from annet_contract.moscow import MOSCOW
from annet_desktop.export import Column, Kind

COLUMNS = [
    Column("Дата и время", Kind.DATETIME, 19),
    Column("С номера", Kind.TEXT, 14),
    Column("На номер", Kind.TEXT, 14),
    Column("Направление", Kind.TEXT, 12),
    Column("Длительность", Kind.DURATION, 12),
    Column("Стоимость, ₽", Kind.MONEY, 12),
    Column("Зона", Kind.TEXT, 20),
]

#: risky text (formula injection), quoting, escaping, negative money, a UTC time, empties
ROWS: list[tuple[Any, ...]] = [
    (dt.datetime(2026, 11, 16, 12, 0, 5, tzinfo=MOSCOW), "4822123456", "=1+2", "Исходящий", 83,
     Decimal("-12.50"), 'Тверь; "центр"\nвторая строка'),
    (dt.datetime(2026, 11, 16, 9, 30, 0, tzinfo=dt.UTC), "+79001234567", "-2", "Входящий", 3725,
     Decimal("1234.56"), "\tтаб"),
    (dt.datetime(2026, 11, 1, 0, 0, 0, tzinfo=MOSCOW), "@SUM(A1)", "\rcr", "Входящий", 0,
     Decimal("0.00"), "<a&b>"),
    (dt.datetime(2026, 11, 30, 23, 59, 59, tzinfo=MOSCOW), "4822000000", "#N/A", "Исходящий", 59,
     Decimal("100000.01"), "ctl\x01char"),
]  # fmt: skip


@pytest.fixture
def columns() -> list[Column]:
    return list(COLUMNS)


@pytest.fixture
def rows() -> list[tuple[Any, ...]]:
    return list(ROWS)


class FailingFile:
    """A binary file that fails like a full disk once ``limit`` bytes have been written."""

    def __init__(self, real: Any, limit: int) -> None:
        self.real = real
        self.limit = limit
        self.written = 0

    def write(self, data: bytes) -> int:
        if self.written + len(data) > self.limit:
            import errno

            raise OSError(errno.ENOSPC, "No space left on device")
        self.written += len(data)
        return int(self.real.write(data))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)

    def __enter__(self) -> FailingFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.real.close()
