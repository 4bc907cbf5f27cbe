"""The monthly catch-up (charges on the 1st, the block from the 11th, credit ends) runs once per request.

Once at most: when nothing is due it does not run per account at all (tests/api/test_api_catch_up_reads.py).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from annet_server.billing import catchup


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every per-account catch-up run, by account number, while the test lasts."""
    seen: list[str] = []
    real = catchup._catch_up_account

    def counted(db: Any, acc: Any, now: dt.datetime) -> None:
        seen.append(acc.number)
        real(db, acc, now)

    monkeypatch.setattr(catchup, "_catch_up_account", counted)
    return seen


def test_each_request_catches_up_each_account_once(server: Any, raw: Any, runs: list[str]) -> None:
    demo = server.accounts[0]
    server.clock.advance(dt.timedelta(days=20))  # over a 1st: the catch-up has charges to write
    credentials = {"account": demo.account, "password": demo.password}
    token = raw("POST", "/session", json=credentials).json()["token"]
    accounts = [a["number"] for a in raw("GET", "/me", token=token).json()["accounts"]]
    requests = [
        ("GET", f"/accounts/{demo.account}", None),
        ("GET", f"/accounts/{demo.account}/services", None),
        ("GET", f"/accounts/{demo.account}/balance-history", None),
        ("POST", f"/accounts/{demo.account}/payments", {"amount": "10.00"}),
    ]
    for method, path, body in requests:
        # a month on (a new login): a charge is due on every account, so each request
        # catches up; with nothing due it would not run at all (test_api_catch_up_reads.py)
        server.clock.advance(dt.timedelta(days=31))
        token = raw("POST", "/session", json=credentials).json()["token"]
        runs.clear()
        answer = raw(method, path, token=token, json=body)
        assert answer.status_code < 400, answer.text
        assert sorted(runs) == sorted(accounts), f"{method} {path}: catch-up ran for {runs}"

