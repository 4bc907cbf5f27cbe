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

from PySide6.QtCore import QCoreApplication

from annet_contract.money import format_money

#: the translation context of every text here
CONTEXT = "Quotes"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


@dataclass(frozen=True)
class QuoteText:
    """A quote in words: the sentences to show, and the warning (empty when none)."""

    text: str
    warning: str = ""


def _date(day: Any) -> str:
    return f"{day.day:02d}.{day.month:02d}.{day.year}"


def _rows(quote: Any) -> list[str]:
    """The recalculation rows the action writes, as «Баланс» will show them."""
    lines = []
    for row in quote.rows:
        amount = Decimal(row.amount)
        signed = ("+" if amount > 0 else "−") + format_money(abs(amount))
        lines.append(f"{row.text}: {signed}")
    if not lines:
        return []
    return [_t("В «Баланс» будет записано:")] + ["• " + line for line in lines]


def _block_warning(quote: Any) -> str:
    if not quote.financial_block_after:
        return ""
    return _t(
        "Внимание: после этого баланс станет {balance}, счёт попадёт в финансовую блокировку "
        "и услуги будут приостановлены до пополнения счёта."
    ).format(balance=format_money(quote.balance_after))


def unblock_text(quote: Any) -> QuoteText:
    """«Разблокировать»: what is written off now and the balance after; a warning if it blocks."""
    charge = Decimal(quote.charge_now)
    if charge > 0:
        first = _t(
            "Сейчас будет списано {charge}: абонентская плата с {since} до конца месяца."
        ).format(charge=format_money(charge), since=_date(quote.paid_from))
    else:
        first = _t("Сейчас ничего не будет списано.")
    lines = [first, _t("Баланс после разблокировки: {balance}.").format(balance=format_money(quote.balance_after))]
    return QuoteText("\n".join(lines + _rows(quote)), _block_warning(quote))


def block_text(quote: Any) -> QuoteText:
    """«Заблокировать»: what comes back now, the balance after, and where a paid discount's end moves."""
    refund = Decimal(quote.refund_now)
    if refund > 0:
        first = _t("Сейчас на счёт вернётся {refund}: абонентская плата за дни блокировки до конца месяца.").format(
            refund=format_money(refund)
        )
    else:
        first = _t("Сейчас на счёт ничего не вернётся.")
    lines = [first, _t("Баланс после блокировки: {balance}.").format(balance=format_money(quote.balance_after))]
    if quote.discount_ends_on_after is not None:
        lines.append(
            _t(
                "Оплаченная скидка на время блокировки приостанавливается: сейчас она действует "
                "по {date}, и каждый полный день блокировки продлевает её на один день."
            ).format(date=_date(quote.discount_ends_on_after))
        )
    return QuoteText("\n".join(lines + _rows(quote)), _block_warning(quote))


def tariff_text(quote: Any) -> QuoteText:
    """«Сменить тариф»: the new monthly fee, refund and charge now, a paid discount ended, the balance after."""
    lines = [_t("Новая абонентская плата: {fee} в месяц.").format(fee=format_money(quote.new_fee))]
    if quote.discount_ends:
        lines.append(
            _t("Действующая скидка закончится, неиспользованный аванс {advance} вернётся на счёт.").format(
                advance=format_money(quote.advance_returned)
            )
        )
    refund, charge = Decimal(quote.refund_now), Decimal(quote.charge_now)
    if refund > 0:
        lines.append(_t("Сейчас на счёт вернётся {refund}.").format(refund=format_money(refund)))
    if charge > 0:
        lines.append(_t("Сейчас будет списано {charge}.").format(charge=format_money(charge)))
    if refund == 0 and charge == 0:
        lines.append(_t("Сейчас ничего не будет списано и ничего не вернётся."))
    lines.append(_t("Баланс после смены тарифа: {balance}.").format(balance=format_money(quote.balance_after)))
    return QuoteText("\n".join(lines + _rows(quote)), _block_warning(quote))


__all__ = ["QuoteText", "block_text", "tariff_text", "unblock_text"]
