"""``annet-server seed-demo --load-subscribers N``: the load test's plain subscribers (benchmarks/load.py).

N subscribers numbered from 300001, each logging in with the load password to one mixed account
(internet and a time-billed phone) whose balance equals the sum of its rows, with calls and
contacts of its own; the demo accounts are there too.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from annet_server import cli
from annet_server import models as m
from annet_server.db import make_engine, make_sessionmaker
from annet_server.embedded import sqlite_url, start_server
from annet_server.loadseed import FIRST_NUMBER, LOAD_PASSWORD, load_numbers
from annet_server.seed import demo_accounts


@pytest.fixture
def demo_seeded(monkeypatch: pytest.MonkeyPatch, _sqlite_template: Any) -> None:
    """``seed-demo``'s demo part copies the session's seeded template (13 s under load to seed anew)."""
    from annet_server import embedded

    def copy_template(url: str, now: Any = None, *, big_calls: bool = True) -> list[Any]:
        target = Path(make_url(url).database or "")
        for suffix in ("", "-wal", "-shm"):
            source = Path(str(_sqlite_template.sqlite_path) + suffix)
            if source.exists():
                shutil.copyfile(source, Path(str(target) + suffix))
        return list(_sqlite_template.accounts)

    monkeypatch.setattr(embedded, "seed_demo_database", copy_template)


def test_seed_demo_adds_the_load_subscribers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], demo_seeded: None
) -> None:
    url = sqlite_url(tmp_path / "load.db")
    assert cli.main(["seed-demo", "--db", url, "--small", "--load-subscribers", "3"]) == 0
    assert "Added 3 load subscribers 300001…300003" in capsys.readouterr().err
    numbers = load_numbers(3)
    assert numbers == [str(FIRST_NUMBER), str(FIRST_NUMBER + 1), str(FIRST_NUMBER + 2)]

    engine = make_engine(url)
    try:
        with make_sessionmaker(engine)() as db:
            demo_numbers = {a.account for a in demo_accounts()}
            in_db = set(db.execute(select(m.Account.number)).scalars())
            assert demo_numbers <= in_db
            assert {n for n in in_db if int(n) >= FIRST_NUMBER} == set(numbers)
            phones, emails = set(), set()
            for number in numbers:
                acc = db.execute(select(m.Account).where(m.Account.number == number)).scalar_one()
                assert acc.kind == "mixed"
                assert [svc.catalog_item.kind for svc in acc.services] == ["internet", "telephony"]
                assert acc.services[0].tariff.name == "Домашний 300"
                rows = db.execute(
                    select(func.count(), func.sum(m.BalanceEntry.amount_kopecks)).where(
                        m.BalanceEntry.account_id == acc.id
                    )
                ).one()
                assert rows[0] > 3 and rows[1] == acc.balance_kopecks  # R-BAL-1: balance = sum of rows
                calls = db.execute(select(func.count()).where(m.Call.account_id == acc.id)).scalar()
                assert calls and calls >= 100
                sub = acc.subscriber
                assert len(sub.accounts) == 1 and sub.sms_phone and sub.email
                phones.add(sub.sms_phone)
                emails.add(sub.email)
            assert len(phones) == len(emails) == 3
    finally:
        engine.dispose()

    _the_load_checks_hold_on_the_fresh_seed(url)

    running = start_server(url)  # the real clock: the load users log in now, as benchmarks/load.py
    try:
        base = f"{running.url}/api/v1"
        login = requests.post(
            f"{base}/session", json={"account": numbers[1], "password": LOAD_PASSWORD}, timeout=30
        )
        assert login.status_code == 201, login.text
        headers = {"Authorization": f"Bearer {login.json()['token']}"}
        me = requests.get(f"{base}/me", headers=headers, timeout=30)
        assert [a["number"] for a in me.json()["accounts"]] == [numbers[1]]
        wrong = requests.post(
            f"{base}/session", json={"account": numbers[2], "password": "x" * 12}, timeout=30
        )
        assert wrong.status_code == 401
    finally:
        running.stop()


def _the_load_checks_hold_on_the_fresh_seed(url: str) -> None:
    """benchmarks/loadcheck.py on the seed alone: nothing to report, and the seed's paid orders
    (each seeded online payment has one, with its receipt) are not counted as the run's."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "loadcheck", Path(__file__).resolve().parents[2] / "benchmarks" / "loadcheck.py"
    )
    assert spec and spec.loader
    loadcheck = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(loadcheck)
    from types import SimpleNamespace

    before = loadcheck.load_orders(url)
    assert before > 0  # the seed pays online: the load accounts start with paid orders
    ledger = SimpleNamespace(approved={}, answers={}, keys_tried=0, orders_before=before)
    assert loadcheck.check_database(url, ledger) == []
    ledger.orders_before = 0  # had the seed's orders been taken for the run's: the check says so
    assert loadcheck.check_database(url, ledger) == [f"{before} new orders from 0 payment keys"]
