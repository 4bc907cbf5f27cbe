"""``--demo``: the reference server started in-process on 127.0.0.1, and where its template database lives."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any


def demo_template_dir() -> Path:
    """Where the demo keeps its seeded database between starts (the user's cache folder, or
    ``$ANNET_DESKTOP_CACHE_DIR``): a later start the same day copies it instead of seeding."""
    override = os.environ.get("ANNET_DESKTOP_CACHE_DIR")
    if override:
        return Path(override) / "demo"
    import platformdirs

    from .settings import APPLICATION, ORGANIZATION

    return Path(platformdirs.user_cache_dir(APPLICATION, ORGANIZATION)) / "demo"


def start_embedded_demo() -> tuple[Any, list[Any]]:
    """In a background thread: start the demo server; it and the demo subscribers."""
    from annet_server.embedded import start_demo as start_server
    from annet_server.seed import demo_accounts

    server = start_server(templates=demo_template_dir())
    return server, list(demo_accounts())
