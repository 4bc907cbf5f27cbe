"""Issue 13 (2, 3): the worker with the real client against the scripted fault server — a user
action never waits behind a slow background read, and stopping cuts the request in flight short."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))  # the fault server of tests/api

from faultserver import FaultServer, Reply, fault_server

from annet_desktop.worker import Priority, Worker

ME = {
    "name": "Иванов Иван",
    "accounts": [{"number": "1", "kind": "internet", "title": "Интернет", "has_telephony": False}],
}


__all__ = ["fault_server"]  # the fixture of tests/api/faultserver.py


@pytest.fixture
def net_worker(qapp: Any, fault_server: FaultServer) -> Iterator[Worker]:
    """A worker whose client talks to the fault server (deadlines long: they must not be what helps)."""
    from annet_desktop.api.client import CabinetClient

    def client(base_url: str, language: str) -> CabinetClient:
        return CabinetClient(base_url, language=language, deadline=120.0, timeout=(5.0, 120.0), backoff=0.0)

    worker = Worker(fault_server.url, client_factory=client)
    try:
        yield worker
    finally:
        worker.stop()


def _me(client: Any) -> Any:
    return client.me()


def _credit(client: Any) -> int:
    return int(client.request("POST", "/accounts/1/credit").status_code)


def test_a_user_action_is_not_stuck_behind_a_background_read(
    qtbot: Any, net_worker: Worker, fault_server: FaultServer
) -> None:
    """The background GET is cut short, the user's request goes first, then the GET runs again
    with the same reply (the caller never sees the interruption)."""
    me = Reply(200, json.dumps(ME).encode())
    fault_server.answer(Reply(action="hang", hold=120), Reply(200, b"{}"), me)
    background = net_worker.submit(_me, priority=Priority.BACKGROUND, key="me")
    failures: list[Any] = []
    background.failed.connect(failures.append)
    assert fault_server.hanging.wait(30)
    user = net_worker.submit(_credit, priority=Priority.USER)
    with qtbot.waitSignal(user.finished, timeout=20000) as got:
        pass
    assert got.args == [200]
    with qtbot.waitSignal(background.finished, timeout=20000) as again:
        pass
    assert again.args[0].name == "Иванов Иван" and failures == []
    assert [(m, p) for m, p, _h in fault_server.requests] == [
        ("GET", "/api/v1/me"),
        ("POST", "/api/v1/accounts/1/credit"),
        ("GET", "/api/v1/me"),
    ]


def test_a_user_action_waits_for_a_user_read(
    qtbot: Any, net_worker: Worker, fault_server: FaultServer
) -> None:
    """Only background reads give way: a user's own read in flight is not cut for another action
    (here the server drops it after a second; the retry is answered, then the second action goes)."""
    fault_server.answer(Reply(action="hang", hold=1), Reply(200, json.dumps(ME).encode()), Reply(200, b"{}"))
    first = net_worker.submit(_me, priority=Priority.USER)
    assert fault_server.hanging.wait(30)
    second = net_worker.submit(_credit, priority=Priority.USER)
    with qtbot.waitSignal(second.finished, timeout=20000):
        pass
    assert first.done and not first.cancelled
    assert [(m, p) for m, p, _h in fault_server.requests] == [
        ("GET", "/api/v1/me"),
        ("GET", "/api/v1/me"),
        ("POST", "/api/v1/accounts/1/credit"),
    ]


@pytest.mark.parametrize("priority", [Priority.BACKGROUND, Priority.USER])
def test_stop_cuts_the_request_in_flight_short(
    qtbot: Any, net_worker: Worker, fault_server: FaultServer, priority: Priority
) -> None:
    """Closing the app: the API thread ends at once instead of waiting for a slow server (it waited
    10 s, then the still-running QThread was destroyed: SIGABRT)."""
    job = _me if priority is Priority.BACKGROUND else _credit
    fault_server.answer(Reply(action="hang", hold=120))
    net_worker.submit(job, priority=priority)
    assert fault_server.hanging.wait(30)
    net_worker.stop(timeout_ms=20000)
    assert net_worker._thread.isFinished()
