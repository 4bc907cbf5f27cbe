"""After the payment dialog: ask the server for the order's state, refresh, and tell the user (R-PAY-4).

The return address alone never counts as paid: :class:`PaymentWatcher` asks the server once,
refreshes the account, balance and journal when the order is settled and shows the result with
the order and payment numbers; for a financially blocked account, that services come back in
1–10 minutes only when the payment lifted the block, otherwise how much is still missing (R-BILL-4).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from annet_contract.money import format_money
from annet_contract.schema import OrderState

from ...worker import Priority

if TYPE_CHECKING:
    from ..tabs.context import TabContext

#: the translation context of the payment texts (shared with the dialog)
CONTEXT = "PaymentDialog"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _get_payment(client: Any, number: str, order_number: str) -> Any:
    return client.payment(number, order_number)


class PaymentWatcher(QObject):
    """After the dialog: ask the server for the order's state, refresh, show the result."""

    #: the order as the server reported it (schema.PaymentOrder)
    settled = Signal(object)

    def __init__(
        self, ctx: TabContext, number: str, order: Any, financial_block: bool, closed_midway: bool
    ) -> None:
        super().__init__(ctx.state)
        self.ctx = ctx
        self.number = number
        self.order = order
        self.financial_block = financial_block
        self.closed_midway = closed_midway
        self.result: Any = None

    def start(self) -> None:
        """Ask the server once."""
        reply = self.ctx.worker.submit(
            _get_payment, self.number, self.order.order_number, priority=Priority.USER
        )
        self._reply = reply
        reply.then(self, self._answered, self._failed)

    def _answered(self, order: Any) -> None:
        self.result = order
        state = OrderState(order.state)
        if state is not OrderState.PENDING:
            self.ctx.state.money_moved(self.number)
        if state is OrderState.PAID:
            self.ctx.messages.info(self.text(order), parent=self.ctx.window)
            if order.receipt is not None:  # the 54-FZ receipt of the payment (issue 15)
                from .receipt import show_receipt

                show_receipt(self.ctx, order.receipt)
        elif state in (OrderState.DECLINED, OrderState.TIMEOUT):
            self.ctx.messages.warning(self.text(order), parent=self.ctx.window)
        elif state is OrderState.PENDING:
            self.ctx.messages.status(self.text(order))
        self.settled.emit(order)
        self.deleteLater()

    def _failed(self, error: Any) -> None:
        self.ctx.messages.error(error, parent=self.ctx.window, action=False)
        self.settled.emit(None)
        self.deleteLater()

    def _block_after(self, order: Any) -> str:
        """R-BILL-4: services come back only when the payment lifts the financial block; otherwise
        what the balance still lacks. Nothing when the account was not blocked or the server did
        not say."""
        if order.financial_block_after:
            missing = format_money(order.missing) if order.missing is not None else ""
            still = QCoreApplication.translate(
                "PaymentDialog",
                "Финансовая блокировка сохраняется: чтобы услуги возобновились, пополните счёт "
                "ещё на {missing}.",
            )
            return " " + still.format(missing=missing)
        if self.financial_block and order.financial_block_after is False:
            return " " + _t("Услуги возобновятся в течение 1–10 минут.")
        return ""

    def text(self, order: Any) -> str:
        """The result in the subscriber's words, with the order and payment numbers."""
        numbers = _t("Заказ № ") + order.order_number
        if order.billnumber:
            numbers += _t(", платёж № ") + order.billnumber
        numbers += "."
        state = OrderState(order.state)
        if state is OrderState.PAID:
            text = (
                _t("Оплата прошла успешно: ")
                + format_money(order.amount)
                + _t(" зачислено на счёт ")
                + self.number
                + ". "
                + numbers
            )
            return text + self._block_after(order)
        if state is OrderState.PENDING:
            if self.closed_midway:
                return _t("Оплата прервана: заказ не оплачен. ") + numbers
            return _t("Платёж ещё обрабатывается. Проверьте баланс позже. ") + numbers
        reason = order.reason or _t("Отказ в авторизации. Проверьте параметры платежного средства.")
        return _t("Оплата не проведена: ") + reason + " " + numbers
