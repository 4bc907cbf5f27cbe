"""The idle timer's write: ``last_seen_at`` is written at most once a minute (a read writes nothing).

Profiled under load: an UPDATE on every authenticated GET made every read a write transaction.
The session still ends 30 minutes after the last *written* use (at most a minute early).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from annet_desktop.api import errors

SECOND = dt.timedelta(seconds=1)
MINUTE = dt.timedelta(minutes=1)


def _last_seen(server: Any) -> dt.datetime:
    from sqlalchemy import select

    from annet_server.models import AuthSession

    with server.session() as db:
        return db.execute(select(AuthSession.last_seen_at).order_by(AuthSession.id.desc())).scalars().first()


def test_a_call_within_a_minute_of_the_last_write_writes_nothing(server: Any) -> None:
    client = server.client(login=server.accounts[0])
    written = _last_seen(server)
    server.clock.advance(MINUTE - SECOND)
    client.me()
    assert _last_seen(server) == written  # 59 s: not written


def test_a_call_a_minute_after_the_last_write_writes_the_time(server: Any) -> None:
    client = server.client(login=server.accounts[0])
    written = _last_seen(server)
    server.clock.advance(MINUTE)
    client.me()
    assert _last_seen(server) == written + MINUTE  # 60 s: written


def test_the_idle_end_counts_from_the_last_write(server: Any) -> None:
    client = server.client(login=server.accounts[0])
    server.clock.advance(MINUTE - SECOND)
    client.me()  # not written: the timer still runs from the login
    server.clock.advance(30 * MINUTE - (MINUTE - SECOND) - SECOND)
    client.me()  # 29 min 59 s after the login: alive (and now written)
    server.clock.advance(30 * MINUTE)
    with pytest.raises(errors.SessionExpired):
        client.me()
