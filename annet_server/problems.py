"""RFC 9457 problem documents: the one place where every failure becomes ``application/problem+json``.

Every answer >= 400 of the server is a :class:`~annet_contract.errors.Problem` with a stable
``code`` and a ``detail`` in the caller's language (Russian by default, English with
``Accept-Language: en``). Tracebacks and request values (passwords!) never reach the body.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from sqlalchemy import exc as sa_exc
from starlette.exceptions import HTTPException as StarletteHTTPException

from annet_contract.errors import PROBLEM_MEDIA_TYPE, ErrorCode, FieldError, Problem

from . import messages

if TYPE_CHECKING:
    from .billing.refusals import RuleError

log = logging.getLogger(__name__)

#: The status each code comes with, for the HTTP layer and billing's RuleError alike (docs/api.md lists them).
STATUS: dict[ErrorCode, int] = {
    ErrorCode.AUTH_DENIED: 401,
    ErrorCode.AUTH_THROTTLED: 429,
    ErrorCode.AUTH_REQUIRED: 401,
    ErrorCode.SESSION_EXPIRED: 401,
    ErrorCode.NOT_FOUND: 404,
    ErrorCode.METHOD_NOT_ALLOWED: 405,
    ErrorCode.VALIDATION: 422,
    ErrorCode.IDEMPOTENCY_MISMATCH: 422,
    ErrorCode.CONTACTS_BAD_PHONE: 422,
    ErrorCode.CONTACTS_BAD_EMAIL: 422,
    ErrorCode.PASSWORD_WRONG_CURRENT: 422,
    ErrorCode.PASSWORD_WEAK: 422,
    ErrorCode.PASSWORD_SAME: 422,
    ErrorCode.PAYMENT_AMOUNT: 422,
    ErrorCode.TARIFF_UNKNOWN: 422,
    ErrorCode.DISCOUNT_UNKNOWN_OFFER: 422,
    ErrorCode.INTERNAL: 500,
}


#: the database errors that mean "not now" (a restart, a lost connection, a full pool, a
#: serialization conflict), answered 503 + Retry-After: nothing was changed, the client repeats
#: with the same Idempotency-Key
DATABASE_UNAVAILABLE: tuple[type[Exception], ...] = (
    sa_exc.OperationalError,
    sa_exc.InterfaceError,
    sa_exc.TimeoutError,
)
#: seconds a client waits before repeating after a 503
DB_RETRY_AFTER_S = 2


def status_of(code: ErrorCode) -> int:
    """The usual status of a code: 409 for a rule's refusal unless listed in :data:`STATUS`."""
    return STATUS.get(code, 409)


def codes_markdown() -> str:
    """The table of every code for docs/api.md: code, status, Russian detail (with its placeholders)."""
    rows = ["| code | status | detail (ru) |", "|---|---|---|"]
    for code in ErrorCode:
        text = messages.TEXTS[code][0]
        cell = text.replace("|", "\\|")
        rows.append(f"| `{code.value}` | {status_of(code)} | {cell} |")
    return "\n".join(rows) + "\n"


def pick_language(accept_language: str | None) -> str:
    """``"en"`` when the caller prefers English (``Accept-Language``), otherwise ``"ru"``."""
    if not accept_language:
        return "ru"
    best: tuple[float, str] | None = None
    for part in accept_language.split(","):
        pieces = part.strip().split(";")
        primary = pieces[0].strip().lower().split("-")[0]
        quality = 1.0
        for param in pieces[1:]:
            name, _, value = param.strip().partition("=")
            if name.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if primary in ("ru", "en") and quality > 0 and (best is None or quality > best[0]):
            best = (quality, primary)
    return best[1] if best else "ru"


def request_language(request: Request) -> str:
    """The language of one request (cached on ``request.state``)."""
    lang = getattr(request.state, "lang", None)
    if lang is None:
        lang = pick_language(request.headers.get("accept-language"))
        request.state.lang = lang
    return str(lang)


def texts(code: ErrorCode | str, lang: str, **params: Any) -> tuple[str, str]:
    """``(title, detail)`` of a code in ``lang`` from the one text table, :mod:`annet_server.messages`."""
    return messages.title(code, lang), messages.message(code, lang, **params)


class ApiProblem(Exception):
    """Raised anywhere in the HTTP layer to answer with a problem document."""

    def __init__(
        self,
        code: ErrorCode,
        status: int,
        *,
        params: dict[str, Any] | None = None,
        errors: list[FieldError] | None = None,
        retry_after: int | None = None,
        headers: dict[str, str] | None = None,
        detail: str | None = None,
    ) -> None:
        super().__init__(str(code))
        self.code = code
        self.status = status
        self.params = params or {}
        self.errors = errors or []
        self.retry_after = retry_after
        self.headers = dict(headers or {})
        self.detail = detail


def problem_body(
    code: ErrorCode,
    status: int,
    lang: str,
    *,
    params: dict[str, Any] | None = None,
    errors: list[FieldError] | None = None,
    retry_after: int | None = None,
    detail: str | None = None,
) -> Problem:
    """Build the :class:`Problem` for a code in the caller's language."""
    title, text = texts(code, lang, **(params or {}))
    return Problem(
        title=title,
        status=status,
        detail=detail or text,
        code=code,
        errors=errors or [],
        retry_after=retry_after,
    )


def problem_response(problem: Problem, lang: str, headers: dict[str, str] | None = None) -> Response:
    """The HTTP response of a problem document."""
    all_headers = {"Content-Language": lang}
    if problem.retry_after is not None:
        all_headers["Retry-After"] = str(problem.retry_after)
    all_headers.update(headers or {})
    return Response(
        content=problem.model_dump_json(exclude_none=True),
        status_code=problem.status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers=all_headers,
    )


# --------------------------------------------------------------------------- validation messages

_FIELD_TEXTS: dict[str, dict[str, str]] = {
    "missing": {"ru": "Обязательное поле.", "en": "This field is required."},
    "extra_forbidden": {"ru": "Неизвестное поле.", "en": "Unknown field."},
    "string_type": {"ru": "Ожидается строка.", "en": "A string is expected."},
    "int_type": {"ru": "Ожидается целое число.", "en": "A whole number is expected."},
    "int_parsing": {"ru": "Ожидается целое число.", "en": "A whole number is expected."},
    "int_from_float": {"ru": "Ожидается целое число.", "en": "A whole number is expected."},
    "decimal_type": {"ru": "Ожидается число.", "en": "A number is expected."},
    "decimal_parsing": {"ru": "Ожидается число.", "en": "A number is expected."},
    "decimal_max_places": {
        "ru": "Не более двух знаков после запятой.",
        "en": "At most two decimal places.",
    },
    "finite_number": {"ru": "Ожидается конечное число.", "en": "A finite number is expected."},
    "string_pattern_mismatch": {"ru": "Допустимы только цифры.", "en": "Only digits are allowed."},
    "string_too_short": {"ru": "Не может быть пустым.", "en": "Must not be empty."},
    "string_too_long": {
        "ru": "Не длиннее {max_length} символов.",
        "en": "At most {max_length} characters.",
    },
    "greater_than_equal": {"ru": "Не меньше {ge}.", "en": "At least {ge}."},
    "greater_than": {"ru": "Больше {gt}.", "en": "Greater than {gt}."},
    "less_than_equal": {"ru": "Не больше {le}.", "en": "At most {le}."},
    "less_than": {"ru": "Меньше {lt}.", "en": "Less than {lt}."},
    "json_invalid": {"ru": "Неверный JSON.", "en": "Invalid JSON."},
    "model_attributes_type": {"ru": "Ожидается объект JSON.", "en": "A JSON object is expected."},
    "dict_type": {"ru": "Ожидается объект JSON.", "en": "A JSON object is expected."},
    "model_type": {"ru": "Ожидается объект JSON.", "en": "A JSON object is expected."},
    "bool_type": {"ru": "Ожидается да или нет.", "en": "true or false is expected."},
    "bool_parsing": {"ru": "Ожидается да или нет.", "en": "true or false is expected."},
}
_DEFAULT_FIELD_TEXT = {"ru": "Неверное значение.", "en": "Invalid value."}
_LOCATION_ROOTS = {"body", "query", "path", "header", "cookie"}


def _field_message(error: dict[str, Any], lang: str) -> str:
    kind = str(error.get("type", ""))
    ctx = error.get("ctx") or {}
    if kind == "value_error":
        message = str(ctx.get("error", "")) or str(error.get("msg", ""))
        if "two decimal places" in message:
            kind = "decimal_max_places"
        elif "finite" in message:
            kind = "finite_number"
    if kind == "string_too_short" and int(ctx.get("min_length", 1) or 1) > 1:
        template = {"ru": "Не короче {min_length} символов.", "en": "At least {min_length} characters."}
    else:
        template = _FIELD_TEXTS.get(kind, _DEFAULT_FIELD_TEXT)
    text = template.get(lang, template["ru"])
    try:
        return text.format(**{k: v for k, v in ctx.items() if isinstance(v, (int, float, str))})
    except (KeyError, IndexError, ValueError):
        return _DEFAULT_FIELD_TEXT.get(lang, _DEFAULT_FIELD_TEXT["ru"])


def _field_name(loc: tuple[Any, ...] | list[Any]) -> str:
    parts = [str(p) for p in loc]
    if parts and parts[0] in _LOCATION_ROOTS:
        parts = parts[1:]
    # pydantic adds the function name of an AfterValidator etc. in some paths; keep plain names only
    parts = [p for p in parts if not p.startswith("function-")]
    return ".".join(parts) or "body"


def field_errors(errors: list[dict[str, Any]] | Any, lang: str) -> list[FieldError]:
    """Our field messages for pydantic/FastAPI validation errors (never echoing the input)."""
    result: list[FieldError] = []
    seen: set[tuple[str, str]] = set()
    for error in errors:
        field = _field_name(error.get("loc", ()))
        message = _field_message(error, lang)
        if (field, message) not in seen:
            seen.add((field, message))
            result.append(FieldError(field=field, message=message))
    return result


# --------------------------------------------------------------------------- handlers


def rule_problem(exc: RuleError, lang: str) -> Problem:
    """The problem document of a billing refusal, worded in the request's language ``lang``."""
    return problem_body(exc.code, exc.status, lang, params=exc.params, errors=exc.field_errors(lang))


def install(app: FastAPI) -> None:
    """Register the problem+json handlers on an app."""
    from .billing.refusals import RuleError  # billing's refusals take their status from this module

    async def on_api_problem(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ApiProblem)
        lang = request_language(request)
        problem = problem_body(
            exc.code,
            exc.status,
            lang,
            params=exc.params,
            errors=exc.errors,
            retry_after=exc.retry_after,
            detail=exc.detail,
        )
        return problem_response(problem, lang, exc.headers)

    async def on_http_exception(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        lang = request_language(request)
        if exc.status_code == 404:
            code, status = ErrorCode.NOT_FOUND, 404
        elif exc.status_code == 405:
            code, status = ErrorCode.METHOD_NOT_ALLOWED, 405
        elif exc.status_code in (401, 403):
            code, status = ErrorCode.AUTH_REQUIRED, 401
        elif exc.status_code >= 500:
            code, status = ErrorCode.INTERNAL, exc.status_code
        else:
            code, status = ErrorCode.VALIDATION, exc.status_code
        headers = dict(exc.headers or {})
        return problem_response(problem_body(code, status, lang), lang, headers)

    async def on_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        lang = request_language(request)
        problem = problem_body(ErrorCode.VALIDATION, 422, lang, errors=field_errors(exc.errors(), lang))
        return problem_response(problem, lang)

    async def on_rule(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RuleError)
        lang = request_language(request)
        return problem_response(rule_problem(exc, lang), lang)

    async def on_database_down(request: Request, exc: Exception) -> Response:
        log.warning("database unavailable in %s %s: %s", request.method, request.url.path, type(exc).__name__)
        lang = request_language(request)
        problem = problem_body(ErrorCode.INTERNAL, 503, lang, retry_after=DB_RETRY_AFTER_S)
        return problem_response(problem, lang)

    document_problems(app)
    for unavailable in DATABASE_UNAVAILABLE:
        app.add_exception_handler(unavailable, on_database_down)
    app.add_exception_handler(ApiProblem, on_api_problem)
    app.add_exception_handler(StarletteHTTPException, on_http_exception)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(RuleError, on_rule)
    app.add_middleware(CatchAllMiddleware)


def problem_media_types(document: dict[str, Any]) -> dict[str, Any]:
    """``document`` (an OpenAPI dict) with every answer >= 400 documented as ``application/problem+json``.

    FastAPI files a response ``model`` under the route's own media type (``application/json``);
    the server sends problems as :data:`PROBLEM_MEDIA_TYPE`, so the document must say that.
    """
    for item in document.get("paths", {}).values():
        for operation in item.values():
            for status, response in (operation.get("responses") or {}).items():
                content = response.get("content") if str(status)[:1] in ("4", "5") else None
                if content and "application/json" in content:
                    content[PROBLEM_MEDIA_TYPE] = content.pop("application/json")
    return document


def document_problems(app: FastAPI) -> None:
    """Make ``app.openapi()`` document error answers as ``application/problem+json``."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = problem_media_types(build())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


class CatchAllMiddleware:
    """Turn an unexpected exception into a 500 problem (logged once, no traceback to the client)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: Any) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception:
            log.exception("unhandled error in %s %s", scope.get("method"), scope.get("path"))
            if started:
                raise
            headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
            lang = pick_language(headers.get("accept-language"))
            response = problem_response(problem_body(ErrorCode.INTERNAL, 500, lang), lang)
            await response(scope, receive, send)
