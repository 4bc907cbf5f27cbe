"""«Счёт» shows the forecast (issue 14): how long the money lasts, or pay-by-the-10th, and the next charge.

Real widgets against the real server on its fake clock (16.11.2026 12:00); the texts must say what
the server's forecast says, in Russian and in English.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from annet_contract.money import format_money
from annet_contract.moscow import format_date
from annet_server import models as m


def _shown(qtbot: Any, controller: Any) -> Any:
    forecasts = controller.state.forecasts
    qtbot.waitUntil(lambda: forecasts.of() is not None, timeout=20000)
    return forecasts.of()


def _set_balance(server: Any, number: str, kopecks: int) -> None:
    with server.session() as db:
        acc = db.execute(select(m.Account).where(m.Account.number == number)).scalar_one()
        acc.balance_kopecks = kopecks
        db.commit()


def test_money_lasts_until_and_the_next_charge(
    qtbot: Any, logged_in: Callable[..., Any], server: Any
) -> None:
    controller, window, _demo = logged_in("internet-discount")
    forecast = _shown(qtbot, controller)
    tab = window.account
    assert forecast.recommended_payment == controller.state.account().recommended_payment
    text = tab.values["forecast"].text()
    if forecast.lasts_until is not None:
        assert text == "Хватит до " + format_date(forecast.lasts_until)
    else:
        assert text == "Хватит больше чем на год"
    assert tab.values["next_charge"].text() == format_money(forecast.next_charge.amount) + " — 01.12.2026"
    assert tab.values["forecast"].accessibleName() == "Прогноз"


def test_pay_by_the_10th_or_blocked_from_the_11th(
    qtbot: Any, logged_in: Callable[..., Any], server: Any
) -> None:
    demo = server.by_case("internet-discount")
    _set_balance(server, demo.account, 10_00)  # 10 ₽: December is not covered
    controller, window, _demo = logged_in("internet-discount")
    forecast = _shown(qtbot, controller)
    assert forecast.recommended_payment > 0
    amount = format_money(forecast.recommended_payment)
    assert window.account.values["forecast"].text() == (
        f"Пополните до 10.12 на {amount}, иначе с 11.12 блокировка"
    )


def test_in_english(qtbot: Any, logged_in: Callable[..., Any], server: Any) -> None:
    demo = server.by_case("internet-discount")
    _set_balance(server, demo.account, 10_00)
    controller, window, _demo = logged_in("internet-discount", "en")
    forecast = _shown(qtbot, controller)
    text = window.account.values["forecast"].text()
    assert text.startswith("Top up by 10.12 with ")
    assert text.endswith(", or the account is blocked from 11.12")
    assert forecast.balance == Decimal("10.00")


def test_a_block_in_force_says_what_lifts_it(
    qtbot: Any, logged_in: Callable[..., Any], server: Any
) -> None:
    controller, window, _demo = logged_in("credit-available")
    forecast = _shown(qtbot, controller)
    block = next(e for e in forecast.events if e.kind.value == "financial_block")
    assert block.in_force
    text = window.account.values["forecast"].text()
    assert text.startswith("Блокировка с ") and format_money(block.amount) in text


def test_a_block_months_away_is_not_urgent_the_line_says_how_long_it_lasts(
    qtbot: Any, logged_in: Callable[..., Any], server: Any
) -> None:
    demo = server.by_case("internet-discount")
    _set_balance(server, demo.account, 1000_00)  # covers December, not the months after
    controller, window, _demo = logged_in("internet-discount")
    forecast = _shown(qtbot, controller)
    block = next(e for e in forecast.events if e.kind.value == "financial_block")
    assert forecast.recommended_payment == 0 and not block.in_force and forecast.lasts_until is not None
    assert window.account.values["forecast"].text() == "Хватит до " + format_date(forecast.lasts_until)
