"""Startup probe (exit after the first paint, nothing heavy loaded before it), the sandbox policy of
the frozen entry script, and the generated icon containers (issue 6)."""

from __future__ import annotations

import importlib.util
import os
import struct
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons"


def _load(path: Path, name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ANNET_", "XDG_"))}
    env.update(HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"), QT_QPA_PLATFORM="offscreen")
    env.update(extra)
    return env


def test_login_window_paints_before_anything_heavy_is_imported(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "annet_desktop"],
        env=_env(tmp_path, ANNET_EXIT_AFTER_PAINT="login"),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = dict(line.split(" ", 1) if " " in line else (line, "") for line in result.stdout.splitlines())
    assert "ANNET_PAINTED" in lines, result.stdout + result.stderr
    assert lines.get("ANNET_HEAVY", "") == "", f"loaded before the first paint: {lines['ANNET_HEAVY']}"


@pytest.mark.parametrize(("euid", "on"), [(1000, True), (0, False)])
def test_entry_script_keeps_the_sandbox_on_except_for_root(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, euid: int, on: bool
) -> None:
    entry = _load(ROOT / "packaging" / "annet_desktop_entry.py", "annet_desktop_entry")
    monkeypatch.setenv("QTWEBENGINE_DISABLE_SANDBOX", "1")  # as PyInstaller's old macOS hook did
    monkeypatch.setenv("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")
    monkeypatch.setattr(os, "geteuid", lambda: euid, raising=False)
    with caplog.at_level("WARNING", logger="annet_desktop.sandbox"):
        assert entry.enforce_webengine_sandbox() is on
    assert os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] == "--disable-gpu"
    if on:
        assert "QTWEBENGINE_DISABLE_SANDBOX" not in os.environ
        assert not caplog.records
    else:
        assert os.environ["QTWEBENGINE_DISABLE_SANDBOX"] == "1"
        assert "running as root" in caplog.text


@pytest.mark.parametrize(
    ("argv", "warned"), [(["annet-desktop", "--demo"], True), (["annet-desktop", "--demo-server"], False)]
)
def test_the_demo_servers_process_does_not_warn_about_the_sandbox(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, argv: list[str], warned: bool
) -> None:
    import annet_desktop.__main__ as entry_point

    entry = _load(ROOT / "packaging" / "annet_desktop_entry.py", "annet_desktop_entry")
    monkeypatch.delenv("QTWEBENGINE_DISABLE_SANDBOX", raising=False)
    monkeypatch.setattr(os, "geteuid", lambda: 0, raising=False)
    monkeypatch.setattr(sys, "argv", argv)
    monkeypatch.setattr(entry_point, "main", lambda: 7)
    with caplog.at_level("WARNING", logger="annet_desktop.sandbox"):
        assert entry.run() == 7
    assert ("running as root" in caplog.text) is warned


def test_ico_container() -> None:
    data = (ICONS / "annet.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1) and count == 7
    sizes = []
    for i in range(count):
        w, _h, _c, _r, planes, bpp, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * i)
        assert planes == 1 and bpp == 32
        assert data[offset : offset + 8] == b"\x89PNG\r\n\x1a\n"
        assert offset + length <= len(data)
        sizes.append(w or 256)
    assert sizes == [16, 24, 32, 48, 64, 128, 256]


def test_icns_container() -> None:
    data = (ICONS / "annet.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    pos, kinds = 8, []
    while pos < len(data):
        kind, length = data[pos : pos + 4], struct.unpack(">I", data[pos + 4 : pos + 8])[0]
        assert data[pos + 8 : pos + 16] == b"\x89PNG\r\n\x1a\n"
        kinds.append(kind)
        pos += length
    assert pos == len(data)
    assert {b"icp4", b"ic07", b"ic08", b"ic09", b"ic10"} <= set(kinds)


def test_pngs_are_the_svg_rendered(qapp: Any) -> None:
    from PySide6.QtGui import QImage

    make_icons = _load(ROOT / "packaging" / "make_icons.py", "make_icons")
    for size in make_icons.PNG_SIZES:
        image = QImage(str(ICONS / f"annet-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
    fresh = QImage.fromData(make_icons.render_png(make_icons.SVG, 64))
    committed = QImage(str(ICONS / "annet-64.png")).convertToFormat(fresh.format())
    assert fresh == committed, "annet.svg changed: run packaging/make_icons.py"
