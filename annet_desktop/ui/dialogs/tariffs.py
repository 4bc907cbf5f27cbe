"""«Сменить тариф» (R-TARIFF-1/2): the tariff table; a click on a row asks to confirm, then changes.

The table comes from the server (``TariffOptions``). Rows that cannot be chosen (the current
tariff, promotional ones) are greyed with the reason; when no change is possible now (once a
month; a promo tariff in force) the table is read-only and says why in the server's words. The
confirmation states the new fee and when the change takes effect (``TariffOptions.effective``);
a refusal such as «Смена тарифа разрешена только один раз в месяц» is shown as the server says it.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annet_contract.money import format_money

from ...domain import rules
from ..models.rows_model import RIGHT, Column
from ..widgets.naming import named
from .base import (
    ERROR_COLOR,
    MUTED_COLOR,
    WARNING_COLOR,
    ChoiceModel,
    choice_table,
    note_label,
    run,
    set_note,
    tr_rules,
)
from .confirm import ConfirmDialog
from .quote_texts import tariff_text

if TYPE_CHECKING:
    from ..tabs.context import TabContext


def _load(client: Any, number: str, service_id: int) -> Any:
    return client.tariffs(number, service_id)


def _quote(client: Any, number: str, service_id: int, tariff_id: int) -> Any:
    return client.tariff_quote(number, service_id, tariff_id)


def _change(client: Any, number: str, service_id: int, tariff_id: int, key: str) -> Any:
    return client.change_tariff(number, service_id, tariff_id, idempotency_key=key)



class TariffDialog(QDialog):
    """The table of tariffs of one service; choose a row to change to it."""

    def __init__(self, ctx: TabContext, number: str, service: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent if parent is not None else ctx.window)
        self.ctx = ctx
        self.number = number
        self.service = service
        self.options: Any = None
        self.confirm: ConfirmDialog | None = None
        self.changed: Any = None
        named(self, "tariff_dialog", self.tr("Сменить тариф"))
        self.setWindowTitle(self.tr("Сменить тариф — {service}").format(service=service.name))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumSize(620, 340)
        layout = QVBoxLayout(self)
        self.info = note_label("tariff_info", self, self.tr("Текущий тариф"))
        self.info.setText(
            self.tr("Текущий тариф: «{tariff}», {fee} в месяц").format(
                tariff=service.tariff.name, fee=format_money(service.tariff.fee)
            )
        )
        layout.addWidget(self.info)
        self.note = note_label("tariff_note", self, self.tr("Пояснение"))
        set_note(self.note, self.tr("Загрузка тарифов…"), MUTED_COLOR)
        layout.addWidget(self.note)
        self.model = ChoiceModel(
            [
                Column(self.tr("Тариф"), self._tariff_name),
                Column(self.tr("Абонентская плата"), lambda t: format_money(t.fee), RIGHT),
                Column(self.tr("Описание"), lambda t: t.description or ""),
            ],
            [],
            self._reason,
            self._selectable,
            self,
        )
        self.view = choice_table(self.model, "tariff_table", self.tr("Таблица тарифов"), self, self._clicked)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        char = self.view.fontMetrics().horizontalAdvance("0")
        self.view.setColumnWidth(1, 18 * char)
        header.setStretchLastSection(True)
        layout.addWidget(self.view, 1)
        self.hint = note_label("tariff_hint", self, self.tr("Подсказка"))
        self.hint.setText(self.tr("Щёлкните строку с нужным тарифом, чтобы выбрать его."))
        layout.addWidget(self.hint)
        row = QHBoxLayout()
        row.addStretch(1)
        self.close_button = named(
            QPushButton(self.tr("&Закрыть"), self),
            "tariff_close",
            self.tr("Закрыть"),
            self.tr("Закрыть окно, не меняя тариф"),
        )
        self.close_button.clicked.connect(self.reject)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        self.load()

    # ------------------------------------------------------------------ loading
    def load(self) -> None:
        run(
            self.ctx,
            self,
            _load,
            self.number,
            self.service.id,
            on_done=self.show_options,
            on_failed=lambda _e: set_note(self.note, self.tr("Не удалось загрузить тарифы."), ERROR_COLOR),
            parent=self,
        )

    def show_options(self, options: Any) -> None:
        self.options = options
        self.model.set_rows(options.tariffs)
        if not options.change.allowed:
            set_note(
                self.note, options.change.reason or self.tr("Сменить тариф сейчас нельзя."), WARNING_COLOR
            )
            self.hint.hide()
        else:
            set_note(self.note, self.tr("Смена тарифа: {when}").format(when=options.effective), MUTED_COLOR)

    def _tariff_name(self, tariff: Any) -> str:
        if self.options is not None and tariff.id == self.options.current.id:
            return self.tr("{tariff} (текущий)").format(tariff=tariff.name)
        return self.tr("{tariff} (акционный)").format(tariff=tariff.name) if tariff.promo else tariff.name

    def _selectable(self, tariff: Any) -> bool:
        return self.options is not None and rules.tariff_row(self.options, tariff, tr_rules).selectable

    def _reason(self, tariff: Any) -> str | None:
        if self.options is None:
            return None
        return rules.tariff_row(self.options, tariff, tr_rules).reason

    # ------------------------------------------------------------------ choosing
    def row_of(self, tariff_id: int) -> int:
        return next((i for i, t in enumerate(self.model.items) if t.id == tariff_id), -1)

    def choose_row(self, row: int) -> ConfirmDialog | None:
        """What a click on ``row`` does: a confirmation, or the reason the row cannot be chosen."""
        if self.options is None or not (0 <= row < len(self.model.items)):
            return None
        tariff = self.model.items[row]
        state = rules.tariff_row(self.options, tariff, tr_rules)
        if not state.selectable:
            set_note(
                self.note,
                self.tr("«{tariff}»: {reason}").format(tariff=tariff.name, reason=state.reason),
                WARNING_COLOR,
            )
            return None
        current = self.options.current
        text = "\n".join(  # paragraphs, each one whole sentence
            (
                self.tr("Тариф услуги «{service}» будет изменён: «{old}» → «{new}».").format(
                    service=self.service.name, old=current.name, new=tariff.name
                ),
                rules.fee_change(current, tariff, tr_rules),
                self.tr("Когда вступит в силу: {when}").format(when=self.options.effective),
                self.tr("Сменить тариф можно не чаще одного раза в месяц."),
            )
        )
        number, service_id, tariff_id = self.number, self.service.id, tariff.id
        self.confirm = ConfirmDialog(
            self.ctx,
            self.tr("Сменить тариф"),
            text,
            self.tr("Сменить тариф"),
            lambda client, key: _change(client, number, service_id, tariff_id, key),
            self._changed,
            name="tariff_confirm",
            quote=(partial(_quote, number=number, service_id=service_id, tariff_id=tariff_id), tariff_text),
            parent=self,
        )
        self.confirm.refused.connect(lambda _e: self.load())
        self.confirm.open()
        return self.confirm

    def _clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.choose_row(index.row())

    def _changed(self, service: Any) -> None:
        self.changed = service
        self.ctx.state.money_moved(self.number, service=service)
        self.accept()
        self.ctx.messages.info(
            self.tr("Тариф изменён на «{tariff}». {when}")
            .format(tariff=service.tariff.name, when=self.options.effective or "")
            .rstrip(),
            parent=self.parentWidget(),
        )
