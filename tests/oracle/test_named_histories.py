"""Named histories: the machine of the generated histories on fixed steps, for edges it reaches rarely."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from .machine import Histories
from .model import MSK


def replay(
    histories: type[Histories], steps: Callable[[Histories], None], quantity: int = 1, tariff: int = 0
) -> None:
    machine = histories()
    try:
        machine.start(quantity, tariff)
        steps(machine)
    finally:
        machine.teardown()


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    """An aware datetime on Moscow time."""
    return dt.datetime(year, month, day, hour, minute, tzinfo=MSK)


def test_history_limits_count_the_month_and_the_year(histories: type[Histories]) -> None:
    """A tariff change and a block in Nov 2026 do not stop either in Nov 2027 (R-TARIFF-1, R-BLOCK-1)."""

    def steps(h: Histories) -> None:
        h.pay(20_000, False)
        h.change_tariff(0, 0)
        h.change_tariff(0, 2)  # refused: the same month
        h.block(0)
        h.unblock(0)
        h.block(0)  # refused: the same month
        h.tick(at(2027, 11, 1))
        h.pay(4_000, False)
        h.change_tariff(0, 2)
        h.block(0)
        assert [s.status for s in h.sent] == [201, 200, 409, 200, 200, 409, 201, 200, 200]

    replay(histories, steps, quantity=2, tariff=1)


def test_history_credit_taken_at_23_50_lasts_120_hours(histories: type[Histories]) -> None:
    """Blocked on the 11th; a credit at 23:50 ends 23:50 five days on; unrepaid: block, ban (R-CREDIT)."""

    def steps(h: Histories) -> None:
        h.tick(at(2026, 11, 11))
        h.tick(at(2026, 11, 16, 23, 50))
        h.take_credit()
        h.tick(at(2026, 11, 21, 23, 49))
        assert h.model.credit_ends is not None
        h.tick(at(2026, 11, 21, 23, 50))
        assert h.model.financial_block and h.model.ban_until == dt.date(2027, 1, 21)
        h.take_credit()  # refused: banned
        h.tick(at(2027, 1, 21))
        h.take_credit()

    replay(histories, steps)


def test_history_half_kopecks_round_up(histories: type[Histories]) -> None:
    """310.01 ₽ × 15/30 = 155.005 → 155.01; 550.50 ₽ − 15 % = 467.925 → 467.93 (R-BILL-2, R-DISC-1).

    The discount (quantity 3) pauses under a block and a tariff change returns the unused advance.
    """

    def steps(h: Histories) -> None:
        h.pay(25_000, False)
        h.tick(at(2026, 11, 16, 9))
        h.add_iptv(0)
        h.take_discount(2)  # 15 % for 12 months, quantity 3: the advance counts it
        h.tick(at(2027, 1, 20, 10))
        h.block(1)
        h.block(0)  # a discount pauses under the block
        h.tick(at(2027, 3, 5, 10))
        h.unblock(0)
        h.change_tariff(0, 1)  # ends the discount: the unused advance comes back
        assert [s.status for s in h.sent] == [201, 201, 200, 200, 200, 200, 200]

    replay(histories, steps, quantity=3, tariff=0)


def test_history_a_key_refused_then_granted_only_replays(histories: type[Histories]) -> None:
    """O-5: a refused change asks anew on its key; once granted, that key only replays the grant.

    docs/api.md «Idempotency»: only successful answers are stored. A credit refused on 01.11 (no
    block yet) is asked again with the same key on 10.01 under the block and granted; the same key
    on 12.01 (the credit in force) and on 17.03 (ended unrepaid 15.01, the ban over on 15.03)
    replays that grant and takes no second credit.
    """

    def steps(h: Histories) -> None:
        h.take_credit()  # refused: no financial block on 01.11
        h.tick(at(2027, 1, 10, 23, 59))
        h.repeat(0)  # the refused key asks anew: granted, ends 15.01.2027 23:59
        assert h.model.credit_ends == at(2027, 1, 15, 23, 59)
        h.tick(at(2027, 1, 12))
        h.repeat(0)  # replayed: the oracle must not expect «credit.in_force»
        h.tick(at(2027, 3, 17))
        assert h.model.financial_block and h.model.ban_until == dt.date(2027, 3, 15)
        h.repeat(0)  # replayed: no second credit although one could be taken now
        assert h.model.financial_block and h.model.credit_ends is None
        assert [s.status for s in h.sent] == [409, 200]  # replays are not new sends

    replay(histories, steps)


def test_history_an_unblock_on_the_day_of_a_tariff_change_rounds_per_fee(histories: type[Histories]) -> None:
    """O-6: one row of two fees in one month is rounded per fee (docs/decisions.md «Rows and rounding»).

    Blocked from 01.11; on 11.12 the tariff changes (nothing moves: every day is blocked) and the
    block ends the same day: 11.12 is paid at the old fee (1 101,00 ÷ 31), 12–31.12 at the new one
    (699,90 × 20 ÷ 31). The row's truth is 487,0645…; rounded half up per fee 35,52 + 451,55 = 487,07,
    rounded once 487,06 — within the one kopeck a row R-BILL-2 allows.
    """

    def steps(h: Histories) -> None:
        h.pay(5_000, False)
        h.block(0)
        h.tick(at(2026, 12, 11))
        h.change_tariff(0, 2)
        h.unblock(0)
        assert [s.status for s in h.sent] == [201, 200, 200, 200]
        assert h.world is not None and h.world.rows[-1].amount == -48707

    replay(histories, steps, quantity=2, tariff=0)


def test_history_a_tariff_change_under_a_block_ends_a_paused_discount_for_good(
    histories: type[Histories],
) -> None:
    """O-7: a tariff change under a voluntary block ends the paused discount and returns every day it
    had not covered; the block then ends the same day, and that day is paid at the tariff in force
    at its start (the old one) — the ended discount covers nothing more (R-BILL-2/3).

    Blocked from 20.11 with a 10 % discount paid ahead (from 01.12); on 15.12 at noon the tariff
    changes and the block ends. The unblock's row: 15.12 at the old fee, 3 × 550,50 ÷ 31 = 53,27,
    and 16–31.12 at «Социальный 30», 3 × 349,95 × 16 ÷ 31 = 541,86: 595,13. The oracle used to let
    the ended discount cover 15.12 as well (541,86), after returning that day's advance.
    """

    def steps(h: Histories) -> None:
        h.pay_for_discount(1, 0)
        h.tick(at(2026, 11, 20, 12))
        h.block(0)
        h.tick(at(2026, 12, 15, 12))
        h.change_tariff(0, 2)
        h.unblock(0)
        assert h.world is not None and h.world.rows[-1].amount == -59513

    replay(histories, steps, quantity=3, tariff=0)
