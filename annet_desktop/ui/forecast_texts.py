"""The forecast in the subscriber's words: the line under the recommended payment, the charge, events.

Each sentence is one translatable string with named placeholders (context ``Forecast``); «Счёт»
shows them, and the tray and the notifications can say the same. The moments come from the
server in Moscow time and are shown so.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from annet_contract.forecast import EventKind, Lasts
from annet_contract.money import format_money
from annet_contract.moscow import format_date, format_datetime, to_moscow

from ..i18n import translate


def _day_month(moment: dt.datetime) -> str:
    """``dd.mm`` of a moment on Moscow time."""
    return to_moscow(moment).strftime("%d.%m")


def _at_midnight(moment: dt.datetime) -> bool:
    local = to_moscow(moment)
    return (local.hour, local.minute, local.second) == (0, 0, 0)


def block_event(forecast: Any) -> Any:
    """The financial block event of the forecast (coming or in force), or ``None``."""
    return next((e for e in forecast.events if e.kind is EventKind.FINANCIAL_BLOCK), None)


def block_text(event: Any) -> str:
    """«Пополните до 10.12 на 320 ₽, иначе с 11.12 блокировка» (or the words for a block in force)."""
    amount = format_money(event.amount)
    if event.in_force:
        return translate("Forecast", "Блокировка с {date}: пополните на {amount}, чтобы её снять").format(
            date=format_datetime(event.at), amount=amount
        )
    if _at_midnight(event.at):
        last_day = to_moscow(event.at) - dt.timedelta(days=1)
        return translate(
            "Forecast",
            "Пополните до {last_day} на {amount}, иначе с {block_day} блокировка",
        ).format(last_day=_day_month(last_day), amount=amount, block_day=_day_month(event.at))
    return translate(
        "Forecast",
        "Пополните на {amount} до {moment}, иначе с этого момента блокировка",
    ).format(amount=amount, moment=format_datetime(event.at))


def lasts_text(forecast: Any) -> str:
    """«Хватит до 14.01.2027», «Хватит больше чем на год» or what a negative balance means."""
    if forecast.lasts is Lasts.MORE_THAN_YEAR:
        return translate("Forecast", "Хватит больше чем на год")
    if forecast.lasts is Lasts.UNTIL and forecast.lasts_until is not None:
        return translate("Forecast", "Хватит до {date}").format(date=format_date(forecast.lasts_until))
    return translate("Forecast", "Баланс отрицательный: текущий месяц не оплачен")


def summary_text(forecast: Any) -> str:
    """The line under the recommended payment: pay-or-block when paying is due now, else how long it lasts."""
    event = block_event(forecast)
    due = forecast.recommended_payment > 0 or forecast.lasts is Lasts.OWING
    if event is not None and (due or event.in_force):
        return block_text(event)
    return lasts_text(forecast)


def next_charge_text(forecast: Any) -> str:
    """«750,00 ₽ — 01.12.2026» (the charge of the 1st, each service as it will stand then)."""
    charge = forecast.next_charge
    return translate("Forecast", "{amount} — {date}").format(
        amount=format_money(charge.amount), date=format_date(charge.at)
    )


def event_text(event: Any) -> str | None:
    """One coming event as a sentence; ``None`` for the block (see :func:`block_text`)."""
    service = event.service or ""
    if event.kind is EventKind.CREDIT_ENDS:
        return translate(
            "Forecast",
            "Кредит заканчивается {moment}: пополните на {amount}, чтобы блокировка не вернулась",
        ).format(moment=format_datetime(event.at), amount=format_money(event.amount))
    if event.kind is EventKind.CREDIT_BAN_LIFTS:
        text = translate("Forecast", "Кредит снова можно будет получить с {date}")
        return text.format(date=format_date(event.at))
    last_day = format_date(to_moscow(event.at) - dt.timedelta(days=1))
    if event.kind is EventKind.DISCOUNT_ENDS and event.extension_open:
        return translate(
            "Forecast",
            "Скидка на «{service}» действует по {date}; её уже можно продлить",
        ).format(
            service=service, date=last_day
        )
    if event.kind is EventKind.DISCOUNT_ENDS:
        return translate("Forecast", "Скидка на «{service}» действует по {date}").format(
            service=service, date=last_day
        )
    if event.kind is EventKind.DISCOUNT_EXTENSION_OPENS:
        return translate("Forecast", "Продлить скидку на «{service}» можно с {date}").format(
            service=service, date=format_date(event.at)
        )
    if event.kind is EventKind.VOLUNTARY_BLOCK_LIMIT_RESETS:
        return translate(
            "Forecast",
            "Добровольную блокировку «{service}» можно будет включить с {date}",
        ).format(
            service=service, date=format_date(event.at)
        )
    return None


def events_text(forecast: Any) -> str:
    """Every coming event but the block, one sentence a line, in the order they come."""
    lines = [event_text(e) for e in forecast.events]
    return "\n".join(line + "." for line in lines if line)
