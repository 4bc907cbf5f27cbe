"""What the UI may offer and how it words it: credit, service buttons, tariffs, discounts, periods.

Pure Python, no Qt, over the wire models of :mod:`annet_contract.schema`. The server decides
(it sends ``CreditState``, ``ServiceActions``, ``DiscountOffers`` …); these functions turn its
answers into what a window shows: which buttons, enabled or not and why, the dates a change
covers, how much money is missing. Texts are Russian source strings; the UI translates them with
the context ``Rules``: every function that words something takes ``tr`` (the templates are
listed in :data:`TEXTS` and :data:`CAPTIONS` for the translation tool).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal

from annet_contract.money import format_money
from annet_contract.moscow import MOSCOW, format_date, format_datetime
from annet_contract.schema import (
    Allowed,
    BlockKind,
    CreditState,
    DiscountOffer,
    DiscountOffers,
    Service,
    Tariff,
    TariffOptions,
)

#: a translator of the Russian source strings (the UI passes ``translate("Rules", …)``)
Tr = Callable[[str], str]


def _same(text: str) -> str:
    return text


#: R-CREDIT-1: a credit lifts the financial block for this many days
CREDIT_DAYS = 5

T_CREDIT_AGAIN = "Кредит снова будет доступен с {date}."
T_CREDIT_CONFIRM = (
    "Доступ к услугам будет восстановлен сразу после получения кредита, на {days} дней — "
    "ровно {hours} часов, до {until}. Пополните баланс до этого срока: иначе услуги "
    "снова заблокируются, а новый кредит можно будет взять не раньше чем через 2 месяца."
)
T_CREDIT_TAKEN = "Кредит получен. Доступ к услугам восстановлен до {until}."
T_SHORT = "Не хватает {missing}: на балансе {balance}, а нужно {needed}."
T_ADVANCE_SHORT = (
    "Для этой скидки нужен авансовый платёж {advance}. На балансе {balance} — не хватает {missing}."
)
T_PERIOD = "с {start} по {end}"
T_CURRENT_TARIFF = "Это текущий тариф."
T_PROMO_ROW = "Акционный тариф подключается только в офисе обслуживания."
T_READ_ONLY = "Таблица скидок доступна только для ознакомления."
T_FEE_CHANGE = "Абонентская плата: {old} → {new} в месяц."

TEXTS = (
    T_CREDIT_AGAIN,
    T_CREDIT_CONFIRM,
    T_CREDIT_TAKEN,
    T_SHORT,
    T_ADVANCE_SHORT,
    T_PERIOD,
    T_CURRENT_TARIFF,
    T_PROMO_ROW,
    T_READ_ONLY,
    T_FEE_CHANGE,
)

# --------------------------------------------------------------------------- dates


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, clipped to the month's end (31.01 + 1 → 28/29.02)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def period_end(start: dt.date, months: int) -> dt.date:
    """The last day covered by a period of ``months`` starting on ``start`` (inclusive)."""
    if months < 1:
        raise ValueError("a period lasts at least one month")
    return add_months(start, months) - dt.timedelta(days=1)


def format_period(start: dt.date, end: dt.date, tr: Tr = _same) -> str:
    """«с 01.12.2026 по 31.05.2027»."""
    return tr(T_PERIOD).format(start=format_date(start), end=format_date(end))


def first_of_next_month(day: dt.date) -> dt.date:
    """1st of the month after ``day``'s (when a new month's fee is charged)."""
    return add_months(day.replace(day=1), 1)


def days_left_in_month(day: dt.date) -> int:
    """Days from ``day`` to the month's end, both included (the pro-rata part of a first charge)."""
    return calendar.monthrange(day.year, day.month)[1] - day.day + 1


# --------------------------------------------------------------------------- credit


@dataclass(frozen=True)
class CreditOffer:
    """Whether «Получить кредит» is shown, and the line that says why not or when it comes back."""

    visible: bool
    note: str | None = None
    available_again_on: dt.date | None = None


def credit_offer(credit: CreditState, tr: Tr = _same) -> CreditOffer:
    """R-CREDIT: the button only when the server says a credit may be taken now.

    While banned after an unrepaid credit, the button is hidden and the date it comes back is
    given (R-CREDIT-2); otherwise the server's reason, if any.
    """
    if credit.available:
        return CreditOffer(True)
    if credit.banned_until is not None:
        return CreditOffer(
            False,
            tr(T_CREDIT_AGAIN).format(date=format_date(credit.banned_until)),
            credit.banned_until,
        )
    return CreditOffer(False, credit.reason)


def credit_until(now: dt.datetime, days: int = CREDIT_DAYS) -> dt.datetime:
    """When a credit taken ``now`` ends (R-CREDIT-1): exactly ``days`` × 24 hours later, in Moscow
    time (taken 16.11 23:50 → ends 21.11 23:50, not at 00:00 of the 6th day), as the server sets it."""
    return (now + dt.timedelta(days=days)).astimezone(MOSCOW)


def credit_confirmation(now: dt.datetime, tr: Tr = _same) -> str:
    """The confirmation of «Получить кредит»: access comes back at once, until when (R-CREDIT-1)."""
    until = credit_until(now)
    return tr(T_CREDIT_CONFIRM).format(days=CREDIT_DAYS, hours=CREDIT_DAYS * 24, until=format_datetime(until))


def credit_taken(ends_at: dt.datetime, tr: Tr = _same) -> str:
    """The line after a credit is taken, with the server's end time."""
    return tr(T_CREDIT_TAKEN).format(until=format_datetime(ends_at))


# --------------------------------------------------------------------------- money


def shortfall(missing: Decimal, balance: Decimal, needed: Decimal, tr: Tr = _same) -> str:
    """«Не хватает 120,00 ₽: на балансе 30,00 ₽, а нужно 150,00 ₽.»"""
    return tr(T_SHORT).format(
        missing=format_money(missing), balance=format_money(balance), needed=format_money(needed)
    )


def pay_amount(missing: Decimal) -> Decimal:
    """What to offer to pay for a shortfall: the missing sum rounded up to whole roubles, ≥ 1 ₽."""
    whole = missing.to_integral_value(rounding=ROUND_CEILING) if missing > 0 else Decimal(0)
    return max(Decimal(1), whole).quantize(Decimal("0.01"))


# --------------------------------------------------------------------------- services


@dataclass(frozen=True)
class ButtonSpec:
    """One button of the service window: key, caption, enabled, and the reason when disabled."""

    key: str  # change_tariff, block, unblock, discount, extend_discount
    caption: str
    enabled: bool
    reason: str | None = None


CAPTIONS = {
    "change_tariff": "Сменить тариф",
    "block": "Заблокировать",
    "unblock": "Разблокировать",
    "discount": "Получить скидку",
    "extend_discount": "Продлить скидку",
}


def _spec(key: str, allowed: Allowed, tr: Tr) -> ButtonSpec:
    return ButtonSpec(key, tr(CAPTIONS[key]), allowed.allowed, None if allowed.allowed else allowed.reason)


def _shown(allowed: Allowed) -> bool:
    """A button is shown when allowed, or when the server gives a reason why not."""
    return allowed.allowed or bool(allowed.reason)


def service_buttons(service: Service, tr: Tr = _same) -> list[ButtonSpec]:
    """The buttons of the service window that apply (R-SVC-3), in the manual's order.

    «Сменить тариф» always (disabled with the reason, e.g. a promo tariff, R-TARIFF-2);
    «Разблокировать» instead of «Заблокировать» while a voluntary block is in force (or when the
    server allows unblocking); «Получить скидку» / «Продлить скидку» only when the server shows
    them (``allowed=False`` and no reason = not shown: not internet, no discount tariff), and
    «Получить скидку» only on an active service: under any block it is not shown at all (manual
    p.7: "в случае активной (не заблокированной) услуги"), not shown disabled.
    """
    actions = service.actions
    buttons = [_spec("change_tariff", actions.change_tariff, tr)]
    if service.block is BlockKind.VOLUNTARY or actions.unblock.allowed:
        buttons.append(_spec("unblock", actions.unblock, tr))
    else:
        buttons.append(_spec("block", actions.block, tr))
    if _shown(actions.extend_discount):
        buttons.append(_spec("extend_discount", actions.extend_discount, tr))
    elif service.block is None and _shown(actions.discount):
        buttons.append(_spec("discount", actions.discount, tr))
    return buttons


@dataclass(frozen=True)
class RowState:
    """Whether a row of a choice table (tariffs, discount offers) may be chosen, and why not."""

    selectable: bool
    reason: str | None = None
    missing: Decimal = Decimal("0.00")


def tariff_row(options: TariffOptions, tariff: Tariff, tr: Tr = _same) -> RowState:
    """A row of the tariff table: the current tariff and promo tariffs are not chosen here."""
    if not options.change.allowed:
        return RowState(False, options.change.reason)
    if tariff.id == options.current.id:
        return RowState(False, tr(T_CURRENT_TARIFF))
    if tariff.promo:
        return RowState(False, tr(T_PROMO_ROW))
    return RowState(True)


def fee_change(current: Tariff, new: Tariff, tr: Tr = _same) -> str:
    """«Абонентская плата: 500,00 ₽ → 700,00 ₽ в месяц.»"""
    return tr(T_FEE_CHANGE).format(old=format_money(current.fee), new=format_money(new.fee))


def offer_row(offers: DiscountOffers, offer: DiscountOffer, tr: Tr = _same) -> RowState:
    """A row of the discounts table (R-DISC-2): read-only with the reason, or short of advance."""
    if not offers.selectable:
        return RowState(False, offers.reason or tr(T_READ_ONLY))
    if offer.missing > 0:
        return RowState(
            True,
            tr(T_ADVANCE_SHORT).format(
                advance=format_money(offer.advance),
                balance=format_money(offers.balance),
                missing=format_money(offer.missing),
            ),
            offer.missing,
        )
    return RowState(True)


def offer_period(offers: DiscountOffers, offer: DiscountOffer) -> tuple[dt.date, dt.date]:
    """The days a chosen offer would cover: from ``offers.starts_on`` for ``offer.months`` months."""
    start = offers.starts_on
    return start, period_end(start, offer.months)
