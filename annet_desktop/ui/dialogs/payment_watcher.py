"""After the payment dialog: ask the server for the order's state, refresh, and tell the user (R-PAY-4).

The return address alone never counts as paid: :class:`PaymentWatcher` asks the server once,
refreshes the account, balance and journal when the order is settled and shows the result with
the order and payment numbers; for a financially blocked account, that services come back in
1–10 minutes only when the payment lifted the block, otherwise how much is still missing (R-BILL-4).

A payment finished in the system browser (the dialog's «Открыть в браузере») is not «прервана»:
while the order is still pending the watcher keeps asking the server — every few seconds at
first, then every minute, for up to 30 minutes (QTimer-driven, through the API worker) — and says
so when it is paid. It stops on logout (the session's state is cleared) and when the app ends.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

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
    """After the dialog: ask the server for the order's state, refresh, show the result.

    ``browser``: the page was opened in the system browser; a pending order is then followed
    (:data:`FAST_MS` apart for :data:`FAST_FOR_MS`, then :data:`SLOW_MS`, up to :data:`FOLLOW_MS`).
    """

    #: the order as the server reported it (schema.PaymentOrder); the last answer when followed
    settled = Signal(object)

    #: while following a payment made in the browser: ask this often at first …
    FAST_MS = 5_000
    #: … for this long, then …
    FAST_FOR_MS = 2 * 60_000
    #: … every minute, and give up after 30 minutes
    SLOW_MS = 60_000
    FOLLOW_MS = 30 * 60_000

    def __init__(
        self,
        ctx: TabContext,
        number: str,
        order: Any,
        financial_block: bool,
        closed_midway: bool,
        browser: bool = False,
    ) -> None:
        super().__init__(ctx.state)
        self.ctx = ctx
        self.number = number
        self.order = order
        self.financial_block = financial_block
        self.closed_midway = closed_midway
        self.browser = browser
        self.result: Any = None
        self.following = False
        self.followed_ms = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.start)
        ctx.state.sessionEnded.connect(self.stop)

    def start(self) -> None:
        """Ask the server (once; again while a payment made in the browser is followed)."""
        reply = self.ctx.worker.submit(
            _get_payment, self.number, self.order.order_number, priority=Priority.USER
        )
        self._reply = reply
        reply.then(self, self._answered, self._failed)

    def stop(self) -> None:
        """Stop following (logout): nothing more is asked or said."""
        self.following = False
        self._timer.stop()
        self.deleteLater()

    def _follow(self) -> bool:
        """Ask again later while the payment may still be made in the browser; False when over."""
        if not self.browser or self.followed_ms >= self.FOLLOW_MS:
            return False
        wait = self.FAST_MS if self.followed_ms < self.FAST_FOR_MS else self.SLOW_MS
        self.followed_ms += wait
        self.following = True
        self._timer.start(wait)
        return True

    def _answered(self, order: Any) -> None:
        self.result = order
        state = OrderState(order.state)
        if state is OrderState.PENDING and self._follow():
            if self.followed_ms == self.FAST_MS:  # the first answer: say what is going on, once
                self.ctx.messages.status(self.text(order))
            return
        self.following = False
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
        if self.following and self._follow():  # a lost answer while following: ask again later
            return
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
            if self.browser and self.following:
                return QCoreApplication.translate(
                    "PaymentDialog",
                    "Ждём оплату в браузере: программа сообщит, когда платёж поступит. {numbers}",
                ).format(numbers=numbers)
            if self.browser:
                return QCoreApplication.translate(
                    "PaymentDialog", "Оплата в браузере не завершена за 30 минут: заказ не оплачен. {numbers}"
                ).format(numbers=numbers)
            if self.closed_midway:
                return _t("Оплата прервана: заказ не оплачен. ") + numbers
            return _t("Платёж ещё обрабатывается. Проверьте баланс позже. ") + numbers
        reason = order.reason or _t("Отказ в авторизации. Проверьте параметры платежного средства.")
        return _t("Оплата не проведена: ") + reason + " " + numbers
