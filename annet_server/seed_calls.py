"""The demo's calls: plausible calls of a Tver line by zone, and their bulk insert (SPEC §6).

:func:`generate_calls` makes a line's calls between two instants (daytime-heavy, zones by weight,
the other party's number plausible for its zone, outgoing ones priced by the zone's rate per started
minute), deterministic for a given ``random.Random``; :func:`insert_calls` writes them with Core
executemany and keeps the per-month counts (``CallMonth``) in step. Used by :mod:`annet_server.seed`
and :mod:`annet_server.loadseed`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import random
import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from annet_contract.schema import MOSCOW

from . import models as m

_ZONES = (
    # zone, rate kopecks per minute (outgoing), weight
    ("Тверь", 0, 55),
    ("Тверская область", 150, 10),
    ("Мобильные Тверь", 190, 15),
    ("Москва", 200, 8),
    ("Санкт-Петербург", 250, 4),
    ("Мобильные РФ", 250, 6),
    ("Междугородная", 350, 1.8),
    ("Международная", 2500, 0.2),
)
_ZONE_NAMES = [z[0] for z in _ZONES]
_ZONE_WEIGHTS = [z[2] for z in _ZONES]
_ZONE_RATE = {z[0]: z[1] for z in _ZONES}
_ZONE_CUMULATIVE = list(itertools.accumulate(_ZONE_WEIGHTS))


_MOBILE = tuple(f"89{code}" for code in ("05", "06", "10", "15", "20", "30", "52", "60", "80", "96"))
#: zone → (prefixes of the other party's number, range of the digits after the prefix)
_NUMBERS: dict[str, tuple[tuple[str, ...], int, int]] = {
    "Тверь": (("84822",), 320000, 799999),
    "Тверская область": (("848231", "848232", "848236", "848242", "848251", "848264"), 10000, 99999),
    "Мобильные Тверь": (_MOBILE, 1000000, 9999999),
    "Мобильные РФ": (_MOBILE, 1000000, 9999999),
    "Москва": (("8495",), 1000000, 9999999),
    "Санкт-Петербург": (("8812",), 1000000, 9999999),
    "Междугородная": (("8343", "8383", "8846", "8861", "8863"), 1000000, 9999999),
    "Международная": (("810375", "81049", "81090", "81086"), 10000000, 99999999),
}  # fmt: skip


def _number_in(zone: str, rand: Any) -> str:
    """A plausible number of the other party in ``zone`` (``rand``: a ``Random.random``)."""
    prefixes, lo, hi = _NUMBERS[zone]
    return f"{prefixes[int(rand() * len(prefixes))]}{lo + int(rand() * (hi - lo + 1))}"


def generate_calls(
    account_id: int,
    lines: list[str],
    start: dt.datetime,
    end: dt.datetime,
    count: int,
    rng: random.Random,
    *,
    free_local: bool,
) -> Iterator[dict[str, Any]]:
    """``count`` calls between ``start`` and ``end`` (daytime-heavy), sorted by time, one by one.

    Plain ``random()`` arithmetic rather than ``randrange``/``choices``: the business line's
    100,000 calls are generated in about half a second.
    """
    rand, expo = rng.random, rng.expovariate
    lo, hi = int(start.timestamp()), int(end.timestamp())
    hi = max(hi, lo + 1)  # seeded at 00:00:00 on the 1st: every call at that second
    span = max(1, hi - lo)
    stamps = []
    for _ in range(count):
        t = lo + int(rand() * span)
        hour = (t // 3600 + 3) % 24
        if (hour < 8 or hour > 21) and rand() < 0.8:  # fewer calls at night: move most into the day
            t = lo + int(rand() * span)
        stamps.append(min(t, hi - 1))
    stamps.sort()
    total_weight = _ZONE_CUMULATIVE[-1]
    n_lines = len(lines)
    for t in stamps:
        zone = _ZONE_NAMES[bisect.bisect(_ZONE_CUMULATIVE, rand() * total_weight)]
        line = lines[0] if n_lines == 1 else lines[int(rand() * n_lines)]
        other = _number_in(zone, rand)
        outgoing = rand() < 0.6
        duration = min(3600, int(expo(1 / 110)) + 3)
        rate = 0 if free_local and zone == "Тверь" else _ZONE_RATE[zone]
        yield {
            "account_id": account_id,
            "started_at": t,
            "caller": line if outgoing else other,
            "callee": other if outgoing else line,
            "direction": "out" if outgoing else "in",
            "duration_s": duration,
            "cost_kopecks": -(-duration // 60) * rate if outgoing else 0,
            "zone": zone,
        }


def insert_calls(
    db: Session,
    account_id: int,
    rows: Iterable[dict[str, Any]],
    *,
    chunk: int = 20_000,
    pause: float | None = None,
    stop: threading.Event | None = None,
) -> Counter[tuple[int, int]]:
    """Insert ``rows`` (Core executemany, no ORM bookkeeping) and count them into CallMonth.

    With ``pause`` (seconds) each chunk is committed on its own and the thread sleeps after it, so
    a server serving the same database meanwhile gets the write lock and the GIL between chunks;
    ``stop`` set ends it after the current chunk (the demo is closing: its database goes away).
    Returns the cost in kopecks of the calls of each (year, month).
    """
    months: Counter[tuple[int, int]] = Counter()
    costs: Counter[tuple[int, int]] = Counter()
    rows = iter(rows)
    stop = stop or threading.Event()  # never set: the pause is a plain sleep
    while batch := list(itertools.islice(rows, chunk)):
        db.connection().execute(insert(m.Call), batch)  # on the Connection: Core executemany
        for row in batch:
            when = dt.datetime.fromtimestamp(row["started_at"], MOSCOW)
            months[(when.year, when.month)] += 1
            costs[(when.year, when.month)] += row["cost_kopecks"]
        if pause is not None:
            db.commit()
            if stop.wait(pause):
                return costs
    if not months:
        return costs
    existing = {
        (r.year, r.month): r
        for r in db.execute(select(m.CallMonth).where(m.CallMonth.account_id == account_id)).scalars()
    }
    for (year, month), n in months.items():
        if (year, month) in existing:
            existing[(year, month)].calls += n
        else:
            db.add(m.CallMonth(account_id=account_id, year=year, month=month, calls=n))
    db.flush()
    return costs
