"""``annet-desktop --self-test``: the whole app once through, offscreen, as the frozen bundle's smoke test.

It starts the embedded demo server, logs in through the real login window, visits every tab of the
main window, opens the payment page in the embedded web view (Qt WebEngine's helper process and
resources must be there), exports the calls in every format, logs out and exits 0. Any failure
prints ``self-test FAILED: <step>: <reason>`` on stderr and exits 1; a hang is cut by a watchdog
(exit 2). Nothing of the user's is touched: settings, cache and HOME point into a temporary folder
and the keyring is an in-memory one for the run.

Each step prints one line (``self-test: <step> … ok (0.42 s)``), so a CI log shows where it stopped.
"""

from __future__ import annotations

import functools
import os
import shutil
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

#: the demo subscriber with a home phone (a year of calls, a few hundred a month)
DEMO_ACCOUNT = "100004"
#: any single wait (demo start, login, a page load) may take this long on a slow CI runner
WAIT_S = 120.0
#: the whole run may take this long before the watchdog ends the process
WATCHDOG_S = 600.0


class SelfTestFailure(Exception):
    """A step did not do what it must; the message is the reason shown to the user."""


def _line(stream: TextIO | None, text: str) -> None:
    """One line to ``stream`` (absent in a windowed Windows build) and to ``$ANNET_SELFTEST_LOG`` if set."""
    if stream is not None:
        stream.write(text + "\n")
        stream.flush()
    log_file = os.environ.get("ANNET_SELFTEST_LOG")
    if log_file:
        with open(log_file, "a", encoding="utf-8") as fh:
            fh.write(text + "\n")


def _out(text: str) -> None:
    _line(sys.stdout, text)


def _err(text: str) -> None:
    _line(sys.stderr, text)


@contextmanager
def step(name: str) -> Iterator[None]:
    """One named step: prints its duration, turns any exception into a :class:`SelfTestFailure`."""
    started = time.monotonic()
    try:
        yield
    except SelfTestFailure as exc:
        raise SelfTestFailure(f"{name}: {exc}") from exc
    except Exception as exc:
        raise SelfTestFailure(f"{name}: {type(exc).__name__}: {exc}") from exc
    _out(f"self-test: {name} … ok ({time.monotonic() - started:.2f} s)")


def wait_until(condition: Callable[[], Any], what: str, timeout: float = WAIT_S) -> Any:
    """Run the Qt event loop until ``condition()`` is truthy (returned) or fail after ``timeout``."""
    from PySide6.QtCore import QEventLoop, QTimer

    deadline = time.monotonic() + timeout
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(loop.quit)
    timer.start()
    try:
        while True:
            value = condition()
            if value:
                return value
            if time.monotonic() > deadline:
                raise SelfTestFailure(f"timed out after {timeout:.0f} s waiting for {what}")
            loop.exec()
    finally:
        timer.stop()


def _isolate(folder: Path) -> None:
    """Settings, cache and HOME into ``folder``; offscreen Qt unless a platform was chosen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for name, sub in (("ANNET_DESKTOP_CONFIG_DIR", "config"), ("ANNET_DESKTOP_CACHE_DIR", "cache")):
        (folder / sub).mkdir(parents=True, exist_ok=True)
        os.environ[name] = str(folder / sub)
    home = folder / "home"
    home.mkdir(exist_ok=True)
    os.environ["HOME"] = str(home)  # Qt WebEngine writes ~/.pki and caches
    if sys.platform == "win32":
        os.environ["USERPROFILE"] = str(home)


def _memory_keyring() -> str:
    """Install an in-memory keyring for this process; returns the name of the platform's own backend."""
    from annet_desktop import memory_keyring

    _, previous = memory_keyring.install()
    backend = type(previous)
    return f"{backend.__module__}.{backend.__name__}"


def _watchdog(seconds: float) -> threading.Event:
    done = threading.Event()

    def watch() -> None:
        if not done.wait(seconds):
            _err(f"self-test FAILED: watchdog: still running after {seconds:.0f} s")
            os._exit(2)

    threading.Thread(target=watch, name="annet-selftest-watchdog", daemon=True).start()
    return done


def _tab_busy(window: Any) -> bool:
    return bool(window.ctx.worker.busy)


def _visit_tabs(window: Any) -> list[str]:
    """Show every tab in turn, wait for its data, paint it; the tab titles visited."""
    visited = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        tab = window.tabs.widget(index)
        title = window.tabs.tabText(index)
        wait_until(lambda: not _tab_busy(window), f"the data of the tab «{title}»")
        if tab.grab().isNull():
            raise SelfTestFailure(f"the tab «{title}» did not paint")
        visited.append(title)
    if not visited:
        raise SelfTestFailure("the main window has no tabs")
    return visited


def _export_calls(window: Any, folder: Path) -> list[str]:
    """Export the calls shown in every format; the files written with their sizes."""
    from .export import ExportFormat

    calls = window.calls
    if calls is None:
        raise SelfTestFailure(f"the demo account {DEMO_ACCOUNT} has no «Звонки» tab")
    window.tabs.setCurrentWidget(calls)
    wait_until(lambda: calls.complete, "the calls of the month")
    rows = calls.model.rowCount()
    if rows == 0:
        raise SelfTestFailure("the calls table is empty")
    written = []
    for fmt in ExportFormat:
        path = folder / f"calls.{fmt.value}"
        outcome: list[str] = []
        calls.exportFinished.connect(outcome.append)
        try:
            calls.export_to(str(path), fmt)
            wait_until(functools.partial(bool, outcome), f"the {fmt.value} export")
        finally:
            calls.exportFinished.disconnect(outcome.append)
        if outcome[0] != "ok":
            last = window.ctx.messages.last()
            raise SelfTestFailure(f"{fmt.value} export {outcome[0]}: {last.text if last else ''}")
        size = path.stat().st_size if path.exists() else 0
        if size == 0:
            raise SelfTestFailure(f"{path.name} was not written")
        written.append(f"{path.name} {size} bytes")
    head = (folder / "calls.xlsx").read_bytes()[:2]
    if head != b"PK":
        raise SelfTestFailure("calls.xlsx is not a zip (xlsx) file")
    return [f"{rows} rows", *written]


def _payment_page(window: Any) -> str:
    """Open «Оплатить» for the account, create the order, load the sandbox page in the web view."""
    from decimal import Decimal

    from .ui.dialogs.payment import open_payment

    ctx = window.ctx
    dialog = open_payment(ctx, ctx.state.selected_account, Decimal("100.00"), window)
    loaded: list[bool] = []
    texts: list[str] = []

    def created(_order: Any) -> None:
        # build the view now (open_page reuses it) so no loadFinished can be missed
        dialog.prepare_view()
        dialog.page.loadFinished.connect(loaded.append)

    dialog.orderCreated.connect(created)
    try:
        dialog.continue_button.click()
        wait_until(lambda: loaded or not dialog.isVisible(), "the payment page to load")
        if not loaded:
            last = ctx.messages.last()
            raise SelfTestFailure("the payment dialog closed: " + (last.text if last else "no message"))
        if not loaded[-1]:
            raise SelfTestFailure(f"the payment page failed to load ({dialog.page.url().toString()})")
        dialog.page.runJavaScript("document.title + ' | ' + document.forms.length", 0, texts.append)
        wait_until(lambda: texts, "the payment page's script answer")
        if "Assist" not in str(texts[0]):
            raise SelfTestFailure(f"unexpected payment page: {texts[0]!r}")
        return str(texts[0])
    finally:
        if dialog.isVisible():
            dialog.reject()


def _about_and_receipt(window: Any) -> str:
    """«О программе» lists the shipped libraries from their bundled metadata; the receipt's QR renders."""
    from .ui.receipt_document import qr_image

    about = window.menus.show_about()
    names = {lib.name.lower() for lib in about.libraries}
    about.close()
    missing = {"pyside6", "segno", "requests", "packaging"} - names
    if missing:
        raise SelfTestFailure("«О программе» lacks the licences of " + ", ".join(sorted(missing)))
    if qr_image("t=20261116T1200&s=1.00&fn=1&i=1&fp=1&n=1").isNull():
        raise SelfTestFailure("the receipt's QR code does not render")
    return f"about: {len(names)} libraries with their licences; receipt QR code renders"


def run_self_test() -> int:
    """The whole self-test; the process exit code (0 = passed)."""
    folder = Path(tempfile.mkdtemp(prefix="annet-selftest-"))
    _isolate(folder)
    done = _watchdog(WATCHDOG_S)
    controller: Any = None
    started = time.monotonic()
    try:
        from PySide6.QtWidgets import QApplication

        from . import __version__, i18n

        _out(
            f"self-test: annet-desktop {__version__}, Python {sys.version.split()[0]}, "
            f"frozen={bool(getattr(sys, 'frozen', False))}, platform={os.environ['QT_QPA_PLATFORM']}"
        )
        app = QApplication.instance() or QApplication(sys.argv[:1])
        app.setOrganizationName("Annet")
        app.setApplicationName("annet-desktop")
        with step("keyring"):
            _out(f"self-test:   the platform keyring backend: {_memory_keyring()} (replaced by memory)")
        with step("translations"):
            if not i18n.install("en"):
                raise SelfTestFailure("the English catalogue (.qm) did not load")
            i18n.install("ru")
        from .app import AppController

        with step("login window"):
            controller = AppController(demo=True, language="ru")
            controller.messages.show_boxes = False
            dialog = controller.start()
            wait_until(lambda: dialog.isVisible(), "the login window")
            if "PySide6.QtWebEngineCore" in sys.modules:
                raise SelfTestFailure("Qt WebEngine was imported before the login window")
        with step("demo server"):
            wait_until(
                lambda: controller.demo_server is not None or dialog.error.isVisible(), "the demo server"
            )
            if controller.demo_server is None:
                raise SelfTestFailure(dialog.error.text())
        with step(f"login as {DEMO_ACCOUNT}"):
            dialog.choose_demo(DEMO_ACCOUNT)
            if dialog.account.text() != DEMO_ACCOUNT:
                raise SelfTestFailure(f"{DEMO_ACCOUNT} is not among the demo subscribers")
            dialog.accept_button.click()
            wait_until(
                lambda: controller.window is not None or (dialog.error.isVisible() and not dialog.busy),
                "the main window",
            )
            if controller.window is None:
                raise SelfTestFailure(dialog.error.text())
        window = controller.window
        with step("every tab"):
            wait_until(lambda: window.isVisible() and window.ctx.state.me is not None, "the main window")
            _out("self-test:   tabs: " + ", ".join(_visit_tabs(window)))
        with step("export calls"):
            _out("self-test:   " + "; ".join(_export_calls(window, folder)))
        with step("payment page"):
            _out("self-test:   web view: " + _payment_page(window))
        with step("about and receipt"):
            _out("self-test:   " + _about_and_receipt(window))
        with step("logout"):
            controller.logout()
            wait_until(lambda: controller.login_dialog is not None and controller.window is None, "logout")
        _out(f"self-test: passed in {time.monotonic() - started:.1f} s")
        return 0
    except SelfTestFailure as exc:
        _err(f"self-test FAILED: {exc}")
        return 1
    except Exception as exc:
        _err(traceback.format_exc())
        _err(f"self-test FAILED: {type(exc).__name__}: {exc}")
        return 1
    finally:
        if controller is not None:
            try:
                controller.messages.close_all()
                if controller.login_dialog is not None:
                    controller.login_dialog.hide()
                controller.shutdown()
            except Exception as exc:
                _err(f"self-test: shutdown: {type(exc).__name__}: {exc}")
        done.set()
        shutil.rmtree(folder, ignore_errors=True)


def main() -> int:
    """``python -m annet_desktop.selftest`` (the same as ``annet-desktop --self-test``)."""
    return run_self_test()


if __name__ == "__main__":
    sys.exit(main())
