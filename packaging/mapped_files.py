"""Which files of the bundle the frozen app actually maps: ``packaging/mapped-files.txt`` (issue 16).

    .venv/bin/python packaging/mapped_files.py [dist/annet-desktop] [--write] [--unmapped]

Runs the frozen binary three times — ``--self-test`` offscreen, ``--self-test`` on an X server
(``Xvfb``, the xcb platform plugin a desktop uses), and ``--demo`` logged in as 100004 until its
main window is painted on that X server — and while each runs reads ``/proc/<pid>/maps`` of the
process and of every process below it (``QtWebEngineProcess``: zygote, renderer, GPU, utility)
every few milliseconds. Every mapped file inside the bundle is recorded by its path in the bundle.

``--write`` stores the sorted list in ``packaging/mapped-files.txt``, which
``tests/packaging/test_frozen_bundle.py`` compares with the bundle: a library the app maps must
never be cut from it. ``--unmapped`` lists the bundle's shared libraries no run mapped (what the
spec may still cut — checked by hand against what the app needs later: printing, charts, Wayland).
Linux only.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "packaging" / "mapped-files.txt"
POLL_S = 0.005
RUN_TIMEOUT_S = 300.0


def children(pid: int) -> set[int]:
    """``pid`` and every process below it (from ``/proc/*/stat``)."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        # the command name may contain spaces and parentheses: the ppid follows the last ')'
        parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    tree = {pid}
    grew = True
    while grew:
        found = {child for child, parent in parents.items() if parent in tree}
        grew = bool(found - tree)
        tree |= found
    return tree


def mapped_paths(pid: int) -> Iterator[str]:
    """The files mapped by process ``pid`` (nothing if it has gone)."""
    try:
        text = Path(f"/proc/{pid}/maps").read_text()
    except OSError:
        return
    for line in text.splitlines():
        fields = line.split(maxsplit=5)
        if len(fields) == 6 and fields[5].startswith("/"):
            yield fields[5].removesuffix(" (deleted)")


def watch(argv: list[str], env: dict[str, str], bundle: Path) -> tuple[set[str], int, str]:
    """Run ``argv``; the bundle files its process tree mapped, its exit code, the end of its output."""
    seen: set[str] = set()
    prefix = str(bundle.resolve()) + "/"
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(argv, env=env, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + RUN_TIMEOUT_S
        while proc.poll() is None and time.monotonic() < deadline:
            for pid in children(proc.pid):
                for path in mapped_paths(pid):
                    if path.startswith(prefix):
                        seen.add(path[len(prefix) :])
            time.sleep(POLL_S)
        if proc.poll() is None:
            proc.kill()
        code = proc.wait()
        log.seek(0)
        tail = log.read().decode("utf-8", "replace")[-3000:]
    return seen, code, tail


def runs(binary: Path, home: Path) -> list[tuple[str, list[str], dict[str, str]]]:
    """The three runs: (title, argv, environment)."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "ANNET_", "QTWEBENGINE_"))}
    base.update(HOME=str(home), XDG_RUNTIME_DIR=str(home / "run"), LANG="C.UTF-8")
    (home / "run").mkdir(mode=0o700, exist_ok=True)
    xvfb = shutil.which("xvfb-run")
    out = [("--self-test, offscreen", [str(binary), "--self-test"], dict(base, QT_QPA_PLATFORM="offscreen"))]
    if xvfb is None:
        print("mapped_files: no xvfb-run: the xcb runs are skipped", file=sys.stderr)
        return out
    x = [xvfb, "-a", "-s", "-screen 0 1280x800x24"]
    out.append(
        ("--self-test, xcb (Xvfb)", [*x, str(binary), "--self-test"], dict(base, QT_QPA_PLATFORM="xcb"))
    )
    demo_env = dict(base, QT_QPA_PLATFORM="xcb", ANNET_AUTO_LOGIN="100004", ANNET_EXIT_AFTER_PAINT="main")
    out.append(("--demo to the main window, xcb (Xvfb)", [*x, str(binary), "--demo"], demo_env))
    return out


def collect(bundle: Path) -> tuple[set[str], list[str]]:
    """Every bundle file the runs mapped, and one line per run for the file's header."""
    binary = bundle / "annet-desktop"
    mapped: set[str] = set()
    titles = []
    with tempfile.TemporaryDirectory(prefix="annet-mapped-") as tmp:
        for title, argv, env in runs(binary, Path(tmp)):
            seen, code, tail = watch(argv, env, bundle)
            if code != 0:
                raise SystemExit(f"mapped_files: {title} exited {code}:\n{tail}")
            print(f"mapped_files: {title}: {len(seen)} files of the bundle mapped", file=sys.stderr)
            titles.append(f"# {title}: {len(seen)} files")
            mapped |= seen
    return mapped, titles


def shared_libraries(bundle: Path) -> set[str]:
    """Every ELF shared library of the bundle (by path in the bundle)."""
    out = set()
    for path in bundle.rglob("*"):
        if path.is_file() and not path.is_symlink() and (".so" in path.name):
            with path.open("rb") as fh:
                if fh.read(4) == b"\x7fELF":
                    out.add(path.relative_to(bundle).as_posix())
    return out


def read_recorded(path: Path = OUTPUT) -> set[str]:
    """The paths recorded in ``mapped-files.txt`` (comments and blank lines skipped)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", nargs="?", type=Path, default=ROOT / "dist" / "annet-desktop")
    parser.add_argument("--write", action="store_true", help=f"store the list in {OUTPUT.name}")
    parser.add_argument("--unmapped", action="store_true", help="list the shared libraries no run mapped")
    args = parser.parse_args(argv)
    if not (args.bundle / "annet-desktop").exists():
        print(f"no bundle at {args.bundle}: build it with packaging/build-linux.sh", file=sys.stderr)
        return 2
    mapped, titles = collect(args.bundle)
    text = "\n".join(
        [
            "# Files of dist/annet-desktop/ that the frozen app maps (/proc/<pid>/maps of the app and",
            "# its QtWebEngineProcess children). Generated by packaging/mapped_files.py --write; the",
            "# slow test tests/packaging/test_frozen_bundle.py fails when one is missing from the bundle.",
            *titles,
            *sorted(mapped),
        ]
    )
    if args.write:
        OUTPUT.write_text(text + "\n", encoding="utf-8")
        print(f"mapped_files: {len(mapped)} files written to {OUTPUT}", file=sys.stderr)
    else:
        print(text)
    if args.unmapped:
        for rel in sorted(shared_libraries(args.bundle) - mapped):
            size = (args.bundle / rel).stat().st_size
            print(f"unmapped {size / 1e6:7.2f} MB  {rel}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
