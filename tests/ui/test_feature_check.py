"""PySide6's import hook leaves no module's source in ``linecache`` (``ui/source_lines.py``, issue 16:
the app's memory), and tracebacks still show their lines."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = r"""
import linecache, sys, traceback
import annet_desktop.app  # installs the wrapper, as the app does
before = set(linecache.cache)
import xml.dom.minidom as late, email.mime.text, http.cookiejar  # imported after the app, not before
from annet_desktop.ui import feature_check as source_lines
print("wrapped", source_lines.drop_feature_sources())
print("cached", len(set(linecache.cache) - before))
try:
    late.parseString("<")
except Exception as exc:
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == late.__file__]
print("traceback-lines", bool(frames) and all(f.line for f in frames))
"""


def _probe() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)


def test_a_module_imported_after_the_app_leaves_no_source_in_linecache() -> None:
    seen = _probe()
    assert seen["wrapped"] == "True", "the supported PySide6 has shibokensupport.feature._mod_uses_pyside"
    assert seen["cached"] == "0", "PySide6's feature hook left modules' sources in linecache"
    assert seen["traceback-lines"] == "True", "a traceback reads its lines from the file again"
