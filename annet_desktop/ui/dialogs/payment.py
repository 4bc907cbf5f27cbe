"""«Оплатить»: the amount, then the provider's payment pages in a hardened embedded web view (R-PAY).

The dialog asks for the amount (the recommended payment prefilled, 1 ₽ … 100 000 ₽, kopecks
allowed; :mod:`annet_contract.payment_amount`), creates the order on the server through the
worker and opens the order's ``payment_url`` in a ``QWebEngineView``. Qt WebEngine is imported
only when a page opens (:mod:`.payment_web`, loaded by :func:`_web`), so the app starts without it.
The widgets of the amount page and of the address line are built by :mod:`.payment_form`.

The web view is built to be safe on the real Assist pages (R-PAY-5):

* an off-the-record :class:`QWebEngineProfile` of its own, created for this dialog and destroyed
  with it (the page first, then the profile): no cookies, cache or card data survive. They are
  made when «Продолжить» is pressed and the page's renderer process starts then, while the
  order is being created (:meth:`PaymentDialog.prepare_page`), not once the order is back;
* main-frame navigation only to ``https`` (and plain ``http`` only from the embedded demo server
  that ``--demo`` started, ``ctx.demo_origin``: its payment sandbox; any other http page is
  blocked and the address line shows it as not secure), enforced twice:
  :meth:`GuardedPage.acceptNavigationRequest` and a request interceptor;
  ``file:``, ``data:`` and every other scheme are refused; 3-D Secure bank hosts are not listed,
  any https host is fine;
* certificate errors are rejected; ``window.open`` gives ``null``; no local file access, no
  navigation on drop, no QWebChannel; every permission request is denied; downloads are refused;
  the page's console messages are dropped (they could carry what the payer typed);
* an address line over the page: the current host, a lock for https, «Открыть в браузере»
  (the same page in the system browser — the way for Apple Pay and Google Pay);
* the return address is caught before it loads: the dialog closes and :class:`PaymentWatcher`
  asks the server for the order's state (the return address alone never counts as paid), refreshes
  the account, balance and journal and shows the result with the order and payment numbers; for a
  financially blocked account it adds that services come back within 1–10 minutes (R-PAY-4).
  Closing the dialog midway leaves the order pending; the watcher asks for its state once more —
  or, after «Открыть в браузере», keeps asking for up to 30 minutes and says when it is paid.

``open_payment(ctx, number, amount=None, parent=None)`` is the entry point (``Actions.pay`` of
:mod:`.actions` uses it); ``open_payment_dialog(ctx, account)`` takes an account number or object.
"""

from __future__ import annotations

import logging
import os
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from annet_contract.money import format_money
from annet_contract.payment_amount import AmountError, check_amount

from ...domain.urls import allowed_page, return_urls, same_endpoint
from ...worker import Priority
from ..widgets.fit import fit_screen, grow_to_fit
from ..widgets.naming import named
from .base import ERROR_COLOR, WARNING_COLOR, OnceButton, new_key, set_note
from .payment_form import build_address_bar, build_amount_page
from .payment_watcher import PaymentWatcher, _t

if TYPE_CHECKING:
    from ..tabs.context import TabContext

log = logging.getLogger(__name__)


#: the amount messages of :mod:`annet_contract.payment_amount`, for lupdate (translated by _t)
_AMOUNT_MESSAGES = (
    QT_TRANSLATE_NOOP("PaymentDialog", "Введите сумму платежа."),
    QT_TRANSLATE_NOOP("PaymentDialog", "Сумма — число рублей с копейками через запятую, например 499,90."),
    QT_TRANSLATE_NOOP("PaymentDialog", "Минимальная сумма платежа — 1 ₽."),
    QT_TRANSLATE_NOOP("PaymentDialog", "Максимальная сумма платежа — 100 000 ₽."),
)


def open_in_browser(url: QUrl) -> bool:
    """Open ``url`` in the system browser."""
    return bool(QDesktopServices.openUrl(url))


# --------------------------------------------------------------------------- Qt WebEngine (lazy)


def _web() -> Any:
    """Import Qt WebEngine and its guarded classes (:mod:`.payment_web`; first payment page only)."""
    if hasattr(os, "geteuid") and os.geteuid() == 0 and not os.environ.get("QTWEBENGINE_DISABLE_SANDBOX"):
        # Chromium refuses to run as root with its sandbox on (containers, live systems)
        log.warning("running as root: the web view's Chromium sandbox is off")
        os.environ["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
    from . import payment_web

    return payment_web


# --------------------------------------------------------------------------- the dialog


class PaymentDialog(QDialog):
    """Amount → «Продолжить» → the payment pages in a hardened web view → the server's word."""

    #: the order was created (schema.PaymentOrder)
    orderCreated = Signal(object)
    #: the return address was caught (ok address or not); the dialog then closes
    returned = Signal(bool)

    # built by payment_form: the amount page …
    amount: QLineEdit
    note: QLabel
    block_note: QLabel
    error: QLabel
    continue_description: str
    continue_button: OnceButton
    cancel_button: QPushButton
    # … and the address line over the web view
    lock: QLabel
    address: QLineEdit
    browser_button: QPushButton
    page_note: QLabel

    def __init__(
        self, ctx: TabContext, number: str, amount: Decimal | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent if parent is not None else ctx.window)
        self.ctx = ctx
        self.number = number
        self.order: Any = None
        self.key = new_key()
        self.return_caught: bool | None = None
        #: «Открыть в браузере» was used: a pending order is followed, not «прервана»
        self.opened_in_browser = False
        self.watcher: PaymentWatcher | None = None
        self.profile: Any = None
        self.page: Any = None
        self.view: Any = None
        self.interceptor: Any = None
        self._finished = False
        self.secure = False
        account = ctx.state.account(number)
        self.financial_block = bool(getattr(account, "financial_block", False))
        named(self, "payment_dialog", self.tr("Оплатить"))
        self.setWindowTitle(self.tr("Оплата — счёт {account}").format(account=number))
        self.setMinimumWidth(440)

        layout = QVBoxLayout(self)
        self.stack = QStackedWidget(self)
        layout.addWidget(self.stack)
        self.stack.addWidget(self._amount_page(account, amount))
        self.web_page = QWidget(self)
        self.web_layout = QVBoxLayout(self.web_page)
        self.web_layout.setContentsMargins(0, 0, 0, 0)
        self.web_layout.addLayout(self._address_bar())
        self.stack.addWidget(self.web_page)

    # ------------------------------------------------------------------ amount
    def _amount_page(self, account: Any, amount: Decimal | None) -> QWidget:
        page = build_amount_page(self, account, amount)
        self.continue_button.fired.connect(self._continue)
        self.cancel_button.clicked.connect(self.reject)
        self.amount.textChanged.connect(self._check_amount)
        self._check_amount(self.amount.text())
        return page

    def _check_amount(self, text: str) -> Decimal | None:
        """The amount typed so far, checked as it is typed: «Продолжить» is on only for an amount
        that can be paid; otherwise the reason stands under the field and in the button's tooltip
        (an empty field only in the tooltip until something is typed). The one rule of the app and
        the server: :func:`annet_contract.payment_amount.check_amount`."""
        try:
            amount = check_amount(text)
        except AmountError as err:
            reason = _t(err.message)
            set_note(self.error, reason if text else "", ERROR_COLOR)
            grow_to_fit(self)
            self.continue_button.setToolTip(reason)
            self.continue_button.setAccessibleDescription(reason)
            self.continue_button.setEnabled(False)
            return None
        set_note(self.error, "")
        self.continue_button.setToolTip("")
        self.continue_button.setAccessibleDescription(self.continue_description)
        self.continue_button.setEnabled(self.continue_button.armed and not self.amount.isReadOnly())
        return amount

    def _block_text(self, account: Any) -> str:
        """R-BILL-4: the services come back only once the block is lifted; say what lifts it."""
        missing = max(Decimal(0), -Decimal(getattr(account, "balance", 0)))
        return self.tr(
            "Оплата доступна и при финансовой блокировке. Блокировка снимется, когда баланс станет "
            "не меньше нуля: для этого нужно внести не меньше {missing}. После такой оплаты услуги "
            "возобновятся в течение 1–10 минут."
        ).format(missing=format_money(missing))

    def _continue(self) -> None:
        amount = self._check_amount(self.amount.text())
        if amount is None:  # the button is off then; Enter in the field can still get here
            set_note(self.error, self.continue_button.toolTip(), ERROR_COLOR)
            self.continue_button.rearm(enabled=False)
            self.amount.setFocus()
            return
        self.amount.setReadOnly(True)
        reply = self.ctx.worker.submit(_create_payment, self.number, amount, self.key, priority=Priority.USER)
        self._create_reply = reply
        reply.then(self, self._created, self._create_failed)
        self.prepare_page()  # its renderer process starts while the order is being created

    def _create_failed(self, error: Any) -> None:
        self.amount.setReadOnly(False)
        self.ctx.messages.error(error, parent=self)
        self.continue_button.rearm(enabled=self._check_amount(self.amount.text()) is not None)

    def _created(self, order: Any) -> None:
        if self._finished:  # closed while the order was being created: poll it once
            self.order = order
            self._watch(closed_midway=True)
            return
        self.order = order
        self.orderCreated.emit(order)
        self.open_page(QUrl(order.payment_url), return_urls(order.payment_url))

    # ------------------------------------------------------------------ web view
    def _address_bar(self) -> QHBoxLayout:
        bar = build_address_bar(self)
        self.browser_button.clicked.connect(self._open_in_browser)
        return bar

    def open_page(self, url: QUrl, returns: tuple[str, str] = ("", "")) -> None:
        """Open ``url`` in the guarded web view; ``returns``: the return addresses to catch."""
        self.prepare_view(returns)
        self._show_address(url)
        self.page.load(url)

    def prepare_view(self, returns: tuple[str, str] = ("", "")) -> None:
        """Build the web view (Qt WebEngine is imported now) and show it in place of the amount."""
        self.prepare_page()
        self.page.returns = returns
        if self.view is None:
            web = _web()
            self.view = web.QWebEngineView(self.web_page)
            self.view.setObjectName("payment_view")
            self.view.setAccessibleName(self.tr("Страница оплаты"))
            self.view.setPage(self.page)
            self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
            self.web_layout.addWidget(self.page_note)
            self.web_layout.addWidget(self.view, 1)
        self.stack.setCurrentWidget(self.web_page)
        # room for the bank's pages, within the screen the dialog is on (1366 × 768 at 200 %: 683 × 384)
        fit_screen(self, QSize(max(self.width(), 760), max(self.height(), 820)))

    def prepare_page(self) -> None:
        """This dialog's own off-the-record profile and guarded page, once (Qt WebEngine is imported
        now), and the page's renderer process started: «Продолжить» calls it while the order is
        being created, so the renderer starts meanwhile instead of when the payment page loads."""
        if self.page is not None:
            return
        web = _web()
        origin = self.ctx.demo_origin
        self.profile, self.interceptor = web.make_profile(self, origin)
        self.page = web.GuardedPage(self.profile, ("", ""), self, origin)
        self.page.urlChanged.connect(self._show_address)
        self.page.returnReached.connect(self._on_return)
        self.page.navigationRefused.connect(self._on_refused)
        self.page.certificateRejected.connect(self._on_certificate)
        self.page.start_renderer()

    def _show_address(self, url: QUrl) -> None:
        if not url.isValid() or url.isEmpty():
            return
        host = url.host() + (f":{url.port()}" if url.port() > 0 else "")
        secure = url.scheme() == "https"
        self.address.setText(host)
        self.address.setToolTip(f"{url.scheme()}://{host}{url.path()}")
        if secure:
            self.lock.setText(self.tr("🔒 Защищено"))
            self.lock.setToolTip(self.tr("Защищённое соединение (https)"))
            self.lock.setAccessibleName(self.tr("Защищённое соединение"))
        else:
            self.lock.setText(self.tr("⚠ Не защищено"))
            self.lock.setToolTip(self.tr("Соединение не защищено (http)"))
            self.lock.setAccessibleName(self.tr("Соединение не защищено"))
        self.secure = secure

    def _on_refused(self, url: QUrl) -> None:
        if url.scheme() == "http":  # plain http, and not from the embedded demo server
            self._show_address(url)
            text = self.tr(
                "Страница {host} не защищена (http) и заблокирована: оплата только по защищённому соединению."
            ).format(host=url.host() + (f":{url.port()}" if url.port() > 0 else ""))
            set_note(self.page_note, text, ERROR_COLOR)
            return
        set_note(
            self.page_note,
            self.tr("Переход по ссылке «{scheme}:» заблокирован.").format(scheme=url.scheme()),
            WARNING_COLOR,
        )

    def _on_certificate(self, url: QUrl) -> None:
        set_note(
            self.page_note,
            self.tr("Сертификат сайта {host} недействителен — страница не открыта.").format(host=url.host()),
            ERROR_COLOR,
        )

    def _open_in_browser(self) -> None:
        if self.page is None:
            return
        url = self.page.shareable_url if not self.page.shareable_url.isEmpty() else self.page.url()
        if url.isValid() and allowed_page(url.toString(), self.ctx.demo_origin):
            self.opened_in_browser = open_in_browser(url) or self.opened_in_browser

    def _on_return(self, url: QUrl) -> None:
        ok = self.page is not None and same_endpoint(url.toString(), self.page.returns[0])
        self.return_caught = ok
        self.returned.emit(ok)
        QTimer.singleShot(0, self.accept)

    # ------------------------------------------------------------------ closing
    def done(self, result: int) -> None:
        """Close: tear the web view down (page before profile) and let the watcher ask the server."""
        if not self._finished:
            self._finished = True
            self._teardown_web()
            if self.order is not None:
                self._watch(closed_midway=self.return_caught is None)
        super().done(result)

    def _watch(self, *, closed_midway: bool) -> None:
        if self.watcher is None:
            self.watcher = PaymentWatcher(
                self.ctx, self.number, self.order, self.financial_block, closed_midway,
                browser=self.opened_in_browser,
            )  # fmt: skip
            self.watcher.start()

    def _teardown_web(self) -> None:
        view, page, profile = self.view, self.page, self.profile
        self.view = self.page = self.profile = self.interceptor = None
        if profile is None:  # nothing of Qt WebEngine was made (prepare_page makes page and profile)
            return
        import shiboken6

        page.returnReached.disconnect(self._on_return)
        if view is not None:  # none yet when closed while the order was being created
            view.hide()
            self.web_layout.removeWidget(view)
            shiboken6.delete(view)  # the view does not own the page (its parent is the dialog)
        shiboken6.delete(page)  # the page goes before its profile
        shiboken6.delete(profile)


def _create_payment(client: Any, number: str, amount: Decimal, key: str) -> Any:
    return client.create_payment(number, amount, idempotency_key=key)


# --------------------------------------------------------------------------- entry points


def open_payment(
    ctx: TabContext, number: str, amount: Decimal | None = None, parent: QWidget | None = None
) -> PaymentDialog:
    """Open the payment dialog for account ``number`` (``amount`` prefilled, else the recommended)."""
    dialog = PaymentDialog(ctx, number, amount, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()
    dialog.amount.setFocus()
    return dialog


def open_payment_dialog(ctx: TabContext, account: Any) -> PaymentDialog:
    """«Оплатить» of the account tab: ``account`` is a number or an ``Account``."""
    number = account if isinstance(account, str) else account.number
    return open_payment(ctx, number)
