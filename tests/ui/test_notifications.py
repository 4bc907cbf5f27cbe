"""Notifications (issue 14.6) through the real server on its fake clock: each once at its edge,
never again after a restart (a new app, the same settings), a click opens its tab, a kind turned
off stays quiet, and nothing sensitive in the text.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from watch_fixtures import refreshed, set_balance

from annet_contract.money import format_money
from annet_contract.moscow import MOSCOW
from annet_server import models as m

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "paysandbox"))
from sandbox_payer import APPROVED, Payer

SHORT = "Не хватит на ежемесячное списание"


def _titles(watch: Any) -> list[str]:
    return [title for title, _text in watch.port.messages]


def test_money_short_for_the_1st_from_5_days_before_once_and_not_after_a_restart(
    qtbot: Any, watched: Callable[..., Any], server: Any
) -> None:
    demo = server.by_case("internet-discount")
    set_balance(server, demo.account, 10_00)  # 10 ₽: December is not paid for
    server.clock.set(dt.datetime(2026, 11, 25, 12, 0, tzinfo=MOSCOW))  # the day before the edge
    controller, window, watch = watched("internet-discount", password=True)
    assert SHORT not in _titles(watch)
    server.clock.set(dt.datetime(2026, 11, 26, 0, 0, tzinfo=MOSCOW))  # 5 days before the 1st
    refreshed(qtbot, watch)  # (the session ended meanwhile: logged in again quietly)
    assert _titles(watch).count(SHORT) == 1
    text = dict(watch.port.messages)[SHORT]
    forecast = watch.refresher.last.accounts[demo.account].forecast
    assert text == (
        f"Денег на счёте не хватит на списание 01.12.2026: пополните счёт на "
        f"{format_money(forecast.recommended_payment)}."
    )
    for secret in (demo.password, controller.state.me.name, demo.name):
        assert all(secret not in t and secret not in x for t, x in watch.port.messages)
    refreshed(qtbot, watch)
    assert _titles(watch).count(SHORT) == 1  # once

    window.show_tab("tab_services")
    watch.port.messageClicked.emit()  # a click on the message opens «Счёт»
    assert window.current_tab().objectName() == "tab_account"

    settings_path = controller.settings.path
    controller.shutdown()  # a restart: a new app over the same settings file
    again, _window2, watch2 = watched("internet-discount", password=True)
    assert again.settings.path == settings_path
    assert SHORT not in _titles(watch2)


def _pay(server: Any, demo: Any, amount: str) -> None:
    """Pay in «the browser»: the order from the API, the sandbox's form posted as a browser would."""
    client = server.client(login=demo)
    order = client.create_payment(demo.account, Decimal(amount))
    payer = Payer(order.payment_url)
    payer.card(APPROVED)
    payer.close()


def test_an_online_payment_credited_once_unless_turned_off(
    qtbot: Any, watched: Callable[..., Any], server: Any
) -> None:
    demo = server.by_case("internet-discount")
    controller, _window, watch = watched("internet-discount")
    _pay(server, demo, "123.45")
    refreshed(qtbot, watch)
    expected = f"На счёт зачислено {format_money(Decimal('123.45'))} (16.11.2026)."
    assert dict(watch.port.messages)["Платёж зачислен"] == expected
    assert watch.notifier.last.tab == "tab_balance"
    refreshed(qtbot, watch)
    assert _titles(watch).count("Платёж зачислен") == 1

    controller.settings.set("notify/payment", False)
    _pay(server, demo, "10")
    refreshed(qtbot, watch)
    assert _titles(watch).count("Платёж зачислен") == 1


def _admin_block(server: Any, number: str, on: bool) -> None:
    with server.session() as db:
        acc = db.execute(select(m.Account).where(m.Account.number == number)).scalar_one()
        acc.services[0].admin_block = on
        db.commit()


def test_an_administrative_block_appears_and_ends(
    qtbot: Any, watched: Callable[..., Any], server: Any
) -> None:
    demo = server.by_case("internet-discount")
    _controller, window, watch = watched("internet-discount")
    _admin_block(server, demo.account, True)
    refreshed(qtbot, watch)
    assert "Административная блокировка" in _titles(watch)
    window.show_tab("tab_account")
    watch.port.messageClicked.emit()
    assert window.current_tab().objectName() == "tab_services"
    _admin_block(server, demo.account, False)
    refreshed(qtbot, watch)
    assert "Административная блокировка снята" in _titles(watch)
    assert _titles(watch).count("Административная блокировка") == 1
