"""Helpers of the tray tests (the ``watched`` fixture is in tests/app_fixtures.py)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from annet_server import models as m

TIMEOUT = 20000


def set_balance(server: Any, number: str, kopecks: int) -> None:
    with server.session() as db:
        acc = db.execute(select(m.Account).where(m.Account.number == number)).scalar_one()
        acc.balance_kopecks = kopecks
        db.commit()


def refreshed(qtbot: Any, watch: Any, background: bool = True) -> Any:
    """Run one refresh of the watch now and wait for its answer."""
    with qtbot.waitSignal(watch.refresher.refreshed, timeout=TIMEOUT) as blocker:
        watch.refresher.refresh_now(background)
    return blocker.args[0]
