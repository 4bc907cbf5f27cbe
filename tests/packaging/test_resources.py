"""resources/ at the top of the repository: the source tree, an installed wheel and the bundle find them.

The bundle's side is tests/packaging/test_frozen_bundle.py::test_bundle_contents (the spec puts the
icons and the compiled catalogue at ``annet_desktop/resources/`` as the wheel does).
"""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from lxml import etree

import annet_desktop
from annet_desktop import i18n, resource_dir

ROOT = Path(__file__).resolve().parents[2]


def test_the_source_tree_finds_the_top_level_folder() -> None:
    assert not (ROOT / "annet_desktop" / "resources").exists(), "resources live at the top only"
    assert resource_dir.resources() == ROOT / "resources"
    assert (resource_dir.icons() / "annet-256.png").exists()
    assert i18n.ts_path("en") == ROOT / "resources" / "translations" / "annet_en.ts"
    # pip install -e compiled it in place (tests/conftest.py rebuilds it when the .ts is newer)
    assert i18n.qm_file("en") == ROOT / "resources" / "translations" / "annet_en.qm"


def test_the_app_never_compiles_a_catalogue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "TRANSLATIONS_DIR", tmp_path)
    (tmp_path / "annet_en.ts").write_text("<TS/>")
    assert i18n.qm_file("en") is None
    assert not (tmp_path / "annet_en.qm").exists()


def test_desktop_file_and_metainfo_agree() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(ROOT / "resources" / "annet-desktop.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    meta = etree.parse(str(ROOT / "resources" / "annet-desktop.metainfo.xml")).getroot()
    assert meta.get("type") == "desktop-application"
    assert meta.findtext("launchable") == "annet-desktop.desktop"
    assert meta.findtext("icon") == desktop["Icon"] == "annet-desktop"
    assert meta.findtext("name") == desktop["Name"]
    assert [c.text for c in meta.iter("category")] == [c for c in desktop["Categories"].split(";") if c]
    assert meta.find("releases/release").get("version") == annet_desktop.__version__  # type: ignore[union-attr]
    for required in ("id", "metadata_license", "project_license", "summary", "description"):
        assert meta.find(required) is not None, required


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstreamcli (apt: appstream)")
def test_the_metainfo_passes_appstream_validation() -> None:
    metainfo = ROOT / "resources" / "annet-desktop.metainfo.xml"
    done = subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--explain", str(metainfo)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "E:" not in done.stdout and "W:" not in done.stdout, done.stdout


def test_an_installed_wheel_carries_the_resources_and_the_compiled_catalogue(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    # the venv already has the build requirements (setuptools, PySide6's lrelease): no isolated env
    build = [*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", str(wheels), str(ROOT)]
    subprocess.run(build, check=True)
    (wheel,) = wheels.glob("annet_desktop-*.whl")
    target = tmp_path / "site"
    subprocess.run([*pip, "install", "--no-deps", "--target", str(target), str(wheel)], check=True)
    try:
        _check_installed(target, tmp_path)
    finally:
        # installed code, not data: the payment tests' at-rest scan of the temp folders would find the
        # sandbox's test card numbers in its source (annet_server/paysandbox/cards.py)
        shutil.rmtree(target, ignore_errors=True)
        shutil.rmtree(wheels, ignore_errors=True)


def _check_installed(target: Path, tmp_path: Path) -> None:
    probe = textwrap.dedent(
        f"""
        import sys
        sys.path.insert(0, {str(target)!r})
        from PySide6.QtCore import QCoreApplication
        from annet_desktop import i18n, resource_dir
        app = QCoreApplication([])
        print(resource_dir.resources())
        print(i18n.install("en"), QCoreApplication.translate("MainWindow", "Выход"))
        """
    )
    run = [sys.executable, "-c", probe]
    out = subprocess.run(run, capture_output=True, text=True, cwd=tmp_path, check=True)
    folder, english = out.stdout.splitlines()
    assert Path(folder) == target / "annet_desktop" / "resources"
    assert english == "True Log out"
    packaged = Path(folder)
    assert (packaged / "icons" / "annet-256.png").exists()
    assert (packaged / "translations" / "annet_en.qm").exists()
    assert (packaged / "translations" / "annet_ru.qm").exists()  # the Russian plural forms
    assert (packaged / "annet-desktop.desktop").exists()
    assert (packaged / "annet-desktop.metainfo.xml").exists()
