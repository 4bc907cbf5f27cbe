"""Keep the source of every imported module out of ``linecache`` (12 MB of the app's memory).

PySide6 installs an import hook (``shibokensupport.feature``, the machinery of ``from __feature__
import snake_case``) that asks of every module imported after PySide6 whether its source mentions
"PySide6" — with ``inspect.getsource(module)``, which reads the whole file into ``linecache`` and
leaves it there for the life of the process. For the ~270 modules the app imports after Qt
(requests, pydantic, the contract, the main window, keyring …) that is ~12 MB of text nobody
reads again (measured: 85.8 → 73.3 MB RSS after importing the app, the main window and the API
client). :func:`drop_feature_sources` wraps that check so that a file it put into the cache is
taken out again at once; a traceback later reads the lines it needs from the file, as it would
have anyway. The hook's answer is unchanged (the app never uses ``__feature__``).

Only for an installed or source tree: in the frozen bundle the modules have no source, so the
hook reads nothing. A PySide6 without this private function is left as it is (the function
returns False and the memory is simply not saved; ``tests/ui/test_source_lines.py`` pins the
supported PySide6 so that an upgrade that changes it is noticed).
"""

from __future__ import annotations

import linecache
import sys
from types import ModuleType
from typing import Any

_WRAPPED = "_annet_drops_sources"


def drop_feature_sources() -> bool:
    """Wrap PySide6's per-module source check (once); True when it is wrapped."""
    feature = sys.modules.get("shibokensupport.feature")
    check = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or check is None:
        return False
    if getattr(check, _WRAPPED, False):
        return True

    def uses_pyside(module: ModuleType) -> Any:
        path = getattr(module, "__file__", None)
        cached = path in linecache.cache
        try:
            return check(module)
        finally:
            if path and not cached:
                linecache.cache.pop(path, None)

    setattr(uses_pyside, _WRAPPED, True)
    setattr(feature, "_mod_uses_pyside", uses_pyside)  # noqa: B010 (a private name of PySide6)
    return True
