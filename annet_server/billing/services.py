"""Services and tariffs (R-SVC, R-TARIFF): the table, the catalogue, subscribing, changing the tariff."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from annet_contract import schema as s
from annet_contract.errors import ErrorCode

from .. import messages
from .. import models as m
from .journal import _encode_value, _journal_at
from .kopecks import _money
from .ledger import _post
from .localized import _lang_name
from .lookups import _account, _service
from .months import days_in_month
from .refusals import RuleError, _field_error
from .service_rules import _service_out, _switch_targets, _tariff_check, _tariff_out, pro_rata_kopecks


def list_services(db: Session, clock: Any, sub_id: int, number: str, lang: str = "ru") -> list[s.Service]:
    """The services table (R-SVC-1) with what each service window may do now (R-SVC-3)."""
    now = clock.now()
    acc = _account(db, sub_id, number)
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
    acc = _account(db, sub_id, number)
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
    acc = _account(db, sub_id, number)
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
    acc = _account(db, sub_id, number, lock=True)
    svc = _service(db, acc, service_id)
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
