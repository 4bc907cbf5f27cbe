"""Every rule of the cabinet (SPEC §3) as plain functions over an SQLAlchemy session and a clock.

No HTTP here. Functions never commit: the HTTP layer commits once per request, so a change, its
journal entry and the idempotency record land in one transaction. Every lookup is scoped by the
subscriber: someone else's account number is :data:`ErrorCode.NOT_FOUND`, never data. The caller
runs :func:`catchup.catch_up` once per request before a rule (routes/context.py does); the rules do
not catch up again. A refusal is a :class:`refusals.RuleError` with no text of its own: the HTTP
layer words it in the request's language.

One module per seam (account, forecast, credit, services and tariffs, blocks, discounts, payments,
calls, calls_summary, journal, catchup, subscriber); what several seams read lives once in lookups,
ledger (the balance and the financial block), service_rules (what a service costs and may do now),
months, kopecks, paging, localized. This module only re-exports.

Money is one model (SPEC "Money — one model", R-BILL; docs/decisions.md says every choice):
:mod:`.days` is the truth per service per day, :mod:`.recalc` the rows a change during the month
writes at once — one plan that the quote endpoints show and the action carries out.

* **Monthly charges** at 00:00 on the 1st: each service as it stands then, for the days of the
  month that no paid discount covers; nothing under a voluntary block. A whole month = fee × quantity.
* **Financial block** from 00:00 on the 11th while the balance is below 0 and no credit is in force;
  it lifts as soon as the balance is ≥ 0 or a credit is taken.
* **Credit** (R-CREDIT): exactly 120 hours from the moment it is taken; repaid the moment the
  balance reaches ≥ 0. Ended unrepaid: the financial block returns and ``banned_until`` = the end
  date + 2 calendar months (day clamped); that day a new credit may be taken.
* **Voluntary block** on day B refunds B+1 … month end at once; **unblock** on day U writes off
  U … month end at once (U+1 when blocked the same day); a paid discount pauses (its end moves by
  the days wholly blocked).
* **Tariff change** on day D: D on the old tariff, the new fee from D+1, the rest of the month
  settled at once; it ends a paid discount and returns the unused advance (quantity counted).
* **Recommended payment** (R-ACC-2) = max(0, what the next 1st will write off − balance), rounded
  up to whole roubles.
* **Pro-rata first charge** (R-SVC-2): fee × (days remaining including today) / (days in the month),
  half up to the kopeck; refused when the balance is below it.
* **Calendar-month limits** (tariff change, voluntary block) count the calendar month and year of
  the last use in Moscow time: used on the 31st, allowed again on the 1st.
"""

from __future__ import annotations

from .account import balance_history, get_account, recommended_payment_kopecks
from .blocks import block_quote, block_service, set_admin_block, unblock_quote, unblock_service
from .calls import calls_page, record_calls
from .calls_summary import get_calls_summary
from .catchup import catch_up
from .credit import CREDIT_BAN_MONTHS, CREDIT_DAYS, credit_banned_until, credit_ends_at, take_credit
from .discounts import discount_offers, discounted_fee_kopecks, take_discount
from .forecast import get_forecast
from .journal import journal_page, record_journal
from .ledger import FINANCIAL_BLOCK_DAY
from .lookups import find_subscriber_by_account
from .months import add_months, days_in_month, midnight, month_start, next_month_start
from .payments import (
    confirm_payment,
    create_payment,
    get_payment,
    operator_correction,
    order_for_gateway,
    order_out,
)
from .receipts import get_receipt, issue_receipt, orders_of_entries, receipt_out
from .refusals import RuleError
from .service_rules import extension_opens_on, pro_rata_kopecks
from .services import (
    add_service,
    change_tariff,
    first_charge_quote,
    list_catalog,
    list_services,
    tariff_options,
    tariff_quote,
)
from .subscriber import change_password, get_me, update_contacts

__all__ = [
    "CREDIT_BAN_MONTHS",
    "CREDIT_DAYS",
    "FINANCIAL_BLOCK_DAY",
    "RuleError",
    "add_months",
    "add_service",
    "balance_history",
    "block_quote",
    "block_service",
    "calls_page",
    "catch_up",
    "change_password",
    "change_tariff",
    "confirm_payment",
    "create_payment",
    "credit_banned_until",
    "credit_ends_at",
    "days_in_month",
    "discount_offers",
    "discounted_fee_kopecks",
    "extension_opens_on",
    "find_subscriber_by_account",
    "first_charge_quote",
    "get_account",
    "get_calls_summary",
    "get_forecast",
    "get_me",
    "get_payment",
    "get_receipt",
    "issue_receipt",
    "journal_page",
    "list_catalog",
    "list_services",
    "midnight",
    "month_start",
    "next_month_start",
    "operator_correction",
    "order_for_gateway",
    "order_out",
    "orders_of_entries",
    "pro_rata_kopecks",
    "receipt_out",
    "recommended_payment_kopecks",
    "record_calls",
    "record_journal",
    "set_admin_block",
    "take_credit",
    "take_discount",
    "tariff_options",
    "tariff_quote",
    "unblock_quote",
    "unblock_service",
    "update_contacts",
]
