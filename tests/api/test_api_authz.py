"""Authorization across two subscribers: another subscriber's account, service or order is 404, never 403.

Every account-scoped endpoint is called by subscriber A with subscriber B's account number, and
every service- or order-scoped one also with A's own account number and B's ids; afterwards B's
data is exactly as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from annet_contract.schema import ErrorCode, ServiceKind
from annet_desktop.api import errors
from annet_desktop.api.client import CabinetClient


class _Ids:
    """Real ids of subscriber B (and A's own account number), found through the API."""

    def __init__(self, a: CabinetClient, b: CabinetClient) -> None:
        self.a_number = a.me().accounts[0].number
        self.b_number = b.me().accounts[0].number
        services = b.services(self.b_number)
        self.b_service = services[0].id
        internet = [s for s in services if s.kind is ServiceKind.INTERNET]
        self.b_internet = internet[0].id if internet else self.b_service
        offers = b.discounts(self.b_number, self.b_internet).offers if internet else []
        self.b_offer = offers[0].id if offers else 1
        catalog = b.catalog(self.b_number)
        self.catalog_id = catalog[0].id if catalog else 1
        self.tariff_id = catalog[0].tariffs[0].id if catalog else 1
        self.b_tariff = b.tariffs(self.b_number, self.b_service).current.id
        self.b_order = b.create_payment(self.b_number, Decimal("100.00")).order_number


Call = Callable[[CabinetClient, _Ids], Any]

WITH_B_NUMBER: dict[str, Call] = {
    "account": lambda c, i: c.account(i.b_number),
    "take_credit": lambda c, i: c.take_credit(i.b_number),
    "forecast": lambda c, i: c.forecast(i.b_number),
    "services": lambda c, i: c.services(i.b_number),
    "catalog": lambda c, i: c.catalog(i.b_number),
    "first_charge": lambda c, i: c.first_charge(i.b_number, i.catalog_id, i.tariff_id),
    "add_service": lambda c, i: c.add_service(i.b_number, i.catalog_id, i.tariff_id),
    "tariffs": lambda c, i: c.tariffs(i.b_number, i.b_service),
    "change_tariff": lambda c, i: c.change_tariff(i.b_number, i.b_service, i.b_tariff),
    "block": lambda c, i: c.block(i.b_number, i.b_service),
    "unblock": lambda c, i: c.unblock(i.b_number, i.b_service),
    "discounts": lambda c, i: c.discounts(i.b_number, i.b_internet),
    "take_discount": lambda c, i: c.take_discount(i.b_number, i.b_internet, i.b_offer),
    "balance_history": lambda c, i: c.balance_history(i.b_number),
    "calls": lambda c, i: c.calls(i.b_number, 2026, 11),
    "calls_summary": lambda c, i: c.calls_summary(i.b_number, 2026, 11),
    "create_payment": lambda c, i: c.create_payment(i.b_number, Decimal("100.00")),
    "payment": lambda c, i: c.payment(i.b_number, i.b_order),
}

WITH_OWN_NUMBER_AND_B_IDS: dict[str, Call] = {
    "tariffs": lambda c, i: c.tariffs(i.a_number, i.b_service),
    "change_tariff": lambda c, i: c.change_tariff(i.a_number, i.b_service, i.b_tariff),
    "block": lambda c, i: c.block(i.a_number, i.b_service),
    "unblock": lambda c, i: c.unblock(i.a_number, i.b_service),
    "discounts": lambda c, i: c.discounts(i.a_number, i.b_internet),
    "take_discount": lambda c, i: c.take_discount(i.a_number, i.b_internet, i.b_offer),
    "payment": lambda c, i: c.payment(i.a_number, i.b_order),
}


def _two(server: Any) -> tuple[CabinetClient, CabinetClient]:
    a = server.by_case("internet-discount")
    b = next(x for x in server.accounts if x.name != a.name and "telephony" in x.cases)
    return server.client(login=a), server.client(login=b)


def _snapshot(client: CabinetClient, number: str) -> tuple[Any, ...]:
    return (
        client.account(number),
        client.services(number),
        client.balance_history(number, limit=1000).items,
        client.journal(limit=1000).items,
    )


def _assert_not_found(call: Call, client: CabinetClient, ids: _Ids) -> None:
    with pytest.raises(errors.ApiError) as caught:
        call(client, ids)
    assert type(caught.value) is errors.NotFound, f"{type(caught.value).__name__}: {caught.value}"
    assert caught.value.status == 404 and caught.value.code is ErrorCode.NOT_FOUND
    assert str(caught.value) == "Не найдено."


def test_every_endpoint_with_someone_elses_account_is_404(server: Any) -> None:
    a, b = _two(server)
    ids = _Ids(a, b)
    before = _snapshot(b, ids.b_number)
    for name, call in WITH_B_NUMBER.items():
        try:
            _assert_not_found(call, a, ids)
        except AssertionError as exc:
            raise AssertionError(f"{name}: {exc}") from None
    assert _snapshot(b, ids.b_number) == before


def test_someone_elses_service_or_order_under_my_account_is_404(server: Any) -> None:
    a, b = _two(server)
    ids = _Ids(a, b)
    before = _snapshot(b, ids.b_number)
    for name, call in WITH_OWN_NUMBER_AND_B_IDS.items():
        try:
            _assert_not_found(call, a, ids)
        except AssertionError as exc:
            raise AssertionError(f"{name}: {exc}") from None
    assert _snapshot(b, ids.b_number) == before


def test_the_404_is_the_same_as_for_an_account_that_does_not_exist(server: Any, raw: Any) -> None:
    a_demo = server.by_case("internet-discount")
    b_demo = next(x for x in server.accounts if x.name != a_demo.name)
    token = raw("POST", "/session", json={"account": a_demo.account, "password": a_demo.password}).json()[
        "token"
    ]
    theirs = raw("GET", f"/accounts/{b_demo.account}", token=token)
    nobodys = raw("GET", "/accounts/55555555555", token=token)
    assert theirs.status_code == nobodys.status_code == 404
    assert theirs.content == nobodys.content


def test_the_journal_is_only_mine(server: Any) -> None:
    a, b = _two(server)
    b.update_contacts(email="b-only@example.ru")
    assert all(e.new_value != "b-only@example.ru" for e in a.journal(limit=1000).items)
    assert any(e.new_value == "b-only@example.ru" for e in b.journal(limit=1000).items)
