#!/usr/bin/env bash
# Build the .deb from the bundle, install it with apt, self-test it from the PATH, purge it and check
# that nothing is left behind (root, Debian/Ubuntu; .ci/run runs it after the test suite):
#   packaging/check-deb.sh            (uses .venv/bin/python, or $PYTHON)
# Reuses dist/annet-desktop/ (tests/packaging/test_frozen_bundle.py builds it); builds it if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-.venv/bin/python}"
if [ ! -x dist/annet-desktop/annet-desktop ]; then
  ANNET_SKIP_SELFTEST=1 ANNET_XZ_LEVEL=0 PYTHON="$PYTHON" packaging/build-linux.sh
fi
rm -f dist/annet-desktop_*.deb
"$PYTHON" packaging/build_deb.py --fast
(cd dist && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ./annet-desktop_*.deb >/dev/null)
[ "$(command -v annet-desktop)" = /usr/bin/annet-desktop ] || { echo "check-deb: annet-desktop is not on the PATH" >&2; exit 1; }
metainfo=/usr/share/metainfo/ru.annet.AnnetDesktop.metainfo.xml
[ -f "$metainfo" ] || { echo "check-deb: no AppStream metadata at $metainfo" >&2; exit 1; }
if command -v appstreamcli >/dev/null 2>&1; then appstreamcli validate --no-net "$metainfo" >/dev/null; fi
home="$(mktemp -d /tmp/annet-deb-home.XXXXXX)"
(cd "$home" && HOME="$home" QT_QPA_PLATFORM=offscreen annet-desktop --self-test)
rm -rf "$home"
DEBIAN_FRONTEND=noninteractive apt-get remove --purge -y -qq annet-desktop >/dev/null
left=""
for path in /opt/annet-desktop /usr/bin/annet-desktop /usr/share/applications/annet-desktop.desktop \
            /usr/share/metainfo/ru.annet.AnnetDesktop.metainfo.xml \
            /etc/apparmor.d/annet-desktop /usr/share/icons/hicolor/*/apps/annet-desktop.*; do
  if [ -e "$path" ] || [ -L "$path" ]; then left="$left $path"; fi
done
if [ -n "$left" ]; then echo "check-deb: left behind after purge:$left" >&2; exit 1; fi
echo "check-deb: installed with apt, self-tested from the PATH, purged without leftovers"
