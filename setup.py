"""Build step of Annet Desktop: the top-level ``resources/`` go into the package, catalogues compiled.

Everything else is declared in ``pyproject.toml``. ``build_py`` copies ``resources/`` (icons, the
``.ts`` sources, the ``.desktop`` file, the metainfo) to ``annet_desktop/resources/`` of the wheel and
compiles each ``annet_*.ts`` there to ``.qm`` with the ``lrelease`` of the PySide6 wheel (a build
requirement). An editable install compiles the ``.qm`` in place, next to the ``.ts`` in ``resources/``.
The app never runs lrelease itself.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
from annet_desktop.resource_dir import compile_catalogues  # noqa: E402 (Qt-free, stdlib only)

SOURCE = ROOT / "resources"


class BuildWithResources(build_py):
    """``build_py`` plus the resources: copied into the package (wheel) or compiled in place (editable)."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            compile_catalogues(SOURCE / "translations", SOURCE / "translations")
            return
        target = Path(self.build_lib) / "annet_desktop" / "resources"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(SOURCE, target, ignore=shutil.ignore_patterns("*.qm"))
        compile_catalogues(target / "translations", target / "translations")


setup(cmdclass={"build_py": BuildWithResources})
