"""How many SQL statements each read sends: a read that starts sending more fails here.

The load test's reads (benchmarks/load.py) are bound by what each request costs the server, and
every statement is a round trip plus SQLAlchemy's work building, sending and loading it (profiled:
docs/performance.md, "Scale-out"). Relationships load on access and each read names what it needs
(annet_server/billing/lookups.py); the session check and the catch-up's due check are one
statement (annet_server/auth.py ``check_session``). The figures below are today's, on both
backends, for the multi-account demo subscriber (two accounts, services, payments with receipts,
a journal); the pool's pre-ping and SQLite's ``BEGIN`` are not counted. Before this change the
same reads sent /me 9, /accounts/{n} 9, …/services 8, …/catalog 11, …/balance-history 5,
/journal 5, …/calls 4 (this test fails on that code); now 4, 4, 4, 5, 4, 3, 3.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest

#: statements per read, at most (today's figures)
READS: list[tuple[str, str, dict[str, Any], int]] = [
    ("/me", "/me", {}, 4),
    ("/accounts/{n}", "/accounts/{n}", {}, 3),  # the discounts joined (was 4)
    ("/accounts/{n}/services", "/accounts/{n}/services", {}, 3),  # the discounts joined (was 4)
    ("/accounts/{n}/catalog", "/accounts/{n}/catalog", {}, 5),
    ("/accounts/{n}/balance-history", "/accounts/{n}/balance-history", {"limit": 50}, 4),
    ("/journal", "/journal", {"limit": 50}, 3),
    ("/accounts/{n}/calls", "/accounts/{n}/calls", {"year": 2026, "month": 11, "limit": 50}, 3),
]
_COUNTED = ("SELECT", "INSERT", "UPDATE", "DELETE", "WITH")


@pytest.fixture
def statements(server: Any) -> Iterator[Callable[[Callable[[], Any]], list[str]]]:
    """``statements(fn)``: the SQL statements the server sent while ``fn()`` ran."""
    from sqlalchemy import event

    engine = server.state.engine
    seen: list[str] = []
    lock = threading.Lock()

    def before(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        text = " ".join(statement.split())
        if text.upper().startswith(_COUNTED) and text.upper() != "SELECT 1":
            with lock:
                seen.append(text)

    event.listen(engine, "before_cursor_execute", before)

    def run(fn: Callable[[], Any]) -> list[str]:
        with lock:
            seen.clear()
        fn()
        with lock:
            return list(seen)

    try:
        yield run
    finally:
        event.remove(engine, "before_cursor_execute", before)


def test_each_read_sends_no_more_statements_than_today(
    server: Any, raw: Callable[..., Any], statements: Callable[[Callable[[], Any]], list[str]]
) -> None:
    login = server.by_case("multi-account")
    created = raw("POST", "/session", json={"account": login.account, "password": login.password})
    assert created.status_code == 201, created.text
    token = created.json()["token"]
    grown: list[str] = []
    for name, path, params, most in READS:
        url = path.replace("{n}", login.account)
        first = raw("GET", url, token=token, params=params)  # a catch-up due at the start runs here
        assert first.status_code == 200, (name, first.text)
        sent = statements(lambda url=url, params=params: raw("GET", url, token=token, params=params))
        if len(sent) > most:
            grown.append(f"{name}: {len(sent)} > {most}\n    " + "\n    ".join(s[:160] for s in sent))
    assert not grown, "reads send more statements than they did:\n" + "\n".join(grown)


def test_a_read_that_finds_the_month_due_counts_its_catch_up_apart(
    server: Any, raw: Callable[..., Any], statements: Callable[[Callable[[], Any]], list[str]]
) -> None:
    """The due answer read with the session is used: the month's charge is applied once, then
    the next read is back to the plain count (the session check found nothing due)."""
    import datetime as dt

    login = server.by_case("multi-account")
    server.clock.set(dt.datetime(2026, 12, 1, 0, 0, 30, tzinfo=server.clock.now().tzinfo))
    created = raw("POST", "/session", json={"account": login.account, "password": login.password})
    token = created.json()["token"]
    due = statements(lambda: raw("GET", "/me", token=token))
    assert any(s.startswith("UPDATE accounts") for s in due), due  # the charge of 1 December
    plain = statements(lambda: raw("GET", "/me", token=token))
    assert len(plain) <= READS[0][3], plain
