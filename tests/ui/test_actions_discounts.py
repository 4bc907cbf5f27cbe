"""«Получить скидку» / «Продлить скидку» (R-DISC-1…4) through the real widgets and server.

Taking a discount writes off exactly the advance shown and covers exactly the period shown; a
short balance says how much advance is missing and offers to pay it; with a balance ≤ 0 or a
credit in force the table is read-only and says why; the extension works in its window.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from uihelpers import plain_text, wait_loaded

from annet_contract.money import format_money
from annet_contract.schema import BalanceKind, JournalAction, ServiceKind
from annet_desktop.api import errors
from annet_desktop.domain import rules
from annet_desktop.ui.dialogs.discounts import DiscountDialog
from annet_desktop.ui.dialogs.service import ServiceDialog


def _errors(controller: Any) -> list[str]:
    return [m.text for m in controller.messages.history if m.kind == "error"]


def _discount_service(controller: Any, key: str = "discount") -> Any:
    for service in controller.state.services_of() or []:
        allowed = getattr(service.actions, key)
        if service.kind is ServiceKind.INTERNET and (allowed.allowed or allowed.reason):
            return service
    raise AssertionError(f"no internet service offering {key}")


def _open_offers(qtbot: Any, window: Any, service: Any, key: str = "discount") -> DiscountDialog:
    window.services.open_service(service)
    dialog = window.actions.last
    assert isinstance(dialog, ServiceDialog)
    assert key in dialog.visible_buttons()
    offers = dialog.trigger(key)
    assert isinstance(offers, DiscountDialog)
    qtbot.waitUntil(lambda: offers.offers is not None, timeout=20000)
    return offers


def test_take_discount_writes_off_the_advance_shown_for_the_period_shown(
    qtbot: Any, logged_in: Callable[..., Any], server: Any
) -> None:
    controller, window, demo = logged_in("internet-discount")
    number = controller.state.selected_account
    service = _discount_service(controller)
    assert service.actions.discount.allowed
    dialog = _open_offers(qtbot, window, service)
    table = dialog.offers
    assert table.selectable and table.offers
    row = max(r for r, o in enumerate(table.offers) if o.missing == 0)  # the largest affordable
    offer = table.offers[row]
    confirm = dialog.choose_row(row)
    assert confirm is not None
    start, end = rules.offer_period(table, offer)
    text = confirm.text.text()
    assert format_money(offer.advance) in text and rules.format_period(start, end) in text
    assert format_money(offer.fee_with_discount) in text
    balance_before = server.client(demo).account(number).balance
    loads: list[str] = []
    controller.state.loadStarted.connect(lambda part, _n: loads.append(part))
    with qtbot.waitSignal(confirm.finished, timeout=20000):
        confirm.confirm_button.click()
    wait_loaded(qtbot, controller)
    assert sorted(set(loads)) == ["account", "balance", "journal", "services"]  # money moved: all it shows in
    client = server.client(demo)
    after = next(s for s in client.services(number) if s.id == service.id)
    # exactly what was shown: percent, period, fee, advance
    assert after.discount is not None
    assert (after.discount.percent, after.discount.starts_on, after.discount.ends_on) == (
        offer.percent,
        start,
        end,
    )
    assert after.discount.fee_with_discount == offer.fee_with_discount
    assert client.account(number).balance == balance_before - offer.advance
    history = client.balance_history(number).items
    assert history[0].kind is BalanceKind.DISCOUNT_ADVANCE and history[0].amount == -offer.advance
    assert client.journal().items[0].action is JournalAction.DISCOUNT
    # the app shows it at once: service window, balance tab, account, journal
    assert window.actions.last.values["discount"].text().startswith(f"{offer.percent}% ")
    state = controller.state
    assert next(s for s in state.services_of() if s.id == service.id).discount is not None
    assert state.balance_of().items[0].kind is BalanceKind.DISCOUNT_ADVANCE
    assert state.account().balance == balance_before - offer.advance
    assert state.journal.items[0].action is JournalAction.DISCOUNT
    info = [m.text for m in controller.messages.history if m.kind == "info"][-1]
    assert rules.format_period(start, end) in info and format_money(offer.advance) in info
    assert _errors(controller) == []


def _set_balance(server: Any, number: str, balance: Decimal) -> None:
    """Test setup (white box): put the account's balance where the case needs it."""
    from sqlalchemy import select

    from annet_server.models import Account

    with server.session() as db:
        account = db.scalar(select(Account).where(Account.number == number))
        account.balance_kopecks = int(balance * 100)
        db.commit()


def test_short_balance_says_how_much_advance_is_missing_and_offers_to_pay(
    qtbot: Any, logged_in: Callable[..., Any], server: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    controller, window, demo = logged_in("internet-discount")
    number = controller.state.selected_account
    service = _discount_service(controller)
    largest = max(o.advance for o in server.client(demo).discounts(number, service.id).offers)
    _set_balance(server, number, largest - Decimal("100.00"))  # 100 ₽ short of the largest advance
    asked: list[tuple[str, Decimal]] = []
    monkeypatch.setattr(window.actions, "pay", lambda n, a=None: asked.append((n, a)))
    dialog = _open_offers(qtbot, window, service)
    table = dialog.offers
    assert table.selectable
    row = next(r for r, o in enumerate(table.offers) if o.advance == largest)
    offer = table.offers[row]
    assert offer.missing == Decimal("100.00")
    assert dialog.model.data(dialog.model.index(row, 4)) == format_money(offer.missing)  # visible
    assert dialog.choose_row(row) is None  # no confirmation
    warning = [m.text for m in controller.messages.history if m.kind == "warning"][-1]
    assert "не хватает " + format_money(offer.missing) in warning
    assert "не хватает " + format_money(offer.missing) in dialog.note.text()
    assert not dialog.pay_button.isHidden()
    assert plain_text(dialog.pay_button) == "Оплатить " + format_money(Decimal("100.00"))
    dialog.pay_button.click()
    assert asked == [(number, Decimal("100.00"))]
    with pytest.raises(errors.RuleViolation):
        server.client(demo).take_discount(number, service.id, offer.id)
    assert server.client(demo).account(number).balance == largest - Decimal("100.00")  # nothing taken


@pytest.mark.parametrize("balance", [Decimal("0.00"), Decimal("-0.01")])
def test_read_only_table_when_the_balance_is_not_positive(
    qtbot: Any, logged_in: Callable[..., Any], server: Any, balance: Decimal
) -> None:
    controller, window, demo = logged_in("internet-discount")
    number = controller.state.selected_account
    service = _discount_service(controller)
    _set_balance(server, number, balance)
    dialog = _open_offers(qtbot, window, service)
    table = dialog.offers
    assert not table.selectable and table.reason
    assert "меньше или равен 0" in table.reason
    assert dialog.note.text().startswith(table.reason)
    for row in range(len(table.offers)):
        assert dialog.choose_row(row) is None and dialog.note.text() == table.reason
        assert dialog.confirm is None and dialog.pay_button.isHidden()
    with pytest.raises(errors.RuleViolation):
        server.client(demo).take_discount(number, service.id, table.offers[0].id)


def test_balance_one_kopeck_above_zero_is_selectable(
    qtbot: Any, logged_in: Callable[..., Any], server: Any
) -> None:
    """The edge of R-DISC-2: 0,01 ₽ is a positive balance (rows selectable, each short)."""
    controller, window, _demo = logged_in("internet-discount")
    number = controller.state.selected_account
    service = _discount_service(controller)
    _set_balance(server, number, Decimal("0.01"))
    dialog = _open_offers(qtbot, window, service)
    assert dialog.offers.selectable
    assert all(o.missing == o.advance - Decimal("0.01") for o in dialog.offers.offers)


def test_read_only_table_when_a_credit_is_in_force(
    qtbot: Any, logged_in: Callable[..., Any], server: Any
) -> None:
    """Balance ≤ 0 or a credit in force: the table is shown only to read, and says why (R-DISC-2)."""
    controller, window, demo = logged_in("credit-available")
    number = controller.state.selected_account
    server.client(demo).take_credit(number)
    # a credit in force with a positive balance (white box: a top-up would repay the credit, and
    # a balance ≤ 0 would be the other reason), so the credit is the reason shown
    _set_balance(server, number, Decimal("5000.00"))
    assert server.client(demo).account(number).credit.in_force
    controller.state.refresh(("account", "services"))
    wait_loaded(qtbot, controller)
    service = _discount_service(controller)
    # the button stays on (a credit does not forbid a discount by itself): the table says why not now
    assert service.actions.discount.allowed
    dialog = _open_offers(qtbot, window, service)
    table = dialog.offers
    assert not table.selectable and table.reason
    assert "кредит" in table.reason
    assert dialog.note.text().startswith(table.reason)
    for row in range(len(table.offers)):
        assert dialog.choose_row(row) is None
        assert dialog.note.text() == table.reason
    with pytest.raises(errors.RuleViolation) as refused:
        server.client(demo).take_discount(number, service.id, table.offers[0].id)
    assert str(refused.value)


def test_extend_discount_in_its_window(qtbot: Any, logged_in: Callable[..., Any], server: Any) -> None:
    controller, window, demo = logged_in("discount-extendable")
    number = controller.state.selected_account
    service = _discount_service(controller, "extend_discount")
    assert service.actions.extend_discount.allowed and service.discount is not None
    dialog = _open_offers(qtbot, window, service, "extend_discount")
    table = dialog.offers
    assert dialog.windowTitle().startswith("Продлить скидку")
    assert table.selectable, f"the discount-extendable demo can extend now: {table.reason}"
    row = next((r for r, o in enumerate(table.offers) if o.missing == 0), None)
    assert row is not None, "the discount-extendable demo's balance covers at least one extension"
    offer = table.offers[row]
    start, end = rules.offer_period(table, offer)
    confirm = dialog.choose_row(row)
    assert confirm is not None and "продлена" in confirm.text.text()
    with qtbot.waitSignal(confirm.finished, timeout=20000):
        confirm.confirm_button.click()
    wait_loaded(qtbot, controller)
    after = next(s for s in server.client(demo).services(number) if s.id == service.id)
    assert after.discount is not None and after.discount.ends_on == end
    assert start > service.discount.starts_on
    assert server.client(demo).journal().items[0].action is JournalAction.DISCOUNT_EXTEND
