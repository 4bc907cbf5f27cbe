"""Every rule of the cabinet (SPEC §3) as plain functions over an SQLAlchemy session and a clock.

No HTTP here. Functions never commit: the HTTP layer commits once per request, so a change, its
journal entry and the idempotency record land in one transaction. Every lookup is scoped by the
subscriber: someone else's account number is :data:`ErrorCode.NOT_FOUND`, never data.

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

import base64
import calendar
import datetime as dt
import hashlib
import json
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import and_, insert, or_, select
from sqlalchemy.orm import Session

from annet_contract import schema as s
from annet_contract.email import email_to_store
from annet_contract.errors import ErrorCode
from annet_contract.moscow import MOSCOW
from annet_contract.password import is_valid as password_is_valid
from annet_contract.payment_amount import amount_allowed
from annet_contract.phone import is_sms_phone

from . import messages
from . import models as m
from .db import as_moscow, from_kopecks, to_kopecks
from .passwords import hash_password, verify_password

__all__ = [
    "CREDIT_BAN_MONTHS",
    "CREDIT_DAYS",
    "FINANCIAL_BLOCK_DAY",
    "RuleError",
    "add_service",
    "balance_history",
    "block_service",
    "calls_page",
    "catch_up",
    "change_password",
    "change_tariff",
    "confirm_payment",
    "create_payment",
    "discount_offers",
    "find_subscriber_by_account",
    "first_charge_quote",
    "get_account",
    "get_me",
    "get_payment",
    "journal_page",
    "list_catalog",
    "list_services",
    "operator_correction",
    "order_for_gateway",
    "order_out",
    "record_calls",
    "record_journal",
    "set_admin_block",
    "take_credit",
    "take_discount",
    "tariff_options",
    "unblock_service",
    "update_contacts",
]

#: the credit works this many calendar days, the day it is taken included
CREDIT_DAYS = 5
#: no new credit for this many calendar months after an unrepaid one ended
CREDIT_BAN_MONTHS = 2
#: the financial block starts at 00:00 of this day of the month
FINANCIAL_BLOCK_DAY = 11
#: 54-FZ receipt: VAT rate of communication services in 2026
VAT_PERCENT = 22
OPERATOR_INN = "6950012340"
FISCAL_DRIVE = "7380440801234567"

# --------------------------------------------------------------------------- errors


class RuleError(Exception):
    """A refusal by a rule: stable ``code``, message ``params``, HTTP ``status``, field ``errors``.

    ``status`` is 409 for rule refusals, 404 for NOT_FOUND, 422 for bad values (VALIDATION, contacts,
    passwords, payment amount, unknown tariff/offer ids).
    """

    _DEFAULT_STATUS: dict[ErrorCode, int] = {  # noqa: RUF012
        ErrorCode.NOT_FOUND: 404,
        ErrorCode.VALIDATION: 422,
        ErrorCode.CONTACTS_BAD_PHONE: 422,
        ErrorCode.CONTACTS_BAD_EMAIL: 422,
        ErrorCode.PASSWORD_WRONG_CURRENT: 422,
        ErrorCode.PASSWORD_WEAK: 422,
        ErrorCode.PASSWORD_SAME: 422,
        ErrorCode.PAYMENT_AMOUNT: 422,
        ErrorCode.TARIFF_UNKNOWN: 422,
        ErrorCode.DISCOUNT_UNKNOWN_OFFER: 422,
        ErrorCode.INTERNAL: 500,
    }

    def __init__(
        self,
        code: ErrorCode,
        params: dict[str, Any] | None = None,
        status: int | None = None,
        errors: list[s.FieldError] | None = None,
        lang: str = "ru",
    ) -> None:
        self.code = ErrorCode(code)
        self.params: dict[str, Any] = dict(params or {})
        self.status = status if status is not None else self._DEFAULT_STATUS.get(self.code, 409)
        self.errors: list[s.FieldError] = list(errors or [])
        self.lang = lang
        super().__init__(f"{self.code.value}: {self.detail(lang)}")

    def detail(self, lang: str = "ru") -> str:
        """The subscriber's message in ``lang``."""
        return messages.message(self.code, lang, **self.params)


def _field_error(code: ErrorCode, field: str, lang: str, **params: Any) -> RuleError:
    return RuleError(
        code, params, errors=[s.FieldError(field=field, message=messages.message(code, lang, **params))]
    )


# --------------------------------------------------------------------------- calendar helpers


def month_start(day: dt.date) -> dt.date:
    """The 1st of ``day``'s month."""
    return day.replace(day=1)


def next_month_start(day: dt.date) -> dt.date:
    """The 1st of the month after ``day``'s."""
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` + ``months`` calendar months, the day clamped to the target month's length."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def days_in_month(day: dt.date) -> int:
    """How many days ``day``'s month has."""
    return calendar.monthrange(day.year, day.month)[1]


def midnight(day: dt.date) -> dt.datetime:
    """00:00 Moscow time of ``day``."""
    return dt.datetime(day.year, day.month, day.day, tzinfo=MOSCOW)


def _same_month(a: dt.datetime | None, b: dt.datetime) -> bool:
    if a is None:
        return False
    a = as_moscow(a)
    assert a is not None
    return (a.year, a.month) == (b.year, b.month)


def _money(kopecks: int) -> Decimal:
    return from_kopecks(kopecks)


def _ceil_roubles(kopecks: int) -> int:
    return -((-kopecks) // 100) * 100


def _percent_of(kopecks: int, numerator: int, denominator: int) -> int:
    """``kopecks × numerator / denominator`` rounded half up to the kopeck."""
    value = (Decimal(kopecks) * numerator / denominator).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return int(value)


def pro_rata_kopecks(fee_kopecks: int, today: dt.date) -> int:
    """The first charge of a service subscribed on ``today`` (R-SVC-2)."""
    total = days_in_month(today)
    remaining = total - today.day + 1
    return _percent_of(fee_kopecks, remaining, total)


def discounted_fee_kopecks(fee_kopecks: int, percent: int) -> int:
    """The monthly fee with a loyalty discount of ``percent`` (R-DISC-1)."""
    return _percent_of(fee_kopecks, 100 - percent, 100)


def recommended_payment_kopecks(fees_kopecks: int, balance_kopecks: int) -> int:
    """max(0, fees − balance) rounded up to whole roubles (R-ACC-2)."""
    return _ceil_roubles(max(0, fees_kopecks - balance_kopecks))


def credit_ends_at(taken_at: dt.datetime) -> dt.datetime:
    """00:00 of the day after the credit's 5th day."""
    taken = as_moscow(taken_at)
    assert taken is not None
    return midnight(taken.date() + dt.timedelta(days=CREDIT_DAYS))


def credit_banned_until(ended_at: dt.datetime) -> dt.date:
    """The first day a new credit may be taken after one that ended unrepaid at ``ended_at``."""
    ended = as_moscow(ended_at)
    assert ended is not None
    return add_months(ended.date(), CREDIT_BAN_MONTHS)


def extension_opens_on(ends_on: dt.date) -> dt.date:
    """The first day «Продлить скидку» is offered for a discount whose last day is ``ends_on``."""
    return add_months(ends_on + dt.timedelta(days=1), -1)


# --------------------------------------------------------------------------- lookups


def find_subscriber_by_account(db: Session, number: str) -> m.Subscriber | None:
    """The subscriber who owns account ``number`` (any of theirs logs them in, R-LOGIN-1)."""
    return db.execute(
        select(m.Subscriber).join(m.Account).where(m.Account.number == number)
    ).scalar_one_or_none()


def _subscriber(db: Session, sub_id: int) -> m.Subscriber:
    sub = db.get(m.Subscriber, sub_id)
    if sub is None:
        raise RuleError(ErrorCode.NOT_FOUND)
    return sub


def _account(db: Session, now: dt.datetime, sub_id: int, number: str, *, lock: bool = False) -> m.Account:
    query = select(m.Account).where(m.Account.number == str(number), m.Account.subscriber_id == sub_id)
    if lock:
        query = query.with_for_update()
    acc = db.execute(query).scalar_one_or_none()
    if acc is None:
        raise RuleError(ErrorCode.NOT_FOUND)
    _catch_up_account(db, acc, now)
    return acc


def _service(db: Session, acc: m.Account, service_id: int) -> m.Service:
    svc = db.get(m.Service, service_id)
    if svc is None or svc.account_id != acc.id:
        raise RuleError(ErrorCode.NOT_FOUND)
    return svc


def _active_credit(db: Session, acc: m.Account) -> m.Credit | None:
    return (
        db.execute(
            select(m.Credit)
            .where(m.Credit.account_id == acc.id, m.Credit.state == "active")
            .order_by(m.Credit.id.desc())
        )
        .scalars()
        .first()
    )


# --------------------------------------------------------------------------- journal


def _encode_value(key: str, **params: Any) -> str:
    """A journal value that is translated when shown: ``@key`` + JSON params."""
    if not params:
        return "@" + key
    return "@" + key + "\t" + json.dumps(params, ensure_ascii=False, default=str)


def _decode_value(value: str | None, lang: str) -> str | None:
    if value is None or not value.startswith("@"):
        return value
    key, _, raw = value[1:].partition("\t")
    params = json.loads(raw) if raw else {}
    for name in ("amount", "advance"):
        if name in params:
            params[name] = Decimal(str(params[name]))
    try:
        return messages.message(key, lang, **params)
    except KeyError:
        return value


def record_journal(
    db: Session,
    clock: Any,
    sub_id: int,
    action: s.JournalAction | str,
    actor: s.Actor | str = s.Actor.SUBSCRIBER,
    *,
    account: str | None = None,
    service: str | None = None,
    old: str | None = None,
    new: str | None = None,
    at: dt.datetime | None = None,
) -> m.JournalEntry:
    """Write one journal entry (R-LOG-1) in the caller's transaction; never pass a password value."""
    entry = m.JournalEntry(
        subscriber_id=sub_id,
        at=at or clock.now(),
        actor=s.Actor(actor).value,
        action=s.JournalAction(action).value,
        account_number=account,
        service=service,
        old_value=old,
        new_value=new,
    )
    db.add(entry)
    return entry


class _At:
    """A clock that always answers one moment (for entries written by catch-up at their due time)."""

    def __init__(self, when: dt.datetime) -> None:
        self._when = when

    def now(self) -> dt.datetime:
        return self._when


def _journal_at(
    db: Session, acc: m.Account, at: dt.datetime, action: s.JournalAction, actor: s.Actor, **kw: Any
) -> None:
    record_journal(db, _At(at), acc.subscriber_id, action, actor, account=acc.number, at=at, **kw)


# --------------------------------------------------------------------------- balance


def _post(
    db: Session,
    acc: m.Account,
    at: dt.datetime,
    amount_kopecks: int,
    kind: s.BalanceKind,
    key: str,
    **params: Any,
) -> m.BalanceEntry:
    """Move the balance and write the entry (R-BAL-1); then apply the block/credit consequences."""
    acc.balance_kopecks += amount_kopecks
    entry = m.BalanceEntry(
        account_id=acc.id,
        at=at,
        amount_kopecks=amount_kopecks,
        kind=kind.value,
        description=messages.message(key, "ru", **params),
        description_en=messages.message(key, "en", **params),
        balance_after_kopecks=acc.balance_kopecks,
    )
    db.add(entry)
    _settle(db, acc, at)
    return entry


def _settle(db: Session, acc: m.Account, at: dt.datetime) -> None:
    """After a balance change or at a due moment: repay the credit, lift or start the financial block."""
    if acc.balance_kopecks >= 0:
        credit = _active_credit(db, acc)
        if credit is not None:
            credit.state = "repaid"
            credit.settled_at = at
            _journal_at(
                db,
                acc,
                at,
                s.JournalAction.CREDIT_END,
                s.Actor.SYSTEM,
                old=_encode_value("value.credit_in_force", until=messages.format_date(credit.ends_at)),
                new=_encode_value("value.credit_repaid"),
            )
        if acc.financial_block:
            _set_financial_block(db, acc, at, False)
        return
    if (
        not acc.financial_block
        and at.astimezone(MOSCOW).day >= FINANCIAL_BLOCK_DAY
        and _active_credit(db, acc) is None
    ):
        _set_financial_block(db, acc, at, True)


def _set_financial_block(db: Session, acc: m.Account, at: dt.datetime, on: bool) -> None:
    if acc.financial_block == on:
        return
    acc.financial_block = on
    acc.financial_block_since = at if on else None
    _journal_at(
        db,
        acc,
        at,
        s.JournalAction.BLOCK if on else s.JournalAction.UNBLOCK,
        s.Actor.SYSTEM,
        old=_encode_value("value.active") if on else _encode_value("block.financial"),
        new=_encode_value("block.financial") if on else _encode_value("value.active"),
    )


# --------------------------------------------------------------------------- catch-up


def catch_up(db: Session, clock: Any, subscriber_id: int) -> None:
    """Apply what time made due on every account of the subscriber (idempotent, no commit).

    Monthly charges on the 1st, the financial block from the 11th, the end of a credit; discounts
    need nothing (they are whole months, read from their dates).
    """
    now = clock.now()
    accounts = db.execute(
        select(m.Account)
        .where(m.Account.subscriber_id == subscriber_id)
        .order_by(m.Account.id)
        .with_for_update()
    ).scalars()
    for acc in accounts:
        _catch_up_account(db, acc, now)


def _catch_up_account(db: Session, acc: m.Account, now: dt.datetime) -> None:
    start = as_moscow(acc.caught_up_at)
    assert start is not None
    if now <= start:
        return
    events: list[tuple[dt.datetime, int, Callable[[dt.datetime], None]]] = []
    month = next_month_start(acc.charged_through)
    while month <= now.date():
        events.append((midnight(month), 0, _charger(db, acc, month)))
        month = next_month_start(month)
    cursor = month_start(start.date())
    while cursor <= now.date():
        eleventh = midnight(cursor.replace(day=FINANCIAL_BLOCK_DAY))
        if start < eleventh <= now:
            events.append((eleventh, 2, lambda at: _settle(db, acc, at)))
        cursor = next_month_start(cursor)
    credit = _active_credit(db, acc)
    if credit is not None:
        ends = as_moscow(credit.ends_at)
        assert ends is not None
        if ends <= now:
            events.append((ends, 1, _credit_ender(db, acc, credit)))
    for at, _order, action in sorted(events, key=lambda e: (e[0], e[1])):
        action(at)
    _settle(db, acc, now)
    acc.caught_up_at = now


def _charger(db: Session, acc: m.Account, month: dt.date) -> Callable[[dt.datetime], None]:
    def charge(at: dt.datetime) -> None:
        services = db.execute(
            select(m.Service).where(m.Service.account_id == acc.id).order_by(m.Service.id)
        ).scalars()
        for svc in services:
            if svc.voluntary_block or _discount_covering(svc, month) is not None:
                continue
            amount = svc.tariff.fee_kopecks * svc.quantity
            if amount <= 0:
                continue
            _post(
                db,
                acc,
                at,
                -amount,
                s.BalanceKind.CHARGE,
                "balance.charge",
                month=(month.year, month.month),
                service=f"{svc.catalog_item.name} «{svc.tariff.name}»",
            )
        acc.charged_through = month

    return charge


def _credit_ender(db: Session, acc: m.Account, credit: m.Credit) -> Callable[[dt.datetime], None]:
    def end(at: dt.datetime) -> None:
        if credit.state != "active":
            return
        credit.state = "unrepaid"
        credit.settled_at = at
        acc.credit_banned_until = credit_banned_until(at)
        _journal_at(
            db,
            acc,
            at,
            s.JournalAction.CREDIT_END,
            s.Actor.SYSTEM,
            old=_encode_value("value.credit_in_force", until=messages.format_date(at)),
            new=_encode_value("value.credit_unrepaid"),
        )
        if acc.balance_kopecks < 0 and not acc.financial_block:
            acc.financial_block = True  # the credit-end entry above records it
            acc.financial_block_since = at

    return end


# --------------------------------------------------------------------------- views


def _lang_name(ru: str, en: str | None, lang: str) -> str:
    return en if (lang == "en" and en) else ru


def _tariff_out(t: m.Tariff, lang: str) -> s.Tariff:
    return s.Tariff(
        id=t.id,
        name=t.name,
        fee=_money(t.fee_kopecks),
        promo=t.promo,
        discounts=t.discounts,
        description=_lang_name(t.description or "", t.description_en, lang) or None,
    )


def _discount_covering(svc: m.Service, day: dt.date) -> m.Discount | None:
    for d in svc.discounts:
        if d.starts_on <= day <= d.ends_on:
            return d
    return None


def _current_discount(svc: m.Service, today: dt.date) -> m.Discount | None:
    """The paid discount in force or paid ahead (the latest that has not ended)."""
    live = [d for d in svc.discounts if d.ends_on >= today]
    return max(live, key=lambda d: d.ends_on) if live else None


def _discount_state(d: m.Discount) -> s.DiscountState:
    return s.DiscountState(
        percent=d.percent,
        starts_on=d.starts_on,
        ends_on=d.ends_on,
        fee_with_discount=_money(d.fee_with_discount_kopecks),
    )


def _block_kind(svc: m.Service, acc: m.Account) -> s.BlockKind | None:
    if svc.admin_block:
        return s.BlockKind.ADMINISTRATIVE
    if svc.voluntary_block:
        return s.BlockKind.VOLUNTARY
    if acc.financial_block:
        return s.BlockKind.FINANCIAL
    return None


def _monthly_fee_kopecks(svc: m.Service, today: dt.date) -> int:
    """This month's fee as charged: 0 while voluntarily blocked, discounted under a discount."""
    if svc.voluntary_block:
        return 0
    covering = _discount_covering(svc, today)
    per_unit = covering.fee_with_discount_kopecks if covering else svc.tariff.fee_kopecks
    return per_unit * svc.quantity


def _allowed(ok: bool, reason_key: str | None = None, lang: str = "ru", **params: Any) -> s.Allowed:
    if ok:
        return s.Allowed(allowed=True)
    return s.Allowed(
        allowed=False, reason=messages.message(reason_key, lang, **params) if reason_key else None
    )


def _switch_targets(svc: m.Service) -> list[m.Tariff]:
    return [t for t in svc.catalog_item.tariffs if t.selectable and not t.promo and t.id != svc.tariff_id]


@dataclass
class _Why:
    code: ErrorCode | None
    reason: str | None
    params: dict[str, Any]


def _tariff_check(svc: m.Service, acc: m.Account, now: dt.datetime) -> _Why:
    if svc.tariff.promo:
        return _Why(ErrorCode.TARIFF_PROMO, "reason.tariff_promo", {})
    if _block_kind(svc, acc) is not None:
        return _Why(ErrorCode.TARIFF_BLOCKED, "reason.tariff_blocked", {})
    if _same_month(svc.last_tariff_change_at, now):
        return _Why(
            ErrorCode.TARIFF_MONTHLY_LIMIT,
            "reason.tariff_monthly_limit",
            {"date": next_month_start(now.date())},
        )
    return _Why(None, None, {})


def _block_check(svc: m.Service, acc: m.Account, now: dt.datetime) -> _Why:
    if svc.admin_block:
        return _Why(ErrorCode.BLOCK_NOT_ALLOWED, "reason.block_admin", {"block_key": "block.administrative"})
    if svc.voluntary_block:
        return _Why(ErrorCode.BLOCK_ALREADY, "reason.block_already", {})
    if acc.financial_block:
        return _Why(ErrorCode.BLOCK_NOT_ALLOWED, "reason.block_financial", {"block_key": "block.financial"})
    if _same_month(svc.last_voluntary_block_at, now):
        return _Why(
            ErrorCode.BLOCK_MONTHLY_LIMIT,
            "reason.block_monthly_limit",
            {"date": next_month_start(now.date())},
        )
    return _Why(None, None, {})


def _discount_eligible(svc: m.Service) -> bool:
    return svc.catalog_item.kind == s.ServiceKind.INTERNET.value and svc.tariff.discounts


def _discount_mode(svc: m.Service, acc: m.Account, today: dt.date) -> tuple[s.DiscountMode | None, _Why]:
    """Which discount button applies (TAKE/EXTEND) or why neither; (None, why) when not offered."""
    if not _discount_eligible(svc):
        return None, _Why(ErrorCode.DISCOUNT_NOT_ALLOWED, None, {})
    if _block_kind(svc, acc) is not None:
        return None, _Why(ErrorCode.DISCOUNT_NOT_ALLOWED, "reason.discount_blocked", {})
    current = _current_discount(svc, today)
    if current is None:
        return s.DiscountMode.TAKE, _Why(None, None, {})
    opens = extension_opens_on(current.ends_on)
    if today >= opens:
        return s.DiscountMode.EXTEND, _Why(None, None, {})
    return None, _Why(
        ErrorCode.DISCOUNT_IN_FORCE,
        "reason.discount_in_force",
        {"until": current.ends_on, "from_date": opens},
    )


def _service_out(svc: m.Service, acc: m.Account, now: dt.datetime, lang: str) -> s.Service:
    today = now.date()
    tariff_why = _tariff_check(svc, acc, now)
    if tariff_why.code is None and not _switch_targets(svc):
        tariff_why = _Why(ErrorCode.TARIFF_UNKNOWN, "reason.tariff_no_other", {})
    block_why = _block_check(svc, acc, now)
    mode, disc_why = _discount_mode(svc, acc, today)
    if mode is s.DiscountMode.TAKE:
        discount, extend = s.Allowed(allowed=True), s.Allowed(allowed=False)
    elif mode is s.DiscountMode.EXTEND:
        discount, extend = s.Allowed(allowed=False), s.Allowed(allowed=True)
    else:
        discount = _allowed(False, disc_why.reason, lang, **disc_why.params)
        extend = s.Allowed(allowed=False)
    current = _current_discount(svc, today)
    return s.Service(
        id=svc.id,
        name=_lang_name(svc.catalog_item.name, svc.catalog_item.name_en, lang),
        kind=s.ServiceKind(svc.catalog_item.kind),
        tariff=_tariff_out(svc.tariff, lang),
        block=_block_kind(svc, acc),
        quantity=svc.quantity,
        fee=_money(_monthly_fee_kopecks(svc, today)),
        discount=_discount_state(current) if current else None,
        actions=s.ServiceActions(
            change_tariff=_allowed(tariff_why.code is None, tariff_why.reason, lang, **tariff_why.params),
            block=_allowed(block_why.code is None, block_why.reason, lang, **block_why.params),
            unblock=_allowed(svc.voluntary_block, "reason.unblock_none", lang),
            discount=discount,
            extend_discount=extend,
        ),
    )


def _has_telephony(acc: m.Account) -> bool:
    if acc.kind in (s.AccountKind.TELEPHONY.value, s.AccountKind.MIXED.value):
        return True
    return any(svc.catalog_item.kind == s.ServiceKind.TELEPHONY.value for svc in acc.services)


def _account_title(acc: m.Account, lang: str) -> str:
    return _lang_name(acc.title, acc.title_en, lang)


def _credit_state(db: Session, acc: m.Account, now: dt.datetime, lang: str) -> s.CreditState:
    credit = _active_credit(db, acc)
    banned = (
        acc.credit_banned_until if acc.credit_banned_until and now.date() < acc.credit_banned_until else None
    )
    if credit is not None:
        ends = as_moscow(credit.ends_at)
        return s.CreditState(
            available=False,
            in_force=True,
            ends_at=ends,
            banned_until=banned,
            reason=messages.message("reason.credit_in_force", lang, until=ends),
        )
    if banned is not None:
        return s.CreditState(
            available=False,
            banned_until=banned,
            reason=messages.message("reason.credit_banned", lang, date=banned),
        )
    if not acc.financial_block:
        return s.CreditState(available=False, reason=messages.message("reason.credit_not_blocked", lang))
    return s.CreditState(available=True)


def _account_out(db: Session, acc: m.Account, now: dt.datetime, lang: str) -> s.Account:
    today = now.date()
    fees = sum(_monthly_fee_kopecks(svc, today) for svc in acc.services)
    blocked = acc.financial_block or any(svc.admin_block or svc.voluntary_block for svc in acc.services)
    return s.Account(
        number=acc.number,
        kind=s.AccountKind(acc.kind),
        title=_account_title(acc, lang),
        has_telephony=_has_telephony(acc),
        balance=_money(acc.balance_kopecks),
        recommended_payment=_money(recommended_payment_kopecks(fees, acc.balance_kopecks)),
        status=s.AccountStatus.BLOCKED if blocked else s.AccountStatus.ACTIVE,
        financial_block=acc.financial_block,
        credit=_credit_state(db, acc, now, lang),
    )


# --------------------------------------------------------------------------- subscriber


def get_me(db: Session, clock: Any, sub_id: int, lang: str = "ru") -> s.Me:
    """The subscriber's contact data and accounts (R-SUB-1); empty values are None."""
    sub = _subscriber(db, sub_id)
    return s.Me(
        name=sub.name,
        address=sub.address or None,
        contract=sub.contract or None,
        sms_phone=sub.sms_phone or None,
        email=sub.email or None,
        accounts=[
            s.AccountRef(
                number=acc.number,
                kind=s.AccountKind(acc.kind),
                title=_account_title(acc, lang),
                has_telephony=_has_telephony(acc),
            )
            for acc in sub.accounts
        ],
    )


def update_contacts(
    db: Session, clock: Any, sub_id: int, fields: dict[str, str | None], lang: str = "ru"
) -> s.Me:
    """Change the SMS number and/or e-mail (R-SUB-2/3): only the keys present; None or "" clears."""
    sub = _subscriber(db, sub_id)
    unknown = set(fields) - {"sms_phone", "email"}
    if unknown:
        raise RuleError(
            ErrorCode.VALIDATION,
            errors=[
                s.FieldError(field=name, message=messages.message(ErrorCode.VALIDATION, lang))
                for name in unknown
            ],
        )
    changes: list[tuple[s.JournalAction, str, str | None]] = []
    if "sms_phone" in fields:
        phone = fields["sms_phone"] or None
        if phone is not None and not is_sms_phone(phone):
            raise _field_error(ErrorCode.CONTACTS_BAD_PHONE, "sms_phone", lang)
        changes.append((s.JournalAction.CONTACT_SMS, "sms_phone", phone))
    if "email" in fields:
        email = fields["email"] or None
        if email is not None:
            email = email_to_store(email)
            if email is None:
                raise _field_error(ErrorCode.CONTACTS_BAD_EMAIL, "email", lang)
        changes.append((s.JournalAction.CONTACT_EMAIL, "email", email))
    now = clock.now()
    for action, attr, value in changes:
        old = getattr(sub, attr) or None
        if old == value:
            continue
        setattr(sub, attr, value)
        record_journal(
            db,
            clock,
            sub.id,
            action,
            s.Actor.SUBSCRIBER,
            old=old,
            new=value,
            at=now,
        )
    db.flush()
    return get_me(db, clock, sub_id, lang)


def change_password(db: Session, clock: Any, sub_id: int, current: str, new: str, lang: str = "ru") -> None:
    """Check the current password and set the new one (R-PWD); the HTTP layer revokes other sessions."""
    sub = _subscriber(db, sub_id)
    if not verify_password(sub.password_hash, current):
        raise _field_error(ErrorCode.PASSWORD_WRONG_CURRENT, "current_password", lang)
    if not password_is_valid(new):
        raise _field_error(ErrorCode.PASSWORD_WEAK, "new_password", lang)
    if new == current:
        raise _field_error(ErrorCode.PASSWORD_SAME, "new_password", lang)
    now = clock.now()
    sub.password_hash = hash_password(new)
    sub.password_changed_at = now
    record_journal(
        db,
        clock,
        sub.id,
        s.JournalAction.PASSWORD,
        s.Actor.SUBSCRIBER,
        new=_encode_value("value.password_hidden"),
        at=now,
    )
    db.flush()


# --------------------------------------------------------------------------- account & credit


def get_account(db: Session, clock: Any, sub_id: int, number: str, lang: str = "ru") -> s.Account:
    """The information area of «Счёт» (R-ACC-2) with the credit state (R-CREDIT)."""
    now = clock.now()
    acc = _account(db, now, sub_id, number)
    return _account_out(db, acc, now, lang)


def take_credit(db: Session, clock: Any, sub_id: int, number: str, lang: str = "ru") -> s.CreditOut:
    """Take the 5-day credit: lifts the financial block at once (R-CREDIT-1)."""
    now = clock.now()
    acc = _account(db, now, sub_id, number, lock=True)
    credit = _active_credit(db, acc)
    if credit is not None:
        raise RuleError(ErrorCode.CREDIT_IN_FORCE, {"until": as_moscow(credit.ends_at)}, lang=lang)
    if acc.credit_banned_until is not None and now.date() < acc.credit_banned_until:
        raise RuleError(ErrorCode.CREDIT_BANNED, {"date": acc.credit_banned_until}, lang=lang)
    if not acc.financial_block:
        raise RuleError(ErrorCode.CREDIT_NOT_BLOCKED, lang=lang)
    ends = credit_ends_at(now)
    db.add(m.Credit(account_id=acc.id, taken_at=now, ends_at=ends, state="active"))
    db.flush()
    _journal_at(
        db,
        acc,
        now,
        s.JournalAction.CREDIT,
        s.Actor.SUBSCRIBER,
        old=_encode_value("block.financial"),
        new=_encode_value("value.credit_in_force", until=messages.format_date(ends)),
    )
    acc.financial_block = False  # the credit entry above records the lifting
    acc.financial_block_since = None
    db.flush()
    return s.CreditOut(ends_at=ends, account=_account_out(db, acc, now, lang))


# --------------------------------------------------------------------------- services


def list_services(db: Session, clock: Any, sub_id: int, number: str, lang: str = "ru") -> list[s.Service]:
    """The services table (R-SVC-1) with what each service window may do now (R-SVC-3)."""
    now = clock.now()
    acc = _account(db, now, sub_id, number)
    return [_service_out(svc, acc, now, lang) for svc in acc.services]


def _orderable(db: Session) -> list[m.CatalogItem]:
    return list(
        db.execute(
            select(m.CatalogItem)
            .where(m.CatalogItem.orderable.is_(True))
            .order_by(m.CatalogItem.sort, m.CatalogItem.id)
        ).scalars()
    )


def list_catalog(db: Session, clock: Any, sub_id: int, number: str, lang: str = "ru") -> list[s.CatalogItem]:
    """Catalogue services the account may subscribe to (R-SVC-2): not yet subscribed, with tariffs."""
    now = clock.now()
    acc = _account(db, now, sub_id, number)
    have = {svc.catalog_id for svc in acc.services}
    out = []
    for item in _orderable(db):
        if item.id in have:
            continue
        tariffs = [_tariff_out(t, lang) for t in item.tariffs if t.selectable]
        if not tariffs:
            continue
        out.append(
            s.CatalogItem(
                id=item.id,
                name=_lang_name(item.name, item.name_en, lang),
                kind=s.ServiceKind(item.kind),
                description=_lang_name(item.description or "", item.description_en, lang) or None,
                tariffs=tariffs,
            )
        )
    return out


def _catalog_tariff(
    db: Session, acc: m.Account, catalog_id: int, tariff_id: int, lang: str
) -> tuple[m.CatalogItem, m.Tariff]:
    item = db.get(m.CatalogItem, catalog_id)
    if item is None or not item.orderable:
        raise RuleError(ErrorCode.NOT_FOUND)
    tariff = db.get(m.Tariff, tariff_id)
    if tariff is None or tariff.catalog_id != item.id or not tariff.selectable:
        raise _field_error(ErrorCode.TARIFF_UNKNOWN, "tariff_id", lang)
    return item, tariff


def first_charge_quote(
    db: Session, clock: Any, sub_id: int, number: str, catalog_id: int, tariff_id: int, lang: str = "ru"
) -> s.FirstCharge:
    """What subscribing now would write off at once (R-SVC-2), and what the balance lacks."""
    now = clock.now()
    acc = _account(db, now, sub_id, number)
    _item, tariff = _catalog_tariff(db, acc, catalog_id, tariff_id, lang)
    amount = pro_rata_kopecks(tariff.fee_kopecks, now.date())
    return s.FirstCharge(
        amount=_money(amount),
        balance=_money(acc.balance_kopecks),
        missing=_money(max(0, amount - acc.balance_kopecks)),
    )


def add_service(
    db: Session, clock: Any, sub_id: int, number: str, catalog_id: int, tariff_id: int, lang: str = "ru"
) -> s.ServiceCreated:
    """Subscribe to a catalogue service; the pro-rata first charge is written off (R-SVC-2)."""
    now = clock.now()
    acc = _account(db, now, sub_id, number, lock=True)
    item, tariff = _catalog_tariff(db, acc, catalog_id, tariff_id, lang)
    if any(svc.catalog_id == item.id for svc in acc.services):
        raise RuleError(ErrorCode.SERVICE_ALREADY, lang=lang)
    amount = pro_rata_kopecks(tariff.fee_kopecks, now.date())
    if acc.balance_kopecks < amount:
        raise RuleError(
            ErrorCode.SERVICE_SHORT_BALANCE,
            {
                "amount": _money(amount),
                "balance": _money(acc.balance_kopecks),
                "missing": _money(amount - acc.balance_kopecks),
            },
            lang=lang,
        )
    svc = m.Service(account_id=acc.id, catalog_id=item.id, tariff_id=tariff.id, quantity=1, created_at=now)
    db.add(svc)
    db.flush()
    db.refresh(acc, ["services"])
    today = now.date()
    if amount > 0:
        _post(
            db,
            acc,
            now,
            -amount,
            s.BalanceKind.FIRST_CHARGE,
            "balance.first_charge",
            service=item.name,
            days=days_in_month(today) - today.day + 1,
            month=(today.year, today.month),
        )
    _journal_at(
        db,
        acc,
        now,
        s.JournalAction.SERVICE_NEW,
        s.Actor.SUBSCRIBER,
        service=item.name,
        old=None,
        new=_encode_value("value.service_new", tariff=tariff.name, amount=str(_money(amount))),
    )
    db.flush()
    return s.ServiceCreated(service=_service_out(svc, acc, now, lang), first_charge=_money(amount))


def tariff_options(
    db: Session, clock: Any, sub_id: int, number: str, service_id: int, lang: str = "ru"
) -> s.TariffOptions:
    """The tariff table of «Сменить тариф» and whether a change is possible now (R-TARIFF)."""
    now = clock.now()
    acc = _account(db, now, sub_id, number)
    svc = _service(db, acc, service_id)
    out = _service_out(svc, acc, now, lang)
    return s.TariffOptions(
        current=_tariff_out(svc.tariff, lang),
        tariffs=[_tariff_out(t, lang) for t in _switch_targets(svc)],
        change=out.actions.change_tariff,
        effective=messages.message("tariff.effective_now", lang),
    )


def change_tariff(
    db: Session, clock: Any, sub_id: int, number: str, service_id: int, tariff_id: int, lang: str = "ru"
) -> s.Service:
    """Switch the tariff: once per calendar month, never a promo tariff (R-TARIFF-1/2)."""
    now = clock.now()
    acc = _account(db, now, sub_id, number, lock=True)
    svc = _service(db, acc, service_id)
    if svc.tariff.promo:
        raise RuleError(ErrorCode.TARIFF_PROMO, lang=lang)
    target = db.get(m.Tariff, tariff_id)
    if target is None or target.catalog_id != svc.catalog_id:
        raise _field_error(ErrorCode.TARIFF_UNKNOWN, "tariff_id", lang)
    why = _tariff_check(svc, acc, now)
    if why.code is not None:
        raise RuleError(why.code, why.params, lang=lang)
    if target.id == svc.tariff_id:
        raise RuleError(ErrorCode.TARIFF_SAME, lang=lang)
    if not target.selectable or target.promo:
        raise _field_error(ErrorCode.TARIFF_UNKNOWN, "tariff_id", lang)
    old_name = svc.tariff.name
    svc.tariff_id = target.id
    svc.tariff = target
    svc.last_tariff_change_at = now
    _journal_at(
        db,
        acc,
        now,
        s.JournalAction.TARIFF,
        s.Actor.SUBSCRIBER,
        service=svc.catalog_item.name,
        old=old_name,
        new=target.name,
    )
    db.flush()
    return _service_out(svc, acc, now, lang)


def block_service(
    db: Session, clock: Any, sub_id: int, number: str, service_id: int, lang: str = "ru"
) -> s.Service:
    """Voluntary block: the service and its charges stop; once per calendar month (R-BLOCK-1)."""
    now = clock.now()
    acc = _account(db, now, sub_id, number, lock=True)
    svc = _service(db, acc, service_id)
    why = _block_check(svc, acc, now)
    if why.code is not None:
        params = dict(why.params)
        block_key = params.pop("block_key", None)
        if block_key:
            params["block"] = messages.message(block_key, lang)
        raise RuleError(why.code, params, lang=lang)
    svc.voluntary_block = True
    svc.voluntary_block_since = now
    svc.last_voluntary_block_at = now
    _journal_at(
        db,
        acc,
        now,
        s.JournalAction.BLOCK,
        s.Actor.SUBSCRIBER,
        service=svc.catalog_item.name,
        old=_encode_value("value.active"),
        new=_encode_value("block.voluntary"),
    )
    db.flush()
    return _service_out(svc, acc, now, lang)


def unblock_service(
    db: Session, clock: Any, sub_id: int, number: str, service_id: int, lang: str = "ru"
) -> s.Service:
    """End a voluntary block at any time (R-BLOCK-1)."""
    now = clock.now()
    acc = _account(db, now, sub_id, number, lock=True)
    svc = _service(db, acc, service_id)
    if not svc.voluntary_block:
        raise RuleError(ErrorCode.BLOCK_NONE, lang=lang)
    since = as_moscow(svc.voluntary_block_since)
    svc.voluntary_block = False
    svc.voluntary_block_since = None
    today = now.date()
    skipped = since is not None and since < midnight(month_start(today))
    if skipped and _discount_covering(svc, today) is None:
        # this month's fee was not charged on the 1st: the rest of the month, like a new service
        amount = pro_rata_kopecks(svc.tariff.fee_kopecks * svc.quantity, today)
        if amount > 0:
            _post(
                db,
                acc,
                now,
                -amount,
                s.BalanceKind.CHARGE,
                "balance.unblock_charge",
                service=f"{svc.catalog_item.name} «{svc.tariff.name}»",
                days=days_in_month(today) - today.day + 1,
                month=(today.year, today.month),
            )
    _journal_at(
        db,
        acc,
        now,
        s.JournalAction.UNBLOCK,
        s.Actor.SUBSCRIBER,
        service=svc.catalog_item.name,
        old=_encode_value("block.voluntary"),
        new=_encode_value("value.active"),
    )
    db.flush()
    return _service_out(svc, acc, now, lang)


# --------------------------------------------------------------------------- discounts


@dataclass
class _OfferTable:
    mode: s.DiscountMode
    starts_on: dt.date
    current: m.Discount | None
    rows: list[tuple[m.DiscountOffer, int, int]]  # offer, fee_with_discount, advance (kopecks)
    read_only_reason: str | None  # message key


def _offer_table(db: Session, svc: m.Service, acc: m.Account, now: dt.datetime) -> _OfferTable:
    today = now.date()
    mode, why = _discount_mode(svc, acc, today)
    if mode is None:
        assert why.code is not None
        params = {k: v for k, v in why.params.items()}
        raise RuleError(why.code, params)
    current = _current_discount(svc, today)
    if mode is s.DiscountMode.EXTEND and current is not None:
        starts = current.ends_on + dt.timedelta(days=1)
    else:
        starts = next_month_start(today)
    rows = []
    for offer in svc.tariff.offers:
        fee = discounted_fee_kopecks(svc.tariff.fee_kopecks, offer.percent)
        rows.append((offer, fee, fee * offer.months * svc.quantity))
    reason = None
    if acc.balance_kopecks <= 0:
        reason = "reason.discount_balance_nonpositive"
    elif _active_credit(db, acc) is not None:
        reason = "reason.discount_credit"
    return _OfferTable(mode, starts, current, rows, reason)


def discount_offers(
    db: Session, clock: Any, sub_id: int, number: str, service_id: int, lang: str = "ru"
) -> s.DiscountOffers:
    """The discounts table (R-DISC-1/2/4): rows, whether they may be chosen, take or extend."""
    now = clock.now()
    acc = _account(db, now, sub_id, number)
    svc = _service(db, acc, service_id)
    try:
        table = _offer_table(db, svc, acc, now)
    except RuleError as exc:
        exc.lang = lang
        raise
    return s.DiscountOffers(
        mode=table.mode,
        offers=[
            s.DiscountOffer(
                id=offer.id,
                percent=offer.percent,
                months=offer.months,
                fee_with_discount=_money(fee),
                advance=_money(advance),
                missing=_money(max(0, advance - acc.balance_kopecks)),
            )
            for offer, fee, advance in table.rows
        ],
        selectable=table.read_only_reason is None,
        reason=messages.message(table.read_only_reason, lang) if table.read_only_reason else None,
        balance=_money(acc.balance_kopecks),
        current=_discount_state(table.current) if table.current else None,
        starts_on=table.starts_on,
    )


def take_discount(
    db: Session, clock: Any, sub_id: int, number: str, service_id: int, offer_id: int, lang: str = "ru"
) -> s.DiscountTaken:
    """Take or extend a discount: the advance is written off as prepayment (R-DISC-2/3/4)."""
    now = clock.now()
    acc = _account(db, now, sub_id, number, lock=True)
    svc = _service(db, acc, service_id)
    table = _offer_table(db, svc, acc, now)
    if table.read_only_reason is not None:
        raise RuleError(
            ErrorCode.DISCOUNT_READ_ONLY, {"reason": messages.message(table.read_only_reason, lang)}
        )
    chosen = next(((o, f, a) for o, f, a in table.rows if o.id == offer_id), None)
    if chosen is None:
        raise _field_error(ErrorCode.DISCOUNT_UNKNOWN_OFFER, "offer_id", lang)
    offer, fee, advance = chosen
    if acc.balance_kopecks < advance:
        raise RuleError(
            ErrorCode.DISCOUNT_SHORT_BALANCE,
            {
                "advance": _money(advance),
                "balance": _money(acc.balance_kopecks),
                "missing": _money(advance - acc.balance_kopecks),
            },
        )
    ends = add_months(table.starts_on, offer.months) - dt.timedelta(days=1)
    discount = m.Discount(
        service_id=svc.id,
        offer_id=offer.id,
        percent=offer.percent,
        months=offer.months,
        starts_on=table.starts_on,
        ends_on=ends,
        fee_with_discount_kopecks=fee,
        advance_kopecks=advance,
        created_at=now,
    )
    db.add(discount)
    db.flush()
    db.refresh(svc, ["discounts"])
    _post(
        db,
        acc,
        now,
        -advance,
        s.BalanceKind.DISCOUNT_ADVANCE,
        "balance.discount_advance",
        percent=offer.percent,
        months=offer.months,
        service=f"{svc.catalog_item.name} «{svc.tariff.name}»",
    )
    extend = table.mode is s.DiscountMode.EXTEND
    old = table.current
    _journal_at(
        db,
        acc,
        now,
        s.JournalAction.DISCOUNT_EXTEND if extend else s.JournalAction.DISCOUNT,
        s.Actor.SUBSCRIBER,
        service=svc.catalog_item.name,
        old=_encode_value(
            "value.discount",
            percent=old.percent,
            start=messages.format_date(old.starts_on),
            end=messages.format_date(old.ends_on),
        )
        if old
        else _encode_value("value.none"),
        new=_encode_value(
            "value.discount",
            percent=offer.percent,
            start=messages.format_date(discount.starts_on),
            end=messages.format_date(discount.ends_on),
        ),
    )
    db.flush()
    return s.DiscountTaken(
        discount=_discount_state(discount), advance=_money(advance), service=_service_out(svc, acc, now, lang)
    )


# --------------------------------------------------------------------------- paging


def _encode_cursor(*parts: Any) -> str:
    raw = "|".join(str(p) for p in parts).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_cursor(cursor: str, count: int, lang: str) -> list[str]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        parts = base64.urlsafe_b64decode(padded.encode()).decode().split("|")
    except (ValueError, UnicodeDecodeError) as exc:
        raise _field_error(ErrorCode.VALIDATION, "cursor", lang) from exc
    if len(parts) != count:
        raise _field_error(ErrorCode.VALIDATION, "cursor", lang)
    return parts


def _time_cursor(cursor: str, lang: str) -> tuple[dt.datetime, int]:
    at_raw, id_raw = _decode_cursor(cursor, 2, lang)
    try:
        at = dt.datetime.fromisoformat(at_raw)
        if at.tzinfo is None:
            raise ValueError("naive")
        return at, int(id_raw)
    except ValueError as exc:
        raise _field_error(ErrorCode.VALIDATION, "cursor", lang) from exc


def _clamp_limit(limit: int | None, default: int, maximum: int) -> int:
    if limit is None:
        return default
    return max(1, min(int(limit), maximum))


def balance_history(
    db: Session, clock: Any, sub_id: int, number: str, limit: int | None, cursor: str | None, lang: str = "ru"
) -> s.Page[s.BalanceEntry]:
    """Top-ups and write-offs, newest first (R-BAL-1), keyset-paged on (at, id)."""
    now = clock.now()
    acc = _account(db, now, sub_id, number)
    size = _clamp_limit(limit, 100, 1000)
    e = m.BalanceEntry
    query = select(e).where(e.account_id == acc.id)
    if cursor:
        at, last_id = _time_cursor(cursor, lang)
        query = query.where(or_(e.at < at, and_(e.at == at, e.id < last_id)))
    rows = list(db.execute(query.order_by(e.at.desc(), e.id.desc()).limit(size + 1)).scalars())
    more = len(rows) > size
    rows = rows[:size]
    items = [
        s.BalanceEntry(
            id=r.id,
            at=as_moscow(r.at),
            amount=_money(r.amount_kopecks),
            kind=s.BalanceKind(r.kind),
            description=_lang_name(r.description, r.description_en, lang),
            balance_after=_money(r.balance_after_kopecks),
        )
        for r in rows
    ]
    next_cursor = _encode_cursor(as_moscow(rows[-1].at).isoformat(), rows[-1].id) if more and rows else None  # type: ignore[union-attr]
    return s.Page[s.BalanceEntry](items=items, next_cursor=next_cursor)


def journal_page(
    db: Session, clock: Any, sub_id: int, limit: int | None, cursor: str | None, lang: str = "ru"
) -> s.Page[s.JournalEntry]:
    """The subscriber's journal (R-LOG-1), newest first, keyset-paged on (at, id)."""
    _subscriber(db, sub_id)
    size = _clamp_limit(limit, 100, 1000)
    j = m.JournalEntry
    query = select(j).where(j.subscriber_id == sub_id)
    if cursor:
        at, last_id = _time_cursor(cursor, lang)
        query = query.where(or_(j.at < at, and_(j.at == at, j.id < last_id)))
    rows = list(db.execute(query.order_by(j.at.desc(), j.id.desc()).limit(size + 1)).scalars())
    more = len(rows) > size
    rows = rows[:size]
    names: dict[str, str] = {}
    if lang == "en":
        names = {ru: en for ru, en in db.execute(select(m.CatalogItem.name, m.CatalogItem.name_en)) if en}
    items = [
        s.JournalEntry(
            id=r.id,
            at=as_moscow(r.at),
            actor=s.Actor(r.actor),
            action=s.JournalAction(r.action),
            title=messages.message("journal." + r.action, lang),
            account=r.account_number,
            service=names.get(r.service, r.service) if r.service else None,
            old_value=_decode_value(r.old_value, lang),
            new_value=_decode_value(r.new_value, lang),
        )
        for r in rows
    ]
    next_cursor = _encode_cursor(as_moscow(rows[-1].at).isoformat(), rows[-1].id) if more and rows else None  # type: ignore[union-attr]
    return s.Page[s.JournalEntry](items=items, next_cursor=next_cursor)


# --------------------------------------------------------------------------- calls

_DIRECTIONS = {d.value: d for d in s.CallDirection}

#: Recently built calls pages (immutable models). Calls are only ever added in bulk (by the seed
#: or a billing import, which also updates CallMonth): the month's count is part of the key, so
#: added calls make a new key. Bounded: a few 25,000-row pages.
_CALLS_CACHE: OrderedDict[tuple[Any, ...], s.CallsPage] = OrderedDict()
_CALLS_CACHE_LOCK = threading.Lock()
_CALLS_CACHE_SIZE = 8


def _month_bounds(year: int, month: int) -> tuple[int, int]:
    start = dt.datetime(year, month, 1, tzinfo=MOSCOW)
    end = midnight(next_month_start(start.date()))
    return int(start.timestamp()), int(end.timestamp())


def calls_page(
    db: Session,
    clock: Any,
    sub_id: int,
    number: str,
    year: int,
    month: int,
    limit: int | None,
    cursor: str | None,
) -> s.CallsPage:
    """One columnar page of a month's calls in time order (R-CALL-1), keyset cursor on (started_at, id)."""
    now = clock.now()
    acc = _account(db, now, sub_id, number)
    if not 1 <= int(month) <= 12 or not 1970 <= int(year) <= 9999:
        raise _field_error(ErrorCode.VALIDATION, "month", "ru")
    size = _clamp_limit(limit, 25_000, 100_000)
    months_rows = db.execute(
        select(m.CallMonth.year, m.CallMonth.month, m.CallMonth.calls)
        .where(m.CallMonth.account_id == acc.id, m.CallMonth.calls > 0)
        .order_by(m.CallMonth.year.desc(), m.CallMonth.month.desc())
    ).all()
    months = [(int(y), int(mo)) for y, mo, _n in months_rows]
    total = next((int(n) for y, mo, n in months_rows if (y, mo) == (year, month)), 0)
    key = (str(db.get_bind().engine.url), acc.id, year, month, size, cursor or "", total, tuple(months))
    with _CALLS_CACHE_LOCK:
        cached = _CALLS_CACHE.get(key)
        if cached is not None:
            _CALLS_CACHE.move_to_end(key)
            return cached
    lo, hi = _month_bounds(year, month)
    c = m.Call
    query = select(
        c.started_at, c.caller, c.callee, c.direction, c.duration_s, c.cost_kopecks, c.zone, c.id
    ).where(c.account_id == acc.id, c.started_at >= lo, c.started_at < hi)
    offset = 0
    if cursor:
        ts_raw, id_raw, off_raw = _decode_cursor(cursor, 3, "ru")
        try:
            ts, last_id, offset = int(ts_raw), int(id_raw), int(off_raw)
        except ValueError as exc:
            raise _field_error(ErrorCode.VALIDATION, "cursor", "ru") from exc
        query = query.where(or_(c.started_at > ts, and_(c.started_at == ts, c.id > last_id)))
    # Core, not ORM: plain columns need no result processing, so read the driver's tuples as they are
    result = db.connection().execute(query.order_by(c.started_at, c.id).limit(size + 1))
    rows = result.cursor.fetchall() if result.cursor is not None else result.all()
    result.close()
    more = len(rows) > size
    if more:
        rows = rows[:size]
    if rows:
        started, caller, callee, direction, duration, cost, zone, ids = (
            list(col) for col in zip(*rows, strict=True)
        )
    else:
        started, caller, callee, direction, duration, cost, zone, ids = ([] for _ in range(8))
    fromts = dt.datetime.fromtimestamp
    money: dict[int, Decimal] = {}
    next_cursor = _encode_cursor(started[-1], ids[-1], offset + len(rows)) if more else None
    page = s.CallsPage.model_construct(
        account=acc.number,
        year=year,
        month=month,
        total=max(total, offset + len(rows)),
        offset=offset,
        next_cursor=next_cursor,
        months=months,
        started_at=[fromts(t, MOSCOW) for t in started],
        caller=caller,
        callee=callee,
        direction=[_DIRECTIONS[d] for d in direction],
        duration_s=duration,
        cost=[money[k] if k in money else money.setdefault(k, from_kopecks(k)) for k in cost],
        zone=zone,
    )
    with _CALLS_CACHE_LOCK:
        _CALLS_CACHE[key] = page
        while len(_CALLS_CACHE) > _CALLS_CACHE_SIZE:
            _CALLS_CACHE.popitem(last=False)
    return page


# --------------------------------------------------------------------------- payments


def _order_number(db: Session, now: dt.datetime) -> str:
    for _ in range(20):
        candidate = f"{now:%y%m%d}{secrets.randbelow(10**6):06d}"
        exists = db.execute(select(m.PaymentOrder.id).where(m.PaymentOrder.order_number == candidate)).first()
        if exists is None:
            return candidate
    raise RuleError(ErrorCode.INTERNAL)


def _payment_url(base_url: str, order_number: str, amount: Decimal, email: str | None, lang: str) -> str:
    """The signed address of the sandbox's pay page for the order (``Language`` from ``lang``)."""
    from .paysandbox import checkvalue

    return checkvalue.payment_url(base_url, order_number, amount, email, "en" if lang == "en" else "ru")


def order_out(row: m.PaymentOrder) -> s.PaymentOrder:
    """The schema view of an order row."""
    receipt = s.Receipt.model_validate_json(row.receipt_json) if row.receipt_json else None
    return s.PaymentOrder(
        order_number=row.order_number,
        account=row.account.number,
        amount=_money(row.amount_kopecks),
        state=s.OrderState(row.state),
        payment_url=row.payment_url,
        created_at=as_moscow(row.created_at),
        paid_at=as_moscow(row.paid_at),
        billnumber=row.billnumber,
        reason=row.reason,
        receipt=receipt,
    )


def create_payment(
    db: Session, clock: Any, sub_id: int, number: str, amount: Decimal, pay_base_url: str, lang: str = "ru"
) -> s.PaymentOrder:
    """Create an order for a top-up of 1 … 100 000 ₽ and its payment page address (R-PAY-1)."""
    now = clock.now()
    acc = _account(db, now, sub_id, number)
    try:
        value = Decimal(amount)
    except (ArithmeticError, ValueError, TypeError) as exc:
        raise _field_error(ErrorCode.PAYMENT_AMOUNT, "amount", lang) from exc
    if not amount_allowed(value):
        raise _field_error(ErrorCode.PAYMENT_AMOUNT, "amount", lang)
    sub = _subscriber(db, sub_id)
    order_number = _order_number(db, now)
    value = value.quantize(Decimal("0.01"))
    row = m.PaymentOrder(
        order_number=order_number,
        account_id=acc.id,
        amount_kopecks=to_kopecks(value),
        state=s.OrderState.PENDING.value,
        email=sub.email,
        payment_url=_payment_url(pay_base_url, order_number, value, sub.email, lang),
        created_at=now,
    )
    db.add(row)
    db.flush()
    return order_out(row)


def get_payment(
    db: Session, clock: Any, sub_id: int, number: str, order_number: str, lang: str = "ru"
) -> s.PaymentOrder:
    """The state of one order of the account (404 for another account's order)."""
    now = clock.now()
    acc = _account(db, now, sub_id, number)
    row = db.execute(
        select(m.PaymentOrder).where(
            m.PaymentOrder.order_number == str(order_number), m.PaymentOrder.account_id == acc.id
        )
    ).scalar_one_or_none()
    if row is None:
        raise RuleError(ErrorCode.NOT_FOUND)
    return order_out(row)


def order_for_gateway(db: Session, order_number: str) -> m.PaymentOrder | None:
    """The order row by number, for the payment sandbox (no subscriber session there)."""
    return db.execute(
        select(m.PaymentOrder).where(m.PaymentOrder.order_number == str(order_number))
    ).scalar_one_or_none()


def _inn_ok(inn: str) -> bool:
    weights = (2, 4, 10, 3, 5, 9, 4, 6, 8)
    return (
        len(inn) == 10
        and int(inn[9]) == sum(w * int(d) for w, d in zip(weights, inn, strict=False)) % 11 % 10
    )


def _receipt(row: m.PaymentOrder, at: dt.datetime) -> s.Receipt:
    amount = _money(row.amount_kopecks)
    vat = (amount * VAT_PERCENT / (100 + VAT_PERCENT)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    digest = hashlib.sha256(f"{row.order_number}|{row.billnumber}|{at.isoformat()}".encode()).hexdigest()
    return s.Receipt(
        sum=amount,
        vat=f"НДС {VAT_PERCENT}%",
        vat_amount=vat,
        fiscal_sign=str(int(digest[:12], 16) % 10**10).zfill(10),
        fiscal_document=str(row.id * 7 + 10_000),
        fiscal_drive=FISCAL_DRIVE,
        at=at,
        operator_inn=OPERATOR_INN,
    )


def confirm_payment(
    db: Session,
    clock: Any,
    order_number: str,
    *,
    approved: bool,
    billnumber: str,
    reason: str | None = None,
    timeout: bool = False,
) -> s.PaymentOrder:
    """Record the gateway's answer for an order; idempotent: only a pending order changes.

    Approved: the balance grows by exactly the amount (BalanceEntry ``payment`` + journal entry),
    the credit is repaid and the financial block lifted when the balance reaches ≥ 0, a 54-FZ
    receipt is made. Declined (or ``timeout``): the order keeps the provider's reason.
    """
    now = clock.now()
    row = db.execute(
        select(m.PaymentOrder)
        .where(m.PaymentOrder.order_number == str(order_number))
        .with_for_update(of=m.PaymentOrder)
    ).scalar_one_or_none()
    if row is None:
        raise RuleError(ErrorCode.NOT_FOUND)
    if row.state != s.OrderState.PENDING.value:
        return order_out(row)
    acc = db.execute(select(m.Account).where(m.Account.id == row.account_id).with_for_update()).scalar_one()
    _catch_up_account(db, acc, now)
    row.billnumber = billnumber
    if not approved:
        row.state = (s.OrderState.TIMEOUT if timeout else s.OrderState.DECLINED).value
        row.reason = reason or messages.message(ErrorCode.PAYMENT_DECLINED, "ru")
        db.flush()
        return order_out(row)
    row.state = s.OrderState.PAID.value
    row.paid_at = now
    row.reason = None
    amount = _money(row.amount_kopecks)
    _post(
        db,
        acc,
        now,
        row.amount_kopecks,
        s.BalanceKind.PAYMENT,
        "balance.payment_online",
        order=row.order_number,
    )
    _journal_at(
        db,
        acc,
        now,
        s.JournalAction.PAYMENT,
        s.Actor.SUBSCRIBER,
        new=_encode_value("value.payment", amount=str(amount), order=row.order_number),
    )
    db.flush()
    row.receipt_json = _receipt(row, now).model_dump_json()
    db.flush()
    return order_out(row)


# --------------------------------------------------------------------------- operator helpers (seed, tests)


def operator_correction(db: Session, clock: Any, account_number: str, amount: Decimal) -> None:
    """An operator's manual balance correction (used by tests and the seed)."""
    now = clock.now()
    acc = db.execute(
        select(m.Account).where(m.Account.number == account_number).with_for_update()
    ).scalar_one()
    _catch_up_account(db, acc, now)
    _post(db, acc, now, to_kopecks(amount), s.BalanceKind.CORRECTION, "balance.correction")
    db.flush()


def record_calls(db: Session, account_number: str, calls: list[dict[str, Any]]) -> int:
    """Import calls of an account (operator side): bulk insert + the per-month counts; how many.

    Each call: ``started_at`` (aware datetime or Unix seconds), ``caller``, ``callee``,
    ``direction`` ("in"/"out"), ``duration_s``, ``cost`` (Decimal) or ``cost_kopecks``, ``zone``.
    """
    acc = db.execute(select(m.Account).where(m.Account.number == account_number)).scalar_one_or_none()
    if acc is None:
        raise RuleError(ErrorCode.NOT_FOUND)
    rows = []
    counts: dict[tuple[int, int], int] = {}
    for call in calls:
        started = call["started_at"]
        ts = int(started.timestamp()) if isinstance(started, dt.datetime) else int(started)
        when = dt.datetime.fromtimestamp(ts, MOSCOW)
        counts[(when.year, when.month)] = counts.get((when.year, when.month), 0) + 1
        cost = call.get("cost_kopecks")
        rows.append(
            {
                "account_id": acc.id,
                "started_at": ts,
                "caller": str(call["caller"]),
                "callee": str(call["callee"]),
                "direction": s.CallDirection(call["direction"]).value,
                "duration_s": int(call["duration_s"]),
                "cost_kopecks": int(cost) if cost is not None else to_kopecks(call.get("cost", Decimal(0))),
                "zone": str(call.get("zone", "")),
            }
        )
    if rows:
        db.execute(insert(m.Call), rows)
    for (year, month), n in counts.items():
        row = db.get(m.CallMonth, (acc.id, year, month))
        if row is None:
            db.add(m.CallMonth(account_id=acc.id, year=year, month=month, calls=n))
        else:
            row.calls += n
    db.flush()
    return len(rows)


def set_admin_block(db: Session, clock: Any, service_id: int, on: bool) -> None:
    """The operator puts (or lifts) an administrative block on a service."""
    svc = db.get(m.Service, service_id)
    if svc is None:
        raise RuleError(ErrorCode.NOT_FOUND)
    if svc.admin_block == on:
        return
    svc.admin_block = on
    acc = svc.account
    _journal_at(
        db,
        acc,
        clock.now(),
        s.JournalAction.BLOCK if on else s.JournalAction.UNBLOCK,
        s.Actor.OPERATOR,
        service=svc.catalog_item.name,
        old=_encode_value("value.active") if on else _encode_value("block.administrative"),
        new=_encode_value("block.administrative") if on else _encode_value("value.active"),
    )
    db.flush()
