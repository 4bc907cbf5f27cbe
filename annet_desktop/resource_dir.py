"""Where the app's resources are: icons, translation catalogues, the ``.desktop`` file, the metainfo.

In the source tree (and an editable install) they live in the top-level ``resources/`` folder. The
wheel's build step (``setup.py``) copies that folder to ``annet_desktop/resources/`` inside the
package and compiles the ``.qm`` catalogues there; the PyInstaller spec puts them at the same place
in the bundle. So one rule finds them everywhere: the copy next to the package if there is one,
else the source tree's folder. Qt-free: the build step and the tools use it too.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
#: the copy inside an installed wheel or a frozen bundle
PACKAGED = PACKAGE / "resources"
#: the source tree's folder (an editable install runs from the source tree)
SOURCE_TREE = PACKAGE.parent / "resources"


def resources() -> Path:
    """The folder holding ``icons/``, ``translations/``, ``annet-desktop.desktop`` and the metainfo."""
    return PACKAGED if PACKAGED.is_dir() else SOURCE_TREE


def icons() -> Path:
    return resources() / "icons"


def translations() -> Path:
    return resources() / "translations"


def lrelease() -> Path:
    """``lrelease`` as shipped inside the PySide6 wheel (found without importing Qt)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("PySide6 is not installed: it carries lrelease")
    name = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    for folder in spec.submodule_search_locations:
        for candidate in (Path(folder) / name, Path(folder) / "Qt" / "libexec" / name):
            if candidate.exists():
                return candidate
    raise FileNotFoundError(f"{name} not found in the PySide6 package")


def compile_catalogues(source: Path, target: Path) -> list[Path]:
    """Compile every ``annet_*.ts`` of ``source`` to ``target/annet_*.qm``; raises when lrelease fails."""
    import subprocess  # build time only: not on the app's path to its first paint

    target.mkdir(parents=True, exist_ok=True)
    built = []
    for ts in sorted(source.glob("annet_*.ts")):
        qm = target / f"{ts.stem}.qm"
        subprocess.run([str(lrelease()), "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    if not built:
        raise FileNotFoundError(f"no annet_*.ts in {source}")
    return built
