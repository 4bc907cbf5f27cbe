"""Memory benchmark: the app's RSS with the telephony demo on screen vs a bare table window (issue 16).

    .venv/bin/python benchmarks/memory.py [--runs 5]

The reference server runs in its own process (``annet-server serve --demo`` on a free loopback
port), as the real one is elsewhere for a user; then two kinds of whole processes, interleaved
(ours, bare, …) after one unmeasured warm-up round, offscreen Qt, a fresh temporary HOME:

* **ours** — ``annet-desktop --server <that server>`` logged in as 100004 (the telephony demo:
  internet and a year of calls on the home phone) through the login window; once the main window
  is shown and its first fetches are done, the «Звонки» tab is opened and this month's calls are
  loaded; the process's RSS after it has settled;
* **bare** — a bare PySide6 ``QMainWindow`` with one ``QTableView`` over a ``QStandardItemModel``
  holding the same rows (this month's calls of 100004, every column as its text), shown and
  painted; its RSS after it has settled.

Goal: ours ≤ 1.6 × bare (medians); exit 1 on a miss, 2 when a case does not run. The payment
dialog's memory (RSS after five openings) is measured by ``benchmarks/payment.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from payment import run_json, run_until, settle
from startup import ROOT, byte_compile, fresh_env, load_average

GOAL_RATIO = 1.6
ACCOUNT = "100004"


def demo_password() -> str:
    from annet_server.seed import demo_accounts

    return next(d.password for d in demo_accounts() if d.account == ACCOUNT)


def child_ours(url: str) -> dict[str, Any]:
    """The app logged in to ``url`` as 100004, the «Звонки» tab with this month loaded."""
    from PySide6.QtWidgets import QApplication

    from annet_desktop.app import AppController

    app = QApplication.instance() or QApplication(sys.argv[:1])
    controller = AppController(server_url=url, language="ru")
    controller.messages.show_boxes = False
    dialog = controller.start()
    dialog.account.setText(ACCOUNT)
    dialog.password.setText(os.environ["ANNET_BENCH_PASSWORD"])  # not imported here: the server is not
    dialog.accept_button.click()
    run_until(lambda: controller.window is not None, "the main window")
    window = controller.window
    run_until(lambda: window.ctx.state.me is not None and not window.ctx.worker.busy, "the first fetches")
    if not window.show_tab("tab_calls"):
        raise RuntimeError("100004 has no «Звонки» tab")
    calls = window.calls
    loaded: list[bool] = []
    calls.monthLoaded.connect(lambda: loaded.append(True))
    run_until(lambda: loaded or (not window.ctx.worker.busy and calls.view.model().rowCount()), "the calls")
    rows = calls.view.model().rowCount()
    rss = settle()
    controller.shutdown()
    app.processEvents()
    return {"rss_kb": rss, "rows": rows}


def child_bare(rows_file: str) -> dict[str, Any]:
    """A bare QMainWindow with one QTableView of the given rows."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    data = json.loads(Path(rows_file).read_text(encoding="utf-8"))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    model = QStandardItemModel(0, len(data["header"]))
    model.setHorizontalHeaderLabels(data["header"])
    for row in data["rows"]:
        model.appendRow([QStandardItem(cell) for cell in row])
    window = QMainWindow()
    view = QTableView(window)
    view.setModel(model)
    window.setCentralWidget(view)
    window.resize(980, 640)
    window.show()
    run_until(lambda: not window.grab().isNull(), "the window painted")
    rss = settle()
    app.processEvents()
    return {"rss_kb": rss, "rows": model.rowCount()}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(base: Path) -> tuple[subprocess.Popen[bytes], str]:
    """``annet-server serve --demo`` on a free loopback port; the process and its URL once it answers."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "annet_server.cli", "serve", "--demo", "--port", str(port)],
        cwd=str(base),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return proc, f"http://127.0.0.1:{port}"
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError("annet-server serve --demo exited") from None
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("annet-server serve --demo did not answer")


def write_rows(url: str, path: Path) -> int:
    """This month's calls of 100004 from the server, as text rows, into ``path`` (JSON)."""
    import datetime as dt

    from annet_desktop.api.client import CabinetClient

    client = CabinetClient(url)
    client.login(ACCOUNT, demo_password())
    today = dt.date.today()
    header = ["started_at", "caller", "callee", "direction", "duration_s", "cost", "zone"]
    rows: list[list[str]] = []
    for page in client.iter_calls(ACCOUNT, today.year, today.month):
        columns = [getattr(page, name) for name in header]
        rows += [[str(value) for value in row] for row in zip(*columns, strict=True)]
    client.close()
    path.write_text(json.dumps({"header": header, "rows": rows}, ensure_ascii=False), encoding="utf-8")
    return len(rows)


def run_child(kind: str, arg: str, base: Path) -> dict[str, Any]:
    """One child process of ``kind`` with its argument; its JSON result."""
    env = fresh_env(base, {"PYTHONPATH": str(ROOT), "ANNET_BENCH_PASSWORD": demo_password()})
    return run_json([sys.executable, str(Path(__file__).resolve()), "--child", kind, arg], env, base, kind)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", nargs=2, metavar=("KIND", "ARG"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        kind, arg = args.child
        print(json.dumps(child_ours(arg) if kind == "ours" else child_bare(arg)), flush=True)
        os._exit(0)
    if not sys.platform.startswith("linux"):
        print("memory.py reads /proc: Linux only", file=sys.stderr)
        return 2
    byte_compile()
    load_before = load_average()
    results: dict[str, list[dict[str, Any]]] = {"ours": [], "bare": []}
    with tempfile.TemporaryDirectory(prefix="annet-bench-mem-") as tmp:
        base = Path(tmp)
        server, url = start_server(base)
        try:
            rows_file = base / "rows.json"
            count = write_rows(url, rows_file)
            kinds = (("ours", url), ("bare", str(rows_file)))
            for kind, arg in kinds:  # warm-up round
                run_child(kind, arg, base)
            for _ in range(args.runs):
                for kind, arg in kinds:
                    results[kind].append(run_child(kind, arg, base))
        except (RuntimeError, subprocess.TimeoutExpired) as exc:
            print(f"memory.py: a case did not run: {exc}", file=sys.stderr)
            return 2
        finally:
            server.terminate()
            server.wait(30)
    ours = statistics.median(r["rss_kb"] for r in results["ours"]) / 1024
    bare = statistics.median(r["rss_kb"] for r in results["bare"]) / 1024
    ratio = ours / bare
    ok = ratio <= GOAL_RATIO
    print(f"Memory, median of {args.runs} (offscreen; server in its own process; {count} calls this month)\n")
    print("| measure | ours | bare QTableView window | ratio | goal | |")
    print("|---|---|---|---|---|---|")
    print(
        f"| RSS, telephony demo 100004: main window, «Звонки» loaded | {ours:.0f} MB | {bare:.0f} MB "
        f"| {ratio:.2f} × | ≤ {GOAL_RATIO} × | {'met' if ok else 'MISSED'} |"
    )
    print(f"\nbefore the runs: {load_before}; after: {load_average()}")
    print("ours, each run (MB): " + " ".join(str(round(r["rss_kb"] / 1024)) for r in results["ours"]))
    print("bare, each run (MB): " + " ".join(str(round(r["rss_kb"] / 1024)) for r in results["bare"]))
    print("\nALL GOALS MET" if ok else "\nGOAL MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
