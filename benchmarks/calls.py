"""Benchmark: the «Звонки» tab on the demo's 100,000-call month, against a naive baseline (issue 7).

The month comes from the reference server (``business-100k`` demo account), run in a separate
process on 127.0.0.1 so its work does not share our GIL. Every figure is measured in the same run
as its naive baseline, median of ``--runs`` (5):

* last page received → first painted table: our model (all rows appended) + QTableView painted,
  against a ``QTableWidget`` filled item by item (fresh process each run, so RSS is clean);
* memory added by the table (RSS), from the same runs;
* sort, for every column (first click, cold caches): model sort against ``QTableWidget.sortItems``;
  the line shows the slowest column and the smallest ratio;
* export of the sorted table: CSV, XML 2003, xlsx (openpyxl write-only + lxml), the xlsx one in a
  fresh process against openpyxl's normal mode for peak memory;
* the longest stall of the GUI event loop (a 10 ms QTimer probe) while the real tab loads the month
  from the server (until every page is shown and every column's sort order is computed in idle
  time), and during a header-click sort followed by an xlsx export from the tab; the baseline does
  the same work on the GUI thread (table filled item by item; sortItems + openpyxl normal mode),
  so its stall is the time that work takes.

Prints a table (seconds, MB, ratios, goals) and exits 1 when any line misses its goal.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/calls.py [--runs 5] [--synthetic]

``--synthetic`` uses generated data of the same shape instead of the server (for when the server is
not available); such a run is reported as not meeting the goals.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import pickle
import random
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SEED_NOW = dt.datetime(2026, 11, 16, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=3), "MSK"))
ROWS = 100_000


# --------------------------------------------------------------------------- data


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def _reset_peak() -> bool:
    """Reset the kernel's peak-RSS mark (VmHWM) of this process; False where that is not possible."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def _peak_mb() -> float:
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1e3
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3  # kB on Linux


def synthetic_pages(n: int = ROWS, page: int = 10_000) -> list[Any]:
    """CallsPage objects shaped like the server's month (used only with --synthetic)."""
    from annet_contract.schema import CallsPage

    rnd = random.Random(3)
    start = dt.datetime(SEED_NOW.year, SEED_NOW.month, 1, tzinfo=SEED_NOW.tzinfo)
    zones = ["Тверь", "Москва", "Россия, моб.", "Международная", "Тверская обл."]
    cols: list[list[Any]] = [[] for _ in range(7)]
    for i in range(n):
        own = f"4822{rnd.randrange(10**6):06d}"
        other = rnd.choice([f"7900{rnd.randrange(10**7):07d}", f"4822{rnd.randrange(10**6):06d}"])
        out = rnd.random() < 0.6
        values = (start + dt.timedelta(seconds=i * 13), own if out else other, other if out else own,
                  "out" if out else "in", rnd.randrange(3600), Decimal(rnd.randrange(50000)) / 100,
                  rnd.choice(zones))  # fmt: skip
        for col, v in zip(cols, values, strict=True):
            col.append(v)
    pages = []
    for off in range(0, n, page):
        c = [col[off : off + page] for col in cols]
        pages.append(CallsPage(account="0", year=start.year, month=start.month, total=n, offset=off,
                               next_cursor=None, months=[(start.year, start.month)], started_at=c[0],
                               caller=c[1], callee=c[2], direction=c[3], duration_s=c[4], cost=c[5],
                               zone=c[6]))  # fmt: skip
    return pages


class ServerProcess:
    """The reference server with fresh demo data, in a child process on 127.0.0.1."""

    def __init__(self) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.folder = Path(tempfile.mkdtemp(prefix="annet-bench-calls-"))
        self.proc = subprocess.Popen(
            [sys.executable, __file__, "--child", "server", str(self.folder), str(self.port)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line.startswith("ready"):
            self.close()
            raise RuntimeError("the server process did not start")
        self.url = f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        if self.proc.poll() is None:
            assert self.proc.stdin is not None
            self.proc.stdin.close()
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


def _child_server(folder: str, port: int) -> None:
    from annet_server.clock import FakeClock
    from annet_server.embedded import seed_demo_database, sqlite_url, start_server

    url = sqlite_url(Path(folder) / "demo.db")
    seed_demo_database(url, SEED_NOW, big_calls=True)
    server = start_server(url, FakeClock(SEED_NOW), port=port)
    print("ready", flush=True)
    sys.stdin.read()  # until the parent closes our stdin
    server.stop()


def business_account() -> Any:
    from annet_server.seed import demo_accounts

    return next(a for a in demo_accounts() if "business-100k" in a.cases)


def fetch_pages(url: str, page_size: int) -> tuple[list[Any], str]:
    from annet_desktop.api.client import CabinetClient

    demo = business_account()
    client = CabinetClient(url)
    try:
        client.login(demo.account, demo.password)
        me = client.me()
        number = next(
            (a.number for a in me.accounts if a.number == demo.account and a.has_telephony),
            next(a.number for a in me.accounts if a.has_telephony),
        )
        first = client.calls(number, SEED_NOW.year, SEED_NOW.month, limit=1)
        year, month = first.months[0] if (SEED_NOW.year, SEED_NOW.month) not in first.months else (
            SEED_NOW.year, SEED_NOW.month)  # fmt: skip
        pages = list(client.iter_calls(number, year, month, limit=page_size))
    finally:
        client.close()
    return pages, number


# --------------------------------------------------------------------------- children (fresh processes)


def _child_table(kind: str, data_path: str) -> None:
    """Build and paint the table over the month; print seconds and RSS added."""
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    with open(data_path, "rb") as f:
        pages = pickle.load(f)
    # warm Qt up (style, fonts, first window) the same way for both, outside the measurement
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QTableView as _View

    warm = _View()
    warm.setModel(QStandardItemModel(3, 3))
    warm.show()
    warm.grab()
    warm.close()
    app.processEvents()
    if kind == "model":
        # the app prepares each page in the API thread as it arrives (prepare_page): not GUI work
        from annet_desktop.domain.calls import prepare_page

        pages = [prepare_page(p) for p in pages]
    before = _rss_mb()
    started = time.perf_counter()
    if kind == "model":
        from PySide6.QtWidgets import QHeaderView, QTableView

        from annet_desktop.ui.models.calls_model import CallsModel

        model = CallsModel()
        view = QTableView()
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        view.verticalHeader().setVisible(False)
        view.setModel(model)
        for page in pages:
            model.append_page(page)
        view.resize(1000, 600)
        view.show()
        view.grab()
    else:
        from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

        from annet_desktop.ui.models.calls_model import CallsModel

        source = CallsModel()  # only to produce the same display strings
        for page in pages:
            source.append_page(page)
        texts = [[source.display(r, c) for c in range(7)] for r in range(source.rowCount())]
        del source
        before = _rss_mb()
        started = time.perf_counter()
        widget = QTableWidget(len(texts), 7)
        for r, row in enumerate(texts):
            for c, text in enumerate(row):
                widget.setItem(r, c, QTableWidgetItem(text))
        widget.resize(1000, 600)
        widget.show()
        widget.grab()
    seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "mb": _rss_mb() - before}))


def _child_xlsx(kind: str, data_path: str, out: str) -> None:
    """Write the month as xlsx; print seconds and the peak RSS added."""
    with open(data_path, "rb") as f:
        header, rows = pickle.load(f)
    import gc

    gc.collect()
    if not _reset_peak():
        raise SystemExit("cannot reset the peak RSS mark (/proc/self/clear_refs)")
    before = _rss_mb()
    started = time.perf_counter()
    if kind == "write-only":
        from annet_desktop.export import export

        export(out, "xlsx", header, rows)
    else:
        from openpyxl import Workbook

        from annet_contract.moscow import moscow_naive as local_naive

        wb = Workbook()
        ws = wb.active
        ws.append([c.title for c in header])
        for r in rows:
            ws.append([local_naive(r[0]), r[1], r[2], r[3], r[4] / 86400, r[5], r[6]])
        for row in ws.iter_rows(min_row=2):
            row[0].number_format = "dd.mm.yyyy hh:mm:ss"
            row[4].number_format = "[h]:mm:ss"
            row[5].number_format = "#,##0.00"
        wb.save(out)
    seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "mb": _peak_mb() - before}))


def _run_child(*args: str) -> dict[str, float]:
    result = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True,
                            check=True)  # fmt: skip
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


# --------------------------------------------------------------------------- GUI stall probe


class StallProbe:
    """A 10 ms timer on the GUI thread; ``longest`` is the longest gap between two ticks (s)."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.longest = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def start(self) -> None:
        self.longest = 0.0
        self.last = time.perf_counter()
        self.timer.start()

    def stop(self) -> float:
        self._tick()
        self.timer.stop()
        return self.longest


def _wait(signal: Any, timeout_s: float = 120.0) -> list[Any]:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    got: list[Any] = []

    def done(*args: Any) -> None:
        got.extend(args)
        loop.quit()

    signal.connect(done)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    loop.exec()
    signal.disconnect(done)
    if not got and signal is not None:
        pass
    return got


def _tab_context(url: str | None, pages: list[Any]) -> tuple[Any, Any]:
    """A logged-in TabContext against the server (or a fake client over ``pages``)."""
    from annet_desktop.settings import Settings
    from annet_desktop.state import CabinetState
    from annet_desktop.ui.messages import Messages
    from annet_desktop.ui.tabs.context import TabContext
    from annet_desktop.worker import Worker

    if url is None:
        worker = Worker("http://127.0.0.1:9", client_factory=lambda _u, _l: _FakeClient(pages))
        account = "0"
        from annet_contract.schema import AccountRef, Me

        me = Me(name="demo", accounts=[AccountRef(number="0", kind="telephony", title="Телефония",
                                                  has_telephony=True)])  # fmt: skip
    else:
        worker = Worker(url)
        demo = business_account()
        reply = worker.submit(lambda c: (c.login(demo.account, demo.password), c.me())[1])
        (me,) = _wait(reply.finished)
        account = demo.account
    state = CabinetState(worker)
    messages = Messages()
    messages.show_boxes = False
    ctx = TabContext(state, worker, messages, Settings())
    state.start_session(me, account)
    return ctx, worker


class _FakeClient:
    """Serves pre-made pages (only with --synthetic)."""

    def __init__(self, pages: list[Any]) -> None:
        self.pages = pages
        self.thread_guard: Callable[[], None] = lambda: None

    def close(self) -> None:
        pass

    def calls(self, number: str, year: int, month: int, *, limit: int = 0, cursor: str | None = None) -> Any:
        i = int(cursor or 0)
        nxt = str(i + 1) if i + 1 < len(self.pages) else None
        return self.pages[i].model_copy(update={"next_cursor": nxt})

    def __getattr__(self, name: str) -> Any:
        def missing(*_a: Any, **_k: Any) -> Any:
            from annet_desktop.api import errors

            raise errors.NotFound(debug=f"not in the fake: {name}")

        return missing


# --------------------------------------------------------------------------- main


def median(values: list[float]) -> float:
    return statistics.median(values)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--synthetic", action="store_true", help="generated data instead of the server")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        kind, *rest = args.child
        if kind == "server":
            _child_server(rest[0], int(rest[1]))
        elif kind == "table":
            _child_table(rest[0], rest[1])
        elif kind == "xlsx":
            _child_xlsx(rest[0], rest[1], rest[2])
        return 0

    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    runs = args.runs
    work = Path(tempfile.mkdtemp(prefix="annet-bench-calls-"))
    server: ServerProcess | None = None
    lines: list[tuple[str, float, float, float, str, bool]] = []
    try:
        os.environ.setdefault("ANNET_DESKTOP_CONFIG_DIR", str(work / "config"))
        from annet_desktop.ui.tabs import calls_tab

        page_size = calls_tab.PAGE_SIZE
        if args.synthetic:
            pages = synthetic_pages(page=page_size)
            source = "synthetic data (NOT the server's)"
            url = None
        else:
            started = time.perf_counter()
            server = ServerProcess()
            print(f"server with demo data ready in {time.perf_counter() - started:.1f} s", file=sys.stderr)
            pages, _number = fetch_pages(server.url, page_size)
            source = f"server {server.url}, demo account business-100k"
            url = server.url
        rows = sum(len(p) for p in pages)
        print(f"data: {rows} calls in {len(pages)} pages from {source}", file=sys.stderr)
        data = work / "pages.pickle"
        with open(data, "wb") as f:
            pickle.dump(pages, f)

        # -- fill + paint and memory, fresh processes
        ours = [_run_child("table", "model", str(data)) for _ in range(runs)]
        base = [_run_child("table", "widget", str(data)) for _ in range(runs)]
        t_ours, t_base = median([r["seconds"] for r in ours]), median([r["seconds"] for r in base])
        m_ours, m_base = median([r["mb"] for r in ours]), median([r["mb"] for r in base])
        lines.append(("last page → painted table, s", t_ours, t_base, t_base / t_ours, "≤ 0.3 s, ≥ 20×",
                      t_ours <= 0.3 and t_base / t_ours >= 20))  # fmt: skip
        lines.append(("memory added by the table, MB", m_ours, m_base, m_base / max(m_ours, 0.1),
                      "≤ 60 MB, ≥ 5× less", m_ours <= 60 and m_base / max(m_ours, 0.1) >= 5))  # fmt: skip
        print("fill/paint/memory measured", file=sys.stderr)

        # -- sorting, every column, cold caches
        from PySide6.QtWidgets import QHeaderView, QTableView, QTableWidget, QTableWidgetItem

        from annet_desktop.ui.models.calls_model import CallsModel

        model = CallsModel()
        view = QTableView()
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.verticalHeader().setVisible(False)
        view.setModel(model)
        for page in pages:
            model.append_page(page)
        view.resize(1000, 600)
        view.show()
        widget = QTableWidget(model.rowCount(), 7)
        for r in range(model.rowCount()):
            for c in range(7):
                widget.setItem(r, c, QTableWidgetItem(model.display(r, c)))
        widget.resize(1000, 600)
        widget.show()
        app.processEvents()
        sort_ours: dict[tuple[int, int], list[float]] = {}
        sort_base: dict[tuple[int, int], list[float]] = {}
        orders = (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder)
        for _ in range(runs):
            for column in range(7):
                for o, order in enumerate(orders):
                    # both start from the order the calls were made, nothing cached
                    model._sorting.forget()
                    model.sort(-1)
                    widget.sortItems(0, Qt.SortOrder.AscendingOrder)  # the same order (one month)
                    app.processEvents()
                    started = time.perf_counter()
                    model.sort(column, order)
                    view.viewport().grab()
                    sort_ours.setdefault((column, o), []).append(time.perf_counter() - started)
                    started = time.perf_counter()
                    widget.sortItems(column, order)
                    widget.viewport().grab()
                    sort_base.setdefault((column, o), []).append(time.perf_counter() - started)
        worst = max(sort_ours, key=lambda k: median(sort_ours[k]))
        s_ours = median(sort_ours[worst])
        ratios = {k: median(sort_base[k]) / median(sort_ours[k]) for k in sort_ours}
        low = min(ratios, key=lambda k: ratios[k])
        name = f"sort, slowest column ({worst[0]}{'↑↓'[worst[1]]}), s"
        lines.append((name, s_ours, median(sort_base[worst]), ratios[worst], "≤ 0.1 s, ≥ 5×",
                      s_ours <= 0.1 and ratios[low] >= 5))  # fmt: skip
        lines.append((f"sort, smallest ratio (column {low[0]}{'↑↓'[low[1]]}), s", median(sort_ours[low]),
                      median(sort_base[low]), ratios[low], "≥ 5×", ratios[low] >= 5))  # fmt: skip
        base_sort_worst = max(median(v) for v in sort_base.values())
        del widget
        print("sorting measured", file=sys.stderr)

        # -- export of the sorted table
        from annet_desktop.export import ExportFormat, export

        model.sort(5, Qt.SortOrder.DescendingOrder)
        header = model.export_header()
        goals = {ExportFormat.CSV: 1.0, ExportFormat.XML2003: 2.0, ExportFormat.XLSX: 6.0}
        for fmt in (ExportFormat.CSV, ExportFormat.XML2003):
            times = []
            for _ in range(runs):
                started = time.perf_counter()
                export(work / f"calls.{fmt.value}", fmt, header, model.export_rows())
                times.append(time.perf_counter() - started)
            t = median(times)
            lines.append((f"export {fmt.name}, s", t, float("nan"), float("nan"), f"≤ {goals[fmt]:g} s",
                          t <= goals[fmt]))  # fmt: skip
        rows_path = work / "rows.pickle"
        with open(rows_path, "wb") as f:
            pickle.dump((header, list(model.export_rows())), f)
        x_ours = [_run_child("xlsx", "write-only", str(rows_path), str(work / "a.xlsx")) for _ in range(runs)]
        x_base = [_run_child("xlsx", "normal", str(rows_path), str(work / "b.xlsx")) for _ in range(runs)]
        xt_ours, xt_base = median([r["seconds"] for r in x_ours]), median([r["seconds"] for r in x_base])
        xm_ours, xm_base = median([r["mb"] for r in x_ours]), median([r["mb"] for r in x_base])
        lines.append(("export XLSX (write-only + lxml), s", xt_ours, xt_base, xt_base / xt_ours, "≤ 6 s",
                      xt_ours <= 6.0))  # fmt: skip
        lines.append(("export XLSX peak memory, MB", xm_ours, xm_base, xm_base / max(xm_ours, 0.1),
                      "≥ 10× less", xm_base / max(xm_ours, 0.1) >= 10))  # fmt: skip
        del view, model
        print("export measured", file=sys.stderr)

        # -- GUI stalls with the real tab
        from annet_desktop.export import ExportFormat as Fmt
        from annet_desktop.ui.tabs.calls_tab import CallsTab

        ctx, worker = _tab_context(url, pages)
        tab = CallsTab(ctx)
        tab.resize(1000, 600)
        probe = StallProbe()
        load_stalls, export_stalls = [], []
        for i in range(runs):
            probe.start()
            if i == 0:
                tab.show()
            else:
                tab.refresh()
            # the load ends when every page is shown and the tab has sorted every column in idle time
            _wait(tab.sortReady)
            load_stalls.append(probe.stop())
            assert tab.model.loaded == rows, (tab.model.loaded, rows)
            probe.start()
            # a header click, the window repaints, then «Экспортировать» (here: no file dialog)
            tab.view.sortByColumn((i % 6) + 1, Qt.SortOrder.DescendingOrder)
            QTimer.singleShot(100, lambda: tab.export_to(str(work / "tab.xlsx"), Fmt.XLSX))
            outcome = _wait(tab.exportFinished)
            export_stalls.append(probe.stop())
            assert outcome == ["ok"], outcome
        worker.stop()
        st_load, st_export = median(load_stalls), median(export_stalls)
        lines.append(("longest GUI stall while loading, s", st_load, t_base, t_base / st_load, "≤ 0.05 s",
                      st_load <= 0.05))  # fmt: skip
        naive = base_sort_worst + xt_base
        lines.append(("longest GUI stall sort → export, s", st_export, naive, naive / st_export, "≤ 0.05 s",
                      st_export <= 0.05))  # fmt: skip
    finally:
        if server is not None:
            server.close()
        shutil.rmtree(work, ignore_errors=True)

    print()
    print(f"Calls at {rows:,} rows ({source}); median of {runs}; baseline = QTableWidget item by item, "
          "sortItems, openpyxl normal mode".replace(",", " ", 1))  # fmt: skip
    print()
    print(f"| {'measure':<44} | {'ours':>8} | {'baseline':>9} | {'ratio':>7} | {'goal':<20} | ok   |")
    print(f"|{'-' * 46}|{'-' * 10}|{'-' * 11}|{'-' * 9}|{'-' * 22}|------|")
    ok_all = not args.synthetic
    for name, ours_v, base_v, ratio, goal, ok in lines:
        base_s = "—" if base_v != base_v else f"{base_v:.3f}"
        ratio_s = "—" if ratio != ratio else f"{ratio:.1f}×"
        print(f"| {name:<44} | {ours_v:>8.3f} | {base_s:>9} | {ratio_s:>7} | {goal:<20} | "
              f"{'yes' if ok else 'NO':<4} |")  # fmt: skip
        ok_all = ok_all and ok
    if args.synthetic:
        print("\nsynthetic data: run against the server for the real figures")
    print("\nALL GOALS MET" if ok_all else "\nGOAL MISSED")
    return 0 if ok_all else 1


if __name__ == "__main__":
    sys.exit(main())
