#!/usr/bin/env bash
# Build the Linux one-folder bundle and its tar.gz:
#   packaging/build-linux.sh            (uses .venv/bin/python, or $PYTHON)
# Output: dist/annet-desktop/ (run dist/annet-desktop/annet-desktop) and
#         dist/annet-desktop-<version>-linux-<arch>.tar.gz (unpacks to annet-desktop/, with the
#         .desktop file, the icons and install-desktop-entry.sh inside).
# Then smoke-tests the frozen app (--self-test) unless ANNET_SKIP_SELFTEST=1, and prints sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-.venv/bin/python}"
"$PYTHON" -m PyInstaller --version >/dev/null 2>&1 || {
  echo "PyInstaller is missing: $PYTHON -m pip install 'pyinstaller>=6'" >&2; exit 1; }

version="$("$PYTHON" -c 'import annet_desktop; print(annet_desktop.__version__)')"
arch="$(uname -m)"
started=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/annet-desktop.spec
built=$(date +%s)

bundle=dist/annet-desktop
# desktop integration files travel inside the bundle folder
cp resources/annet-desktop.desktop "$bundle/"
cp packaging/install-desktop-entry.sh packaging/linux/apparmor-annet-desktop "$bundle/"
chmod +x "$bundle/install-desktop-entry.sh" "$bundle/annet-desktop"
mkdir -p "$bundle/icons"
cp resources/icons/annet.svg resources/icons/annet-*.png "$bundle/icons/"

if [ "${ANNET_SKIP_SELFTEST:-0}" != 1 ]; then
  echo "build-linux: smoke test: $bundle/annet-desktop --self-test"
  QT_QPA_PLATFORM=offscreen "$bundle/annet-desktop" --self-test
fi

tarball="dist/annet-desktop-${version}-linux-${arch}.tar.gz"
# gzip -6 by default; the slow test packs with ANNET_GZIP_LEVEL=1 (faster, a little bigger)
tar -C dist -cf - annet-desktop | gzip "-${ANNET_GZIP_LEVEL:-6}" > "$tarball"
finished=$(date +%s)

echo "build-linux: bundle  $(du -sh "$bundle" | cut -f1)  $bundle  ($(find "$bundle" -type f | wc -l) files)"
echo "build-linux: tar.gz  $(du -h "$tarball" | cut -f1)  $tarball"
echo "build-linux: PyInstaller $((built - started)) s, total $((finished - started)) s"
