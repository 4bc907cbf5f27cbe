"""Every endpoint through the typed client against the real server, and the journal entry of every change."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from annet_contract.schema import (
    Actor,
    BalanceKind,
    DiscountMode,
    ErrorCode,
    JournalAction,
    JournalEntry,
    OrderState,
    ServiceKind,
)
from annet_desktop.api import errors
from annet_desktop.api.client import CabinetClient


def _newest(client: CabinetClient) -> JournalEntry:
    return client.journal(limit=1).items[0]


def _internet(client: CabinetClient, number: str) -> Any:
    return next(s for s in client.services(number) if s.kind is ServiceKind.INTERNET)


def _account_with(client: CabinetClient, predicate: Any) -> str:
    return next(a.number for a in client.me().accounts if predicate(client.account(a.number)))


# --------------------------------------------------------------------------- subscriber


def test_me_has_the_subscriber_and_the_accounts(server: Any) -> None:
    demo = server.by_case("multi-account")
    me = server.client(login=demo).me()
    assert me.name == demo.name
    assert len(me.accounts) >= 2
    assert demo.account in [a.number for a in me.accounts]


def test_no_contacts_case_has_neither(server: Any) -> None:
    me = server.client(login=server.by_case("no-contacts")).me()
    assert me.sms_phone is None and me.email is None


def test_contacts_change_and_clear_with_journal_entries(server: Any) -> None:
    client = server.client(login=server.by_case("no-contacts"))
    me = client.update_contacts(sms_phone="9161234567")
    assert me.sms_phone == "9161234567" and me.email is None
    entry = _newest(client)
    assert entry.action is JournalAction.CONTACT_SMS and entry.actor is Actor.SUBSCRIBER
    assert (entry.old_value, entry.new_value) == (None, "9161234567")
    assert entry.at == server.clock.now()

    me = client.update_contacts(email="ivanov@example.ru")
    assert me.email == "ivanov@example.ru" and me.sms_phone == "9161234567"  # the absent field stays
    assert _newest(client).action is JournalAction.CONTACT_EMAIL

    me = client.update_contacts(sms_phone=None)
    assert me.sms_phone is None and me.email == "ivanov@example.ru"
    entry = _newest(client)
    assert (entry.action, entry.old_value, entry.new_value) == (JournalAction.CONTACT_SMS, "9161234567", None)


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"sms_phone": "916123456"}, ErrorCode.CONTACTS_BAD_PHONE),
        ({"sms_phone": "89161234567"}, ErrorCode.CONTACTS_BAD_PHONE),
        ({"sms_phone": "+79161234567"}, ErrorCode.CONTACTS_BAD_PHONE),
        ({"sms_phone": "916-123-45-67"}, ErrorCode.CONTACTS_BAD_PHONE),
        ({"email": "ivanov"}, ErrorCode.CONTACTS_BAD_EMAIL),
        ({"email": "ivanov@"}, ErrorCode.CONTACTS_BAD_EMAIL),
        ({"email": "a b@example.ru"}, ErrorCode.CONTACTS_BAD_EMAIL),
    ],
)
def test_bad_contacts_are_refused_with_a_field_message(
    server: Any, fields: dict[str, str], code: ErrorCode
) -> None:
    client = server.client(login=server.by_case("no-contacts"))
    journal = client.journal().items
    with pytest.raises(errors.RuleViolation) as caught:
        client.update_contacts(**fields)
    assert caught.value.code is code and caught.value.status == 422
    assert str(caught.value)
    assert [e.field for e in caught.value.errors] == list(fields)
    assert client.me().sms_phone is None and client.journal().items == journal


def test_password_change_is_journalled_without_the_value(server: Any) -> None:
    demo = server.accounts[0]
    client = server.client(login=demo)
    client.change_password(demo.password, "Secret987")
    entry = _newest(client)
    assert entry.action is JournalAction.PASSWORD
    assert "Secret987" not in entry.model_dump_json() and demo.password not in entry.model_dump_json()


@pytest.mark.parametrize(
    ("current", "new", "code"),
    [
        ("wrong-current-1", "Secret987", ErrorCode.PASSWORD_WRONG_CURRENT),
        (None, "short1", None),  # 6 characters with letters and digits is enough
        (None, "abc12", ErrorCode.PASSWORD_WEAK),
        (None, "abcdefgh", ErrorCode.PASSWORD_WEAK),
        (None, "12345678", ErrorCode.PASSWORD_WEAK),
    ],
)
def test_password_rules(server: Any, current: str | None, new: str, code: ErrorCode | None) -> None:
    demo = server.accounts[0]
    client = server.client(login=demo)
    if code is None:
        client.change_password(demo.password, new)
        assert server.client().login(demo.account, new).token
        return
    with pytest.raises(errors.RuleViolation) as caught:
        client.change_password(current or demo.password, new)
    assert caught.value.code is code
    assert server.client().login(demo.account, demo.password).token  # still the old password


# --------------------------------------------------------------------------- account and credit


def test_account_information_area(server: Any) -> None:
    client = server.client(login=server.by_case("internet-discount"))
    for ref in client.me().accounts:
        account = client.account(ref.number)
        assert account.number == ref.number
        assert account.recommended_payment >= 0
        assert account.recommended_payment == account.recommended_payment.to_integral_value()


def test_credit_lifts_the_financial_block_and_is_journalled(server: Any) -> None:
    client = server.client(login=server.by_case("credit-available"))
    number = _account_with(client, lambda a: a.credit.available)
    assert client.account(number).financial_block
    out = client.take_credit(number)
    assert (
        out.ends_at == server.clock.now() + dt.timedelta(days=5)
        or out.ends_at.date() == (server.clock.now() + dt.timedelta(days=5)).date()
    )
    assert not out.account.financial_block and out.account.credit.in_force
    now = [e for e in client.journal(limit=10).items if e.at == server.clock.now()]
    assert JournalAction.CREDIT in [e.action for e in now]  # (with the block lifted by the system)
    assert [e.actor for e in now if e.action is JournalAction.CREDIT] == [Actor.SUBSCRIBER]


def test_credit_banned_case_is_refused(server: Any) -> None:
    client = server.client(login=server.by_case("credit-banned"))
    number = _account_with(client, lambda a: a.financial_block)
    account = client.account(number)
    assert not account.credit.available and account.credit.banned_until is not None
    with pytest.raises(errors.RuleViolation) as caught:
        client.take_credit(number)
    assert caught.value.code is ErrorCode.CREDIT_BANNED and caught.value.status == 409


def test_credit_without_a_block_is_refused_in_english_too(server: Any) -> None:
    demo = server.by_case("internet-discount")
    for language in ("ru", "en"):
        client = server.client(login=demo, language=language)
        number = client.me().accounts[0].number
        with pytest.raises(errors.RuleViolation) as caught:
            client.take_credit(number)
        assert caught.value.code is ErrorCode.CREDIT_NOT_BLOCKED
        texts = str(caught.value)
        assert texts and (any("а" <= ch <= "я" for ch in texts.lower()) == (language == "ru"))


# --------------------------------------------------------------------------- services


def test_services_table_and_service_window_actions(server: Any) -> None:
    client = server.client(login=server.by_case("internet-discount"))
    number = client.me().accounts[0].number
    services = client.services(number)
    assert services and all(s.tariff and s.quantity >= 1 for s in services)
    internet = _internet(client, number)
    assert internet.actions.change_tariff.allowed
    assert internet.actions.discount.allowed


def test_new_service_from_the_catalogue(server: Any) -> None:
    client = server.client(login=server.by_case("internet-discount"))
    number = client.me().accounts[0].number
    catalog = client.catalog(number)
    assert catalog and all(item.tariffs for item in catalog)
    item = catalog[0]
    tariff = item.tariffs[0]
    quote = client.first_charge(number, item.id, tariff.id)
    assert 0 < quote.amount <= tariff.fee and quote.missing == 0
    balance_before = client.account(number).balance
    created = client.add_service(number, item.id, tariff.id)
    assert created.first_charge == quote.amount
    assert created.service.name == item.name
    assert client.account(number).balance == balance_before - quote.amount
    assert any(s.id == created.service.id for s in client.services(number))
    assert _newest(client).action is JournalAction.SERVICE_NEW
    newest_money = client.balance_history(number, limit=1).items[0]
    assert newest_money.kind is BalanceKind.FIRST_CHARGE and newest_money.amount == -quote.amount


def test_tariff_change_once_a_month(server: Any) -> None:
    client = server.client(login=server.by_case("internet-discount"))
    number = client.me().accounts[0].number
    internet = _internet(client, number)
    options = client.tariffs(number, internet.id)
    assert options.change.allowed and options.tariffs and options.effective
    target = next(t for t in options.tariffs if t.id != options.current.id)
    changed = client.change_tariff(number, internet.id, target.id)
    assert changed.tariff.id == target.id
    entry = _newest(client)
    assert entry.action is JournalAction.TARIFF
    assert (entry.old_value, entry.new_value) == (options.current.name, target.name)
    back = next(t for t in client.tariffs(number, internet.id).tariffs if t.id != target.id)
    with pytest.raises(errors.RuleViolation) as caught:
        client.change_tariff(number, internet.id, back.id)
    assert caught.value.code is ErrorCode.TARIFF_MONTHLY_LIMIT
    assert str(caught.value) == "Смена тарифа разрешена только один раз в месяц"


def test_promo_tariff_cannot_be_changed(server: Any) -> None:
    client = server.client(login=server.by_case("promo-tariff"))
    number = next(
        a.number for a in client.me().accounts if any(s.tariff.promo for s in client.services(a.number))
    )
    service = next(s for s in client.services(number) if s.tariff.promo)
    assert not service.actions.change_tariff.allowed and service.actions.change_tariff.reason
    options = client.tariffs(number, service.id)
    with pytest.raises(errors.RuleViolation) as caught:
        client.change_tariff(number, service.id, (options.tariffs or [options.current])[0].id)
    assert caught.value.code in (ErrorCode.TARIFF_PROMO, ErrorCode.TARIFF_SAME)


def test_voluntary_block_and_unblock(server: Any) -> None:
    client = server.client(login=server.by_case("internet-discount"))
    number = client.me().accounts[0].number
    service = _internet(client, number)
    blocked = client.block(number, service.id)
    assert blocked.block == "voluntary" and blocked.fee == 0
    assert _newest(client).action is JournalAction.BLOCK
    assert client.account(number).status == "blocked"
    unblocked = client.unblock(number, service.id)
    assert unblocked.block is None
    assert _newest(client).action is JournalAction.UNBLOCK
    with pytest.raises(errors.RuleViolation) as caught:
        client.block(number, service.id)  # a second voluntary block in the same calendar month
    assert caught.value.code is ErrorCode.BLOCK_MONTHLY_LIMIT


def test_administrative_block_cannot_be_blocked_voluntarily(server: Any) -> None:
    client = server.client(login=server.by_case("admin-block"))
    number, service = next(
        (a.number, s)
        for a in client.me().accounts
        for s in client.services(a.number)
        if s.block == "administrative"
    )
    assert not service.actions.block.allowed
    with pytest.raises(errors.RuleViolation) as caught:
        client.block(number, service.id)
    assert caught.value.code is ErrorCode.BLOCK_NOT_ALLOWED


def test_discount_taken_with_advance_and_journal(server: Any) -> None:
    client = server.client(login=server.by_case("internet-discount"))
    number = client.me().accounts[0].number
    internet = _internet(client, number)
    offers = client.discounts(number, internet.id)
    assert offers.mode is DiscountMode.TAKE and offers.selectable
    offer = offers.offers[-1]
    assert offer.missing == 0
    balance_before = client.account(number).balance
    taken = client.take_discount(number, internet.id, offer.id)
    assert taken.advance == offer.advance and taken.discount.percent == offer.percent
    assert client.account(number).balance == balance_before - offer.advance
    assert _newest(client).action is JournalAction.DISCOUNT
    assert client.balance_history(number, limit=1).items[0].kind is BalanceKind.DISCOUNT_ADVANCE


def test_discount_extension_window(server: Any) -> None:
    client = server.client(login=server.by_case("discount-extendable"))
    number, service = next(
        (a.number, s)
        for a in client.me().accounts
        for s in client.services(a.number)
        if s.discount is not None
    )
    offers = client.discounts(number, service.id)
    assert offers.mode is DiscountMode.EXTEND and service.actions.extend_discount.allowed
    affordable = [o for o in offers.offers if o.missing == 0]
    assert offers.selectable and affordable
    taken = client.take_discount(number, service.id, affordable[0].id)
    assert service.discount is not None and taken.discount.ends_on > service.discount.ends_on
    assert _newest(client).action is JournalAction.DISCOUNT_EXTEND


# --------------------------------------------------------------------------- lists


def test_balance_history_pages_newest_first(server: Any) -> None:
    client = server.client(login=server.by_case("telephony"))
    number = client.me().accounts[0].number
    everything = client.balance_history(number, limit=1000).items
    assert len(everything) >= 3
    assert [e.at for e in everything] == sorted((e.at for e in everything), reverse=True)
    paged, cursor = [], None
    while True:
        page = client.balance_history(number, limit=2, cursor=cursor)
        paged.extend(page.items)
        cursor = page.next_cursor
        if not cursor:
            break
    assert paged == everything


def test_journal_pages_newest_first(server: Any) -> None:
    client = server.client(login=server.by_case("no-contacts"))
    for i in range(5):
        client.update_contacts(email=f"n{i}@example.ru")
        server.clock.advance(dt.timedelta(minutes=1))
    everything = client.journal(limit=1000).items
    first = client.journal(limit=3)
    second = client.journal(limit=3, cursor=first.next_cursor)
    assert first.items + second.items == everything[:6]
    assert first.items[0].new_value == "n4@example.ru"


def test_calls_of_a_month_with_the_month_selector(server: Any) -> None:
    client = server.client(login=server.by_case("telephony"))
    number = next(a.number for a in client.me().accounts if a.has_telephony)
    page = client.calls(number, 2026, 11, limit=10)
    assert page.months and page.months[0] >= (2026, 10)
    year, month = page.months[-1]
    older = client.calls(number, year, month, limit=100_000)
    assert older.total == len(older) > 0
    assert all(x.year == year and x.month == month for x in older.started_at)
    columns = (older.caller, older.callee, older.direction, older.duration_s, older.cost, older.zone)
    assert all(len(c) == len(older) for c in columns)


@pytest.mark.big_calls
def test_the_100k_month_travels_gzip_in_pages(server: Any) -> None:
    demo = server.by_case("business-100k")
    client = server.client(login=demo)
    number = next(a.number for a in client.me().accounts if a.has_telephony)
    sizes: list[tuple[str | None, int]] = []
    client._http.hooks["response"].append(
        lambda r, *a, **k: sizes.append((r.headers.get("Content-Encoding"), int(r.headers["Content-Length"])))
    )
    pages = list(client.iter_calls(number, 2026, 11, limit=25_000))
    assert sum(len(p) for p in pages) == pages[0].total >= 100_000
    assert [p.offset for p in pages] == [i * 25_000 for i in range(len(pages))]
    started = [t for p in pages for t in p.started_at]
    assert started == sorted(started)
    assert all(encoding == "gzip" for encoding, _ in sizes)
    assert sum(size for _, size in sizes) < 5_000_000


# --------------------------------------------------------------------------- payments


def test_payment_order_and_its_confirmation(server: Any) -> None:
    from annet_server import billing

    client = server.client(login=server.by_case("credit-available"))
    number = _account_with(client, lambda a: a.financial_block)
    before = client.account(number)
    order = client.create_payment(number, Decimal("1500.00"))
    assert order.state is OrderState.PENDING and order.amount == Decimal("1500.00")
    assert order.payment_url.startswith(f"{server.url}/pay/")
    assert client.payment(number, order.order_number) == order
    with server.session() as db:  # what the payment sandbox does when the card is accepted
        billing.confirm_payment(
            db, server.clock, order.order_number, approved=True, billnumber="B-1", reason=None
        )
        db.commit()
    paid = client.payment(number, order.order_number)
    assert (
        paid.state is OrderState.PAID and paid.receipt is not None and paid.receipt.sum == Decimal("1500.00")
    )
    assert client.account(number).balance == before.balance + Decimal("1500.00")
    top = client.balance_history(number, limit=1).items[0]
    assert top.kind is BalanceKind.PAYMENT and top.amount == Decimal("1500.00")
    assert _newest(client).action is JournalAction.PAYMENT


@pytest.mark.parametrize("amount", ["0.99", "0.00", "-5.00", "100000.01"])
def test_payment_amount_outside_the_limits(server: Any, amount: str) -> None:
    client = server.client(login=server.by_case("internet-discount"))
    number = client.me().accounts[0].number
    with pytest.raises(errors.RuleViolation) as caught:
        client.create_payment(number, Decimal(amount))
    assert caught.value.code is ErrorCode.PAYMENT_AMOUNT and caught.value.status == 422


@pytest.mark.parametrize("amount", ["1.00", "100000.00"])
def test_payment_amount_at_the_limits(server: Any, amount: str) -> None:
    client = server.client(login=server.by_case("internet-discount"))
    number = client.me().accounts[0].number
    assert client.create_payment(number, Decimal(amount)).amount == Decimal(amount)


def test_an_order_that_does_not_exist_is_404(server: Any) -> None:
    client = server.client(login=server.by_case("internet-discount"))
    number = client.me().accounts[0].number
    with pytest.raises(errors.NotFound):
        client.payment(number, "no-such-order")
