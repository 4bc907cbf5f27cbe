"""The bearer check: is this token a live session — the first thing of every call (R-LOGIN-4).

* Only a token's SHA-256 is stored (:func:`hash_token`).
* A session ends 30 minutes after its last use (idle) or 12 hours after login (absolute),
  whichever comes first; both measured on the server's clock, so a FakeClock drives them in tests.
  The idle timer is written at most once a minute, never for a background request.
* :func:`check_session` reads the session and the catch-up's due check in one statement;
  :func:`authenticate` is the same check on the ORM row (login's password change, logout).
* A password change revokes every other session of the subscriber (:func:`revoke_other_sessions`).

Login, logout and the throttling of failed logins are :mod:`annet_server.auth`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import Select, bindparam, select, update
from sqlalchemy.orm import Session

from annet_contract.errors import ErrorCode
from annet_contract.moscow import to_moscow

from .problems import ApiProblem

IDLE_TIMEOUT = dt.timedelta(minutes=30)
#: ``last_seen_at`` is written at most this often: a read then writes nothing (profiled: the
#: UPDATE on every GET cost a write transaction per read); the idle end comes at most this much
#: earlier than 30 minutes after the very last call
TOUCH_EVERY = dt.timedelta(minutes=1)
ABSOLUTE_TIMEOUT = dt.timedelta(hours=12)


def hash_token(token: str) -> str:
    """What the database keeps of a token: its SHA-256, hex."""
    return hashlib.sha256(token.encode()).hexdigest()


def models_module() -> Any:
    """:mod:`annet_server.models`, imported when first needed."""
    from . import models

    return models


# --------------------------------------------------------------------------- the bearer check


def authenticate(db: Session, clock: Any, token: str, *, touch: bool = True) -> Any:
    """The live ``AuthSession`` of ``token``, its idle timer touched; 401 otherwise.

    The idle timer (``last_seen_at``) is written only when it is :data:`TOUCH_EVERY` old or older,
    and never with ``touch=False`` (a request marked ``X-Annet-Background``: the app's timed
    refresh must not keep an unattended session alive).

    An unknown or revoked token → ``auth.required``; an expired one → ``auth.session_expired``
    (and it is revoked, so it stays dead even if the clock were turned back).
    """
    m = models_module()
    now = clock.now()
    row = (
        db.execute(select(m.AuthSession).where(m.AuthSession.token_hash == hash_token(token)))
        .scalars()
        .first()
    )
    if row is None or row.revoked_at is not None:
        raise ApiProblem(ErrorCode.AUTH_REQUIRED, 401, headers={"WWW-Authenticate": "Bearer"})
    last_seen = to_moscow(row.last_seen_at)
    expires_at = to_moscow(row.expires_at)
    assert last_seen is not None and expires_at is not None
    if now >= expires_at or now >= last_seen + IDLE_TIMEOUT:
        row.revoked_at = now
        raise ApiProblem(
            ErrorCode.SESSION_EXPIRED, 401, headers={"WWW-Authenticate": 'Bearer error="invalid_token"'}
        )
    if touch and now - last_seen >= TOUCH_EVERY:
        row.last_seen_at = now
    return row


@dataclass(frozen=True)
class LiveSession:
    """A session found live by :func:`check_session`, and what its statement also read."""

    id: int
    subscriber_id: int
    #: whether the subscriber's catch-up has anything to apply now (:func:`catchup.due_in`)
    due: bool
    #: whether the idle timer was written (the caller commits it)
    touched: bool


#: the session's own columns at the head of each row of :func:`_session_query`
_SESSION_COLUMNS = 5


@lru_cache(maxsize=1)
def _session_query() -> Select[Any]:
    """The statement of :func:`check_session`, built once (building and keying a statement costs
    more CPU than PostgreSQL spends answering it); the token's hash is the bound ``token_hash``."""
    from .billing import catchup

    s = models_module().AuthSession
    columns = (s.id, s.subscriber_id, s.last_seen_at, s.expires_at, s.revoked_at)
    assert len(columns) == _SESSION_COLUMNS
    query = select(*columns, *catchup.due_columns()).select_from(s)
    return catchup.join_due(query, s.subscriber_id).where(s.token_hash == bindparam("token_hash"))


def check_session(db: Session, clock: Any, token: str, *, touch: bool = True) -> LiveSession:
    """:func:`authenticate` and the catch-up's due check in ONE statement: the first thing of every call.

    The session's row is read with every account of its subscriber (and each one's active credit)
    outer-joined, columns only; the same rules as :func:`authenticate` then apply (401s, the idle
    timer written at most once a minute, never for a background request), each write an UPDATE
    of the one row. The due answer is :func:`catchup.due_in` over the joined rows — the same
    check :func:`catchup.catch_up` makes, one round trip fewer.
    """
    from .billing import catchup

    s = models_module().AuthSession
    now = clock.now()
    # columns only: Core on the session's connection, past the ORM's statement handling
    rows = db.connection().execute(_session_query(), {"token_hash": hash_token(token)}).all()
    if not rows or rows[0][4] is not None:
        raise ApiProblem(ErrorCode.AUTH_REQUIRED, 401, headers={"WWW-Authenticate": "Bearer"})
    session_id, subscriber_id, last_seen, expires_at = rows[0][:4]
    last_seen, expires_at = to_moscow(last_seen), to_moscow(expires_at)
    assert last_seen is not None and expires_at is not None
    if now >= expires_at or now >= last_seen + IDLE_TIMEOUT:
        db.execute(update(s).where(s.id == session_id).values(revoked_at=now))
        raise ApiProblem(
            ErrorCode.SESSION_EXPIRED, 401, headers={"WWW-Authenticate": 'Bearer error="invalid_token"'}
        )
    touched = touch and now - last_seen >= TOUCH_EVERY
    if touched:
        db.execute(update(s).where(s.id == session_id).values(last_seen_at=now))
    due = catchup.due_in((row[_SESSION_COLUMNS:] for row in rows), now)
    return LiveSession(id=session_id, subscriber_id=subscriber_id, due=due, touched=touched)


def revoke_other_sessions(db: Session, clock: Any, subscriber_id: int, keep_session_id: int) -> int:
    """Revoke every live session of the subscriber but one (after a password change)."""
    m = models_module()
    result = db.execute(
        update(m.AuthSession)
        .where(
            m.AuthSession.subscriber_id == subscriber_id,
            m.AuthSession.id != keep_session_id,
            m.AuthSession.revoked_at.is_(None),
        )
        .values(revoked_at=clock.now())
    )
    return int(getattr(result, "rowcount", 0) or 0)
