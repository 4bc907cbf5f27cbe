"""Where every megabyte of the one-folder bundle goes: a table by component (issue 16).

    .venv/bin/python packaging/size_report.py [dist/annet-desktop] [--write packaging/README.md]

Walks the bundle, puts every file into one component (the first rule of :data:`RULES` whose
pattern matches its path inside the bundle), and prints a Markdown table: component, files, MB,
share. Files with the same content under two names are listed after it (a bundle should have
none). ``--write FILE`` replaces the text between the ``<!-- size-report:start -->`` and
``<!-- size-report:end -->`` lines of FILE with the table. Sizes are file sizes (what
``du --apparent-size`` counts), in MB of 10⁶ bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
START = "<!-- size-report:start -->"
END = "<!-- size-report:end -->"
MB = 1_000_000
#: files smaller than this are not compared (dist-info INSTALLER files, empty catalogues)
DUPLICATE_MIN = 1024

_QT = r"_internal/PySide6/Qt/"
#: (component, regular expression on the path inside the bundle), first match wins
RULES: tuple[tuple[str, str], ...] = (
    ("Qt WebEngine: libQt6WebEngineCore (Chromium)", _QT + r"lib/libQt6WebEngineCore\.so"),
    ("Qt WebEngine: .pak resources", _QT + r"resources/.*\.pak$"),
    ("Qt WebEngine: ICU data (icudtl.dat)", _QT + r"resources/icudtl\.dat$"),
    ("Qt WebEngine: v8 snapshot and other resources", _QT + r"resources/"),
    ("Qt WebEngine: UI locales (ru, en-US)", _QT + r"translations/qtwebengine_locales/"),
    ("Qt WebEngine: QtWebEngineProcess", _QT + r"libexec/"),
    ("Qt catalogues (qt_*.qm)", _QT + r"translations/"),
    ("ICU libraries (libicu*: Qt Core's; data cut to root/en/ru)", r"_internal/(PySide6/Qt/lib/)?libicu"),
    ("Qt Quick/QML (WebEngine links them)", _QT + r"lib/libQt6(Qml|Quick)"),
    ("Qt Gui, Widgets, Core", _QT + r"lib/libQt6(Gui|Widgets|Core)\.so"),
    ("Qt Charts (the balance chart, the calls bars)", _QT + r"lib/libQt6Charts"),
    ("Qt: other libraries", _QT + r"lib/"),
    ("Qt plugins: platforms (xcb, wayland, offscreen)", _QT + r"plugins/(platforms|wayland|xcbglintegrations|platforminputcontexts|platformthemes)"),  # noqa: E501
    ("Qt plugins: other (image formats, icons, TLS, printing)", _QT + r"plugins/"),
    ("PySide6 bindings (Qt*.abi3.so)", r"_internal/PySide6/"),
    ("shiboken6", r"_internal/shiboken6/"),
    ("Python: libpython", r"_internal/libpython"),
    ("Python: compiled modules (PYZ archive in the executable, base_library.zip)", r"^annet-desktop$|_internal/base_library\.zip$"),  # noqa: E501
    ("Python: stdlib extension modules (lib-dynload)", r"_internal/(python3\.\d+/)?lib-dynload/"),
    ("lxml (xlsx export)", r"_internal/lxml/"),
    ("pydantic-core", r"_internal/pydantic_core/"),
    ("cryptography (keyring's Secret Service session on Linux)", r"_internal/cryptography/"),
    ("argon2, cffi (demo server passwords)", r"_internal/(argon2|_argon2|_cffi)"),
    ("OpenSSL (libssl, libcrypto)", r"_internal/lib(ssl|crypto)"),
    ("app data: annet_desktop (icons, catalogues)", r"_internal/annet_desktop/"),
    ("app data: annet_server (payment sandbox pages)", r"_internal/annet_server/"),
    ("desktop integration (.desktop, icons, AppArmor, scripts)", r"^(icons/|[^/]+\.(desktop|sh)$|apparmor)"),
    ("other bundled system libraries", r"_internal/[^/]+\.so(\.\d+)*$"),
    ("other Python packages", r"_internal/[^/]+/"),
    ("other", r""),
)  # fmt: skip
_COMPILED = [(name, re.compile(pattern)) for name, pattern in RULES]


@dataclass
class Component:
    """One row of the table."""

    name: str
    files: int = 0
    size: int = 0
    biggest: list[tuple[int, str]] = field(default_factory=list)


def component_of(rel: str) -> str:
    """The component a file (its path inside the bundle, with ``/``) belongs to."""
    for name, pattern in _COMPILED:
        if pattern.search(rel):
            return name
    return "other"


def scan(bundle: Path) -> tuple[dict[str, Component], list[list[str]]]:
    """Components by name, and groups of files with the same content (symlinks not counted)."""
    components: dict[str, Component] = {}
    by_hash: dict[tuple[int, str], list[str]] = defaultdict(list)
    for path in sorted(bundle.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        rel = path.relative_to(bundle).as_posix()
        size = path.stat().st_size
        comp = components.setdefault(component_of(rel), Component(component_of(rel)))
        comp.files += 1
        comp.size += size
        comp.biggest.append((size, rel))
        if size >= DUPLICATE_MIN:
            digest = hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
            by_hash[(size, digest)].append(rel)
    duplicates = [names for names in by_hash.values() if len(names) > 1]
    return components, duplicates


def table(bundle: Path, components: dict[str, Component], duplicates: list[list[str]]) -> str:
    """The Markdown report."""
    total = sum(c.size for c in components.values())
    files = sum(c.files for c in components.values())
    lines = [
        f"`{bundle.name}/`: **{total / MB:.1f} MB** in {files} files "
        f"(`packaging/size_report.py`, sizes in MB of 10⁶ bytes)",
        "",
        "| component | files | MB | share | biggest file |",
        "|---|---:|---:|---:|---|",
    ]
    for comp in sorted(components.values(), key=lambda c: -c.size):
        size, name = max(comp.biggest)
        biggest = f"`{Path(name).name}` {size / MB:.1f}"
        share = 100 * comp.size / total if total else 0.0
        lines.append(f"| {comp.name} | {comp.files} | {comp.size / MB:.1f} | {share:.1f} % | {biggest} |")
    lines.append(f"| **total** | {files} | {total / MB:.1f} | 100 % | |")
    lines.append("")
    if duplicates:
        lines.append("Same content under two names:")
        lines.extend(f"- {', '.join(f'`{n}`' for n in names)}" for names in duplicates)
    else:
        lines.append("No two files of 1 kB or more have the same content (by hash; symlinks not counted).")
    return "\n".join(lines) + "\n"


def write_into(target: Path, report: str) -> None:
    """Replace the text between the markers in ``target`` with ``report``."""
    text = target.read_text(encoding="utf-8")
    if START not in text or END not in text:
        raise SystemExit(f"{target}: no {START} … {END} lines to write the table between")
    head, rest = text.split(START, 1)
    _old, tail = rest.split(END, 1)
    target.write_text(f"{head}{START}\n{report}{END}{tail}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", nargs="?", type=Path, default=ROOT / "dist" / "annet-desktop")
    parser.add_argument("--write", type=Path, help="put the table into this file between the markers")
    args = parser.parse_args(argv)
    if not args.bundle.is_dir():
        print(f"no bundle at {args.bundle}: build it with packaging/build-linux.sh", file=sys.stderr)
        return 2
    components, duplicates = scan(args.bundle)
    report = table(args.bundle, components, duplicates)
    print(report, end="")
    if args.write:
        write_into(args.write, report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
