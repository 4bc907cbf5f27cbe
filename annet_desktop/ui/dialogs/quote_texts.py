"""What a quote says to the subscriber before a confirmation (R-BILL-1): money now, balance after, warnings.

The quotes (``annet_contract.quotes``) come from the server, computed by the same billing
function as the action. Each function here turns one into whole sentences, one translatable
string each with named placeholders (context ``Quotes``), and says whether the action leads to a
financial block (then the confirmation shows the warning in the warning colour).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from annet_contract.money import format_money

from ...i18n import translate


@dataclass(frozen=True)
class QuoteText:
    """A quote in words: the sentences to show, and the warning (empty when none)."""

    text: str
    warning: str = ""


def _date(day: Any) -> str:
    return f"{day.day:02d}.{day.month:02d}.{day.year}"


def _money(value: Any) -> str:
    return format_money(Decimal(value))


def _rows(quote: Any) -> list[str]:
    """The recalculation rows the action writes, as «Баланс» will show them."""
    lines = []
    for row in quote.rows:
        amount = Decimal(row.amount)
        lines.append(f"• {row.text}: {'+' if amount > 0 else '−'}{_money(abs(amount))}")
    return [translate("Quotes", "В «Баланс» будут записаны эти строки."), *lines] if lines else []


def _block_warning(quote: Any) -> str:
    if not quote.financial_block_after:
        return ""
    text = translate(
        "Quotes",
        "Внимание: после этого баланс станет {balance}, счёт попадёт в финансовую блокировку "
        "и услуги будут приостановлены до пополнения счёта.",
    )
    return text.format(balance=_money(quote.balance_after))


def unblock_text(quote: Any) -> QuoteText:
    """«Разблокировать»: what is written off now and the balance after; a warning if it blocks."""
    if Decimal(quote.charge_now) > 0:
        first = translate(
            "Quotes", "Сейчас будет списано {charge}: абонентская плата с {since} до конца месяца."
        ).format(charge=_money(quote.charge_now), since=_date(quote.paid_from))
    else:
        first = translate("Quotes", "Сейчас ничего не будет списано.")
    after = translate("Quotes", "Баланс после разблокировки: {balance}.")
    lines = [first, after.format(balance=_money(quote.balance_after))]
    return QuoteText("\n".join(lines + _rows(quote)), _block_warning(quote))


def block_text(quote: Any) -> QuoteText:
    """«Заблокировать»: what comes back now, the balance after, and where a paid discount's end moves."""
    if Decimal(quote.refund_now) > 0:
        first = translate(
            "Quotes", "Сейчас на счёт вернётся {refund}: абонентская плата за дни блокировки до конца месяца."
        ).format(refund=_money(quote.refund_now))
    else:
        first = translate("Quotes", "Сейчас на счёт ничего не вернётся.")
    after = translate("Quotes", "Баланс после блокировки: {balance}.")
    lines = [first, after.format(balance=_money(quote.balance_after))]
    if quote.discount_ends_on_after is not None:
        pause = translate(
            "Quotes",
            "Оплаченная скидка на время блокировки приостанавливается: сейчас она действует "
            "по {date}, и каждый полный день блокировки продлевает её на один день.",
        )
        lines.append(pause.format(date=_date(quote.discount_ends_on_after)))
    return QuoteText("\n".join(lines + _rows(quote)), _block_warning(quote))


def tariff_text(quote: Any) -> QuoteText:
    """«Сменить тариф»: the new fee, a paid discount ended, refund and charge now, the balance after."""
    fee = translate("Quotes", "Новая абонентская плата: {fee} в месяц.")
    lines = [fee.format(fee=_money(quote.new_fee))]
    if quote.discount_ends:
        ends = translate(
            "Quotes", "Действующая скидка закончится, неиспользованный аванс {advance} вернётся на счёт."
        )
        lines.append(ends.format(advance=_money(quote.advance_returned)))
    refund, charge = Decimal(quote.refund_now), Decimal(quote.charge_now)
    if refund > 0:
        lines.append(translate("Quotes", "Сейчас на счёт вернётся {refund}.").format(refund=_money(refund)))
    if charge > 0:
        lines.append(translate("Quotes", "Сейчас будет списано {charge}.").format(charge=_money(charge)))
    if refund == 0 and charge == 0:
        lines.append(translate("Quotes", "Сейчас ничего не будет списано и ничего не вернётся."))
    after = translate("Quotes", "Баланс после смены тарифа: {balance}.")
    lines.append(after.format(balance=_money(quote.balance_after)))
    return QuoteText("\n".join(lines + _rows(quote)), _block_warning(quote))


__all__ = ["QuoteText", "block_text", "tariff_text", "unblock_text"]
