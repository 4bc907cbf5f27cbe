"""«Получить кредит» (R-CREDIT-1): a confirmation that says until when access is restored.

The confirmation names the 5 days and the moment the credit ends; after it is taken the app says
the end time the server set, and refreshes what changed: the account (given back by the server),
the services (the financial block is lifted) and the journal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from annet_contract.money import format_money

from ...domain import rules
from .base import Clock, system_now, tr_rules
from .confirm import ConfirmDialog

if TYPE_CHECKING:
    from ..tabs.context import TabContext


def _take_credit(client: Any, number: str, key: str) -> Any:
    return client.take_credit(number, idempotency_key=key)


class CreditDialog(ConfirmDialog):
    """Confirm and take the 5-day credit of one account."""

    def __init__(
        self, ctx: TabContext, number: str, *, clock: Clock = system_now, parent: QWidget | None = None
    ) -> None:
        self.number = number
        account = ctx.state.account(number)
        details = [(self.tr("Лицевой счёт"), number)]
        if account is not None:
            details.append((self.tr("Баланс"), format_money(account.balance)))
        super().__init__(
            ctx,
            self.tr("Получить кредит"),
            rules.credit_confirmation(clock(), tr_rules),
            self.tr("Получить кредит"),
            lambda client, key: _take_credit(client, number, key),
            self._taken,
            name="credit_dialog",
            details=details,
            parent=parent,
        )

    def _taken(self, out: Any) -> None:
        self.ctx.state.money_moved(self.number, account=out.account)
        self.ctx.messages.info(rules.credit_taken(out.ends_at, tr_rules), parent=self.parentWidget())
