"""Idempotency-Key: same key → the first answer and nothing done twice; another body → 422; races too."""

from __future__ import annotations

import threading
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from annet_contract.schema import ErrorCode, JournalAction
from annet_desktop.api import errors
from annet_desktop.api.client import CabinetClient


def _actions(client: CabinetClient) -> list[JournalAction]:
    return [e.action for e in client.journal(limit=1000).items]


def test_a_repeated_payment_order_is_the_same_order(server: Any) -> None:
    client = server.client(login=server.by_case("internet-discount"))
    number = client.me().accounts[0].number
    first = client.create_payment(number, Decimal("150.00"), idempotency_key="pay-1")
    again = client.create_payment(number, Decimal("150.00"), idempotency_key="pay-1")
    assert again == first
    other = client.create_payment(number, Decimal("150.00"), idempotency_key="pay-2")
    assert other.order_number != first.order_number


def test_a_repeated_credit_is_taken_once(server: Any) -> None:
    client = server.client(login=server.by_case("credit-available"))
    number = next(a.number for a in client.me().accounts if client.account(a.number).credit.available)
    journal_before = _actions(client)
    first = client.take_credit(number, idempotency_key="credit-1")
    balance_after = client.balance_history(number, limit=1000).items
    assert client.take_credit(number, idempotency_key="credit-1") == first
    assert _actions(client).count(JournalAction.CREDIT) == journal_before.count(JournalAction.CREDIT) + 1
    assert client.balance_history(number, limit=1000).items == balance_after
    with pytest.raises(errors.RuleViolation) as caught:
        client.take_credit(number, idempotency_key="credit-2")  # a new key asks again: refused
    assert caught.value.status == 409


def test_a_repeated_block_answers_the_block_instead_of_a_refusal(server: Any) -> None:
    client = server.client(login=server.by_case("internet-discount"))
    number = client.me().accounts[0].number
    service = next(s for s in client.services(number) if s.actions.block.allowed)
    blocks_before = _actions(client).count(JournalAction.BLOCK)
    first = client.block(number, service.id, idempotency_key="block-1")
    assert client.block(number, service.id, idempotency_key="block-1") == first
    assert _actions(client).count(JournalAction.BLOCK) == blocks_before + 1
    with pytest.raises(errors.RuleViolation):
        client.block(number, service.id, idempotency_key="block-2")


def test_the_same_key_with_another_body_is_422(server: Any) -> None:
    client = server.client(login=server.by_case("internet-discount"))
    number = client.me().accounts[0].number
    client.create_payment(number, Decimal("150.00"), idempotency_key="k")
    with pytest.raises(errors.ValidationFailed) as caught:
        client.create_payment(number, Decimal("151.00"), idempotency_key="k")
    assert caught.value.code is ErrorCode.IDEMPOTENCY_MISMATCH
    assert caught.value.status == 422
    with pytest.raises(errors.ValidationFailed) as caught:
        client.update_contacts(email="x@example.ru", idempotency_key="k")  # another endpoint
    assert caught.value.code is ErrorCode.IDEMPOTENCY_MISMATCH
    assert client.me().email != "x@example.ru"


def test_keys_are_scoped_per_subscriber(server: Any) -> None:
    a_demo = server.by_case("internet-discount")
    b_demo = next(x for x in server.accounts if x.name != a_demo.name)
    a, b = server.client(login=a_demo), server.client(login=b_demo)
    a_order = a.create_payment(a.me().accounts[0].number, Decimal("10.00"), idempotency_key="shared")
    b_order = b.create_payment(b.me().accounts[0].number, Decimal("20.00"), idempotency_key="shared")
    assert a_order.order_number != b_order.order_number
    assert b_order.amount == Decimal("20.00")


def test_a_refused_change_is_not_remembered(server: Any) -> None:
    client = server.client(login=server.by_case("internet-discount"))
    with pytest.raises(errors.RuleViolation):
        client.update_contacts(sms_phone="123", idempotency_key="contacts-1")
    me = client.update_contacts(sms_phone="9161234567", idempotency_key="contacts-2")
    assert me.sms_phone == "9161234567"


def _in_threads(count: int, work: Callable[[int], Any]) -> list[Any]:
    results: list[Any] = [None] * count
    barrier = threading.Barrier(count)

    def run(i: int) -> None:
        barrier.wait()
        try:
            results[i] = work(i)
        except Exception as exc:  # collected, asserted by the test
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


def test_racing_requests_with_one_key_make_one_order(server: Any) -> None:
    demo = server.by_case("internet-discount")
    clients = [server.client(login=demo) for _ in range(4)]
    number = clients[0].me().accounts[0].number
    results = _in_threads(
        4, lambda i: clients[i].create_payment(number, Decimal("99.00"), idempotency_key="race").order_number
    )
    assert all(isinstance(r, str) for r in results), results
    assert len(set(results)) == 1


def test_two_concurrent_credits_never_double(server: Any) -> None:
    demo = server.by_case("credit-available")
    clients = [server.client(login=demo) for _ in range(4)]
    number = next(a.number for a in clients[0].me().accounts if clients[0].account(a.number).credit.available)
    credits_before = _actions(clients[0]).count(JournalAction.CREDIT)
    results = _in_threads(4, lambda i: clients[i].take_credit(number))
    taken = [r for r in results if not isinstance(r, Exception)]
    refused = [r for r in results if isinstance(r, errors.RuleViolation)]
    assert len(taken) == 1 and len(refused) == 3, results
    assert _actions(clients[0]).count(JournalAction.CREDIT) == credits_before + 1


def test_a_repeated_password_change_is_done_once(server: Any) -> None:
    from annet_contract.schema import PasswordChange

    demo = server.by_case("no-contacts")
    client = server.client(login=demo)
    body = PasswordChange(current_password=demo.password, new_password="Fresh2026")
    first = client.request("PUT", "/me/password", body=body, idempotency_key="pw-1")
    again = client.request("PUT", "/me/password", body=body, idempotency_key="pw-1")
    assert first.status_code == again.status_code == 204
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert _actions(client).count(JournalAction.PASSWORD) == 1
    assert server.client().login(demo.account, "Fresh2026").token


def test_the_fingerprint_includes_the_path(server: Any) -> None:
    """The same key and body on another account of the subscriber is not a replay of the first."""
    client = server.client(login=server.by_case("multi-account"))
    first, second = [a.number for a in client.me().accounts][:2]
    order = client.create_payment(first, Decimal("150.00"), idempotency_key="pay-both")
    assert order.account == first
    with pytest.raises(errors.RuleViolation) as caught:
        client.create_payment(second, Decimal("150.00"), idempotency_key="pay-both")
    assert caught.value.code is ErrorCode.IDEMPOTENCY_MISMATCH
    assert client.create_payment(second, Decimal("150.00"), idempotency_key="pay-second").account == second
