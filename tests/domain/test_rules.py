"""What the UI may offer: credit, service buttons, tariff and discount rows, periods, shortfalls."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from annet_contract.moscow import MOSCOW
from annet_contract.schema import (
    Allowed,
    BlockKind,
    CreditState,
    DiscountMode,
    DiscountOffer,
    DiscountOffers,
    Service,
    ServiceActions,
    ServiceKind,
    Tariff,
    TariffOptions,
)
from annet_desktop.domain import rules

YES = Allowed(allowed=True)
HIDDEN = Allowed(allowed=False)


def no(reason: str) -> Allowed:
    return Allowed(allowed=False, reason=reason)


def tariff(id: int = 1, fee: str = "500.00", promo: bool = False) -> Tariff:
    return Tariff(id=id, name=f"Тариф {id}", fee=Decimal(fee), promo=promo, discounts=True)


def service(block_kind: BlockKind | None = None, **actions: Allowed) -> Service:
    base = dict(change_tariff=YES, block=YES, unblock=HIDDEN, discount=HIDDEN, extend_discount=HIDDEN)
    base.update(actions)
    return Service(
        id=7,
        name="Доступ в интернет",
        kind=ServiceKind.INTERNET,
        tariff=tariff(),
        block=block_kind,
        fee=Decimal("500.00"),
        actions=ServiceActions(**base),
    )


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        (dt.date(2026, 12, 1), 1, dt.date(2026, 12, 31)),
        (dt.date(2026, 12, 1), 6, dt.date(2027, 5, 31)),
        (dt.date(2026, 11, 16), 3, dt.date(2027, 2, 15)),
        (dt.date(2027, 1, 31), 1, dt.date(2027, 2, 27)),  # clipped to February's end, minus a day
        (dt.date(2028, 2, 1), 1, dt.date(2028, 2, 29)),  # leap year
        (dt.date(2026, 1, 1), 12, dt.date(2026, 12, 31)),
    ],
)
def test_period_end(start: dt.date, months: int, end: dt.date) -> None:
    assert rules.period_end(start, months) == end


def test_period_needs_a_month() -> None:
    with pytest.raises(ValueError):
        rules.period_end(dt.date(2026, 1, 1), 0)


def test_month_helpers() -> None:
    assert rules.first_of_next_month(dt.date(2026, 12, 31)) == dt.date(2027, 1, 1)
    assert rules.first_of_next_month(dt.date(2026, 11, 1)) == dt.date(2026, 12, 1)
    assert rules.days_left_in_month(dt.date(2026, 11, 16)) == 15
    assert rules.days_left_in_month(dt.date(2026, 11, 30)) == 1
    assert rules.days_left_in_month(dt.date(2026, 11, 1)) == 30
    assert rules.format_period(dt.date(2026, 12, 1), dt.date(2027, 5, 31)) == "с 01.12.2026 по 31.05.2027"


# --------------------------------------------------------------------------- credit


def test_credit_available() -> None:
    offer = rules.credit_offer(CreditState(available=True))
    assert offer.visible and offer.note is None


def test_credit_banned_says_when_it_comes_back() -> None:
    offer = rules.credit_offer(
        CreditState(available=False, banned_until=dt.date(2027, 1, 10), reason="Кредит не погашен.")
    )
    assert not offer.visible
    assert offer.note == "Кредит снова будет доступен с 10.01.2027."
    assert offer.available_again_on == dt.date(2027, 1, 10)


def test_credit_not_needed_gives_the_server_reason() -> None:
    offer = rules.credit_offer(CreditState(available=False, reason="Финансовой блокировки нет."))
    assert not offer.visible and offer.note == "Финансовой блокировки нет."


@pytest.mark.parametrize(
    ("taken", "ends"),
    [
        (dt.datetime(2026, 11, 16, 12, 0, tzinfo=MOSCOW), dt.datetime(2026, 11, 21, 12, 0, tzinfo=MOSCOW)),
        (dt.datetime(2026, 11, 16, 0, 0, tzinfo=MOSCOW), dt.datetime(2026, 11, 21, 0, 0, tzinfo=MOSCOW)),
        # finding 5: taken at 23:50 it lasts 120 hours, not 4 days 10 minutes
        (dt.datetime(2026, 11, 16, 23, 50, tzinfo=MOSCOW), dt.datetime(2026, 11, 21, 23, 50, tzinfo=MOSCOW)),
        (dt.datetime(2026, 12, 29, 9, 0, tzinfo=MOSCOW), dt.datetime(2027, 1, 3, 9, 0, tzinfo=MOSCOW)),
        # 21:30 UTC on the 15th is 00:30 of the 16th in Moscow
        (dt.datetime(2026, 11, 15, 21, 30, tzinfo=dt.UTC), dt.datetime(2026, 11, 21, 0, 30, tzinfo=MOSCOW)),
    ],
)
def test_credit_lasts_exactly_120_hours(taken: dt.datetime, ends: dt.datetime) -> None:
    assert rules.credit_until(taken) == ends


def test_credit_confirmation_says_until_when() -> None:
    now = dt.datetime(2026, 11, 16, 12, 0, tzinfo=MOSCOW)
    text = rules.credit_confirmation(now)
    assert "на 5 дней — ровно 120 часов, до 21.11.2026 12:00." in text
    assert rules.credit_taken(now) == "Кредит получен. Доступ к услугам восстановлен до 16.11.2026 12:00."


def test_translator_is_used() -> None:
    text = rules.credit_confirmation(dt.datetime(2026, 11, 16, tzinfo=MOSCOW), tr=lambda t: "EN " + t)
    assert text.startswith("EN ")


# --------------------------------------------------------------------------- money


def test_shortfall_text() -> None:
    text = rules.shortfall(Decimal("120"), Decimal("30"), Decimal("150"))
    assert text == "Не хватает 120,00\u00a0₽: на балансе 30,00\u00a0₽, а нужно 150,00\u00a0₽."


@pytest.mark.parametrize(
    ("missing", "pay"),
    [
        ("0.01", "1.00"),
        ("0.99", "1.00"),
        ("1.00", "1.00"),
        ("1.01", "2.00"),
        ("120.50", "121.00"),
        ("0", "1.00"),
    ],
)
def test_pay_amount_rounds_up(missing: str, pay: str) -> None:
    assert rules.pay_amount(Decimal(missing)) == Decimal(pay)


# --------------------------------------------------------------------------- service buttons


def keys(buttons: list[rules.ButtonSpec]) -> list[str]:
    return [b.key for b in buttons]


def test_active_service_without_discount() -> None:
    buttons = rules.service_buttons(service())
    assert keys(buttons) == ["change_tariff", "block"]
    assert [b.caption for b in buttons] == ["Сменить тариф", "Заблокировать"]
    assert all(b.enabled for b in buttons)


def test_voluntary_block_shows_unblock_instead() -> None:
    buttons = rules.service_buttons(
        service(BlockKind.VOLUNTARY, block=no("Уже заблокирована"), unblock=YES, change_tariff=no("x"))
    )
    assert keys(buttons) == ["change_tariff", "unblock"]
    assert buttons[1].enabled


def test_promo_tariff_disabled_with_reason() -> None:
    reason = "Акционный тариф может сменить только оператор в офисе обслуживания."
    buttons = rules.service_buttons(service(change_tariff=no(reason)))
    assert buttons[0].key == "change_tariff" and not buttons[0].enabled and buttons[0].reason == reason


def test_admin_block_disables_block_with_reason() -> None:
    admin = service(BlockKind.ADMINISTRATIVE, block=no("Административная блокировка"))
    buttons = rules.service_buttons(admin)
    assert keys(buttons) == ["change_tariff", "block"]
    assert not buttons[1].enabled and buttons[1].reason == "Административная блокировка"


def test_discount_buttons() -> None:
    assert keys(rules.service_buttons(service(discount=YES))) == ["change_tariff", "block", "discount"]
    shown_disabled = rules.service_buttons(service(discount=no("Баланс ≤ 0")))
    assert shown_disabled[-1].key == "discount" and not shown_disabled[-1].enabled
    extend = rules.service_buttons(service(discount=HIDDEN, extend_discount=YES))
    assert keys(extend) == ["change_tariff", "block", "extend_discount"]
    assert extend[-1].caption == "Продлить скидку"
    # never both: extension wins when the server offers it
    both = rules.service_buttons(service(discount=YES, extend_discount=YES))
    assert keys(both)[-1] == "extend_discount" and "discount" not in keys(both)


# --------------------------------------------------------------------------- tariff rows


def options(change: Allowed = YES) -> TariffOptions:
    return TariffOptions(
        current=tariff(1),
        tariffs=[tariff(1), tariff(2, "700.00"), tariff(3, "300.00", promo=True)],
        change=change,
        effective="сразу",
    )


def test_tariff_rows() -> None:
    opts = options()
    assert rules.tariff_row(opts, opts.tariffs[0]) == rules.RowState(False, rules.T_CURRENT_TARIFF)
    assert rules.tariff_row(opts, opts.tariffs[1]).selectable
    promo = rules.tariff_row(opts, opts.tariffs[2])
    assert not promo.selectable and promo.reason == rules.T_PROMO_ROW
    blocked = options(no("Смена тарифа разрешена только один раз в месяц"))
    row = rules.tariff_row(blocked, blocked.tariffs[1])
    assert not row.selectable and row.reason == "Смена тарифа разрешена только один раз в месяц"
    assert rules.fee_change(opts.tariffs[0], opts.tariffs[1]) == (
        "Абонентская плата: 500,00\u00a0₽ → 700,00\u00a0₽ в месяц."
    )


# --------------------------------------------------------------------------- discount rows


def offers(selectable: bool = True, balance: str = "3000.00", reason: str | None = None) -> DiscountOffers:
    def offer(id: int, advance: str) -> DiscountOffer:
        missing = max(Decimal(0), Decimal(advance) - Decimal(balance))
        return DiscountOffer(
            id=id, percent=5 * id, months=3 * id, fee_with_discount=Decimal("450.00"),
            advance=Decimal(advance), missing=missing.quantize(Decimal("0.01")),
        )  # fmt: skip

    return DiscountOffers(
        mode=DiscountMode.TAKE,
        offers=[offer(1, "1350.00"), offer(2, "3000.00"), offer(3, "3000.01")],
        selectable=selectable,
        reason=reason,
        balance=Decimal(balance),
        starts_on=dt.date(2026, 12, 1),
    )


def test_offer_rows_advance_edges() -> None:
    table = offers()
    assert rules.offer_row(table, table.offers[0]) == rules.RowState(True)
    assert rules.offer_row(table, table.offers[1]) == rules.RowState(True)  # balance == advance: enough
    short = rules.offer_row(table, table.offers[2])  # one kopeck short
    assert short.selectable and short.missing == Decimal("0.01")
    assert short.reason is not None and "не хватает 0,01\u00a0₽" in short.reason


def test_offer_rows_read_only() -> None:
    table = offers(selectable=False, balance="0.00", reason="Баланс счёта не положительный.")
    for offer in table.offers:
        row = rules.offer_row(table, offer)
        assert not row.selectable and row.reason == "Баланс счёта не положительный."
    anonymous = offers(selectable=False)
    assert rules.offer_row(anonymous, anonymous.offers[0]).reason == rules.T_READ_ONLY


def test_offer_period() -> None:
    table = offers()
    assert rules.offer_period(table, table.offers[1]) == (dt.date(2026, 12, 1), dt.date(2027, 5, 31))


@pytest.mark.parametrize("block_kind", list(BlockKind))
def test_no_discount_button_under_any_block(block_kind: BlockKind) -> None:
    """R-DISC-1 (manual p.7: only an active service): under a block the server says why not, and
    the window still shows no «Получить скидку» (the rule-mutation audit of 2 December 2026: the
    mutant that dropped ``service.block is None`` passed tests/domain; only a UI test caught it)."""
    blocked = service(block_kind, discount=no("Скидка недоступна: услуга заблокирована."))
    assert "discount" not in keys(rules.service_buttons(blocked))
