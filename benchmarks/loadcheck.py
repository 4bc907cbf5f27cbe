"""The database checks after benchmarks/load.py: money adds up, payments credited once, keys once.

* every account's balance equals the sum of its balance rows;
* every order the sandbox approved (as the users saw it) is ``paid`` and has exactly one credit
  row naming its order number; no order is credited twice;
* no Idempotency-Key had two effects: every payment key answered one order number, and there are
  no more new orders on the load accounts than keys tried (the seed's own paid orders, counted
  before the traffic by :func:`load_orders`, are not the run's).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import create_engine, func, select


def check_database(db_url: str, ledger: Any) -> list[str]:
    """What does not hold (empty when everything does)."""
    from annet_server import models as m

    problems: list[str] = []
    engine = create_engine(db_url)
    try:
        with engine.connect() as db:
            sums = dict(
                db.execute(
                    select(m.BalanceEntry.account_id, func.sum(m.BalanceEntry.amount_kopecks)).group_by(
                        m.BalanceEntry.account_id
                    )
                ).all()
            )
            off = [
                number
                for acc_id, number, balance in db.execute(
                    select(m.Account.id, m.Account.number, m.Account.balance_kopecks)
                ).all()
                if int(sums.get(acc_id, 0)) != int(balance)
            ]
            if off:
                problems.append(f"{len(off)} balances differ from their rows: {off[:5]}")
            orders = {
                o.order_number: o
                for o in db.execute(select(m.PaymentOrder.order_number, m.PaymentOrder.state)).all()
            }
            lost = [n for n in ledger.approved if n not in orders or orders[n].state != "paid"]
            if lost:
                problems.append(f"{len(lost)} approved payments not paid: {lost[:5]}")
            credits: dict[str, int] = {}
            payments = select(m.BalanceEntry.description).where(m.BalanceEntry.kind == "payment")
            rows = db.execute(payments).scalars()
            paid = {n for n, o in orders.items() if o.state == "paid"}
            for text in rows:
                for number in _order_numbers(text, paid):
                    credits[number] = credits.get(number, 0) + 1
            uncredited = [n for n in paid if credits.get(n, 0) == 0]
            doubled = [n for n, c in credits.items() if c > 1]
            if uncredited:
                problems.append(f"{len(uncredited)} paid orders never credited: {uncredited[:5]}")
            if doubled:
                problems.append(f"{len(doubled)} orders credited twice: {doubled[:5]}")
            two_answers = [k for k, seen in ledger.answers.items() if len(seen) > 1]
            if two_answers:
                problems.append(f"{len(two_answers)} payment keys answered two orders")
            new_orders = _count_load_orders(db) - ledger.orders_before
            if new_orders > ledger.keys_tried:
                problems.append(f"{new_orders} new orders from {ledger.keys_tried} payment keys")
    finally:
        engine.dispose()
    return problems


def load_orders(db_url: str) -> int:
    """How many orders the load accounts have now (taken before the traffic starts)."""
    engine = create_engine(db_url)
    try:
        with engine.connect() as db:
            return _count_load_orders(db)
    finally:
        engine.dispose()


def _count_load_orders(db: Any) -> int:
    from annet_server import models as m
    from annet_server.loadseed import FIRST_NUMBER

    return int(
        db.execute(
            select(func.count())
            .select_from(m.PaymentOrder)
            .join(m.Account, m.Account.id == m.PaymentOrder.account_id)
            .where(m.Account.number >= str(FIRST_NUMBER))
        ).scalar_one()
    )


def _order_numbers(text: str, known: set[str]) -> list[str]:
    import re

    return [n for n in re.findall(r"№ ([^\s,]+)", text or "") if n in known]
