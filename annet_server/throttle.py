"""Login failure budgets: per account number, per subscriber, per client address and overall.

Every failure is a :class:`~annet_server.models.LoginAttempt` row. Before a password is checked,
:func:`check` asks every budget of :class:`~annet_server.limits.Limits` (429 with the seconds to
wait when one is spent) and :func:`reserve` writes the attempt as a failure — in one short
transaction, so parallel guesses are each counted before any hash runs; the hash itself runs
outside any transaction, and :func:`succeeded` turns the row into a success afterwards.

* account number: failures of that number after its latest success (R-LOGIN-3);
* subscriber: failures of all their numbers and wrong current passwords, after their latest
  successful login;
* client address: every failure from the address (a success does not reset it);
* overall: every failure of the server.

An unknown account number counts for its number, the address and overall, exactly as a wrong
password does, so the answers never tell whether an account exists.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from typing import Any

from sqlalchemy import ColumnElement, func, select, text, update
from sqlalchemy.orm import Session

from annet_contract.errors import ErrorCode

from .limits import Limits
from .problems import ApiProblem

#: ``account_number`` of a wrong current password (it belongs to the subscriber, not a number)
PASSWORD_CHANGE = ""


def _attempt() -> Any:
    from .models import LoginAttempt

    return LoginAttempt


def _aware(value: dt.datetime) -> dt.datetime:
    from annet_contract.moscow import to_moscow as as_moscow

    moscow = as_moscow(value)
    assert moscow is not None
    return moscow


def serialize(db: Session) -> None:
    """On PostgreSQL, one reservation at a time (a transaction lock); SQLite's writers are serial."""
    if db.get_bind().dialect.name != "postgresql":
        return
    digest = hashlib.sha256(b"annet:login-budgets").digest()
    db.execute(
        text("SELECT pg_advisory_xact_lock(:id)"), {"id": int.from_bytes(digest[:8], "big", signed=True)}
    )


def _wait(
    db: Session, now: dt.datetime, limits: Limits, budget: int, where: list[ColumnElement[bool]]
) -> int | None:
    """Seconds until the oldest of the last ``budget`` failures matching ``where`` leaves the window."""
    attempt = _attempt()
    query = (
        select(attempt.at)
        .where(attempt.ok.is_(False), attempt.at > now - limits.window, *where)
        .order_by(attempt.id.desc())
        .limit(budget)
    )
    failures = [_aware(at) for at in db.execute(query).scalars()]
    if len(failures) < budget:
        return None
    wait = (min(failures) + limits.window - now).total_seconds()
    return max(1, math.ceil(wait))


def _after_last_success(
    db: Session, scope: ColumnElement[bool], *successes: ColumnElement[bool]
) -> list[ColumnElement[bool]]:
    """Failures of ``scope`` after its latest success (one that also matches ``successes``)."""
    attempt = _attempt()
    last_ok = db.execute(select(func.max(attempt.id)).where(attempt.ok.is_(True), scope, *successes)).scalar()
    return [scope] if last_ok is None else [scope, attempt.id > last_ok]


def throttled(wait: int) -> ApiProblem:
    """The 429 answer: ``Retry-After`` and ``retry_after`` in seconds, the minutes in the text."""
    return ApiProblem(
        ErrorCode.AUTH_THROTTLED, 429, retry_after=wait, params={"minutes": math.ceil(wait / 60)}
    )


def check(
    db: Session,
    now: dt.datetime,
    limits: Limits,
    *,
    account: str | None,
    subscriber_id: int | None,
    client: str | None,
) -> None:
    """Raise the 429 problem when any budget of this attempt is spent (the longest wait wins)."""
    attempt = _attempt()
    waits: list[int | None] = [_wait(db, now, limits, limits.global_failures, [])]
    if client:
        waits.append(_wait(db, now, limits, limits.client_failures, [attempt.client == client]))
    if account:
        where = _after_last_success(db, attempt.account_number == account)
        waits.append(_wait(db, now, limits, limits.account_failures, where))
    if subscriber_id is not None:
        # a login's success starts the count again; the count covers wrong current passwords too
        logins = attempt.account_number != PASSWORD_CHANGE
        where = _after_last_success(db, attempt.subscriber_id == subscriber_id, logins)
        waits.append(_wait(db, now, limits, limits.subscriber_failures, where))
    spent = [w for w in waits if w is not None]
    if spent:
        raise throttled(max(spent))


def reserve(
    db: Session, now: dt.datetime, *, account: str, subscriber_id: int | None, client: str | None
) -> int:
    """Write the attempt as a failure (no commit here); its id, for :func:`succeeded`."""
    row = _attempt()(account_number=account, at=now, ok=False, subscriber_id=subscriber_id, client=client)
    db.add(row)
    db.flush()
    return int(row.id)


def succeeded(db: Session, attempt_id: int) -> None:
    """The reserved attempt's password was right: it is a success (no commit here)."""
    attempt = _attempt()
    db.execute(update(attempt).where(attempt.id == attempt_id).values(ok=True))


def client_address(request: Any) -> str | None:
    """The caller's address as the server sees it (behind a proxy: uvicorn's ``--forwarded-allow-ips``)."""
    client = getattr(request, "client", None)
    host = getattr(client, "host", None)
    return str(host)[:64] if host else None
