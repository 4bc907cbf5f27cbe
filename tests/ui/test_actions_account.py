"""«Счёт»: «Получить кредит» (R-CREDIT-1/2) and «Оплатить» through the real widgets and server."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from uihelpers import wait_loaded

from annet_contract.moscow import format_datetime
from annet_contract.schema import JournalAction
from annet_desktop.api import errors
from annet_desktop.domain import rules
from annet_desktop.ui.dialogs.credit import CreditDialog


def _open_app(logged_in: Callable[..., Any], server: Any, case: str) -> tuple[Any, Any, Any]:
    controller, window, demo = logged_in(case)
    window.actions.clock = server.clock.now  # dates worded on the server's (fake) time
    return controller, window, demo


def _errors(controller: Any) -> list[str]:
    return [m.text for m in controller.messages.history if m.kind == "error"]


def test_credit_confirmation_says_until_when_and_takes_it(
    qtbot: Any, logged_in: Callable[..., Any], server: Any
) -> None:
    controller, window, demo = _open_app(logged_in, server, "credit-available")
    tab = window.account
    seen = {e.id for e in server.client(demo).journal().items}
    assert tab.credit_button.isVisibleTo(tab)
    tab.credit_button.click()
    dialog = window.actions.last
    assert isinstance(dialog, CreditDialog) and dialog.isVisible()
    until = rules.credit_until(server.clock.now())
    assert "на 5 дней" in dialog.text.text()
    assert "ровно 120 часов, до " + format_datetime(until) + "." in dialog.text.text()
    loads: list[str] = []
    controller.state.loadStarted.connect(lambda part, _n: loads.append(part))
    with qtbot.waitSignal(dialog.succeeded, timeout=20000):
        dialog.confirm_button.click()
    wait_loaded(qtbot, controller)
    # money moved: everything it shows in is reloaded (the account came back with the answer too)
    assert sorted(set(loads)) == ["account", "balance", "journal", "services"]
    client = server.client(demo)
    account = client.account(controller.state.selected_account)
    assert account.credit.in_force and not account.financial_block
    assert account.credit.ends_at == until  # exactly what the confirmation said
    new = [e for e in client.journal().items if e.id not in seen]
    assert JournalAction.CREDIT in [e.action for e in new]  # (with the system's unblock entry)
    # what the user read after it: the server's end time
    info = [m.text for m in controller.messages.history if m.kind == "info"][-1]
    assert format_datetime(account.credit.ends_at) in info
    # the tabs show it at once: no credit button, no financial block in the services table
    assert not tab.credit_button.isVisibleTo(tab)
    assert tab.values["credit"].text().startswith("Действует до ")
    assert all(getattr(s.block, "value", None) != "financial" for s in controller.state.services_of())
    assert JournalAction.CREDIT in [e.action for e in controller.state.journal.items[: len(new)]]
    assert _errors(controller) == []


def test_credit_banned_button_hidden_with_date_and_server_refusal_shown(
    qtbot: Any, logged_in: Callable[..., Any], server: Any
) -> None:
    controller, window, demo = _open_app(logged_in, server, "credit-banned")
    tab = window.account
    account = controller.state.account()
    assert not account.credit.available and account.credit.banned_until is not None
    assert not tab.credit_button.isVisibleTo(tab)
    assert account.credit.banned_until.strftime("%d.%m.%Y") in tab.values["credit"].text()
    # even if asked directly (a stale window), the server's refusal is what the user reads
    with pytest.raises(errors.RuleViolation) as refused:
        server.client(demo).take_credit(controller.state.selected_account)
    dialog = window.actions.take_credit(controller.state.selected_account)
    with qtbot.waitSignal(dialog.refused, timeout=20000):
        dialog.confirm_button.click()
    assert _errors(controller) == [str(refused.value)]
    assert not dialog.isVisible()
    assert not server.client(demo).account(controller.state.selected_account).credit.in_force


def test_pay_opens_the_payment_dialog_with_the_account(
    qtbot: Any, logged_in: Callable[..., Any], server: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """«Оплатить» hands the selected account to the payment dialog (its own issue tests the rest)."""
    from annet_desktop.ui.dialogs import payment

    calls: list[tuple[str, Any]] = []
    monkeypatch.setattr(payment, "open_payment", lambda c, n, a: calls.append((n, a)))
    controller, window, _demo = _open_app(logged_in, server, "credit-available")
    window.account.pay_button.click()
    assert calls == [(controller.state.selected_account, None)]
