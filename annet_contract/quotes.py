"""Quotes: what an action will do to the money before the subscriber confirms it (R-BILL-1, R-BLOCK-1).

Each quote is a ``GET`` answered by the same billing function the action uses (the action is the
quote applied), so the confirmation never promises what the action does not do. A refusal of the
quote is the same problem document the action would answer.
"""

from __future__ import annotations

import datetime as dt

from .money import Money
from .wire import Wire


class QuoteRow(Wire):
    """A recalculation row the action will write, as «Баланс» will show it.

    ``amount`` is signed: positive comes back to the balance, negative is written off.
    """

    amount: Money
    text: str  # e.g. «Перерасчёт: добровольная блокировка с 12.12»


class MoneyEffect(Wire):
    """The common part of every quote: what moves now and where the account stands after it."""

    charge_now: Money  # written off now by the action (≥ 0)
    refund_now: Money  # returned now by the action (≥ 0)
    balance_after: Money  # the balance once the action is done
    financial_block_after: bool  # whether the account is financially blocked after it
    rows: list[QuoteRow]  # the rows the action will write, in the order «Баланс» lists them


class TariffChangeQuote(MoneyEffect):
    """``GET …/services/{id}/tariffs/{tariff_id}/quote``: a tariff change (R-TARIFF-3, R-BILL-3)."""

    new_fee: Money  # monthly fee of the new tariff × quantity
    discount_ends: bool  # a paid discount in force ends with the change
    advance_returned: Money  # the part of its advance for the covered days not yet used (0 without one)


class BlockQuote(MoneyEffect):
    """``GET …/services/{id}/block/quote``: a voluntary block (R-BLOCK-1)."""

    # a paid discount pauses: its last day right after the block (it moves one day later for each
    # day then spent wholly under the block); None = no paid discount in force or still to come
    discount_ends_on_after: dt.date | None = None


class UnblockQuote(MoneyEffect):
    """``GET …/services/{id}/unblock/quote``: ending a voluntary block (R-BLOCK-1)."""

    paid_from: dt.date  # the first day the unblock pays for (the unblock day itself)
