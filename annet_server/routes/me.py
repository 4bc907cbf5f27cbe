"""``/me``: the subscriber's data, contacts and password (R-SUB, R-PWD)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request, status
from fastapi.responses import Response

from annet_contract.schema import ContactsUpdate, Me, PasswordChange

from ..billing import subscriber
from .context import PROBLEMS, Ctx, bearer_token, change, idempotency_key, read

router = APIRouter(tags=["subscriber"])


@router.get(
    "/me", response_model=Me, responses=PROBLEMS, summary="The subscriber's data and accounts (R-SUB-1)"
)
def get_me(request: Request, token: str = Depends(bearer_token)) -> Response:
    """Name, address, contract, SMS number, e-mail and the accounts."""
    return read(request, token, lambda c: subscriber.get_me(c.db, c.clock, c.subscriber_id, c.lang))


@router.put(
    "/me/contacts",
    response_model=Me,
    responses=PROBLEMS,
    summary="Change the SMS number and/or e-mail; null clears, an absent field stays (R-SUB-2/3)",
)
def put_contacts(
    request: Request,
    body: ContactsUpdate,
    token: str = Depends(bearer_token),
    key: str | None = Depends(idempotency_key),
) -> Response:
    """Only the fields present in the body change."""
    fields = body.model_dump(exclude_unset=True)

    def run(c: Ctx) -> Me:
        return subscriber.update_contacts(c.db, c.clock, c.subscriber_id, fields, c.lang)

    return change(request, token, key, run, body=body)


@router.put(
    "/me/password",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=PROBLEMS,
    summary="Change the password (R-PWD); every other session of the subscriber ends",
)
def put_password(
    request: Request,
    body: PasswordChange,
    token: str = Depends(bearer_token),
    key: str | None = Depends(idempotency_key),
) -> Response:
    """Check the current password, set the new one, revoke the other sessions.

    Wrong current passwords count with the login failures (429 when the subscriber's budget is
    spent, :func:`annet_server.auth.check_current_password`); the current password is checked
    before the new one, so «the same password» never confirms a guess. A repeated
    ``Idempotency-Key`` replays the first answer.
    """
    from .. import auth, session_check

    auth.check_current_password(request, token, key, body.current_password)

    def run(c: Ctx) -> None:
        subscriber.change_password(
            c.db, c.clock, c.subscriber_id, body.current_password, body.new_password, c.lang
        )
        session_check.revoke_other_sessions(c.db, c.clock, c.subscriber_id, c.session_id)

    return change(request, token, key, run, body=body, status=status.HTTP_204_NO_CONTENT)
