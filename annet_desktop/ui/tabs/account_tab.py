"""«Счёт» / «Счета»: balance, recommended payment, status, the credit state (R-ACC-2, R-CREDIT).

«Оплатить» emits ``payRequested(number)``, «Получить кредит» ``creditRequested(number)``; the
actions and payment code connect them. «Получить кредит» is shown only when the server says a
credit may be taken now; otherwise the credit line says why or when it comes back.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annet_contract.money import format_money
from annet_contract.moscow import format_date, format_datetime

from .. import colors, forecast_texts
from ..messages import error_text
from ..models.services_model import block_name
from ..widgets.account_selector import AccountSelector
from ..widgets.naming import named
from .context import TabContext, follow_selected_account


class AccountTab(QWidget):
    """The information area of the selected account and its two buttons."""

    payRequested = Signal(str)
    creditRequested = Signal(str)

    def __init__(self, ctx: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        named(self, "tab_account", self.tr("Счёт"))
        layout = QVBoxLayout(self)
        self.selector = AccountSelector(ctx.state, "account", self)
        layout.addWidget(self.selector)
        self.box = QGroupBox(self.tr("Информационная область"), self)
        self.box.setObjectName("account_info")
        form = QFormLayout(self.box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.values: dict[str, QLabel] = {}
        for key, caption in (
            ("title", self.tr("Счёт")),
            ("balance", self.tr("Баланс")),
            ("recommended", self.tr("Рекомендуемая сумма к оплате")),
            ("forecast", self.tr("Прогноз")),
            ("next_charge", self.tr("Следующее списание")),
            ("status", self.tr("Статус")),
            ("credit", self.tr("Кредит")),
            ("events", self.tr("Впереди")),
        ):
            label = QLabel(self.box)
            label.setObjectName(f"account_{key}")
            label.setAccessibleName(caption)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(caption + ":", label)
            self.values[key] = label
        layout.addWidget(self.box)
        self.notice = QLabel(self)
        self.notice.setObjectName("account_notice")
        self.notice.setWordWrap(True)
        layout.addWidget(self.notice)
        buttons = QHBoxLayout()
        self.pay_button = named(
            QPushButton(self.tr("&Оплатить"), self),
            "account_pay",
            self.tr("Оплатить"),
            self.tr("Пополнить баланс счёта банковской картой"),
        )
        self.credit_button = named(
            QPushButton(self.tr("Получить к&редит"), self),
            "account_credit",
            self.tr("Получить кредит"),
            self.tr("Взять кредит, когда счёт заблокирован за неуплату"),
        )
        buttons.addWidget(self.pay_button)
        buttons.addWidget(self.credit_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.pay_button.clicked.connect(lambda: self.payRequested.emit(self.ctx.state.selected_account))
        self.credit_button.clicked.connect(lambda: self.creditRequested.emit(self.ctx.state.selected_account))
        state = ctx.state
        follow_selected_account(
            self,
            state,
            self.update_view,
            "account",
            (state.accountChanged, state.servicesChanged, state.forecasts.changed),
        )
        self.update_view()

    def update_view(self) -> None:
        state = self.ctx.state
        account = state.account()
        self.credit_button.hide()
        if account is None:
            for label in self.values.values():
                label.clear()
            error = state.error("account", state.selected_account)
            if error is not None:
                self.notice.setText(
                    self.tr("Не удалось загрузить данные счёта: {error}").format(
                        error=error_text(error, self.ctx.server_url)
                    )
                )
            else:
                self.notice.setText(self.tr("Загрузка данных счёта…"))
            self.notice.show()
            self.pay_button.setEnabled(False)
            return
        self.pay_button.setEnabled(True)
        self.values["title"].setText(f"{account.number} — {account.title}")
        self.values["balance"].setText(format_money(account.balance))
        self.values["balance"].setStyleSheet(colors.style(colors.ERROR) if account.balance < 0 else "")
        self.values["recommended"].setText(format_money(account.recommended_payment))
        blocked = getattr(account.status, "value", account.status) == "blocked"
        status = self.tr("Блокировка") if blocked else self.tr("Активен")
        blocks = [
            f"«{s.name}» — {block_name(s.block).lower()}"
            for s in (state.services_of() or [])
            if s.block is not None
        ]
        if blocked and blocks:
            status += " (" + "; ".join(blocks) + ")"
        self.values["status"].setText(status)
        self.values["status"].setStyleSheet(
            colors.style(colors.ERROR) + " font-weight: bold;" if blocked else colors.style(colors.OK)
        )
        self.values["credit"].setText(self.credit_text(account))
        self.show_forecast(state.forecasts.of(), state.forecasts.error())
        self.credit_button.setVisible(bool(account.credit.available))
        notice = []
        if account.financial_block:
            notice.append(
                self.tr(
                    "По счёту действует финансовая блокировка. Пополните баланс: после оплаты услуги "
                    "возобновятся в течение 1–10 минут."
                )
            )
        self.notice.setText(" ".join(notice))
        self.notice.setVisible(bool(notice))

    def show_forecast(self, forecast: Any, error: Any) -> None:
        """The forecast rows: the line under the recommended payment, the next charge, the coming events."""
        rows = ("forecast", "next_charge", "events")
        if forecast is None:
            waiting = self.tr("Прогноз недоступен") if error is not None else self.tr("Загрузка прогноза…")
            self.values["forecast"].setText(waiting)
            for key in rows[1:]:
                self.values[key].clear()
            self.values["forecast"].setStyleSheet("")
            return
        event = forecast_texts.block_event(forecast)
        urgent = event is not None and forecast.recommended_payment > 0
        self.values["forecast"].setText(forecast_texts.summary_text(forecast))
        self.values["forecast"].setStyleSheet(colors.style(colors.ERROR) if urgent else "")
        self.values["next_charge"].setText(forecast_texts.next_charge_text(forecast))
        self.values["events"].setText(forecast_texts.events_text(forecast) or self.tr("Ничего не ожидается"))

    def credit_text(self, account: Any) -> str:
        credit = account.credit
        if credit.in_force:
            return self.tr("Действует до {end}").format(end=format_datetime(credit.ends_at))
        if credit.available:
            return self.tr("Можно получить кредит на 5 дней")
        if credit.reason:
            return credit.reason  # the server's sentence: under a ban it names the date itself
        if credit.banned_until is not None:
            date = format_date(credit.banned_until)
            return self.tr("Кредит снова будет доступен с {date}.").format(date=date)
        return self.tr("Не требуется: финансовой блокировки нет.")

    def refresh(self) -> None:
        self.ctx.state.refresh(("account",))
