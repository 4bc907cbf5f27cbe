"""The frozen Linux bundle (issues 6, 16): it passes ``--self-test``, keeps Chromium's sandbox on, ships
what the app needs — every file the app maps (``packaging/mapped-files.txt``) — and nothing of the
Qt modules it never loads, and its tar.xz unpacks to a runnable folder with the .desktop file.

Slow: builds ``dist/annet-desktop`` with ``packaging/build-linux.sh`` when there is no bundle, or
when a source file is newer than it (~2–3 min on 2 cores); ``ANNET_FROZEN_BUNDLE=<binary>`` tests a
given bundle instead. Linux only here (.github/workflows/bundles.yml runs the self-test on Windows
and macOS).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux bundle (CI covers the others)"),
]

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist" / "annet-desktop"
BINARY = DIST / "annet-desktop"
SOURCES = ("annet_desktop", "annet_server", "packaging")
SELF_TEST_TIMEOUT_S = 300
ROOT_WARNING = "running as root: Qt WebEngine's Chromium sandbox is disabled"


def _newest_source() -> float:
    newest = 0.0
    for folder in SOURCES:
        for path in (ROOT / folder).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                newest = max(newest, path.stat().st_mtime)
    return newest


@pytest.fixture(scope="module")
def bundle() -> Path:
    """The frozen binary: given, up to date in dist/, or built now."""
    given = os.environ.get("ANNET_FROZEN_BUNDLE")
    if given:
        return Path(given)
    if BINARY.exists() and BINARY.stat().st_mtime >= _newest_source():
        return BINARY
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.skip("PyInstaller is not installed (pip install 'pyinstaller>=6'): cannot build the bundle")
    env = dict(os.environ, ANNET_SKIP_SELFTEST="1", ANNET_XZ_LEVEL="1", PYTHON=sys.executable)
    build = subprocess.run(
        ["bash", str(ROOT / "packaging" / "build-linux.sh")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    assert build.returncode == 0, f"build-linux.sh failed:\n{build.stdout[-3000:]}\n{build.stderr[-5000:]}"
    assert BINARY.exists()
    return BINARY


def _clean_env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QTWEBENGINE_", "ANNET_", "PYTHON"))}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", **extra)
    return env


def _self_test(cmd: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*cmd, "--self-test"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=SELF_TEST_TIMEOUT_S,
        check=False,
    )


def test_frozen_self_test_passes(bundle: Path, tmp_path: Path) -> None:
    result = _self_test([str(bundle)], _clean_env(tmp_path), tmp_path)
    report = f"exit {result.returncode}\n--- stdout\n{result.stdout}\n--- stderr\n{result.stderr[-4000:]}"
    assert result.returncode == 0, report
    assert "frozen=True" in result.stdout, report
    for step in ("demo server", "every tab", "export calls", "payment page", "about and receipt", "logout"):
        assert f"self-test: {step}" in result.stdout, report
    assert "self-test: passed" in result.stdout, report
    # the one exception to the sandbox rule is announced in the log
    assert (ROOT_WARNING in result.stderr) == (os.geteuid() == 0), report


def test_the_frozen_app_is_its_own_demo_server(bundle: Path, tmp_path: Path) -> None:
    """``--demo`` spawns ``annet-desktop --demo-server`` (``sys.executable`` is the app in the
    bundle): its ready line on stdout, a clean stop at EOF on stdin, and no Qt library mapped but
    Qt Core — PyInstaller's own runtime hook for PySide6 (``pyi_rth_pyside6``) imports QtCore in
    every process of a frozen app, before our entry script runs; no GUI, widgets or WebEngine."""
    import json

    folder = tmp_path / "tmp"
    folder.mkdir()
    code = (
        "import subprocess, sys\n"
        "p = subprocess.Popen(sys.argv[1:], stdin=subprocess.PIPE, stdout=subprocess.PIPE)\n"
        "print(p.stdout.readline().decode(), end='', flush=True)\n"
        "import re\n"
        "maps = open(f'/proc/{p.pid}/maps').read()\n"
        "print('QT_MAPPED=' + ','.join(sorted(set(re.findall(r'libQt6\\w+', maps)))), flush=True)\n"
        "p.stdin.close()\n"
        "sys.exit(p.wait())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(bundle), "--demo-server", "--small"],
        cwd=tmp_path,
        env=_clean_env(tmp_path, TMPDIR=str(folder)),
        capture_output=True,
        text=True,
        timeout=SELF_TEST_TIMEOUT_S,
        check=False,
    )
    report = (
        f"exit {result.returncode}\n--- stdout\n{result.stdout[-2000:]}\n--- stderr\n{result.stderr[-4000:]}"
    )
    assert result.returncode == 0, report
    ready = json.loads(result.stdout.splitlines()[0])
    assert ready["url"].startswith("http://127.0.0.1:") and len(ready["accounts"]) >= 10, report
    assert "QT_MAPPED=libQt6Core\n" in result.stdout, report
    assert list(folder.iterdir()) == [], report


def test_sandbox_cannot_be_switched_off_for_a_normal_user(bundle: Path, tmp_path: Path) -> None:
    """QTWEBENGINE_DISABLE_SANDBOX / --no-sandbox (what PyInstaller's old macOS hook set) are undone."""
    env = _clean_env(
        tmp_path, QTWEBENGINE_DISABLE_SANDBOX="1", QTWEBENGINE_CHROMIUM_FLAGS="--no-sandbox --disable-gpu"
    )
    cmd = [str(bundle)]
    if os.geteuid() == 0:
        runuser = shutil.which("runuser")
        if runuser is None:
            pytest.skip("root without runuser: cannot start the bundle as a normal user")
        probe = subprocess.run([runuser, "-u", "nobody", "--", "test", "-x", str(bundle)], check=False)
        if probe.returncode != 0:
            pytest.skip("the bundle is not reachable for the user nobody")
        tmp_path.chmod(0o777)
        cmd = [runuser, "-u", "nobody", "--", "env", *(f"{k}={v}" for k, v in env.items()), str(bundle)]
    result = _self_test(cmd, env, tmp_path)
    report = f"exit {result.returncode}\n--- stdout\n{result.stdout}\n--- stderr\n{result.stderr[-4000:]}"
    assert result.returncode == 0, report
    assert "Sandboxing disabled" not in result.stderr, report
    assert ROOT_WARNING not in result.stderr, report


def test_bundle_contents(bundle: Path) -> None:
    internal = bundle.parent / "_internal"
    qt = internal / "PySide6" / "Qt"
    # what the app needs
    assert (qt / "libexec" / "QtWebEngineProcess").exists()
    assert (qt / "resources" / "qtwebengine_resources.pak").exists()
    assert (qt / "resources" / "icudtl.dat").exists()
    assert (qt / "translations" / "qtwebengine_locales" / "ru.pak").exists()
    assert (internal / "annet_desktop" / "resources" / "translations" / "annet_en.qm").exists()
    assert (internal / "annet_desktop" / "resources" / "translations" / "annet_ru.qm").exists()
    assert (internal / "annet_desktop" / "resources" / "icons" / "annet-256.png").exists()
    assert list((internal / "annet_server" / "paysandbox").glob("static/*")), "payment sandbox files"
    # what is coming (issue 16): the balance chart (QtCharts), printing (QtPrintSupport, CUPS)
    libs = {p.name for p in (qt / "lib").iterdir()}
    for coming in ("Charts", "PrintSupport"):
        assert f"libQt6{coming}.so.6" in libs, coming
    assert (internal / "PySide6" / "QtCharts.abi3.so").exists()
    assert (qt / "plugins" / "printsupport" / "libcupsprintersupport.so").exists()
    # what it never loads
    assert not (qt / "qml").exists()
    for unused in ("Quick3D", "3DCore", "Multimedia", "Bluetooth", "Pdf", "QuickControls2"):
        assert not any(f"Qt6{unused}." in name for name in libs), unused
    assert not list((qt / "translations" / "qtwebengine_locales").glob("de.pak"))
    assert not (qt / "resources" / "qtwebengine_devtools_resources.pak").exists()
    assert not (internal / "PySide6" / "QtOpenGL.abi3.so").exists()
    # the desktop's own libraries are not copied from the build machine (the .deb depends on them)
    for system in ("libX11.so.6", "libglib-2.0.so.0", "libstdc++.so.6", "libnss3.so", "libfreetype.so.6"):
        assert not (internal / system).exists(), system
    # every kept Qt library and plugin finds its dependencies inside the bundle or the system (the
    # Wayland client libraries come with a Wayland desktop)
    env = dict(os.environ, LD_LIBRARY_PATH=f"{internal}:{qt / 'lib'}")
    plugins = sorted((qt / "plugins").rglob("*.so"))
    for lib in [*sorted((qt / "lib").glob("libQt6*.so.6")), *plugins, qt / "libexec" / "QtWebEngineProcess"]:
        out = subprocess.run(["ldd", str(lib)], capture_output=True, text=True, env=env, check=False).stdout
        missing = [line.split()[0] for line in out.splitlines() if "not found" in line]
        assert [m for m in missing if not m.startswith("libwayland-")] == [], f"{lib.name}:\n{out}"


def test_the_bundled_modules_carry_no_column_tables(bundle: Path) -> None:
    """build-linux.sh compiles the modules with ``-X no_debug_ranges`` (issue 16: ~1 MB less to
    download): no code object in the executable's archive says in which columns an instruction
    is; the line numbers a traceback shows are all there."""
    import marshal

    from PyInstaller.archive.readers import CArchiveReader

    archive = CArchiveReader(str(bundle)).open_embedded_archive("PYZ.pyz")
    for name in ("annet_desktop.app", "annet_server.app", "sqlalchemy.orm.session", "pydantic.main"):
        code = archive.extract(name)
        code = marshal.loads(code) if isinstance(code, bytes) else code
        positions = list(code.co_positions())
        assert positions and all(column is None for _line, _end, column, _end_col in positions), name
        assert any(line is not None for line, *_rest in positions), f"{name}: line numbers kept"


def test_every_file_the_app_maps_is_in_the_bundle(bundle: Path) -> None:
    """``packaging/mapped-files.txt`` (made by ``packaging/mapped_files.py --write`` from what the
    frozen self-test and the demo map): none of those files may be cut from the bundle."""
    sys.path.insert(0, str(ROOT / "packaging"))
    from mapped_files import OUTPUT, read_recorded

    recorded = read_recorded(OUTPUT)
    assert len(recorded) > 100, "the list covers the app, Qt, WebEngine and Python"
    assert "_internal/PySide6/Qt/lib/libQt6WebEngineCore.so.6" in recorded
    missing = sorted(rel for rel in recorded if not (bundle.parent / rel).exists())
    assert missing == [], f"mapped by the app but not in the bundle: {missing}"


def test_tarball_unpacks_to_a_runnable_folder(bundle: Path, tmp_path: Path) -> None:
    if os.environ.get("ANNET_FROZEN_BUNDLE"):
        pytest.skip("a given bundle has no tarball of ours")
    found = bundle.parent.parent.glob("annet-desktop-*-linux-*.tar.xz")
    tarballs = sorted(found, key=lambda p: p.stat().st_mtime)
    assert tarballs, "build-linux.sh makes dist/annet-desktop-<version>-linux-<arch>.tar.xz"
    with tarfile.open(tarballs[-1]) as tar:
        names = set(tar.getnames())
        assert "annet-desktop/annet-desktop" in names
        assert "annet-desktop/annet-desktop.desktop" in names
        assert "annet-desktop/install-desktop-entry.sh" in names
        member = tar.getmember("annet-desktop/annet-desktop")
        assert member.mode & 0o111, "the binary is executable"
        desktop = tar.extractfile("annet-desktop/annet-desktop.desktop")
        assert desktop is not None
        text = desktop.read().decode("utf-8")
    assert "[Desktop Entry]" in text and "Terminal=false" in text and "Icon=annet-desktop" in text
    # the .desktop line runs the binary next to it (%k = the .desktop file's own path)
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    assert "%k" in exec_line
    shutil.copy(bundle.parent / "annet-desktop.desktop", tmp_path / "annet-desktop.desktop")
    (tmp_path / "annet-desktop").write_text("#!/bin/sh\necho started-from-desktop-file\n")
    (tmp_path / "annet-desktop").chmod(0o755)
    cmd = 'exec "$(dirname "$0")/annet-desktop"'  # Exec= after the desktop-entry unescaping
    assert exec_line == 'Exec=sh -c "exec \\\\"\\\\$(dirname \\\\"\\\\$0\\\\")/annet-desktop\\\\"" %k'
    desktop_file = str(tmp_path / "annet-desktop.desktop")
    out = subprocess.run(["sh", "-c", cmd, desktop_file], capture_output=True, text=True, check=False)
    assert out.stdout.strip() == "started-from-desktop-file"


def test_the_unpacked_tarball_starts_without_python(bundle: Path, tmp_path: Path) -> None:
    """What a user does: unpack the tar.xz anywhere and start the program — no Python on PATH, no
    Python variables, nothing of this checkout: the login window paints."""
    if os.environ.get("ANNET_FROZEN_BUNDLE"):
        pytest.skip("a given bundle has no tarball of ours")
    found = bundle.parent.parent.glob("annet-desktop-*-linux-*.tar.xz")
    tarballs = sorted(found, key=lambda p: p.stat().st_mtime)
    assert tarballs
    unpacked = tmp_path / "somewhere else"
    with tarfile.open(tarballs[-1]) as tar:
        tar.extractall(unpacked, filter="data")
    binary = unpacked / "annet-desktop" / "annet-desktop"
    home = tmp_path / "home"
    home.mkdir()
    env = {  # a bare environment: no PATH to any python, no PYTHON*, nothing inherited
        "HOME": str(home),
        "PATH": str(tmp_path / "empty-bin"),
        "QT_QPA_PLATFORM": "offscreen",
        "ANNET_EXIT_AFTER_PAINT": "login",
        "LANG": "C.UTF-8",
    }
    done = subprocess.run(
        [str(binary)], cwd=home, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "ANNET_PAINTED" in done.stdout, done.stdout + done.stderr[-3000:]
    version = subprocess.run(
        [str(binary), "--version"], cwd=home, env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert version.returncode == 0 and version.stdout.startswith("annet-desktop ")
