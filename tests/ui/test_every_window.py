"""Issue 15 items 4 and 5: every window at 100 %, 150 % and 200 % scaling, in Russian and English.

``walk_windows.py`` (beside this file) walks every window — the login window, every tab, every
dialog of the actions, the payment, settings and re-login dialogs — in a process of its own per
scale factor (``QT_SCALE_FACTOR`` must be set before QApplication exists), on an offscreen screen
of 1366 × 768 (683 × 384 device-independent pixels at 200 %), against one real server. The three
processes run side by side (about 15 s together on a loaded 2-core machine: the walk is 40
windows a scale). It fails on:

* a label, button, check box or group box title whose text does not fit its geometry (item 5);
* a window larger than the screen's available area (the main window on 1366 × 768);
* a control or table without an objectName, accessible name or accessible description (item 4);
* a button, tab or check box without a mnemonic, a label naming an input without a mnemonic or
  without the input as its buddy, two mnemonics of one window alike (item 4: the keyboard).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

SCALES = ("1", "1.5", "2")
WALKER = Path(__file__).with_name("walk_windows.py")
SCREEN = {"screens": [{"name": "1366x768", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96}]}


def test_every_window_fits_and_names_its_controls_at_each_scale(server: Any, tmp_path: Path) -> None:
    demo = tmp_path / "demo.json"
    demo.write_text(
        json.dumps(
            [{"account": d.account, "password": d.password, "name": d.name, "cases": list(d.cases)}
             for d in server.accounts],
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )  # fmt: skip
    screen = tmp_path / "screen.json"
    screen.write_text(json.dumps(SCREEN), encoding="utf-8")
    subject = server.by_case("multi-account")  # several accounts, telephony: every tab and dialog
    runs = {}
    for index, scale in enumerate(SCALES):
        env = dict(os.environ, QT_SCALE_FACTOR=scale, QT_QPA_PLATFORM=f"offscreen:configfile={screen}")
        runs[scale] = subprocess.Popen(
            [sys.executable, str(WALKER), server.url, subject.account, subject.password, str(demo),
             "--lang", "ru", "en", "--deny-account", f"99999{index}"],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
    outputs = {}
    try:
        for scale, run in runs.items():
            outputs[scale] = run.communicate(timeout=300)
    finally:
        for run in runs.values():  # a failed or stuck walk never outlives the test
            if run.poll() is None:
                run.kill()
                run.communicate()
    problems: list[str] = []
    for scale, (out, err) in outputs.items():
        assert runs[scale].returncode == 0, f"scale {scale}: {out}\n{err[-3000:]}"
        report = json.loads(out)
        assert len(report["windows"]) >= 36, report["windows"]  # every tab and dialog, twice
        problems += [f"{scale}× {kind}: {entry}" for kind in ("clipped", "too_big", "unnamed", "mnemonics")
                     for entry in report[kind]]  # fmt: skip
    assert problems == [], "\n".join(problems)
