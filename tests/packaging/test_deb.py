"""The .deb builder (issue 16): its menu entry starts the program from the PATH, and ``Depends:`` is
what the bundle's ELF files link minus what the bundle carries (found with objdump, ldconfig and
``dpkg -S``). Installing, self-testing and purging the real package is done by
``packaging/check-deb.sh`` in ``.ci/run``."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import build_deb  # noqa: E402

debian = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("dpkg", "objdump", "ldconfig")), reason="Debian tools"
)


def test_menu_entry_starts_the_installed_program() -> None:
    text = build_deb.desktop_entry()
    lines = text.splitlines()
    assert "Exec=annet-desktop %U" in lines and "TryExec=annet-desktop" in lines
    assert "Icon=annet-desktop" in lines and "Terminal=false" in lines
    assert not [line for line in lines if line.startswith("#")]


def _library(name: str) -> Path:
    path = build_deb.system_paths().get(name)
    if path is None:
        pytest.skip(f"{name} is not on this system")
    return Path(path)


@debian
def test_depends_is_what_the_bundle_links_and_does_not_carry(tmp_path: Path) -> None:
    xz = shutil.which("xz")
    if xz is None:
        pytest.skip("no xz binary to play a bundle's ELF file")
    bundle = tmp_path / "annet-desktop"
    bundle.mkdir()
    shutil.copy(xz, bundle / "annet-desktop")  # links liblzma.so.5 and libc.so.6
    liblzma = _library("liblzma.so.5")
    depends = build_deb.depends(bundle)
    assert "liblzma5 (>= " in depends and "libc6 (>= " in depends, depends
    # the bundle carries its own liblzma: no dependency on the system's
    (bundle / "_internal").mkdir()
    shutil.copy(liblzma, bundle / "_internal" / "liblzma.so.5")
    depends = build_deb.depends(bundle)
    assert "liblzma5" not in depends and "libc6 (>= " in depends, depends


@debian
def test_a_library_no_package_provides_stops_the_build(tmp_path: Path) -> None:
    bundle = tmp_path / "annet-desktop"
    bundle.mkdir()
    shutil.copy(shutil.which("ls") or "/bin/ls", bundle / "annet-desktop")
    elf = bundle / "_internal" / "libneeds.so"
    elf.parent.mkdir()
    # a copy of a real library whose NEEDED list is edited to name one no system has
    data = _library("liblzma.so.5").read_bytes()
    needed = b"libc.so.6\x00"
    assert needed in data
    elf.write_bytes(data.replace(needed, b"libq.so.6\x00", 1))
    with pytest.raises(SystemExit, match=r"libq\.so\.6"):
        build_deb.depends(bundle)


@debian
def test_the_package_installs_the_appstream_metadata_under_its_component_id(tmp_path: Path) -> None:
    bundle = tmp_path / "annet-desktop"
    bundle.mkdir()
    (bundle / "annet-desktop").write_text("#!/bin/sh\n")
    root = tmp_path / "root"
    build_deb.stage(bundle, root, "0.1.0", "libc6")
    installed = root / "usr" / "share" / "metainfo" / "ru.annet.AnnetDesktop.metainfo.xml"
    assert installed.read_bytes() == build_deb.METAINFO_FILE.read_bytes()
    assert (root / "usr" / "share" / "applications" / "annet-desktop.desktop").is_file()
    assert oct(installed.stat().st_mode & 0o777) == "0o644"
