"""«Звонки» against the real reference server: months, progress, sorting, search, summary, export.

The business account (``business-100k``) has 100,000 calls in the current month (November 2026 on
the test clock); the ``telephony`` account a year of calls on a home phone.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from lxml import etree
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog, QHeaderView, QPushButton

from annet_contract.moscow import MOSCOW
from annet_desktop.domain.calls import CALLEE, CALLER, COLUMN_COUNT, COST, DURATION, START, digits
from annet_desktop.export import ExportFormat
from annet_desktop.ui.models.calls_model import summary_text
from annet_desktop.ui.widgets.naming import unnamed_widgets

LOAD_MS = 90_000


def open_calls(qtbot: Any, logged_in: Any, case: str) -> tuple[Any, Any, Any]:
    """Log in as the demo account of ``case``, open «Звонки», wait for the whole month."""
    controller, window, demo = logged_in(case)
    tab = window.calls
    assert tab is not None, "the calls tab exists for a telephony account"
    assert window.show_tab("tab_calls")
    qtbot.waitUntil(lambda: tab.complete, timeout=LOAD_MS)
    return controller, tab, demo


def server_month(server: Any, demo: Any, year: int, month: int) -> list[tuple[Any, ...]]:
    """The month's calls straight from the server, in the order they were made."""
    client = server.client(demo)
    rows: list[tuple[Any, ...]] = []
    for page in client.iter_calls(demo.account, year, month, limit=50_000):
        start = [d.astimezone(MOSCOW).replace(tzinfo=None) for d in page.started_at]
        rows += list(zip(start, page.caller, page.callee, page.direction, page.duration_s, page.cost,
                         page.zone, strict=True))  # fmt: skip
    return rows


def shown(tab: Any) -> list[tuple[Any, ...]]:
    return [tab.model.row_values(r) for r in range(tab.model.rowCount())]


def click_header(qtbot: Any, tab: Any, column: int) -> None:
    header: QHeaderView = tab.view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


# --------------------------------------------------------------------------- loading


def test_business_month_arrives_in_pages_with_progress(qtbot: Any, logged_in: Any, server: Any) -> None:
    _controller, window, demo = logged_in("business-100k")
    tab = window.calls
    lines: list[str] = []
    tab.model.loadedChanged.connect(lambda *_: lines.append(tab.progress_label.text()))
    window.show_tab("tab_calls")
    qtbot.waitUntil(lambda: tab.complete, timeout=LOAD_MS)
    assert tab.model.rowCount() == tab.model.total == 100_000
    assert "загружено 10\u00a0000 из 100\u00a0000" in lines  # rows appeared as pages came in
    assert tab.progress_label.text() == "Загружены все звонки месяца: 100\u00a0000"
    assert (tab.year_combo.currentData(), tab.month_combo.currentData()) == (2026, 11)
    assert tab.view.verticalHeader().sectionResizeMode(0) == QHeaderView.ResizeMode.Fixed
    assert tab.export_button.isEnabled()
    assert unnamed_widgets(tab) == []
    # what is shown is the server's month, in the order the calls were made
    assert shown(tab) == server_month(server, demo, 2026, 11)


def test_selectors_offer_only_months_with_calls(qtbot: Any, logged_in: Any, server: Any) -> None:
    _c, tab, demo = open_calls(qtbot, logged_in, "telephony")
    months = server.client(demo).calls(demo.account, 2026, 11, limit=1).months
    years = sorted({y for y, _m in months}, reverse=True)
    assert [tab.year_combo.itemData(i) for i in range(tab.year_combo.count())] == years
    for year in years:
        tab.year_combo.setCurrentIndex(tab.year_combo.findData(year))
        offered = [tab.month_combo.itemData(i) for i in range(tab.month_combo.count())]
        assert offered == sorted(m for y, m in months if y == year)
        qtbot.waitUntil(lambda: tab.complete, timeout=LOAD_MS)
        year_now, month_now = tab.selected_month()
        assert all(r[START].year == year_now and r[START].month == month_now for r in shown(tab))
    with pytest.raises(ValueError):
        tab.select_month(1999, 1)


def test_month_switch_drops_the_pages_of_the_old_month(qtbot: Any, logged_in: Any, server: Any) -> None:
    controller, window, demo = logged_in("business-100k")
    tab = window.calls
    dropped: list[Any] = []
    controller.worker.replyDropped.connect(dropped.append)
    window.show_tab("tab_calls")
    qtbot.waitUntil(lambda: tab.model.loaded > 0, timeout=LOAD_MS)
    assert not tab.complete  # November is still arriving
    october = (2026, 10)
    tab.select_month(*october)
    qtbot.waitUntil(lambda: tab.complete, timeout=LOAD_MS)
    expected = server_month(server, demo, *october)
    assert shown(tab) == expected
    assert tab.model.total == len(expected)
    assert dropped and all(r.context[1][1:3] == (2026, 11) for r in dropped)


# --------------------------------------------------------------------------- sorting and search


def test_header_click_sorts_every_column_both_ways(qtbot: Any, logged_in: Any, server: Any) -> None:
    _c, tab, _demo = open_calls(qtbot, logged_in, "telephony")
    natural = shown(tab)
    header = tab.view.horizontalHeader()
    for column in range(COLUMN_COUNT):
        click_header(qtbot, tab, column)
        if header.sortIndicatorOrder() != Qt.SortOrder.AscendingOrder:
            click_header(qtbot, tab, column)
        assert header.sortIndicatorSection() == column
        assert header.isSortIndicatorShown()
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            assert header.sortIndicatorOrder() == order
            expected = sorted(natural, key=lambda r: r[column], reverse=order == Qt.SortOrder.DescendingOrder)
            assert shown(tab) == expected, (column, order)
            if order == Qt.SortOrder.AscendingOrder:
                click_header(qtbot, tab, column)


def test_search_filters_by_number_as_one_types(qtbot: Any, logged_in: Any, server: Any) -> None:
    _c, tab, _demo = open_calls(qtbot, logged_in, "business-100k")
    everything = shown(tab)
    number = everything[1234][CALLEE]
    typed = ""
    for char in number[:7]:
        qtbot.keyClicks(tab.search, char)
        typed += char
        q = digits(typed)
        expected = [r for r in everything if q in digits(r[CALLER]) or q in digits(r[CALLEE])]
        assert shown(tab) == expected, typed
        summary = tab.model.summary()
        assert summary.count == len(expected)
        assert summary.duration_s == sum(r[DURATION] for r in expected)
        assert summary.cost == sum((r[COST] for r in expected), Decimal(0))
        assert tab.summary_label.text() == summary_text(summary)
    tab.search.clear()
    assert tab.model.rowCount() == 100_000
    tab.search.setText("+7 (nothing)")
    assert tab.model.rowCount() == sum(1 for r in everything if "7" in digits(r[CALLER] + r[CALLEE]))
    tab.search.setText("абв")
    assert tab.model.rowCount() == 0
    assert tab.summary_label.text().startswith("Звонков: 0,")


# --------------------------------------------------------------------------- export


def _patch_dialog(monkeypatch: pytest.MonkeyPatch, path: Path, chosen: str) -> list[tuple[Any, ...]]:
    asked: list[tuple[Any, ...]] = []

    def fake(*args: Any, **kwargs: Any) -> tuple[str, str]:
        asked.append(args)
        return str(path), chosen

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return asked


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_export_from_the_tab_writes_what_is_shown_in_order(
    qtbot: Any,
    logged_in: Any,
    server: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    fmt: ExportFormat,
) -> None:
    _c, tab, _demo = open_calls(qtbot, logged_in, "telephony")
    click_header(qtbot, tab, COST)  # sorted by cost …
    everything = shown(tab)
    middle = everything[len(everything) // 2]
    first, second = everything[0], everything[1]
    home = first[CALLER] if first[CALLER] in (second[CALLER], second[CALLEE]) else first[CALLEE]
    other = middle[CALLEE] if middle[CALLER] == home else middle[CALLER]
    tab.search.setText(other)  # … and filtered by the other party's number
    rows = shown(tab)
    assert 0 < len(rows) < tab.model.loaded
    filters = tab._filters()
    chosen = next(name for name, f in filters.items() if f is fmt)
    out = tmp_path / "export"
    out.mkdir()
    asked = _patch_dialog(monkeypatch, out / "звонки", chosen)  # no extension typed
    with qtbot.waitSignal(tab.exportFinished, timeout=60_000) as done:
        qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    assert done.args == ["ok"]
    assert asked and ";;".join(filters) == asked[0][3]
    target = out / f"звонки.{fmt.value}"
    assert [p.name for p in out.iterdir()] == [target.name]
    if fmt is ExportFormat.CSV:
        text = target.read_bytes().decode("utf-8-sig")
        table = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
        assert len(table) == len(rows) + 1
        assert [r[1] for r in table[1:]] == [r[CALLER] for r in rows]
        assert [r[5] for r in table[1:]] == [f"{r[COST]:.2f}".replace(".", ",") for r in rows]
    elif fmt is ExportFormat.XLSX:
        ws = openpyxl.load_workbook(target, read_only=True).active
        got = list(ws.iter_rows(min_row=2, values_only=True))
        assert len(got) == len(rows)
        assert [g[0] for g in got] == [r[START] for r in rows]  # real dates
        assert [Decimal(str(g[5])) for g in got] == [r[COST] for r in rows]  # real numbers
    else:
        ns = {"ss": "urn:schemas-microsoft-com:office:spreadsheet"}
        root = etree.parse(str(target)).getroot()
        table_rows = root.findall(".//ss:Table/ss:Row", ns)
        assert len(table_rows) == len(rows) + 1
        first = table_rows[1].findall("ss:Cell/ss:Data", ns)
        assert first[0].get(f"{{{ns['ss']}}}Type") == "DateTime"
        assert first[0].text == rows[0][START].isoformat() + ".000"
        assert first[5].get(f"{{{ns['ss']}}}Type") == "Number"
    assert tab.export_button.isEnabled()


def test_cancelled_export_leaves_no_file(
    qtbot: Any, logged_in: Any, server: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    controller, tab, _demo = open_calls(qtbot, logged_in, "business-100k")
    out = tmp_path / "export"
    out.mkdir()
    _patch_dialog(monkeypatch, out / "calls.xlsx", "")
    with qtbot.waitSignal(tab.exportFinished, timeout=60_000) as done:
        tab.export_button.click()
        dialog = tab.export_dialog
        assert dialog is not None and dialog.objectName() == "calls_export_progress"
        qtbot.waitUntil(lambda: dialog.value() >= 2000, timeout=30_000)  # under way
        cancel = dialog.findChild(QPushButton)
        assert cancel is not None and cancel.text() == "Отмена"
        cancel.click()
    assert done.args == ["cancelled"]
    assert list(out.iterdir()) == []
    assert "Экспорт отменён, файл не создан." in controller.messages.texts()


def test_failed_export_tells_why_and_leaves_nothing(
    qtbot: Any, logged_in: Any, server: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    controller, tab, _demo = open_calls(qtbot, logged_in, "telephony")
    controller.messages.show_boxes = False
    out = tmp_path / "export"
    out.mkdir()
    missing = out / "no such folder" / "calls.csv"
    _patch_dialog(monkeypatch, missing, "")
    with qtbot.waitSignal(tab.exportFinished, timeout=60_000) as done:
        tab.export_button.click()
    assert done.args == ["failed"]
    assert list(out.iterdir()) == []
    last = controller.messages.last()
    assert last is not None and last.kind == "warning" and str(missing) in last.text


def test_cancelled_save_dialog_does_nothing(
    qtbot: Any, logged_in: Any, server: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _c, tab, _demo = open_calls(qtbot, logged_in, "telephony")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    tab.export_button.click()
    assert tab.export_job is None and tab.export_dialog is None
    assert tab.export_button.isEnabled()


def test_quitting_during_an_export_cancels_it_and_leaves_no_file(
    qtbot: Any, logged_in: Any, server: Any, tmp_path: Path
) -> None:
    from annet_desktop.background import stop_all

    _c, tab, _demo = open_calls(qtbot, logged_in, "business-100k")
    out = tmp_path / "export"
    out.mkdir()
    with qtbot.waitSignal(tab.exportFinished, timeout=60_000) as done:
        job = tab.export_to(str(out / "calls.xml"), ExportFormat.XML2003)
        qtbot.waitUntil(lambda: tab.export_dialog is not None and tab.export_dialog.value() >= 1000)
        stop_all()  # what QCoreApplication.aboutToQuit runs
        assert not job.running
    assert done.args == ["cancelled"]
    assert list(out.iterdir()) == []
