"""A tiny fault-injection HTTP server for the client tests (imported by tests/api/conftest.py).

It answers from a script the test writes: a status with a body, garbage, a body cut short, a
dropped connection, a hang until the test ends, or a body trickled a byte at a time. It counts
the requests it got, so retries are observable without any timing, and says when a hang began
(``hanging``) and how much of a trickle went out before the client hung up (``trickled``).
"""

from __future__ import annotations

import gzip
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest


@dataclass
class Reply:
    """One scripted answer of the fault server."""

    status: int = 200
    body: bytes = b""
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)
    #: "drop" closes the connection without an answer; "short" announces more bytes than it sends;
    #: "hang" waits until the test ends (at most ``hold`` seconds); "gzip" compresses ``body`` and
    #: says so; "trickle" sends ``body`` one byte every ``interval`` seconds
    action: str | None = None
    hold: float = 10.0
    interval: float = 0.05


class FaultServer:
    """An HTTP server on 127.0.0.1 answering from a script; ``hits`` counts requests per path."""

    def __init__(self) -> None:
        self.script: list[Reply] = []
        self.default = Reply(status=500, body=b"no script")
        self.hits: dict[str, int] = {}
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        self.release = threading.Event()
        #: set when a "hang" answer begins (the request is in the server's hands)
        self.hanging = threading.Event()
        #: bytes of each "trickle" body sent before it ended or the client hung up
        self.trickled: list[int] = []
        #: set when a "trickle" answer has ended (sent whole, or the client hung up)
        self.trickle_over = threading.Event()
        self._lock = threading.Lock()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # quiet
                pass

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                path = self.path.split("?", 1)[0]
                with owner._lock:
                    owner.hits[path] = owner.hits.get(path, 0) + 1
                    owner.requests.append((self.command, self.path, dict(self.headers)))
                    reply = owner.script.pop(0) if owner.script else owner.default
                if reply.action == "drop":
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
                if reply.action == "hang":
                    owner.hanging.set()
                    owner.release.wait(reply.hold)
                    self.close_connection = True
                    return
                if reply.action == "trickle":
                    self._trickle(reply)
                    return
                body = reply.body
                headers = dict(reply.headers)
                if reply.action == "gzip":
                    body = gzip.compress(body)
                    headers["Content-Encoding"] = "gzip"
                self.send_response(reply.status)
                self.send_header("Content-Type", reply.content_type)
                declared = len(body) + (1000 if reply.action == "short" else 0)
                self.send_header("Content-Length", str(declared))
                for name, value in headers.items():
                    self.send_header(name, value)
                if reply.action == "short":
                    self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(body)
                self.wfile.flush()
                if reply.action == "short":
                    self.close_connection = True

            def _trickle(self, reply: Reply) -> None:
                self.close_connection = True
                sent = 0
                try:
                    self.send_response(reply.status)
                    self.send_header("Content-Type", reply.content_type)
                    self.send_header("Content-Length", str(len(reply.body)))
                    self.end_headers()
                    self.wfile.flush()
                    for byte in reply.body:
                        # the server's pace, not a test's wait: release ends it when the test ends
                        if owner.release.wait(reply.interval):
                            break
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                        sent += 1
                except OSError:
                    pass  # the client hung up
                finally:
                    owner.trickled.append(sent)
                    owner.trickle_over.set()

            do_GET = _serve
            do_POST = _serve
            do_PUT = _serve
            do_DELETE = _serve

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, args=(0.02,), name="fault-server", daemon=True
        )
        self.thread.start()

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def answer(self, *replies: Reply) -> None:
        """Queue the next answers, in order."""
        with self._lock:
            self.script.extend(replies)

    def hit_count(self, path: str) -> int:
        return self.hits.get(path, 0)

    def close(self) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)


@pytest.fixture
def fault_server() -> Iterator[FaultServer]:
    """A scripted HTTP server for failure paths of the client (closed after the test); import
    it into a test module or conftest to use it there."""
    server = FaultServer()
    try:
        yield server
    finally:
        server.close()
