"""The journal table (R-LOG-1): when, who, what, account, service, old → new; newest first."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from annet_contract.moscow import format_datetime

from ...i18n import translate
from .rows_model import Column, RowsModel


def actor_name(actor: Any) -> str:
    value = getattr(actor, "value", actor)
    return {
        "subscriber": translate("JournalModel", "Абонент"),
        "operator": translate("JournalModel", "Оператор"),
        "system": translate("JournalModel", "Система"),
    }.get(value, str(value))


def actor_hint(actor: Any) -> str:
    value = getattr(actor, "value", actor)
    return {
        "subscriber": translate("JournalModel", "Абонент через личный кабинет"),
        "operator": translate("JournalModel", "Оператор «Аннет»"),
        "system": translate("JournalModel", "Биллинг: начисления, блокировки, окончание кредита"),
    }.get(value, str(value))


class JournalModel(RowsModel):
    """Rows are ``schema.JournalEntry``; paged in as the view scrolls (``fetchMore``)."""

    def __init__(self, source: Callable[[], list[Any]], parent: Any = None) -> None:
        columns = [
            Column(translate("JournalModel", "Дата и время"), lambda e: format_datetime(e.at)),
            Column(
                translate("JournalModel", "Кто"),
                lambda e: actor_name(e.actor),
                tooltip=lambda e: actor_hint(e.actor),
            ),
            Column(translate("JournalModel", "Изменение"), lambda e: e.title, tooltip=lambda e: e.title),
            Column(translate("JournalModel", "Счёт"), lambda e: e.account or ""),
            Column(translate("JournalModel", "Услуга"), lambda e: e.service or ""),
            Column(
                translate("JournalModel", "Было"), lambda e: e.old_value or "", tooltip=lambda e: e.old_value
            ),
            Column(
                translate("JournalModel", "Стало"), lambda e: e.new_value or "", tooltip=lambda e: e.new_value
            ),
        ]
        super().__init__(columns, source, parent)
