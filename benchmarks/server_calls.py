"""Benchmark: the 100,000-call month fetched by the typed client from a server on 127.0.0.1.

Seeds the demo data (not measured) into a temporary SQLite file, serves it on 127.0.0.1 with a
clock at the seed's ``now``, logs in as the ``business-100k`` demo account and fetches the current
month page by page with ``CabinetClient.iter_calls`` — HTTP, gzip, JSON and pydantic parsing into
:class:`CallsPage` included. Prints the median of 5 runs and the bytes on the wire (compressed),
against the goals ≤ 1.0 s and ≤ 5 MB; exits 1 when a goal is missed.

    .venv/bin/python benchmarks/server_calls.py [--runs 5] [--limit 25000] [--db URL]
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

GOAL_SECONDS = 1.0
GOAL_MEGABYTES = 5.0
SEED_NOW = dt.datetime(2026, 11, 16, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=3), "MSK"))


def _wire_bytes(response: Any) -> int:
    """Bytes of the body as they travelled (compressed), from Content-Length or the raw stream."""
    length = response.headers.get("Content-Length")
    if length is not None:
        return int(length)
    return int(response.raw.tell())


def run(runs: int, limit: int, db_url: str | None) -> tuple[float, float, int, list[float]]:
    """Median seconds, megabytes on the wire per fetch, rows, every run's seconds."""
    from annet_desktop.api.client import CabinetClient
    from annet_server.clock import FakeClock
    from annet_server.embedded import seed_demo_database, sqlite_url, start_server

    folder: Path | None = None
    if db_url is None:
        folder = Path(tempfile.mkdtemp(prefix="annet-bench-"))
        db_url = sqlite_url(folder / "bench.db")
        started = time.perf_counter()
        accounts = seed_demo_database(db_url, SEED_NOW, big_calls=True)
        print(f"seeded in {time.perf_counter() - started:.1f} s (not measured)", file=sys.stderr)
    else:
        from annet_server.seed import demo_accounts

        accounts = list(demo_accounts())
    demo = next(a for a in accounts if "business-100k" in a.cases)
    server = start_server(db_url, FakeClock(SEED_NOW))
    client = CabinetClient(server.url)
    wire: list[int] = []
    client._http.hooks["response"].append(lambda r, *a, **k: wire.append(_wire_bytes(r)) or r)
    try:
        client.login(demo.account, demo.password)
        me = client.me()
        number = next(
            (a.number for a in me.accounts if a.number == demo.account and a.has_telephony),
            next(a.number for a in me.accounts if a.has_telephony),
        )
        times: list[float] = []
        rows = 0
        per_run_bytes = 0
        for _ in range(runs):
            wire.clear()
            started = time.perf_counter()
            pages = list(client.iter_calls(number, SEED_NOW.year, SEED_NOW.month, limit=limit))
            times.append(time.perf_counter() - started)
            rows = sum(len(p) for p in pages)
            per_run_bytes = sum(wire)
            assert rows == pages[0].total, (rows, pages[0].total)
        return statistics.median(times), per_run_bytes / 1e6, rows, times
    finally:
        client.close()
        server.stop()
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and compare with the goals."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--limit", type=int, default=25_000, help="calls per page")
    parser.add_argument("--db", default=None, help="an already seeded database (default: seed a temp one)")
    args = parser.parse_args(argv)
    seconds, megabytes, rows, times = run(args.runs, args.limit, args.db)
    ok = seconds <= GOAL_SECONDS and megabytes <= GOAL_MEGABYTES
    print(f"calls month: {rows} rows, pages of {args.limit}")
    print(
        f"  seconds (median of {len(times)}): {seconds:.3f}  goal <= {GOAL_SECONDS}  runs: "
        + ", ".join(f"{t:.3f}" for t in times)
    )
    print(f"  MB on the wire (gzip):     {megabytes:.2f}  goal <= {GOAL_MEGABYTES}")
    print("  OK" if ok else "  GOAL MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
