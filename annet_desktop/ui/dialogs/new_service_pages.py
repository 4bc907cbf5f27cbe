"""The «Новая» window's widgets and their layout, built onto a :class:`~.new_service.NewServiceDialog`
(typed ``Any`` here: importing the dialog's module back would make an import circle).

Kept apart from the dialog's steps (new_service.py) so each file stays readable; the texts keep the
dialog's translation context ``NewServiceDialog``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annet_contract.money import format_money

from ...i18n import translate
from ..models.rows_model import RIGHT, Column
from ..widgets.naming import named
from .base import ChoiceModel, ChoiceView, OnceButton, note_label


def _table(parent: QWidget, name: str, accessible: str, description: str) -> QTableView:
    view = named(ChoiceView(parent), name, accessible, description)  # Enter: «Далее», nothing more
    view.horizontalHeader().setStretchLastSection(True)
    return view


def build(dialog: Any, existing: set[str]) -> None:
    """The step heading, the three pages (catalogue, tariffs, confirmation), the note and the buttons;
    ``existing``: the names of the services the account already has (shown, not selectable)."""
    layout = QVBoxLayout(dialog)
    dialog.step = QLabel(dialog)
    dialog.step.setObjectName("new_service_step")
    dialog.step.setStyleSheet("font-weight: bold;")
    layout.addWidget(dialog.step)
    dialog.pages = QStackedWidget(dialog)
    dialog.pages.setObjectName("new_service_pages")
    layout.addWidget(dialog.pages, 1)

    # page 1: the catalogue
    page = QWidget(dialog.pages)
    box = QVBoxLayout(page)
    box.setContentsMargins(0, 0, 0, 0)
    dialog.catalog_model = ChoiceModel(
        [
            Column(
                translate("NewServiceDialog", "Услуга"),
                lambda c: (
                    translate("NewServiceDialog", "{service} (уже подключена)").format(service=c.name)
                    if c.name in existing
                    else c.name
                ),
            ),
            Column(translate("NewServiceDialog", "Описание"), lambda c: c.description or ""),
        ],
        [],
        lambda c: (
            translate("NewServiceDialog", "Уже подключена на этом счёте") if c.name in existing else None
        ),
        lambda c: c.name not in existing,
        dialog,
    )
    dialog.catalog_view = _table(
        page,
        "new_service_catalog",
        translate("NewServiceDialog", "Каталог услуг"),
        translate("NewServiceDialog", "Услуги, которые можно подключить; Enter — выбрать тариф"),
    )
    dialog.catalog_view.setModel(dialog.catalog_model)
    dialog.catalog_view.setColumnWidth(0, 26 * dialog.catalog_view.fontMetrics().horizontalAdvance("0"))
    box.addWidget(dialog.catalog_view)
    dialog.pages.addWidget(page)

    # page 2: the tariffs of the chosen service
    page = QWidget(dialog.pages)
    box = QVBoxLayout(page)
    box.setContentsMargins(0, 0, 0, 0)
    dialog.tariff_model = ChoiceModel(
        [
            Column(translate("NewServiceDialog", "Тариф"), lambda t: t.name),
            Column(translate("NewServiceDialog", "Абонентская плата"), lambda t: format_money(t.fee), RIGHT),
            Column(translate("NewServiceDialog", "Описание"), lambda t: t.description or ""),
        ],
        [],
        lambda _t: None,
        lambda _t: True,
        dialog,
    )
    dialog.tariff_view = _table(
        page,
        "new_service_tariffs",
        translate("NewServiceDialog", "Тарифы услуги"),
        translate("NewServiceDialog", "Тарифы выбранной услуги и их абонентская плата; Enter — далее"),
    )
    dialog.tariff_view.setModel(dialog.tariff_model)
    dialog.tariff_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    dialog.tariff_view.setColumnWidth(1, 18 * dialog.tariff_view.fontMetrics().horizontalAdvance("0"))
    box.addWidget(dialog.tariff_view)
    dialog.pages.addWidget(page)

    # page 3: the confirmation with the first charge
    page = QWidget(dialog.pages)
    box = QVBoxLayout(page)
    box.setContentsMargins(0, 0, 0, 0)
    dialog.summary = note_label("new_service_summary", page, translate("NewServiceDialog", "Подтверждение"))
    box.addWidget(dialog.summary)
    dialog.shortfall = note_label(
        "new_service_shortfall", page, translate("NewServiceDialog", "Недостаточно средств")
    )
    box.addWidget(dialog.shortfall)
    box.addStretch(1)
    dialog.pages.addWidget(page)

    dialog.note = note_label("new_service_note", dialog, translate("NewServiceDialog", "Пояснение"))
    layout.addWidget(dialog.note)
    row = QHBoxLayout()
    dialog.back_button = named(
        QPushButton(translate("NewServiceDialog", "&Назад"), dialog),
        "new_service_back",
        translate("NewServiceDialog", "Назад"),
        translate("NewServiceDialog", "Вернуться к выбору услуги"),
    )
    dialog.pay_button = named(
        QPushButton(translate("NewServiceDialog", "&Оплатить"), dialog),
        "new_service_pay",
        translate("NewServiceDialog", "Оплатить"),
        translate("NewServiceDialog", "Пополнить баланс, чтобы хватило на подключение"),
    )
    dialog.next_button = named(
        QPushButton(translate("NewServiceDialog", "&Далее"), dialog),
        "new_service_next",
        translate("NewServiceDialog", "Далее"),
        translate("NewServiceDialog", "Перейти к следующему шагу"),
    )
    dialog.confirm_button = named(
        OnceButton(translate("NewServiceDialog", "&Подключить"), dialog),
        "new_service_confirm",
        translate("NewServiceDialog", "Подключить"),
        translate("NewServiceDialog", "Подключить услугу с выбранным тарифом"),
    )
    dialog.cancel_button = named(
        QPushButton(translate("NewServiceDialog", "О&тмена"), dialog),
        "new_service_cancel",
        translate("NewServiceDialog", "Отмена"),
        translate("NewServiceDialog", "Закрыть окно, ничего не подключая"),
    )
    row.addWidget(dialog.back_button)
    row.addWidget(dialog.pay_button)
    row.addStretch(1)
    row.addWidget(dialog.next_button)
    row.addWidget(dialog.confirm_button)
    row.addWidget(dialog.cancel_button)
    layout.addLayout(row)
