"""What one request costs the server: CPU per read of the load test's endpoints, one request at a time.

The load test (benchmarks/load.py) offers a load of thinking subscribers on 2 shared cores; how
busy the CPUs are at that load (and so how long a read queues), and the most the server does at
saturation, are set by what each request costs them. This measures that cost without the crowd:
it serves the demo plus the load subscribers on
PostgreSQL with ONE worker process, logs in as a load subscriber and sends each read ``--requests``
times in a row, reading the CPU time of the server process and of every PostgreSQL process from
``/proc`` before and after. The bare FastAPI endpoint of the load test is measured the same way.
``--py-spy SECONDS`` also records the server under the read mix with py-spy (if installed) and
prints the functions with the most samples.

    .venv/bin/python benchmarks/loadcost.py --db postgresql+psycopg://postgres@127.0.0.1:55511/postgres \\
        [--requests 200] [--py-spy 20]
"""

from __future__ import annotations

# isort: off
from load import BARE_APP, _free_port, _reset_schema, _start, _stop, _wait_up  # first: gevent's patching

# isort: on

import argparse
import collections
import datetime as dt
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import requests

#: the reads of the load test's subscriber (benchmarks/loadusers.py), as (name, path, params)
NUMBER = "300001"
_ACC = f"/api/v1/accounts/{NUMBER}"


def _reads() -> list[tuple[str, str, dict[str, object]]]:
    today = dt.date.today()
    return [
        ("/me", "/api/v1/me", {}),
        ("/accounts/{n}", _ACC, {}),
        ("/accounts/{n}/services", f"{_ACC}/services", {}),
        ("/accounts/{n}/catalog", f"{_ACC}/catalog", {}),
        ("/accounts/{n}/balance-history", f"{_ACC}/balance-history", {"limit": 50}),
        ("/journal", "/api/v1/journal", {"limit": 50}),
        ("/accounts/{n}/calls", f"{_ACC}/calls", {"year": today.year, "month": today.month, "limit": 50}),
    ]


_TICK = os.sysconf("SC_CLK_TCK")


def _cpu_of(pid: int) -> float:
    """User + system CPU seconds of one process (0 when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / _TICK


def _postgres_cpu() -> float:
    """CPU seconds of every process named ``postgres`` (the backends and the postmaster's helpers)."""
    total = 0.0
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() == "postgres":
                    total += _cpu_of(int(entry.name))
            except OSError:
                continue
    return total


def _measure(
    pid: int, http: requests.Session, url: str, params: dict[str, object], n: int
) -> tuple[float, float, float]:
    """(server CPU ms, PostgreSQL CPU ms, wall ms) per request over ``n`` requests in a row."""
    for _ in range(max(5, n // 10)):  # warm: pooled connections, caches
        http.get(url, params=params).raise_for_status()
    cpu0, pg0, t0 = _cpu_of(pid), _postgres_cpu(), time.perf_counter()
    for _ in range(n):
        http.get(url, params=params).raise_for_status()
    wall = time.perf_counter() - t0
    return ((_cpu_of(pid) - cpu0) * 1000 / n, (_postgres_cpu() - pg0) * 1000 / n, wall * 1000 / n)


def _py_spy(pid: int, http: requests.Session, base: str, seconds: float, out: Path) -> None:
    """Record ``pid`` with py-spy while the read mix runs; print the top functions."""
    spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    rec = subprocess.Popen(
        [spy, "record", "--pid", str(pid), "--duration", str(int(seconds)), "--rate", "250",
         "--format", "raw", "--output", str(out), "--nonblocking", "--gil"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    end = time.monotonic() + seconds
    while time.monotonic() < end and rec.poll() is None:
        for _name, path, params in _reads():
            http.get(base + path, params=params)
    rec.wait()
    self_count: collections.Counter[str] = collections.Counter()
    inclusive: collections.Counter[str] = collections.Counter()
    total = 0
    for line in out.read_text().splitlines():
        stack, _, count_text = line.rpartition(" ")
        count = int(count_text)
        frames = stack.split(";")
        if not any("annet_server" in f or "starlette" in f or "fastapi" in f for f in frames):
            continue  # idle threads (the event loop waiting, pool threads parked)
        total += count
        self_count[frames[-1]] += count
        for frame in set(frames):
            inclusive[frame] += count
    print(f"\npy-spy: {total} busy samples")
    print("inclusive (a frame anywhere on the stack):")
    for frame, count in inclusive.most_common(70):
        print(f"  {count / total:6.1%}  {frame}")
    print("self (the innermost frame):")
    for frame, count in self_count.most_common(40):
        print(f"  {count / total:6.1%}  {frame}")


def main(argv: list[str] | None = None) -> int:
    """Measure the bare endpoint, then every read of the Cabinet server; print CPU ms per request."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--db", default=os.environ.get("ANNET_TEST_PG_URL"), help="PostgreSQL URL (reset!)")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--py-spy", type=float, default=0.0, help="seconds of py-spy over the read mix")
    parser.add_argument("--skip-bare", action="store_true")
    args = parser.parse_args(argv)
    if not args.db or not args.db.startswith("postgresql"):
        print("loadcost: --db postgresql+psycopg://… (or $ANNET_TEST_PG_URL) is required", file=sys.stderr)
        return 2
    logs = Path(os.environ.get("ANNET_LOAD_LOGS", "/tmp"))
    python = sys.executable
    print(f"load average {os.getloadavg()[0]:.1f}; {args.requests} requests each, one at a time, 1 worker")
    print(f"{'endpoint':<34} {'server CPU ms':>13} {'PostgreSQL ms':>13} {'wall ms':>8}")
    if not args.skip_bare:
        port = _free_port()
        bare = _start(
            [python, "-m", "uvicorn", BARE_APP, "--host", "127.0.0.1", "--port", str(port),
             "--log-level", "warning", "--no-access-log"],
            logs / "annet-cost-bare.log",
        )  # fmt: skip
        try:
            _wait_up(f"http://127.0.0.1:{port}/ping", bare)
            with requests.Session() as http:
                cpu, pg, wall = _measure(bare.pid, http, f"http://127.0.0.1:{port}/ping", {}, args.requests)
            print(f"{'bare /ping':<34} {cpu:>13.2f} {pg:>13.2f} {wall:>8.2f}")
        finally:
            _stop(bare)

    _reset_schema(args.db)
    port = _free_port()
    server = _start(
        [python, "-m", "annet_server.cli", "serve", "--demo", "--small", "--db", args.db,
         "--load-subscribers", "40", "--port", str(port)],
        logs / "annet-cost-server.log",
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_up(f"{base}/api/v1/openapi.json", server)
        with requests.Session() as http:
            r = http.post(f"{base}/api/v1/session", json={"account": NUMBER, "password": "load2026pass"})
            r.raise_for_status()
            http.headers["Authorization"] = f"Bearer {r.json()['token']}"
            http.headers["Accept-Language"] = "ru"
            total_cpu = 0.0
            for name, path, params in _reads():
                cpu, pg, wall = _measure(server.pid, http, base + path, params, args.requests)
                total_cpu += cpu
                print(f"GET {name:<30} {cpu:>13.2f} {pg:>13.2f} {wall:>8.2f}")
            print(f"mean server CPU per read: {total_cpu / len(_reads()):.2f} ms; "
                  f"load average {os.getloadavg()[0]:.1f}")  # fmt: skip
            if args.py_spy:
                _py_spy(server.pid, http, base, args.py_spy, logs / "annet-cost-pyspy.txt")
    finally:
        _stop(server)
    return 0


if __name__ == "__main__":
    sys.exit(main())
