"""The database unreachable (a PostgreSQL restart, a lost connection): 503 problem+json with Retry-After.

Fault injected by pointing the running server's sessions at an address where no database
listens; the answer must come at once (no hang), say "try again later", and change nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from annet_contract.errors import PROBLEM_MEDIA_TYPE


@pytest.fixture
def database_down(server: Any) -> Iterator[None]:
    from annet_server.db import make_engine, make_read_sessionmaker, make_sessionmaker

    state = server.state
    engine = make_engine("postgresql+psycopg://nobody@127.0.0.1:1/annet")  # connection refused
    kept = state.sessionmaker, state.read_sessionmaker
    state.sessionmaker = make_sessionmaker(engine)
    state.read_sessionmaker = make_read_sessionmaker(engine)  # the reads' own (autocommit) sessions
    try:
        yield
    finally:
        state.sessionmaker, state.read_sessionmaker = kept
        engine.dispose()


def test_a_read_while_the_database_is_down_is_503_with_retry_after(
    server: Any, raw: Any, database_down: None
) -> None:
    answer = raw("GET", "/me", token="any-token")
    assert answer.status_code == 503
    assert answer.headers["Content-Type"].startswith(PROBLEM_MEDIA_TYPE)
    assert int(answer.headers["Retry-After"]) >= 1
    body = answer.json()
    assert body["status"] == 503 and body["code"] == "internal"
    assert "Повторите позже" in body["detail"]


def test_a_login_while_the_database_is_down_is_503(server: Any, raw: Any, database_down: None) -> None:
    demo = server.accounts[0]
    answer = raw("POST", "/session", json={"account": demo.account, "password": demo.password})
    assert answer.status_code == 503
    assert answer.headers["Content-Type"].startswith(PROBLEM_MEDIA_TYPE)


def test_the_typed_client_reports_a_server_error(server: Any, database_down: None) -> None:
    from annet_desktop.api import errors

    client = server.client()
    client.token = "any-token"
    with pytest.raises(errors.ServerError):
        client.me()
