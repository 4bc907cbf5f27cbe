"""Subscriber data and lists: contacts (R-SUB), password (R-PWD), journal (R-LOG), paging, English
texts, bad input (FakeClock, no HTTP)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest
import test_billing_world as _world
from test_billing_world import PASSWORD, World, msk

from annet_contract.schema import Actor, ErrorCode, JournalAction
from annet_server import billing, messages
from annet_server.db import from_kopecks
from annet_server.passwords import verify_password

WorldFactory = Callable[[dt.datetime], World]
world_factory = _world.world_factory  # the shared fixture


def test_contacts_change_clear_and_journal(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 16, 12))
    sub = world.subscriber()
    me = world.run(billing.update_contacts, sub, {"sms_phone": "9161234567"}, "ru")
    assert me.sms_phone == "9161234567" and me.email == f"u{sub.number}@example.ru"
    me = world.run(billing.update_contacts, sub, {"email": None}, "ru")
    assert me.email is None and me.sms_phone == "9161234567"
    me = world.run(billing.update_contacts, sub, {"sms_phone": ""}, "ru")
    assert me.sms_phone is None
    world.run(billing.update_contacts, sub, {"sms_phone": None}, "ru")  # no change, no entry
    journal = world.journal(sub)
    assert [(e.action, e.old_value, e.new_value) for e in journal] == [
        (JournalAction.CONTACT_SMS, "9161234567", None),
        (JournalAction.CONTACT_EMAIL, f"u{sub.number}@example.ru", None),
        (JournalAction.CONTACT_SMS, "9051234567", "9161234567"),
    ]
    assert all(e.actor is Actor.SUBSCRIBER for e in journal)
    assert journal[0].title == "Смена № для SMS"
    assert world.journal(sub, "en")[0].title == "SMS number changed"


@pytest.mark.parametrize("phone", ["89161234567", "+79161234567", "916123456", "916-123-4567", "91612345ab"])
def test_bad_sms_number_is_refused_and_nothing_changes(world_factory: WorldFactory, phone: str) -> None:
    world = world_factory(msk(2026, 11, 16, 12))
    sub = world.subscriber()
    with pytest.raises(billing.RuleError) as caught:
        world.run(billing.update_contacts, sub, {"sms_phone": phone, "email": "new@example.ru"}, "ru")
    assert caught.value.code is ErrorCode.CONTACTS_BAD_PHONE and caught.value.status == 422
    assert caught.value.field_errors("ru")[0].field == "sms_phone"
    assert "10 цифр" in caught.value.field_errors("ru")[0].message
    me = world.run(billing.get_me, sub, "ru")
    assert me.sms_phone == "9051234567" and me.email == f"u{sub.number}@example.ru"
    assert world.journal(sub) == []


@pytest.mark.parametrize("email", ["plain", "a@b", "a@@b.ru", "a b@c.ru", "a..b@c.ru", "@c.ru", "x@-c.ru"])
def test_bad_email_is_refused(world_factory: WorldFactory, email: str) -> None:
    world = world_factory(msk(2026, 11, 16, 12))
    sub = world.subscriber()
    with pytest.raises(billing.RuleError) as caught:
        world.run(billing.update_contacts, sub, {"email": email}, "en")
    assert caught.value.code is ErrorCode.CONTACTS_BAD_EMAIL
    assert caught.value.field_errors("en")[0].message == "Invalid e-mail address."


def test_password_change_rules_and_journal_without_the_value(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 16, 12))
    sub = world.subscriber(with_password=True)
    for current, new, code in (
        ("wrong1", "Abcdef12", ErrorCode.PASSWORD_WRONG_CURRENT),
        (PASSWORD, "abcdef", ErrorCode.PASSWORD_WEAK),
        (PASSWORD, "123456", ErrorCode.PASSWORD_WEAK),
        (PASSWORD, "ab12", ErrorCode.PASSWORD_WEAK),
        (PASSWORD, PASSWORD, ErrorCode.PASSWORD_SAME),
    ):
        with pytest.raises(billing.RuleError) as caught:
            world.run(billing.change_password, sub, current, new, "ru")
        assert caught.value.code is code and caught.value.status == 422
    world.run(billing.change_password, sub, PASSWORD, "Tver2026new", "ru")
    with world.sessions() as db:
        from annet_server import models as m

        row = db.get(m.Subscriber, sub.id)
        assert row is not None and verify_password(row.password_hash, "Tver2026new")
        assert not verify_password(row.password_hash, PASSWORD)
        values = [(e.old_value, e.new_value) for e in db.query(m.JournalEntry).all()]
    assert values and all("Tver2026new" not in str(v) and PASSWORD not in str(v) for v in values)
    entry = world.journal(sub)[0]
    assert entry.action is JournalAction.PASSWORD and entry.new_value == "пароль изменён"


def test_balance_history_and_journal_page_newest_first(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 16, 12))
    sub = world.subscriber("0.00")
    for i in range(7):
        world.clock.advance(dt.timedelta(minutes=1))
        world.pay(sub, f"{10 + i}.00")
    seen, cursor = [], None
    while True:
        page = world.run(billing.balance_history, sub, sub.number, 3, cursor, "ru")
        seen.extend(page.items)
        cursor = page.next_cursor
        if cursor is None:
            break
    assert [e.amount for e in seen] == [from_kopecks((16 - i) * 100) for i in range(7)]
    assert [e.at for e in seen] == sorted((e.at for e in seen), reverse=True)
    journal = world.run(billing.journal_page, sub, 4, None, "ru")
    assert len(journal.items) == 4 and journal.next_cursor
    rest = world.run(billing.journal_page, sub, 4, journal.next_cursor, "ru")
    assert len(rest.items) == 3 and rest.next_cursor is None
    assert {e.id for e in journal.items}.isdisjoint(e.id for e in rest.items)


@pytest.mark.parametrize("cursor", ["garbage!", "bm90LWEtY3Vyc29y", "", "MjAyNnxhYmM"])
def test_bad_cursor_is_a_validation_error(world_factory: WorldFactory, cursor: str) -> None:
    world = world_factory(msk(2026, 11, 16, 12))
    sub = world.subscriber()
    if cursor == "":  # empty cursor = the first page
        assert world.run(billing.balance_history, sub, sub.number, 5, cursor, "ru").items == []
        return
    for fn, args in (
        (billing.balance_history, (sub.number, 5, cursor, "ru")),
        (billing.journal_page, (5, cursor, "ru")),
        (billing.calls_page, (sub.number, 2026, 11, 5, cursor)),
    ):
        with pytest.raises(billing.RuleError) as caught:
            world.run(fn, sub, *args)
        assert caught.value.code is ErrorCode.VALIDATION and caught.value.status == 422


def test_every_error_code_and_journal_action_has_both_languages() -> None:
    for code in ErrorCode:
        ru, en = messages.message(code, "ru"), messages.message(code, "en")
        assert (ru and en and ru != en) or code in (ErrorCode.NOT_FOUND,)
        assert messages.title(code, "ru") and messages.title(code, "en")
    for action in JournalAction:
        assert messages.message("journal." + action.value, "en").isascii()
    assert messages.message(ErrorCode.AUTH_DENIED, "ru") == "Доступ запрещён"
    assert messages.message(ErrorCode.PAYMENT_DECLINED, "ru") == (
        "Отказ в авторизации. Проверьте параметры платежного средства."
    )


def test_english_service_texts(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 16, 12))
    sub = world.subscriber(tariff="Акция: Гигабит за 1 ₽")
    service = world.service(sub, "en")
    assert service.name == "Internet access"
    assert service.actions.change_tariff.reason and service.actions.change_tariff.reason.isascii()
    account = world.account(sub, "en")
    assert account.title == "Internet" and account.credit.reason and account.credit.reason.isascii()


def test_recorded_calls_page_with_cursor_and_months(world_factory: WorldFactory) -> None:
    world = world_factory(msk(2026, 11, 16, 12))
    sub = world.subscriber()
    calls = [
        {
            "started_at": msk(2026, 11, 1 + i % 15, 10, i % 60),
            "caller": "84822431562",
            "callee": f"8905{i:07d}",
            "direction": "out" if i % 3 else "in",
            "duration_s": 30 + i,
            "cost": Decimal("1.90") * (i % 4),
            "zone": "Мобильные Тверь",
        }
        for i in range(25)
    ] + [{"started_at": msk(2026, 10, 31, 23, 59, 59), "caller": "1", "callee": "2", "direction": "in",
          "duration_s": 5, "cost_kopecks": 0, "zone": "Тверь"}]  # fmt: skip
    with world.sessions() as db:
        assert billing.record_calls(db, sub.number, calls) == 26
        db.commit()
    pages, cursor = [], None
    while True:
        page = world.run(billing.calls_page, sub, sub.number, 2026, 11, 10, cursor)
        pages.append(page)
        cursor = page.next_cursor
        if cursor is None:
            break
    assert [len(p) for p in pages] == [10, 10, 5] and [p.offset for p in pages] == [0, 10, 20]
    assert all(p.total == 25 for p in pages) and pages[0].months == [(2026, 11), (2026, 10)]
    started = [t for p in pages for t in p.started_at]
    assert started == sorted(started) and started[0] == msk(2026, 11, 1, 10, 0)
    assert pages[0].cost[1] == Decimal("5.70")  # i=15: Nov 1 10:15, 3 × 1.90
    assert pages[0].direction[0].value == "in"
    october = world.run(billing.calls_page, sub, sub.number, 2026, 10, 10, None)
    assert len(october) == 1 and october.total == 1 and october.started_at[0] == msk(2026, 10, 31, 23, 59, 59)
    empty = world.run(billing.calls_page, sub, sub.number, 2025, 1, 10, None)
    assert len(empty) == 0 and empty.total == 0 and empty.next_cursor is None
