"""The inside of the API thread: the shared job queue, and the runner that owns the client there.

:class:`annet_desktop.worker.Worker` is the GUI side (submit, replies, contexts, re-login); this
module is what it drives: :class:`_Queue` (thread-safe, by priority then order) and
:class:`_Runner`, which lives in the API thread, makes the :class:`CabinetClient` there (a new one
when the server or language changes) and runs the jobs one after another. The client's
``thread_guard`` raises :class:`GuiThreadNetworkError` if a request is ever made from the GUI thread.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

log = logging.getLogger(__name__)


class GuiThreadNetworkError(RuntimeError):
    """A network call was attempted from the GUI thread (a programming error)."""


class _Job:
    """A queued call; ordered by (priority, seq) for the heap. (A plain class, not a dataclass:
    this module loads before the login window paints.)"""

    __slots__ = ("args", "fn", "generation", "job_id", "priority", "seq")

    def __init__(
        self,
        priority: int,
        seq: int,
        job_id: int,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        generation: int,
    ) -> None:
        self.priority = priority
        self.seq = seq
        self.job_id = job_id
        self.fn = fn
        self.args = args
        self.generation = generation

    def __lt__(self, other: _Job) -> bool:
        return (self.priority, self.seq) < (other.priority, other.seq)


class _Queue:
    """The thread-safe priority queue shared by the GUI (push) and the API thread (pop)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._heap: list[_Job] = []
        self._cancelled: set[int] = set()
        self._seq = itertools.count()
        self.config: tuple[str, str] = ("", "ru")
        self.config_version = 0

    def push(self, job: _Job) -> None:
        with self._lock:
            job.seq = next(self._seq)
            heapq.heappush(self._heap, job)

    def pop(self) -> _Job | None:
        with self._lock:
            while self._heap:
                job = heapq.heappop(self._heap)
                if job.job_id in self._cancelled:
                    self._cancelled.discard(job.job_id)
                    continue
                return job
            return None

    def cancel(self, job_id: int) -> None:
        with self._lock:
            if any(j.job_id == job_id for j in self._heap):
                self._cancelled.add(job_id)

    def cancel_all(self) -> None:
        with self._lock:
            self._heap.clear()
            self._cancelled.clear()

    def configure(self, base_url: str, language: str) -> None:
        with self._lock:
            self.config = (base_url, language)
            self.config_version += 1

    def current_config(self) -> tuple[int, str, str]:
        with self._lock:
            return self.config_version, self.config[0], self.config[1]


class _Runner(QObject):
    """Lives in the API thread; runs queued jobs one after another on the owned client."""

    done = Signal(int, int, bool, object)  # job_id, generation, ok, result-or-error

    def __init__(self, queue: _Queue, factory: Callable[[str, str], Any] | None) -> None:
        super().__init__()
        self._queue = queue
        self._factory = factory
        self._client: Any = None
        self._client_version = -1
        # what the GUI thread may ask of the job in flight (preempt, abort): under this lock
        self._lock = threading.Lock()
        self._running: _Job | None = None
        self._closing = False

    @property
    def client(self) -> Any:
        return self._client

    def _ensure_client(self) -> Any:
        version, base_url, language = self._queue.current_config()
        if self._client is None or version != self._client_version:
            if self._client is not None:
                self._client.close()
            if self._factory is not None:
                client = self._factory(base_url, language)
            else:
                from .api.client import CabinetClient

                client = CabinetClient(base_url, language=language)
            client.thread_guard = _gui_thread_guard
            self._client = client
            self._client_version = version
        return self._client

    @Slot()
    def warm_up(self) -> None:
        """Import the API package (requests, pydantic) here in the API thread, ahead of the first job."""
        if self._factory is None:
            try:
                from .api import client  # noqa: F401
            except Exception:  # the first job reports it
                log.exception("loading the API package failed")

    @Slot()
    def drain(self) -> None:
        while not self._closing:
            job = self._queue.pop()
            if job is None:
                return
            try:
                client = self._ensure_client()
                with self._lock:
                    self._running = job
                    if self._closing and hasattr(client, "abort"):
                        client.abort()  # made after abort() looked: it fails at once too
                    elif hasattr(client, "resume"):
                        client.resume()  # an interrupt was for the job before
                result = job.fn(client, *job.args)
                ok = True
            except Exception as exc:
                result, ok = exc, False
            finally:
                with self._lock:
                    self._running = None
            self.done.emit(job.job_id, job.generation, ok, result)

    # -- called from the GUI thread
    def preempt(self, below: int) -> None:
        """A job of priority ``below`` waits: cut the read in flight short if its job ranks lower
        (the job fails with ``Interrupted`` and the worker queues it again)."""
        with self._lock:
            job, client = self._running, self._client
            if job is None or job.priority <= below or not hasattr(client, "interrupt"):
                return
            client.interrupt()

    def abort(self) -> None:
        """The app is closing: run no more jobs, and fail the request in flight at once."""
        with self._lock:
            self._closing = True
            client = self._client
        if client is not None and hasattr(client, "abort"):
            client.abort()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None


def _gui_thread_guard() -> None:
    app = QCoreApplication.instance()
    if app is not None and QThread.currentThread() is app.thread():
        raise GuiThreadNetworkError("the GUI thread must not call the Cabinet API; use Worker.submit")
