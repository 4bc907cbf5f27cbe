"""The service window (R-SVC-3): info (service, current tariff, fee) and only the buttons that apply.

Buttons come from ``Service.actions`` through :func:`annet_desktop.domain.rules.service_buttons`:
«Сменить тариф», «Заблокировать» or «Разблокировать», and for the internet service «Получить
скидку» or «Продлить скидку». A disabled button carries its reason as tooltip and as visible text
under the buttons. The window follows the state: after an action it shows the service as the
server now has it.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annet_contract.money import format_money
from annet_contract.moscow import format_date

from ...domain import rules
from ..models.services_model import block_name
from ..widgets.naming import named
from . import quote_texts
from .base import MUTED_COLOR, note_label, set_note, tr_rules
from .confirm import ConfirmDialog
from .discounts import DiscountDialog
from .tariffs import TariffDialog

if TYPE_CHECKING:
    from ..tabs.context import TabContext


def _block(client: Any, number: str, service_id: int, key: str) -> Any:
    return client.block(number, service_id, idempotency_key=key)


def _unblock(client: Any, number: str, service_id: int, key: str) -> Any:
    return client.unblock(number, service_id, idempotency_key=key)


def _block_quote(client: Any, number: str, service_id: int) -> Any:
    return client.block_quote(number, service_id)


def _unblock_quote(client: Any, number: str, service_id: int) -> Any:
    return client.unblock_quote(number, service_id)


class ServiceDialog(QDialog):
    """One service: its information area and its management buttons."""

    def __init__(
        self,
        ctx: TabContext,
        number: str,
        service: Any,
        *,
        pay: Callable[[str, Decimal], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent if parent is not None else ctx.window)
        self.ctx = ctx
        self.number = number
        self.service = service
        self.pay = pay
        self.child: QDialog | None = None
        named(self, "service_dialog", self.tr("Услуга"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.values: dict[str, QLabel] = {}
        for key, caption in (
            ("account", self.tr("Лицевой счёт")),
            ("name", self.tr("Услуга")),
            ("tariff", self.tr("Текущий тариф")),
            ("fee", self.tr("Абонентская плата")),
            ("block", self.tr("Блокировка")),
            ("discount", self.tr("Скидка")),
        ):
            label = note_label(f"service_{key}", self, caption)
            self.form.addRow(caption + ":", label)
            self.values[key] = label
        layout.addLayout(self.form)
        self.button_row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        self.descriptions = descriptions = {
            "change_tariff": self.tr("Выбрать другой тариф этой услуги"),
            "block": self.tr("Приостановить услугу добровольной блокировкой"),
            "unblock": self.tr("Снять добровольную блокировку услуги"),
            "discount": self.tr("Выбрать скидку на эту услугу"),
            "extend_discount": self.tr("Продлить действующую скидку на эту услугу"),
        }
        texts = {  # the rules' captions with a mnemonic each (the reasons quote the captions plain)
            "change_tariff": self.tr("Сменить &тариф"),
            "block": self.tr("За&блокировать"),
            "unblock": self.tr("&Разблокировать"),
            "discount": self.tr("Получить &скидку"),
            "extend_discount": self.tr("Про&длить скидку"),
        }
        for key in rules.CAPTIONS:
            text = texts[key]
            button = named(QPushButton(text, self), f"service_{key}", text, descriptions[key])
            button.clicked.connect(lambda _c=False, k=key: self.trigger(k))
            button.hide()
            self.buttons[key] = button
            self.button_row.addWidget(button)
        self.button_row.addStretch(1)
        layout.addLayout(self.button_row)
        self.reasons = note_label("service_reasons", self, self.tr("Почему кнопки недоступны"))
        layout.addWidget(self.reasons)
        row = QHBoxLayout()
        row.addStretch(1)
        self.close_button = named(
            QPushButton(self.tr("&Закрыть"), self),
            "service_close",
            self.tr("Закрыть"),
            self.tr("Закрыть окно управления услугой"),
        )
        self.close_button.clicked.connect(self.accept)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        ctx.state.servicesChanged.connect(self._services_changed)
        self.show_service()

    # ------------------------------------------------------------------ showing
    def _services_changed(self, number: str) -> None:
        if number != self.number:
            return
        for service in self.ctx.state.services_of(number) or []:
            if service.id == self.service.id:
                self.service = service
                self.show_service()
                return

    def visible_buttons(self) -> list[str]:
        return [key for key, button in self.buttons.items() if not button.isHidden()]

    def show_service(self) -> None:
        service = self.service
        self.setWindowTitle(service.name)
        values = self.values
        values["account"].setText(self.number)
        values["name"].setText(service.name)
        promo = self.tr("{tariff} (акционный)").format(tariff=service.tariff.name)
        values["tariff"].setText(promo if service.tariff.promo else service.tariff.name)
        values["fee"].setText(self.tr("{fee} в месяц").format(fee=format_money(service.fee)))
        values["block"].setText(block_name(service.block) or self.tr("нет, услуга работает"))
        if service.discount is not None:
            d = service.discount
            values["discount"].setText(
                self.tr("{percent}% с {start} по {end}, абонентская плата со скидкой {fee}").format(
                    percent=d.percent,
                    start=format_date(d.starts_on),
                    end=format_date(d.ends_on),
                    fee=format_money(d.fee_with_discount),
                )
            )
        else:
            values["discount"].setText(self.tr("нет"))
        specs = rules.service_buttons(service, tr_rules)
        shown = {spec.key for spec in specs}
        reasons = []
        for key, button in self.buttons.items():
            button.setVisible(key in shown)
        for spec in specs:
            button = self.buttons[spec.key]
            button.setEnabled(spec.enabled)
            button.setToolTip(spec.reason or "")
            # why it is unavailable, else what it does
            button.setAccessibleDescription(spec.reason or self.descriptions[spec.key])
            if not spec.enabled and spec.reason:
                reasons.append(f"«{spec.caption}»: {spec.reason}")
        set_note(self.reasons, "\n".join(reasons), MUTED_COLOR)

    # ------------------------------------------------------------------ actions
    def trigger(self, key: str) -> QDialog | None:
        """Open what the button ``key`` does (the tariff table, the offers table, a confirmation)."""
        button = self.buttons[key]
        if button.isHidden() or not button.isEnabled():
            return None
        if key == "change_tariff":
            self.child = TariffDialog(self.ctx, self.number, self.service, parent=self)
        elif key in ("discount", "extend_discount"):
            self.child = DiscountDialog(
                self.ctx,
                self.number,
                self.service,
                extend=key == "extend_discount",
                pay=self.pay,
                parent=self,
            )
        elif key == "block":
            self.child = self._block_confirm(block=True)
        elif key == "unblock":
            self.child = self._block_confirm(block=False)
        if self.child is not None:
            self.child.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.child.open()
        return self.child

    def _block_confirm(self, *, block: bool) -> ConfirmDialog:
        name = self.service.name
        number, service_id = self.number, self.service.id
        if block:
            text = self.tr(
                "Услуга «{service}» будет переведена в добровольную блокировку сразу после подтверждения: "
                "услуга и начисления по ней приостановятся.\n"
                "Снять блокировку можно в любой момент кнопкой «Разблокировать». "
                "Добровольная блокировка доступна не чаще одного раза в месяц."
            ).format(service=name)
            title = self.tr("Заблокировать")
            action = lambda client, key: _block(client, number, service_id, key)  # noqa: E731
            quote = (partial(_block_quote, number=number, service_id=service_id), quote_texts.block_text)
        else:
            text = self.tr(
                "Услуга «{service}» будет разблокирована сразу после подтверждения: "
                "услуга снова заработает, и начисления по ней возобновятся."
            ).format(service=name)
            title = self.tr("Разблокировать")
            action = lambda client, key: _unblock(client, number, service_id, key)  # noqa: E731
            quote = (partial(_unblock_quote, number=number, service_id=service_id), quote_texts.unblock_text)
        return ConfirmDialog(
            self.ctx,
            title,
            text,
            title,
            action,
            lambda service: self._blocked(service, block),
            name="block_confirm" if block else "unblock_confirm",
            quote=quote,
            parent=self,
        )

    def _blocked(self, service: Any, block: bool) -> None:
        self.ctx.state.money_moved(self.number, service=service)
        self.ctx.messages.status(
            self.tr("Услуга заблокирована.") if block else self.tr("Услуга разблокирована.")
        )
