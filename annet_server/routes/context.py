"""The unit of work of one request: session check, catch-up, the call into billing, one commit.

Routes stay thin: they name the billing function and hand it to :func:`read` or :func:`change`.

* :func:`read` — check the session and whether billing must catch up with the clock for this
  subscriber, both in ONE statement (:func:`annet_server.session_check.check_session`; the idle timer
  touched at most once a minute, never for a request marked background); nothing due (the usual
  read): no lock, no write, no commit; then run the query, answer JSON. On PostgreSQL a read runs
  without a transaction (autocommit: READ COMMITTED gives each statement its own snapshot
  anyway); a catch-up that is due runs in a transaction of its own.
* :func:`change` — the same, then in ONE transaction: the idempotency check, the change (billing
  writes the journal entry itself), the idempotency record; commit; rollback on any error.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Header, Request
from fastapi.responses import Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, TypeAdapter
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from annet_contract.schema import BACKGROUND_HEADER, IDEMPOTENCY_HEADER, ErrorCode, Problem

from .. import idempotency
from ..billing import catchup
from ..problems import ApiProblem, request_language

log = logging.getLogger(__name__)

#: the error answers every route documents (all ``application/problem+json``, see docs/api.md)
PROBLEMS: dict[int | str, dict[str, Any]] = {
    401: {"model": Problem, "description": "No session, or it ended (auth.required, auth.session_expired)"},
    404: {"model": Problem, "description": "Not one of the subscriber's accounts, services or orders"},
    409: {"model": Problem, "description": "A rule of the cabinet refused the change"},
    422: {"model": Problem, "description": "Bad input (field messages) or an idempotency mismatch"},
}

_bearer = HTTPBearer(auto_error=False, description="The token from POST /api/v1/session")


async def bearer_token(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    background: Annotated[
        str | None,
        Header(
            alias=BACKGROUND_HEADER,
            description="`1`: a request the app made on its own (a timed refresh); it does not count "
            "as activity for the 30-minute idle end of the session (docs/api.md).",
        ),
    ] = None,
) -> str:
    """The session token of the request; 401 auth.required when there is none.

    ``background`` is here so every call with a token documents the header; :func:`is_background`
    reads it where the session is checked. ``async`` (it does no I/O): FastAPI runs a plain ``def``
    dependency in its thread pool, one more thread hand-off per request before the endpoint's own.
    """
    if credentials is None or not credentials.credentials:
        raise ApiProblem(ErrorCode.AUTH_REQUIRED, 401, headers={"WWW-Authenticate": "Bearer"})
    return credentials.credentials


async def idempotency_key(
    key: str | None = Header(
        default=None,
        alias=IDEMPOTENCY_HEADER,
        description="Repeat a change safely: the same key gets the first answer (docs/api.md).",
    ),
) -> str | None:
    """The request's ``Idempotency-Key`` header, checked (``async``: no I/O, no thread hand-off)."""
    return idempotency.clean_key(key)


@dataclass
class Ctx:
    """What a billing call needs about the request: db session, clock, language, subscriber."""

    request: Request
    db: Session
    clock: Any
    lang: str
    subscriber_id: int
    session_id: int

    @property
    def base_url(self) -> str:
        """The server's configured public URL (for payment page links), never the ``Host`` header."""
        return str(server_state(self.request).public_url)


def server_state(request: Request) -> Any:
    """The :class:`annet_server.app.ServerState` of the app serving ``request``."""
    return request.app.state.annet


_ANY: TypeAdapter[Any] = TypeAdapter(Any)


def dump(result: Any) -> str:
    """JSON text of a schema object, a list of them, or None."""
    if result is None:
        return ""
    if isinstance(result, BaseModel):
        return result.model_dump_json()
    if isinstance(result, list) and all(isinstance(item, BaseModel) for item in result):
        return "[" + ",".join(item.model_dump_json() for item in result) + "]"
    return _ANY.dump_json(result).decode()


def json_response(body: str, status: int, lang: str = "ru") -> Response:
    """A JSON (or empty 204) answer; ``Content-Language`` says the language of its texts."""
    headers = {"Content-Language": lang}
    if status == 204 or not body:
        return Response(status_code=status, headers=headers)
    return Response(content=body.encode(), status_code=status, media_type="application/json", headers=headers)


def is_background(request: Request) -> bool:
    """The request carries ``X-Annet-Background: 1``: it does not keep the session alive."""
    return request.headers.get(BACKGROUND_HEADER, "").strip() == "1"


def _open(request: Request, token: str, *, reading: bool = False) -> tuple[Session, Ctx]:
    from .. import session_check

    state = server_state(request)
    lang = request_language(request)
    plain = state.read_sessionmaker if reading else None  # autocommit (PostgreSQL)
    db: Session = (plain or state.sessionmaker)()
    try:
        # one statement: the session, and whether the catch-up has anything to apply
        session = session_check.check_session(db, state.clock, token, touch=not is_background(request))
        if plain is not None:
            if session.due:
                with state.sessionmaker() as unit:  # locked, checked again, applied, committed
                    catchup.catch_up(unit, state.clock, session.subscriber_id)
                    unit.commit()
            if session.touched:  # the idle timer, written at most once a minute
                db.commit()
        elif catchup.catch_up(db, state.clock, session.subscriber_id, due=session.due) or session.touched:
            db.commit()  # what the catch-up applied stays, whatever the call does next
        # else nothing was written: the call goes on in the same (plain read) transaction
        ctx = Ctx(
            request=request,
            db=db,
            clock=state.clock,
            lang=lang,
            subscriber_id=session.subscriber_id,
            session_id=session.id,
        )
    except ApiProblem:
        db.commit()  # a session found expired is revoked for good
        db.close()
        raise
    except BaseException:
        db.rollback()
        db.close()
        raise
    return db, ctx


def read(request: Request, token: str, fn: Callable[[Ctx], Any], status: int = 200) -> Response:
    """Answer a GET: authenticate, catch up, run ``fn(ctx)``, answer its JSON."""
    db, ctx = _open(request, token, reading=True)
    try:
        result = fn(ctx)
        body = dump(result)
        db.rollback()  # a read changes nothing; end the transaction (none on PostgreSQL)
        return json_response(body, status, ctx.lang)
    finally:
        db.close()


def change(
    request: Request,
    token: str,
    key: str | None,
    fn: Callable[[Ctx], Any],
    *,
    body: BaseModel | None = None,
    status: int = 200,
    after: Callable[[Ctx], None] | None = None,
) -> Response:
    """Answer a change in one transaction: idempotency check, ``fn(ctx)``, ``after(ctx)``, record."""
    state = server_state(request)
    db, ctx = _open(request, token)
    method = request.method
    path = request.url.path
    fingerprint = idempotency.body_hash(state.idempotency_secret, method, path, body)
    try:
        stored = idempotency.replay(db, ctx.subscriber_id, key, fingerprint)
        if stored is not None:
            db.rollback()
            return stored
        result = fn(ctx)
        if after is not None:
            after(ctx)
        text = dump(result)
        idempotency.remember(
            db,
            ctx.subscriber_id,
            key,
            method=method,
            path=path,
            fingerprint=fingerprint,
            status=status,
            body=text,
            now=state.clock.now(),
        )
        try:
            db.commit()
        except IntegrityError:
            # the same key raced us in another request and won: answer what it stored
            db.rollback()
            if key is None:
                raise
            stored = idempotency.replay(db, ctx.subscriber_id, key, fingerprint)
            if stored is None:
                raise
            return stored
        return json_response(text, status, ctx.lang)
    except BaseException:
        db.rollback()
        raise
    finally:
        db.close()
