"""``/journal``: every change of the subscriber's data, newest first (R-LOG-1)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from annet_contract.schema import JournalEntry, Page

from ..billing import journal
from .context import PROBLEMS, bearer_token, read

router = APIRouter(tags=["journal"])

#: the longest page of a paged list
MAX_LIMIT = 1000


@router.get(
    "/journal",
    response_model=Page[JournalEntry],
    responses=PROBLEMS,
    summary="The journal of changes, newest first, paged (R-LOG-1)",
)
def get_journal(
    request: Request,
    limit: int = Query(100, ge=1, le=MAX_LIMIT),
    cursor: str | None = Query(None, max_length=200),
    token: str = Depends(bearer_token),
) -> Response:
    """One page; pass ``next_cursor`` back as ``cursor`` for the next."""
    return read(
        request, token, lambda c: journal.journal_page(c.db, c.clock, c.subscriber_id, limit, cursor, c.lang)
    )
