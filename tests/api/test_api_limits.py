"""Limits of the server (issue 13, finding 11): body size, huge numbers, the payment address,
the access log, and pruning of what the server records."""

from __future__ import annotations

import base64
import datetime as dt
import json
import logging
import socket
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit

import pytest
from sqlalchemy import func, select

HOUR = dt.timedelta(hours=1)


def _login(server: Any, case: str = "internet-discount") -> tuple[Any, str]:
    client = server.client(login=server.by_case(case))
    return client, client.me().accounts[0].number


# --------------------------------------------------------------------------- 413


def _raw_exchange(server: Any, head: str, body: bytes = b"") -> tuple[int, bytes]:
    """Send a request head (and maybe part of a body) on a raw socket; the status and answer.

    The socket's timeout only breaks a hang: a server that waited for the rest of the body would
    never answer, and the test fails on the timeout instead of hanging.
    """
    parts = urlsplit(server.url)
    with socket.create_connection((parts.hostname, parts.port), timeout=30) as sock:
        sock.sendall(head.encode("latin-1") + body)
        answer = b""
        while b"\r\n\r\n" not in answer:
            chunk = sock.recv(65536)
            if not chunk:
                break
            answer += chunk
        headers, _, rest = answer.partition(b"\r\n\r\n")
        length = 0
        for line in headers.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value.strip())
        while len(rest) < length:
            chunk = sock.recv(65536)
            if not chunk:
                break
            rest += chunk
    return int(headers.split(b" ")[1]), rest


def test_a_declared_30_mb_body_is_refused_before_a_byte_is_read(server: Any) -> None:
    head = (
        "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        f"Content-Length: {30 * 1024 * 1024}\r\n\r\n"
    )
    status, body = _raw_exchange(server, head)  # no body sent at all: the answer must not wait for it
    assert status == 413
    problem = json.loads(body)
    assert problem["status"] == 413 and problem["code"] == "validation"
    assert problem["errors"][0]["field"] == "body"


def test_a_chunked_body_over_the_limit_is_refused_without_reading_the_rest(server: Any) -> None:
    limit = server.state.limits.max_body_bytes
    chunk = b"x" * (limit + 1)
    head = (
        "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        "Transfer-Encoding: chunked\r\n\r\n"
    )
    status, _body = _raw_exchange(server, head, f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
    assert status == 413


@pytest.mark.parametrize(("extra", "status"), [(0, 422), (1, 413)], ids=["at-the-limit", "one-byte-over"])
def test_the_body_limit_edge(server: Any, raw: Any, extra: int, status: int) -> None:
    limit = server.state.limits.max_body_bytes
    prefix = b'{"account": "1", "password": "'
    body = prefix + b"a" * (limit + extra - len(prefix) - 2) + b'"}'
    assert len(body) == limit + extra
    answer = raw("POST", "/session", data=body, headers={"Content-Type": "application/json"})
    assert answer.status_code == status


# --------------------------------------------------------------------------- 422, never 500


@pytest.mark.parametrize(
    "body",
    [
        '{"amount": "1e26"}',
        '{"amount": "100000000000000000000000000"}',
        '{"amount": 1e308}',
        '{"amount": "1e308"}',
        '{"amount": -1e308}',
    ],
)
def test_a_huge_amount_is_422(server: Any, raw: Any, body: str) -> None:
    client, number = _login(server)
    answer = raw(
        "POST",
        f"/accounts/{number}/payments",
        token=client.token,
        data=body,
        headers={"Content-Type": "application/json"},
    )
    assert answer.status_code == 422, answer.text
    assert answer.json()["errors"][0]["field"] == "amount"


def _cursor(*parts: object) -> str:
    return base64.urlsafe_b64encode("|".join(map(str, parts)).encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    ("path", "cursor"),
    [
        ("/accounts/{n}/balance-history", _cursor("2026-11-16T12:00:00+03:00", 10**30)),
        ("/journal", _cursor("2026-11-16T12:00:00+03:00", 2**63)),
        ("/accounts/{n}/calls?year=2026&month=11", _cursor(10**30, 1, 0)),
        ("/accounts/{n}/calls?year=2026&month=11", _cursor(1, 1, -(10**30))),
    ],
)
def test_a_cursor_with_a_huge_number_is_422(server: Any, raw: Any, path: str, cursor: str) -> None:
    client, number = _login(server)
    answer = raw("GET", path.format(n=number), token=client.token, params={"cursor": cursor})
    assert answer.status_code == 422, answer.text
    assert answer.json()["errors"][0]["field"] == "cursor"


# --------------------------------------------------------------------------- the payment address


def test_the_payment_address_comes_from_the_configured_url_not_the_host_header(server: Any, raw: Any) -> None:
    client, number = _login(server)
    answer = raw(
        "POST",
        f"/accounts/{number}/payments",
        token=client.token,
        json={"amount": "100.00"},
        headers={"Host": "evil.example", "X-Forwarded-Host": "evil.example"},
    )
    assert answer.status_code == 201, answer.text
    url = answer.json()["payment_url"]
    assert url.startswith(server.state.public_url + "/pay/?")
    assert "evil.example" not in url


# --------------------------------------------------------------------------- the access log


def test_the_access_log_redacts_emails_and_sandbox_tokens(server: Any, caplog: Any) -> None:
    from uvicorn.protocols.utils import get_path_with_query_string

    _client, _number = _login(server)
    scope = {
        "path": "/pay/",
        "root_path": "",
        "query_string": b"Merchant_ID=ANNET-TVER&Email=ivan%40example.ru&Checkvalue=ABC&Language=en",
    }
    result = {"path": "/pay/result", "root_path": "", "query_string": b"t=eyJvcmRlciI6IjEifQ.c2lnbmF0dXJl"}
    calls = {
        "path": "/api/v1/accounts/100001/calls",
        "root_path": "",
        "query_string": b"year=2026&month=11&limit=5",
    }
    access = logging.getLogger("uvicorn.access")
    with caplog.at_level(logging.INFO, logger="uvicorn.access"):
        for s in (scope, result, calls):  # exactly as uvicorn writes its access lines
            access.info(
                '%s - "%s %s HTTP/%s" %d', "127.0.0.1:5000", "GET", get_path_with_query_string(s), "1.1", 200
            )
    text = "\n".join(r.getMessage() for r in caplog.records if r.name == "uvicorn.access")
    assert "ivan" not in text and "example.ru" not in text
    assert "eyJvcmRlciI6IjEifQ" not in text and "c2lnbmF0dXJl" not in text and "ABC" not in text
    assert "Email=…" in text and "t=…" in text and "Language=en" in text
    assert "year=2026&month=11&limit=5" in text


# --------------------------------------------------------------------------- pruning


def _count(server: Any, model: Any, *where: Any) -> int:
    with server.session() as db:
        return int(db.execute(select(func.count()).select_from(model).where(*where)).scalar() or 0)


def test_expired_attempts_idempotency_records_and_sessions_are_pruned(server: Any) -> None:
    from annet_desktop.api import errors
    from annet_server.models import AuthSession, IdempotencyRecord, LoginAttempt

    demo = server.by_case("internet-discount")
    with pytest.raises(errors.AuthFailed):
        server.client().login(demo.account, "wrong-one")
    client, number = _login(server)
    client.create_payment(number, Decimal("100.00"), idempotency_key="old-key")
    server.client(login=demo).logout()
    start = server.clock.now()
    old_records = IdempotencyRecord.created_at == start
    assert _count(server, LoginAttempt, LoginAttempt.at == start) >= 3
    assert _count(server, IdempotencyRecord, old_records) >= 1  # the payment's (and the logins')
    assert _count(server, AuthSession) == 2  # one in use, one logged out

    server.clock.advance(23 * HOUR)  # not yet a day: nothing is old enough
    server.client(login=demo)
    assert _count(server, LoginAttempt, LoginAttempt.at == start) >= 3
    assert _count(server, IdempotencyRecord, old_records) >= 1

    server.clock.advance(2 * HOUR)  # a day and an hour after the first rows
    fresh = server.client(login=demo)
    assert _count(server, LoginAttempt, LoginAttempt.at == start) == 0
    assert _count(server, IdempotencyRecord, old_records) == 0
    assert _count(server, AuthSession, AuthSession.created_at == start) == 0
    assert fresh.me().name == demo.name  # what is in use stays
    assert _count(server, LoginAttempt, LoginAttempt.at == server.clock.now()) == 1


def test_pruning_keeps_a_session_in_use(server: Any) -> None:
    from annet_server import housekeeping
    from annet_server.models import AuthSession

    client, _number = _login(server)
    for _ in range(22):  # eleven hours of use, a call every 29 minutes
        server.clock.advance(dt.timedelta(minutes=29))
        client.me()
    housekeeping.prune(server.state, server.clock.now())
    assert _count(server, AuthSession) == 1
    assert client.me()
