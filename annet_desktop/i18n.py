"""Interface language: Russian source strings in the code, English through Qt's translator.

Texts are wrapped with ``self.tr()`` in widgets or :func:`translate` elsewhere (stable contexts).
The English catalogue is ``resources/translations/annet_en.ts``; it is compiled to ``.qm`` with
``pyside6-lrelease`` at build time, or on first run into the user's cache folder when no compiled
file sits next to the source. Russian needs no catalogue.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from annet_desktop import resource_dir

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = resource_dir.translations()
LANGUAGES = ("ru", "en")


def translate(context: str, text: str) -> str:
    """Translate ``text`` in ``context`` (for code outside widgets; lupdate finds these calls)."""
    return QCoreApplication.translate(context, text)


def ts_path(lang: str) -> Path:
    return TRANSLATIONS_DIR / f"annet_{lang}.ts"


def _lrelease() -> str | None:
    import shutil  # here, not at the top: this module loads before the login window paints

    found = shutil.which("pyside6-lrelease")
    if found:
        return found
    candidate = Path(sys.executable).parent / "pyside6-lrelease"
    return str(candidate) if candidate.exists() else None


def _cache_dir() -> Path:
    override = os.environ.get("ANNET_DESKTOP_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("annet-desktop", "Annet"))


def compile_ts(ts: Path, qm: Path) -> bool:
    """Compile one ``.ts`` to ``.qm`` with lrelease; False when lrelease is missing or fails."""
    tool = _lrelease()
    if tool is None:
        log.warning("pyside6-lrelease not found: interface stays in Russian")
        return False
    import subprocess

    qm.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], capture_output=True, check=False)
    if result.returncode != 0 or not qm.exists():
        log.warning("lrelease failed (%s)", result.returncode)
        return False
    return True


def qm_file(lang: str) -> Path | None:
    """The compiled catalogue for ``lang``: the shipped one, or one built now into the cache."""
    ts = ts_path(lang)
    shipped = ts.with_suffix(".qm")
    if shipped.exists() and (not ts.exists() or shipped.stat().st_mtime >= ts.stat().st_mtime):
        return shipped
    if not ts.exists():
        return None
    cached = _cache_dir() / "translations" / shipped.name
    if cached.exists() and cached.stat().st_mtime >= ts.stat().st_mtime:
        return cached
    return cached if compile_ts(ts, cached) else None


_installed: list[QTranslator] = []


def install(lang: str) -> bool:
    """Install the translator of ``lang`` on the running application; True when English loaded."""
    app = QCoreApplication.instance()
    assert app is not None, "create the QApplication first"
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if lang not in LANGUAGES:
        lang = "ru"
    QLocale.setDefault(QLocale(QLocale.Language.Russian if lang == "ru" else QLocale.Language.English))
    if lang == "ru":
        return False
    path = qm_file(lang)
    if path is None:
        return False
    translator = QTranslator(app)
    if not translator.load(str(path)):
        log.warning("could not load %s", path.name)
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True
