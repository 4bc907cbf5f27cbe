"""The embedded server: a free port, ready when it returns, stopped cleanly; the demo in a temp folder."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
import requests

from annet_desktop.api import errors


def test_the_server_fixture_runs_on_loopback_with_a_free_port(server: Any) -> None:
    assert server.url.startswith("http://127.0.0.1:")
    assert server.running.port > 0
    assert requests.get(f"{server.url}/api/v1/openapi.json", timeout=5).status_code == 200


def test_two_servers_side_by_side_and_stop_frees_the_port(server: Any) -> None:
    from annet_server.embedded import start_server

    second = start_server(server.db_url, server.clock)
    try:
        assert second.port != server.running.port
        demo = server.accounts[0]
        client = server.client()
        client.base_url = second.url
        assert client.login(demo.account, demo.password).token
    finally:
        second.stop()
    second.stop()  # a second stop is harmless
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{second.url}/api/v1/openapi.json", timeout=5)
    client = server.client(retries=1)
    client.base_url = second.url
    with pytest.raises(errors.NetworkError):
        client.me()


@pytest.mark.slow
def test_start_demo_seeds_a_temporary_database_and_removes_it() -> None:
    from annet_desktop.api.client import CabinetClient
    from annet_server.embedded import start_demo
    from annet_server.seed import BIG_CALLS, demo_accounts

    running = start_demo()
    folder = Path(running.database_url.removeprefix("sqlite:///")).parent
    try:
        assert folder.exists()
        assert running.state.sandbox and running.state.public_url == running.url  # the demo pays in it
        demo = demo_accounts()[0]
        client = CabinetClient(running.url)
        try:
            client.login(demo.account, demo.password)
            assert client.me().name == demo.name
        finally:
            client.close()
        # the business line's 100,000 calls go in behind the login; the calls endpoint waits for them
        business = next(a for a in demo_accounts() if "business-100k" in a.cases)
        client = CabinetClient(running.url)
        try:
            client.login(business.account, business.password)
            today = running.clock.now().date()
            page = client.calls(business.account, today.year, today.month, limit=10)
            assert page.total == BIG_CALLS
            assert running.state.calls_ready.is_set()
        finally:
            client.close()
    finally:
        running.stop()
    assert not folder.exists()


def test_the_calls_endpoint_waits_while_calls_are_being_added(server: Any) -> None:
    """The demo's gate: a calls request made while calls go in is answered once they are in."""
    demo = server.by_case("telephony")
    client = server.client(login=demo)
    today = server.clock.now().date()
    ready = server.state.calls_ready
    ready.clear()
    answers: list[Any] = []
    asking = threading.Thread(
        target=lambda: answers.append(client.calls(demo.account, today.year, today.month, limit=5))
    )
    try:
        asking.start()
        asking.join(0.5)
        assert asking.is_alive() and not answers  # held at the gate
    finally:
        ready.set()
    asking.join(30)
    assert not asking.is_alive() and answers and answers[0].total > 0
