"""The demo database kept as a template: seeded on the first demo start of a day, copied after.

Seeding the demo (SPEC §6) is most of ``annet-desktop --demo``'s start; copying the finished
database with SQLite's backup API takes a few milliseconds. A template is made by a demo start
that seeded: the stage-one database is backed up **before the server serves it** (so no login,
session or change of the user's is in it), and once the business line's calls of the month are in,
they are copied over from the served database (nothing but the seed writes calls there). The
template then holds exactly what :func:`annet_server.seed.seed_demo` writes for the moment it
was seeded (``tests/server/test_seed_template.py`` compares the two).

Every seeded date is relative to the demo's "now", so a template serves only:

* the same server code: the file name carries :func:`code_fingerprint` (every module of
  ``annet_server`` and ``annet_contract``) and whether the 100,000 calls are in;
* the same Moscow day, and a moment at or after the one it was seeded at (the file name carries
  that moment). A later start the same day shows the data as seeded at the day's first start
  (its calls and payments end there); a start on another day seeds afresh.

Writing a template removes the others in the folder (other days, other code). A start that ends
before its calls are in leaves no template.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib
import importlib.util
import logging
import os
import pkgutil
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from contextlib import closing, suppress
from pathlib import Path
from types import CodeType
from typing import Any

from annet_contract.moscow import MOSCOW

log = logging.getLogger(__name__)

PREFIX = "demo-"
SUFFIX = ".sqlite3"
#: an unfinished template (a stage-one backup waiting for the calls); removed after a day
PENDING = ".pending-"
STALE_PENDING_S = 24 * 3600
#: the seeded moment in a template's name (Moscow time, to the microsecond)
STAMP = "%Y%m%dT%H%M%S%f"
#: the packages whose code shapes the demo's data and schema
PACKAGES = ("annet_contract", "annet_server")


def _code_parts(code: CodeType) -> Iterator[bytes]:
    """A canonical byte form of a code object (``marshal`` output depends on reference counts,
    and a frozenset constant's order on the string hash seed)."""
    yield code.co_code
    yield repr(code.co_names).encode()
    for const in code.co_consts:
        if isinstance(const, CodeType):
            yield from _code_parts(const)
        elif isinstance(const, frozenset):
            yield repr(sorted(repr(item) for item in const)).encode()
        else:
            yield repr(const).encode()


def code_fingerprint() -> str | None:
    """A digest of the compiled code of every module of :data:`PACKAGES` (``None``: not found).

    Read from the importers (source tree, installed package and the frozen bundle alike); the
    subpackages are imported to list them (the server imports them all anyway).
    """
    digest = hashlib.sha256()
    names: list[str] = []
    for package in PACKAGES:
        root = importlib.import_module(package)
        for name in [package, *(m.name for m in pkgutil.walk_packages(root.__path__, package + "."))]:
            spec = importlib.util.find_spec(name)
            get_code = getattr(spec.loader, "get_code", None) if spec is not None else None
            code = get_code(name) if get_code is not None else None
            if code is None:
                continue
            names.append(name)
            digest.update(name.encode())
            for part in _code_parts(code):
                digest.update(part)
    if not {"annet_server.seed", "annet_server.models"} <= set(names):
        return None  # the modules cannot be read: no template is safe to use
    return digest.hexdigest()[:20]


def _moscow(now: dt.datetime) -> dt.datetime:
    return (now if now.tzinfo is not None else now.replace(tzinfo=MOSCOW)).astimezone(MOSCOW)


class TemplateShelf:
    """The demo templates in ``folder`` for one server code and calls size (``key``)."""

    def __init__(self, folder: Path, key: str) -> None:
        self.folder = Path(folder)
        self.key = key

    @classmethod
    def for_this_code(cls, folder: Path, *, big_calls: bool = True) -> TemplateShelf | None:
        """The shelf for the code running now; ``None`` when its fingerprint cannot be taken."""
        fingerprint = code_fingerprint()
        if fingerprint is None:
            log.warning("demo template: the server's modules cannot be read; seeding every time")
            return None
        return cls(folder, f"{fingerprint}-{'full' if big_calls else 'small'}")

    def path_for(self, seeded_at: dt.datetime) -> Path:
        """Where the template seeded at ``seeded_at`` is kept."""
        return self.folder / f"{PREFIX}{self.key}-{_moscow(seeded_at):{STAMP}}{SUFFIX}"

    def find(self, now: dt.datetime) -> Path | None:
        """The template for ``now``: this key, the same Moscow day, seeded at or before ``now``."""
        now = _moscow(now)
        head = f"{PREFIX}{self.key}-"
        best: tuple[dt.datetime, Path] | None = None
        try:
            entries = list(self.folder.iterdir())
        except OSError:
            return None
        for path in entries:
            name = path.name
            if not (name.startswith(head) and name.endswith(SUFFIX)):
                continue
            try:
                seeded = dt.datetime.strptime(name[len(head) : -len(SUFFIX)], STAMP).replace(tzinfo=MOSCOW)
            except ValueError:
                continue
            if seeded.date() == now.date() and seeded <= now and (best is None or seeded > best[0]):
                best = (seeded, path)
        return best[1] if best is not None else None

    def begin(self, stage_one: Path, seeded_at: dt.datetime) -> PendingTemplate | None:
        """Back up the stage-one database (before it is served); ``None`` if that fails."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(prefix=PENDING, suffix=SUFFIX, dir=self.folder)
            os.close(fd)
        except OSError as exc:
            log.warning("demo template: cannot write in %s: %s", self.folder, exc)
            return None
        pending = PendingTemplate(self, Path(name), seeded_at)
        try:
            copy_database(stage_one, pending.path)
        except (OSError, sqlite3.Error) as exc:
            log.warning("demo template: backing up the seed failed: %s", exc)
            pending.discard()
            return None
        return pending


class PendingTemplate:
    """A stage-one backup waiting for the business line's calls (:meth:`finish`)."""

    def __init__(self, shelf: TemplateShelf, path: Path, seeded_at: dt.datetime) -> None:
        self.shelf = shelf
        self.path = path
        self.seeded_at = seeded_at

    def finish(self, served: Path) -> Path | None:
        """Copy the calls added to ``served`` since stage one, and put the template in place.

        Removes the folder's other templates; returns the template's path (``None`` on failure:
        nothing is left behind).
        """
        try:
            with closing(sqlite3.connect(self.path)) as db:
                db.execute("ATTACH DATABASE ? AS served", (str(served),))
                with db:  # one transaction
                    after = db.execute("SELECT coalesce(max(id), 0) FROM main.calls").fetchone()[0]
                    db.execute("INSERT INTO main.calls SELECT * FROM served.calls WHERE id > ?", (after,))
                    db.execute(
                        "INSERT OR REPLACE INTO main.call_months SELECT * FROM served.call_months "
                        "WHERE account_id IN (SELECT DISTINCT account_id FROM main.calls WHERE id > ?)",
                        (after,),
                    )
                db.execute("DETACH DATABASE served")
                db.execute("PRAGMA journal_mode=DELETE")  # one file, no -wal/-shm beside it
            final = self.shelf.path_for(self.seeded_at)
            os.replace(self.path, final)
        except (OSError, sqlite3.Error) as exc:
            log.warning("demo template: adding the calls failed: %s", exc)
            self.discard()
            return None
        for other in self.shelf.folder.glob(f"{PREFIX}*{SUFFIX}"):
            if other != final:
                other.unlink(missing_ok=True)
        stale = time.time() - STALE_PENDING_S
        for left in self.shelf.folder.glob(f"{PENDING}*"):  # of a demo that was killed
            with suppress(OSError):
                if left.stat().st_mtime < stale:
                    left.unlink()
        return final

    def discard(self) -> None:
        """Remove the unfinished backup."""
        self.path.unlink(missing_ok=True)


def copy_database(source: Path, target: Path) -> None:
    """Copy an SQLite database file with the backup API (consistent while it is being written)."""
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def table_rows(path: Path) -> dict[str, Any]:
    """Every table's rows in ``path`` in rowid order (for comparing two demo databases)."""
    with closing(sqlite3.connect(path)) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {t: db.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall() for t in tables}
