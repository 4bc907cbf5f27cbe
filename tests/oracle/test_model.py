"""The oracle itself: independent of the billing code, and right at the SPEC's edges."""

from __future__ import annotations

import ast
import datetime as dt
from fractions import Fraction
from pathlib import Path

from .model import MSK, Model, Service, Tariff, half_up

ORACLE = [Path(__file__).with_name(name) for name in ("model.py", "days.py")]
STDLIB = {"__future__", "calendar", "datetime", "collections", "collections.abc", "dataclasses", "fractions"}


def test_model_is_independent() -> None:
    """The oracle imports the standard library only: never the billing code, the server or the contract."""
    for path in ORACLE:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        names += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and not n.level]
        local = [n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level]
        assert not [n for n in names if n.startswith("annet")], (path.name, names)
        assert set(names) <= STDLIB, (path.name, names)
        assert set(local) <= {"days"}, (path.name, local)


def msk(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    """An aware datetime on Moscow time."""
    return dt.datetime(year, month, day, hour, minute, tzinfo=MSK)


def _one(fee: int = 75000, quantity: int = 1, at: dt.datetime | None = None) -> tuple[Model, Service]:
    at = at or msk(2026, 12, 1)
    model = Model(now=at)
    svc = Service(1, "Доступ в интернет", quantity, at, True, [(at.date(), Tariff(7, fee))])
    model.services[1] = svc
    return model, svc


def test_half_up_rounds_halves_away_from_zero() -> None:
    assert half_up(Fraction(5, 2)) == 3 and half_up(Fraction(-5, 2)) == -3 and half_up(Fraction(9, 4)) == 2


def test_a_whole_month_costs_exactly_the_fee_times_quantity() -> None:
    _, svc = _one(fee=55050, quantity=3)
    assert svc.month_cost(dt.date(2027, 2, 1)) == 3 * 55050


def test_the_days_a_block_starts_and_ends_on_are_paid() -> None:
    model, svc = _one(fee=31000)
    model.now = msk(2026, 12, 10, 15)
    model.block(svc)
    model.now = msk(2026, 12, 20, 9)
    model.unblock(svc)
    costs, _ = svc.days(dt.date(2026, 12, 31))
    free = [d.day for d, c in costs.items() if c == 0]
    assert free == list(range(11, 20))  # 10th and 20th paid
    assert sum(e.amount for e in model.events) == Fraction(9 * 31000, 31)  # nine days came back


def test_a_new_tariff_counts_from_the_next_day() -> None:
    model, svc = _one(fee=31000)
    model.now = msk(2026, 12, 13, 10)
    model.change_tariff(svc, Tariff(8, 62000))
    costs, _ = svc.days(dt.date(2026, 12, 31))
    assert costs[dt.date(2026, 12, 13)] == 1000 and costs[dt.date(2026, 12, 14)] == 2000


def test_credit_is_exactly_120_hours_and_the_ban_two_months_from_its_end() -> None:
    model, _ = _one()
    model.now = msk(2026, 12, 16, 23, 50)
    model.financial_block = True
    model.take_credit()
    assert model.credit_ends == msk(2026, 12, 21, 23, 50)
    model.advance(msk(2026, 12, 21, 23, 49), lambda _at: -100)
    assert model.credit_ends is not None
    model.advance(msk(2026, 12, 21, 23, 50), lambda _at: -100)
    assert model.credit_ends is None and model.financial_block and model.ban_until == dt.date(2027, 2, 21)


def test_a_blocked_discount_moves_its_end_and_a_tariff_change_returns_the_rest() -> None:
    model, svc = _one(fee=75000, quantity=2, at=msk(2026, 11, 16, 12))
    svc.tariffs = [(dt.date(2026, 11, 16), Tariff(7, 75000, {1: (10, 6)}))]
    model.now = msk(2026, 11, 20, 12)
    model.take_discount(svc, 1)
    assert model.events[-1].amount == -67500 * 2 * 6  # advance counts the quantity
    assert svc.run_end(0) == dt.date(2027, 5, 31)
    model.now = msk(2027, 1, 5, 12)
    model.block(svc)
    model.now = msk(2027, 1, 15, 12)
    model.unblock(svc)
    assert svc.run_end(0) == dt.date(2027, 6, 9)  # 9 days wholly blocked
    model.now = msk(2027, 6, 5, 12)
    returned, _other = model.change_tariff(svc, Tariff(9, 35000))
    # 6th–9th June unused: valued as the nominal 28th–31st May
    assert returned == Fraction(67500 * 2 * 4, 31)
