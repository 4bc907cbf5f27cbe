"""Every rule of the cabinet (SPEC §3) as plain functions over an SQLAlchemy session and a clock.

No HTTP here. Functions never commit: the HTTP layer commits once per request, so a change, its
journal entry and the idempotency record land in one transaction. Every lookup is scoped by the
subscriber: someone else's account number is :data:`ErrorCode.NOT_FOUND`, never data. The caller
runs :func:`catchup.catch_up` once per request before a rule (routes/context.py does); the rules do
not catch up again. A refusal is a :class:`refusals.RuleError` with no text of its own: the HTTP
layer words it in the request's language.

One module per seam (account, credit, services and tariffs, blocks, discounts, payments, calls,
journal, catchup, subscriber); what several seams read lives once in lookups, ledger (the balance
and the financial block), service_rules (what a service costs and may do now), months, kopecks,
paging, localized. This module only re-exports.

Choices where the manual is silent (docs/decisions.md repeats them):

* **Monthly charges** are written at 00:00 on the 1st for every service that is not voluntarily
  blocked and whose month is not covered by a paid discount (administrative and financial blocks do
  not stop the fee).
* **Financial block**: from 00:00 on the 11th of a month (i.e. "after the 10th"), an account whose
  balance is below 0 and that has no credit in force is blocked; the block lifts as soon as the
  balance is ≥ 0 or a credit is taken.
* **Credit** (R-CREDIT): in force for 5 calendar days counting the day it is taken — taken on the
  16th, it works through the 20th and ends at 00:00 on the 21st ("day 5" in force, "day 6" ended).
  It is repaid the moment the balance reaches ≥ 0. Ended unrepaid: the financial block returns and
  ``banned_until`` = the end date + 2 calendar months (day clamped to the month's length); that day
  is the first on which a new credit may be taken.
* **Pro-rata first charge** (R-SVC-2): fee × (days remaining in the month including today) / (days
  in the month), rounded half up to the kopeck; refused when the balance is below it.
* **Discounts** (R-DISC) cover whole calendar months: a new one from the 1st of the next month, an
  extension from the day after the current one ends. fee_with_discount = fee × (100 − percent) / 100
  rounded half up to the kopeck; advance = fee_with_discount × months × quantity. The extension
  window opens one calendar month before the day after the end, i.e. on the 1st of the discount's
  last month, and stays open through its last day.
* **Recommended payment** (R-ACC-2) = max(0, Σ this month's fee of every service that is not
  voluntarily blocked — the discounted fee when a discount covers this month — − balance), rounded up
  to whole roubles.
* **Voluntary block** stops the next monthly charges; the month already charged is not refunded.
  Unblocking in a month whose 1st found the service blocked charges the rest of that month pro rata
  (as for a new service, but never refused: the balance may go below 0).
* **Calendar-month limits** (tariff change, voluntary block) count the calendar month of the last
  use in Moscow time: used on the 31st, allowed again on the 1st.
"""

from __future__ import annotations

from .account import balance_history, get_account, recommended_payment_kopecks
from .blocks import block_quote, block_service, set_admin_block, unblock_quote, unblock_service
from .calls import calls_page, record_calls
from .catchup import catch_up
from .credit import CREDIT_BAN_MONTHS, CREDIT_DAYS, credit_banned_until, credit_ends_at, take_credit
from .discounts import discount_offers, discounted_fee_kopecks, take_discount
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
    "get_me",
    "get_payment",
    "journal_page",
    "list_catalog",
    "list_services",
    "midnight",
    "month_start",
    "next_month_start",
    "operator_correction",
    "order_for_gateway",
    "order_out",
    "pro_rata_kopecks",
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
