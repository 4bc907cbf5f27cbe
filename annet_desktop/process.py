"""Process hardening: no core dump of this process, which holds the password and token.

Two steps, both never raising:

* :func:`limit_core_size` sets the core file size limit to zero (Linux, macOS and other POSIX
  systems), soft and hard, so not even the app may raise it again. The app calls it first thing;
* :func:`mark_not_dumpable`, on Linux, marks the process not dumpable
  (``prctl(PR_SET_DUMPABLE, 0)``): no core file even where a ``core_pattern`` pipe ignores the
  limit, and no other process of the same user may attach to it or read its memory through
  ``/proc``. It needs :mod:`ctypes` (5 ms to import), so the app calls it right after the login
  window's first paint — before any secret can be in the process: the keyring is read, and a
  password typed, only after that paint (``annet_desktop.app.main``, docs/performance.md).

Windows writes no minidump of a crashing process unless Windows Error Reporting's ``LocalDumps``
is configured by an administrator, so there is nothing to switch off there (docs/architecture.md,
"Secrets").
"""

from __future__ import annotations

import logging
import sys

log = logging.getLogger(__name__)

#: linux/prctl.h
PR_SET_DUMPABLE = 4


def limit_core_size() -> None:
    """A core file size limit of zero from now on (POSIX; nothing on Windows)."""
    if sys.platform == "win32":
        return
    import resource

    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (OSError, ValueError):
        log.warning("could not turn core dumps off (RLIMIT_CORE)")


def mark_not_dumpable() -> None:
    """On Linux: the process is not dumpable from now on (see the module docstring)."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
        log.warning("could not mark the process not dumpable (errno %s)", ctypes.get_errno())

