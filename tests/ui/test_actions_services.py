"""«Услуги»: «Новая», the service window, «Сменить тариф», «Заблокировать»/«Разблокировать».

Through the real widgets to the server's changed state and its journal entry; each refusal of
SPEC §3 (tariff twice in a month, promo tariff, second voluntary block in a month, block under an
administrative block, short balance for a new service) shows what the user reads.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from uihelpers import plain_text, wait_loaded

from annet_contract.money import format_money
from annet_contract.schema import BalanceKind, BlockKind, JournalAction, ServiceKind
from annet_desktop.api import errors
from annet_desktop.domain import rules
from annet_desktop.ui.dialogs.confirm import ConfirmDialog
from annet_desktop.ui.dialogs.new_service import CONFIRM, NewServiceDialog
from annet_desktop.ui.dialogs.service import ServiceDialog
from annet_desktop.ui.dialogs.tariffs import TariffDialog

MONTHLY = "Смена тарифа разрешена только один раз в месяц"


def _open_app(logged_in: Callable[..., Any], server: Any, case: str) -> tuple[Any, Any, Any]:
    controller, window, demo = logged_in(case)
    window.actions.clock = server.clock.now
    return controller, window, demo


def _errors(controller: Any) -> list[str]:
    return [m.text for m in controller.messages.history if m.kind == "error"]


def _service(controller: Any, predicate: Callable[[Any], bool]) -> Any:
    found = [s for s in controller.state.services_of() or [] if predicate(s)]
    assert found, [(s.name, s.block, s.actions) for s in controller.state.services_of() or []]
    return found[0]


def _internet(s: Any) -> bool:
    return bool(s.kind is ServiceKind.INTERNET)


def _open_service(qtbot: Any, window: Any, service: Any) -> ServiceDialog:
    """A click on the service's name in the table opens its window."""
    tab = window.services
    row = next(r for r in range(tab.model.rowCount()) if tab.service_at(r).id == service.id)
    index = tab.model.index(row, 0)
    rect = tab.panel.view.visualRect(index)
    from PySide6.QtCore import Qt

    window.show_tab("tab_services")
    qtbot.mouseClick(tab.panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = window.actions.last
    assert isinstance(dialog, ServiceDialog) and dialog.isVisible()
    return dialog


def _quoted(qtbot: Any, dialog: ConfirmDialog) -> None:
    """Wait for the server's quote: the confirm button is armed only once the amounts are shown."""
    qtbot.waitUntil(lambda: dialog.quote is not None and dialog.confirm_button.isEnabled(), timeout=20000)


def _confirm(qtbot: Any, controller: Any, dialog: ConfirmDialog) -> None:
    _quoted(qtbot, dialog)
    with qtbot.waitSignal(dialog.finished, timeout=20000):
        dialog.confirm_button.click()
    wait_loaded(qtbot, controller)


def _server_service(server: Any, demo: Any, number: str, service_id: int) -> Any:
    return next(s for s in server.client(demo).services(number) if s.id == service_id)


# --------------------------------------------------------------------------- the service window


def test_service_window_shows_info_and_only_the_buttons_that_apply(
    qtbot: Any, logged_in: Callable[..., Any], server: Any
) -> None:
    controller, window, _demo = _open_app(logged_in, server, "internet-discount")
    service = _service(controller, _internet)
    dialog = _open_service(qtbot, window, service)
    assert dialog.values["name"].text() == service.name
    assert dialog.values["tariff"].text().startswith(service.tariff.name)
    assert dialog.values["fee"].text().startswith(format_money(service.fee))
    expected = [b.key for b in rules.service_buttons(service)]
    assert dialog.visible_buttons() == expected
    assert "block" in expected and "unblock" not in expected
    assert "discount" in expected or "extend_discount" in expected
    assert plain_text(dialog.buttons["change_tariff"]) == "Сменить тариф"


def test_promo_tariff_button_disabled_with_the_reason(
    qtbot: Any, logged_in: Callable[..., Any], server: Any
) -> None:
    controller, window, demo = _open_app(logged_in, server, "promo-tariff")
    service = _service(controller, lambda s: s.tariff.promo)
    dialog = _open_service(qtbot, window, service)
    button = dialog.buttons["change_tariff"]
    reason = service.actions.change_tariff.reason
    assert not button.isHidden() and not button.isEnabled() and reason
    assert button.toolTip() == reason
    assert reason in dialog.reasons.text() and dialog.reasons.isVisibleTo(dialog)
    assert dialog.trigger("change_tariff") is None  # a disabled button opens nothing
    # the server refuses it as well, in the words the button shows or its own
    with pytest.raises(errors.RuleViolation):
        options = server.client(demo).tariffs(controller.state.selected_account, service.id)
        other = next(t for t in options.tariffs if t.id != service.tariff.id)
        server.client(demo).change_tariff(controller.state.selected_account, service.id, other.id)


def test_admin_block_disables_block_with_the_reason(
    qtbot: Any, logged_in: Callable[..., Any], server: Any
) -> None:
    controller, window, _demo = _open_app(logged_in, server, "admin-block")
    service = _service(controller, lambda s: s.block is BlockKind.ADMINISTRATIVE)
    dialog = _open_service(qtbot, window, service)
    assert dialog.values["block"].text() == "Административная"
    button = dialog.buttons["block"]
    assert not button.isHidden() and not button.isEnabled()
    assert button.toolTip() == service.actions.block.reason and button.toolTip()
    assert service.actions.block.reason in dialog.reasons.text()


# --------------------------------------------------------------------------- blocks


def test_block_unblock_and_the_second_block_of_the_month(
    qtbot: Any, logged_in: Callable[..., Any], server: Any
) -> None:
    controller, window, demo = _open_app(logged_in, server, "internet-discount")
    number = controller.state.selected_account
    service = _service(controller, lambda s: s.block is None and s.actions.block.allowed)
    dialog = _open_service(qtbot, window, service)
    confirm = dialog.trigger("block")
    assert isinstance(confirm, ConfirmDialog)
    assert "сразу" in confirm.text.text() and "не чаще одного раза в месяц" in confirm.text.text()
    loads: list[str] = []
    controller.state.loadStarted.connect(lambda part, _n: loads.append(part))
    _confirm(qtbot, controller, confirm)
    # a block returns the rest of the month (R-BLOCK-1): everything money shows in is reloaded
    assert sorted(set(loads)) == ["account", "balance", "journal", "services"]
    assert _server_service(server, demo, number, service.id).block is BlockKind.VOLUNTARY
    assert server.client(demo).journal().items[0].action is JournalAction.BLOCK
    # the window and the table follow: «Разблокировать» instead of «Заблокировать»
    assert dialog.visible_buttons()[1] == "unblock" and dialog.buttons["unblock"].isEnabled()
    assert dialog.values["block"].text() == "Добровольная"
    row = next(s for s in controller.state.services_of() if s.id == service.id)
    assert row.block is BlockKind.VOLUNTARY
    assert controller.state.account().status.value == "blocked"
    confirm = dialog.trigger("unblock")
    _confirm(qtbot, controller, confirm)
    assert _server_service(server, demo, number, service.id).block is None
    assert server.client(demo).journal().items[0].action is JournalAction.UNBLOCK
    # a second voluntary block in the same month: disabled, and the reason is visible
    assert dialog.visible_buttons()[1] == "block"
    button = dialog.buttons["block"]
    fresh = _server_service(server, demo, number, service.id)
    assert not button.isEnabled() and button.toolTip() == fresh.actions.block.reason
    assert fresh.actions.block.reason and fresh.actions.block.reason in dialog.reasons.text()
    with pytest.raises(errors.RuleViolation):
        server.client(demo).block(number, service.id)
    assert _errors(controller) == []


def test_second_block_refused_by_the_server_is_shown(
    qtbot: Any, logged_in: Callable[..., Any], server: Any
) -> None:
    """A window opened before a block made elsewhere: the server's refusal is what the user reads."""
    controller, window, demo = _open_app(logged_in, server, "internet-discount")
    number = controller.state.selected_account
    service = _service(controller, lambda s: s.block is None and s.actions.block.allowed)
    dialog = _open_service(qtbot, window, service)
    confirm = dialog.trigger("block")
    _quoted(qtbot, confirm)
    other = server.client(demo)
    other.block(number, service.id)
    other.unblock(number, service.id)
    with pytest.raises(errors.RuleViolation) as refused:
        other.block(number, service.id)
    with qtbot.waitSignal(confirm.refused, timeout=20000):
        confirm.confirm_button.click()
    assert _errors(controller) == [str(refused.value)]


# --------------------------------------------------------------------------- tariffs


def _tariff_dialog(qtbot: Any, window: Any, dialog: ServiceDialog) -> TariffDialog:
    tariffs = dialog.trigger("change_tariff")
    assert isinstance(tariffs, TariffDialog)
    qtbot.waitUntil(lambda: tariffs.options is not None, timeout=20000)
    return tariffs


def _choosable_row(tariffs: TariffDialog) -> int:
    return next(r for r in range(tariffs.model.rowCount()) if tariffs.model.is_selectable(r))


def test_change_tariff_by_clicking_a_row_then_refused_the_second_time(
    qtbot: Any, logged_in: Callable[..., Any], server: Any
) -> None:
    controller, window, demo = _open_app(logged_in, server, "internet-discount")
    number = controller.state.selected_account
    service = _service(controller, lambda s: s.actions.change_tariff.allowed)
    dialog = _open_service(qtbot, window, service)
    tariffs = _tariff_dialog(qtbot, window, dialog)
    row = _choosable_row(tariffs)
    new = tariffs.model.items[row]
    rect = tariffs.view.visualRect(tariffs.model.index(row, 0))
    from PySide6.QtCore import Qt

    qtbot.mouseClick(tariffs.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    confirm = tariffs.confirm
    assert confirm is not None and confirm.isVisible()
    text = confirm.text.text()
    assert new.name in text and format_money(new.fee) in text
    assert tariffs.options.effective in text  # when it takes effect, as the server says
    loads: list[str] = []
    controller.state.loadStarted.connect(lambda part, _n: loads.append(part))
    _confirm(qtbot, controller, confirm)
    assert sorted(set(loads)) == ["account", "balance", "journal", "services"]
    changed = _server_service(server, demo, number, service.id)
    assert changed.tariff.id == new.id
    entry = server.client(demo).journal().items[0]
    assert entry.action is JournalAction.TARIFF and new.name in (entry.new_value or "")
    assert dialog.values["tariff"].text().startswith(new.name)
    assert next(s for s in controller.state.services_of() if s.id == service.id).tariff.id == new.id
    # the second change this month: the button says why, in the manual's words
    button = dialog.buttons["change_tariff"]
    assert not button.isEnabled() and button.toolTip().startswith(MONTHLY)
    assert MONTHLY in dialog.reasons.text()
    assert _errors(controller) == []


def test_tariff_refused_by_the_server_shows_its_words(
    qtbot: Any, logged_in: Callable[..., Any], server: Any
) -> None:
    """The table was open when the tariff changed elsewhere: «…только один раз в месяц»."""
    controller, window, demo = _open_app(logged_in, server, "internet-discount")
    number = controller.state.selected_account
    service = _service(controller, lambda s: s.actions.change_tariff.allowed)
    dialog = _open_service(qtbot, window, service)
    tariffs = _tariff_dialog(qtbot, window, dialog)
    row = _choosable_row(tariffs)
    other_row = next(
        (r for r in range(tariffs.model.rowCount()) if r != row and tariffs.model.is_selectable(r)), row
    )
    confirm = tariffs.choose_row(other_row)
    assert confirm is not None
    _quoted(qtbot, confirm)  # the quote came before the change made elsewhere
    server.client(demo).change_tariff(number, service.id, tariffs.model.items[row].id)
    with qtbot.waitSignal(confirm.refused, timeout=20000):
        confirm.confirm_button.click()
    wait_loaded(qtbot, controller)
    errors_shown = _errors(controller)
    assert len(errors_shown) == 1
    if other_row != row:
        assert errors_shown == [MONTHLY]
    # the table reloads and now says why no change is possible
    qtbot.waitUntil(lambda: not tariffs.options.change.allowed, timeout=20000)
    assert tariffs.note.text().startswith(MONTHLY)


def test_tariff_table_rows_and_effective_note(qtbot: Any, logged_in: Callable[..., Any], server: Any) -> None:
    """Only other, non-promotional tariffs can be chosen; the table says when a change applies."""
    controller, window, _demo = _open_app(logged_in, server, "internet-discount")
    service = _service(controller, lambda s: s.actions.change_tariff.allowed)
    dialog = _open_service(qtbot, window, service)
    tariffs = _tariff_dialog(qtbot, window, dialog)
    assert tariffs.options.effective in tariffs.note.text()
    assert tariffs.model.rowCount() >= 1
    for row, tariff in enumerate(tariffs.model.items):
        expected = not tariff.promo and tariff.id != service.tariff.id
        assert tariffs.model.is_selectable(row) is expected
        if not expected:
            assert tariffs.choose_row(row) is None
            reason = tariffs.model.reason(row)
            assert reason and reason in tariffs.note.text()
    assert tariffs.confirm is None  # nothing was confirmed by looking


# --------------------------------------------------------------------------- new service


def _new_service(qtbot: Any, window: Any) -> NewServiceDialog:
    window.show_tab("tab_services")
    window.services.new_button.click()
    dialog = window.actions.last
    assert isinstance(dialog, NewServiceDialog)
    qtbot.waitUntil(lambda: dialog.catalog_model.rowCount() > 0, timeout=20000)
    return dialog


def _to_quote(qtbot: Any, dialog: NewServiceDialog) -> None:
    row = next(r for r in range(dialog.catalog_model.rowCount()) if dialog.catalog_model.is_selectable(r))
    dialog.select(dialog.catalog_view, row)
    dialog.next_button.click()
    dialog.select(dialog.tariff_view, 0)
    dialog.next_button.click()
    qtbot.waitUntil(lambda: dialog.quote is not None, timeout=20000)
    assert dialog.pages.currentIndex() == CONFIRM


def test_new_service_catalogue_tariff_first_charge_new_row(
    qtbot: Any, logged_in: Callable[..., Any], server: Any
) -> None:
    controller, window, demo = _open_app(logged_in, server, "internet-discount")
    number = controller.state.selected_account
    before = len(controller.state.services_of())
    dialog = _new_service(qtbot, window)
    _to_quote(qtbot, dialog)
    quote = dialog.quote
    assert quote.missing == 0
    summary = dialog.summary.text()
    assert format_money(quote.amount) in summary and "остаток текущего месяца" in summary
    assert format_money(dialog.tariff.fee) in summary
    assert dialog.confirm_button.isEnabled() and dialog.pay_button.isHidden()
    balance_before = server.client(demo).account(number).balance
    loads: list[str] = []
    controller.state.loadStarted.connect(lambda part, _n: loads.append(part))
    with qtbot.waitSignal(dialog.finished, timeout=20000):
        dialog.confirm_button.click()
    wait_loaded(qtbot, controller)
    # money moved: everything it shows in; and me, for a new service may bring telephony («Звонки»)
    assert sorted(set(loads)) == ["account", "balance", "journal", "me", "services"]
    created = dialog.created
    assert created.first_charge == quote.amount
    services = server.client(demo).services(number)
    assert any(s.id == created.service.id for s in services) and len(services) == before + 1
    assert server.client(demo).account(number).balance == balance_before - quote.amount
    assert server.client(demo).journal().items[0].action is JournalAction.SERVICE_NEW
    # the new row, the balance row and the journal entry are in the tabs at once
    assert window.services.model.rowCount() == before + 1
    assert controller.state.balance_of().items[0].kind is BalanceKind.FIRST_CHARGE
    assert controller.state.account().balance == balance_before - quote.amount


def test_new_service_short_balance_says_how_much_and_offers_to_pay(
    qtbot: Any, logged_in: Callable[..., Any], server: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    controller, window, demo = _open_app(logged_in, server, "credit-available")
    number = controller.state.selected_account
    asked: list[tuple[str, Decimal]] = []
    monkeypatch.setattr(window.actions, "pay", lambda n, a=None: asked.append((n, a)))
    dialog = _new_service(qtbot, window)
    dialog.pay = window.actions.pay
    _to_quote(qtbot, dialog)
    quote = dialog.quote
    assert quote.missing > 0
    assert dialog.shortfall.text().startswith("Не хватает " + format_money(quote.missing))
    assert not dialog.confirm_button.isEnabled() and not dialog.pay_button.isHidden()
    dialog.pay_button.click()
    assert asked == [(number, rules.pay_amount(quote.missing))]
    # the server refuses it too, and nothing was written off
    with pytest.raises(errors.RuleViolation):
        server.client(demo).add_service(number, dialog.item.id, dialog.tariff.id)
