"""Tests of annet_desktop.worker: priorities, cancel, stale replies, logout, the GUI-thread guard."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from annet_desktop.api import errors
from annet_desktop.worker import GuiThreadNetworkError, Priority, Worker


def _blocker(worker: Worker) -> tuple[threading.Event, threading.Event, Any]:
    started, release = threading.Event(), threading.Event()

    def block(_client: Any) -> str:
        started.set()
        release.wait(10)
        return "blocker"

    reply = worker.submit(block, priority=Priority.BACKGROUND)
    assert started.wait(10)
    return started, release, reply


def test_user_actions_run_before_background_refreshes(qtbot: Any, worker: Worker) -> None:
    order: list[str] = []
    _s, release, _r = _blocker(worker)
    replies = [
        worker.submit(lambda _c, n=n: order.append(n), priority=p)
        for n, p in (("bg1", Priority.BACKGROUND), ("bg2", Priority.BACKGROUND), ("user", Priority.USER))
    ]
    release.set()
    qtbot.waitUntil(lambda: all(r.done for r in replies), timeout=10000)
    assert order == ["user", "bg1", "bg2"]


def test_finished_and_failed_are_delivered(qtbot: Any, worker: Worker) -> None:
    ok = worker.submit(lambda _c, a, b: a + b, 2, 3)
    with qtbot.waitSignal(ok.finished, timeout=10000) as got:
        pass
    assert got.args == [5]

    def boom(_c: Any) -> None:
        raise errors.RuleViolation("Смена тарифа разрешена только один раз в месяц")

    bad = worker.submit(boom)
    with qtbot.waitSignal(bad.failed, timeout=10000) as failed:
        pass
    assert str(failed.args[0]) == "Смена тарифа разрешена только один раз в месяц"


def test_a_bug_in_a_job_becomes_an_api_error(qtbot: Any, worker: Worker) -> None:
    reply = worker.submit(lambda _c: 1 / 0)
    with qtbot.waitSignal(reply.failed, timeout=10000) as failed:
        pass
    assert isinstance(failed.args[0], errors.ApiError)
    assert "ZeroDivision" in failed.args[0].debug


def test_cancelled_job_never_runs_nor_answers(qtbot: Any, worker: Worker) -> None:
    ran: list[str] = []
    _s, release, _blocked = _blocker(worker)
    reply = worker.submit(lambda _c: ran.append("x"))
    delivered: list[Any] = []
    reply.finished.connect(delivered.append)
    reply.cancel()
    release.set()
    after = worker.submit(lambda _c: "after")
    qtbot.waitUntil(lambda: after.done, timeout=10000)
    assert ran == [] and delivered == [] and reply.cancelled


def test_newer_job_with_same_key_replaces_pending(qtbot: Any, worker: Worker) -> None:
    ran: list[int] = []
    _s, release, _b = _blocker(worker)
    first = worker.submit(lambda _c: ran.append(1), key=("balance", "1"))
    second = worker.submit(lambda _c: ran.append(2), key=("balance", "1"))
    release.set()
    qtbot.waitUntil(lambda: second.done, timeout=10000)
    assert ran == [2] and first.cancelled


def test_stale_reply_is_dropped(qtbot: Any, worker: Worker) -> None:
    worker.set_current("account", "100001")
    started, release = threading.Event(), threading.Event()

    def slow(_c: Any) -> str:
        started.set()
        release.wait(10)
        return "balance of 100001"

    reply = worker.submit(slow, context=("account", "100001"))
    delivered: list[Any] = []
    reply.finished.connect(delivered.append)
    reply.failed.connect(delivered.append)
    assert started.wait(10)
    with qtbot.waitSignal(worker.replyDropped, timeout=10000):
        worker.set_current("account", "100002")  # the user switched accounts meanwhile
    release.set()  # the old answer arrives now and must not be delivered
    fresh = worker.submit(lambda _c: "balance of 100002", context=("account", "100002"))
    with qtbot.waitSignal(fresh.finished, timeout=10000):
        pass
    assert delivered == [] and reply.dropped


def test_pending_job_of_an_old_context_is_not_even_run(qtbot: Any, worker: Worker) -> None:
    worker.set_current("calls", ("1", 2026, 10))
    ran: list[str] = []
    _s, release, _b = _blocker(worker)
    old = worker.submit(lambda _c: ran.append("old"), context=("calls", ("1", 2026, 10)))
    worker.set_current("calls", ("1", 2026, 11))
    release.set()
    new = worker.submit(lambda _c: ran.append("new"), context=("calls", ("1", 2026, 11)))
    qtbot.waitUntil(lambda: new.done, timeout=10000)
    assert ran == ["new"] and old.dropped


def test_logout_cancels_pending_and_drops_running(qtbot: Any, worker: Worker) -> None:
    _s, release, running = _blocker(worker)
    pending = worker.submit(lambda _c: "pending")
    delivered: list[Any] = []
    for r in (running, pending):
        r.finished.connect(delivered.append)
        r.failed.connect(delivered.append)
    worker.reset_session()
    release.set()
    after = worker.submit(lambda _c: "after logout")
    with qtbot.waitSignal(after.finished, timeout=10000):
        pass
    assert delivered == []
    assert not worker.busy


def test_busy_signal(qtbot: Any, worker: Worker) -> None:
    with qtbot.waitSignal(worker.busyChanged, check_params_cb=lambda b: b is True, timeout=10000):
        _s, release, reply = _blocker(worker)
    assert worker.busy
    with qtbot.waitSignal(worker.busyChanged, check_params_cb=lambda b: b is False, timeout=10000):
        release.set()
    assert reply.done


def test_gui_thread_never_calls_the_network(qtbot: Any, worker: Worker) -> None:
    reply = worker.submit(lambda client: client)
    with qtbot.waitSignal(reply.finished, timeout=10000) as got:
        pass
    client = got.args[0]
    assert client is worker.client
    with pytest.raises(GuiThreadNetworkError):
        client.me()
    # the same call from the API thread goes to the network (and finds nobody on port 9)
    remote = worker.submit(lambda c: c.me())
    with qtbot.waitSignal(remote.failed, timeout=20000) as failed:
        pass
    assert isinstance(failed.args[0], errors.NetworkError)


def test_session_expired_is_held_and_repeated_after_relogin(qtbot: Any, worker: Worker) -> None:
    calls: list[int] = []

    def needs_session(_c: Any) -> str:
        calls.append(1)
        if len(calls) == 1:
            raise errors.SessionExpired()
        return "data"

    with qtbot.waitSignal(worker.reloginRequired, timeout=10000):
        reply = worker.submit(needs_session)
    assert not reply.done and worker.waiting_for_relogin
    with qtbot.waitSignal(reply.finished, timeout=10000) as got:
        worker.resume_after_relogin()
    assert got.args == ["data"] and len(calls) == 2


def test_giving_up_relogin_fails_held_jobs(qtbot: Any, worker: Worker) -> None:
    def expired(_c: Any) -> None:
        raise errors.SessionExpired()

    with qtbot.waitSignal(worker.reloginRequired, timeout=10000):
        reply = worker.submit(expired)
    with qtbot.waitSignal(reply.failed, timeout=10000) as failed:
        worker.abandon_held()
    assert isinstance(failed.args[0], errors.SessionExpired)


WARM_UP_SCRIPT = r"""
import sys, threading
imported_in = {}
started = threading.Event()
def hook(event, args):
    if event == "import" and args[0] == "annet_desktop.api.client":
        main = threading.current_thread() is threading.main_thread()
        imported_in.setdefault("thread", "gui" if main else "other")
        started.set()
sys.addaudithook(hook)
from PySide6.QtCore import QCoreApplication
app = QCoreApplication([])
from annet_desktop.worker import Worker
worker = Worker("https://cabinet.example.ru")
assert "requests" not in sys.modules and "annet_desktop.api.client" not in sys.modules
worker.warm_up()
started.wait(60)
worker.stop()  # waits for the API thread, so the import has finished
print(imported_in.get("thread"), "requests" in sys.modules)
"""


def test_warm_up_loads_the_api_package_in_the_api_thread(tmp_path: Any) -> None:
    """After the first paint the API thread imports requests and pydantic, so the login does not wait."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", WARM_UP_SCRIPT], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    thread, requests_loaded = done.stdout.split()
    assert thread == "other" and requests_loaded == "True"  # not the GUI thread (the API QThread)
