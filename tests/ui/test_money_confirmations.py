"""Issue 11, the app side of the money model: confirmations that quote the money before the user confirms
(R-BILL-1, R-BLOCK-1, R-TARIFF-3), «Баланс» refreshed after every money action (finding 3).

Every quote shown is compared with the one the real server answers through the API (the same
billing function the action runs), and the action's row must appear in «Баланс» without F5.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from uihelpers import login, wait_loaded

from annet_contract.money import format_money
from annet_contract.moscow import MOSCOW
from annet_contract.schema import BalanceKind, ServiceKind
from annet_desktop.ui.dialogs.confirm import ConfirmDialog
from annet_desktop.ui.dialogs.service import ServiceDialog
from annet_desktop.ui.dialogs.tariffs import TariffDialog

MULTI = "100002"  # «Доступ в интернет» «Домашний 100» (550 ₽) and «Статический IP-адрес» (150 ₽)


def _service_dialog(window: Any, predicate: Callable[[Any], bool]) -> ServiceDialog:
    service = next(s for s in window.ctx.state.services_of() if predicate(s))
    dialog = window.actions.open_service(service)
    assert isinstance(dialog, ServiceDialog)
    return dialog


def _internet(s: Any) -> bool:
    return bool(s.kind is ServiceKind.INTERNET)


def _quoted(qtbot: Any, confirm: ConfirmDialog) -> None:
    qtbot.waitUntil(lambda: confirm.quote is not None, timeout=20000)


def _confirm(qtbot: Any, controller: Any, confirm: ConfirmDialog) -> None:
    _quoted(qtbot, confirm)
    with qtbot.waitSignal(confirm.finished, timeout=20000):
        confirm.confirm_button.click()
    wait_loaded(qtbot, controller)


def _blocked_until(server: Any, day: dt.date) -> tuple[Any, int]:
    """Account 100002's internet put under a voluntary block on 16.11, then the clock moved to ``day``
    10:00 (December charges only the static IP: 150 ₽)."""
    demo = server.by_case("multi-account")
    client = server.client(demo)
    internet = next(s for s in client.services(MULTI) if _internet(s))
    client.block(MULTI, internet.id)
    server.clock.set(dt.datetime(day.year, day.month, day.day, 10, 0, tzinfo=MOSCOW))
    return demo, internet.id


# --------------------------------------------------------------------------- unblock (finding 3)


@pytest.mark.parametrize(
    ("day", "blocks"),
    [
        (dt.date(2027, 1, 10), False),  # below zero before the 11th: no financial block yet
        (dt.date(2027, 1, 11), True),  # the same on the 11th: the unblock blocks the account
    ],
)
def test_unblock_says_what_is_written_off_and_the_balance_after_and_warns_of_a_block(
    qtbot: Any, make_app: Callable[..., Any], server: Any, day: dt.date, blocks: bool
) -> None:
    demo, service_id = _blocked_until(server, day)
    expected = server.client(demo).unblock_quote(MULTI, service_id)
    assert expected.charge_now > 0 and expected.balance_after < 0
    assert expected.financial_block_after is blocks
    controller = make_app(server.url)
    window = login(qtbot, controller, demo.account, demo.password)
    wait_loaded(qtbot, controller)
    dialog = _service_dialog(window, _internet)
    confirm = dialog.trigger("unblock")
    assert isinstance(confirm, ConfirmDialog)
    # the money comes first: nothing to confirm until the quote is shown
    assert not confirm.confirm_button.isEnabled()
    _quoted(qtbot, confirm)
    text = confirm.quote_text.text()
    assert f"Сейчас будет списано {format_money(expected.charge_now)}" in text
    assert f"с {day:%d.%m.%Y} до конца месяца" in text
    assert f"Баланс после разблокировки: {format_money(expected.balance_after)}." in text
    assert expected.rows[0].text in text
    assert confirm.quote_warning.isHidden() is not blocks
    if blocks:
        assert "финансовую блокировку" in confirm.quote_warning.text()
        assert format_money(expected.balance_after) in confirm.quote_warning.text()
    assert confirm.confirm_button.isEnabled()
    confirm.grab().save(f"/tmp/ma/unblock_confirm_{day.day}.png")
    # confirm: the row is in «Баланс» at once (no F5), as quoted
    window.show_tab("tab_balance")
    _confirm(qtbot, controller, confirm)
    first = controller.state.balance_of(MULTI).items[0]
    assert first.kind is BalanceKind.RECALCULATION and first.amount == -expected.charge_now
    assert first.description == expected.rows[0].text
    assert window.balance.model.rowCount() > 0
    assert window.balance.model.index(0, 2).data() == expected.rows[0].text
    assert controller.state.account(MULTI).balance == expected.balance_after
    assert controller.state.account(MULTI).financial_block is blocks


# --------------------------------------------------------------------------- block


def test_block_says_what_comes_back_and_that_a_paid_discount_pauses(
    qtbot: Any, logged_in: Callable[..., Any], server: Any
) -> None:
    controller, window, demo = logged_in("discount-extendable")
    number = controller.state.selected_account
    dialog = _service_dialog(window, lambda s: _internet(s) and s.discount is not None)
    expected = server.client(demo).block_quote(number, dialog.service.id)
    # the rest of November is covered by the discount: nothing was paid for it, nothing comes back
    assert expected.refund_now == 0 and expected.discount_ends_on_after is not None
    confirm = dialog.trigger("block")
    assert isinstance(confirm, ConfirmDialog)
    _quoted(qtbot, confirm)
    text = confirm.quote_text.text()
    assert "Сейчас на счёт ничего не вернётся." in text
    assert f"Баланс после блокировки: {format_money(expected.balance_after)}." in text
    assert f"по {expected.discount_ends_on_after:%d.%m.%Y}" in text and "приостанавливается" in text
    assert confirm.quote_warning.isHidden()
    confirm.grab().save("/tmp/ma/block_confirm.png")
    _confirm(qtbot, controller, confirm)
    assert controller.state.account(number).balance == expected.balance_after


# --------------------------------------------------------------------------- tariff change (finding 1)


def test_tariff_change_says_new_fee_discount_end_advance_and_money_now(
    qtbot: Any, logged_in: Callable[..., Any], server: Any
) -> None:
    controller, window, demo = logged_in("discount-extendable")
    number = controller.state.selected_account
    dialog = _service_dialog(window, lambda s: _internet(s) and s.discount is not None)
    tariffs = dialog.trigger("change_tariff")
    assert isinstance(tariffs, TariffDialog)
    qtbot.waitUntil(lambda: tariffs.options is not None, timeout=20000)
    row = next(r for r in range(tariffs.model.rowCount()) if tariffs.model.is_selectable(r))
    new = tariffs.model.items[row]
    expected = server.client(demo).tariff_quote(number, dialog.service.id, new.id)
    assert expected.discount_ends and expected.advance_returned > 0
    confirm = tariffs.choose_row(row)
    assert confirm is not None
    _quoted(qtbot, confirm)
    text = confirm.quote_text.text()
    assert f"Новая абонентская плата: {format_money(expected.new_fee)} в месяц." in text
    assert (
        f"Действующая скидка закончится, неиспользованный аванс {format_money(expected.advance_returned)} "
        "вернётся на счёт." in text
    )
    if expected.refund_now > 0:
        assert f"Сейчас на счёт вернётся {format_money(expected.refund_now)}." in text
    if expected.charge_now > 0:
        assert f"Сейчас будет списано {format_money(expected.charge_now)}." in text
    assert f"Баланс после смены тарифа: {format_money(expected.balance_after)}." in text
    confirm.grab().save("/tmp/ma/tariff_confirm.png")
    _confirm(qtbot, controller, confirm)
    kinds = [e.kind for e in controller.state.balance_of(number).items[: len(expected.rows)]]
    assert kinds == [BalanceKind.RECALCULATION] * len(expected.rows)
    assert controller.state.account(number).balance == expected.balance_after


def test_a_quote_refused_by_the_server_leaves_nothing_to_confirm(
    qtbot: Any, logged_in: Callable[..., Any], server: Any
) -> None:
    """The tariff changed elsewhere after the table opened: the quote answers the action's refusal."""
    controller, window, demo = logged_in("internet-discount")
    number = controller.state.selected_account
    dialog = _service_dialog(window, lambda s: s.actions.change_tariff.allowed)
    tariffs = dialog.trigger("change_tariff")
    assert isinstance(tariffs, TariffDialog)
    qtbot.waitUntil(lambda: tariffs.options is not None, timeout=20000)
    rows = [r for r in range(tariffs.model.rowCount()) if tariffs.model.is_selectable(r)]
    server.client(demo).change_tariff(number, dialog.service.id, tariffs.model.items[rows[0]].id)
    confirm = tariffs.choose_row(rows[-1])
    assert confirm is not None
    qtbot.waitUntil(lambda: confirm.status.text().startswith("Сейчас это сделать нельзя"), timeout=20000)
    assert "Смена тарифа разрешена только один раз в месяц" in confirm.status.text()
    assert confirm.quote is None and not confirm.confirm_button.isEnabled()
    assert confirm.retry_quote_button.isHidden()
    assert controller.messages.history == [] or all(m.kind != "error" for m in controller.messages.history)


def test_a_quote_that_does_not_arrive_says_so_and_can_be_asked_again(
    qtbot: Any, make_app: Callable[..., Any], server: Any, fault_proxy: Any
) -> None:
    demo = server.by_case("internet-discount")
    controller = make_app(fault_proxy.url)
    window = login(qtbot, controller, demo.account, demo.password)
    wait_loaded(qtbot, controller)
    fault_proxy.faults["/block/quote"] = "html500"
    dialog = _service_dialog(window, lambda s: _internet(s) and s.actions.block.allowed)
    confirm = dialog.trigger("block")
    assert isinstance(confirm, ConfirmDialog)
    qtbot.waitUntil(lambda: confirm.retry_quote_button.isVisible(), timeout=30000)
    assert confirm.status.text().startswith("Не удалось рассчитать суммы:")
    assert not confirm.confirm_button.isEnabled() and confirm.quote is None
    assert confirm.cancel_button.isEnabled()  # nothing is under way: the window can be closed
    confirm.grab().save("/tmp/ma/block_quote_failed.png")
    del fault_proxy.faults["/block/quote"]
    confirm.retry_quote_button.click()
    _quoted(qtbot, confirm)
    assert confirm.confirm_button.isEnabled() and confirm.retry_quote_button.isHidden()
    expected = server.client(demo).block_quote(demo.account, dialog.service.id)
    assert expected.refund_now > 0
    text = confirm.quote_text.text()
    assert f"Сейчас на счёт вернётся {format_money(expected.refund_now)}: абонентская плата" in text
    assert f"Баланс после блокировки: {format_money(expected.balance_after)}." in text
    confirm.grab().save("/tmp/ma/block_confirm_refund.png")
    # confirmed: the refund row is in «Баланс» at once
    _confirm(qtbot, controller, confirm)
    first = controller.state.balance_of(demo.account).items[0]
    assert first.kind is BalanceKind.RECALCULATION and first.amount == expected.refund_now


# --------------------------------------------------------------------------- «Баланс» after money moved


def test_every_money_action_reloads_the_balance(qtbot: Any, logged_in: Callable[..., Any]) -> None:
    """The state knows what money shows in: one call reloads account, services, «Баланс», «Журнал»."""
    controller, _window, _demo = logged_in("internet-discount")
    number = controller.state.selected_account
    loads: list[str] = []
    controller.state.loadStarted.connect(lambda part, n: loads.append(part))
    with qtbot.waitSignal(controller.state.balanceReset, timeout=20000):
        controller.state.money_moved(number)
    assert sorted(set(loads)) == ["account", "balance", "journal", "services"]


# --------------------------------------------------------------------------- English


def test_quote_sentences_are_whole_translated_sentences_in_english(qapp: Any) -> None:
    from annet_contract.schema import UnblockQuote
    from annet_desktop import i18n
    from annet_desktop.ui.dialogs.quote_texts import unblock_text

    quote = UnblockQuote(
        charge_now=Decimal("372.58"),
        refund_now=Decimal("0"),
        balance_after=Decimal("-3.61"),
        financial_block_after=True,
        rows=[],
        paid_from=dt.date(2027, 1, 11),
    )
    assert i18n.install("en")
    try:
        words = unblock_text(quote)
    finally:
        i18n.install("ru")
    money = format_money(Decimal("372.58"))
    assert words.text.startswith(f"{money} will be written off now: the monthly fee from 11.01.2027")
    assert "Balance after the unblock:" in words.text
    assert words.warning.startswith("Warning: the balance will then be")
    russian = unblock_text(quote)
    assert russian.text.startswith(f"Сейчас будет списано {money}")
