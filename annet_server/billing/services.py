"""Services and tariffs (R-SVC, R-TARIFF): the table, the catalogue, subscribing, changing the tariff."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import Session, selectinload

from annet_contract import schema as s
from annet_contract.errors import ErrorCode

from .. import messages
from .. import models as m
from .days import ONE_DAY, block_start_day, month_end, rest_of_month_kopecks, unused_advance_kopecks
from .journal import _encode_value, _journal_at
from .kopecks import _money
from .ledger import _post
from .localized import _lang_name
from .lookups import SERVICES_WITH_TARIFFS, _account, _account_service
from .months import days_in_month
from .recalc import Plan, Row, short_date
from .refusals import RuleError, _field_error
from .service_rules import _service_out, _switch_targets, _tariff_check, _tariff_out, pro_rata_kopecks


def list_services(db: Session, clock: Any, sub_id: int, number: str, lang: str = "ru") -> list[s.Service]:
    """The services table (R-SVC-1) with what each service window may do now (R-SVC-3)."""
    now = clock.now()
    acc = _account(db, sub_id, number, load=SERVICES_WITH_TARIFFS)
    return [_service_out(svc, acc, now, lang) for svc in acc.services]


def _orderable(db: Session) -> list[m.CatalogItem]:
    return list(db.execute(_orderable_query()).scalars())


@lru_cache(maxsize=1)
def _orderable_query() -> Select[Any]:
    """The orderable catalogue items with their tariffs: built once."""
    return (
        select(m.CatalogItem)
        .where(m.CatalogItem.orderable.is_(True))
        .order_by(m.CatalogItem.sort, m.CatalogItem.id)
        .options(selectinload(m.CatalogItem.tariffs))
    )


@lru_cache(maxsize=1)
def _catalog_ids_query() -> Select[Any]:
    """The catalogue items an account has a service of: built once (bound: ``account_id``)."""
    return select(m.Service.catalog_id).where(m.Service.account_id == bindparam("account_id"))


def list_catalog(db: Session, clock: Any, sub_id: int, number: str, lang: str = "ru") -> list[s.CatalogItem]:
    """Catalogue services the account may subscribe to (R-SVC-2): not yet subscribed, with tariffs."""
    acc = _account(db, sub_id, number)
    have = set(db.execute(_catalog_ids_query(), {"account_id": acc.id}).scalars())
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
        raise _field_error(ErrorCode.TARIFF_UNKNOWN, "tariff_id")
    return item, tariff


def first_charge_quote(
    db: Session, clock: Any, sub_id: int, number: str, catalog_id: int, tariff_id: int, lang: str = "ru"
) -> s.FirstCharge:
    """What subscribing now would write off at once (R-SVC-2), and what the balance lacks."""
    now = clock.now()
    acc = _account(db, sub_id, number)
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
    acc = _account(db, sub_id, number, lock=True)
    item, tariff = _catalog_tariff(db, acc, catalog_id, tariff_id, lang)
    if any(svc.catalog_id == item.id for svc in acc.services):
        raise RuleError(ErrorCode.SERVICE_ALREADY)
    amount = pro_rata_kopecks(tariff.fee_kopecks, now.date())
    if acc.balance_kopecks < amount:
        raise RuleError(
            ErrorCode.SERVICE_SHORT_BALANCE,
            {
                "amount": _money(amount),
                "balance": _money(acc.balance_kopecks),
                "missing": _money(amount - acc.balance_kopecks),
            },
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
    acc, svc = _account_service(db, sub_id, number, service_id)
    out = _service_out(svc, acc, now, lang)
    return s.TariffOptions(
        current=_tariff_out(svc.tariff, lang),
        tariffs=[_tariff_out(t, lang) for t in _switch_targets(svc)],
        change=out.actions.change_tariff,
        effective=messages.message("tariff.effective_now", lang),
    )


def _plan_tariff(db: Session, acc: m.Account, svc: m.Service, tariff_id: int, now: dt.datetime) -> Plan:
    """Change the tariff today; the new fee counts from tomorrow and the rest of the month follows it.

    Rows: the old tariff's days from tomorrow come back, a paid discount ends and the advance for
    its covered days not yet used comes back (R-BILL-3), the new tariff's days are written off.
    Under a voluntary block the paused days of a discount are not used either.
    """
    if svc.tariff.promo:
        raise RuleError(ErrorCode.TARIFF_PROMO)
    target = db.get(m.Tariff, tariff_id)
    if target is None or target.catalog_id != svc.catalog_id:
        raise _field_error(ErrorCode.TARIFF_UNKNOWN, "tariff_id")
    why = _tariff_check(svc, acc, now)
    if why.code is not None:
        raise RuleError(why.code, why.params)
    if target.id == svc.tariff_id:
        raise RuleError(ErrorCode.TARIFF_SAME)
    if not target.selectable or target.promo:
        raise _field_error(ErrorCode.TARIFF_UNKNOWN, "tariff_id")
    today = now.date()
    tomorrow = today + ONE_DAY
    blocked_from = block_start_day(svc)
    cut = min(today, blocked_from) if blocked_from is not None else today  # last discount day used
    new_fee = target.fee_kopecks * svc.quantity
    old_rest = new_rest = 0
    if tomorrow <= month_end(today):
        old_rest = rest_of_month_kopecks(svc, tomorrow)
        new_rest = rest_of_month_kopecks(svc, tomorrow, cover=[], fee=new_fee)
    advance = unused_advance_kopecks(svc, cut)
    ending = [d for d in svc.discounts if d.ends_on > cut]
    old = svc.tariff
    item = svc.catalog_item
    label = {"since": short_date(tomorrow), "service": messages.Localized(item.name, item.name_en)}

    def apply() -> None:
        for d in ending:
            if d.starts_on > cut:
                svc.discounts.remove(d)
                db.delete(d)
            else:
                d.ends_on = cut
        svc.prev_tariff_id, svc.prev_tariff = old.id, old
        svc.tariff_id, svc.tariff = target.id, target
        svc.last_tariff_change_at = now

    rows = [
        Row(old_rest, "balance.recalc_tariff_old", {**label, "tariff": old.name}),
        Row(advance, "balance.recalc_tariff_advance", {**label, "tariff": old.name}),
        Row(-new_rest, "balance.recalc_tariff_new", {**label, "tariff": target.name}),
    ]
    extra = {"new_fee": _money(new_fee), "discount_ends": bool(ending), "advance_returned": _money(advance)}
    return Plan(acc, rows, apply, extra)


def tariff_quote(
    db: Session, clock: Any, sub_id: int, number: str, service_id: int, tariff_id: int, lang: str = "ru"
) -> s.TariffChangeQuote:
    """What switching to ``tariff_id`` would do to the money now (the plan :func:`change_tariff` runs)."""
    now = clock.now()
    acc, svc = _account_service(db, sub_id, number, service_id)
    plan = _plan_tariff(db, acc, svc, tariff_id, now)
    return s.TariffChangeQuote(**plan.effect(db, now, lang), **plan.extra)


def change_tariff(
    db: Session, clock: Any, sub_id: int, number: str, service_id: int, tariff_id: int, lang: str = "ru"
) -> s.Service:
    """Switch the tariff: once per calendar month, never a promo one; the money follows at once (R-TARIFF)."""
    now = clock.now()
    acc, svc = _account_service(db, sub_id, number, service_id, lock=True)
    old_name = svc.tariff.name
    plan = _plan_tariff(db, acc, svc, tariff_id, now)
    plan.carry_out(db, now)
    _journal_at(
        db,
        acc,
        now,
        s.JournalAction.TARIFF,
        s.Actor.SUBSCRIBER,
        service=svc.catalog_item.name,
        old=old_name,
        new=svc.tariff.name,
    )
    db.flush()
    return _service_out(svc, acc, now, lang)
