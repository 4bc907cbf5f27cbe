"""``/accounts/{number}/services`` and ``/catalog``: services, tariffs, blocks, discounts (R-SVC…R-DISC)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request, status
from fastapi.responses import Response
from sqlalchemy.orm import Session

from annet_contract.schema import (
    BlockQuote,
    CatalogItem,
    DiscountOffers,
    DiscountTake,
    DiscountTaken,
    FirstCharge,
    Service,
    ServiceCreate,
    ServiceCreated,
    TariffChange,
    TariffChangeQuote,
    TariffOptions,
    UnblockQuote,
)

from ..billing import blocks, discounts, services
from .accounts import Number
from .context import PROBLEMS, Ctx, bearer_token, change, idempotency_key, read

router = APIRouter(tags=["services"])

#: A database id in a path: a positive 32-bit integer.
Id = Annotated[int, Path(ge=1, le=2_147_483_647)]

#: a billing function of one service: ``(db, clock, subscriber_id, number, service_id, lang)``
ServiceFn = Callable[[Session, Any, int, str, int, str], Any]


def on_service(number: str, service_id: int, fn: ServiceFn) -> Callable[[Ctx], Any]:
    """``fn`` of one service of the subscriber's account, run in the request's context."""
    return lambda c: fn(c.db, c.clock, c.subscriber_id, number, service_id, c.lang)


@router.get(
    "/accounts/{number}/services",
    response_model=list[Service],
    responses=PROBLEMS,
    summary="The services table, with what each service's window may do now and why not (R-SVC-1/3)",
)
def get_services(request: Request, number: Number, token: str = Depends(bearer_token)) -> Response:
    """Every periodic service of the account."""
    return read(
        request, token, lambda c: services.list_services(c.db, c.clock, c.subscriber_id, number, c.lang)
    )


@router.get(
    "/accounts/{number}/catalog",
    response_model=list[CatalogItem],
    responses=PROBLEMS,
    summary="Services one may subscribe to, with their tariffs (R-SVC-2)",
)
def get_catalog(request: Request, number: Number, token: str = Depends(bearer_token)) -> Response:
    """The operator's catalogue for this account."""
    return read(
        request, token, lambda c: services.list_catalog(c.db, c.clock, c.subscriber_id, number, c.lang)
    )


@router.get(
    "/accounts/{number}/catalog/{catalog_id}/tariffs/{tariff_id}/first-charge",
    response_model=FirstCharge,
    responses=PROBLEMS,
    summary="The pro-rata first charge of a new service, before subscribing (R-SVC-2)",
)
def get_first_charge(
    request: Request, number: Number, catalog_id: Id, tariff_id: Id, token: str = Depends(bearer_token)
) -> Response:
    """Amount, balance and what is missing."""
    return read(
        request,
        token,
        lambda c: services.first_charge_quote(
            c.db, c.clock, c.subscriber_id, number, catalog_id, tariff_id, c.lang
        ),
    )


@router.post(
    "/accounts/{number}/services",
    status_code=status.HTTP_201_CREATED,
    response_model=ServiceCreated,
    responses=PROBLEMS,
    summary="Subscribe to a catalogue service with a tariff; the first charge is pro rata (R-SVC-2)",
)
def post_service(
    request: Request,
    number: Number,
    body: ServiceCreate,
    token: str = Depends(bearer_token),
    key: str | None = Depends(idempotency_key),
) -> Response:
    """``{catalog_id, tariff_id}``."""

    def run(c: Ctx) -> ServiceCreated:
        return services.add_service(
            c.db, c.clock, c.subscriber_id, number, body.catalog_id, body.tariff_id, c.lang
        )

    return change(request, token, key, run, body=body, status=status.HTTP_201_CREATED)


@router.get(
    "/accounts/{number}/services/{service_id}/tariffs",
    response_model=TariffOptions,
    responses=PROBLEMS,
    summary="Tariffs one may switch to, and whether a change is possible now (R-TARIFF)",
)
def get_tariffs(
    request: Request, number: Number, service_id: Id, token: str = Depends(bearer_token)
) -> Response:
    """The tariff table of the service window."""
    return read(request, token, on_service(number, service_id, services.tariff_options))


@router.get(
    "/accounts/{number}/services/{service_id}/tariffs/{tariff_id}/quote",
    response_model=TariffChangeQuote,
    responses=PROBLEMS,
    summary="What a tariff change would do to the money now, before confirming (R-TARIFF-3, R-BILL-3)",
)
def get_tariff_quote(
    request: Request, number: Number, service_id: Id, tariff_id: Id, token: str = Depends(bearer_token)
) -> Response:
    """Refund and charge now, the new monthly fee, whether a discount ends and its advance returned."""
    return read(
        request,
        token,
        lambda c: services.tariff_quote(
            c.db, c.clock, c.subscriber_id, number, service_id, tariff_id, c.lang
        ),
    )


@router.put(
    "/accounts/{number}/services/{service_id}/tariff",
    response_model=Service,
    responses=PROBLEMS,
    summary="Change the tariff: once a calendar month, never a promo one; money follows at once (R-TARIFF)",
)
def put_tariff(
    request: Request,
    number: Number,
    service_id: Id,
    body: TariffChange,
    token: str = Depends(bearer_token),
    key: str | None = Depends(idempotency_key),
) -> Response:
    """``{tariff_id}``."""

    def run(c: Ctx) -> Service:
        return services.change_tariff(
            c.db, c.clock, c.subscriber_id, number, service_id, body.tariff_id, c.lang
        )

    return change(request, token, key, run, body=body)


@router.get(
    "/accounts/{number}/services/{service_id}/block/quote",
    response_model=BlockQuote,
    responses=PROBLEMS,
    summary="What a voluntary block would return now, before confirming (R-BLOCK-1)",
)
def get_block_quote(
    request: Request, number: Number, service_id: Id, token: str = Depends(bearer_token)
) -> Response:
    """The rest of the month that comes back, the balance after, a paid discount that pauses."""
    return read(request, token, on_service(number, service_id, blocks.block_quote))


@router.get(
    "/accounts/{number}/services/{service_id}/unblock/quote",
    response_model=UnblockQuote,
    responses=PROBLEMS,
    summary="What «Разблокировать» would write off now and the balance after, before confirming (R-BLOCK-1)",
)
def get_unblock_quote(
    request: Request, number: Number, service_id: Id, token: str = Depends(bearer_token)
) -> Response:
    """The rest of the month written off from the first day it pays for, and whether a block follows."""
    return read(request, token, on_service(number, service_id, blocks.unblock_quote))


@router.post(
    "/accounts/{number}/services/{service_id}/block",
    response_model=Service,
    responses=PROBLEMS,
    summary="Voluntary block: at most once per calendar month (R-BLOCK-1)",
)
def post_block(
    request: Request,
    number: Number,
    service_id: Id,
    token: str = Depends(bearer_token),
    key: str | None = Depends(idempotency_key),
) -> Response:
    """The service and its charges stop."""
    return change(request, token, key, on_service(number, service_id, blocks.block_service))


@router.delete(
    "/accounts/{number}/services/{service_id}/block",
    response_model=Service,
    responses=PROBLEMS,
    summary="End the voluntary block, at any time (R-BLOCK-1)",
)
def delete_block(
    request: Request,
    number: Number,
    service_id: Id,
    token: str = Depends(bearer_token),
    key: str | None = Depends(idempotency_key),
) -> Response:
    """The service works again."""
    return change(request, token, key, on_service(number, service_id, blocks.unblock_service))


@router.get(
    "/accounts/{number}/services/{service_id}/discounts",
    response_model=DiscountOffers,
    responses=PROBLEMS,
    summary="Discount offers: take or extend, selectable or read-only and why (R-DISC)",
)
def get_discounts(
    request: Request, number: Number, service_id: Id, token: str = Depends(bearer_token)
) -> Response:
    """The table of «Получить скидку» / «Продлить скидку»."""
    return read(request, token, on_service(number, service_id, discounts.discount_offers))


@router.post(
    "/accounts/{number}/services/{service_id}/discount",
    response_model=DiscountTaken,
    responses=PROBLEMS,
    summary="Take or extend a discount: the advance is written off (R-DISC-3/4)",
)
def post_discount(
    request: Request,
    number: Number,
    service_id: Id,
    body: DiscountTake,
    token: str = Depends(bearer_token),
    key: str | None = Depends(idempotency_key),
) -> Response:
    """``{offer_id}``."""

    def run(c: Ctx) -> DiscountTaken:
        return discounts.take_discount(
            c.db, c.clock, c.subscriber_id, number, service_id, body.offer_id, c.lang
        )

    return change(request, token, key, run, body=body)
