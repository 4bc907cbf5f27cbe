"""The server the oracle's histories run against: one per test session (tests/oracle)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from .machine import Histories
from .world import Catalogue


@pytest.fixture(scope="session")
def histories(tmp_path_factory: pytest.TempPathFactory) -> Iterator[type[Histories]]:
    from annet_server import auth
    from annet_server.embedded import start_app

    catalogue = Catalogue(Path(tmp_path_factory.mktemp("oracle")))
    patch = pytest.MonkeyPatch()
    # the subscriber keeps the cabinet open while the fake clock jumps days (the session's idle
    # timer is not what these histories test; a login every step would cost an argon2 hash)
    patch.setattr(auth, "IDLE_TIMEOUT", dt.timedelta(days=10_000))

    running = start_app(catalogue.app)
    try:
        with httpx.Client(base_url=running.url, timeout=30) as client:
            Histories.catalogue = catalogue
            Histories.client = client
            yield Histories
    finally:
        running.stop()
        patch.undo()
