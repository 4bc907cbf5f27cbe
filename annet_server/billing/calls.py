"""Calls (R-CALL-1): columnar month pages with a small cache, and the operator's bulk import."""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from decimal import Decimal
from functools import lru_cache
from typing import Any

from sqlalchemy import Executable, and_, bindparam, insert, or_, select
from sqlalchemy.orm import Session

from annet_contract import schema as s
from annet_contract.errors import ErrorCode
from annet_contract.moscow import MOSCOW

from .. import models as m
from ..db import from_kopecks, to_kopecks
from .localized import zone_names
from .lookups import _account
from .months import midnight, next_month_start
from .paging import _clamp_limit, _cursor_int, _decode_cursor, _encode_cursor
from .refusals import RuleError, _field_error

_DIRECTIONS = {d.value: d for d in s.CallDirection}


#: Recently built calls pages (immutable models). Calls are only ever added in bulk (by the seed
#: or a billing import, which also updates CallMonth): the month's count is part of the key, so
#: added calls make a new key. Bounded: a few 25,000-row pages.
_CALLS_CACHE: OrderedDict[tuple[Any, ...], s.CallsPage] = OrderedDict()


_CALLS_CACHE_LOCK = threading.Lock()


_CALLS_CACHE_SIZE = 8


@lru_cache(maxsize=1)
def _months_query() -> Executable:
    """The months with calls of an account, newest first: built once (bound: ``account_id``)."""
    return (
        select(m.CallMonth.year, m.CallMonth.month, m.CallMonth.calls)
        .where(m.CallMonth.account_id == bindparam("account_id"), m.CallMonth.calls > 0)
        .order_by(m.CallMonth.year.desc(), m.CallMonth.month.desc())
    )


def _month_bounds(year: int, month: int) -> tuple[int, int]:
    start = dt.datetime(year, month, 1, tzinfo=MOSCOW)
    end = midnight(next_month_start(start.date()))
    return int(start.timestamp()), int(end.timestamp())


def calls_page(
    db: Session,
    clock: Any,
    sub_id: int,
    number: str,
    year: int,
    month: int,
    limit: int | None,
    cursor: str | None,
    lang: str = "ru",
) -> s.CallsPage:
    """One columnar page of a month's calls in time order (R-CALL-1), keyset cursor on (started_at, id)."""
    acc = _account(db, sub_id, number)
    if not 1 <= int(month) <= 12 or not 1970 <= int(year) <= 9999:
        raise _field_error(ErrorCode.VALIDATION, "month")
    size = _clamp_limit(limit, 25_000, 100_000)
    months_rows = db.execute(_months_query(), {"account_id": acc.id}).all()
    months = [(int(y), int(mo)) for y, mo, _n in months_rows]
    total = next((int(n) for y, mo, n in months_rows if (y, mo) == (year, month)), 0)
    key = (str(db.get_bind().engine.url), acc.id, year, month, size, cursor or "", total, tuple(months), lang)
    with _CALLS_CACHE_LOCK:
        cached = _CALLS_CACHE.get(key)
        if cached is not None:
            _CALLS_CACHE.move_to_end(key)
            return cached
    lo, hi = _month_bounds(year, month)
    c = m.Call
    query = select(
        c.started_at, c.caller, c.callee, c.direction, c.duration_s, c.cost_kopecks, c.zone, c.id
    ).where(c.account_id == acc.id, c.started_at >= lo, c.started_at < hi)
    offset = 0
    if cursor:
        ts_raw, id_raw, off_raw = _decode_cursor(cursor, 3)
        try:
            ts, last_id, offset = _cursor_int(ts_raw), _cursor_int(id_raw), _cursor_int(off_raw)
        except ValueError as exc:
            raise _field_error(ErrorCode.VALIDATION, "cursor") from exc
        query = query.where(or_(c.started_at > ts, and_(c.started_at == ts, c.id > last_id)))
    # Core, not ORM: plain columns need no result processing, so read the driver's tuples as they are
    result = db.connection().execute(query.order_by(c.started_at, c.id).limit(size + 1))
    rows = result.cursor.fetchall() if result.cursor is not None else result.all()
    result.close()
    more = len(rows) > size
    if more:
        rows = rows[:size]
    if rows:
        started, caller, callee, direction, duration, cost, zone, ids = (
            list(col) for col in zip(*rows, strict=True)
        )
    else:
        started, caller, callee, direction, duration, cost, zone, ids = ([] for _ in range(8))
    fromts = dt.datetime.fromtimestamp
    money: dict[int, Decimal] = {}
    next_cursor = _encode_cursor(started[-1], ids[-1], offset + len(rows)) if more else None
    page = s.CallsPage.model_construct(
        account=acc.number,
        year=year,
        month=month,
        total=max(total, offset + len(rows)),
        offset=offset,
        next_cursor=next_cursor,
        months=months,
        started_at=[fromts(t, MOSCOW) for t in started],
        caller=caller,
        callee=callee,
        direction=[_DIRECTIONS[d] for d in direction],
        duration_s=duration,
        cost=[money[k] if k in money else money.setdefault(k, from_kopecks(k)) for k in cost],
        zone=zone_names(zone, lang),
    )
    with _CALLS_CACHE_LOCK:
        _CALLS_CACHE[key] = page
        while len(_CALLS_CACHE) > _CALLS_CACHE_SIZE:
            _CALLS_CACHE.popitem(last=False)
    return page


def record_calls(db: Session, account_number: str, calls: list[dict[str, Any]]) -> int:
    """Import calls of an account (operator side): bulk insert + the per-month counts; how many.

    Each call: ``started_at`` (aware datetime or Unix seconds), ``caller``, ``callee``,
    ``direction`` ("in"/"out"), ``duration_s``, ``cost`` (Decimal) or ``cost_kopecks``, ``zone``.
    """
    acc = db.execute(select(m.Account).where(m.Account.number == account_number)).scalar_one_or_none()
    if acc is None:
        raise RuleError(ErrorCode.NOT_FOUND)
    rows = []
    counts: dict[tuple[int, int], int] = {}
    for call in calls:
        started = call["started_at"]
        ts = int(started.timestamp()) if isinstance(started, dt.datetime) else int(started)
        when = dt.datetime.fromtimestamp(ts, MOSCOW)
        counts[(when.year, when.month)] = counts.get((when.year, when.month), 0) + 1
        cost = call.get("cost_kopecks")
        rows.append(
            {
                "account_id": acc.id,
                "started_at": ts,
                "caller": str(call["caller"]),
                "callee": str(call["callee"]),
                "direction": s.CallDirection(call["direction"]).value,
                "duration_s": int(call["duration_s"]),
                "cost_kopecks": int(cost) if cost is not None else to_kopecks(call.get("cost", Decimal(0))),
                "zone": str(call.get("zone", "")),
            }
        )
    if rows:
        db.execute(insert(m.Call), rows)
    for (year, month), n in counts.items():
        row = db.get(m.CallMonth, (acc.id, year, month))
        if row is None:
            db.add(m.CallMonth(account_id=acc.id, year=year, month=month, calls=n))
        else:
            row.calls += n
    db.flush()
    return len(rows)
