"""A payment finished in the system browser is noticed (issue 14.7): after «Открыть в браузере»
the watcher keeps asking the server about the pending order and says when it is paid, instead of
«Оплата прервана». The sandbox's form is posted with requests, as the browser would.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from PySide6.QtCore import QUrl

from annet_contract.schema import OrderState
from annet_desktop.ui.dialogs import payment as payment_module
from annet_desktop.ui.dialogs.payment import PaymentDialog
from annet_desktop.ui.dialogs.payment_watcher import PaymentWatcher

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "paysandbox"))
from sandbox_payer import APPROVED, Payer

TIMEOUT = 20000


def _order(server: Any, demo: Any) -> Any:
    return server.client(login=demo).create_payment(demo.account, Decimal("200"))


def _fast(monkeypatch: Any) -> None:
    """Ask every few milliseconds instead of seconds (the schedule's shape stays)."""
    monkeypatch.setattr(PaymentWatcher, "FAST_MS", 20)
    monkeypatch.setattr(PaymentWatcher, "FAST_FOR_MS", 60)
    monkeypatch.setattr(PaymentWatcher, "SLOW_MS", 50)
    monkeypatch.setattr(PaymentWatcher, "FOLLOW_MS", 100_000)


def test_the_dialog_closed_after_open_in_browser_follows_the_order_until_paid(
    qtbot: Any, logged_in: Callable[..., Any], server: Any, monkeypatch: Any
) -> None:
    _fast(monkeypatch)
    controller, window, demo = logged_in("internet-discount")
    controller.messages.show_boxes = False
    opened: list[str] = []
    monkeypatch.setattr(payment_module, "open_in_browser", lambda url: opened.append(url.toString()) or True)
    order = _order(server, demo)
    dialog = PaymentDialog(window.ctx, demo.account)
    dialog.order = order
    window.ctx.demo_origin = server.url  # the test server plays the demo's: its sandbox is http
    dialog.page = SimpleNamespace(shareable_url=QUrl(order.payment_url), url=lambda: QUrl(order.payment_url))
    dialog.browser_button.click()  # «Открыть в браузере»
    assert opened == [order.payment_url] and dialog.opened_in_browser
    dialog.reject()  # the subscriber goes on paying in the browser
    watcher = dialog.watcher
    assert watcher is not None and watcher.browser
    qtbot.waitUntil(lambda: watcher.following, timeout=TIMEOUT)
    assert "Ждём оплату в браузере" in controller.messages.last().text
    assert not any("Оплата прервана" in t for t in controller.messages.texts())

    payer = Payer(order.payment_url)  # «the browser»
    payer.card(APPROVED)
    payer.close()
    with qtbot.waitSignal(watcher.settled, timeout=TIMEOUT) as settled:
        pass
    assert settled.args[0].state is OrderState.PAID
    assert controller.messages.last().text.startswith("Оплата прошла успешно")
    assert order.order_number in controller.messages.last().text


def test_the_schedule_every_few_seconds_then_every_minute_up_to_30_minutes(
    qtbot: Any, logged_in: Callable[..., Any], server: Any
) -> None:
    _controller, window, demo = logged_in("internet-discount")
    watcher = PaymentWatcher(window.ctx, demo.account, _order(server, demo), False, True, browser=True)
    waits = []
    while watcher._follow():
        waits.append(watcher._timer.interval())
    watcher._timer.stop()
    assert waits[:24] == [5_000] * 24  # two minutes of every 5 seconds
    assert set(waits[24:]) == {60_000}
    assert sum(waits) == 30 * 60_000


def test_logout_stops_following(
    qtbot: Any, logged_in: Callable[..., Any], server: Any, monkeypatch: Any
) -> None:
    _fast(monkeypatch)
    controller, window, demo = logged_in("internet-discount")
    controller.messages.show_boxes = False
    watcher = PaymentWatcher(window.ctx, demo.account, _order(server, demo), False, True, browser=True)
    watcher.start()
    qtbot.waitUntil(lambda: watcher.following, timeout=TIMEOUT)
    timer = watcher._timer
    controller.logout()
    assert not timer.isActive()


def test_without_the_browser_a_closed_dialog_still_says_interrupted(
    qtbot: Any, logged_in: Callable[..., Any], server: Any
) -> None:
    controller, window, demo = logged_in("internet-discount")
    controller.messages.show_boxes = False
    watcher = PaymentWatcher(window.ctx, demo.account, _order(server, demo), False, True)
    with qtbot.waitSignal(watcher.settled, timeout=TIMEOUT):
        watcher.start()
    assert controller.messages.last().text.startswith("Оплата прервана")
