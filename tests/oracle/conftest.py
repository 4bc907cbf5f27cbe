"""The server the oracle's histories run against: one app and database per test session (tests/oracle)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from .machine import Histories
from .world import Catalogue, InProcess


@pytest.fixture(autouse=True)
def _long_sessions(monkeypatch: pytest.MonkeyPatch) -> None:
    """The subscriber keeps the cabinet open while the fake clock jumps days (the session's idle
    timer is not what these histories test; a login every step would cost an argon2 hash).

    Per test, never for the session: a session-wide patch outlived tests/oracle and switched the
    idle end off for every later test of the process (CI's relogin tests then never saw a 401).
    """
    from annet_server import session_check

    monkeypatch.setattr(session_check, "IDLE_TIMEOUT", dt.timedelta(days=10_000))


@pytest.fixture(scope="session")
def histories() -> Iterator[type[Histories]]:
    catalogue = Catalogue()
    client = InProcess(catalogue.app)
    try:
        Histories.catalogue = catalogue
        Histories.client = client
        yield Histories
    finally:
        client.close()
        catalogue.close()


@pytest.fixture
def fixed_draws() -> Iterator[None]:
    """Make the fixed seed give the same histories however the test process got here.

    Hypothesis (≥ 6.131) mixes literals it reads from every loaded project module into about one
    draw in twenty; which modules are loaded depends on what ran before in the process (the whole
    suite loads annet_desktop, ``pytest tests/oracle`` does not) and on what the server imports
    lazily meanwhile. So ``derandomize=True`` alone gave other histories in CI than on a
    developer's machine (finding O-5 failed locally and XPASSED in CI). With the pool of project
    literals held empty, the draws depend on the seed and the Hypothesis version only. Private
    Hypothesis names on purpose: if a new version renames them, this fails loudly.
    """
    from hypothesis.internal.conjecture import providers
    from hypothesis.internal.constants_ast import Constants

    patch = pytest.MonkeyPatch()
    patch.setattr(providers, "_get_local_constants", Constants)
    providers.CONSTANTS_CACHE.cache.clear()
    try:
        yield
    finally:
        patch.undo()
        providers.CONSTANTS_CACHE.cache.clear()
