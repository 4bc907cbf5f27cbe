"""The app and the server type-check (mypy, configured in pyproject.toml): a typing slip in a rarely
run path (a None not handled, a Qt call on the wrong class) fails here, not in a user's hands."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_mypy_is_clean(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "mypy-cache")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    missing = "No module named mypy" in done.stderr
    assert not missing, "mypy comes with the test extra: pip install -e '.[test]'"
    assert done.returncode == 0, done.stdout[-5000:] + done.stderr[-2000:]
