"""CabinetClient: the typed Cabinet API client (one requests.Session, one method per endpoint).

How one request is sent — deadline, timeouts, retries of GETs only, an ``Idempotency-Key`` on every
change, TLS verified, no redirects, a capped answer, failures mapped to the
:mod:`~annet_desktop.api.errors` tree — is :class:`~annet_desktop.api.client_base.ClientBase`.

Not thread-safe, like the ``requests.Session`` it owns: the app's one API thread owns it
(``annet_desktop.worker``) — except :meth:`CabinetClient.abort` and :meth:`CabinetClient.interrupt`,
which other threads call to cut the request in flight short. ``thread_guard``, when set, is
called before every request so the app can assert that the GUI thread never touches the network.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from annet_contract.schema import (
    Account,
    BalanceEntry,
    BlockQuote,
    CallsPage,
    CallsSummary,
    CatalogItem,
    ContactsUpdate,
    CreditOut,
    DiscountOffers,
    DiscountTake,
    DiscountTaken,
    ErrorCode,
    FieldError,
    FirstCharge,
    Forecast,
    JournalEntry,
    Me,
    Page,
    PasswordChange,
    PaymentCreate,
    PaymentOrder,
    Receipt,
    Service,
    ServiceCreate,
    ServiceCreated,
    SessionCreate,
    SessionOut,
    TariffChange,
    TariffChangeQuote,
    TariffOptions,
    UnblockQuote,
)

from . import errors
from .client_base import DEFAULT_DEADLINE, DEFAULT_TIMEOUT, USER_AGENT, ClientBase, segment

__all__ = ["DEFAULT_DEADLINE", "DEFAULT_TIMEOUT", "USER_AGENT", "CabinetClient"]

M = TypeVar("M", bound=BaseModel)

_UNSET: Any = object()

_SERVICES = TypeAdapter(list[Service])
_CATALOG = TypeAdapter(list[CatalogItem])


class CabinetClient(ClientBase):
    """Typed access to the Cabinet API of one server for one subscriber session at a time."""

    # ------------------------------------------------------------------ session

    def login(self, account: str, password: str) -> SessionOut:
        """Open a session (R-LOGIN-1); the token is kept for the following calls."""
        try:
            body = SessionCreate(account=account, password=password)
        except ValidationError:
            raise errors.AuthFailed() from None  # a malformed number is just a wrong number
        out = self._change(SessionOut, "POST", "/session", body)
        self.token = out.token
        return out

    def logout(self) -> None:
        """Revoke the session on the server (best effort) and forget the token."""
        if not self.token:
            return
        try:
            self.request("DELETE", "/session")
        except (errors.SessionExpired, errors.NetworkError, errors.ServerError):
            pass
        finally:
            self.token = None

    # ------------------------------------------------------------------ subscriber

    def me(self) -> Me:
        return self._get(Me, "/me")

    def update_contacts(
        self,
        *,
        sms_phone: str | None = _UNSET,
        email: str | None = _UNSET,
        idempotency_key: str | None = None,
    ) -> Me:
        """Change the SMS number and/or e-mail; ``None`` clears one, an omitted one stays."""
        fields: dict[str, str | None] = {}
        if sms_phone is not _UNSET:
            fields["sms_phone"] = sms_phone
        if email is not _UNSET:
            fields["email"] = email
        return self._change(Me, "PUT", "/me/contacts", _body(ContactsUpdate, **fields), idempotency_key)

    def change_password(
        self, current_password: str, new_password: str, *, idempotency_key: str | None = None
    ) -> None:
        """Change the password (R-PWD); every other session of the subscriber is revoked.

        ``idempotency_key``: one per form submission (the caller keeps it for a retry of that
        submission), so a retry after a lost answer gets the first answer again instead of
        «wrong current password»; a fresh key when not given.
        """
        try:
            body = PasswordChange(current_password=current_password, new_password=new_password)
        except ValidationError:
            raise errors.ValidationFailed("Пароль не может быть пустым.", code=ErrorCode.VALIDATION) from None
        self.request("PUT", "/me/password", body=body, idempotency_key=idempotency_key)

    # ------------------------------------------------------------------ account

    def account(self, number: str) -> Account:
        return self._get(Account, self._acc(number))

    def forecast(self, number: str) -> Forecast:
        """The next charge, how long the money lasts and the coming events of the account."""
        return self._get(Forecast, f"{self._acc(number)}/forecast")

    def take_credit(self, number: str, idempotency_key: str | None = None) -> CreditOut:
        return self._change(CreditOut, "POST", f"{self._acc(number)}/credit", None, idempotency_key)

    # ------------------------------------------------------------------ services

    def services(self, number: str) -> list[Service]:
        return self._parse_adapter(_SERVICES, self.request("GET", f"{self._acc(number)}/services"))  # type: ignore[no-any-return]

    def catalog(self, number: str) -> list[CatalogItem]:
        return self._parse_adapter(_CATALOG, self.request("GET", f"{self._acc(number)}/catalog"))  # type: ignore[no-any-return]

    def first_charge(self, number: str, catalog_id: int, tariff_id: int) -> FirstCharge:
        path = f"{self._acc(number)}/catalog/{segment(catalog_id)}/tariffs/{segment(tariff_id)}/first-charge"
        return self._get(FirstCharge, path)

    def add_service(
        self, number: str, catalog_id: int, tariff_id: int, idempotency_key: str | None = None
    ) -> ServiceCreated:
        body = _body(ServiceCreate, catalog_id=catalog_id, tariff_id=tariff_id)
        return self._change(ServiceCreated, "POST", f"{self._acc(number)}/services", body, idempotency_key)

    def _svc(self, number: str, service_id: int) -> str:
        return f"{self._acc(number)}/services/{segment(service_id)}"

    def tariffs(self, number: str, service_id: int) -> TariffOptions:
        return self._get(TariffOptions, f"{self._svc(number, service_id)}/tariffs")

    def change_tariff(
        self, number: str, service_id: int, tariff_id: int, idempotency_key: str | None = None
    ) -> Service:
        body = _body(TariffChange, tariff_id=tariff_id)
        return self._change(Service, "PUT", f"{self._svc(number, service_id)}/tariff", body, idempotency_key)

    def block(self, number: str, service_id: int, idempotency_key: str | None = None) -> Service:
        return self._change(Service, "POST", f"{self._svc(number, service_id)}/block", None, idempotency_key)

    def unblock(self, number: str, service_id: int, idempotency_key: str | None = None) -> Service:
        return self._change(
            Service, "DELETE", f"{self._svc(number, service_id)}/block", None, idempotency_key
        )

    # quotes (R-BILL-1): what the action will do to the money, asked before the user confirms it

    def tariff_quote(self, number: str, service_id: int, tariff_id: int) -> TariffChangeQuote:
        path = f"{self._svc(number, service_id)}/tariffs/{segment(tariff_id)}/quote"
        return self._get(TariffChangeQuote, path)

    def block_quote(self, number: str, service_id: int) -> BlockQuote:
        return self._get(BlockQuote, f"{self._svc(number, service_id)}/block/quote")

    def unblock_quote(self, number: str, service_id: int) -> UnblockQuote:
        return self._get(UnblockQuote, f"{self._svc(number, service_id)}/unblock/quote")

    def discounts(self, number: str, service_id: int) -> DiscountOffers:
        return self._get(DiscountOffers, f"{self._svc(number, service_id)}/discounts")

    def take_discount(
        self, number: str, service_id: int, offer_id: int, idempotency_key: str | None = None
    ) -> DiscountTaken:
        body = _body(DiscountTake, offer_id=offer_id)
        return self._change(
            DiscountTaken, "POST", f"{self._svc(number, service_id)}/discount", body, idempotency_key
        )

    # ------------------------------------------------------------------ lists

    def balance_history(
        self, number: str, *, limit: int = 100, cursor: str | None = None
    ) -> Page[BalanceEntry]:
        params: dict[str, Any] = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        return self._get(Page[BalanceEntry], f"{self._acc(number)}/balance-history", params)

    def calls(
        self, number: str, year: int, month: int, *, limit: int = 25000, cursor: str | None = None
    ) -> CallsPage:
        params: dict[str, Any] = {"year": year, "month": month, "limit": limit}
        if cursor:
            params["cursor"] = cursor
        return self._get(CallsPage, f"{self._acc(number)}/calls", params)

    def calls_summary(self, number: str, year: int, month: int) -> CallsSummary:
        """The month's calls by zone and direction and 12 months of cost, summed by the server."""
        return self._get(CallsSummary, f"{self._acc(number)}/calls/summary", {"year": year, "month": month})

    def iter_calls(self, number: str, year: int, month: int, *, limit: int = 25000) -> Iterator[CallsPage]:
        """Every page of the month, in order."""
        cursor: str | None = None
        while True:
            page = self.calls(number, year, month, limit=limit, cursor=cursor)
            yield page
            cursor = page.next_cursor
            if not cursor:
                return

    def journal(self, *, limit: int = 100, cursor: str | None = None) -> Page[JournalEntry]:
        params: dict[str, Any] = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        return self._get(Page[JournalEntry], "/journal", params)

    # ------------------------------------------------------------------ payments

    def create_payment(
        self, number: str, amount: Decimal, idempotency_key: str | None = None
    ) -> PaymentOrder:
        """Create a payment order (R-PAY-1); open ``payment_url`` to pay it."""
        try:
            body = PaymentCreate(amount=amount)
        except ValidationError:
            raise errors.ValidationFailed("Неверная сумма платежа.", code=ErrorCode.PAYMENT_AMOUNT) from None
        return self._change(PaymentOrder, "POST", f"{self._acc(number)}/payments", body, idempotency_key)

    def payment(self, number: str, order_number: str) -> PaymentOrder:
        """The order's state as the server knows it: the only word on whether it was paid."""
        return self._get(PaymentOrder, f"{self._acc(number)}/payments/{segment(order_number)}")

    def receipt(self, number: str, order_number: str) -> Receipt:
        """The 54-FZ receipt of a paid online payment (``NotFound`` for anything else)."""
        return self._get(Receipt, f"{self._acc(number)}/payments/{segment(order_number)}/receipt")


def _body(model: type[M], **fields: Any) -> M:
    """A request body, or ``ValidationFailed`` with a message per field when a value cannot be sent."""
    try:
        return model(**fields)
    except ValidationError as exc:
        field_errors = [
            FieldError(field=".".join(str(p) for p in e["loc"]) or "body", message="Неверное значение.")
            for e in exc.errors()
        ]
        raise errors.ValidationFailed(
            "Проверьте введённые данные.", code=ErrorCode.VALIDATION, errors=field_errors
        ) from None
