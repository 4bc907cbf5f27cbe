"""The demo template (annet_server/seed_template.py): exactly the seed's data; used on the same
Moscow day, at or after the moment it was seeded, by the same code only; a second demo start
copies it instead of seeding."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from annet_contract.schema import MOSCOW
from annet_server.db import create_schema, make_engine
from annet_server.embedded import StagedSeed, sqlite_url, start_demo
from annet_server.passwords import verify_password
from annet_server.seed import DEMO, demo_accounts, seed_demo
from annet_server.seed_template import (
    PENDING,
    STAMP,
    TemplateShelf,
    _code_parts,
    code_fingerprint,
    table_rows,
)

SEED_NOW = dt.datetime(2026, 11, 16, 12, 0, tzinfo=MOSCOW)
#: how long a demo start's background work (2,000 calls, the template) may take on a loaded machine
SETTLE_S = 60


def _without_password_hashes(rows: dict[str, Any]) -> dict[str, Any]:
    """The rows with each subscriber's password hash left out (argon2 salts them at random)."""
    with_hash = 6  # subscribers: id, name, address, contract, sms_phone, email, password_hash, …
    return {
        **rows,
        "subscribers": [r[:with_hash] + r[with_hash + 1 :] for r in rows["subscribers"]],
    }


def test_a_template_holds_exactly_what_the_seed_writes(tmp_path: Path) -> None:
    """Stage one backed up before serving, the business line's calls copied after: the same rows
    as seed_demo for the same moment (the hashes differ only by their salt)."""
    served = tmp_path / "served.db"
    staged = StagedSeed(sqlite_url(served), SEED_NOW, big_calls=False)
    shelf = TemplateShelf(tmp_path / "templates", "k")
    pending = shelf.begin(served, SEED_NOW)
    assert pending is not None
    staged.finish()
    template = pending.finish(served)
    assert template == shelf.path_for(SEED_NOW) and template.exists()

    fresh = tmp_path / "fresh.db"
    engine = make_engine(sqlite_url(fresh))
    create_schema(engine)
    seed_demo(engine, SEED_NOW, big_calls=False)
    engine.dispose()

    ours, theirs = table_rows(template), table_rows(fresh)
    assert sum(len(rows) for rows in ours.values()) > 2_000  # the business month is in
    assert _without_password_hashes(ours) == _without_password_hashes(theirs)
    first = DEMO[0]
    hashes = {r[0]: r[6] for r in ours["subscribers"]}
    assert verify_password(hashes[1], first.password)
    # one file: no pending backup, no WAL files beside it
    assert sorted(p.name for p in template.parent.iterdir()) == [template.name]


def _touch(shelf: TemplateShelf, key: str, seeded_at: dt.datetime) -> Path:
    path = shelf.folder / f"demo-{key}-{seeded_at.astimezone(MOSCOW):{STAMP}}.sqlite3"
    path.write_bytes(b"")
    return path


def test_find_takes_this_code_and_moscow_day_and_no_later_moment(tmp_path: Path) -> None:
    shelf = TemplateShelf(tmp_path, "abc-full")
    now = dt.datetime(2026, 12, 2, 0, 0, 30, tzinfo=MOSCOW)  # just after Moscow midnight
    assert shelf.find(now) is None  # nothing there
    _touch(shelf, "abc-full", now - dt.timedelta(seconds=31))  # 23:59:59 the day before
    _touch(shelf, "abc-full", now + dt.timedelta(microseconds=1))  # seeded after now
    _touch(shelf, "abd-full", now - dt.timedelta(seconds=10))  # another code
    _touch(shelf, "abc-small", now - dt.timedelta(seconds=10))  # 2,000 calls, not 100,000
    (tmp_path / "demo-abc-full-garbage.sqlite3").write_bytes(b"")
    assert shelf.find(now) is None
    midnight = _touch(shelf, "abc-full", now - dt.timedelta(seconds=30))  # 00:00:00 the same day
    assert shelf.find(now) == midnight
    exactly = _touch(shelf, "abc-full", now)  # seeded at now: the latest one wins
    assert shelf.find(now) == exactly
    # the same instant in UTC (21:00:30 the day before there) finds the same Moscow day
    assert shelf.find(now.astimezone(dt.UTC)) == exactly


def test_the_code_fingerprint_is_stable_across_processes_and_follows_the_code() -> None:
    ours = code_fingerprint()
    assert ours is not None
    env = {**os.environ, "PYTHONHASHSEED": "12345"}  # frozenset constants reorder with the seed
    theirs = subprocess.run(
        [sys.executable, "-c", "from annet_server.seed_template import code_fingerprint as f; print(f())"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout.strip()
    assert theirs == ours

    def parts(source: str) -> list[bytes]:
        return list(_code_parts(compile(source, "seed.py", "exec")))

    assert parts("def f():\n    return 1\n") != parts("def f():\n    return 2\n")
    assert parts("x = 'a' in {'a', 'b', 'c'}\n") == parts("x = 'a' in {'c', 'b', 'a'}\n")


def test_the_second_demo_start_copies_the_template_of_the_day(tmp_path: Path) -> None:
    from annet_desktop.api.client import CabinetClient

    folder = tmp_path / "templates"
    (folder).mkdir()
    stale_pending = folder / f"{PENDING}old.sqlite3"  # of a killed demo, two days ago
    stale_pending.write_bytes(b"")
    os.utime(stale_pending, (0, 0))
    first = start_demo(templates=folder, big_calls=False)
    try:
        assert first.demo_template is None  # nothing to copy: seeded
        assert first.demo_settled.wait(SETTLE_S)
    finally:
        first.stop()
    made = sorted(folder.iterdir())
    assert len(made) == 1 and made[0].name.startswith("demo-") and "-small-" in made[0].name

    second = start_demo(templates=folder, big_calls=False)
    try:
        assert second.demo_template == made[0]
        assert second.state.calls_ready.is_set() and second.demo_settled.is_set()
        business = next(a for a in demo_accounts() if "business-100k" in a.cases)
        client = CabinetClient(second.url)
        try:
            client.login(business.account, business.password)
            today = second.clock.now().date()
            assert client.calls(business.account, today.year, today.month, limit=1).total == 2_000
        finally:
            client.close()
    finally:
        second.stop()

    # the same file as yesterday's: not used, seeded afresh, and replaced by today's
    seeded = dt.datetime.strptime(made[0].name.rsplit("-", 1)[1].removesuffix(".sqlite3"), STAMP)
    yesterday = made[0].with_name(
        made[0].name.replace(f"{seeded:{STAMP}}", f"{seeded - dt.timedelta(days=1):{STAMP}}")
    )
    made[0].rename(yesterday)
    third = start_demo(templates=folder, big_calls=False)
    try:
        assert third.demo_template is None
        assert third.demo_settled.wait(SETTLE_S)
    finally:
        third.stop()
    assert not yesterday.exists() and len(list(folder.iterdir())) == 1
