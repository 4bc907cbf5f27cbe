"""The libraries Annet Desktop ships and their licences, read from the installed packages' metadata.

Nothing here is typed by hand: :func:`bundled` walks the requirements of the ``annet-desktop``
distribution (with the extras the bundle ships: the reference server behind ``--demo``) through
``importlib.metadata``, keeping what is installed, and takes each one's licence from its
metadata (``License-Expression``, else ``License``, else the ``License ::`` classifiers). The
frozen bundle carries the same distributions' metadata (packaging/annet-desktop.spec copies it
with :func:`bundled_names`), so «О программе» lists the same there. Pure Python, no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import metadata

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

#: the application's own distribution
ROOT = "annet-desktop"
#: its extras the bundle ships: the reference server (``--demo``, ``--self-test``)
BUNDLED_EXTRAS = ("server",)
#: a ``License`` field longer than this is the licence's whole text: its first line names it
_SHORT = 120


@dataclass(frozen=True)
class Library:
    """One shipped distribution: its name, version and licence as its metadata states them."""

    name: str
    version: str
    licence: str


def _field(meta: metadata.PackageMetadata, key: str) -> str:
    values = meta.get_all(key) or []
    return str(values[0]).strip() if values else ""


def licence_of(dist: metadata.Distribution) -> str:
    """The licence a distribution's metadata names ("" when it names none)."""
    meta = dist.metadata
    expression = _field(meta, "License-Expression")
    if expression:
        return expression
    field = _field(meta, "License")
    if field and field.upper() != "UNKNOWN":
        first = field.splitlines()[0].strip()
        return first if len(field) <= _SHORT or not first else first[:_SHORT]
    classifiers = [
        c.rsplit("::", 1)[-1].strip() for c in meta.get_all("Classifier") or [] if c.startswith("License ::")
    ]
    return ", ".join(classifiers)


def _wanted(requirement: Requirement, extras: tuple[str, ...]) -> bool:
    if requirement.marker is None:
        return True
    return any(requirement.marker.evaluate({"extra": extra}) for extra in (*extras, ""))


def _distributions(
    root: str = ROOT, extras: tuple[str, ...] = BUNDLED_EXTRAS
) -> dict[str, metadata.Distribution]:
    """Every installed distribution ``root`` (with ``extras``) needs, by canonical name, root excluded."""
    found: dict[str, metadata.Distribution] = {}
    queue: list[tuple[str, tuple[str, ...]]] = [(root, extras)]
    root_key = canonicalize_name(root)
    while queue:
        name, wanted = queue.pop()
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:  # needed on another platform or Python only
            continue
        key = canonicalize_name(dist.metadata["Name"])
        if key != root_key:
            if key in found:
                continue
            found[key] = dist
        for spec in dist.requires or []:
            requirement = Requirement(spec)
            if _wanted(requirement, wanted) and canonicalize_name(requirement.name) != root_key:
                queue.append((requirement.name, tuple(sorted(requirement.extras))))
    return found


def bundled() -> list[Library]:
    """The shipped libraries, by name (case-insensitive)."""
    return sorted(
        (Library(str(d.metadata["Name"]), d.version, licence_of(d)) for d in _distributions().values()),
        key=lambda lib: lib.name.lower(),
    )


def bundled_names() -> list[str]:
    """The distribution names whose metadata the bundle must carry (the application's own first)."""
    return [ROOT, *sorted(str(d.metadata["Name"]) for d in _distributions().values())]
