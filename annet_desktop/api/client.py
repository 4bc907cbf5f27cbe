"""CabinetClient: the typed Cabinet API client (one requests.Session, one method per endpoint).

Manners, in one place: connect/read timeouts (5 s / 30 s), retries with backoff for idempotent
GETs only, a fresh ``Idempotency-Key`` on every change (or the caller's, to repeat one safely),
TLS verified, and every failure mapped to the :mod:`~annet_desktop.api.errors` tree.

Not thread-safe, like the ``requests.Session`` it owns: the app's one API thread owns it
(``annet_desktop.worker``). ``thread_guard``, when set, is called before every request so the app
can assert that the GUI thread never touches the network.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any, TypeVar
from urllib.parse import quote

import requests
from pydantic import BaseModel, TypeAdapter, ValidationError

from annet_contract.schema import (
    API_PREFIX,
    IDEMPOTENCY_HEADER,
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
    Forecast,
    FieldError,
    FirstCharge,
    JournalEntry,
    Me,
    Page,
    PasswordChange,
    PaymentCreate,
    PaymentOrder,
    Problem,
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

log = logging.getLogger(__name__)

M = TypeVar("M", bound=BaseModel)

#: (connect, read) seconds
DEFAULT_TIMEOUT = (5.0, 30.0)
USER_AGENT = "AnnetDesktop/0.1"

_UNSET: Any = object()

#: failures worth another try of a GET: no connection, no answer in time, an answer cut short
_RETRYABLE = (requests.ConnectionError, requests.Timeout, requests.exceptions.ChunkedEncodingError)

_SERVICES = TypeAdapter(list[Service])
_CATALOG = TypeAdapter(list[CatalogItem])

_CODE_TO_ERROR: dict[ErrorCode, type[errors.ApiError]] = {
    ErrorCode.AUTH_DENIED: errors.AuthFailed,
    ErrorCode.AUTH_THROTTLED: errors.Throttled,
    ErrorCode.AUTH_REQUIRED: errors.SessionExpired,
    ErrorCode.SESSION_EXPIRED: errors.SessionExpired,
    ErrorCode.NOT_FOUND: errors.NotFound,
    ErrorCode.VALIDATION: errors.ValidationFailed,
    ErrorCode.IDEMPOTENCY_MISMATCH: errors.ValidationFailed,
    ErrorCode.INTERNAL: errors.ServerError,
}


def _segment(value: str | int) -> str:
    """One URL path segment, quoted so no input can change the path."""
    return quote(str(value), safe="")


class CabinetClient:
    """Typed access to the Cabinet API of one server for one subscriber session at a time."""

    def __init__(
        self,
        base_url: str,
        *,
        language: str = "ru",
        verify: bool | str = True,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
        retries: int = 3,
        backoff: float = 0.25,
        session: requests.Session | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.language = language
        self.timeout = timeout
        self.retries = max(1, retries)
        self.backoff = backoff
        self.token: str | None = None
        self.thread_guard: Callable[[], None] | None = None
        self._http = session or requests.Session()
        self._http.verify = verify
        self._http.trust_env = False  # no proxy or netrc surprises; explicit settings only
        self._http.headers.update(
            {"User-Agent": USER_AGENT, "Accept": "application/json", "Accept-Encoding": "gzip"}
        )

    # ------------------------------------------------------------------ plumbing

    def close(self) -> None:
        """Release the connection pool."""
        self._http.close()

    def _headers(self, idempotency_key: str | None) -> dict[str, str]:
        headers = {"Accept-Language": self.language}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        if idempotency_key:
            headers[IDEMPOTENCY_HEADER] = idempotency_key
        return headers

    def request(
        self,
        method: str,
        path: str,
        *,
        body: BaseModel | None = None,
        params: dict[str, Any] | None = None,
        idempotency_key: str | None = None,
    ) -> requests.Response:
        """Send one request and return the successful response, or raise an ``ApiError``.

        GETs are retried on network failures and 502/503/504 with exponential backoff; any
        other method is sent once, with an ``Idempotency-Key`` (a new one unless given).
        """
        if self.thread_guard is not None:
            self.thread_guard()
        idempotent = method == "GET"
        if not idempotent and idempotency_key is None:
            idempotency_key = str(uuid.uuid4())
        data = None
        headers = self._headers(idempotency_key)
        if body is not None:
            data = body.model_dump_json(exclude_unset=True).encode()
            headers["Content-Type"] = "application/json"
        url = f"{self.base_url}{API_PREFIX}{path}"
        attempts = self.retries if idempotent else 1
        for attempt in range(1, attempts + 1):
            try:
                response = self._http.request(
                    method, url, data=data, params=params, headers=headers, timeout=self.timeout
                )
            except requests.exceptions.SSLError as exc:
                raise errors.NetworkError(
                    "Не удалось установить защищённое соединение с сервером: сертификат не прошёл проверку.",
                    debug=f"{method} {path}: {type(exc).__name__}",
                ) from None
            except requests.exceptions.ContentDecodingError as exc:
                # a body that does not decode (broken gzip) is not the contract
                raise errors.BadResponse(debug=f"{method} {path}: {type(exc).__name__}") from None
            except _RETRYABLE as exc:
                # ChunkedEncodingError: the connection broke while the body was read (cut short)
                if attempt < attempts:
                    self._sleep(attempt)
                    continue
                raise errors.NetworkError(debug=f"{method} {path}: {type(exc).__name__}") from None
            except requests.RequestException as exc:
                raise errors.NetworkError(debug=f"{method} {path}: {type(exc).__name__}") from None
            if response.status_code in (502, 503, 504) and attempt < attempts:
                self._sleep(attempt)
                continue
            if response.status_code >= 400:
                raise self._error(response, method, path)
            log.debug("%s %s → %s", method, path, response.status_code)
            return response
        raise AssertionError("unreachable")  # pragma: no cover

    def _sleep(self, attempt: int) -> None:
        time.sleep(self.backoff * (2 ** (attempt - 1)))

    def _error(self, response: requests.Response, method: str, path: str) -> errors.ApiError:
        status = response.status_code
        debug = f"{method} {path} → {status}"
        try:
            problem = Problem.model_validate_json(response.content)
        except ValidationError:
            problem = None
        if problem is None:
            if status >= 500:
                return errors.ServerError(status=status, debug=debug)
            if status == 401:
                return errors.SessionExpired(status=status, debug=debug)
            if status == 404:
                return errors.NotFound(status=status, debug=debug)
            return errors.BadResponse(status=status, debug=debug)
        if problem.code is ErrorCode.AUTH_THROTTLED:
            retry_after = problem.retry_after or _int_or(response.headers.get("Retry-After"), 60)
            return errors.Throttled(
                problem.detail, retry_after=retry_after, code=problem.code, status=status, debug=debug
            )
        cls = _CODE_TO_ERROR.get(problem.code)
        if cls is None:
            cls = errors.ServerError if status >= 500 else errors.RuleViolation
        return cls(problem.detail, code=problem.code, status=status, errors=problem.errors, debug=debug)

    def _parse(self, model: type[M], response: requests.Response) -> M:
        try:
            return model.model_validate_json(response.content)
        except ValidationError as exc:
            raise errors.BadResponse(debug=f"{model.__name__}: {exc.error_count()} errors") from None

    def _parse_adapter(self, adapter: TypeAdapter[Any], response: requests.Response) -> Any:
        try:
            return adapter.validate_json(response.content)
        except ValidationError as exc:
            raise errors.BadResponse(debug=f"{adapter}: {exc.error_count()} errors") from None

    def _get(self, model: type[M], path: str, params: dict[str, Any] | None = None) -> M:
        return self._parse(model, self.request("GET", path, params=params))

    def _change(
        self,
        model: type[M],
        method: str,
        path: str,
        body: BaseModel | None = None,
        idempotency_key: str | None = None,
    ) -> M:
        response = self.request(method, path, body=body, idempotency_key=idempotency_key)
        return self._parse(model, response)

    @staticmethod
    def _acc(number: str) -> str:
        return f"/accounts/{_segment(number)}"

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
        path = (
            f"{self._acc(number)}/catalog/{_segment(catalog_id)}/tariffs/{_segment(tariff_id)}/first-charge"
        )
        return self._get(FirstCharge, path)

    def add_service(
        self, number: str, catalog_id: int, tariff_id: int, idempotency_key: str | None = None
    ) -> ServiceCreated:
        body = _body(ServiceCreate, catalog_id=catalog_id, tariff_id=tariff_id)
        return self._change(ServiceCreated, "POST", f"{self._acc(number)}/services", body, idempotency_key)

    def _svc(self, number: str, service_id: int) -> str:
        return f"{self._acc(number)}/services/{_segment(service_id)}"

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
        path = f"{self._svc(number, service_id)}/tariffs/{_segment(tariff_id)}/quote"
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
        return self._get(PaymentOrder, f"{self._acc(number)}/payments/{_segment(order_number)}")


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


def _int_or(value: str | None, default: int) -> int:
    try:
        return max(1, int(value)) if value is not None else default
    except ValueError:
        return default
