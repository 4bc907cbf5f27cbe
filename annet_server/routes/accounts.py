"""``/accounts/{number}``: the account, the credit, balance history, calls and payments."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request, status
from fastapi.responses import Response

from annet_contract.months import Month, Year
from annet_contract.schema import (
    Account,
    BalanceEntry,
    CallsPage,
    CallsSummary,
    CreditOut,
    Forecast,
    Page,
    PaymentCreate,
    PaymentOrder,
    Receipt,
)

from ..billing import account, calls, calls_summary, credit, forecast, payments, receipts
from .context import PROBLEMS, Ctx, bearer_token, change, idempotency_key, read, server_state
from .journal import MAX_LIMIT

router = APIRouter(tags=["account"])

#: An account number in a path; anything that is not one of the subscriber's accounts is a 404.
Number = Annotated[str, Path(description="Account number (digits)", max_length=40)]


#: the largest calls page (a whole 100,000-call month fits in one)
MAX_CALLS_LIMIT = 100_000
#: how long a calls request waits for calls still being added (the demo's start); then it serves what is in
CALLS_READY_WAIT_S = 30.0


@router.get(
    "/accounts/{number}",
    response_model=Account,
    responses=PROBLEMS,
    summary="Balance, recommended payment, status and credit state (R-ACC-2, R-CREDIT)",
)
def get_account(request: Request, number: Number, token: str = Depends(bearer_token)) -> Response:
    """The information area of «Счёт»."""
    return read(request, token, lambda c: account.get_account(c.db, c.clock, c.subscriber_id, number, c.lang))


@router.get(
    "/accounts/{number}/forecast",
    response_model=Forecast,
    responses=PROBLEMS,
    summary="The next charge, how long the money lasts, the coming events (R-ACC-2, R-BILL-1, R-CREDIT)",
)
def get_forecast(request: Request, number: Number, token: str = Depends(bearer_token)) -> Response:
    """What is coming: the charge of the 1st, the block and what avoids it, credit and discount ends."""
    return read(
        request, token, lambda c: forecast.get_forecast(c.db, c.clock, c.subscriber_id, number, c.lang)
    )


@router.post(
    "/accounts/{number}/credit",
    response_model=CreditOut,
    responses=PROBLEMS,
    summary="Take the 5-day credit (R-CREDIT-1)",
)
def post_credit(
    request: Request,
    number: Number,
    token: str = Depends(bearer_token),
    key: str | None = Depends(idempotency_key),
) -> Response:
    """Lifts the financial block at once for 5 days."""

    def run(c: Ctx) -> CreditOut:
        return credit.take_credit(c.db, c.clock, c.subscriber_id, number, c.lang)

    return change(request, token, key, run)


@router.get(
    "/accounts/{number}/balance-history",
    response_model=Page[BalanceEntry],
    responses=PROBLEMS,
    summary="Top-ups and write-offs, newest first, paged (R-BAL-1)",
)
def get_balance_history(
    request: Request,
    number: Number,
    limit: int = Query(100, ge=1, le=MAX_LIMIT),
    cursor: str | None = Query(None, max_length=200),
    token: str = Depends(bearer_token),
) -> Response:
    """One page; pass ``next_cursor`` back as ``cursor`` for the next."""
    return read(
        request,
        token,
        lambda c: account.balance_history(c.db, c.clock, c.subscriber_id, number, limit, cursor, c.lang),
    )


@router.get(
    "/accounts/{number}/calls",
    response_model=CallsPage,
    responses=PROBLEMS,
    summary="The calls of a month, columnar, paged (R-CALL-1)",
)
def get_calls(
    request: Request,
    number: Number,
    year: Annotated[Year, Query()],
    month: Annotated[Month, Query()],
    limit: int = Query(25_000, ge=1, le=MAX_CALLS_LIMIT),
    cursor: str | None = Query(None, max_length=200),
    token: str = Depends(bearer_token),
) -> Response:
    """One page of the month's calls in the order they were made."""
    # the demo adds its 100,000-call month after it starts serving: wait for it (about a second)
    server_state(request).calls_ready.wait(CALLS_READY_WAIT_S)
    return read(
        request,
        token,
        lambda c: calls.calls_page(
            c.db, c.clock, c.subscriber_id, number, year, month, limit, cursor, c.lang
        ),
    )


@router.get(
    "/accounts/{number}/calls/summary",
    response_model=CallsSummary,
    responses=PROBLEMS,
    summary="The month's calls by zone and direction, and the cost of the last 12 months (issue 14)",
)
def get_calls_summary(
    request: Request,
    number: Number,
    year: Annotated[Year, Query()],
    month: Annotated[Month, Query()],
    token: str = Depends(bearer_token),
) -> Response:
    """Summed by the server: calls, minutes and cost per zone and direction; 12 months of cost."""
    server_state(request).calls_ready.wait(CALLS_READY_WAIT_S)
    return read(
        request,
        token,
        lambda c: calls_summary.get_calls_summary(
            c.db, c.clock, c.subscriber_id, number, year, month, c.lang
        ),
    )


@router.post(
    "/accounts/{number}/payments",
    status_code=status.HTTP_201_CREATED,
    response_model=PaymentOrder,
    responses=PROBLEMS,
    summary="Create a payment order; open its payment_url to pay (R-PAY-1)",
)
def post_payment(
    request: Request,
    number: Number,
    body: PaymentCreate,
    token: str = Depends(bearer_token),
    key: str | None = Depends(idempotency_key),
) -> Response:
    """``{amount}`` (1 ₽ … 100 000 ₽) → the order and the hosted payment page address."""

    secret = server_state(request).secret

    def run(c: Ctx) -> PaymentOrder:
        return payments.create_payment(
            c.db, c.clock, c.subscriber_id, number, body.amount, c.base_url, c.lang, merchant_secret=secret
        )

    return change(request, token, key, run, body=body, status=status.HTTP_201_CREATED)


@router.get(
    "/accounts/{number}/payments/{order}",
    response_model=PaymentOrder,
    responses=PROBLEMS,
    summary="The order's state: the server's word on whether it was paid (R-PAY-3)",
)
def get_payment(
    request: Request,
    number: Number,
    order: Annotated[str, Path(max_length=64)],
    token: str = Depends(bearer_token),
) -> Response:
    """Pending, paid (with the receipt), declined or timed out."""
    return read(
        request, token, lambda c: payments.get_payment(c.db, c.clock, c.subscriber_id, number, order, c.lang)
    )


@router.get(
    "/accounts/{number}/payments/{order}/receipt",
    response_model=Receipt,
    responses=PROBLEMS,
    summary="The 54-FZ receipt of a paid online payment, as the cash register issued it",
)
def get_receipt(
    request: Request,
    number: Number,
    order: Annotated[str, Path(max_length=64)],
    token: str = Depends(bearer_token),
) -> Response:
    """Seller, СНО, РН ККТ, ФН, ФД, ФП, shift and number, the FNS site, the buyer's e-mail, the QR text.

    404 for an order of another account or subscriber, an unpaid order and any non-online payment.
    """
    return read(request, token, lambda c: receipts.get_receipt(c.db, c.subscriber_id, number, order))
