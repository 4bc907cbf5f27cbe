"""Shared fixtures: the real reference server on 127.0.0.1 with a fresh demo database per test.

``server`` (function scope) — a running server over a FRESH copy of the demo database (seeded
once per pytest session into a template, copied per test), on a FakeClock at the seed's ``now``
(2026-11-16 12:00 MSK). Attributes: ``url``, ``clock``, ``db_url``, ``accounts``,
``by_case(tag)``, ``client(login=None, **kwargs)`` and ``session()`` (an SQLAlchemy session on the
test's database, for white-box checks).

PostgreSQL: with ``ANNET_TEST_PG_URL`` set (e.g. ``postgresql+psycopg://postgres@127.0.0.1:55432/postgres``),
every test under ``tests/server`` and ``tests/api`` that uses ``server`` runs a second time against
PostgreSQL: a template database is seeded once per session (without the 100,000-call month unless
a test is marked ``big_calls``) and each test gets ``CREATE DATABASE … TEMPLATE`` of it.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from annet_contract.schema import MOSCOW

#: the app's fixtures (offscreen Qt, temp HOME, keyring, the controller), for tests/ui and the tests of
#: annet_desktop's top-level modules that sit here (tests/ mirrors the package: see docs/architecture.md)
pytest_plugins = ["app_fixtures"]

#: the ``now`` the demo data is seeded for, and where every test's FakeClock starts
SEED_NOW = dt.datetime(2026, 11, 16, 12, 0, tzinfo=MOSCOW)
PG_URL_ENV = "ANNET_TEST_PG_URL"
_SERVER_TEST_DIRS = ("server", "api")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "big_calls: needs the 100,000-call month also on PostgreSQL")
    _compile_stale_catalogues()


def _compile_stale_catalogues() -> None:
    """The source tree's .qm as ``pip install -e`` builds it, rebuilt when a .ts changed since."""
    from annet_desktop import resource_dir

    folder = resource_dir.SOURCE_TREE / "translations"
    if resource_dir.resources() != resource_dir.SOURCE_TREE:
        return
    stale = [
        ts
        for ts in folder.glob("annet_*.ts")
        if not ts.with_suffix(".qm").exists() or ts.stat().st_mtime > ts.with_suffix(".qm").stat().st_mtime
    ]
    if stale:
        resource_dir.compile_catalogues(folder, folder)


def _pg_url() -> str | None:
    return os.environ.get(PG_URL_ENV) or None


def _is_server_test(path: Path) -> bool:
    parts = Path(path).parts
    return "tests" in parts and any(
        parts[i] == "tests" and i + 1 < len(parts) and parts[i + 1] in _SERVER_TEST_DIRS
        for i in range(len(parts))
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run server tests on both backends when PostgreSQL is configured."""
    if "db_backend" in metafunc.fixturenames and _pg_url() and _is_server_test(metafunc.definition.path):
        metafunc.parametrize("db_backend", ["sqlite", "postgres"], indirect=True)


@pytest.fixture
def db_backend(request: pytest.FixtureRequest) -> str:
    """``sqlite`` (always) or ``postgres`` (with ANNET_TEST_PG_URL, server tests only)."""
    return str(getattr(request, "param", "sqlite"))


# --------------------------------------------------------------------------- templates


@dataclass
class _Template:
    accounts: list[Any]
    sqlite_path: Path | None = None
    pg_name: str | None = None


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> _Template:
    from annet_server.embedded import seed_demo_database, sqlite_url

    folder = tmp_path_factory.mktemp("demo-template")
    path = folder / "demo.db"
    accounts = seed_demo_database(sqlite_url(path), SEED_NOW, big_calls=True)
    return _Template(accounts=accounts, sqlite_path=path)


class _PgTemplates:
    """Template databases on the PostgreSQL server of ANNET_TEST_PG_URL, made on first use."""

    def __init__(self, url: str) -> None:
        from sqlalchemy import create_engine

        self.url = url
        self.admin = create_engine(url, isolation_level="AUTOCOMMIT")
        self.templates: dict[bool, _Template] = {}
        self.created: list[str] = []
        self._counter = itertools.count(1)
        self.prefix = f"annet_t{os.getpid()}"

    def url_of(self, name: str) -> str:
        from sqlalchemy.engine import make_url

        return make_url(self.url).set(database=name).render_as_string(hide_password=False)

    def _execute(self, sql: str) -> None:
        from sqlalchemy import text

        with self.admin.connect() as conn:
            conn.execute(text(sql))

    def template(self, big_calls: bool) -> _Template:
        from annet_server.embedded import seed_demo_database

        if big_calls not in self.templates:
            name = f"{self.prefix}_tpl_{'big' if big_calls else 'small'}"
            self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            self._execute(f'CREATE DATABASE "{name}"')
            self.created.append(name)
            accounts = seed_demo_database(self.url_of(name), SEED_NOW, big_calls=big_calls)
            self.templates[big_calls] = _Template(accounts=accounts, pg_name=name)
        return self.templates[big_calls]

    def fresh(self, big_calls: bool) -> tuple[str, str, list[Any]]:
        template = self.template(big_calls)
        name = f"{self.prefix}_{next(self._counter)}"
        self._execute(f'CREATE DATABASE "{name}" TEMPLATE "{template.pg_name}"')
        return name, self.url_of(name), template.accounts

    def drop(self, name: str) -> None:
        self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def close(self) -> None:
        for name in self.created:
            self.drop(name)
        self.admin.dispose()


@pytest.fixture(scope="session")
def _pg_templates() -> Iterator[_PgTemplates]:
    url = _pg_url()
    if not url:
        pytest.skip(f"{PG_URL_ENV} is not set")
    templates = _PgTemplates(url)
    try:
        yield templates
    finally:
        templates.close()


# --------------------------------------------------------------------------- the server fixture


@dataclass
class ServerHandle:
    """A running reference server for one test (see the module docstring)."""

    running: Any
    clock: Any
    db_url: str
    accounts: list[Any]
    backend: str
    _clients: list[Any] = field(default_factory=list)

    @property
    def url(self) -> str:
        return str(self.running.url)

    @property
    def state(self) -> Any:
        return self.running.state

    def by_case(self, tag: str) -> Any:
        """The first demo account carrying the SPEC §6 tag ``tag``."""
        for account in self.accounts:
            if tag in account.cases:
                return account
        raise LookupError(f"no demo account with case {tag!r}")

    def client(self, login: Any | None = None, **kwargs: Any) -> Any:
        """A CabinetClient for this server, logged in as ``login`` (a DemoAccount) when given."""
        from annet_desktop.api.client import CabinetClient

        kwargs.setdefault("backoff", 0.01)
        client = CabinetClient(self.url, **kwargs)
        self._clients.append(client)
        if login is not None:
            client.login(login.account, login.password)
        return client

    def session(self) -> Any:
        """An SQLAlchemy session on this test's database (close it, or use ``with``)."""
        return self.state.sessionmaker()

    def close(self) -> None:
        for client in self._clients:
            client.close()
        self.running.stop()


@pytest.fixture
def server(request: pytest.FixtureRequest, db_backend: str, tmp_path: Path) -> Iterator[ServerHandle]:
    """The reference server on 127.0.0.1 over a fresh demo database and a FakeClock at SEED_NOW."""
    from annet_server.clock import FakeClock
    from annet_server.embedded import sqlite_url, start_server

    clock = FakeClock(SEED_NOW)
    cleanup: list[Any] = []
    if db_backend == "postgres":
        templates: _PgTemplates = request.getfixturevalue("_pg_templates")
        big = request.node.get_closest_marker("big_calls") is not None
        name, url, accounts = templates.fresh(big)
        cleanup.append(lambda: templates.drop(name))
    else:
        template: _Template = request.getfixturevalue("_sqlite_template")
        assert template.sqlite_path is not None
        target = tmp_path / "annet.db"
        for suffix in ("", "-wal", "-shm"):
            source = Path(str(template.sqlite_path) + suffix)
            if source.exists():
                shutil.copyfile(source, Path(str(target) + suffix))
        url = sqlite_url(target)
        accounts = template.accounts
    running = start_server(url, clock)
    handle = ServerHandle(
        running=running, clock=clock, db_url=url, accounts=list(accounts), backend=db_backend
    )
    try:
        yield handle
    finally:
        handle.close()
        for fn in cleanup:
            fn()


# --------------------------------------------------------------------------- Hypothesis profiles
# ``ci`` (loaded by default): the oracle's 300 generated histories with a fixed seed (tests/oracle);
# ``long``: 5 000 histories, ``pytest tests/oracle --hypothesis-profile=long``; ``quick``: 20, no shrinking.
from hypothesis import Phase as _Phase  # noqa: E402
from hypothesis import settings as _hypothesis_settings  # noqa: E402

_hypothesis_settings.register_profile(
    "ci", max_examples=300, stateful_step_count=15, derandomize=True, database=None
)
_hypothesis_settings.register_profile(
    "long", max_examples=5000, stateful_step_count=50, derandomize=False, database=None
)
_hypothesis_settings.register_profile(
    "quick",
    max_examples=20,
    stateful_step_count=50,
    derandomize=True,
    database=None,
    phases=[_Phase.explicit, _Phase.generate],
)
_hypothesis_settings.load_profile(os.environ.get("ANNET_HYPOTHESIS_PROFILE", "ci"))
