"""The typed client's quote methods against the real server (issue 11, item 3/5; docs: BRIEF quote API).

A quote says what the action will do to the money; the action is the quote applied: the balance and
the «Баланс» rows after the action are exactly the quoted ones. Another subscriber's service is
404; a refused action is refused as a quote with the same words.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from annet_contract.schema import BalanceKind, BlockQuote, ServiceKind, TariffChangeQuote, UnblockQuote
from annet_desktop.api import errors


def _internet(client: Any, number: str) -> Any:
    return next(s for s in client.services(number) if s.kind is ServiceKind.INTERNET)


def _rows_after(client: Any, number: str, count: int) -> list[tuple[Any, str]]:
    items = client.balance_history(number, limit=count).items
    assert all(e.kind is BalanceKind.RECALCULATION for e in items)
    return [(e.amount, e.description) for e in reversed(items)]


def test_block_then_unblock_are_their_quotes_applied(server: Any) -> None:
    demo = server.by_case("internet-discount")
    client = server.client(demo)
    number = demo.account
    service = _internet(client, number)
    before = client.account(number).balance
    quote = client.block_quote(number, service.id)
    assert isinstance(quote, BlockQuote)
    assert quote.refund_now > 0 and quote.charge_now == 0 and not quote.financial_block_after
    assert quote.balance_after == before + quote.refund_now
    assert client.account(number).balance == before  # a quote changes nothing
    client.block(number, service.id)
    assert client.account(number).balance == quote.balance_after
    assert _rows_after(client, number, len(quote.rows)) == [(r.amount, r.text) for r in quote.rows]
    server.clock.advance(dt.timedelta(days=3))
    client = server.client(demo)  # the session ended with the clock's move
    unblock = client.unblock_quote(number, service.id)
    assert isinstance(unblock, UnblockQuote)
    assert unblock.paid_from == server.clock.now().date()
    assert unblock.charge_now > 0 and unblock.refund_now == 0
    client.unblock(number, service.id)
    assert client.account(number).balance == unblock.balance_after
    assert _rows_after(client, number, len(unblock.rows)) == [(r.amount, r.text) for r in unblock.rows]


def test_tariff_quote_is_the_change_applied(server: Any) -> None:
    demo = server.by_case("discount-extendable")
    client = server.client(demo)
    number = demo.account
    service = _internet(client, number)
    options = client.tariffs(number, service.id)
    new = next(t for t in options.tariffs if t.id != options.current.id and not t.promo)
    quote = client.tariff_quote(number, service.id, new.id)
    assert isinstance(quote, TariffChangeQuote)
    assert quote.new_fee == new.fee * service.quantity
    assert quote.discount_ends and quote.advance_returned > 0
    changed = client.change_tariff(number, service.id, new.id)
    assert changed.tariff.id == new.id
    assert client.account(number).balance == quote.balance_after
    assert _rows_after(client, number, len(quote.rows)) == [(r.amount, r.text) for r in quote.rows]


def test_quote_of_another_subscribers_service_is_not_found(server: Any) -> None:
    mine = server.client(server.by_case("internet-discount"))
    other = server.by_case("telephony")
    theirs = _internet(server.client(other), other.account)
    with pytest.raises(errors.NotFound):
        mine.block_quote(other.account, theirs.id)
    with pytest.raises(errors.NotFound):
        mine.unblock_quote(other.account, theirs.id)
    with pytest.raises(errors.NotFound):
        mine.tariff_quote(other.account, theirs.id, theirs.tariff.id)


def test_a_refused_action_is_refused_as_a_quote_with_the_same_words(server: Any) -> None:
    demo = server.by_case("internet-discount")
    client = server.client(demo)
    number = demo.account
    service = _internet(client, number)
    with pytest.raises(errors.RuleViolation) as quoted:
        client.unblock_quote(number, service.id)  # not blocked
    with pytest.raises(errors.RuleViolation) as acted:
        client.unblock(number, service.id)
    assert str(quoted.value) == str(acted.value) and quoted.value.code == acted.value.code
