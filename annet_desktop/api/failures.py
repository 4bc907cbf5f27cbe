"""What a failed Cabinet API call becomes: one exception of the :mod:`.errors` tree.

:func:`no_answer` for a request that got no usable answer (no connection, cut short, TLS, a body
too large or undecodable); :func:`from_response` for an answer of status 400 or more (the
server's problem+json, or a bare status). The exception texts of ``requests`` are never kept:
they may carry the address; ``debug`` holds the method, path and exception name only.
"""

from __future__ import annotations

import requests
from pydantic import ValidationError
from urllib3.exceptions import ReadTimeoutError

from annet_contract.schema import ErrorCode, Problem

from . import errors
from .transport import BodyTooLarge, Cut, CutShort

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


def no_answer(exc: Exception, what: str) -> errors.ApiError:
    """The ``ApiError`` for a request that got no usable answer (the exception is not kept: its
    text may carry the address)."""
    name = type(exc).__name__
    if isinstance(exc, CutShort):
        if exc.reason is Cut.DEADLINE:
            return errors.NetworkError(debug=f"{what}: deadline")
        if exc.reason is Cut.INTERRUPTED:
            return errors.Interrupted(debug=f"{what}: interrupted")
        return errors.NetworkError(debug=f"{what}: aborted")
    if isinstance(exc, BodyTooLarge):
        return errors.BadResponse(debug=f"{what}: body larger than allowed")
    if isinstance(exc, requests.exceptions.SSLError):
        return errors.NetworkError(
            "Не удалось установить защищённое соединение с сервером: сертификат не прошёл проверку.",
            debug=f"{what}: {name}",
        )
    if isinstance(exc, requests.exceptions.ContentDecodingError):
        # a body that does not decode (broken gzip) is not the contract
        return errors.BadResponse(debug=f"{what}: {name}")
    if isinstance(exc, (requests.RequestException, OSError)):
        return errors.NetworkError(debug=f"{what}: {name}")
    raise exc


def retryable(exc: Exception) -> bool:
    """Is a GET that failed so worth another try: a refused or dropped connection, or an answer
    cut short on the wire — not a read timeout (the server is slow: asking again only makes the
    user wait longer), not TLS, not a request cut short on purpose."""
    if isinstance(exc, requests.exceptions.SSLError):
        return False
    if isinstance(exc, requests.exceptions.ChunkedEncodingError):
        return True
    if isinstance(exc, requests.ConnectionError):
        return not any(isinstance(arg, ReadTimeoutError) for arg in exc.args)
    return False


def from_response(response: requests.Response, what: str) -> errors.ApiError:
    """The error for an answer with status 400 or more (``what``: "METHOD /path")."""
    status = response.status_code
    debug = f"{what} → {status}"
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


def _int_or(value: str | None, default: int) -> int:
    try:
        return max(1, int(value)) if value is not None else default
    except ValueError:
        return default
