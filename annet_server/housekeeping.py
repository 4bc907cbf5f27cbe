"""Pruning what the server records: old login attempts, idempotency records and ended sessions.

:func:`prune` deletes, in one short transaction, every row older than its keep time of
:class:`~annet_server.limits.Limits` (measured on the server's clock, so a FakeClock drives it):
login attempts (far longer than the 15-minute throttle window), idempotency records (a client
repeats a change within minutes), and sessions that ended — revoked, past their absolute end or
idle too long — that long ago. :func:`maybe_prune` runs it opportunistically on a login, at most
once per :attr:`~annet_server.limits.Limits.prune_every` per process; with several processes each
prunes on its own schedule, which is harmless (the deletes are idempotent).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, or_

log = logging.getLogger(__name__)

_lock = threading.Lock()


@dataclass(frozen=True)
class Pruned:
    """How many rows one :func:`prune` deleted."""

    attempts: int
    idempotency: int
    sessions: int


def _count(result: Any) -> int:
    return int(getattr(result, "rowcount", 0) or 0)


def prune(state: Any, now: dt.datetime) -> Pruned:
    """Delete the expired rows now; how many of each."""
    from . import models, session_check

    limits = state.limits
    with state.sessionmaker.begin() as db:  # commits, or rolls back on an error
        attempts = db.execute(
            delete(models.LoginAttempt).where(models.LoginAttempt.at < now - limits.keep_attempts)
        )
        records = db.execute(
            delete(models.IdempotencyRecord).where(
                models.IdempotencyRecord.created_at < now - limits.keep_idempotency
            )
        )
        cutoff = now - limits.keep_sessions
        session = models.AuthSession
        sessions = db.execute(
            delete(session).where(
                or_(
                    session.revoked_at < cutoff,
                    session.expires_at < cutoff,
                    session.last_seen_at < cutoff - session_check.IDLE_TIMEOUT,
                )
            )
        )
    pruned = Pruned(_count(attempts), _count(records), _count(sessions))
    if pruned != Pruned(0, 0, 0):
        log.info("pruned %s", pruned)
    return pruned


def maybe_prune(state: Any, now: dt.datetime) -> None:
    """Prune when the last prune of this process is :attr:`Limits.prune_every` ago (or never)."""
    last = getattr(state, "last_pruned_at", None)
    if last is not None and now - last < state.limits.prune_every:
        return
    if not _lock.acquire(blocking=False):
        return  # another request is pruning
    try:
        state.last_pruned_at = now
        prune(state, now)
    except Exception:  # pruning must never cost a subscriber their login
        log.exception("pruning failed")
    finally:
        _lock.release()
