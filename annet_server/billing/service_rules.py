"""What a service costs this month and what its window may do now (R-SVC-3, R-TARIFF, R-BLOCK, R-DISC)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from annet_contract import schema as s
from annet_contract.errors import ErrorCode

from .. import messages
from .. import models as m
from ..db import as_moscow
from .kopecks import _money, _percent_of
from .localized import _lang_name
from .months import _same_month, add_months, days_in_month, next_month_start


def pro_rata_kopecks(fee_kopecks: int, today: dt.date) -> int:
    """The first charge of a service subscribed on ``today`` (R-SVC-2)."""
    total = days_in_month(today)
    remaining = total - today.day + 1
    return _percent_of(fee_kopecks, remaining, total)


def extension_opens_on(ends_on: dt.date) -> dt.date:
    """The first day «Продлить скидку» is offered for a discount whose last day is ``ends_on``."""
    return add_months(ends_on + dt.timedelta(days=1), -1)


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


def _ended_by_change(svc: m.Service, d: m.Discount) -> bool:
    """The tariff change of ``d``'s last day ended it (R-BILL-3): it no longer shows as in force."""
    changed = as_moscow(svc.last_tariff_change_at)
    return changed is not None and d.ends_on == changed.date()


def _current_discount(svc: m.Service, today: dt.date) -> m.Discount | None:
    """The paid discount in force or paid ahead (the latest that has not ended)."""
    live = [d for d in svc.discounts if d.ends_on >= today and not _ended_by_change(svc, d)]
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
    if covering is not None and _ended_by_change(svc, covering):
        covering = None  # the change ended the discount today: the new tariff's fee is the fee now
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
    if svc.admin_block:  # a financial or voluntary block does not stop a change (R-TARIFF-3)
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
        return _Why(
            ErrorCode.BLOCK_NOT_ALLOWED, "reason.block_admin", {"block": messages.Key("block.administrative")}
        )
    if svc.voluntary_block:
        return _Why(ErrorCode.BLOCK_ALREADY, "reason.block_already", {})
    if acc.financial_block:
        return _Why(
            ErrorCode.BLOCK_NOT_ALLOWED, "reason.block_financial", {"block": messages.Key("block.financial")}
        )
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
