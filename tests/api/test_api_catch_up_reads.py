"""Reads are plain reads: with nothing due the catch-up takes no lock and writes nothing (issue 13).

Every statement the server sends is counted with an SQLAlchemy event listener on its engine, and
every COMMIT. A read whose catch-up finds nothing due (no 1st, 11th or credit end since
``caught_up_at``, nothing to settle) sends no ``FOR UPDATE``, no INSERT/UPDATE/DELETE and no
COMMIT; the first read at 00:00 of the 1st charges the month under the lock, once. (On SQLite
every transaction is ``BEGIN IMMEDIATE`` and there is no ``FOR UPDATE`` to see; the writes and
commits are checked on both backends.)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from sqlalchemy import event

from annet_contract.moscow import MOSCOW


@dataclass
class Sent:
    """What the server sent to its database while a block of the test ran."""

    statements: list[str] = field(default_factory=list)
    commits: int = 0

    def clear(self) -> None:
        self.statements.clear()
        self.commits = 0

    @property
    def locks(self) -> list[str]:
        return [sql for sql in self.statements if "FOR UPDATE" in sql.upper()]

    @property
    def writes(self) -> list[str]:
        return [sql for sql in self.statements if sql.lstrip().split(None, 1)[0].upper() in _WRITES]


_WRITES = {"INSERT", "UPDATE", "DELETE"}


@pytest.fixture
def sent(server: Any) -> Iterator[Sent]:
    """Every statement and COMMIT of the test's server, from now on."""
    engine = server.state.engine
    seen = Sent()

    def on_execute(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.statements.append(statement)

    def on_commit(_conn: Any) -> None:
        seen.commits += 1

    event.listen(engine, "before_cursor_execute", on_execute)
    event.listen(engine, "commit", on_commit)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", on_execute)
        event.remove(engine, "commit", on_commit)


def _login(server: Any, raw: Callable[..., Any]) -> tuple[Any, str]:
    demo = server.accounts[0]
    answer = raw("POST", "/session", json={"account": demo.account, "password": demo.password})
    assert answer.status_code == 201, answer.text
    return demo, answer.json()["token"]


def _reads(number: str) -> list[str]:
    return [
        "/me",
        f"/accounts/{number}",
        f"/accounts/{number}/services",
        f"/accounts/{number}/catalog",
        f"/accounts/{number}/balance-history",
        f"/accounts/{number}/calls?year=2026&month=11",
        "/journal",
    ]


def test_a_read_with_nothing_due_takes_no_lock_and_writes_nothing(
    server: Any, raw: Callable[..., Any], sent: Sent
) -> None:
    demo, token = _login(server, raw)
    assert raw("GET", "/me", token=token).status_code == 200  # whatever the seed left due is applied
    server.clock.advance(dt.timedelta(seconds=59))  # the idle timer is not written before a minute
    for path in _reads(demo.account):
        sent.clear()
        answer = raw("GET", path, token=token)
        assert answer.status_code == 200, (path, answer.text)
        assert sent.statements, path
        assert not sent.locks, (path, sent.locks)
        assert not sent.writes, (path, sent.writes)
        assert sent.commits == 0, path


def test_the_1st_is_charged_by_the_first_read_of_the_day_and_only_then(
    server: Any, raw: Callable[..., Any], sent: Sent
) -> None:
    server.clock.set(dt.datetime(2026, 11, 30, 23, 59, 59, tzinfo=MOSCOW))
    demo, token = _login(server, raw)
    assert raw("GET", "/me", token=token).status_code == 200  # the catch-up up to 23:59:59

    sent.clear()
    assert raw("GET", f"/accounts/{demo.account}", token=token).status_code == 200
    assert not sent.locks and not sent.writes, "the day before the 1st: nothing is due"

    server.clock.advance(dt.timedelta(seconds=1))  # 01.12 00:00:00
    sent.clear()
    history = raw("GET", f"/accounts/{demo.account}/balance-history", token=token)
    assert history.status_code == 200
    if server.backend == "postgres":  # (SQLite has no FOR UPDATE: BEGIN IMMEDIATE locks it all)
        assert sent.locks, "the 1st at 00:00: the month is due, the accounts are locked"
    assert any("INSERT INTO balance_entries" in sql for sql in sent.writes), sent.writes
    assert sent.commits == 1
    charges = [row for row in history.json()["items"] if row["at"].startswith("2026-12-01T00:00")]
    assert charges and all(row["kind"] == "charge" for row in charges), history.json()["items"][:3]

    sent.clear()
    again = raw("GET", f"/accounts/{demo.account}/balance-history", token=token)
    assert not sent.locks and not sent.writes and sent.commits == 0, "charged once: nothing due after"
    assert again.json()["items"] == history.json()["items"]
