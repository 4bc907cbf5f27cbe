"""Build ``dist/annet-desktop_<version>_<arch>.deb`` from the bundle with ``dpkg-deb`` (issue 16).

    .venv/bin/python packaging/build_deb.py [dist/annet-desktop] [--fast] [--print-depends]

No network. What the package installs:

* the bundle under ``/opt/annet-desktop``, and ``/usr/bin/annet-desktop`` linking to its binary;
* the menu entry ``/usr/share/applications/annet-desktop.desktop`` and the icons in
  ``/usr/share/icons/hicolor/<size>/apps/annet-desktop.{png,svg}`` (the hicolor theme's and
  desktop-file-utils' dpkg triggers refresh the caches);
* the AppStream metadata ``/usr/share/metainfo/ru.annet.AnnetDesktop.metainfo.xml`` (software
  centres list the program with it; the file name is its component id, as AppStream wants);
* the AppArmor profile that lets Chromium's sandbox create its user namespace on Ubuntu 24.04+:
  kept in ``/opt/annet-desktop/apparmor-annet-desktop`` and put into
  ``/etc/apparmor.d/annet-desktop`` by ``postinst`` only when AppArmor is enabled and its parser
  accepts the profile (``abi <abi/4.0>`` and ``userns,`` need AppArmor 4) — the way
  electron-builder's packages do it, so the package installs on systems without AppArmor or with
  an older one; ``postrm`` takes it out again.

``Depends:`` is computed, never written by hand: every ``NEEDED`` entry of every ELF file of the
bundle (``objdump -p``) that the bundle does not carry is found on this system (``ldconfig -p``),
its package with ``dpkg -S``, and the minimum version from that package's ``shlibs`` file
(``/var/lib/dpkg/info/<package>.shlibs``), else the installed upstream version. So build the
package on the oldest distribution it is for (as the bundle itself).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))
from resource_paths import APPARMOR_PROFILE, DESKTOP_FILE, ICONS, METAINFO_FILE  # noqa: E402

PACKAGE = "annet-desktop"
PREFIX = Path("opt") / PACKAGE
MAINTAINER = "Annet <support@annet.example>"
DESCRIPTION = """\
Annet Desktop: the personal cabinet of the Annet provider (Tver)
 Balance, services, calls, payments and the journal of an Annet subscriber's
 accounts, as a native Qt program. Includes the reference server for the
 demo (annet-desktop --demo)."""

POSTINST = """\
#!/bin/sh
# Annet Desktop: put the AppArmor profile in place when this system's AppArmor understands it.
set -e
if [ "$1" = configure ]; then
  src=/opt/annet-desktop/apparmor-annet-desktop
  dst=/etc/apparmor.d/annet-desktop
  if command -v apparmor_parser >/dev/null 2>&1 && [ -d /etc/apparmor.d ] \\
     && { command -v aa-enabled >/dev/null 2>&1 && aa-enabled --quiet 2>/dev/null; }; then
    if apparmor_parser --skip-kernel-load --debug "$src" >/dev/null 2>&1; then
      cp -f "$src" "$dst"
      if ! { [ -x /usr/bin/ischroot ] && /usr/bin/ischroot; }; then
        apparmor_parser --replace --write-cache --skip-read-cache "$dst" || true
      fi
    else
      echo "annet-desktop: this AppArmor does not accept the profile (AppArmor 4 needed); not installed"
    fi
  fi
fi
exit 0
"""

POSTRM = """\
#!/bin/sh
# Annet Desktop: take the AppArmor profile out again (it is not a file dpkg knows).
set -e
if [ "$1" = remove ] || [ "$1" = purge ]; then
  if [ -f /etc/apparmor.d/annet-desktop ]; then
    if command -v apparmor_parser >/dev/null 2>&1; then
      apparmor_parser --remove /etc/apparmor.d/annet-desktop >/dev/null 2>&1 || true
    fi
    rm -f /etc/apparmor.d/annet-desktop
  fi
fi
exit 0
"""


def run(*argv: str) -> str:
    """stdout of a command (it must succeed)."""
    return subprocess.run(argv, check=True, capture_output=True, text=True).stdout


def is_elf(path: Path) -> bool:
    """True for an ELF file (not a symlink)."""
    if path.is_symlink() or not path.is_file():
        return False
    with path.open("rb") as fh:
        return fh.read(4) == b"\x7fELF"


def needed_and_carried(bundle: Path) -> tuple[dict[str, list[str]], set[str]]:
    """``NEEDED`` soname → the bundle files that need it, and the sonames the bundle carries."""
    needed: dict[str, list[str]] = {}
    carried: set[str] = set()
    for path in sorted(bundle.rglob("*")):
        if path.is_symlink() and ".so" in path.name:
            carried.add(path.name)
        if not is_elf(path):
            continue
        carried.add(path.name)
        rel = path.relative_to(bundle).as_posix()
        for line in run("objdump", "-p", str(path)).splitlines():
            fields = line.split()
            if len(fields) == 2 and fields[0] == "NEEDED":
                needed.setdefault(fields[1], []).append(rel)
            elif len(fields) == 2 and fields[0] == "SONAME":
                carried.add(fields[1])
    return needed, carried


def system_paths() -> dict[str, str]:
    """soname → path of the x86-64 (this architecture's) library, from ``ldconfig -p``."""
    machine = os.uname().machine
    want = {"x86_64": "x86-64", "aarch64": "AArch64"}.get(machine, "")
    out: dict[str, str] = {}
    for line in run("ldconfig", "-p").splitlines()[1:]:
        match = re.match(r"\s*(\S+) \(([^)]*)\) => (\S+)", line)
        if match and (not want or want in match.group(2)):
            out.setdefault(match.group(1), match.group(3))
    return out


def owning_package(path: str) -> str:
    """The package that installed ``path`` (``dpkg -S``; /lib and /usr/lib are tried both ways)."""
    real = os.path.realpath(path)
    candidates = [path, real]
    for p in (path, real):
        if p.startswith("/usr/lib/"):
            candidates.append(p[len("/usr") :])
        elif p.startswith("/lib/"):
            candidates.append("/usr" + p)
    for candidate in dict.fromkeys(candidates):
        done = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True, check=False)
        if done.returncode == 0:
            return done.stdout.split(":", 1)[0].split(",")[0].strip()
    raise SystemExit(f"build_deb: no package owns {path} (dpkg -S)")


def minimum_version(package: str, soname: str) -> str:
    """``(>= …)`` for ``soname`` from the package's shlibs file, else its installed upstream version."""
    name, _, ver = soname.partition(".so")
    ver = ver.lstrip(".")
    info = Path("/var/lib/dpkg/info")
    for shlibs in (info / f"{package}:{arch()}.shlibs", info / f"{package}.shlibs"):
        if shlibs.exists():
            for line in shlibs.read_text().splitlines():
                fields = line.split(maxsplit=2)
                if len(fields) == 3 and fields[0] == name and fields[1] == ver:
                    match = re.search(r"\(>= ([^)]+)\)", fields[2])
                    if match:
                        return match.group(1)
    installed = run("dpkg-query", "-W", "-f=${Version}", package).strip()
    return installed.split("-")[0] if "-" in installed else installed


def arch() -> str:
    """The Debian architecture of this system (amd64, arm64)."""
    return run("dpkg", "--print-architecture").strip()


def depends(bundle: Path, verbose: bool = False) -> str:
    """The ``Depends:`` field: one entry per package, the highest minimum version of its sonames."""
    needed, carried = needed_and_carried(bundle)
    paths = system_paths()
    versions: dict[str, str] = {}
    missing = []
    for soname in sorted(set(needed) - carried):
        if soname not in paths:
            missing.append(f"{soname} (needed by {', '.join(needed[soname][:3])})")
            continue
        package = owning_package(paths[soname])
        version = minimum_version(package, soname)
        if verbose:
            print(f"  {soname:32} {package} (>= {version})", file=sys.stderr)
        old = versions.get(package)
        if old is None or newer(version, old):
            versions[package] = version
    if missing:
        raise SystemExit("build_deb: not on this system, so no package found for:\n  " + "\n  ".join(missing))
    return ", ".join(f"{pkg} (>= {ver})" if ver else pkg for pkg, ver in sorted(versions.items()))


def newer(a: str, b: str) -> bool:
    """True when Debian version ``a`` is greater than ``b`` (``dpkg --compare-versions``)."""
    return subprocess.run(["dpkg", "--compare-versions", a, "gt", b], check=False).returncode == 0


def desktop_entry() -> str:
    """The menu entry of the installed program: started from the PATH."""
    lines = []
    for line in DESKTOP_FILE.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if line.startswith("Exec="):
            lines += [f"Exec={PACKAGE} %U", f"TryExec={PACKAGE}"]
            continue
        lines.append(line)
    return "\n".join(lines) + "\n"


def metainfo_name() -> str:
    """The installed metainfo's file name: ``<component id>.metainfo.xml``."""
    match = re.search(r"<id>([^<]+)</id>", METAINFO_FILE.read_text(encoding="utf-8"))
    if match is None:
        raise SystemExit(f"build_deb: no <id> in {METAINFO_FILE}")
    return f"{match.group(1).strip()}.metainfo.xml"


def stage(bundle: Path, root: Path, version: str, dep: str) -> None:
    """Lay the package's files out under ``root``."""
    app = root / PREFIX
    shutil.copytree(bundle, app, symlinks=True)
    for extra in ("install-desktop-entry.sh", "annet-desktop.desktop", "icons"):  # the tarball's own
        target = app / extra
        shutil.rmtree(target) if target.is_dir() else target.unlink(missing_ok=True)
    shutil.copy(APPARMOR_PROFILE, app / "apparmor-annet-desktop")
    (root / "usr" / "bin").mkdir(parents=True)
    (root / "usr" / "bin" / PACKAGE).symlink_to(f"/{PREFIX}/{PACKAGE}")
    apps = root / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    (apps / f"{PACKAGE}.desktop").write_text(desktop_entry(), encoding="utf-8")
    metainfo = root / "usr" / "share" / "metainfo"
    metainfo.mkdir(parents=True)
    shutil.copy(METAINFO_FILE, metainfo / metainfo_name())
    hicolor = root / "usr" / "share" / "icons" / "hicolor"
    for png in sorted(ICONS.glob("annet-*.png")):
        size = png.stem.split("-")[1]
        (hicolor / f"{size}x{size}" / "apps").mkdir(parents=True)
        shutil.copy(png, hicolor / f"{size}x{size}" / "apps" / f"{PACKAGE}.png")
    (hicolor / "scalable" / "apps").mkdir(parents=True)
    shutil.copy(ICONS / "annet.svg", hicolor / "scalable" / "apps" / f"{PACKAGE}.svg")
    debian = root / "DEBIAN"
    debian.mkdir()
    size_kb = sum(p.lstat().st_size for p in root.rglob("*")) // 1024
    control = [
        f"Package: {PACKAGE}",
        f"Version: {version}",
        f"Architecture: {arch()}",
        f"Maintainer: {MAINTAINER}",
        f"Installed-Size: {size_kb}",
        f"Depends: {dep}",
        "Section: net",
        "Priority: optional",
        f"Description: {DESCRIPTION}",
    ]
    (debian / "control").write_text("\n".join(control) + "\n", encoding="utf-8")
    for name, text in (("postinst", POSTINST), ("postrm", POSTRM)):
        (debian / name).write_text(text, encoding="utf-8")
        (debian / name).chmod(0o755)
    for path in root.rglob("*"):  # dpkg wants no group/other-writable files, no odd modes
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", nargs="?", type=Path, default=ROOT / "dist" / "annet-desktop")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument("--fast", action="store_true", help="gzip -1 instead of xz (CI: quicker, bigger)")
    parser.add_argument("--print-depends", action="store_true", help="print Depends: and how it was found")
    args = parser.parse_args(argv)
    if not (args.bundle / PACKAGE).exists():
        print(f"no bundle at {args.bundle}: build it with packaging/build-linux.sh", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    from annet_desktop import __version__

    dep = depends(args.bundle, verbose=args.print_depends)
    if args.print_depends:
        print(f"Depends: {dep}")
        return 0
    deb = args.out / f"{PACKAGE}_{__version__}_{arch()}.deb"
    compress = ["-Zgzip", "-z1"] if args.fast else ["-Zxz", "-z6"]
    with tempfile.TemporaryDirectory(prefix="annet-deb-") as tmp:
        root = Path(tmp) / "root"
        stage(args.bundle, root, __version__, dep)
        subprocess.run(
            ["dpkg-deb", "--root-owner-group", *compress, "--build", str(root), str(deb)], check=True
        )
    print(f"build_deb: {deb} ({deb.stat().st_size / 1e6:.1f} MB)\nDepends: {dep}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
