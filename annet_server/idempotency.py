"""Idempotency-Key: a repeated change with the same key gets the first answer and does nothing twice.

The record lives in the same transaction as the change and its journal entry, so either all three
are stored or none. Keys are scoped per subscriber (the login call scopes them by account number).
The body is remembered only as an HMAC under the server's secret: bodies can carry passwords.

Only successful answers are stored: a refused change did nothing, so repeating it is safe and
simply asks again.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

from fastapi.responses import Response
from pydantic import BaseModel
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from annet_contract.errors import PROBLEM_MEDIA_TYPE, ErrorCode

from .problems import ApiProblem

#: longest key accepted (UUIDs are 36 characters)
MAX_KEY_LENGTH = 200
REPLAY_HEADER = "Idempotent-Replayed"


def clean_key(raw: str | None) -> str | None:
    """The key of a request, or None; an over-long or empty key is a validation error."""
    if raw is None:
        return None
    key = raw.strip()
    if not key or len(key) > MAX_KEY_LENGTH or not key.isprintable():
        raise ApiProblem(ErrorCode.VALIDATION, 422, errors=_key_error())
    return key


def _key_error() -> list[Any]:
    from annet_contract.errors import FieldError

    return [FieldError(field="Idempotency-Key", message="Неверный ключ повтора (1–200 символов).")]


def body_hash(secret: bytes, method: str, path: str, body: BaseModel | dict[str, Any] | None) -> str:
    """A keyed fingerprint of what was asked: method, path and the canonical JSON of the body."""
    if isinstance(body, BaseModel):
        payload: Any = body.model_dump(mode="json", exclude_unset=True)
    else:
        payload = body
    canonical = json.dumps([method, path, payload], sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hmac.new(secret, canonical.encode(), hashlib.sha256).hexdigest()


def _record_model() -> Any:
    from annet_server.models import IdempotencyRecord

    return IdempotencyRecord


def find(db: Session, scope: int | None, key: str) -> Any | None:
    """The stored record of ``key`` within ``scope`` (a subscriber id; None for login keys)."""
    record = _record_model()
    query = select(record).where(record.key == key)
    query = query.where(record.subscriber_id.is_(None) if scope is None else record.subscriber_id == scope)
    return db.execute(query).scalars().first()


def lock_key(db: Session, scope: int | None, key: str) -> None:
    """Serialize two requests racing with one key (PostgreSQL; SQLite writers serialize anyway).

    A transaction-scoped advisory lock: the second request waits until the first has committed
    its answer, then finds and replays it instead of doing the change again.
    """
    if db.get_bind().dialect.name != "postgresql":
        return
    digest = hashlib.sha256(f"{scope}:{key}".encode()).digest()
    lock_id = int.from_bytes(digest[:8], "big", signed=True)
    db.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": lock_id})


def replay(db: Session, scope: int | None, key: str | None, fingerprint: str) -> Response | None:
    """The stored first answer for a repeat, None for a new key; 422 when the body differs."""
    if key is None:
        return None
    lock_key(db, scope, key)
    stored = find(db, scope, key)
    if stored is None:
        return None
    if not hmac.compare_digest(stored.body_hash, fingerprint):
        raise ApiProblem(ErrorCode.IDEMPOTENCY_MISMATCH, 422)
    return stored_response(stored)


def stored_response(stored: Any) -> Response:
    """Rebuild the HTTP answer of a stored record."""
    content = stored.response_body or ""
    return Response(
        content=content.encode() if content else b"",
        status_code=int(stored.status),
        media_type=(PROBLEM_MEDIA_TYPE if int(stored.status) >= 400 else "application/json")
        if content
        else None,
        headers={REPLAY_HEADER: "true"},
    )


def remember(
    db: Session,
    scope: int | None,
    key: str | None,
    *,
    method: str,
    path: str,
    fingerprint: str,
    status: int,
    body: str,
    now: Any,
) -> None:
    """Store the answer of a change in the change's own transaction (no commit here)."""
    if key is None:
        return
    record = _record_model()
    db.add(
        record(
            subscriber_id=scope,
            key=key,
            method=method,
            path=path[:500],
            body_hash=fingerprint,
            status=status,
            response_body=body,
            created_at=now,
        )
    )
