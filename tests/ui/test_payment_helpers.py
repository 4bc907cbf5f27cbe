"""Helpers of the payment web view tests: Qt WebEngine set up for offscreen runs, JS calls, test sites.

Imported by ``tests/ui/test_payment*.py`` before anything touches Qt WebEngine: it sets the
environment Chromium needs offscreen (no sandbox, no GPU) and ``AA_ShareOpenGLContexts`` while no
QApplication exists yet.
"""

from __future__ import annotations

import base64
import datetime as dt
import ipaddress
import os
import re
import ssl
import tempfile
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = "--no-sandbox --disable-gpu --disable-logging --log-level=3"
os.environ.setdefault("QT_QUICK_BACKEND", "software")

from PySide6.QtCore import QCoreApplication, Qt

if QCoreApplication.instance() is None:
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)

JS_TIMEOUT_MS = 15000
LOAD_TIMEOUT_MS = 30000


def js(qtbot: Any, page: Any, script: str) -> Any:
    """Run ``script`` in the page and wait for its result."""
    box: list[Any] = []
    page.runJavaScript(script, 0, lambda result: box.append(result))
    qtbot.waitUntil(lambda: bool(box), timeout=JS_TIMEOUT_MS)
    return box[0]


def wait_js(qtbot: Any, page: Any, script: str, timeout: int = LOAD_TIMEOUT_MS) -> None:
    """Wait until ``script`` evaluates truthy in the page (e.g. an element of the next step exists)."""
    state: dict[str, Any] = {"pending": False, "ok": False}

    def poll() -> bool:
        if state["ok"]:
            return True
        if not state["pending"] and page is not None:
            state["pending"] = True

            def done(result: Any) -> None:
                state["pending"] = False
                state["ok"] = bool(result)

            page.runJavaScript(script, 0, done)
        return False

    qtbot.waitUntil(poll, timeout=timeout)


class TestSite:
    """A tiny local web server with the pages the hardening tests need (http or https)."""

    __test__ = False

    def __init__(self, certfile: Path | None = None) -> None:
        self.hits: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                return

            def do_GET(self) -> None:
                site.hits.append(self.path)
                path = self.path.split("?")[0]
                headers = {"Content-Type": "text/html; charset=utf-8"}
                status = 200
                if path == "/download":
                    headers = {
                        "Content-Type": "application/octet-stream",
                        "Content-Disposition": 'attachment; filename="statement.bin"',
                    }
                    body = b"secret download"
                elif path == "/cookie":
                    headers["Set-Cookie"] = "session=abc123; Path=/"
                    body = _page("cookie set")
                elif path == "/redirect-return":
                    status = 302
                    headers = {"Location": "/return/ok?OrderNumber=1&Billnumber=2"}
                    body = b""
                    self.send_response(status)
                    for key, value in headers.items():
                        self.send_header(key, value)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                elif path.startswith("/return/"):
                    body = _page("RETURN PAGE LOADED")
                elif path == "/pixel.png":
                    headers = {"Content-Type": "image/png"}
                    body = PIXEL_PNG
                else:
                    body = PAGES.get(path, _page("not found"))
                    if path not in PAGES:
                        status = 404
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.scheme = "http"
        if certfile is not None:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(certfile)
            self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
            self.scheme = "https"
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}{path}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _page(text: str, extra: str = "") -> bytes:
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{text}</title></head>'
        f'<body><h1 id="text">{text}</h1>{extra}</body></html>'
    ).encode()


#: a 1×1 PNG (what an allowed image request gets)
PIXEL_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)

PAGES: dict[str, bytes] = {
    "/plain": _page("plain page"),
    "/links": _page(
        "links",
        '<a id="file" href="file:///etc/hostname">file</a> '
        '<a id="ret" href="/return/ok?OrderNumber=1&Billnumber=2">return</a> '
        '<a id="dl" href="/download">download</a>',
    ),
    "/perm": _page(
        "permissions",
        "<script>window.notif='pending';window.geo='pending';"
        "if(window.Notification){Notification.requestPermission().then(function(r){window.notif=r;});}"
        "else{window.notif='unsupported';}"
        "navigator.geolocation.getCurrentPosition(function(){window.geo='granted';},"
        "function(e){window.geo='denied:'+e.code;});</script>",
    ),
    "/secret": _page("SELF-SIGNED SECRET"),
}


def self_signed_cert(folder: Path) -> Path:
    """A self-signed certificate + key for 127.0.0.1 in one PEM file."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False
        )
        .sign(key, hashes.SHA256())
    )
    path = folder / "selfsigned.pem"
    path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        + cert.public_bytes(serialization.Encoding.PEM)
    )
    return path


def temp_folder() -> Path:
    return Path(tempfile.mkdtemp(prefix="annet-pay-"))


def files_containing(
    root: Path, needles: list[bytes], skip: Callable[[Path], bool] | None = None
) -> list[str]:
    """Every file under ``root`` whose bytes contain one of ``needles`` as a whole number.

    A needle inside a longer run of digits (``0.0411111111111111115`` in an exported duration)
    is not a card number, so digits on either side do not count as a match.
    """
    pattern = re.compile(rb"(?<![0-9])(?:" + b"|".join(re.escape(n) for n in needles) + rb")(?![0-9])")
    found = []
    for path in root.rglob("*"):
        if not path.is_file() or path.is_symlink() or (skip and skip(path)):
            continue
        try:
            data = path.read_bytes()
        except OSError:
            continue
        if pattern.search(data):
            found.append(str(path))
    return found


def test_files_containing_matches_whole_numbers_only() -> None:
    # outside pytest's base temp folder: the at-rest scan of the payment tests reads all of that
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "export.xml").write_bytes(b'<Data ss:Type="Number">0.04111111111111111</Data>')
        (root / "leak.txt").write_bytes(b"card=4111111111111111;")
        assert files_containing(root, [b"4111111111111111"]) == [str(root / "leak.txt")]


@pytest.fixture
def bare_ctx(qtbot: Any) -> Iterator[Any]:
    """A TabContext with a real worker and state, never logged in (these tests call no API)."""
    from annet_desktop.state import CabinetState
    from annet_desktop.ui.messages import Messages
    from annet_desktop.ui.tabs.context import TabContext
    from annet_desktop.worker import Worker

    worker = Worker("http://127.0.0.1:9")
    state = CabinetState(worker)
    messages = Messages()
    messages.show_boxes = False
    ctx = TabContext(state=state, worker=worker, messages=messages, settings=None)  # type: ignore[arg-type]
    yield ctx
    worker.stop()
