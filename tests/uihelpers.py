"""Helpers of the app tests: a fault-injecting proxy, login steps (the in-memory keyring is
``annet_desktop.memory_keyring``, shared with the self-test and the screenshot tour)."""

from __future__ import annotations

import http.client
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

from annet_desktop.memory_keyring import MemoryKeyring as MemoryKeyring  # the tests' annotations


def plain_text(widget: Any) -> str:
    """A button's, tab's or label's text as the manual names it: the mnemonic's single ``&``
    removed, ``&&`` kept as ``&`` (``widget`` may be the text itself, a tab title)."""
    from annet_desktop.ui.widgets.naming import strip_mnemonic

    return strip_mnemonic(widget if isinstance(widget, str) else widget.text())


def plain_titles(window: Any) -> list[str]:
    """The main window's tab titles without their mnemonics."""
    return [plain_text(title) for title in window.tab_titles()]


def login(qtbot: Any, controller: Any, account: str, password: str) -> Any:
    """Type into the login window, press «Принять», wait for the main window; returns it."""
    dialog = controller.login_dialog
    dialog.account.setText(account)
    dialog.password.setText(password)
    with qtbot.waitSignal(controller.loggedIn, timeout=20000):
        dialog.accept_button.click()
    return controller.window  # closed by the make_app fixture (logout deletes it: not for qtbot)


def press_key(qtbot: Any, window: Any, key: Any, modifier: Any = None) -> None:
    """Press ``key`` in ``window`` as a user would: in its active window.

    A window-wide shortcut (F5) fires only in the active window; on the offscreen platform the
    activation that follows a ``show()`` is delivered asynchronously (after the login window hides,
    for one), so the test makes the window active and waits for it before pressing.
    """
    from PySide6.QtWidgets import QApplication

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=10000)
    if modifier is None:
        qtbot.keyClick(window, key)
    else:
        qtbot.keyClick(window, key, modifier)


def wait_loaded(qtbot: Any, controller: Any, timeout: int = 20000) -> None:
    """Wait until nothing is pending in the API thread."""
    qtbot.waitUntil(lambda: not controller.worker.busy, timeout=timeout)


# --------------------------------------------------------------------------- fault proxy


class FaultProxy:
    """An HTTP proxy on 127.0.0.1 in front of the real server that can spoil chosen answers.

    ``faults[path_fragment] = "garbage" | "truncate" | "html500"`` spoils every answer whose path
    contains the fragment; ``"hold"`` keeps such a request at the proxy (``held`` counts them) until
    :meth:`release`, then forwards it; everything else is forwarded untouched.
    """

    def __init__(self, upstream: str) -> None:
        parts = urlsplit(upstream)
        self.upstream_host = parts.hostname or "127.0.0.1"
        self.upstream_port = parts.port or 80
        self.faults: dict[str, str] = {}
        self.held = 0
        self._release = threading.Event()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _forward(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                fault = next((f for frag, f in owner.faults.items() if frag in self.path), None)
                if fault == "hold":
                    owner.held += 1
                    owner._release.wait(30)
                conn = http.client.HTTPConnection(owner.upstream_host, owner.upstream_port, timeout=30)
                headers = {
                    k: v for k, v in self.headers.items() if k.lower() not in ("host", "accept-encoding")
                }
                conn.request(self.command, self.path, body=body, headers=headers)
                response = conn.getresponse()
                data = response.read()
                conn.close()
                status = response.status
                ctype = response.getheader("Content-Type", "application/json")
                if fault == "garbage":
                    data, status = b"\x00\xffthis is not json{{{", 200
                elif fault == "truncate":
                    data = data[: max(1, len(data) // 2)]
                elif fault == "html500":
                    data, status, ctype = b"<html><body>Bad gateway</body></html>", 502, "text/html"
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = do_DELETE = _forward

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()

    def release(self) -> None:
        """Let the held requests (and any later ones) through."""
        self._release.set()

    def close(self) -> None:
        self._release.set()
        self._httpd.shutdown()
        self._httpd.server_close()
