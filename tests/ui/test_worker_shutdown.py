"""Issue 13 (2): closing the app while a request hangs on a slow server — the real app in its own
process (tests/ui/close_mid_request.py) against the scripted fault server.

It used to freeze 10 s and then abort (SIGABRT: a running QThread destroyed), with a core dump
holding the password. Now shutdown cuts the request in flight short, the process exits with 0,
and it is not dumpable (RLIMIT_CORE 0; on Linux PR_SET_DUMPABLE 0).
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))  # the fault server of tests/api

from faultserver import FaultServer, Reply

DRIVER = Path(__file__).resolve().parent / "close_mid_request.py"
PASSWORD = "Pa55-word-in-memory"
ME = {
    "name": "Иванов Иван",
    "accounts": [{"number": "100001", "kind": "internet", "title": "Интернет", "has_telephony": False}],
}
SESSION = {"token": "t0ken-of-the-session", "expires_at": "2026-12-31T20:00:00+03:00", "idle_timeout_s": 1800}
#: the safety net only: a healthy run ends in seconds
SAFETY_NET_S = 90


@pytest.fixture
def slow_server() -> Iterator[FaultServer]:
    """Answers the login and /me, then holds every request for two minutes."""
    server = FaultServer()
    server.answer(Reply(201, json.dumps(SESSION).encode()), Reply(200, json.dumps(ME).encode()))
    server.default = Reply(action="hang", hold=120)
    try:
        yield server
    finally:
        server.close()


def _lines(stream: Any) -> queue.Queue[str]:
    """The child's stdout lines, read in a thread (a read never blocks the test forever)."""
    lines: queue.Queue[str] = queue.Queue()

    def read() -> None:
        for line in stream:
            lines.put(line.strip())
        lines.put("")

    threading.Thread(target=read, daemon=True).start()
    return lines


def _core_limit(pid: int) -> str:
    for line in Path(f"/proc/{pid}/limits").read_text().splitlines():
        if line.startswith("Max core file size"):
            return " ".join(line.split()[4:6])
    raise AssertionError("no core limit line")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc and prctl (Linux)")
def test_closing_the_app_mid_request_exits_cleanly_and_never_dumps(
    slow_server: FaultServer, tmp_path: Path
) -> None:
    close_file = tmp_path / "close-now"
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path / "home"),
        ANNET_DESKTOP_CONFIG_DIR=str(tmp_path / "config"),
        ANNET_DESKTOP_CACHE_DIR=str(tmp_path / "cache"),
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        PYTHONFAULTHANDLER="1",
    )
    (tmp_path / "home").mkdir(exist_ok=True)
    with subprocess.Popen(
        [sys.executable, str(DRIVER), slow_server.url, "100001", PASSWORD, str(close_file)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as child:
        try:
            lines = _lines(child.stdout)
            first = lines.get(timeout=SAFETY_NET_S)
            if first == "":  # stdout closed before the first word: the app died; say why
                code = child.wait(timeout=SAFETY_NET_S)
                pytest.fail(f"the app exited with {code}: {child.stderr.read() if child.stderr else ''}")
            assert first == "ANNET_DUMPABLE 0"
            assert slow_server.hanging.wait(SAFETY_NET_S)  # logged in; the cabinet's loads hang
            assert _core_limit(child.pid) == "0 0"  # soft and hard: not even the app may raise it
            close_file.touch()
            assert lines.get(timeout=SAFETY_NET_S) == "ANNET_CLOSING"
            code = child.wait(timeout=SAFETY_NET_S)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
        stderr = child.stderr.read() if child.stderr else ""
    assert code == 0, stderr
    assert "QThread: Destroyed while thread is still running" not in stderr
    assert "did not stop in time" not in stderr
    assert PASSWORD not in stderr
    methods = [(method, path) for method, path, _h in slow_server.requests]
    assert ("POST", "/api/v1/session") in methods and ("DELETE", "/api/v1/session") in methods
