"""Issue 13 (3, 4): every call has a total deadline, can be cut short from another thread, follows
no redirect and reads no more than a capped body — against the scripted fault server."""

from __future__ import annotations

import gzip
import json
import threading
import tracemalloc
from collections.abc import Iterator
from typing import Any

import pytest
from faultserver import FaultServer, Reply

from annet_desktop.api import errors
from annet_desktop.api.client import DEFAULT_DEADLINE, CabinetClient
from annet_desktop.api.transport import MAX_BODY

ME = {
    "name": "Иванов Иван",
    "accounts": [{"number": "1", "kind": "internet", "title": "Интернет", "has_telephony": False}],
}
SESSION = {"token": "t0ken", "expires_at": "2026-11-16T20:00:00+03:00", "idle_timeout_s": 1800}


def _json(payload: Any) -> bytes:
    return json.dumps(payload, ensure_ascii=False).encode()


@pytest.fixture
def elsewhere() -> Iterator[FaultServer]:
    """A second server: where a redirect would lead."""
    server = FaultServer()
    try:
        yield server
    finally:
        server.close()


def _client(server: FaultServer, **kwargs: Any) -> CabinetClient:
    kwargs.setdefault("backoff", 0.0)
    client = CabinetClient(server.url, **kwargs)
    client.token = "test-token"
    return client


def _failure(client: CabinetClient, call: Any) -> errors.ApiError:
    """The ApiError that ``call(client)`` raises (the client is closed after)."""
    try:
        with pytest.raises(errors.ApiError) as caught:
            call(client)
    finally:
        client.close()
    return caught.value


def test_the_default_deadline_is_fifteen_seconds_in_all() -> None:
    assert DEFAULT_DEADLINE <= 15.0


def test_a_get_that_never_answers_fails_at_its_deadline_once(fault_server: FaultServer) -> None:
    """Per-read timeouts longer than the deadline: the deadline ends the call, and no retry follows."""
    fault_server.answer(Reply(action="hang", hold=60), Reply(action="hang", hold=60))
    error = _failure(_client(fault_server, deadline=1.0, timeout=(5.0, 30.0)), CabinetClient.me)
    assert type(error) is errors.NetworkError and error.debug.endswith("deadline")
    assert str(error) == errors.NetworkError.default_message
    assert fault_server.hit_count("/api/v1/me") == 1


def test_a_trickling_answer_is_cut_at_the_deadline(fault_server: FaultServer) -> None:
    """A byte every 50 ms never trips a 0.5 s read timeout; the total deadline still ends the call
    long before the body is through (the server counts what it got out before the client hung up)."""
    body = _json(ME) + b" " * 400  # valid JSON: 28 s at this pace
    fault_server.answer(Reply(200, body, action="trickle", interval=0.05))
    error = _failure(_client(fault_server, deadline=1.0, timeout=(2.0, 0.5)), CabinetClient.me)
    assert type(error) is errors.NetworkError and error.debug.endswith("deadline")
    assert fault_server.trickle_over.wait(30)
    assert fault_server.trickled[0] < len(body)
    assert fault_server.hit_count("/api/v1/me") == 1  # cut on purpose: not tried again


def _when_hanging(server: FaultServer, action: Any) -> threading.Thread:
    """Run ``action()`` in a thread once the server holds a request."""

    def run() -> None:
        if server.hanging.wait(30):
            action()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def test_interrupt_cuts_the_read_in_flight_and_later_reads_until_resumed(fault_server: FaultServer) -> None:
    client = _client(fault_server, deadline=60.0, timeout=(5.0, 60.0))
    fault_server.answer(Reply(action="hang", hold=60))
    try:
        thread = _when_hanging(fault_server, client.interrupt)
        with pytest.raises(errors.Interrupted):
            client.me()
        thread.join(30)
        with pytest.raises(errors.Interrupted):
            client.me()  # still interrupted: not even sent
        assert fault_server.hit_count("/api/v1/me") == 1
        fault_server.answer(Reply(200, _json({"credit": "100.00"})))
        with pytest.raises(errors.ApiError) as caught:
            client.take_credit("1")  # a change is not a read: it is sent
        assert not isinstance(caught.value, errors.Interrupted)
        client.resume()
        fault_server.answer(Reply(200, _json(ME)))
        assert client.me().name == "Иванов Иван"
    finally:
        client.close()


def test_abort_cuts_the_request_in_flight_and_every_later_one(fault_server: FaultServer) -> None:
    client = _client(fault_server, deadline=60.0, timeout=(5.0, 60.0))
    fault_server.answer(Reply(action="hang", hold=60))
    try:
        thread = _when_hanging(fault_server, client.abort)
        with pytest.raises(errors.NetworkError) as caught:
            client.take_credit("1")
        thread.join(30)
        assert caught.value.debug.endswith("aborted")
        with pytest.raises(errors.NetworkError):
            client.me()
    finally:
        client.close()
    assert fault_server.hit_count("/api/v1/me") == 0


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirect_is_never_followed(fault_server: FaultServer, elsewhere: FaultServer, status: int) -> None:
    """A 307 would re-send the login (account and password) to wherever the server points."""
    fault_server.answer(Reply(status, b"", headers={"Location": f"{elsewhere.url}/api/v1/session"}))
    elsewhere.answer(Reply(201, _json(SESSION)))
    client = CabinetClient(fault_server.url, backoff=0.0)
    try:
        with pytest.raises(errors.BadResponse) as caught:
            client.login("100001", "pa55word")
    finally:
        client.close()
    assert "redirect" in caught.value.debug and caught.value.status == status
    assert str(caught.value) == errors.BadResponse.default_message
    assert elsewhere.requests == [] and client.token is None


def test_a_redirected_get_is_a_bad_response(fault_server: FaultServer, elsewhere: FaultServer) -> None:
    fault_server.answer(Reply(302, b"", headers={"Location": f"{elsewhere.url}/api/v1/me"}))
    elsewhere.answer(Reply(200, _json(ME)))
    assert type(_failure(_client(fault_server), CabinetClient.me)) is errors.BadResponse
    assert elsewhere.requests == []


def test_a_gzip_bomb_is_refused_without_blowing_memory(fault_server: FaultServer) -> None:
    """64 MB of JSON whitespace gzip to 64 KB; read whole it would take 64 MB and more."""
    inflated = 4 * MAX_BODY
    bomb = gzip.compress(b"{" + b" " * inflated + b"}", compresslevel=9)
    fault_server.answer(Reply(200, bomb, headers={"Content-Encoding": "gzip"}))
    client = _client(fault_server)
    tracemalloc.start()
    try:
        with pytest.raises(errors.BadResponse) as caught:
            client.me()
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        client.close()
    assert "larger" in caught.value.debug
    assert peak < 2 * MAX_BODY < inflated
    assert fault_server.hit_count("/api/v1/me") == 1  # too large is not tried again


def test_an_answer_announced_larger_than_the_cap_is_not_read(fault_server: FaultServer) -> None:
    fault_server.answer(Reply(200, _json(ME) + b" " * 2000))
    error = _failure(_client(fault_server, max_body=1000), CabinetClient.me)
    assert type(error) is errors.BadResponse and "larger" in error.debug


def test_an_answer_at_the_cap_is_read(fault_server: FaultServer) -> None:
    body = _json(ME)
    body += b" " * (1000 - len(body))
    client = _client(fault_server, max_body=1000)
    fault_server.answer(Reply(200, body, action="gzip"), Reply(200, body + b" ", action="gzip"))
    try:
        assert client.me().name == "Иванов Иван"
        with pytest.raises(errors.BadResponse):
            client.me()  # one byte more (and no Content-Length of the decompressed size to go by)
    finally:
        client.close()


def test_no_password_or_token_in_the_logs(
    fault_server: FaultServer, caplog: pytest.LogCaptureFixture
) -> None:
    """Every logger at DEBUG (ours, requests', urllib3's) through a login, a failure and a timeout."""
    caplog.set_level("DEBUG")
    fault_server.answer(
        Reply(201, _json(SESSION)),
        Reply(500, b"Traceback: pa55word t0ken", "text/plain"),
        Reply(action="hang", hold=60),
    )
    client = CabinetClient(fault_server.url, backoff=0.0, deadline=1.0)
    try:
        client.login("100001", "pa55word")
        with pytest.raises(errors.ServerError) as server_error:
            client.me()
        with pytest.raises(errors.NetworkError) as timeout:
            client.me()
    finally:
        client.close()
    shown = [str(server_error.value), server_error.value.debug, str(timeout.value), timeout.value.debug]
    logged = [record.getMessage() for record in caplog.records] + caplog.text.splitlines()
    assert logged  # the loggers did speak
    for text in shown + logged:
        assert "pa55word" not in text and "t0ken" not in text
