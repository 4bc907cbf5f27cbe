"""Walk every window of the app at one scale factor; print what does not fit or has no name (JSON).

``python tests/ui/walk_windows.py SERVER_URL ACCOUNT PASSWORD DEMO_JSON --lang ru en`` with
``QT_SCALE_FACTOR`` and ``QT_QPA_PLATFORM`` set by the caller (the scale factor must be set before
QApplication exists, hence a process per scale). ``DEMO_JSON`` lists the demo subscribers (as the
``--demo`` drop-down shows them; the server's seed module is not imported here: it takes seconds).

One login per language: the login window (the demo subscribers arriving after it is shown, then
«Доступ запрещён»), every tab of the main window, every dialog of the actions (``demo_dialogs``),
the payment dialog (its amount page), the settings, the About box and the re-login window. For each
it reports the texts cut off by their widget (:func:`annet_desktop.ui.widgets.fit.clipped_texts`),
the controls without a name or a description (:func:`annet_desktop.ui.widgets.naming.unnamed_widgets`),
the mnemonics missing or clashing (:func:`annet_desktop.ui.widgets.mnemonics.mnemonic_problems`) and
the windows larger than the screen's available area. Prints one JSON object: ``{"clipped": [...],
"unnamed": [...], "mnemonics": [...], "too_big": [...], "windows": [...]}``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

#: labels elided or scrolled by design (their full text is in a tooltip or the table): none today
EXEMPT: tuple[str, ...] = ()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("account")
    parser.add_argument("password")
    parser.add_argument("demo_json", type=Path)
    parser.add_argument("--lang", nargs="+", default=["ru"])
    parser.add_argument(
        "--deny-account",
        default="999999",
        help="the number «Доступ запрещён» is shown for (no such account: the budgets of the "
        "subscriber walked are not spent; one number per process run side by side)",
    )
    parser.add_argument("--shots", type=Path, help="save a PNG of every window walked here")
    args = parser.parse_args(argv)
    scratch = Path(tempfile.mkdtemp(prefix="annet-walk-"))
    os.environ["ANNET_DESKTOP_CONFIG_DIR"] = str(scratch / "config")
    os.environ["ANNET_DESKTOP_CACHE_DIR"] = str(scratch / "cache")
    demo = [SimpleNamespace(**d) for d in json.loads(args.demo_json.read_text(encoding="utf-8"))]

    from annet_desktop import memory_keyring

    memory_keyring.install()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    kinds = ("clipped", "unnamed", "mnemonics", "too_big", "windows")
    report: dict[str, list[str]] = {kind: [] for kind in kinds}
    for lang in args.lang:
        error = walk(args, lang, demo, report)
        if error:
            print(json.dumps({"error": error}, ensure_ascii=False))
            return 1
    print(json.dumps(report, ensure_ascii=False))
    del app
    return 0


def _wait(condition: Callable[[], bool]) -> None:
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: loop.quit() if condition() else None)
    timer.start(10)
    QTimer.singleShot(30000, loop.quit)
    if not condition():
        loop.exec()
    timer.stop()
    for _ in range(3):
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def walk(args: argparse.Namespace, lang: str, demo: list[Any], report: dict[str, list[str]]) -> str:
    """Walk every window in ``lang``; add what is wrong to ``report``. Returns a login error or ''."""
    from annet_desktop.app import AppController
    from annet_desktop.ui.dialogs.actions import demo_dialogs
    from annet_desktop.ui.dialogs.payment import PaymentDialog
    from annet_desktop.ui.relogin import ReloginDialog
    from annet_desktop.ui.widgets.fit import available_area, clipped_texts
    from annet_desktop.ui.widgets.mnemonics import mnemonic_problems
    from annet_desktop.ui.widgets.naming import unnamed_widgets

    def check(window: Any, name: str) -> None:
        _wait(lambda: True)
        name = f"{lang}/{name}"
        report["windows"].append(name)
        report["clipped"] += [f"{name}: {text}" for text in clipped_texts(window, EXEMPT)]
        report["unnamed"] += [f"{name}: {problem}" for problem in unnamed_widgets(window)]
        report["mnemonics"] += [f"{name}: {problem}" for problem in mnemonic_problems(window)]
        area = available_area(window)
        frame = window.frameGeometry()
        if area is not None and (frame.width() > area.width() or frame.height() > area.height()):
            size = f"{frame.width()}x{frame.height()} > {area.width()}x{area.height()}"
            report["too_big"].append(f"{name}: {size}")
        if args.shots is not None:
            args.shots.mkdir(parents=True, exist_ok=True)
            window.grab().save(str(args.shots / f"{name.replace('/', '_')}.png"))

    controller = AppController(server_url=args.url, language=lang)
    controller.messages.show_boxes = False
    dialog = controller.start()
    _wait(lambda: dialog._keyring_checked)
    dialog.set_demo_accounts(demo)  # as with --demo: they arrive once the window is on screen
    check(dialog, "login")
    dialog.account.setText(args.deny_account)
    dialog.password.setText(args.password + "-wrong")
    dialog.submit()
    _wait(lambda: not dialog.busy)
    check(dialog, "login_denied")
    dialog.account.setText(args.account)
    dialog.password.setText(args.password)
    dialog.submit()
    _wait(lambda: controller.window is not None or not dialog.busy)
    window = controller.window
    if window is None:
        controller.shutdown()  # the API thread stopped before the process ends
        return str(dialog.error.text())
    _wait(lambda: not controller.worker.busy)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        _wait(lambda: not controller.worker.busy)
        check(window, "main_" + window.tabs.widget(index).objectName())
    for name, shown in demo_dialogs(window.ctx):
        shown.show()
        _wait(lambda: not controller.worker.busy)
        check(shown, f"dialog_{name}")
        shown.close()
    payment = PaymentDialog(window.ctx, window.ctx.state.selected_account)
    payment.show()
    check(payment, "dialog_payment")
    payment.close()
    settings = window.open_settings()
    check(settings, "dialog_settings")
    settings.close()
    about = window.menus.show_about()
    check(about, "dialog_about")
    about.close()
    relogin = ReloginDialog(controller.worker, args.account, "", window)
    relogin.show()
    check(relogin, "dialog_relogin")
    relogin.close()
    controller.shutdown()
    window.close()
    return ""


if __name__ == "__main__":
    sys.exit(main())
