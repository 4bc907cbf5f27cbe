"""The login window comes up without the heavy packages, and the command line works."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

HEAVY = (
    "requests",
    "pydantic",
    "keyring",
    "openpyxl",
    "annet_server",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtCharts",
    "lxml",
)

PROBE = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from annet_desktop.app import AppController
controller = AppController(server_url="https://my.an-net.ru")
dialog = controller.start()
app.processEvents()
assert dialog.isVisible()
print("heavy=" + ",".join(m for m in {heavy!r} if m in sys.modules))
controller.shutdown()
"""


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path),
        ANNET_DESKTOP_CONFIG_DIR=str(tmp_path / "config"),
        ANNET_DESKTOP_CACHE_DIR=str(tmp_path / "cache"),
    )
    return env


def test_login_window_needs_no_heavy_import(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=HEAVY)],
        cwd=ROOT,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert out.stdout.strip().splitlines()[-1] == "heavy="


def test_command_line_help_and_refused_http(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "annet_desktop", "--help"],
        cwd=ROOT,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert "--demo" in out.stdout and "--server" in out.stdout and "--lang" in out.stdout
    assert "--demo-server" not in out.stdout  # the app's own demo server process: hidden
    env = _env(tmp_path) | {"ANNET_EXIT_AFTER_PAINT": "1"}
    out = subprocess.run(
        [sys.executable, "-m", "annet_desktop", "--server", "http://my.an-net.ru"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert "http://" in out.stderr and "my.an-net.ru" in out.stderr
