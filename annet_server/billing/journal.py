"""The journal (R-LOG-1): entries written in the caller's transaction, values translated when read."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from functools import lru_cache
from typing import Any

from sqlalchemy import Executable, and_, bindparam, or_, select
from sqlalchemy.orm import Session

from annet_contract import schema as s

from .. import messages
from .. import models as m
from ..db import as_moscow
from .lookups import _subscriber
from .paging import _clamp_limit, _encode_cursor, _time_cursor


def _encode_value(key: str, **params: Any) -> str:
    """A journal value that is translated when shown: ``@key`` + JSON params."""
    if not params:
        return "@" + key
    return "@" + key + "\t" + json.dumps(params, ensure_ascii=False, default=str)


def _decode_value(value: str | None, lang: str) -> str | None:
    if value is None or not value.startswith("@"):
        return value
    key, _, raw = value[1:].partition("\t")
    params = json.loads(raw) if raw else {}
    for name in ("amount", "advance"):
        if name in params:
            params[name] = Decimal(str(params[name]))
    try:
        return messages.message(key, lang, **params)
    except KeyError:
        return value


def record_journal(
    db: Session,
    clock: Any,
    sub_id: int,
    action: s.JournalAction | str,
    actor: s.Actor | str = s.Actor.SUBSCRIBER,
    *,
    account: str | None = None,
    service: str | None = None,
    old: str | None = None,
    new: str | None = None,
    at: dt.datetime | None = None,
) -> m.JournalEntry:
    """Write one journal entry (R-LOG-1) in the caller's transaction; never pass a password value."""
    entry = m.JournalEntry(
        subscriber_id=sub_id,
        at=at or clock.now(),
        actor=s.Actor(actor).value,
        action=s.JournalAction(action).value,
        account_number=account,
        service=service,
        old_value=old,
        new_value=new,
    )
    db.add(entry)
    return entry


class _At:
    """A clock that always answers one moment (for entries written by catch-up at their due time)."""

    def __init__(self, when: dt.datetime) -> None:
        self._when = when

    def now(self) -> dt.datetime:
        return self._when


def _journal_at(
    db: Session, acc: m.Account, at: dt.datetime, action: s.JournalAction, actor: s.Actor, **kw: Any
) -> None:
    record_journal(db, _At(at), acc.subscriber_id, action, actor, account=acc.number, at=at, **kw)


def journal_page(
    db: Session, clock: Any, sub_id: int, limit: int | None, cursor: str | None, lang: str = "ru"
) -> s.Page[s.JournalEntry]:
    """The subscriber's journal (R-LOG-1), newest first, keyset-paged on (at, id)."""
    _subscriber(db, sub_id)
    size = _clamp_limit(limit, 100, 1000)
    params: dict[str, Any] = {"subscriber_id": sub_id, "size": size + 1}
    if cursor:
        params["at"], params["last_id"] = _time_cursor(cursor)
    rows = list(db.execute(_journal_query(bool(cursor)), params).all())  # columns: no ORM objects
    more = len(rows) > size
    rows = rows[:size]
    names: dict[str, str] = {}
    if lang == "en":
        names = {ru: en for ru, en in db.execute(select(m.CatalogItem.name, m.CatalogItem.name_en)) if en}
    items = [
        s.JournalEntry(
            id=r.id,
            at=as_moscow(r.at),
            actor=s.Actor(r.actor),
            action=s.JournalAction(r.action),
            title=messages.message("journal." + r.action, lang),
            account=r.account_number,
            service=names.get(r.service, r.service) if r.service else None,
            old_value=_decode_value(r.old_value, lang),
            new_value=_decode_value(r.new_value, lang),
        )
        for r in rows
    ]
    next_cursor = _encode_cursor(as_moscow(rows[-1].at).isoformat(), rows[-1].id) if more and rows else None  # type: ignore[union-attr]
    return s.Page[s.JournalEntry](items=items, next_cursor=next_cursor)


@lru_cache(maxsize=2)
def _journal_query(after_cursor: bool) -> Executable:
    """:func:`journal_page`'s statement, built once (bound: ``subscriber_id``, ``size``, and the
    cursor's ``at`` and ``last_id``)."""
    j = m.JournalEntry
    columns = (j.id, j.at, j.actor, j.action, j.account_number, j.service, j.old_value, j.new_value)
    query = select(*columns).where(j.subscriber_id == bindparam("subscriber_id"))
    if after_cursor:
        at, last_id = bindparam("at", type_=j.at.type), bindparam("last_id", type_=j.id.type)
        query = query.where(or_(j.at < at, and_(j.at == at, j.id < last_id)))
    return query.order_by(j.at.desc(), j.id.desc()).limit(bindparam("size"))
