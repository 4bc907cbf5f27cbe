"""Tests of annet_desktop.background: answers reach their receiver only while it lives, and only
while the user still wants them (API replies and plain background jobs alike)."""

from __future__ import annotations

import threading
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel

from annet_desktop import background
from annet_desktop.worker import Priority, Worker


def _held_job(worker: Worker, **kwargs: Any) -> tuple[threading.Event, Any]:
    """A job running in the API thread until ``release`` is set; returns (release, reply)."""
    started, release = threading.Event(), threading.Event()

    def block(_client: Any) -> str:
        started.set()
        release.wait(30)
        return "answer"

    reply = worker.submit(block, priority=Priority.USER, **kwargs)
    assert started.wait(30)
    return release, reply


def test_a_reply_whose_receiver_widget_was_deleted_is_never_delivered(qtbot: Any, worker: Worker) -> None:
    release, reply = _held_job(worker)
    gone, kept = QLabel(), QLabel()
    got: list[str] = []
    reply.then(gone, lambda text: (gone.setText(text), got.append("gone")))  # would touch a dead widget
    reply.then(kept, lambda text: (kept.setText(text), got.append("kept")))
    shiboken6.delete(gone)  # the window was closed while the request ran
    release.set()
    qtbot.waitUntil(lambda: got != [], timeout=30_000)
    qtbot.wait(0)  # let any other queued delivery run
    assert got == ["kept"] and kept.text() == "answer"
    kept.deleteLater()


def test_a_stale_reply_of_a_running_job_is_not_delivered_after_the_user_moved_on(
    qtbot: Any, worker: Worker
) -> None:
    receiver = QObject()
    worker.set_current("calls", ("100004", 2026, 10))
    release, stale = _held_job(worker, context=("calls", ("100004", 2026, 10)))
    got: list[str] = []
    stale.then(receiver, lambda result: got.append(f"october: {result}"))
    worker.set_current("calls", ("100004", 2026, 11))  # the user picked November meanwhile
    fresh = worker.submit(lambda _c: "november", context=("calls", ("100004", 2026, 11)))
    fresh.then(receiver, lambda result: got.append(result))
    release.set()  # the October job ends now, after the user moved on
    qtbot.waitUntil(lambda: got != [], timeout=30_000)
    qtbot.wait(0)
    assert got == ["november"]
    assert stale.dropped and not stale.cancelled


def test_a_discarded_delivery_never_runs(qtbot: Any, worker: Worker) -> None:
    receiver = QObject()
    release, reply = _held_job(worker)
    got: list[Any] = []
    delivery = reply.then(receiver, got.append)
    control = worker.submit(lambda _c: "after")
    control.then(receiver, got.append)
    delivery.discard()
    release.set()
    qtbot.waitUntil(lambda: got != [], timeout=30_000)
    assert got == ["after"] and reply.done


def test_a_background_job_answers_in_the_gui_thread_with_progress(qtbot: Any) -> None:
    receiver = QObject()
    seen: list[Any] = []
    main = threading.current_thread()

    def work(job_box: list[Any]) -> str:
        job = job_box[0]
        for step in (1, 2, 3):
            job.progress(step)
        return threading.current_thread().name

    box: list[Any] = []
    job = background.BackgroundJob("annet-test-job", wait_on_quit=False)
    box.append(job)
    background.start_job(
        job,
        lambda: work(box),
        receiver,
        lambda name: seen.append(("done", name, threading.current_thread() is main)),
        on_progress=lambda n: seen.append(n),
    )
    qtbot.waitUntil(lambda: bool(seen) and seen[-1][0] == "done", timeout=30_000)
    assert seen == [1, 2, 3, ("done", "annet-test-job", True)]
    assert job.wait(30) and not job.running


def test_a_background_job_whose_receiver_is_gone_is_not_delivered(qtbot: Any) -> None:
    gone, kept = QLabel(), QObject()
    release = threading.Event()
    got: list[str] = []
    first = background.run_in_background(
        release.wait, 30, receiver=gone, on_done=lambda _r: (gone.setText("x"), got.append("gone"))
    )
    shiboken6.delete(gone)
    release.set()
    assert first.wait(30)
    background.run_in_background(lambda: "kept", receiver=kept, on_done=got.append)
    qtbot.waitUntil(lambda: got != [], timeout=30_000)
    qtbot.wait(0)
    assert got == ["kept"]


def test_a_failing_background_job_goes_to_on_failed(qtbot: Any) -> None:
    receiver = QObject()
    failures: list[BaseException] = []

    def broken() -> None:
        raise OSError(28, "No space left on device")

    background.run_in_background(
        broken, receiver=receiver, on_done=lambda _r: pytest.fail("no result"), on_failed=failures.append
    )
    qtbot.waitUntil(lambda: failures != [], timeout=30_000)
    assert isinstance(failures[0], OSError) and failures[0].errno == 28


def test_quitting_cancels_and_waits_for_jobs_that_must_not_be_cut_off(qtbot: Any) -> None:
    receiver = QObject()
    started = threading.Event()
    outcome: list[str] = []

    def until_cancelled(job_box: list[Any]) -> str:
        started.set()
        job_box[0]._cancel.wait(30)  # works until cancelled
        return "cancelled" if job_box[0].is_cancelled() else "not cancelled"

    box: list[Any] = []
    job = background.BackgroundJob("annet-test-export", wait_on_quit=True)
    box.append(job)
    background.start_job(job, lambda: until_cancelled(box), receiver, outcome.append)
    assert started.wait(30)
    background.stop_all()  # what QCoreApplication.aboutToQuit runs
    assert not job.running
    qtbot.waitUntil(lambda: outcome == ["cancelled"], timeout=30_000)
