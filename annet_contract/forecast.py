"""The forecast of an account: the next charge, how long the money lasts, what is coming and when.

``GET /accounts/{number}/forecast`` is answered by the same billing functions that write the
charges and work out the recommended payment (R-ACC-2), so the forecast never says what the
1st will not do. Every moment is an aware datetime in Moscow time.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from .money import Money
from .wire import Wire


class Lasts(StrEnum):
    """How far the balance pays for the services at their current tariffs."""

    UNTIL = "until"  # through ``lasts_until``
    MORE_THAN_YEAR = "more_than_year"  # beyond a year from today (``lasts_until`` is None)
    OWING = "owing"  # the balance is below zero: not even this month is paid (``lasts_until`` is None)


class EventKind(StrEnum):
    """A coming event of the account (``at`` is when it happens; ``amount`` what it needs, if anything).

    Listed in this order when two fall on the same moment (a credit ends, then the block returns).
    """

    CREDIT_ENDS = "credit_ends"  # the credit in force ends at ``at``; ``amount`` repays it before then
    # the financial block from ``at`` (00:00 of an 11th, or a credit's end) unless ``amount`` is paid
    # before it; ``in_force``: it began at ``at`` and ``amount`` lifts it
    FINANCIAL_BLOCK = "financial_block"
    CREDIT_BAN_LIFTS = "credit_ban_lifts"  # a new credit may be taken from ``at``
    # the paid discount of ``service_id`` ends at ``at`` (00:00 after its last day);
    # ``extension_open``: «Продлить скидку» is offered now
    DISCOUNT_ENDS = "discount_ends"
    DISCOUNT_EXTENSION_OPENS = "discount_extension_opens"  # «Продлить скидку» is offered from ``at``
    # «Заблокировать» of ``service_id`` was used this month; allowed again from ``at``
    VOLUNTARY_BLOCK_LIMIT_RESETS = "voluntary_block_limit_resets"


class ForecastEvent(Wire):
    """One coming event; ``service_id`` and ``service`` (its name) for the per-service kinds."""

    kind: EventKind
    at: dt.datetime
    amount: Money | None = None
    service_id: int | None = None
    service: str | None = None
    extension_open: bool = False
    in_force: bool = False


class NextCharge(Wire):
    """The next regular charge: 00:00 on the 1st of next month, each service as it will stand then."""

    at: dt.datetime
    amount: Money


class Forecast(Wire):
    """``GET /accounts/{number}/forecast``: the next charge, how long the money lasts, coming events."""

    balance: Money
    recommended_payment: Money  # the same figure as Account.recommended_payment (R-ACC-2)
    next_charge: NextCharge
    charges: list[NextCharge]  # the next two charges of the 1st (the first is ``next_charge``), for a chart
    lasts: Lasts
    lasts_until: dt.date | None = None  # with UNTIL: the last day the balance pays for
    events: list[ForecastEvent]  # in the order they come
    # the server's clock when the forecast was made: how far off each event is (the app's own
    # clock may be wrong; notifications measure from this moment)
    as_of: dt.datetime | None = None
