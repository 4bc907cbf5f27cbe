"""Sessions: login, logout, the bearer check on every call, throttling of failed logins.

* A token is ``secrets.token_urlsafe(32)``; only its SHA-256 is stored (R-LOGIN-4).
* A session ends 30 minutes after its last use (idle) or 12 hours after login (absolute),
  whichever comes first; both measured on the server's clock, so a FakeClock drives them in tests.
* Logout revokes the session; a password change revokes every other session of the subscriber.
* 5 failed logins for one account number within 15 minutes → 429 with ``Retry-After``
  (R-LOGIN-3). An unknown account number gets exactly the same answers as a wrong password —
  same status, same body, and a password hash is verified either way, so even the timing is alike.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import secrets
from functools import lru_cache
from typing import Any

from fastapi import APIRouter, Depends, Request, status
from fastapi.responses import Response
from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session

from annet_contract.errors import ErrorCode, Problem
from annet_contract.moscow import to_moscow
from annet_contract.schema import SessionCreate, SessionOut

from . import idempotency
from .problems import ApiProblem, request_language
from .routes.context import bearer_token, idempotency_key, server_state

IDLE_TIMEOUT = dt.timedelta(minutes=30)
ABSOLUTE_TIMEOUT = dt.timedelta(hours=12)
THROTTLE_WINDOW = dt.timedelta(minutes=15)
THROTTLE_FAILURES = 5

router = APIRouter(tags=["session"])


def hash_token(token: str) -> str:
    """What the database keeps of a token: its SHA-256, hex."""
    return hashlib.sha256(token.encode()).hexdigest()


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """A real password hash to verify against when the account does not exist (equal timing)."""
    from .passwords import hash_password

    return hash_password(secrets.token_urlsafe(16))


def warm_up() -> None:
    """Make the dummy hash now, so the first unknown account is not slower than the others."""
    _dummy_hash()


def _models() -> Any:
    from . import models

    return models


# --------------------------------------------------------------------------- the bearer check


def authenticate(db: Session, clock: Any, token: str) -> Any:
    """The live ``AuthSession`` of ``token``, its idle timer touched; 401 otherwise.

    An unknown or revoked token → ``auth.required``; an expired one → ``auth.session_expired``
    (and it is revoked, so it stays dead even if the clock were turned back).
    """
    m = _models()
    now = clock.now()
    row = (
        db.execute(select(m.AuthSession).where(m.AuthSession.token_hash == hash_token(token)))
        .scalars()
        .first()
    )
    if row is None or row.revoked_at is not None:
        raise ApiProblem(ErrorCode.AUTH_REQUIRED, 401, headers={"WWW-Authenticate": "Bearer"})
    last_seen = to_moscow(row.last_seen_at)
    expires_at = to_moscow(row.expires_at)
    assert last_seen is not None and expires_at is not None
    if now >= expires_at or now >= last_seen + IDLE_TIMEOUT:
        row.revoked_at = now
        raise ApiProblem(
            ErrorCode.SESSION_EXPIRED, 401, headers={"WWW-Authenticate": 'Bearer error="invalid_token"'}
        )
    row.last_seen_at = now
    return row


def revoke_other_sessions(db: Session, clock: Any, subscriber_id: int, keep_session_id: int) -> int:
    """Revoke every live session of the subscriber but one (after a password change)."""
    m = _models()
    result = db.execute(
        update(m.AuthSession)
        .where(
            m.AuthSession.subscriber_id == subscriber_id,
            m.AuthSession.id != keep_session_id,
            m.AuthSession.revoked_at.is_(None),
        )
        .values(revoked_at=clock.now())
    )
    return int(getattr(result, "rowcount", 0) or 0)


# --------------------------------------------------------------------------- throttling


def _lock_account(db: Session, account: str) -> None:
    """Serialize logins of one account number (PostgreSQL) so parallel guesses are all counted."""
    if db.get_bind().dialect.name != "postgresql":
        return
    digest = hashlib.sha256(f"login:{account}".encode()).digest()
    db.execute(
        text("SELECT pg_advisory_xact_lock(:id)"), {"id": int.from_bytes(digest[:8], "big", signed=True)}
    )


def throttled_for(db: Session, now: dt.datetime, account: str) -> int | None:
    """Seconds until the next login attempt for ``account`` is accepted, or None when it is now.

    Counts the failures within the last 15 minutes that came after the latest success.
    """
    m = _models()
    attempt = m.LoginAttempt
    last_ok_id = db.execute(
        select(func.max(attempt.id)).where(attempt.account_number == account, attempt.ok.is_(True))
    ).scalar()
    query = (
        select(attempt.at)
        .where(attempt.account_number == account, attempt.ok.is_(False), attempt.at > now - THROTTLE_WINDOW)
        .order_by(attempt.id.desc())
        .limit(THROTTLE_FAILURES)
    )
    if last_ok_id is not None:
        query = query.where(attempt.id > last_ok_id)
    failures = [to_moscow(at) for at in db.execute(query).scalars()]
    if len(failures) < THROTTLE_FAILURES:
        return None
    oldest = min(at for at in failures if at is not None)
    wait = (oldest + THROTTLE_WINDOW - now).total_seconds()
    return max(1, math.ceil(wait))


# --------------------------------------------------------------------------- login / logout


def _login_key(account: str, key: str | None) -> str | None:
    """A login's idempotency key, scoped by the account number (fits the 200-character column)."""
    if key is None:
        return None
    return "session:" + hashlib.sha256(f"{account}:{key}".encode()).hexdigest()


def _denied() -> ApiProblem:
    return ApiProblem(ErrorCode.AUTH_DENIED, 401)


def _issue(db: Session, now: dt.datetime, subscriber_id: int) -> tuple[Any, str]:
    m = _models()
    token = secrets.token_urlsafe(32)
    row = m.AuthSession(
        token_hash=hash_token(token),
        subscriber_id=subscriber_id,
        created_at=now,
        last_seen_at=now,
        expires_at=now + ABSOLUTE_TIMEOUT,
        revoked_at=None,
    )
    db.add(row)
    db.flush()
    return row, token


def _session_out(row: Any, token: str) -> SessionOut:
    expires_at = to_moscow(row.expires_at)
    assert expires_at is not None
    return SessionOut(token=token, expires_at=expires_at, idle_timeout_s=int(IDLE_TIMEOUT.total_seconds()))


def _replay_login(db: Session, now: dt.datetime, stored: Any) -> Response:
    """Answer a repeated login: a stored refusal as it was; a success with the same session.

    Tokens are never stored in clear, so the session of the first answer gets a fresh token
    (the first one stops working) — still one session, nothing counted twice.
    """
    if stored.status != status.HTTP_201_CREATED:
        return idempotency.stored_response(stored)
    m = _models()
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


@router.post(
    "/session",
    status_code=status.HTTP_201_CREATED,
    response_model=SessionOut,
    summary="Log in by any account number of the subscriber (R-LOGIN-1)",
    responses={401: {"model": Problem}, 422: {"model": Problem}, 429: {"model": Problem}},
)
def login(request: Request, body: SessionCreate, key: str | None = Depends(idempotency_key)) -> Response:
    """Open a session: ``{account, password}`` → ``{token, expires_at, idle_timeout_s}``."""
    from . import billing
    from .passwords import verify_password

    state = server_state(request)
    m = _models()
    db: Session = state.sessionmaker()
    lang = request_language(request)
    try:
        now = state.clock.now()
        _lock_account(db, body.account)
        scoped_key = _login_key(body.account, key)
        fingerprint = idempotency.body_hash(state.idempotency_secret, "POST", "/session", body)
        if scoped_key is not None:
            stored = idempotency.find(db, None, scoped_key)
            if stored is not None:
                if stored.body_hash != fingerprint:
                    raise ApiProblem(ErrorCode.IDEMPOTENCY_MISMATCH, 422)
                return _replay_login(db, now, stored)
        wait = throttled_for(db, now, body.account)
        if wait is not None:
            raise ApiProblem(
                ErrorCode.AUTH_THROTTLED, 429, retry_after=wait, params={"minutes": math.ceil(wait / 60)}
            )
        subscriber = billing.find_subscriber_by_account(db, body.account)
        if subscriber is None:
            verify_password(_dummy_hash(), body.password)
            ok = False
        else:
            ok = bool(verify_password(subscriber.password_hash, body.password))
        db.add(m.LoginAttempt(account_number=body.account, at=now, ok=ok))
        if not ok or subscriber is None:
            problem = _denied()
            if scoped_key is not None:
                from .problems import problem_body

                denied = problem_body(ErrorCode.AUTH_DENIED, 401, lang)
                idempotency.remember(
                    db,
                    None,
                    scoped_key,
                    method="POST",
                    path=request.url.path,
                    fingerprint=fingerprint,
                    status=401,
                    body=denied.model_dump_json(exclude_none=True),
                    now=now,
                )
            db.commit()
            raise problem
        row, token = _issue(db, now, subscriber.id)
        idempotency.remember(
            db,
            None,
            scoped_key,
            method="POST",
            path=request.url.path,
            fingerprint=fingerprint,
            status=201,
            body=json.dumps({"session_id": row.id}),
            now=now,
        )
        db.commit()
        out = _session_out(row, token)
        return Response(content=out.model_dump_json(), status_code=201, media_type="application/json")
    except BaseException:
        db.rollback()
        raise
    finally:
        db.close()


@router.delete(
    "/session",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Log out: the session's token stops working",
    responses={401: {"model": Problem}},
)
def logout(request: Request, token: str = Depends(bearer_token)) -> Response:
    """Revoke the current session."""
    state = server_state(request)
    db: Session = state.sessionmaker()
    try:
        row = authenticate(db, state.clock, token)
        row.revoked_at = state.clock.now()
        db.commit()
    except ApiProblem:
        db.commit()
        raise
    except BaseException:
        db.rollback()
        raise
    finally:
        db.close()
    return Response(status_code=status.HTTP_204_NO_CONTENT)
