"""Work off the GUI thread, answered in the GUI thread only while the object that asked still lives.

Two kinds of work leave the GUI thread: Cabinet API calls (the one API thread,
:mod:`annet_desktop.worker`) and everything else — writing an export file, loading keyring,
waiting for the demo server's process — which :func:`run_in_background` runs in a plain thread of its own.
Both hand their answer back the same way, through :func:`deliver`: the callbacks are held by a
small :class:`Delivery` object made a *child of the receiver* (the widget or object that asked),
and the answer travels to it by a queued signal. When the receiver is deleted — the user closed
the window, logged out, the tab went away — its children go with it and Qt drops the queued
answer: no callback ever runs on a deleted widget (ARCHITECTURE, Known traps; the crash of this
family once fixed in the login window). :meth:`Delivery.discard` drops an answer on purpose (the
user moved on before it came).

A thread started here touches no Qt object but the job's own signal emitter (signals may be
emitted from any thread). Jobs started with ``wait_on_quit=True`` (an export writing a file) are
cancelled and waited for when the application quits (:func:`stop_all`), so none is cut off
halfway and none leaves a partial file; the others (a keyring look-up, the wait for the demo server)
are daemon threads the process does not wait for.

This module loads before the login window paints: QtCore and the standard library only.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

log = logging.getLogger(__name__)

Callback = Callable[[Any], None]


class Delivery(QObject):
    """Carries one answer to its callbacks; a child of the receiver, so it dies with it.

    At most one of ``on_done`` / ``on_failed`` runs, once; ``on_progress`` any number of times
    before. After the answer (or :meth:`discard`) the delivery deletes itself.
    """

    def __init__(
        self,
        receiver: QObject,
        on_done: Callback,
        on_failed: Callback | None = None,
        on_progress: Callable[[int], None] | None = None,
    ) -> None:
        super().__init__(receiver)
        self._on_done: Callback | None = on_done
        self._on_failed = on_failed
        self._on_progress = on_progress

    @property
    def pending(self) -> bool:
        """No answer delivered or discarded yet."""
        return self._on_done is not None

    def discard(self) -> None:
        """Never deliver the answer (nor any more progress) of this job."""
        if self._on_done is not None:
            self._on_done = self._on_failed = self._on_progress = None
            if shiboken6.isValid(self):  # else it went with its receiver already
                self.deleteLater()

    @Slot(object)
    def done(self, result: Any) -> None:
        callback = self._on_done
        self.discard()
        if callback is not None:
            callback(result)

    @Slot(object)
    def failed(self, error: Any) -> None:
        callback, pending = self._on_failed, self.pending
        self.discard()
        if callback is not None and pending:
            callback(error)

    @Slot(int)
    def progressed(self, value: int) -> None:
        if self._on_progress is not None:
            self._on_progress(value)


def deliver(
    receiver: QObject,
    finished: Any,
    failed: Any,
    on_done: Callback,
    on_failed: Callback | None = None,
    progressed: Any = None,
    on_progress: Callable[[int], None] | None = None,
) -> Delivery:
    """Connect a job's ``finished``/``failed`` (and ``progressed``) signals to callbacks that run
    only while ``receiver`` lives; returns the :class:`Delivery` (``discard()`` to drop the answer)."""
    delivery = Delivery(receiver, on_done, on_failed, on_progress)
    finished.connect(delivery.done)
    failed.connect(delivery.failed)
    if progressed is not None:
        progressed.connect(delivery.progressed)
    return delivery


class _Emitter(QObject):
    """The signals a background thread emits (the object itself lives in the GUI thread)."""

    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(int)


class BackgroundJob:
    """One call of ``fn`` in a thread of its own; see :func:`run_in_background`."""

    def __init__(self, name: str, wait_on_quit: bool) -> None:
        self.name = name
        self.wait_on_quit = wait_on_quit
        self._cancel = threading.Event()
        self._ended = threading.Event()
        # parented to the application: the C++ object is deleted in the GUI thread (deleteLater
        # once the thread is done), never by the last Python reference going in the job's thread
        self._emitter = _Emitter(QCoreApplication.instance())
        self._thread: threading.Thread | None = None
        self.delivery: Delivery | None = None

    # -- for the function running in the thread
    def progress(self, value: int) -> None:
        """Report progress (from the job's thread); delivered to ``on_progress`` in the GUI thread."""
        self._emitter.progressed.emit(int(value))

    def is_cancelled(self) -> bool:
        """Has :meth:`cancel` been called (the function should stop and clean up)."""
        return self._cancel.is_set()

    # -- for the GUI thread
    def cancel(self) -> None:
        """Ask the function to stop (it looks at :meth:`is_cancelled`); its answer still comes."""
        self._cancel.set()

    def discard(self) -> None:
        """Never deliver this job's answer (the user moved on); the function runs to its end."""
        if self.delivery is not None:
            self.delivery.discard()

    @property
    def running(self) -> bool:
        return not self._ended.is_set()

    def wait(self, timeout_s: float | None = None) -> bool:
        """Wait for the thread to end; True when it has."""
        return self._ended.wait(timeout_s)

    def _run(self, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
        emitter = self._emitter
        try:
            result = fn(*args)
        except BaseException as exc:  # handed to on_failed; the thread itself never raises
            log.debug("background job %s failed: %s", self.name, type(exc).__name__)
            emitter.failed.emit(exc)
        else:
            emitter.finished.emit(result)
        finally:
            _RUNNING.discard(self)
            self._ended.set()
            emitter.deleteLater()  # thread-safe: the deletion happens in the GUI thread


_RUNNING: set[BackgroundJob] = set()
_quit_hooked = False


def run_in_background(
    fn: Callable[..., Any],
    *args: Any,
    receiver: QObject,
    on_done: Callback,
    on_failed: Callback | None = None,
    on_progress: Callable[[int], None] | None = None,
    name: str = "annet-job",
    wait_on_quit: bool = False,
) -> BackgroundJob:
    """Run ``fn(*args)`` in a new thread; its result goes to ``on_done`` (an exception to
    ``on_failed``) in the GUI thread, only while ``receiver`` lives.

    ``fn`` may report progress and look for cancellation through the returned job
    (``job.progress(n)``, ``job.is_cancelled()``) — bind it first, e.g. with a lambda over the
    job, or use :func:`start_job`. ``wait_on_quit``: cancel and wait for it when the application
    quits (work that must not be cut off halfway).
    """
    job = BackgroundJob(name, wait_on_quit)
    return start_job(job, lambda: fn(*args), receiver, on_done, on_failed, on_progress)


def start_job(
    job: BackgroundJob,
    call: Callable[[], Any],
    receiver: QObject,
    on_done: Callback,
    on_failed: Callback | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> BackgroundJob:
    """Start ``call()`` as ``job`` (made beforehand so that ``call`` can use ``job.progress``)."""
    emitter = job._emitter
    job.delivery = deliver(
        receiver, emitter.finished, emitter.failed, on_done, on_failed, emitter.progressed, on_progress
    )
    if job.wait_on_quit:
        _hook_quit()
    _RUNNING.add(job)
    job._thread = threading.Thread(target=job._run, args=(call, ()), name=job.name, daemon=True)
    job._thread.start()
    return job


def _hook_quit() -> None:
    global _quit_hooked
    app = QCoreApplication.instance()
    if not _quit_hooked and app is not None:
        _quit_hooked = True
        app.aboutToQuit.connect(stop_all)


def stop_all(timeout_s: float = 10.0) -> None:
    """Cancel every job started with ``wait_on_quit`` and wait for them to end."""
    for job in [j for j in list(_RUNNING) if j.wait_on_quit]:
        job.cancel()
        if not job.wait(timeout_s):  # pragma: no cover - a disk that does not answer
            log.warning("background job %s did not stop in time", job.name)


def running_jobs() -> list[BackgroundJob]:
    """The jobs whose thread has not ended yet (for tests)."""
    return list(_RUNNING)
