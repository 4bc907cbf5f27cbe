"""The ApiError tree: every way a Cabinet API call can fail, as one typed exception each.

``str(error)`` is always safe to show to the subscriber: it is the server's own ``detail`` or a
fixed sentence of ours, never a URL with a token, a password or a traceback. Technical detail for
the log goes into ``error.debug``.
"""

from __future__ import annotations

from annet_contract.schema import ErrorCode, FieldError


class ApiError(Exception):
    """Base of every API failure; ``str()`` is the message for the user."""

    #: a fixed message used when the server said nothing we can show
    default_message = "Ошибка обращения к серверу."

    def __init__(
        self,
        message: str | None = None,
        *,
        code: ErrorCode | None = None,
        status: int | None = None,
        errors: list[FieldError] | None = None,
        debug: str = "",
    ) -> None:
        super().__init__(message or self.default_message)
        self.message = message or self.default_message
        self.code = code
        self.status = status
        self.errors = list(errors or [])
        self.debug = debug

    def __str__(self) -> str:
        return self.message


class AuthFailed(ApiError):
    """Wrong account number or password: «Доступ запрещён» (R-LOGIN-2)."""

    default_message = "Доступ запрещён"


class SessionExpired(ApiError):
    """The session ended (idle, absolute limit, logout elsewhere): log in again (R-LOGIN-4)."""

    default_message = "Сеанс завершён. Войдите снова."


class Throttled(ApiError):
    """Too many attempts (R-LOGIN-3); ``retry_after`` seconds until the next try is accepted."""

    default_message = "Слишком много попыток. Повторите позже."

    def __init__(self, message: str | None = None, *, retry_after: int = 60, **kwargs: object) -> None:
        super().__init__(message, **kwargs)  # type: ignore[arg-type]
        self.retry_after = retry_after


class RuleViolation(ApiError):
    """A rule of the cabinet refused the action; ``detail`` is the server's words to show as is."""

    @property
    def detail(self) -> str:
        return self.message


class ValidationFailed(RuleViolation):
    """Bad input (422): ``errors`` holds a message per field."""


class NotFound(ApiError):
    """The thing asked for does not exist for this subscriber (404)."""

    default_message = "Не найдено."


class NetworkError(ApiError):
    """The server could not be reached or the connection broke (DNS, refused, TLS, timeout)."""

    default_message = "Сервер недоступен. Проверьте подключение к интернету."


class Interrupted(NetworkError):
    """A background read was cut short so that a user action could go first; the worker runs it
    again afterwards, so this one is never shown."""


class ServerError(ApiError):
    """The server failed (5xx)."""

    default_message = "Сервер временно не может выполнить запрос. Повторите позже."


class BadResponse(ApiError):
    """The server answered something that is not the contract (garbage, truncated, wrong shape)."""

    default_message = "Сервер прислал неверный ответ. Повторите позже."
