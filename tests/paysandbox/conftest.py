"""Fixtures of the sandbox tests: ``pay`` starts a payment on the real server and opens its page."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import pytest
from sandbox_payer import Payer


@pytest.fixture
def pay(server: Any) -> Iterator[Callable[..., tuple[Any, str, Any, Payer]]]:
    """``pay(case, amount, login, language) -> (client, account number, order, Payer on the first page)``.

    ``language`` is the client's (``Accept-Language``): billing signs the order's pay request
    with ``Language=en`` for "en".
    """
    payers: list[Payer] = []

    def start(
        case: str = "internet-discount", amount: str = "500.00", login: Any = None, language: str = "ru"
    ) -> tuple[Any, str, Any, Payer]:
        demo = login or server.by_case(case)
        client = server.client(demo, language=language)
        number = client.me().accounts[0].number
        order = client.create_payment(number, Decimal(amount))
        payer = Payer(order.payment_url)
        payers.append(payer)
        return client, number, order, payer

    yield start
    for p in payers:
        p.close()
