"""Qt Core's trimmed ICU data (issue 16, ``packaging/trim_icu.py``): which items stay, and that Qt
runs on the rebuilt ``libicudata`` — Russian and English collation and time-zone names, the
Cyrillic code pages — while other locales fall back to the root data."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import PySide6
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import trim_icu  # noqa: E402

QT_LIB = Path(PySide6.__file__).parent / "Qt" / "lib"


@pytest.mark.parametrize(
    ("item", "kept"),
    [
        ("root.res", True),
        ("ru.res", True),
        ("ru_RU.res", True),
        ("en_US_POSIX.res", True),
        ("coll/ru.res", True),
        ("coll/ucadata.icu", True),
        ("coll/res_index.res", True),
        ("pool.res", True),
        ("zone/pool.res", True),
        ("zoneinfo64.res", True),
        ("brkitr/word.brk", True),
        ("ibm-5347_P100-1998.cnv", True),  # windows-1251
        ("uk.res", False),
        ("de__PHONEBOOK.res", False),
        ("coll/zh.res", False),
        ("zone/sr_Latn.res", False),
        ("yue.res", False),
        ("brkitr/cjdict.dict", False),
        ("gb18030.cnv", False),
    ],
)
def test_items_kept(item: str, kept: bool) -> None:
    assert trim_icu.keep_item(item) is kept


PROBE = """
from PySide6.QtCore import QCollator, QLocale, QStringDecoder, QTimeZone
ru = QCollator(QLocale("ru_RU"))
print(sorted(["ёж", "Яблоко", "абрикос", "Ель", "zebra"], key=ru.sortKey))
codecs = QStringDecoder.availableCodecs()
print(all(name in codecs for name in ("windows-1251", "KOI8-R", "IBM866", "ISO-8859-5", "windows-1252")))
print("Shift_JIS" in codecs, QStringDecoder("Shift_JIS").isValid())
moscow = QTimeZone(b"Europe/Moscow")
for name in ("ru_RU", "de_DE"):
    print(moscow.displayName(QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, QLocale(name)))
"""


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or any(shutil.which(tool) is None for tool in trim_icu.TOOLS),
    reason="Linux with binutils, gcc and icupkg (icu-devtools)",
)
def test_qt_runs_on_the_trimmed_data(tmp_path: Path) -> None:
    full = next(QT_LIB.glob("libicudata.so.*"))
    trimmed = trim_icu.trim(full, tmp_path)
    assert trimmed.name == full.name and trimmed.stat().st_size < full.stat().st_size / 4
    env = dict(os.environ, LD_LIBRARY_PATH=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    env.pop("LD_PRELOAD", None)
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=60, check=True
    )
    lines = done.stdout.splitlines()
    assert lines[0] == str(["абрикос", "ёж", "Ель", "Яблоко", "zebra"]), done.stdout + done.stderr
    assert lines[1] == "True"  # the Cyrillic and Western code pages
    assert lines[2] == "False False"  # the Japanese one is gone
    assert lines[3] == "Москва, стандартное время"
    assert lines[4] == "Moscow Standard Time"  # German names fell back to the root (English) data
