"""``python -m annet_desktop`` and the ``annet-desktop`` command."""

from __future__ import annotations

import sys


def main() -> int:
    """Entry point of the desktop app (see :mod:`annet_desktop.app`)."""
    from .app import main as run

    return run(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
