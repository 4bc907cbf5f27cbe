"""413 for a request body over the limit, decided before the application reads a byte of it.

A declared ``Content-Length`` over the limit is refused at once, nothing read. A body without
one (chunked) is read here up to the limit and handed on; one byte more and it is refused, the
rest never read. The answer is a problem document (``validation`` with status 413).
"""

from __future__ import annotations

from typing import Any

from annet_contract.errors import ErrorCode, FieldError

from .problems import pick_language, problem_body, problem_response

_TOO_BIG = {
    "ru": "Запрос слишком большой (не больше {limit} КБ).",
    "en": "The request is too large (at most {limit} KB).",
}


class BodyLimitMiddleware:
    """ASGI middleware: refuse bodies over ``max_bytes`` with 413 without reading them."""

    def __init__(self, app: Any, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        declared = headers.get("content-length")
        if declared is not None:
            if not declared.strip().isdigit() or int(declared) > self.max_bytes:
                await self._refuse(headers, send)
                return
            await self.app(scope, receive, send)
            return
        if "chunked" not in headers.get("transfer-encoding", "").lower():
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break  # the client went away
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._refuse(headers, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        sent = False

        async def replay() -> Any:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, headers: dict[str, str], send: Any) -> None:
        lang = pick_language(headers.get("accept-language"))
        limit = max(1, self.max_bytes // 1024)
        error = FieldError(field="body", message=_TOO_BIG[lang].format(limit=limit))
        response = problem_response(
            problem_body(ErrorCode.VALIDATION, 413, lang, errors=[error]), lang, {"Connection": "close"}
        )
        await send(
            {
                "type": "http.response.start",
                "status": response.status_code,
                "headers": response.raw_headers,
            }
        )
        await send({"type": "http.response.body", "body": response.body})
