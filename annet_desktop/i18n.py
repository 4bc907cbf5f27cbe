"""Interface language: Russian source strings in the code, English through Qt's translator.

Texts are wrapped with ``self.tr()`` in widgets or :func:`translate` elsewhere (stable contexts).
The English catalogue is ``resources/translations/annet_en.ts`` (see :mod:`annet_desktop.resource_dir`);
the install or the bundle build compiles it to ``.qm`` (``setup.py``), the app only loads it. Russian
is the source, but Qt takes its three plural forms («%n звонок», «звонка», «звонков») only from a
catalogue: ``annet_ru.ts`` holds the counted strings alone and is loaded for Russian.
"""

from __future__ import annotations

import logging
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


def qm_file(lang: str) -> Path | None:
    """The compiled catalogue of ``lang`` (built by the install or the bundle, never here); None if absent."""
    qm = TRANSLATIONS_DIR / f"annet_{lang}.qm"
    if not qm.exists():
        log.warning("%s was not built (pip install compiles it): the interface stays in Russian", qm.name)
        return None
    ts = ts_path(lang)
    if ts.exists() and ts.stat().st_mtime > qm.stat().st_mtime:
        log.warning("%s is older than its .ts: run python -m annet_desktop.tools.translations", qm.name)
    return qm


_installed: list[QTranslator] = []


def install(lang: str) -> bool:
    """Install the translator of ``lang`` on the running application; True when English loaded
    (Russian loads its plural forms and returns False: the interface is the source text)."""
    app = QCoreApplication.instance()
    assert app is not None, "create the QApplication first"
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if lang not in LANGUAGES:
        lang = "ru"
    QLocale.setDefault(QLocale(QLocale.Language.Russian if lang == "ru" else QLocale.Language.English))
    path = qm_file(lang)
    if path is None:
        return False
    translator = QTranslator(app)
    if not translator.load(str(path)):
        log.warning("could not load %s", path.name)
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return lang != "ru"
