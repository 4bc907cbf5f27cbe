"""PySide6's per-module import check, answered from the file: no module source kept in memory, no
import started in the middle of another.

PySide6 installs an import hook (``shibokensupport.feature``, the machinery of ``from __feature__
import snake_case``) that asks of every module imported after PySide6 whether its source mentions
"PySide6", with ``inspect.getsource(module)``. That has two costs:

* **memory**: ``getsource`` reads the whole file into ``linecache`` and leaves it there for the
  life of the process. For the ~270 modules the app imports after Qt (requests, pydantic, the
  contract, the main window, keyring …) that is ~12 MB of text nobody reads again (measured:
  85.8 → 73.3 MB RSS after importing the app, the main window and the API client);
* **imports inside an import**: ``getsource`` first unwraps the module (``inspect.unwrap`` asks it
  for ``__wrapped__``), and a module-level ``__getattr__`` answers that. pydantic's (in
  ``pydantic.errors`` and others) imports ``pydantic._internal._validators``, which imports
  ``pydantic.errors`` again: when the hook asks while ``_validators`` is itself being imported,
  the import fails with "partially initialized module" and the app's API package does not load
  (seen on a first ``--demo`` start of a fresh clone; the order depends on which thread imports
  pydantic first).

:func:`install_feature_check` replaces that check with one that reads the module's file directly:
the same answer for a module with a ``.py`` file (its text contains "PySide6" or not), ``False``
for a module without one (built-in, extension, or the frozen bundle's, as PySide6's own check
answers), and the module itself is never asked for anything. The answer only matters to
``__feature__``, which the app never uses. A PySide6 without this private function is left as it
is (the function returns False; ``tests/ui/test_feature_check.py`` pins the supported PySide6 so
that an upgrade that changes it is noticed).
"""

from __future__ import annotations

import sys
from types import ModuleType


def uses_pyside(module: ModuleType) -> bool:
    """Whether the module's ``.py`` file mentions PySide6 (``False`` when it has none); reads
    ``__file__`` from the module's namespace, so a module ``__getattr__`` is never called."""
    try:
        path = vars(module).get("__file__")
    except TypeError:  # not a module: something a library put into sys.modules
        return False
    if not isinstance(path, str) or not path.endswith(".py"):
        return False
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:  # the frozen bundle's modules name a file that is not there
        return False


def install_feature_check() -> bool:
    """Put :func:`uses_pyside` in place of PySide6's check; True when it is in place."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not hasattr(feature, "_mod_uses_pyside"):
        return False
    setattr(feature, "_mod_uses_pyside", uses_pyside)  # noqa: B010 (a private name of PySide6)
    return True
