"""The actions of the cabinet: which dialog opens for contacts, credit, payment, services, password.

One dialog per module. The main window calls :func:`install` once its tabs exist (its
``_install_actions`` hook); that connects the tabs' signals to an :class:`Actions` object kept as
``window.actions``:

* «Абонент»: «Сменить № для SMS», «Сменить e-mail» → :class:`~.contacts.ContactsDialog`;
* «Счёт»: «Получить кредит» → :class:`~.credit.CreditDialog`; «Оплатить» → :func:`~.payment.open_payment`;
* «Услуги»: «Новая» → :class:`~.new_service.NewServiceDialog`; a click on a service name →
  :class:`~.service.ServiceDialog` (tariffs, blocks, discounts);
* «Баланс»: «Чек…» on an online payment → :class:`~.receipt.ReceiptDialog` (also after a payment);
* «Пароль»: «Изменить» → :class:`~.password.PasswordAction`.

:func:`demo_dialogs` builds each dialog for the screenshot tool.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QWidget

from ...i18n import translate
from .base import Clock, system_now

if TYPE_CHECKING:
    from ..tabs.context import TabContext


class Actions(QObject):
    """Opens the action dialogs for the main window's tabs; ``clock`` words the dates shown."""

    def __init__(self, ctx: TabContext, parent: QObject | None = None, clock: Clock = system_now) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.clock = clock
        self.password: Any = None
        self.last: QWidget | None = None  # the dialog opened last (tests, screenshots)

    def _open(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.last = dialog
        return dialog

    # ------------------------------------------------------------------ «Абонент»
    def change_sms(self) -> QDialog:
        from .contacts import SMS, ContactsDialog

        return self._open(ContactsDialog(self.ctx, SMS))

    def change_email(self) -> QDialog:
        from .contacts import EMAIL, ContactsDialog

        return self._open(ContactsDialog(self.ctx, EMAIL))

    # ------------------------------------------------------------------ «Счёт»
    def take_credit(self, number: str) -> QDialog:
        from .credit import CreditDialog

        return self._open(CreditDialog(self.ctx, number or self.ctx.state.selected_account, clock=self.clock))

    def pay(self, number: str, amount: Decimal | None = None) -> Any:
        from .payment import open_payment  # Qt WebEngine itself loads only when the page opens

        self.last = open_payment(self.ctx, number or self.ctx.state.selected_account, amount)
        return self.last

    # ------------------------------------------------------------------ «Баланс»
    def receipt(self, number: str, order_number: str) -> None:
        """«Чек…»: ask the server for the receipt, then show it (kept as :attr:`last`)."""
        from .receipt import open_receipt

        open_receipt(self.ctx, number, order_number, lambda dialog: setattr(self, "last", dialog))

    # ------------------------------------------------------------------ «Услуги»
    def new_service(self, number: str) -> QDialog:
        from .new_service import NewServiceDialog

        number = number or self.ctx.state.selected_account
        return self._open(NewServiceDialog(self.ctx, number, pay=self.pay, clock=self.clock))

    def open_service(self, service: Any, number: str | None = None) -> QDialog:
        from .service import ServiceDialog

        number = number or self.ctx.state.selected_account
        return self._open(ServiceDialog(self.ctx, number, service, pay=self.pay))

    # ------------------------------------------------------------------ «Пароль»
    def attach_password(self, tab: Any) -> Any:
        from .password import PasswordAction

        self.password = PasswordAction(self.ctx, tab)
        return self.password


def wire(ctx: TabContext, *, subscriber: Any = None, account: Any = None, services: Any = None,
         password: Any = None, balance: Any = None, parent: QObject | None = None) -> Actions:  # fmt: skip
    """Connect the given tabs' signals to a new :class:`Actions` (any tab may be left out)."""
    actions = Actions(ctx, parent)
    if subscriber is not None:
        subscriber.changeSmsRequested.connect(actions.change_sms)
        subscriber.changeEmailRequested.connect(actions.change_email)
    if account is not None:
        account.creditRequested.connect(actions.take_credit)
        account.payRequested.connect(actions.pay)
    if services is not None:
        services.serviceActivated.connect(actions.open_service)
        services.newServiceRequested.connect(actions.new_service)
    if password is not None:
        actions.attach_password(password)
    if balance is not None:
        balance.receiptRequested.connect(actions.receipt)
    return actions


def install(window: Any) -> Actions:
    """The main window's hook: wire its tabs and keep the :class:`Actions` as ``window.actions``."""
    actions = wire(
        window.ctx,
        subscriber=window.subscriber,
        account=window.account,
        services=window.services,
        password=window.password,
        balance=window.balance,
        parent=window,
    )
    window.actions = actions
    return actions


def demo_dialogs(ctx: TabContext, clock: Clock = system_now) -> list[tuple[str, QWidget]]:
    """Every dialog of the actions, built over the current state, for the screenshot tool.

    Some load their tables through the worker: wait until ``ctx.worker.busy`` is False before
    grabbing. The caller closes them (``widget.close()``).
    """
    from .confirm import ConfirmDialog
    from .contacts import EMAIL, SMS, ContactsDialog
    from .credit import CreditDialog
    from .discounts import DiscountDialog
    from .new_service import NewServiceDialog
    from .service import ServiceDialog
    from .tariffs import TariffDialog

    state = ctx.state
    number = state.selected_account
    shown: list[tuple[str, QWidget]] = []
    sms = ContactsDialog(ctx, SMS)
    sms.edit.setText("+7 (910) 123-45-67")
    shown.append(("contacts_sms", sms))
    bad = ContactsDialog(ctx, SMS)
    bad.edit.setText("8 910 12")
    shown.append(("contacts_sms_bad", bad))
    email = ContactsDialog(ctx, EMAIL)
    email.edit.setText("ivanov@mail")
    shown.append(("contacts_email_bad", email))
    shown.append(("credit", CreditDialog(ctx, number, clock=clock)))
    shown.append(("new_service", NewServiceDialog(ctx, number, clock=clock)))
    for service in state.services_of(number) or []:
        shown.append((f"service_{service.id}", ServiceDialog(ctx, number, service)))
        if service.actions.change_tariff.allowed or service.actions.change_tariff.reason:
            shown.append((f"tariffs_{service.id}", TariffDialog(ctx, number, service)))
        for key, extend in (("discount", False), ("extend_discount", True)):
            if getattr(service.actions, key).allowed:  # a disabled button opens nothing
                shown.append((f"{key}_{service.id}", DiscountDialog(ctx, number, service, extend=extend)))
    shown.append(
        (
            "confirm",
            ConfirmDialog(
                ctx,
                translate("Rules", "Заблокировать"),
                translate(
                    "Actions", "Услуга будет переведена в добровольную блокировку сразу после подтверждения."
                ),
                translate("Rules", "Заблокировать"),
                lambda _client, _key: None,
            ),
        )
    )
    return shown


__all__ = ["Actions", "demo_dialogs", "install", "wire"]
