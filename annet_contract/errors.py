"""Errors on the wire: the stable machine :class:`ErrorCode` and the RFC 9457 :class:`Problem` document.

Every answer >= 400 of the server is a :class:`Problem` with media type ``application/problem+json``
(:data:`PROBLEM_MEDIA_TYPE`); docs/api.md lists the codes with their statuses and texts.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from .wire import Wire

#: The media type of every error answer (RFC 9457).
PROBLEM_MEDIA_TYPE = "application/problem+json"


class ErrorCode(StrEnum):
    """Stable machine codes of every problem the server can answer with (docs/api.md lists them)."""

    AUTH_DENIED = "auth.denied"  # «Доступ запрещён» (R-LOGIN-2)
    AUTH_THROTTLED = "auth.throttled"  # 429 + Retry-After (R-LOGIN-3)
    AUTH_REQUIRED = "auth.required"  # no token, or an unknown/revoked one
    SESSION_EXPIRED = "auth.session_expired"  # idle 30 min / absolute 12 h (R-LOGIN-4)
    NOT_FOUND = "not_found"
    METHOD_NOT_ALLOWED = "method_not_allowed"  # 405: the path exists, the method does not
    VALIDATION = "validation"  # 422 with field messages
    IDEMPOTENCY_MISMATCH = "idempotency.mismatch"  # same key, another body → 422
    CONTACTS_BAD_PHONE = "contacts.bad_phone"  # R-SUB-2
    CONTACTS_BAD_EMAIL = "contacts.bad_email"  # R-SUB-3
    PASSWORD_WRONG_CURRENT = "password.wrong_current"  # R-PWD-1
    PASSWORD_WEAK = "password.weak"  # R-PWD-2
    PASSWORD_SAME = "password.same"
    CREDIT_NOT_BLOCKED = "credit.not_blocked"  # R-CREDIT-1: no financial block
    CREDIT_IN_FORCE = "credit.in_force"
    CREDIT_BANNED = "credit.banned"  # R-CREDIT-2: 2 months after an unrepaid credit
    SERVICE_SHORT_BALANCE = "service.short_balance"  # R-SVC-2
    SERVICE_ALREADY = "service.already"  # the account already has this catalogue service
    TARIFF_MONTHLY_LIMIT = "tariff.monthly_limit"  # R-TARIFF-1
    TARIFF_PROMO = "tariff.promo"  # R-TARIFF-2
    TARIFF_SAME = "tariff.same"
    TARIFF_UNKNOWN = "tariff.unknown"  # not a tariff of this service
    TARIFF_BLOCKED = "tariff.blocked"  # the service is blocked
    BLOCK_MONTHLY_LIMIT = "block.monthly_limit"  # R-BLOCK-1
    BLOCK_NOT_ALLOWED = "block.not_allowed"  # administrative/financial block in force
    BLOCK_ALREADY = "block.already"  # already voluntarily blocked
    BLOCK_NONE = "block.none"  # unblock of a service that has no voluntary block
    DISCOUNT_NOT_ALLOWED = "discount.not_allowed"  # R-DISC-1: not internet / tariff / blocked
    DISCOUNT_SHORT_BALANCE = "discount.short_balance"  # R-DISC-2: balance < advance
    DISCOUNT_READ_ONLY = "discount.read_only"  # R-DISC-2: balance ≤ 0 or credit in force
    DISCOUNT_IN_FORCE = "discount.in_force"  # a discount runs and cannot be extended yet
    DISCOUNT_NOT_EXTENDABLE = "discount.not_extendable"  # R-DISC-4: outside the window
    DISCOUNT_UNKNOWN_OFFER = "discount.unknown_offer"
    PAYMENT_AMOUNT = "payment.amount"  # outside 1 ₽ … 100 000 ₽
    PAYMENT_DECLINED = "payment.declined"
    INTERNAL = "internal"


class FieldError(Wire):
    """One bad field of a request: its dotted path and a message to show next to it."""

    field: str
    message: str


class Problem(Wire):
    """RFC 9457 problem document; ``detail`` is written for the subscriber and shown as is."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    code: ErrorCode
    errors: list[FieldError] = Field(default_factory=list)
    retry_after: int | None = None  # seconds, with auth.throttled (also the Retry-After header)
