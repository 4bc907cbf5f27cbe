"""The background API thread: one QThread owns the one CabinetClient; the GUI only submits work.

``Worker.submit(fn, *args, priority=USER|BACKGROUND, key=None, context=None)`` queues
``fn(client, *args)`` for the API thread and returns a :class:`Reply` living in the GUI thread,
with ``finished(result)`` / ``failed(error)`` signals (in the spirit of ``QNetworkReply``); take the
answer with ``reply.then(receiver, on_done, on_failed)``, which delivers it only while the
receiver lives:

* user actions (``Priority.USER``) run before pending background refreshes, and a background
  read in flight is cut short for them (its job runs again afterwards): a logout or a payment
  check never waits behind a slow refresh. Background jobs must therefore only read;
* a newer job with the same ``key`` replaces a pending older one (its reply is cancelled);
* a job carries an optional ``context`` — ``(scope, value)``, e.g. ``("account", "100001")`` —
  and its reply is dropped, never delivered, when :meth:`Worker.set_current` has moved that scope
  on meanwhile (another account or month selected);
* :meth:`Worker.reset_session` (logout) cancels everything pending and drops what is running;
* a :class:`~annet_desktop.api.errors.SessionExpired` failure is not delivered: the job is held,
  ``reloginRequired`` is emitted once, and after :meth:`Worker.resume_after_relogin` the held jobs
  run again with the same replies (the re-login is transparent to the code that submitted them).

The client's ``thread_guard`` raises :class:`GuiThreadNetworkError` if a request is ever made
from the GUI thread. The API package (requests, pydantic) is imported in the API thread on the
first job, so the login window paints before it is loaded.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Hashable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from .api_thread import GuiThreadNetworkError as GuiThreadNetworkError  # re-exported for callers
from .api_thread import _Job, _Queue, _Runner
from .background import Delivery, deliver
from .domain.urls import check_server_url

log = logging.getLogger(__name__)


class Priority(IntEnum):
    """Queue order: lower runs first."""

    USER = 0
    BACKGROUND = 1


Context = tuple[str, Hashable] | None

#: API threads that did not end when stopped: kept referenced so they are never destroyed running
_UNFINISHED: list[tuple[QThread, QObject]] = []


class Reply(QObject):
    """The answer to one submitted job, in the GUI thread: ``finished(result)`` or ``failed(error)``.

    At most one of the two is emitted, once. ``cancel()`` guarantees neither is. ``dropped`` is
    True when the answer came but its context was no longer current.
    """

    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, worker: Worker, job_id: int, key: Hashable | None, context: Context) -> None:
        super().__init__()  # no parent: it lives as long as the worker or the caller holds it
        self._worker = worker
        self.job_id = job_id
        self.key = key
        self.context = context
        self.cancelled = False
        self.done = False
        self.dropped = False
        self.expired_error: Any = None  # the SessionExpired held while waiting for a re-login
        self._deliveries: list[Delivery] = []

    def cancel(self) -> None:
        """Withdraw the job: it does not run if still queued and its answer is never delivered."""
        if not self.done and not self.cancelled:
            self._worker._cancel(self)

    def then(
        self,
        receiver: QObject,
        on_finished: Callable[[Any], None],
        on_failed: Callable[[Any], None] | None = None,
    ) -> Delivery:
        """Hand the answer to callbacks that run only while ``receiver`` lives.

        ``worker.submit(fn).then(self, self._show, self._fail)``: when ``receiver`` (the widget
        that asked) is deleted first, the answer is dropped instead of reaching a deleted widget
        (:mod:`annet_desktop.background`). ``Delivery.discard()`` drops it on purpose.
        """
        delivery = deliver(receiver, self.finished, self.failed, on_finished, on_failed)
        self._deliveries.append(delivery)
        return delivery

    def _abandon(self) -> None:
        """No answer will come (cancelled, dropped, logged out): let the deliveries go."""
        deliveries, self._deliveries = self._deliveries, []
        for delivery in deliveries:
            delivery.discard()


class Worker(QObject):
    """The one API thread and its queue; see the module docstring for the rules."""

    busyChanged = Signal(bool)
    reloginRequired = Signal()
    replyDropped = Signal(object)  # Reply whose answer was dropped as stale (for tests and logs)

    _wake = Signal()
    _warm = Signal()

    def __init__(
        self,
        base_url: str = "",
        language: str = "ru",
        *,
        client_factory: Callable[[str, str], Any] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._queue = _Queue()
        if base_url:
            check_server_url(base_url)  # ServerUrlError: never aim at a refused address
        self._queue.configure(base_url, language)
        self._ids = itertools.count(1)
        self._replies: dict[int, tuple[Reply, _Job, bool]] = {}  # job_id → (reply, job, relogin)
        self._keys: dict[Hashable, int] = {}
        self._current: dict[str, Hashable] = {}
        self._held: list[int] = []
        self._generation = 0
        self._busy = False
        self._thread = QThread()
        self._thread.setObjectName("annet-api")
        self._runner = _Runner(self._queue, client_factory)
        self._runner.moveToThread(self._thread)
        self._wake.connect(self._runner.drain)
        self._warm.connect(self._runner.warm_up)
        self._runner.done.connect(self._on_done)
        self._thread.start()
        self._stopped = False

    # ------------------------------------------------------------------ configuration
    @property
    def base_url(self) -> str:
        return self._queue.current_config()[1]

    @property
    def language(self) -> str:
        return self._queue.current_config()[2]

    def configure(self, base_url: str, language: str | None = None) -> None:
        """Point the client at another server or language (a new client is made for the next job).

        A refused address (:func:`~annet_desktop.domain.urls.check_server_url`) raises
        ``ServerUrlError`` and changes nothing: the worker never points at one.
        """
        if base_url:
            base_url = check_server_url(base_url)
        self._queue.configure(base_url, language or self.language)

    def warm_up(self) -> None:
        """Load the API package in the API thread now (call after the first paint): the first
        request (the login) then does not wait for requests and pydantic to import."""
        if not self._stopped:
            self._warm.emit()

    @property
    def client(self) -> Any:
        """The client object (for tests: calling it from here must raise GuiThreadNetworkError)."""
        return self._runner.client

    # ------------------------------------------------------------------ submit
    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        priority: Priority = Priority.USER,
        key: Hashable | None = None,
        context: Context = None,
        relogin: bool = True,
    ) -> Reply:
        """Queue ``fn(client, *args)`` for the API thread; see the module docstring."""
        if self._stopped:
            raise RuntimeError("worker stopped")
        job_id = next(self._ids)
        if key is not None and key in self._keys:
            older = self._replies.get(self._keys[key])
            if older is not None and older[0].job_id not in self._held:
                older[0].cancel()
        reply = Reply(self, job_id, key, context)
        job = _Job(int(priority), 0, job_id, fn, args, self._generation)
        self._replies[job_id] = (reply, job, relogin)
        if key is not None:
            self._keys[key] = job_id
        if context is not None and not self.is_current(context):
            self._drop(job_id, reply)  # already stale: never run
            return reply
        self._queue.push(job)
        self._update_busy()
        self._runner.preempt(int(priority))
        self._wake.emit()
        return reply

    # ------------------------------------------------------------------ contexts
    def set_current(self, scope: str, value: Hashable) -> None:
        """Make ``value`` the current one of ``scope``; pending jobs of another value are dropped."""
        self._current[scope] = value
        for job_id, (reply, _job, _r) in list(self._replies.items()):
            if reply.context is not None and reply.context[0] == scope and reply.context[1] != value:
                self._queue.cancel(job_id)
                if job_id in self._held:
                    self._held.remove(job_id)
                self._drop(job_id, reply)

    def current(self, scope: str) -> Hashable | None:
        return self._current.get(scope)

    def is_current(self, context: Context) -> bool:
        if context is None:
            return True
        scope, value = context
        return scope not in self._current or self._current[scope] == value

    # ------------------------------------------------------------------ session
    def reset_session(self) -> None:
        """Logout: cancel everything pending or held, drop what is running, forget contexts."""
        self._generation += 1
        self._queue.cancel_all()
        for reply, _job, _r in [v for v in self._replies.values()]:
            reply.cancelled = True
            reply._abandon()
        self._replies.clear()
        self._keys.clear()
        self._held.clear()
        self._current.clear()
        self._update_busy()

    def interrupt_running(self) -> None:
        """Cut the read in flight short, whatever its priority (closing: the logout goes next)."""
        self._runner.preempt(-1)

    @property
    def waiting_for_relogin(self) -> bool:
        return bool(self._held)

    def resume_after_relogin(self) -> None:
        """Run the held jobs again (same replies) now that a new session exists."""
        held, self._held = self._held, []
        for job_id in held:
            entry = self._replies.get(job_id)
            if entry is None:
                continue
            job = entry[1]
            job.generation = self._generation
            self._queue.push(job)
        self._update_busy()
        if held:
            self._wake.emit()

    def abandon_held(self) -> None:
        """The user gave up the re-login: the held jobs fail with their SessionExpired error."""
        held, self._held = self._held, []
        for job_id in held:
            entry = self._replies.pop(job_id, None)
            if entry is None:
                continue
            reply = entry[0]
            reply.done = True
            error = reply.expired_error
            self._update_busy()
            reply.failed.emit(error)

    # ------------------------------------------------------------------ internals
    def _cancel(self, reply: Reply) -> None:
        reply.cancelled = True
        reply._abandon()
        self._queue.cancel(reply.job_id)
        if reply.job_id in self._held:
            self._held.remove(reply.job_id)
        self._forget(reply.job_id)
        self._update_busy()

    def _forget(self, job_id: int) -> None:
        entry = self._replies.pop(job_id, None)
        if entry is not None and entry[0].key is not None and self._keys.get(entry[0].key) == job_id:
            del self._keys[entry[0].key]

    def _drop(self, job_id: int, reply: Reply) -> None:
        reply.dropped = True
        reply.done = True
        reply._abandon()
        self._forget(job_id)
        self._update_busy()
        log.debug("dropped stale reply %s %s", job_id, reply.context)
        self.replyDropped.emit(reply)

    @Slot(int, int, bool, object)
    def _on_done(self, job_id: int, generation: int, ok: bool, result: Any) -> None:
        entry = self._replies.get(job_id)
        if entry is None or generation != self._generation:
            return  # cancelled, or from a session that has ended
        reply, _job, relogin = entry
        if reply.cancelled:
            return
        if reply.context is not None and not self.is_current(reply.context):
            self._drop(job_id, reply)
            return
        if not ok:
            from .api import errors

            if isinstance(result, errors.Interrupted):  # cut short for a user action: again
                self._queue.push(_job)
                self._wake.emit()
                return
            if not isinstance(result, errors.ApiError):
                log.error("job %s failed", getattr(_job.fn, "__name__", "?"), exc_info=result)
                result = errors.ApiError(debug=f"{type(result).__name__}")
            elif isinstance(result, errors.SessionExpired) and relogin:
                reply.expired_error = result
                first = not self._held
                self._held.append(job_id)
                self._update_busy()
                if first:
                    self.reloginRequired.emit()
                return
        self._forget(job_id)
        reply.done = True
        self._update_busy()
        if ok:
            reply.finished.emit(result)
        else:
            reply.failed.emit(result)

    def _update_busy(self) -> None:
        busy = any(j not in self._held for j in self._replies)
        if busy != self._busy:
            self._busy = busy
            self.busyChanged.emit(busy)

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def stopped(self) -> bool:
        return self._stopped

    def stop(self, timeout_ms: int = 10000) -> None:
        """Cancel everything, cut the request in flight short and end the API thread.

        The request in flight fails at once (its sockets are shut down), so the thread ends in
        moments; should it not within ``timeout_ms``, the thread is kept (never destroyed while
        it runs, which aborts the process) and ends on its own at the request's deadline.
        """
        if self._stopped:
            return
        self._stopped = True
        self.reset_session()
        self._runner.abort()
        self._thread.quit()
        if self._thread.wait(timeout_ms):
            self._runner.close()
        else:  # pragma: no cover - a job stuck outside the network
            log.warning("API thread did not stop in time; it is left to end on its own")
            self._thread.setParent(None)
            _UNFINISHED.append((self._thread, self._runner))
