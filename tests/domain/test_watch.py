"""domain/watch.py: the tray's level and each notice at its edge (the day before: not; the day of: yes).

Pure: forecasts built as the server sends them (``as_of`` is the server's clock). The app tests
(tests/ui/test_notifications.py) drive the same edges through the real server.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

from annet_contract.forecast import EventKind, Forecast, ForecastEvent, Lasts, NextCharge
from annet_contract.history import BalanceKind
from annet_contract.moscow import MOSCOW
from annet_contract.schema import BlockKind
from annet_desktop.domain.watch import Level, NoticeKind, Seen, changed, coming, level, look
from annet_desktop.settings import NOTICE_KINDS


def msk(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=MOSCOW)


def fc(
    as_of: dt.datetime,
    *events: ForecastEvent,
    lasts: Lasts = Lasts.UNTIL,
    until: dt.date | None = dt.date(2027, 3, 1),
    charge: str = "750.00",
) -> Forecast:
    return Forecast(
        balance=Decimal("10.00"),
        recommended_payment=Decimal("740.00"),
        next_charge=NextCharge(at=msk(2026, 12, 1), amount=Decimal(charge)),
        charges=[],
        lasts=lasts,
        lasts_until=until,
        events=list(events),
        as_of=as_of,
    )


def kinds(forecast: Forecast) -> list[NoticeKind]:
    return [n.kind for n in coming("100001", forecast)]


def test_the_settings_know_every_kind() -> None:
    assert NOTICE_KINDS == tuple(k.value for k in NoticeKind)


def test_short_from_5_days_before_the_1st() -> None:
    short = {"until": dt.date(2026, 11, 30)}  # the balance pays through November only
    assert kinds(fc(msk(2026, 11, 25, 23, 59), **short)) == []  # type: ignore[arg-type]
    (notice,) = coming("100001", fc(msk(2026, 11, 26), **short))  # type: ignore[arg-type]
    assert notice.kind is NoticeKind.SHORT and notice.amount == Decimal("740.00")
    assert notice.at == msk(2026, 12, 1) and notice.tab == "tab_account"
    assert kinds(fc(msk(2026, 11, 26), until=dt.date(2026, 12, 1))) == []  # December's first day paid
    assert kinds(fc(msk(2026, 11, 26), lasts=Lasts.OWING, until=None)) == [NoticeKind.SHORT]
    assert kinds(fc(msk(2026, 11, 26), lasts=Lasts.MORE_THAN_YEAR, until=None)) == []
    assert kinds(fc(msk(2026, 11, 26), lasts=Lasts.OWING, until=None, charge="0.00")) == []


def test_financial_block_in_2_days_and_in_force() -> None:
    block = ForecastEvent(kind=EventKind.FINANCIAL_BLOCK, at=msk(2026, 12, 11), amount=Decimal("320.00"))
    assert kinds(fc(msk(2026, 12, 8, 23, 59), block)) == []
    (notice,) = coming("1", fc(msk(2026, 12, 9), block))
    assert notice.kind is NoticeKind.BLOCK_SOON and notice.amount == Decimal("320.00")
    in_force = block.model_copy(update={"in_force": True})
    (notice,) = coming("1", fc(msk(2026, 12, 11), in_force))
    assert notice.kind is NoticeKind.BLOCK and notice.key != coming("1", fc(msk(2026, 12, 9), block))[0].key


def test_credit_ends_in_24_hours() -> None:
    ends = ForecastEvent(kind=EventKind.CREDIT_ENDS, at=msk(2026, 11, 21, 14, 30), amount=Decimal("100.00"))
    assert kinds(fc(msk(2026, 11, 20, 14, 29), ends)) == []
    assert kinds(fc(msk(2026, 11, 20, 14, 30), ends)) == [NoticeKind.CREDIT_ENDS]


def test_discount_ends_when_the_extension_is_open() -> None:
    event = ForecastEvent(kind=EventKind.DISCOUNT_ENDS, at=msk(2027, 1, 1), service_id=7, service="Интернет")
    assert kinds(fc(msk(2026, 11, 30), event)) == []
    opened = event.model_copy(update={"extension_open": True})
    (notice,) = coming("1", fc(msk(2026, 12, 1), opened))
    assert (
        notice.kind is NoticeKind.DISCOUNT_ENDS
        and notice.service == "Интернет"
        and notice.tab == "tab_services"
    )


def _svc(sid: int, block: BlockKind | None) -> Any:
    return SimpleNamespace(id=sid, name=f"Услуга {sid}", block=block)


def _row(rid: int, kind: BalanceKind = BalanceKind.PAYMENT, order: str | None = "A-1") -> Any:
    at = msk(2026, 11, 20, 10)
    return SimpleNamespace(id=rid, kind=kind, amount=Decimal("500.00"), at=at, order_number=order)


def test_ban_lifted_on_its_day() -> None:
    ban = ForecastEvent(kind=EventKind.CREDIT_BAN_LIFTS, at=msk(2026, 11, 20))
    before = look(fc(msk(2026, 11, 16), ban), [], [], None)
    assert before.ban_until == msk(2026, 11, 20).isoformat()
    day_before = fc(msk(2026, 11, 19, 23, 59), ban)
    assert changed("1", day_before, before, look(day_before, [], [], before), []) == []
    day_of = fc(msk(2026, 11, 20))  # the event is gone: the ban lifted
    (notice,) = changed("1", day_of, before, look(day_of, [], [], before), [])
    assert notice.kind is NoticeKind.BAN_LIFTED and notice.at == msk(2026, 11, 20)


def test_administrative_block_appears_and_ends() -> None:
    f = fc(msk(2026, 11, 16))
    before = look(f, [_svc(1, None), _svc(2, BlockKind.VOLUNTARY)], [], None)
    blocked = look(f, [_svc(1, BlockKind.ADMINISTRATIVE)], [], before)
    (notice,) = changed("1", f, before, blocked, [])
    assert notice.kind is NoticeKind.ADMIN_BLOCK and not notice.ended and notice.service == "Услуга 1"
    lifted = look(f, [_svc(1, None)], [], blocked)
    (notice,) = changed("1", f, blocked, lifted, [])
    assert notice.ended


def test_a_new_payment_row_and_never_the_old_ones() -> None:
    f = fc(msk(2026, 11, 16))
    first = look(f, [], [_row(5), _row(6, BalanceKind.CHARGE)], None)
    assert changed("1", f, None, first, [_row(5)]) == []  # the first look tells nothing
    rows = [_row(9), _row(8, BalanceKind.CHARGE), _row(5)]
    now_seen = look(f, [], rows, first)
    (notice,) = changed("1", f, first, now_seen, rows)
    assert notice.kind is NoticeKind.PAYMENT and notice.key == "payment:1:9" and now_seen.last_payment == 9


def test_only_an_online_payment_is_told() -> None:
    f = fc(msk(2026, 11, 16))
    first = look(f, [], [_row(5)], None)
    rows = [_row(7, order=None), _row(5)]  # paid at the office or through a bank: no order
    assert changed("1", f, first, look(f, [], rows, first), rows) == []


def test_seen_survives_json_and_refuses_a_foreign_shape() -> None:
    seen = Seen("2026-11-20T00:00:00+03:00", {"1": "Интернет"}, 5)
    assert Seen.from_json(seen.to_json()) == seen
    assert Seen.from_json({"admin": "x"}) is None and Seen.from_json([1]) is None


def test_level_over_every_account() -> None:
    fine = fc(msk(2026, 11, 16))
    soon = fc(msk(2026, 11, 26), until=dt.date(2026, 11, 30))
    blocked_account = SimpleNamespace(financial_block=True)
    ok_account = SimpleNamespace(financial_block=False)
    assert level([(ok_account, fine)]) is Level.FINE
    assert level([(ok_account, fine), (ok_account, soon)]) is Level.SOON
    assert level([(ok_account, soon), (blocked_account, fine)]) is Level.BLOCKED
    assert level([(None, None)]) is Level.FINE
