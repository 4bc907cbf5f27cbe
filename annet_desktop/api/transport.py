"""The client's HTTP transport: requests that can be cut short from any thread, and bounded bodies.

:class:`Transport` wraps the one ``requests.Session`` of a :class:`~.client.CabinetClient`:

* every call runs under a total deadline (connect + headers + body, across retries): a timer
  shuts the sockets of the request down when it passes, so a server that never answers, or
  trickles a byte a second, cannot hold a request longer than that — ``requests``' own timeouts
  are per socket read only;
* :meth:`Transport.abort` (closing the app) and :meth:`Transport.interrupt` (a user action waits
  behind a background read) cut the request in flight short from another thread, the same way;
* redirects are never followed (a 307 must not re-send the login anywhere else);
* the body is read in pieces with a cap on its decompressed size: urllib3 (≥ 2.6) decompresses a
  piece at a time, so 100 KB of gzip never grows into hundreds of megabytes in memory.

Sockets are found through the connection pool: the pools of this session note each connection
they lend out (:class:`_Lent`), and shutting a lent connection's socket down makes the blocked
read in the API thread return at once. ``socket.shutdown`` (not ``close``) is what wakes a
blocked ``recv`` from another thread; it is called on the plain socket even under TLS.
"""

from __future__ import annotations

import socket
import threading
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3 import HTTPConnectionPool, HTTPSConnectionPool, PoolManager

#: the decompressed body of one answer at most. Measured on the demo data (1.12.2026): the biggest
#: answer the server can give, a month of 100,000 calls in one page of its largest size, is
#: 9.2 MB; the app asks 10,000 calls a page (0.92 MB); everything else is under 300 KB
MAX_BODY = 16 * 1024 * 1024
#: decompressed bytes read (and held at once, besides the body) per piece
CHUNK = 256 * 1024


class Cut(Enum):
    """Why a request was cut short."""

    DEADLINE = "deadline"  # its total deadline passed
    INTERRUPTED = "interrupted"  # a user action comes first (only reads are interrupted)
    ABORTED = "aborted"  # the app is closing: this and every later request fail at once


class CutShort(Exception):
    """The request was cut short on purpose (``reason``); the client maps it to a NetworkError."""

    def __init__(self, reason: Cut) -> None:
        super().__init__(reason.value)
        self.reason = reason


class BodyTooLarge(Exception):
    """The answer is larger than the cap (announced or read)."""


class _Lent:
    """The connections this session's pools have lent out (weakly: a discarded one just goes)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._conns: weakref.WeakSet[Any] = weakref.WeakSet()

    def add(self, conn: Any) -> None:
        with self._lock:
            self._conns.add(conn)

    def discard(self, conn: Any) -> None:
        with self._lock:
            self._conns.discard(conn)

    def shut_down(self) -> None:
        """Wake every blocked read or write on a lent connection (from any thread)."""
        with self._lock:
            conns = list(self._conns)
        for conn in conns:
            sock = getattr(conn, "sock", None)
            if sock is None:
                continue
            try:
                socket.socket.shutdown(sock, socket.SHUT_RDWR)  # the plain socket, also under TLS
            except (OSError, TypeError):
                pass  # already closed or not connected yet


class _LendingMixin:
    lent: _Lent

    def _get_conn(self, timeout: float | None = None) -> Any:
        conn = super()._get_conn(timeout)  # type: ignore[misc]
        self.lent.add(conn)
        return conn

    def _put_conn(self, conn: Any) -> None:
        if conn is not None:
            self.lent.discard(conn)
        super()._put_conn(conn)  # type: ignore[misc]


class _HTTPPool(_LendingMixin, HTTPConnectionPool):
    pass


class _HTTPSPool(_LendingMixin, HTTPSConnectionPool):
    pass


class _PoolManager(PoolManager):
    def __init__(self, lent: _Lent, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lent = lent
        self.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}

    def _new_pool(self, scheme: str, host: str, port: int, request_context: Any = None) -> Any:
        pool: Any = super()._new_pool(scheme, host, port, request_context)
        pool.lent = self.lent  # one of the pool classes above (pool_classes_by_scheme)
        return pool


class _Adapter(HTTPAdapter):
    def __init__(self, lent: _Lent) -> None:
        self._lent = lent  # before HTTPAdapter.__init__, which makes the pool manager
        super().__init__()

    def init_poolmanager(self, connections: int, maxsize: int, block: bool = False, **kwargs: Any) -> None:
        self._pool_connections = connections
        self._pool_maxsize = maxsize
        self._pool_block = block
        self.poolmanager = _PoolManager(
            self._lent, num_pools=connections, maxsize=maxsize, block=block, **kwargs
        )


class Transport:
    """One session's requests under a deadline, cut short on demand; see the module docstring."""

    def __init__(self, session: requests.Session | None = None, max_body: int = MAX_BODY) -> None:
        self.http = session or requests.Session()
        self.max_body = max_body
        self._lent = _Lent()
        adapter = _Adapter(self._lent)
        self.http.mount("http://", adapter)
        self.http.mount("https://", adapter)
        self._lock = threading.Lock()
        self._cut: Cut | None = None  # why the request in flight was cut short
        self._method: str | None = None  # the method in flight
        self._done: threading.Event | None = None  # set when the request in flight ends
        self._interrupt_reads = False  # set by interrupt(), until resume()
        self._aborted = False

    # ------------------------------------------------------------------ from any thread
    def abort(self) -> None:
        """Fail the request in flight now, and every later one at once (the app is closing)."""
        with self._lock:
            self._aborted = True
            done = self._done
        self._cut_short(Cut.ABORTED, done)

    def interrupt(self) -> None:
        """Fail the read (GET) in flight now, and later reads until :meth:`resume`."""
        with self._lock:
            self._interrupt_reads = True
            done = self._done if self._method == "GET" else None
        self._cut_short(Cut.INTERRUPTED, done)

    def resume(self) -> None:
        """Reads may run again (the API thread calls it before the next job)."""
        with self._lock:
            self._interrupt_reads = False

    def _cut_short(self, reason: Cut, done: threading.Event | None) -> None:
        """Cut the request that ``done`` belongs to short (nothing if it has ended meanwhile).

        Its sockets are shut down now and again every 50 ms until it ends: one still connecting
        has no socket to shut yet.
        """
        with self._lock:
            if done is None or self._done is not done:
                return
            self._cut = reason
        self._lent.shut_down()
        threading.Thread(target=self._keep_cutting, args=(done,), name="annet-api-cut", daemon=True).start()

    def _keep_cutting(self, done: threading.Event) -> None:
        while not done.wait(0.05):
            self._lent.shut_down()

    # ------------------------------------------------------------------ in the API thread
    def check(self, method: str) -> None:
        """Raise :class:`CutShort` if a request of ``method`` may not start now."""
        with self._lock:
            if self._aborted:
                raise CutShort(Cut.ABORTED)
            if method == "GET" and self._interrupt_reads:
                raise CutShort(Cut.INTERRUPTED)

    @contextmanager
    def watch(self, method: str, deadline: float) -> Iterator[None]:
        """Run one request: cut it short when ``deadline`` (``time.monotonic()``) passes.

        Any failure inside becomes :class:`CutShort` when the request was cut short.
        """
        self.check(method)
        done = threading.Event()
        with self._lock:
            self._cut = None
            self._method = method
            self._done = done
        timer = threading.Timer(max(0.0, deadline - time.monotonic()), self._cut_short, (Cut.DEADLINE, done))
        timer.daemon = True
        timer.start()
        try:
            yield
        except (requests.RequestException, BodyTooLarge, OSError) as exc:
            cut = self._cut
            if cut is not None:
                raise CutShort(cut) from None
            raise exc
        finally:
            timer.cancel()
            with self._lock:
                self._method = None
                self._done = None
            done.set()

    def read_body(self, response: requests.Response) -> bytes:
        """The whole (decompressed) body, or :class:`BodyTooLarge` past :attr:`max_body`."""
        announced = response.headers.get("Content-Length", "")
        if announced.isdigit() and int(announced) > self.max_body:
            raise BodyTooLarge(announced)
        body = bytearray()
        for piece in response.iter_content(chunk_size=CHUNK):
            body += piece
            if len(body) > self.max_body:
                raise BodyTooLarge(f"more than {self.max_body}")
        content = bytes(body)
        # what Response.content would hold had it read the body itself
        response._content = content
        response._content_consumed = True
        return content

    def close(self) -> None:
        self.http.close()
