"""A request marked ``X-Annet-Background: 1`` is not activity: it never keeps an idle session alive.

Issue 14.5: the app's timed refresh runs while nobody is at the computer; the 30-minute idle end
(R-LOGIN-4, annet_server/auth.py) must still come 30 minutes after the subscriber's last own call.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import requests

from annet_contract.schema import API_PREFIX, BACKGROUND_HEADER
from annet_desktop.api import errors

MINUTE = dt.timedelta(minutes=1)
SECOND = dt.timedelta(seconds=1)


def test_a_background_call_at_29_minutes_does_not_put_off_the_idle_end(server: Any) -> None:
    client = server.client(login=server.accounts[0])
    server.clock.advance(29 * MINUTE)
    with client.marked_background():
        client.me()  # answered: the session is still alive at 29 minutes
        client.forecast(server.accounts[0].account)
    server.clock.advance(MINUTE)  # 30 minutes after the last own call
    with pytest.raises(errors.SessionExpired):
        client.me()


def test_an_unmarked_call_at_29_minutes_keeps_the_session(server: Any) -> None:
    """The same history without the mark: the call at 29 minutes counts (the rule's other side)."""
    client = server.client(login=server.accounts[0])
    server.clock.advance(29 * MINUTE)
    client.me()
    server.clock.advance(MINUTE)
    client.me()  # 1 minute after the last own call: alive


def test_a_background_call_after_the_idle_end_meets_the_expired_session(server: Any) -> None:
    client = server.client(login=server.accounts[0])
    server.clock.advance(30 * MINUTE)
    with client.marked_background(), pytest.raises(errors.SessionExpired):
        client.me()


def test_only_the_value_1_marks_a_request(server: Any) -> None:
    """Any other value counts as activity (a typo never silently ends sessions)."""
    demo = server.accounts[0]
    client = server.client(login=demo)
    server.clock.advance(29 * MINUTE)
    headers = {"Authorization": f"Bearer {client.token}", BACKGROUND_HEADER: "yes"}
    assert requests.get(f"{server.url}{API_PREFIX}/me", headers=headers, timeout=10).status_code == 200
    server.clock.advance(MINUTE + SECOND)
    client.me()  # the «yes» call counted


def test_the_client_marks_only_inside_the_block(server: Any) -> None:
    client = server.client(login=server.accounts[0])
    assert BACKGROUND_HEADER not in client._headers(None)
    with client.marked_background():
        assert client._headers(None)[BACKGROUND_HEADER] == "1"
    assert BACKGROUND_HEADER not in client._headers(None)
