"""The Cabinet API wire contract: pydantic v2 models shared by the app and the reference server.

Conventions (docs/api.md says the same for outside readers):

* money is ``Decimal`` in the code and a string with two decimal places on the wire ("1234.50");
* datetimes are timezone-aware and travel as ISO 8601 with an offset; dates as ``YYYY-MM-DD``;
* errors are RFC 9457 problem documents (:class:`Problem`) with a stable machine :class:`ErrorCode`;
* lists that can grow are paged with ``limit`` and an opaque ``cursor`` (:class:`Page`);
* the calls of a month travel *columnar* (:class:`CallsPage`): one list per column, which keeps a
  100,000-call month small on the wire and cheap to parse.

No Qt and nothing of the server in here: this module is imported by both sides. The errors
(:mod:`.errors`), the lists (:mod:`.history`), the payments (:mod:`.payments`), the quotes
(:mod:`.quotes`), the forecast (:mod:`.forecast`) and the calls summary (:mod:`.calls_summary`) have
their own modules; their names are re-exported here, so ``schema.X`` reaches every wire model.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

from pydantic import Field

# the names other modules of the contract define, re-exported for ``schema.X`` users
from .calls_summary import CallsSummary as CallsSummary
from .calls_summary import MonthCost as MonthCost
from .calls_summary import ZoneTotal as ZoneTotal
from .errors import ErrorCode as ErrorCode
from .errors import FieldError as FieldError
from .errors import Problem as Problem
from .forecast import EventKind as EventKind
from .forecast import Forecast as Forecast
from .forecast import ForecastEvent as ForecastEvent
from .forecast import Lasts as Lasts
from .forecast import NextCharge as NextCharge
from .history import Actor as Actor
from .history import BalanceEntry as BalanceEntry
from .history import BalanceKind as BalanceKind
from .history import CallDirection as CallDirection
from .history import CallsPage as CallsPage
from .history import Direction as Direction
from .history import JournalAction as JournalAction
from .history import JournalEntry as JournalEntry
from .history import Page as Page
from .money import Money as Money
from .moscow import MOSCOW as MOSCOW
from .payments import OrderState as OrderState
from .payments import PaymentCreate as PaymentCreate
from .payments import PaymentOrder as PaymentOrder
from .quotes import BlockQuote as BlockQuote
from .quotes import MoneyEffect as MoneyEffect
from .quotes import QuoteRow as QuoteRow
from .quotes import TariffChangeQuote as TariffChangeQuote
from .quotes import UnblockQuote as UnblockQuote
from .receipts import Receipt as Receipt
from .wire import API_PREFIX as API_PREFIX
from .wire import BACKGROUND_HEADER as BACKGROUND_HEADER
from .wire import IDEMPOTENCY_HEADER as IDEMPOTENCY_HEADER
from .wire import Request, Wire

# --------------------------------------------------------------------------- session & subscriber


AccountNumber = Annotated[str, Field(pattern=r"^[0-9]{1,20}$")]

#: A database id sent in a request body: a positive 32-bit integer.
Id = Annotated[int, Field(ge=1, le=2_147_483_647)]


class SessionCreate(Request):
    """``POST /session``: log in by any account number of the subscriber (R-LOGIN-1)."""

    account: AccountNumber
    password: str = Field(min_length=1, max_length=128)


class SessionOut(Wire):
    """A new session: the bearer token and when it ends at the latest (absolute expiry)."""

    token: str
    expires_at: dt.datetime
    idle_timeout_s: int


class AccountKind(StrEnum):
    """What an account is for (it decides the «Звонки» tab and the title)."""

    INTERNET = "internet"
    TELEPHONY = "telephony"
    MIXED = "mixed"  # internet and telephony on one account


class AccountRef(Wire):
    """An account in the subscriber's list: enough to build the selector."""

    number: str
    kind: AccountKind
    title: str
    has_telephony: bool


class Me(Wire):
    """``GET /me``: the subscriber's current data (R-SUB-1); empty values are ``None``."""

    name: str
    address: str | None = None
    contract: str | None = None
    sms_phone: str | None = None  # 10 digits, no 8 or +7
    email: str | None = None
    accounts: list[AccountRef]


class ContactsUpdate(Request):
    """``PUT /me/contacts``: only the fields present change; ``null`` clears (R-SUB-2/3).

    The server validates strictly (10 digits; a valid address); the app normalises a pasted
    number before sending (:mod:`annet_contract.phone`).
    """

    sms_phone: str | None = None
    email: str | None = None


class PasswordChange(Request):
    """``PUT /me/password`` (R-PWD)."""

    current_password: str = Field(min_length=1, max_length=128)
    new_password: str = Field(min_length=1, max_length=128)


# --------------------------------------------------------------------------- account


class AccountStatus(StrEnum):
    """«Активен» or «Блокировка» (R-ACC-2)."""

    ACTIVE = "active"
    BLOCKED = "blocked"


class CreditState(Wire):
    """The 5-day credit of an account (R-CREDIT-1/2)."""

    available: bool  # the button «Получить кредит» is offered now
    in_force: bool = False
    ends_at: dt.datetime | None = None  # with in_force: when the credit ends
    banned_until: dt.date | None = None  # after an unrepaid credit: first day a new one may be taken
    reason: str | None = None  # why not available, in the subscriber's words


class Account(Wire):
    """``GET /accounts/{number}``: the information area of «Счёт» (R-ACC-2)."""

    number: str
    kind: AccountKind
    title: str
    has_telephony: bool
    balance: Money
    recommended_payment: Money  # whole roubles, ≥ 0
    status: AccountStatus
    financial_block: bool
    credit: CreditState


class CreditOut(Wire):
    """``POST /accounts/{number}/credit``: the credit taken and the account after it."""

    ends_at: dt.datetime
    account: Account


# --------------------------------------------------------------------------- services


class BlockKind(StrEnum):
    """The block column of the services table (R-SVC-1); no block = the service works."""

    ADMINISTRATIVE = "administrative"  # «Административная»
    FINANCIAL = "financial"  # «Финансовая»
    VOLUNTARY = "voluntary"  # «Добровольная»


class ServiceKind(StrEnum):
    """Catalogue family of a service; only internet has the loyalty discounts (R-DISC-1)."""

    INTERNET = "internet"
    TELEPHONY = "telephony"
    IPTV = "iptv"
    OTHER = "other"


class Tariff(Wire):
    """A tariff plan of a service."""

    id: int
    name: str
    fee: Money  # monthly fee
    promo: bool = False  # special/promotional: only the operator changes it (R-TARIFF-2)
    discounts: bool = False  # allows the loyalty discounts (R-DISC-1)
    description: str | None = None


class Allowed(Wire):
    """Whether a button may be used now and, when not, why (shown as the button's tooltip)."""

    allowed: bool
    reason: str | None = None


class ServiceActions(Wire):
    """What the service window offers now (R-SVC-3): each button, enabled or with a reason."""

    change_tariff: Allowed
    block: Allowed
    unblock: Allowed
    discount: Allowed  # «Получить скидку»; allowed=False + reason=None means: not shown at all
    extend_discount: Allowed  # «Продлить скидку»; likewise


class DiscountState(Wire):
    """A paid discount in force on a service (R-DISC-3)."""

    percent: int
    starts_on: dt.date
    ends_on: dt.date  # last day covered
    fee_with_discount: Money


class Service(Wire):
    """One row of the services table (R-SVC-1) plus what its window may do (R-SVC-3)."""

    id: int
    name: str
    kind: ServiceKind
    tariff: Tariff
    block: BlockKind | None = None
    quantity: int = 1
    fee: Money  # monthly fee as charged now (after a discount; 0 while voluntarily blocked)
    discount: DiscountState | None = None
    actions: ServiceActions


class CatalogItem(Wire):
    """A periodic service one may subscribe to (R-SVC-2), with its tariffs."""

    id: int
    name: str
    kind: ServiceKind
    description: str | None = None
    tariffs: list[Tariff]


class ServiceCreate(Request):
    """``POST /accounts/{number}/services``."""

    catalog_id: Id
    tariff_id: Id


class ServiceCreated(Wire):
    """The new service and the pro-rata first charge written off (R-SVC-2)."""

    service: Service
    first_charge: Money


class FirstCharge(Wire):
    """``GET /accounts/{n}/catalog/{id}/tariffs/{tariff}/first-charge``: quote before subscribing."""

    amount: Money
    balance: Money
    missing: Money  # 0 when the balance covers it


class TariffChange(Request):
    """``PUT /accounts/{number}/services/{id}/tariff`` (R-TARIFF-1)."""

    tariff_id: Id


class TariffOptions(Wire):
    """``GET /services/{id}/tariffs``: the tariff table, and whether a change is possible now."""

    current: Tariff
    tariffs: list[Tariff]  # the ones one may switch to
    change: Allowed
    effective: str  # when a change takes effect, in the subscriber's words


class DiscountOffer(Wire):
    """A row of the discounts table (R-DISC-1): percent, period, fee with discount, advance."""

    id: int
    percent: int
    months: int
    fee_with_discount: Money
    advance: Money  # prepayment written off when the row is chosen
    missing: Money  # how much the balance lacks for this row (0 when enough)


class DiscountMode(StrEnum):
    """Whether the offers table takes a new discount or extends the one in force (R-DISC-4)."""

    TAKE = "take"
    EXTEND = "extend"


class DiscountOffers(Wire):
    """``GET /services/{id}/discounts``: the table and whether rows may be chosen (R-DISC-2)."""

    mode: DiscountMode
    offers: list[DiscountOffer]
    selectable: bool  # False → read-only table (balance ≤ 0 or credit in force)
    reason: str | None = None  # why read-only, in the subscriber's words
    balance: Money
    current: DiscountState | None = None
    starts_on: dt.date  # first day a chosen row would cover


class DiscountTake(Request):
    """``POST /services/{id}/discount``: take or extend with one offer."""

    offer_id: Id


class DiscountTaken(Wire):
    """The discount in force after taking or extending it, and the service after it."""

    discount: DiscountState
    advance: Money
    service: Service


# --------------------------------------------------------------------------- demo


class DemoAccount(Wire):
    """A demo subscriber (SPEC §6): ``annet-server demo-accounts`` prints a list of these."""

    account: str
    password: str
    name: str
    cases: list[str]
