"""Where the packaging finds the app's resources: one place for the spec, the scripts and the tests.

The icons, catalogues, the ``.desktop`` file and the AppArmor profile are looked up here only, so
moving them (e.g. into a top-level ``resources/`` folder) changes this file and nothing else.
``python packaging/resource_paths.py NAME`` prints one of them for shell scripts.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
#: annet.svg, annet-<N>.png, annet.ico, annet.icns
ICONS = ROOT / "resources" / "icons"
#: annet_<lang>.ts, compiled to .qm at build time
TRANSLATIONS = ROOT / "resources" / "translations"
#: where the app looks for them inside the bundle (as the source tree's package data)
ICONS_IN_BUNDLE = "annet_desktop/resources/icons"
TRANSLATIONS_IN_BUNDLE = "annet_desktop/resources/translations"
DESKTOP_FILE = ROOT / "resources" / "annet-desktop.desktop"
#: AppStream metadata; installed as /usr/share/metainfo/<its component id>.metainfo.xml
METAINFO_FILE = ROOT / "resources" / "annet-desktop.metainfo.xml"
INSTALL_DESKTOP_ENTRY = PACKAGING / "install-desktop-entry.sh"
APPARMOR_PROFILE = PACKAGING / "linux" / "apparmor-annet-desktop"

if __name__ == "__main__":
    print(globals()[sys.argv[1]])
