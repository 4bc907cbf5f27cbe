"""PySide6's import hook, with its check replaced (``ui/feature_check.py``, issue 16 and the first
``--demo`` of a fresh install): no module's source left in ``linecache``, tracebacks still show
their lines, the module is never asked for ``__wrapped__`` (pydantic's ``__getattr__`` imports there),
and the answer is PySide6's."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = r"""
import json, linecache, sys, traceback
import annet_desktop.app  # installs the check, as the app does
before = set(linecache.cache)
import xml.dom.minidom as late, email.mime.text, http.cookiejar  # imported after the app, not before
from annet_desktop.ui import feature_check
print("installed", feature_check.install_feature_check())
print("cached", len(set(linecache.cache) - before))
try:
    late.parseString("<")
except Exception as exc:
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == late.__file__]
print("traceback-lines", bool(frames) and all(f.line for f in frames))
check = sys.modules["shibokensupport.feature"]._mod_uses_pyside
print("answers", check(annet_desktop.app), check(json), check(sys))
import annet_asks_back  # its __getattr__ fails as pydantic's does inside a circular import
print("asked", annet_asks_back.ASKED)
"""

ASKS_BACK = '''
ASKED = []


def __getattr__(name):
    ASKED.append(name)
    raise ImportError("cannot import name 'import_string' from partially initialized module")
'''


def _probe(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "annet_asks_back.py").write_text(ASKS_BACK, encoding="utf-8")
    path = os.pathsep.join([str(ROOT), str(tmp_path)])
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=path)
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)


def test_the_import_hook_keeps_no_source_asks_no_module_and_answers_as_pyside(tmp_path: Path) -> None:
    seen = _probe(tmp_path)
    assert seen["installed"] == "True", "the supported PySide6 has shibokensupport.feature._mod_uses_pyside"
    assert seen["cached"] == "0", "PySide6's feature hook left modules' sources in linecache"
    assert seen["traceback-lines"] == "True", "a traceback reads its lines from the file again"
    assert seen["answers"] == "True False False", "app.py mentions PySide6; json and sys do not"
    assert seen["asked"] == "[]", "the hook asked the module for an attribute (inspect.unwrap)"
