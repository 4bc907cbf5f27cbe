"""Sessions: login, logout, throttling of failed logins (the bearer check on every call is
:mod:`annet_server.session_check`).

* A token is ``secrets.token_urlsafe(32)``; only its SHA-256 is stored (R-LOGIN-4).
* A session ends 30 minutes after its last use (idle) or 12 hours after login (absolute),
  whichever comes first; both measured on the server's clock, so a FakeClock drives them in tests.
* Logout revokes the session; a password change revokes every other session of the subscriber.
* Failed logins are budgeted per account number (5 in 15 minutes, R-LOGIN-3), per subscriber
  (all their numbers and wrong current passwords of a password change together), per client
  address and overall → 429 with ``Retry-After`` (:mod:`annet_server.throttle`). An unknown
  account number gets exactly the same answers as a wrong password — same status, same body,
  and a password hash is verified either way, so even the timing is alike.
* The hash runs outside any database transaction: on SQLite every transaction holds the write
  lock, and a login flood must not stall the other calls.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from fastapi import APIRouter, Depends, Request, status
from fastapi.responses import Response
from sqlalchemy.orm import Session

from annet_contract.errors import ErrorCode, Problem
from annet_contract.moscow import to_moscow
from annet_contract.schema import SessionCreate, SessionOut

from . import idempotency, session_check, throttle
from .problems import ApiProblem, problem_body, request_language
from .routes.context import bearer_token, idempotency_key, server_state
from .session_check import authenticate, hash_token, models_module

router = APIRouter(tags=["session"])


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """A real password hash to verify against when the account does not exist (equal timing)."""
    from .passwords import hash_password

    return hash_password(secrets.token_urlsafe(16))


def warm_up() -> None:
    """Make the dummy hash now, so the first unknown account is not slower than the others."""
    _dummy_hash()


# --------------------------------------------------------------------------- login / logout


def _login_key(account: str, key: str | None) -> str | None:
    """A login's idempotency key, scoped by the account number (fits the 200-character column)."""
    if key is None:
        return None
    return "session:" + hashlib.sha256(f"{account}:{key}".encode()).hexdigest()


@contextmanager
def _bearer_unit(state: Any) -> Iterator[Session]:
    """A session for a call with a bearer token: committed at the end and also on an ApiProblem
    (a session found expired is revoked for good), rolled back on anything else."""
    db: Session = state.sessionmaker()
    try:
        yield db
        db.commit()
    except ApiProblem:
        db.commit()
        raise
    except BaseException:
        db.rollback()
        raise
    finally:
        db.close()


def _denied() -> ApiProblem:
    return ApiProblem(ErrorCode.AUTH_DENIED, 401)


def _issue(db: Session, now: dt.datetime, subscriber_id: int) -> tuple[Any, str]:
    m = models_module()
    token = secrets.token_urlsafe(32)
    row = m.AuthSession(
        token_hash=hash_token(token),
        subscriber_id=subscriber_id,
        created_at=now,
        last_seen_at=now,
        expires_at=now + session_check.ABSOLUTE_TIMEOUT,
        revoked_at=None,
    )
    db.add(row)
    db.flush()
    return row, token


def _session_out(row: Any, token: str) -> SessionOut:
    expires_at = to_moscow(row.expires_at)
    assert expires_at is not None
    idle_s = int(session_check.IDLE_TIMEOUT.total_seconds())
    return SessionOut(token=token, expires_at=expires_at, idle_timeout_s=idle_s)


def _replay_login(db: Session, now: dt.datetime, stored: Any) -> Response:
    """Answer a repeated login: a stored refusal as it was; a success with the same session.

    Tokens are never stored in clear, so the session of the first answer gets a fresh token
    (the first one stops working) — still one session, nothing counted twice.
    """
    if stored.status != status.HTTP_201_CREATED:
        return idempotency.stored_response(stored)
    m = models_module()
    session_id = json.loads(stored.response_body or "{}").get("session_id")
    row = db.get(m.AuthSession, session_id) if session_id is not None else None
    if row is None or row.revoked_at is not None or now >= (to_moscow(row.expires_at) or now):
        raise ApiProblem(ErrorCode.SESSION_EXPIRED, 401)
    token = secrets.token_urlsafe(32)
    row.token_hash = hash_token(token)
    row.last_seen_at = now
    db.commit()
    out = _session_out(row, token)
    return Response(
        content=out.model_dump_json(),
        status_code=status.HTTP_201_CREATED,
        media_type="application/json",
        headers={idempotency.REPLAY_HEADER: "true"},
    )


@dataclass(frozen=True)
class _LoginKey:
    """A login's Idempotency-Key as stored: scoped by the account number, with the body's fingerprint."""

    scoped: str | None
    fingerprint: str
    path: str

    def stored(self, db: Session) -> Any | None:
        """The stored answer of a repeated key (422 when the body differs), or None."""
        if self.scoped is None:
            return None
        found = idempotency.find(db, None, self.scoped)
        if found is not None and not hmac.compare_digest(found.body_hash, self.fingerprint):
            raise ApiProblem(ErrorCode.IDEMPOTENCY_MISMATCH, 422)
        return found

    def remember(self, db: Session, status: int, body: str, now: dt.datetime) -> None:
        """Store the answer in the current transaction (no commit here)."""
        idempotency.remember(
            db,
            None,
            self.scoped,
            method="POST",
            path=self.path,
            fingerprint=self.fingerprint,
            status=status,
            body=body,
            now=now,
        )


@router.post(
    "/session",
    status_code=status.HTTP_201_CREATED,
    response_model=SessionOut,
    summary="Log in by any account number of the subscriber (R-LOGIN-1)",
    responses={401: {"model": Problem}, 422: {"model": Problem}, 429: {"model": Problem}},
)
def login(request: Request, body: SessionCreate, key: str | None = Depends(idempotency_key)) -> Response:
    """Open a session: ``{account, password}`` → ``{token, expires_at, idle_timeout_s}``.

    Three steps, so the write lock is never held while a password hash runs: a short
    transaction checks the failure budgets and writes the attempt as a failure
    (:mod:`annet_server.throttle`); the hash runs outside any transaction; a second short
    transaction turns the attempt into a success and opens the session.
    """
    from . import billing, housekeeping
    from .passwords import verify_password

    state = server_state(request)
    lang = request_language(request)
    client = throttle.client_address(request)
    login_key = _LoginKey(
        scoped=_login_key(body.account, key),
        fingerprint=idempotency.body_hash(state.idempotency_secret, "POST", "/session", body),
        path=request.url.path,
    )
    db: Session = state.sessionmaker()
    try:
        now = state.clock.now()
        housekeeping.maybe_prune(state, now)
        throttle.serialize(db)
        stored = login_key.stored(db)
        if stored is not None:
            return _replay_login(db, now, stored)
        subscriber = billing.find_subscriber_by_account(db, body.account)
        subscriber_id = None if subscriber is None else int(subscriber.id)
        password_hash = None if subscriber is None else subscriber.password_hash
        throttle.check(
            db, now, state.limits, account=body.account, subscriber_id=subscriber_id, client=client
        )
        attempt_id = throttle.reserve(
            db, now, account=body.account, subscriber_id=subscriber_id, client=client
        )
        db.commit()  # the attempt counts as a failure until the hash says otherwise

        ok = verify_password(password_hash or _dummy_hash(), body.password) and subscriber_id is not None

        throttle.serialize(db)
        stored = login_key.stored(db)  # a racing twin finished first
        if stored is not None:
            if ok:
                throttle.succeeded(db, attempt_id)
            return _replay_login(db, now, stored)
        if not ok or subscriber_id is None:  # a repeated try with the key counts once
            denied = problem_body(ErrorCode.AUTH_DENIED, 401, lang)
            login_key.remember(db, 401, denied.model_dump_json(exclude_none=True), now)
            db.commit()
            raise _denied()
        throttle.succeeded(db, attempt_id)
        row, token = _issue(db, now, subscriber_id)
        login_key.remember(db, 201, json.dumps({"session_id": row.id}), now)
        db.commit()
        out = _session_out(row, token)
        return Response(content=out.model_dump_json(), status_code=201, media_type="application/json")
    except BaseException:
        db.rollback()
        raise
    finally:
        db.close()


def check_current_password(request: Request, token: str, key: str | None, current: str) -> None:
    """Before a password change: the budgets, then the current password, counted like a login.

    A key already answered is left to the idempotency replay (a retry after a lost answer gets
    the first answer, not «wrong current password»). Otherwise the subscriber's, the client's
    and the overall budgets are checked (429) and the attempt written as a failure before the
    hash runs outside any transaction; a right password turns it into a success (which does not
    reset the login count), a wrong one stays a failure and answers ``password.wrong_current``.
    """
    from . import billing
    from .passwords import verify_password

    state = server_state(request)
    client = throttle.client_address(request)
    with _bearer_unit(state) as db:
        now = state.clock.now()
        session = authenticate(db, state.clock, token)
        subscriber_id = int(session.subscriber_id)
        if key is not None and idempotency.find(db, subscriber_id, key) is not None:
            db.commit()
            return
        throttle.serialize(db)
        throttle.check(db, now, state.limits, account=None, subscriber_id=subscriber_id, client=client)
        subscriber = db.get(models_module().Subscriber, subscriber_id)
        password_hash = None if subscriber is None else subscriber.password_hash
        attempt_id = throttle.reserve(
            db, now, account=throttle.PASSWORD_CHANGE, subscriber_id=subscriber_id, client=client
        )
        db.commit()
        if not verify_password(password_hash, current):
            raise billing.RuleError(ErrorCode.PASSWORD_WRONG_CURRENT, fields=("current_password",))
        throttle.succeeded(db, attempt_id)


@router.delete(
    "/session",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Log out: the session's token stops working",
    responses={401: {"model": Problem}},
)
def logout(request: Request, token: str = Depends(bearer_token)) -> Response:
    """Revoke the current session."""
    state = server_state(request)
    with _bearer_unit(state) as db:
        row = authenticate(db, state.clock, token)
        row.revoked_at = state.clock.now()
    return Response(status_code=status.HTTP_204_NO_CONTENT)
