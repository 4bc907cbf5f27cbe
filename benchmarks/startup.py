"""Startup benchmark: whole processes, median of 7, three cases in one run (issue 6, item 1).

    .venv/bin/python benchmarks/startup.py [--runs 7] [--frozen dist/annet-desktop/annet-desktop]

(a) a bare PySide6 ``QMainWindow`` shown and painted (a tiny script that exits after its first paint);
(b) ``annet-desktop`` until its login window is painted (``ANNET_EXIT_AFTER_PAINT=login``);
(c) ``annet-desktop --demo`` until the main window shows a logged-in demo account
    (``ANNET_AUTO_LOGIN=100004 ANNET_EXIT_AFTER_PAINT=main``), a start after the day's first one:
    the demo database is copied from the template the first start left in the cache folder (one
    cache folder for every run of (c), its template made before the runs by a demo start left
    running until the template is written, see :func:`prepare_demo_template`);
(d) the same, the first demo start of a day (a fresh cache folder each run: the demo is seeded).

Each figure is from just before the process is spawned to the ``ANNET_PAINTED <time.monotonic()>``
line the process prints right after the wanted paint (the system-wide monotonic clock), so the
interpreter's start, every import and the first paint are in it and the shutdown is not. Runs are
interleaved (a, b, c, a, b, c, …) after one unmeasured warm-up round, each in a fresh temporary
HOME / XDG folders (no settings file, no caches: a first start), offscreen Qt. The sources are
byte-compiled first, as a pip install of the wheel leaves them (see :func:`byte_compile`).

Goals on the 2-core reference machine: (b)/(a) ≤ 1.3 and (c) ≤ 1.0 s (issue 16; 2.0 s before); (d)
has none (it was (c) until the demo kept a template). The exit code is 1 when a goal is missed (2
when a case does not run at all). Then
``python -X importtime`` of (b): the ten slowest imports by cumulative and by own time, and
the heavy packages loaded at the first paint.

The app installs :mod:`annet_desktop.startup_probe` itself (``app.main``), so (b) and (c) run the
app as a user starts it.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOAL_RATIO = 1.3
GOAL_DEMO_S = 1.0  # issue 16 (was 2.0)
#: the bare window (a) on the reference machine when issue 16 set GOAL_DEMO_S (25.11.2026, quiet):
#: the machine has since become 2–2.5 × slower at (a) itself, so (c) is also printed in its units
REFERENCE_BARE_S = 0.111
DEMO_ACCOUNT = "100004"
TIMEOUT_S = 120.0

def load_average() -> str:
    """The machine's load average now (1, 5, 15 min): printed with every figure (2 shared cores)."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} (1/5/15 min, {os.cpu_count()} CPUs)"


BARE = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

class Probe(QObject):
    seen = False
    def eventFilter(self, obj, ev):
        if not self.seen and ev.type() == QEvent.Type.Paint:
            self.seen = True
            QTimer.singleShot(0, self.done)
        return False
    def done(self):
        print(f"ANNET_PAINTED {time.monotonic():.6f}", flush=True)
        QApplication.quit()

app = QApplication(sys.argv[:1])
probe = Probe()
window = QMainWindow()
window.setCentralWidget(QLabel("Аннет"))
window.resize(440, 260)
window.installEventFilter(probe)  # on the window, as the app's probe does (not app-wide)
window.show()
sys.exit(app.exec())
"""

MARK = re.compile(r"^ANNET_PAINTED (\d+\.\d+)$", re.M)
HEAVY = re.compile(r"^ANNET_HEAVY ?(.*)$", re.M)


@dataclass
class Case:
    """One measured command."""

    key: str
    title: str
    argv: list[str]
    env: dict[str, str]
    times: list[float] = field(default_factory=list)
    heavy: str = ""
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.times)


def fresh_env(base: Path, extra: dict[str, str]) -> dict[str, str]:
    """A first start: empty HOME and XDG folders, offscreen Qt, nothing inherited that changes Qt."""
    home = Path(tempfile.mkdtemp(prefix="home-", dir=base))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ANNET_", "QT_", "XDG_"))}
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_RUNTIME_DIR=str(home / "run"),
        QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        PYTHONDONTWRITEBYTECODE="1",
    )
    (home / "run").mkdir(mode=0o700)
    env.update(extra)
    return env


def run_once(case: Case, base: Path, extra_args: list[str] | None = None) -> tuple[float, str, str]:
    """Spawn the case once; seconds to its first wanted paint, its stdout and stderr."""
    env = fresh_env(base, case.env)
    started = time.monotonic()
    proc = subprocess.run(
        case.argv + (extra_args or []),
        env=env,
        cwd=str(base),
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    found = MARK.search(proc.stdout)
    if not found:
        raise RuntimeError(
            f"{case.key}: no ANNET_PAINTED line (exit {proc.returncode})\n{proc.stderr[-2000:]}"
        )
    heavy = HEAVY.search(proc.stdout)
    case.heavy = heavy.group(1).strip() if heavy else case.heavy
    return float(found.group(1)) - started, proc.stdout, proc.stderr


def app_argv(frozen: str | None, module: str) -> list[str]:
    """The frozen binary, else the ``annet-desktop`` command of this environment (what a user runs;
    it runs under this interpreter), else ``python -m``."""
    if frozen:
        return [frozen]
    script = Path(sys.executable).parent / ("annet-desktop.exe" if os.name == "nt" else "annet-desktop")
    if script.exists() and os.name != "nt":
        return [sys.executable, str(script)]
    return [sys.executable, "-m", module]


def byte_compile() -> str:
    """Byte-compile the app's and the demo server's sources, as installing a wheel (pip) does and
    as the bundle holds them. Without it a development tree with ``PYTHONDONTWRITEBYTECODE`` set
    compiles every module of the app from source at each start — a cost (15–20 ms on the
    reference machine) no installed copy has, which the bare window (a) does not pay either."""
    packages = [str(ROOT / name) for name in ("annet_desktop", "annet_server")]
    done = subprocess.run(
        [sys.executable, "-m", "compileall", "-q", *packages], capture_output=True, text=True, check=False
    )
    return "sources byte-compiled (as pip installs them)" if done.returncode == 0 else "byte-compiling failed"


def build_cases(frozen: str | None, base: Path) -> list[Case]:
    """The four cases; (c) shares one cache folder (``base/demo-cache``), (d) gets a fresh one."""
    bare = Case("a", "bare PySide6 QMainWindow, first paint", [sys.executable, "-c", BARE], {})
    login = Case(
        "b",
        "annet-desktop, login window painted",
        app_argv(frozen, "annet_desktop"),
        {"ANNET_EXIT_AFTER_PAINT": "login"},
    )
    demo = Case(
        "c",
        f"annet-desktop --demo, main window of {DEMO_ACCOUNT} painted (the day's template)",
        [*app_argv(frozen, "annet_desktop"), "--demo"],
        {
            "ANNET_EXIT_AFTER_PAINT": "main",
            "ANNET_AUTO_LOGIN": DEMO_ACCOUNT,
            "ANNET_DESKTOP_CACHE_DIR": str(base / "demo-cache"),
        },
    )
    first = Case(
        "d",
        f"annet-desktop --demo, main window of {DEMO_ACCOUNT} painted (first start of the day: seeds)",
        [*app_argv(frozen, "annet_desktop"), "--demo"],
        {"ANNET_EXIT_AFTER_PAINT": "main", "ANNET_AUTO_LOGIN": DEMO_ACCOUNT},
    )
    return [bare, login, demo, first]


def prepare_demo_template(demo: Case, base: Path) -> str:
    """Start the demo of case (c) once and leave it running until its template is written in
    (c)'s cache folder (its calls in: a few seconds), then end it: what a user's first start of
    the day leaves behind."""
    env = fresh_env(base, {k: v for k, v in demo.env.items() if k != "ANNET_EXIT_AFTER_PAINT"})
    env["TMPDIR"] = str(base)  # the killed demo's database folder goes with ``base``
    folder = Path(env["ANNET_DESKTOP_CACHE_DIR"]) / "demo"
    started = time.monotonic()
    proc = subprocess.Popen(
        demo.argv, env=env, cwd=str(base), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        while time.monotonic() - started < TIMEOUT_S and proc.poll() is None:
            made = list(folder.glob("demo-*.sqlite3")) if folder.exists() else []
            if made:
                return f"demo template made in {time.monotonic() - started:.1f} s: {made[0].name}"
            time.sleep(0.2)
    finally:
        proc.kill()
        proc.wait()
    raise RuntimeError(f"no demo template after {time.monotonic() - started:.0f} s in {folder}")


def importtime(case: Case, base: Path, top: int = 10) -> str:
    """``-X importtime`` of one run of ``case``: the slowest imports, cumulative and own."""
    if case.argv[0] != sys.executable:
        return "(importtime needs the Python interpreter, not a frozen binary)"
    env = fresh_env(base, case.env)
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", *case.argv[1:]],
        env=env,
        cwd=str(base),
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    rows = []
    for line in proc.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if m:
            rows.append((int(m.group(1)), int(m.group(2)), len(m.group(3)), m.group(4)))
    total = sum(r[0] for r in rows)
    lines = [f"python -X importtime, ({case.key}): {len(rows)} modules, {total / 1000:.0f} ms in imports"]
    lines.append("  top by cumulative (ms, package):")
    for _self_us, cum_us, _depth, name in sorted(rows, key=lambda r: -r[1])[:top]:
        lines.append(f"    {cum_us / 1000:7.1f}  {name}")
    lines.append("  top by own time (ms, module):")
    for self_us, _cum_us, _depth, name in sorted(rows, key=lambda r: -r[0])[:top]:
        lines.append(f"    {self_us / 1000:7.1f}  {name}")
    return "\n".join(lines)


def table(cases: list[Case]) -> str:
    bare, login, demo, first = cases
    ratio = login.median / bare.median
    out = [
        f"| case | median of {len(bare.times)} | min | max | goal | |",
        "|---|---|---|---|---|---|",
        f"| (a) {bare.title} | {bare.median:.3f} s | {min(bare.times):.3f} | {max(bare.times):.3f} | — | |",
        f"| (b) {login.title} | {login.median:.3f} s | {min(login.times):.3f} | {max(login.times):.3f} "
        f"| (b)/(a) ≤ {GOAL_RATIO}: **{ratio:.2f}** | {'met' if ratio <= GOAL_RATIO else 'MISSED'} |",
        f"| (c) {demo.title} | {demo.median:.3f} s | {min(demo.times):.3f} | {max(demo.times):.3f} "
        f"| ≤ {GOAL_DEMO_S} s | {'met' if demo.median <= GOAL_DEMO_S else 'MISSED'} |",
        f"| (d) {first.title} | {first.median:.3f} s | {min(first.times):.3f} | {max(first.times):.3f} "
        "| — | |",
    ]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="measured runs per case (default 7)")
    parser.add_argument("--frozen", metavar="BINARY", help="measure (b) and (c) on a frozen bundle")
    parser.add_argument("--no-importtime", action="store_true", help="skip the importtime report")
    args = parser.parse_args(argv)

    base = Path(tempfile.mkdtemp(prefix="annet-startup-"))
    load_before = load_average()
    try:
        frozen = str(Path(args.frozen).resolve()) if args.frozen else None
        if not frozen:
            print(f"note: {byte_compile()}")
        cases = build_cases(frozen, base)
        for case in cases:
            if case.note:
                print(f"note: ({case.key}) {case.note}")
        try:
            print(f"note: (c) {prepare_demo_template(cases[2], base)}", flush=True)
            for round_ in range(args.runs + 1):  # round 0 warms the disk cache, not counted
                for case in cases:
                    seconds, _out, _err = run_once(case, base)
                    if round_:
                        case.times.append(seconds)
                print(
                    f"round {round_}/{args.runs}: "
                    + "  ".join(
                        f"({c.key}) {c.times[-1]:.3f}" if round_ else f"({c.key}) warm-up" for c in cases
                    ),
                    flush=True,
                )
        except (RuntimeError, subprocess.TimeoutExpired) as exc:
            print(f"startup benchmark could not run: {exc}", file=sys.stderr)
            return 2
        print()
        print(
            f"Startup, {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, "
            f"QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM', 'offscreen')}"
            + (f", frozen: {args.frozen}" if args.frozen else "")
        )
        print(table(cases))
        print(f"before the runs: {load_before}; after: {load_average()}")
        print(f"heavy packages loaded at the login window's first paint (b): {cases[1].heavy or 'none'}")
        print(
            f"(c) in units of this run's bare window (a): {cases[2].median / cases[0].median:.2f} × (a); "
            f"the goal of {GOAL_DEMO_S} s was set when (a) took {REFERENCE_BARE_S} s, i.e. "
            f"{GOAL_DEMO_S / REFERENCE_BARE_S:.1f} × (a) (information only: the goal stays in seconds)"
        )
        if not args.no_importtime:
            print()
            print(importtime(cases[1], base))
        bare, login, demo, _first = cases
        missed = []
        if login.median / bare.median > GOAL_RATIO:
            missed.append(f"(b)/(a) = {login.median / bare.median:.2f} > {GOAL_RATIO}")
        if demo.median > GOAL_DEMO_S:
            missed.append(f"(c) = {demo.median:.2f} s > {GOAL_DEMO_S} s")
        if missed:
            print("\nGOAL MISSED: " + "; ".join(missed))
            return 1
        print("\nall startup goals met")
        return 0
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
