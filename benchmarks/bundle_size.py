"""Bundle size benchmark: the unpacked folder and the download against their goals (issue 16).

    .venv/bin/python benchmarks/bundle_size.py [dist]

Reads what ``packaging/build-linux.sh`` left in ``dist/``: the folder ``annet-desktop/`` (the sum
of its file sizes, symlinks not counted twice) and the newest
``annet-desktop-<version>-linux-<arch>.tar.xz`` (what a user downloads; the release build packs it
at xz preset 9e in one stream, the slow test at -1 — say which one was measured), plus the ``.deb``
if one is there.
Goals: unpacked ≤ 300 MB, download ≤ 100 MB (MB = 10⁶ bytes). Prints the biggest components
(``packaging/size_report.py``); exit 1 when a goal is missed, 2 when there is nothing to measure.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))
from size_report import MB, scan  # noqa: E402

GOAL_UNPACKED_MB = 300
GOAL_DOWNLOAD_MB = 100
TOP = 8


def newest(folder: Path, pattern: str) -> Path | None:
    found = sorted(folder.glob(pattern), key=lambda p: p.stat().st_mtime)
    return found[-1] if found else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dist", nargs="?", type=Path, default=ROOT / "dist")
    args = parser.parse_args(argv)
    bundle = args.dist / "annet-desktop"
    tarball = newest(args.dist, "annet-desktop-*-linux-*.tar.xz")
    if not bundle.is_dir() or tarball is None or tarball.stat().st_size == 0:
        print(f"nothing to measure in {args.dist}: run packaging/build-linux.sh first", file=sys.stderr)
        return 2
    components, _duplicates = scan(bundle)
    unpacked = sum(c.size for c in components.values()) / MB
    download = tarball.stat().st_size / MB
    deb = newest(args.dist, "annet-desktop_*.deb")
    ok_unpacked, ok_download = unpacked <= GOAL_UNPACKED_MB, download <= GOAL_DOWNLOAD_MB
    print("| measure | size | goal | |")
    print("|---|---|---|---|")
    for label, size, goal, ok in (
        (f"unpacked `{bundle.name}/`", unpacked, GOAL_UNPACKED_MB, ok_unpacked),
        (f"download `{tarball.name}`", download, GOAL_DOWNLOAD_MB, ok_download),
    ):
        print(f"| {label} | {size:.1f} MB | ≤ {goal} MB | {'met' if ok else 'MISSED'} |")
    if deb is not None:
        print(f"| `{deb.name}` (not a goal) | {deb.stat().st_size / MB:.1f} MB | — | |")
    print(f"\nbiggest components of the unpacked folder (all: packaging/size_report.py {bundle}):")
    for comp in sorted(components.values(), key=lambda c: -c.size)[:TOP]:
        print(f"  {comp.size / MB:7.1f} MB  {comp.name}")
    ok = ok_unpacked and ok_download
    print("\nALL GOALS MET" if ok else "\nGOAL MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
