"""Screenshots of every window: ``python -m annet_desktop.tools.screenshots OUT_DIR [--lang ru|en]``.

Starts the demo server in-process (offscreen Qt), logs in as several demo subscribers and saves a
PNG of every tab, of the login window (empty, with a wrong password), of the re-login dialog and
of the dialogs a click on a service opens, and the «Абоненты» menu after the tour. Settings and the keyring are kept in a temporary place:
the user's own are not touched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

CASES = ["internet-discount", "multi-account", "telephony", "credit-available", "admin-block", "no-contacts"]
SIZE = (1000, 660)


def _wait(app: Any, condition: Callable[[], bool], timeout: float = 60.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        app.processEvents()
        if condition():
            return True
        time.sleep(0.01)
    return False


def _settle(app: Any) -> None:
    for _ in range(5):
        app.processEvents()


def _dialogs(app: Any, controller: Any, window: Any, demo: Any, save: Callable[[Any, str], None]) -> None:
    """Every dialog of the actions (``ui.dialogs.demo_dialogs``), the settings and the re-login."""
    from annet_desktop.ui.dialogs.actions import demo_dialogs
    from annet_desktop.ui.relogin import ReloginDialog

    for name, dialog in demo_dialogs(window.ctx):
        dialog.show()
        _wait(app, lambda: not controller.worker.busy)
        dialog.adjustSize()
        save(dialog, f"dialog_{name}")
        dialog.close()
    settings = window.open_settings()
    settings.adjustSize()
    save(settings, "dialog_settings")
    settings.close()
    relogin = ReloginDialog(controller.worker, demo.account, "", window)
    relogin.show()
    relogin.adjustSize()
    save(relogin, "dialog_relogin")
    relogin.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", choices=("ru", "en"), default="ru")
    parser.add_argument("--cases", nargs="*", default=CASES)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    scratch = Path(tempfile.mkdtemp(prefix="annet-shots-"))
    os.environ["ANNET_DESKTOP_CONFIG_DIR"] = str(scratch / "config")
    os.environ.setdefault("ANNET_DESKTOP_CACHE_DIR", str(scratch / "cache"))

    from annet_desktop import memory_keyring

    memory_keyring.install()

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from annet_desktop.app import AppController
    from annet_server.embedded import start_demo
    from annet_server.seed import demo_accounts

    server = start_demo()
    saved: list[Path] = []

    def save(widget: Any, name: str) -> None:
        _settle(app)
        path = args.out / f"{name}.png"
        widget.grab().save(str(path))
        saved.append(path)

    accounts = list(demo_accounts())
    try:
        # a damaged settings file, to show the message about resetting it
        (scratch / "config").mkdir(parents=True, exist_ok=True)
        (scratch / "config" / "settings.ini").write_bytes(b"[ui\n\x00\x00 not a settings file\n")
        controller = AppController(server_url=server.url, language=args.lang)
        controller.messages.show_boxes = False
        controller.demo_accounts = accounts
        dialog = controller.start()
        dialog.adjustSize()
        save(dialog, "login")
        box = getattr(controller, "settings_reset_box", None)
        if box is not None:
            save(box, "settings_reset")
            box.accept()
        first = next(a for a in accounts if args.cases[0] in a.cases)
        dialog.account.setText(first.account)
        dialog.password.setText("wrong1")
        dialog.submit()
        _wait(app, lambda: not dialog.busy)
        dialog.adjustSize()
        save(dialog, "login_denied")
        for case in args.cases:
            demo = next((a for a in accounts if case in a.cases), None)
            if demo is None:
                print(f"no demo account for {case}", file=sys.stderr)
                continue
            current = controller.login_dialog
            assert current is not None
            current.choose_demo(demo.account)
            current.submit()

            def settled(dialog: Any = current) -> bool:
                return controller.window is not None or not dialog.busy

            _wait(app, settled)
            if controller.window is None:
                print(f"login failed for {case}: {current.error.text()}", file=sys.stderr)
                continue
            window = controller.window
            window.resize(*SIZE)
            _wait(app, lambda: not controller.worker.busy)
            for index in range(window.tabs.count()):
                window.tabs.setCurrentIndex(index)
                _wait(app, lambda: not controller.worker.busy)
                name = window.tabs.widget(index).objectName().removeprefix("tab_")
                save(window, f"{case}_{index + 1}_{name}")
            if case == args.cases[0]:
                _dialogs(app, controller, window, demo, save)
            if case == args.cases[-1]:  # every subscriber of the tour is remembered by now
                menu = window.subscribers_menu
                menu.rebuild()
                menu.popup(window.mapToGlobal(window.rect().topLeft()))
                save(menu, "menu_subscribers")
                menu.hide()
            controller.logout()
            _wait(app, lambda: not controller.worker.busy)
        controller.shutdown()
    finally:
        server.stop()
    for path in saved:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
