"""Tables of the reference server (SQLAlchemy 2 declarative, SQLite and PostgreSQL).

Money is integer kopecks (``*_kopecks``); datetimes are aware (:class:`annet_server.db.AwareDateTime`);
calendar days are ``Date``. A call's ``started_at`` is Unix seconds (an integer): the 100,000-call
month is read and turned into a columnar page without per-row datetime parsing in the database driver.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .db import Base

__all__ = [
    "Account",
    "AuthSession",
    "BalanceEntry",
    "Call",
    "CatalogItem",
    "Credit",
    "Discount",
    "DiscountOffer",
    "IdempotencyRecord",
    "JournalEntry",
    "LoginAttempt",
    "PaymentOrder",
    "SavedCard",
    "Service",
    "Subscriber",
    "Tariff",
]


class Subscriber(Base):
    """A subscriber (a contract): contact data and the cabinet password hash."""

    __tablename__ = "subscribers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(300))
    contract: Mapped[str | None] = mapped_column(String(50))
    sms_phone: Mapped[str | None] = mapped_column(String(10))
    email: Mapped[str | None] = mapped_column(String(254))
    password_hash: Mapped[str] = mapped_column(String(200))
    password_changed_at: Mapped[dt.datetime | None]

    #: loaded on access; a query that needs the accounts asks for them (``selectinload``)
    accounts: Mapped[list[Account]] = relationship(back_populates="subscriber", order_by="Account.number")


class Account(Base):
    """A personal account (лицевой счёт): balance, financial block, credit ban, catch-up marks."""

    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    subscriber_id: Mapped[int] = mapped_column(ForeignKey("subscribers.id"), index=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    kind: Mapped[str] = mapped_column(String(20))  # schema.AccountKind
    title: Mapped[str] = mapped_column(String(200))
    title_en: Mapped[str | None] = mapped_column(String(200))
    balance_kopecks: Mapped[int] = mapped_column(BigInteger, default=0)
    financial_block: Mapped[bool] = mapped_column(Boolean, default=False)
    financial_block_since: Mapped[dt.datetime | None]
    credit_banned_until: Mapped[dt.date | None] = mapped_column(Date)  # first day a credit may be taken
    #: first day of the latest month whose monthly charges are applied
    charged_through: Mapped[dt.date] = mapped_column(Date)
    #: the moment up to which catch_up has applied what time made due
    caught_up_at: Mapped[dt.datetime]
    created_at: Mapped[dt.datetime]

    subscriber: Mapped[Subscriber] = relationship(back_populates="accounts")
    services: Mapped[list[Service]] = relationship(back_populates="account", order_by="Service.id")


class CatalogItem(Base):
    """A periodic service of the operator's catalogue («Доступ в интернет», «IPTVPORTAL», …)."""

    __tablename__ = "catalog_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str | None] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))  # schema.ServiceKind
    description: Mapped[str | None] = mapped_column(Text)
    description_en: Mapped[str | None] = mapped_column(Text)
    orderable: Mapped[bool] = mapped_column(Boolean, default=True)  # offered under «Новая»
    sort: Mapped[int] = mapped_column(Integer, default=0)

    #: loaded on access: the catalogue and the services table ask for them (``selectinload``)
    tariffs: Mapped[list[Tariff]] = relationship(
        back_populates="catalog_item", order_by="(Tariff.sort, Tariff.id)"
    )


class Tariff(Base):
    """A tariff plan of a catalogue service: monthly fee, promo flag, discount eligibility."""

    __tablename__ = "tariffs"

    id: Mapped[int] = mapped_column(primary_key=True)
    catalog_id: Mapped[int] = mapped_column(ForeignKey("catalog_items.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    fee_kopecks: Mapped[int] = mapped_column(BigInteger)
    promo: Mapped[bool] = mapped_column(Boolean, default=False)
    discounts: Mapped[bool] = mapped_column(Boolean, default=False)
    description: Mapped[str | None] = mapped_column(Text)
    description_en: Mapped[str | None] = mapped_column(Text)
    #: False: archived, kept for existing services only (promo tariffs are not offered to switch to)
    selectable: Mapped[bool] = mapped_column(Boolean, default=True)
    sort: Mapped[int] = mapped_column(Integer, default=0)

    catalog_item: Mapped[CatalogItem] = relationship(back_populates="tariffs")
    #: loaded on access (only the discount offers and taking a discount read them)
    offers: Mapped[list[DiscountOffer]] = relationship(
        back_populates="tariff", order_by="(DiscountOffer.months, DiscountOffer.id)"
    )


class DiscountOffer(Base):
    """A row of the loyalty discounts table of a tariff (R-DISC-1): percent for a number of months."""

    __tablename__ = "discount_offers"

    id: Mapped[int] = mapped_column(primary_key=True)
    tariff_id: Mapped[int] = mapped_column(ForeignKey("tariffs.id"), index=True)
    percent: Mapped[int] = mapped_column(Integer)
    months: Mapped[int] = mapped_column(Integer)

    tariff: Mapped[Tariff] = relationship(back_populates="offers")


class Service(Base):
    """A periodic service of an account: its tariff, blocks and the monthly limits' marks."""

    __tablename__ = "services"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    catalog_id: Mapped[int] = mapped_column(ForeignKey("catalog_items.id"))
    tariff_id: Mapped[int] = mapped_column(ForeignKey("tariffs.id"))
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    admin_block: Mapped[bool] = mapped_column(Boolean, default=False)
    voluntary_block: Mapped[bool] = mapped_column(Boolean, default=False)
    voluntary_block_since: Mapped[dt.datetime | None]
    last_voluntary_block_at: Mapped[dt.datetime | None]  # R-BLOCK-1: once per calendar month
    last_tariff_change_at: Mapped[dt.datetime | None]  # R-TARIFF-1: once per calendar month
    # the tariff before the last change: still in force on the day of the change (R-BILL-2)
    prev_tariff_id: Mapped[int | None] = mapped_column(ForeignKey("tariffs.id"), default=None)
    created_at: Mapped[dt.datetime]

    account: Mapped[Account] = relationship(back_populates="services")
    catalog_item: Mapped[CatalogItem] = relationship(lazy="joined")
    tariff: Mapped[Tariff] = relationship(lazy="joined", foreign_keys=[tariff_id])
    prev_tariff: Mapped[Tariff | None] = relationship(lazy="joined", foreign_keys=[prev_tariff_id])
    discounts: Mapped[list[Discount]] = relationship(
        back_populates="service", order_by="Discount.starts_on", lazy="selectin"
    )


class Discount(Base):
    """A paid loyalty discount of a service: whole calendar months ``starts_on``…``ends_on`` (R-DISC-3)."""

    __tablename__ = "discounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"), index=True)
    offer_id: Mapped[int | None] = mapped_column(ForeignKey("discount_offers.id"))
    percent: Mapped[int] = mapped_column(Integer)
    months: Mapped[int] = mapped_column(Integer)
    starts_on: Mapped[dt.date] = mapped_column(Date)
    ends_on: Mapped[dt.date] = mapped_column(Date)  # last day covered
    fee_with_discount_kopecks: Mapped[int] = mapped_column(BigInteger)
    advance_kopecks: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[dt.datetime]

    service: Mapped[Service] = relationship(back_populates="discounts")


class Credit(Base):
    """A 5-day credit (доверительный платёж) of an account (R-CREDIT-1/2)."""

    __tablename__ = "credits"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    taken_at: Mapped[dt.datetime]
    ends_at: Mapped[dt.datetime]
    state: Mapped[str] = mapped_column(String(20))  # active | repaid | unrepaid
    settled_at: Mapped[dt.datetime | None]


class BalanceEntry(Base):
    """A top-up (positive) or write-off (negative) of an account (R-BAL-1)."""

    __tablename__ = "balance_entries"
    __table_args__ = (Index("ix_balance_entries_account_at", "account_id", "at", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    at: Mapped[dt.datetime]
    amount_kopecks: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(30))  # schema.BalanceKind
    description: Mapped[str] = mapped_column(String(300))
    description_en: Mapped[str | None] = mapped_column(String(300))
    balance_after_kopecks: Mapped[int] = mapped_column(BigInteger)


class Call(Base):
    """One telephone call of an account; ``started_at`` is Unix seconds (see the module doc)."""

    __tablename__ = "calls"
    __table_args__ = (Index("ix_calls_account_started", "account_id", "started_at", "id"),)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    started_at: Mapped[int] = mapped_column(BigInteger)
    caller: Mapped[str] = mapped_column(String(20))
    callee: Mapped[str] = mapped_column(String(20))
    direction: Mapped[str] = mapped_column(String(3))  # in | out
    duration_s: Mapped[int] = mapped_column(Integer)
    cost_kopecks: Mapped[int] = mapped_column(Integer)
    zone: Mapped[str] = mapped_column(String(60))


class CallMonth(Base):
    """A (year, month) in which an account has calls, with their count (``CallsPage.months``, ``total``)."""

    __tablename__ = "call_months"

    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    month: Mapped[int] = mapped_column(Integer, primary_key=True)
    calls: Mapped[int] = mapped_column(Integer, default=0)


class JournalEntry(Base):
    """One change of a subscriber's data (R-LOG-1). Values starting with ``@`` are message keys."""

    __tablename__ = "journal_entries"
    __table_args__ = (Index("ix_journal_subscriber_at", "subscriber_id", "at", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    subscriber_id: Mapped[int] = mapped_column(ForeignKey("subscribers.id"))
    at: Mapped[dt.datetime]
    actor: Mapped[str] = mapped_column(String(20))  # schema.Actor
    action: Mapped[str] = mapped_column(String(40))  # schema.JournalAction
    account_number: Mapped[str | None] = mapped_column(String(20))
    service: Mapped[str | None] = mapped_column(String(200))
    old_value: Mapped[str | None] = mapped_column(String(300))
    new_value: Mapped[str | None] = mapped_column(String(300))


class PaymentOrder(Base):
    """An order of the payment gateway for one top-up (R-PAY), with the 54-FZ receipt once paid."""

    __tablename__ = "payment_orders"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_number: Mapped[str] = mapped_column(String(40), unique=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    amount_kopecks: Mapped[int] = mapped_column(BigInteger)
    state: Mapped[str] = mapped_column(String(20))  # schema.OrderState
    email: Mapped[str | None] = mapped_column(String(254))
    payment_url: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime]
    paid_at: Mapped[dt.datetime | None]
    billnumber: Mapped[str | None] = mapped_column(String(40))
    reason: Mapped[str | None] = mapped_column(String(300))

    account: Mapped[Account] = relationship(lazy="joined")
    receipt: Mapped[FiscalReceipt | None] = relationship(lazy="selectin", back_populates="order")

    @property
    def account_number(self) -> str:
        """The number of the account the order tops up."""
        return self.account.number


class FiscalReceipt(Base):
    """The 54-FZ receipt of a paid order as issued (no card data at all); see annet_contract.receipts."""

    __tablename__ = "receipts"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("payment_orders.id"), unique=True)
    balance_entry_id: Mapped[int] = mapped_column(ForeignKey("balance_entries.id"), unique=True)
    at: Mapped[dt.datetime]
    sum_kopecks: Mapped[int] = mapped_column(BigInteger)
    vat: Mapped[str] = mapped_column(String(20))
    vat_kopecks: Mapped[int] = mapped_column(BigInteger)
    seller_name: Mapped[str] = mapped_column(String(200))
    seller_inn: Mapped[str] = mapped_column(String(12))
    taxation: Mapped[str] = mapped_column(String(20))
    item: Mapped[str] = mapped_column(String(200))
    register_number: Mapped[str] = mapped_column(String(20))
    fiscal_drive: Mapped[str] = mapped_column(String(16))
    fiscal_document: Mapped[str] = mapped_column(String(10))
    fiscal_sign: Mapped[str] = mapped_column(String(10))
    shift: Mapped[int] = mapped_column(Integer)
    number_in_shift: Mapped[int] = mapped_column(Integer)
    fns_site: Mapped[str] = mapped_column(String(100))
    buyer_email: Mapped[str | None] = mapped_column(String(254))

    order: Mapped[PaymentOrder] = relationship(back_populates="receipt", lazy="joined")


class SavedCard(Base):
    """A card remembered by the payment sandbox for ONECLICK: a token and the last 4 digits only."""

    __tablename__ = "saved_cards"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    token: Mapped[str] = mapped_column(String(100), unique=True)
    last4: Mapped[str] = mapped_column(String(4))
    created_at: Mapped[dt.datetime]


class AuthSession(Base):
    """A cabinet session: only the token's hash is stored (R-LOGIN-4)."""

    __tablename__ = "auth_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(128), unique=True)
    subscriber_id: Mapped[int] = mapped_column(ForeignKey("subscribers.id"), index=True)
    created_at: Mapped[dt.datetime]
    last_seen_at: Mapped[dt.datetime]
    expires_at: Mapped[dt.datetime]
    revoked_at: Mapped[dt.datetime | None]


class LoginAttempt(Base):
    """One login attempt, or a wrong current password of a password change (throttling, R-LOGIN-3).

    ``account_number`` is empty for a password change; ``subscriber_id`` is None for an unknown
    account number; ``client`` is the caller's address. A login is written as a failure before
    its password is checked and turned into a success after (see :mod:`annet_server.throttle`).
    """

    __tablename__ = "login_attempts"
    __table_args__ = (
        Index("ix_login_attempts_account_at", "account_number", "at"),
        Index("ix_login_attempts_subscriber_at", "subscriber_id", "at"),
        Index("ix_login_attempts_client_at", "client", "at"),
        Index("ix_login_attempts_at", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    account_number: Mapped[str] = mapped_column(String(20))
    at: Mapped[dt.datetime]
    ok: Mapped[bool] = mapped_column(Boolean)
    subscriber_id: Mapped[int | None] = mapped_column(Integer, default=None)
    client: Mapped[str | None] = mapped_column(String(64), default=None)


class IdempotencyRecord(Base):
    """The stored first answer of a change made with an ``Idempotency-Key``."""

    __tablename__ = "idempotency_records"
    __table_args__ = (UniqueConstraint("subscriber_id", "key", name="uq_idempotency_subscriber_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    subscriber_id: Mapped[int | None] = mapped_column(ForeignKey("subscribers.id"))
    key: Mapped[str] = mapped_column(String(200))
    method: Mapped[str] = mapped_column(String(10))
    path: Mapped[str] = mapped_column(String(500))
    body_hash: Mapped[str] = mapped_column(String(128))
    status: Mapped[int] = mapped_column(Integer)
    response_body: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime]
