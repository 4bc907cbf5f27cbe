"""Loyalty discounts (R-DISC): the offers table, taking or extending one with its advance."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from annet_contract import schema as s
from annet_contract.errors import ErrorCode

from .. import messages
from .. import models as m
from .journal import _encode_value, _journal_at
from .kopecks import _money, _percent_of
from .ledger import _post
from .lookups import _account_service, _active_credit
from .months import add_months, next_month_start
from .recalc import service_label
from .refusals import RuleError, _field_error
from .service_rules import _current_discount, _discount_mode, _discount_state, _service_out


def discounted_fee_kopecks(fee_kopecks: int, percent: int) -> int:
    """The monthly fee with a loyalty discount of ``percent`` (R-DISC-1)."""
    return _percent_of(fee_kopecks, 100 - percent, 100)


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
        raise RuleError(why.code, why.params)
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
    acc, svc = _account_service(db, sub_id, number, service_id)
    table = _offer_table(db, svc, acc, now)
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
    acc, svc = _account_service(db, sub_id, number, service_id, lock=True)
    table = _offer_table(db, svc, acc, now)
    if table.read_only_reason is not None:
        raise RuleError(ErrorCode.DISCOUNT_READ_ONLY, {"reason": messages.Key(table.read_only_reason)})
    chosen = next(((o, f, a) for o, f, a in table.rows if o.id == offer_id), None)
    if chosen is None:
        raise _field_error(ErrorCode.DISCOUNT_UNKNOWN_OFFER, "offer_id")
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
        service=service_label(svc),
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
