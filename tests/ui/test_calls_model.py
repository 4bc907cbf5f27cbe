"""CallsModel over synthetic columnar pages: Qt model rules, sorting, filtering, summary, paging."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from annet_contract.moscow import MOSCOW
from annet_desktop.domain.calls import (
    CALLEE,
    CALLER,
    COLUMN_COUNT,
    COST,
    DIRECTION,
    DURATION,
    START,
    ZONE,
    CallsSummary,
    digits,
    format_hms,
)
from annet_desktop.ui.models.calls_model import RAW_ROLE, CallsModel, summary_text

ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder


def make_pages(n: int, page_size: int, seed: int = 7) -> list[Any]:
    """Columnar pages shaped like the API's CallsPage (calls in the order they were made)."""
    rnd = random.Random(seed)
    start = dt.datetime(2026, 10, 1, tzinfo=MOSCOW)
    zones = ["Тверь", "Москва", "Россия, моб.", "Международная", "Тверская обл."]
    rows = []
    t = start
    for _ in range(n):
        t += dt.timedelta(seconds=rnd.randrange(0, 50))  # ties on purpose (0 s apart)
        own = f"48225{rnd.randrange(10**5):05d}"
        other = rnd.choice([f"+7900{rnd.randrange(10**7):07d}", f"4822{rnd.randrange(10**6):06d}"])
        out = rnd.random() < 0.6
        cost = Decimal(rnd.randrange(0, 50000)) / 100
        caller, callee = (own, other) if out else (other, own)
        direction = "out" if out else "in"
        rows.append((t, caller, callee, direction, rnd.randrange(0, 4000), cost, rnd.choice(zones)))
    pages = []
    for offset in range(0, n, page_size):
        chunk = rows[offset : offset + page_size]
        cols = list(zip(*chunk, strict=True)) if chunk else [[]] * 7
        pages.append(
            SimpleNamespace(
                total=n, offset=offset, started_at=list(cols[0]), caller=list(cols[1]), callee=list(cols[2]),
                direction=list(cols[3]), duration_s=list(cols[4]), cost=list(cols[5]), zone=list(cols[6]),
            )
        )  # fmt: skip
    return pages


def naive(value: dt.datetime) -> dt.datetime:
    """The model keeps start times as naive Moscow time."""
    return value.astimezone(MOSCOW).replace(tzinfo=None)


def all_rows(pages: list[Any]) -> list[tuple[Any, ...]]:
    """Every row as the model holds it (start time naive on Moscow time)."""
    rows = []
    for p in pages:
        columns = (p.started_at, p.caller, p.callee, p.direction, p.duration_s, p.cost, p.zone)
        rows += [(naive(r[0]), *r[1:]) for r in zip(*columns, strict=True)]
    return rows


def shown(model: CallsModel) -> list[tuple[Any, ...]]:
    return [model.row_values(r) for r in range(model.rowCount())]


@pytest.fixture
def pages() -> list[Any]:
    return make_pages(3000, 1000)


@pytest.fixture
def model(qapp: Any, pages: list[Any]) -> CallsModel:
    m = CallsModel()
    for p in pages:
        m.append_page(p)
    return m


def test_qt_model_rules(qtmodeltester: Any, pages: list[Any]) -> None:
    model = CallsModel()
    qtmodeltester.check(model)
    model.append_page(pages[0])
    qtmodeltester.check(model)  # the tester keeps watching the signals of everything below
    model.sort(COST, DESC)
    model.append_page(pages[1])
    model.set_filter("482")
    model.append_page(pages[2])
    model.sort(START, ASC)
    model.set_filter("")
    model.clear()
    model.append_page(pages[0])
    qtmodeltester.check(model)


@pytest.mark.parametrize("column", range(COLUMN_COUNT))
@pytest.mark.parametrize("order", [ASC, DESC])
def test_sort_every_column(model: CallsModel, pages: list[Any], column: int, order: Qt.SortOrder) -> None:
    rows = all_rows(pages)
    model.sort(column, order)
    expected = sorted(rows, key=lambda r: r[column], reverse=order == DESC)  # stable, like the model
    assert shown(model) == expected
    # the display follows the same order
    first = model.index(0, column).data()
    assert first == model.display(0, column) and first


def test_sort_back_to_the_order_calls_were_made(model: CallsModel, pages: list[Any]) -> None:
    model.sort(ZONE, DESC)
    model.sort(-1)
    assert shown(model) == all_rows(pages)


def test_sort_keeps_the_current_row(model: CallsModel) -> None:
    target = model.row_values(10)
    persistent = QPersistentModelIndex(model.index(10, 2))
    model.sort(DURATION, DESC)
    assert persistent.isValid()
    assert model.row_values(persistent.row()) == target
    assert persistent.column() == 2


@pytest.mark.parametrize("typed", [["4"], ["4", "48", "482", "4822", "48225"], ["90", "900", "9001"],
                                   ["+7 (900"], ["7", ""], ["123", "12", "1"], ["abc"]])  # fmt: skip
def test_filter_by_number_as_one_types(model: CallsModel, pages: list[Any], typed: list[str]) -> None:
    rows = all_rows(pages)
    for text in typed:
        model.set_filter(text)
        q = digits(text)
        if not text:
            expected = rows
        else:
            expected = [r for r in rows if q and (q in digits(r[CALLER]) or q in digits(r[CALLEE]))]
        assert shown(model) == expected, text
        assert model.summary() == CallsSummary(
            len(expected), sum(r[DURATION] for r in expected), sum((r[COST] for r in expected), Decimal(0))
        )


def test_filter_and_sort_together_and_pages_arriving(pages: list[Any], qapp: Any) -> None:
    model = CallsModel()
    model.sort(COST, DESC)
    model.set_filter("900")
    for p in pages:
        model.append_page(p)
        rows = all_rows(pages[: pages.index(p) + 1])
        expected = sorted([r for r in rows if "900" in digits(r[CALLER]) or "900" in digits(r[CALLEE])],
                          key=lambda r: r[COST], reverse=True)  # fmt: skip
        assert shown(model) == expected
    model.set_filter("")
    assert shown(model) == sorted(all_rows(pages), key=lambda r: r[COST], reverse=True)


def test_pages_arrive_as_inserted_rows(qtbot: Any, pages: list[Any], qapp: Any) -> None:
    model = CallsModel()
    with qtbot.waitSignal(model.rowsInserted) as blocker:
        model.append_page(pages[0])
    assert blocker.args[1:] == [0, 999]
    with qtbot.waitSignal(model.loadedChanged) as loaded:
        model.append_page(pages[1])
    assert loaded.args == [2000, 3000]
    assert model.rowCount() == 2000


def test_summary_of_everything(model: CallsModel, pages: list[Any]) -> None:
    rows = all_rows(pages)
    s = model.summary()
    assert s.count == 3000
    assert s.duration_s == sum(r[DURATION] for r in rows)
    assert s.cost == sum((r[COST] for r in rows), Decimal(0))
    text = summary_text(CallsSummary(100000, 3725 + 86400, Decimal("1234.5")))
    assert "100\u00a0000" in text and "25:02:05" in text and "1\u00a0234,50\u00a0₽" in text
    assert format_hms(59) == "00:00:59"


def test_display_and_roles(qapp: Any) -> None:
    model = CallsModel()
    when = dt.datetime(2026, 11, 16, 9, 5, 7, tzinfo=dt.UTC)
    model.append_columns([when], ["+79001234567"], ["4822123456"], ["in"], [3725], [Decimal("-1234.5")],
                         ["Тверь"])  # fmt: skip
    texts = [model.index(0, c).data() for c in range(COLUMN_COUNT)]
    assert texts == ["16.11.2026 12:05:07", "+79001234567", "4822123456", "Входящий", "1:02:05",
                     "\u22121\u00a0234,50", "Тверь"]  # fmt: skip
    assert model.index(0, COST).data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert model.index(0, DURATION).data(RAW_ROLE) == 3725
    assert model.headerData(DIRECTION, Qt.Orientation.Horizontal) == "Направление"
    assert model.index(5, 0).data() is None
    assert model.data(QModelIndex()) is None


def test_export_rows_are_what_is_shown_in_order(model: CallsModel) -> None:
    model.sort(ZONE, ASC)
    model.set_filter("48225")
    rows = list(model.export_rows())
    assert len(rows) == model.rowCount()
    for r, row in enumerate(rows):
        values = model.row_values(r)
        assert row[START] == values[START] and row[ZONE] == values[ZONE]
        assert row[DIRECTION] == model.display(r, DIRECTION)  # direction as the user reads it
    header = model.export_header()
    assert [c.title for c in header] == [model.title(c) for c in range(COLUMN_COUNT)]


def test_export_snapshot_is_not_affected_by_a_new_month(model: CallsModel, pages: list[Any]) -> None:
    rows = model.export_rows()
    first = next(rows)
    model.clear(total=5)
    model.append_page(make_pages(5, 5, seed=1)[0])
    rest = list(rows)
    original = all_rows(pages)
    assert len(rest) == len(original) - 1
    assert first[:3] == original[0][:3] and first[4:] == original[0][4:]
    assert rest[-1][:3] == original[-1][:3]


def test_clear_keeps_sort_and_filter(model: CallsModel, pages: list[Any]) -> None:
    model.sort(DURATION, ASC)
    model.set_filter("9")
    model.clear(total=3000)
    assert model.rowCount() == 0 and model.summary().count == 0
    for p in pages:
        model.append_page(p)
    expected = sorted([r for r in all_rows(pages) if "9" in digits(r[CALLER]) or "9" in digits(r[CALLEE])],
                      key=lambda r: r[DURATION])  # fmt: skip
    assert shown(model) == expected


def test_bad_page_is_refused_without_damage(model: CallsModel) -> None:
    before = model.rowCount()
    with pytest.raises(ValueError):
        model.append_columns([dt.datetime.now(MOSCOW)], ["1"], [], ["in"], [1], [Decimal(1)], ["z"])
    assert model.rowCount() == before == model.loaded


def test_sort_ignores_a_column_out_of_range(model: CallsModel) -> None:
    first = model.row_values(0)
    for column in (COLUMN_COUNT, COLUMN_COUNT + 3, -1):  # 7 columns: 0…6; column 7 is not one
        model.sort(column, ASC)
        assert model.sort_column == -1, column
        assert model.rowCount() == 3000 and model.row_values(0) == first
    model.sort(COLUMN_COUNT - 1, DESC)  # the last real column (the zone) sorts
    assert model.sort_column == COLUMN_COUNT - 1


def _hand_made(qapp: Any) -> CallsModel:
    """Three calls with numbers written out, for filter results checked by hand."""
    when = dt.datetime(2026, 11, 16, 9, 0, tzinfo=MOSCOW)
    model = CallsModel()
    model.append_columns(
        [when, when + dt.timedelta(minutes=1), when + dt.timedelta(minutes=2)],
        ["+7 900 111-22-33", "4822555000", "4822000111"],  # callers
        ["4822123456", "+79001112233", "4822999888"],  # callees
        ["out", "in", "out"], [60, 120, 180], [Decimal(1), Decimal(2), Decimal(3)], ["Тверь"] * 3,
    )  # fmt: skip
    return model


@pytest.mark.parametrize(
    ("typed", "expected_callers"),
    [
        ("2233", ["+7 900 111-22-33", "4822555000"]),  # the caller of one, the callee of the other
        ("+7 (900) 111", ["+7 900 111-22-33", "4822555000"]),  # typed as written: digits only
        ("111", ["+7 900 111-22-33", "4822555000", "4822000111"]),
        ("999888", ["4822000111"]),
        ("334822", []),  # the end of a caller and the start of its callee: not one number
        ("1114822", []),  # the same at the third row
        ("abc", []),  # no digit: nothing matches
        ("", ["+7 900 111-22-33", "4822555000", "4822000111"]),
    ],
)
def test_filter_matches_within_one_number(qapp: Any, typed: str, expected_callers: list[str]) -> None:
    model = _hand_made(qapp)
    model.set_filter(typed)
    assert [model.row_values(r)[CALLER] for r in range(model.rowCount())] == expected_callers


def test_filter_without_digits_stays_empty_as_pages_arrive(pages: list[Any], qapp: Any) -> None:
    model = CallsModel()
    model.set_filter("abc")  # no digit: no number can match, neither now nor in later pages
    for p in pages:
        model.append_page(p)
    assert model.rowCount() == 0 and model.summary().count == 0
    model.set_filter("")
    assert model.rowCount() == 3000


def test_sort_orders_computed_in_idle_slices_agree(model: CallsModel, pages: list[Any]) -> None:
    slices = 0
    while model.precompute_next():
        slices += 1
    assert slices == 2 * COLUMN_COUNT
    rows = all_rows(pages)
    for column in range(COLUMN_COUNT):
        model.sort(column, DESC)
        assert shown(model) == sorted(rows, key=lambda r: r[column], reverse=True)
    model.append_page(make_pages(10, 10, seed=5)[0])  # new rows: the orders are made again
    assert model.precompute_next()


def test_start_times_on_other_offsets_sort_by_the_instant(qapp: Any) -> None:
    model = CallsModel()
    utc = dt.datetime(2026, 11, 16, 9, 0, tzinfo=dt.UTC)  # 12:00 in Moscow
    msk = dt.datetime(2026, 11, 16, 11, 0, tzinfo=MOSCOW)
    model.append_columns([utc, msk], ["1", "2"], ["3", "4"], ["in", "out"], [1, 2], [Decimal(1), Decimal(2)],
                         ["z", "z"])  # fmt: skip
    model.sort(START, ASC)
    assert [model.display(r, START) for r in range(2)] == ["16.11.2026 11:00:00", "16.11.2026 12:00:00"]
