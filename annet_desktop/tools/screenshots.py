"""Screenshots of every window: ``python -m annet_desktop.tools.screenshots OUT_DIR [--lang ru|en]``.

Starts the demo server in-process (offscreen Qt), logs in as several demo subscribers and saves a
PNG of every tab, of the login window (empty, with a wrong password), of the re-login dialog and
of the dialogs a click on a service opens, of the tray's menu, tooltip and a notification, and
the «Абоненты» menu after the tour. Settings and the keyring are kept in a temporary place:
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


def _dialogs(
    app: Any, controller: Any, window: Any, demo: Any, save: Callable[[Any, str], None], out: Path
) -> None:
    """Every dialog of the actions (``ui.dialogs.demo_dialogs``), the settings and the re-login."""
    from annet_desktop.ui.dialogs.actions import demo_dialogs
    from annet_desktop.ui.relogin import ReloginDialog

    for name, dialog in demo_dialogs(window.ctx):
        dialog.show()
        _wait(app, lambda: not controller.worker.busy)
        dialog.adjustSize()
        save(dialog, f"dialog_{name}")
        dialog.close()
    _receipt(app, controller, window, save, out)
    for menu in (window.menus.cabinet, window.menus.help):
        menu.popup(window.mapToGlobal(window.menuBar().geometry().bottomLeft()))
        save(menu, menu.objectName())
        menu.hide()
    about = window.menus.show_about()
    save(about, "dialog_about")
    about.close()
    settings = window.open_settings()
    settings.adjustSize()
    save(settings, "dialog_settings")
    settings.close()
    relogin = ReloginDialog(controller.worker, demo.account, "", window)
    relogin.show()
    relogin.adjustSize()
    save(relogin, "dialog_relogin")
    relogin.close()


def _receipt(app: Any, controller: Any, window: Any, save: Callable[[Any, str], None], out: Path) -> None:
    """The receipt of the newest online payment of the balance, and its PDF (``receipt.pdf``)."""
    state = window.ctx.state
    entry = next((e for e in state.balance_of().items if e.order_number), None)
    if entry is None:
        return
    window.actions.last = None
    window.actions.receipt(state.selected_account, entry.order_number)
    _wait(app, lambda: window.actions.last is not None and not controller.worker.busy)
    dialog = window.actions.last
    save(dialog, "dialog_receipt")
    dialog.ask_path = lambda _parent, _suggested: str(out / "receipt.pdf")
    dialog.save_pdf()
    dialog.close()


def _tray(app: Any, controller: Any, save: Callable[[Any, str], None]) -> None:
    """The tray's menu, its tooltip and a notification (rendered: the platform's own cannot be grabbed)."""
    from PySide6.QtWidgets import QLabel

    from annet_desktop.domain.watch import Level, Notice, NoticeKind, coming
    from annet_desktop.ui.notifications import NotificationPreview, notice_text
    from annet_desktop.ui.tray import icon_path

    _wait(app, lambda: controller.watch is not None and controller.watch.refresher.last is not None)
    watch = controller.watch
    menu = watch.tray.menu
    menu.adjustSize()
    menu.show()
    save(menu, "tray_menu")
    menu.hide()
    tip = QLabel(watch.port.tooltip)
    tip.setObjectName("tray_tooltip")
    tip.setStyleSheet("QLabel { background: palette(tool-tip-base); padding: 4px; }")
    tip.adjustSize()
    save(tip, "tray_tooltip")
    number = controller.state.selected_account
    forecast = watch.refresher.last.accounts[number].forecast
    # the account's own notice when it has one, else what «short for the 1st» would say of its charge
    notice = next(iter(coming(number, forecast)), None) or Notice(
        NoticeKind.SHORT, "preview", number, forecast.next_charge.amount, forecast.next_charge.at
    )
    title, text = notice_text(notice)
    preview = NotificationPreview(title, text, icon_path(Level.SOON))
    preview.adjustSize()
    save(preview, "tray_notification")


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
                _dialogs(app, controller, window, demo, save, args.out)
                _tray(app, controller, save)
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
