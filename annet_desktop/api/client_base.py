"""ClientBase: how the Cabinet API client sends one request (the plumbing under its endpoints).

Manners, in one place: a total deadline per call (15 s: connect, answer and body, retries
included) on top of connect/read timeouts (5 s / 30 s), retries with backoff for idempotent GETs
only and only when no answer was being waited for (a refused or dropped connection, a body cut
short, 502/503/504 — never a read timeout), a fresh ``Idempotency-Key`` on every change (or the
caller's, to repeat one safely), TLS verified, no redirects followed, a cap on the size of an
answer, and every failure mapped to the :mod:`~annet_desktop.api.errors` tree. How requests are
cut short is :mod:`~annet_desktop.api.transport`. The typed endpoints are
:class:`~annet_desktop.api.client.CabinetClient`.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar
from urllib.parse import quote

import requests
from pydantic import BaseModel, TypeAdapter, ValidationError

from annet_contract.schema import API_PREFIX, BACKGROUND_HEADER, IDEMPOTENCY_HEADER

from ..domain.urls import check_server_url
from . import errors
from .failures import from_response, no_answer, retryable
from .transport import MAX_BODY, Cut, CutShort, Transport

log = logging.getLogger(__name__)

M = TypeVar("M", bound=BaseModel)

#: (connect, read) seconds, per socket operation
DEFAULT_TIMEOUT = (5.0, 30.0)
#: seconds one call may take in all: connect, answer, body, retries and their pauses
DEFAULT_DEADLINE = 15.0
USER_AGENT = "AnnetDesktop/0.1"


def segment(value: str | int) -> str:
    """One URL path segment, quoted so no input can change the path."""
    return quote(str(value), safe="")


class ClientBase:
    """One request to the Cabinet API at a time, with the client's manners; the endpoints are
    :class:`~annet_desktop.api.client.CabinetClient`'s."""

    def __init__(
        self,
        base_url: str,
        *,
        language: str = "ru",
        verify: bool | str = True,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
        deadline: float = DEFAULT_DEADLINE,
        retries: int = 3,
        backoff: float = 0.25,
        max_body: int = MAX_BODY,
        session: requests.Session | None = None,
    ) -> None:
        if base_url:
            check_server_url(base_url)  # never a refused address (plain http elsewhere than here)
        self.base_url = base_url.rstrip("/")
        self.language = language
        self.timeout = timeout
        self.deadline = deadline
        self.retries = max(1, retries)
        self.backoff = backoff
        self.token: str | None = None
        #: mark every request ``X-Annet-Background: 1`` (see :meth:`marked_background`)
        self.background = False
        self.thread_guard: Callable[[], None] | None = None
        self._transport = Transport(session, max_body)
        self._http = self._transport.http
        self._http.verify = verify
        self._http.trust_env = False  # no proxy or netrc surprises; explicit settings only
        self._http.headers.update(
            {"User-Agent": USER_AGENT, "Accept": "application/json", "Accept-Encoding": "gzip"}
        )

    # ------------------------------------------------------------------ plumbing

    def close(self) -> None:
        """Release the connection pool."""
        self._transport.close()

    def abort(self) -> None:
        """From any thread: fail the request in flight at once, and every later one (app closing)."""
        self._transport.abort()

    def interrupt(self) -> None:
        """From any thread: fail the GET in flight at once, and later GETs until :meth:`resume`."""
        self._transport.interrupt()

    def resume(self) -> None:
        """GETs may run again after :meth:`interrupt`."""
        self._transport.resume()

    @contextmanager
    def marked_background(self) -> Iterator[None]:
        """The calls made inside are marked as the app's own (a timed refresh): the server does
        not count them as the subscriber's activity, so they never keep an idle session alive."""
        before, self.background = self.background, True
        try:
            yield
        finally:
            self.background = before

    def _headers(self, idempotency_key: str | None) -> dict[str, str]:
        headers = {"Accept-Language": self.language}
        if self.background:
            headers[BACKGROUND_HEADER] = "1"
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

        GETs are retried on a failed or dropped connection and on 502/503/504 with exponential
        backoff, within the call's deadline; any other method is sent once, with an
        ``Idempotency-Key`` (a new one unless given).
        """
        if self.thread_guard is not None:
            self.thread_guard()
        deadline = time.monotonic() + self.deadline
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
        what = f"{method} {path}"
        for attempt in range(1, attempts + 1):
            try:
                response = self._send(method, url, data, params, headers, deadline)
            except Exception as exc:
                if retryable(exc) and attempt < attempts and self._pause(attempt, deadline):
                    continue
                raise no_answer(exc, what) from None
            if response.status_code in (502, 503, 504) and attempt < attempts:
                if self._pause(attempt, deadline):
                    continue
            if 300 <= response.status_code < 400:
                # never followed: it could re-send the login to another host, or over http
                raise errors.BadResponse(status=response.status_code, debug=f"{what}: a redirect")
            if response.status_code >= 400:
                raise from_response(response, what)
            log.debug("%s → %s", what, response.status_code)
            return response
        raise AssertionError("unreachable")  # pragma: no cover

    def _send(
        self,
        method: str,
        url: str,
        data: bytes | None,
        params: dict[str, Any] | None,
        headers: dict[str, str],
        deadline: float,
    ) -> requests.Response:
        """One try: the response with its whole body read, under the call's deadline."""
        left = deadline - time.monotonic()
        if left <= 0:
            raise CutShort(Cut.DEADLINE)
        timeout = (min(self.timeout[0], left), min(self.timeout[1], left))
        with self._transport.watch(method, deadline):
            response = self._http.request(
                method, url, data=data, params=params, headers=headers, timeout=timeout,
                allow_redirects=False, stream=True,
            )  # fmt: skip
            try:
                self._transport.read_body(response)
            finally:
                response.close()
        return response

    def _pause(self, attempt: int, deadline: float) -> bool:
        """Wait before the next try; False when the deadline would pass first (no more tries)."""
        pause = self.backoff * (2 ** (attempt - 1))
        if time.monotonic() + pause >= deadline:
            return False
        time.sleep(pause)
        return True

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
        return f"/accounts/{segment(number)}"
