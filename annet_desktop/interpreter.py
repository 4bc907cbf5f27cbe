"""Interpreter tuning for a smooth window while threads of ours work: the GIL switch interval, gc.freeze.

Both are process-wide, so they live here, once, and the code that needs them (a month of calls
loading, an export being written) only says when: :data:`RESPONSIVE_GIL` ``hold()``/``release()``
and :func:`freeze_startup_objects`. Pure standard library (no Qt).
"""

from __future__ import annotations

import gc
import sys


class ResponsiveGil:
    """While a month loads or an export runs, let the GUI thread have the GIL at once.

    Painting a view over a Python model takes the GIL hundreds of times (every ``data()``, every
    virtual call of a Python subclass). With a thread of ours busy in Python (the export writer,
    the API thread reading and parsing pages), each of those waits for CPython's switch interval
    (5 ms by default), and one repaint can stall the window for a second. A 0.1 ms interval while
    such work runs keeps the event loop within its 50 ms budget and costs the worker thread little
    (a switch happens only when the GUI thread asks). Process-wide, so it is reference-counted and
    the previous value is restored when the last user is done.
    """

    INTERVAL_S = 0.0001

    def __init__(self) -> None:
        self._users = 0
        self._saved = sys.getswitchinterval()

    def hold(self) -> None:
        if self._users == 0:
            self._saved = sys.getswitchinterval()
            sys.setswitchinterval(min(self._saved, self.INTERVAL_S))
        self._users += 1

    def release(self) -> None:
        if self._users > 0:
            self._users -= 1
            if self._users == 0:
                sys.setswitchinterval(self._saved)

    @property
    def held(self) -> bool:
        return self._users > 0


#: the one switch-interval holder of the process
RESPONSIVE_GIL = ResponsiveGil()
_startup_frozen = False


def freeze_startup_objects() -> None:
    """Move every object alive now (the application, its windows, modules) out of the garbage
    collector's reach, once: a full collection then walks only what came later, and no longer
    stalls the window for tens of milliseconds in the middle of a 100,000-row load."""
    global _startup_frozen
    if not _startup_frozen:
        _startup_frozen = True
        gc.collect()
        gc.freeze()
