"""Process hardening at start: no core dump of this process, which holds the password and token.

:func:`forbid_core_dumps` sets the core file size limit to zero (Linux, macOS and other POSIX
systems) and, on Linux, also marks the process not dumpable (``prctl(PR_SET_DUMPABLE, 0)``): no
core file even where a ``core_pattern`` pipe ignores the limit, and no other process of the same
user may attach to it or read its memory through ``/proc``. Windows writes no minidump of a
crashing process unless Windows Error Reporting's ``LocalDumps`` is configured by an
administrator, so there is nothing to switch off there (docs/architecture.md, "Secrets").
"""

from __future__ import annotations

import logging
import sys

log = logging.getLogger(__name__)

#: linux/prctl.h
PR_SET_DUMPABLE = 4


def forbid_core_dumps() -> None:
    """No core dump of this process from now on (see the module docstring); never raises."""
    if sys.platform == "win32":
        return
    import resource

    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (OSError, ValueError):
        log.warning("could not turn core dumps off (RLIMIT_CORE)")
    if sys.platform.startswith("linux"):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
            log.warning("could not mark the process not dumpable (errno %s)", ctypes.get_errno())
