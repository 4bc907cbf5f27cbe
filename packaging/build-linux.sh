#!/usr/bin/env bash
# Build the Linux one-folder bundle and its tar.xz:
#   packaging/build-linux.sh            (uses .venv/bin/python, or $PYTHON)
# Output: dist/annet-desktop/ (run dist/annet-desktop/annet-desktop) and
#         dist/annet-desktop-<version>-linux-<arch>.tar.xz (unpacks to annet-desktop/, with the
#         .desktop file, install-desktop-entry.sh and the AppArmor profile inside).
# Then smoke-tests the frozen app (--self-test) unless ANNET_SKIP_SELFTEST=1, and prints sizes.
# ANNET_XZ_LEVEL=N packs with xz preset N on every core (the slow test: 1, quicker, bigger); unset,
# the release packing (below).
# ANNET_DIST (default dist) is the output folder (a second build beside the first one).
# The .deb is made from the same folder by packaging/build_deb.py.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-.venv/bin/python}"
"$PYTHON" -m PyInstaller --version >/dev/null 2>&1 || {
  echo "PyInstaller is missing: $PYTHON -m pip install 'pyinstaller>=6'" >&2; exit 1; }

version="$("$PYTHON" -c 'import annet_desktop; print(annet_desktop.__version__)')"
arch="$(uname -m)"
dist="${ANNET_DIST:-dist}"
started=$(date +%s)
# The Python modules go into the executable's archive uncompressed (zlib level 0): zlib-compressed
# they were 11 MB that xz could not shrink further; stored, they are 28 MB that xz packs to ~7 MB,
# so the download is ~4 MB smaller for 17 MB more on disk (docs/performance.md, issue 16).
# -X no_debug_ranges: the modules are compiled without Python 3.11's column tables (which say where
# in a line an error is: the ^^^^ under a traceback's line; file and line numbers stay). Those
# tables are 7 % of the modules' bytes but, being nearly random, ~23 % of what xz makes of them.
PYINSTALLER_ZLIB_COMPRESSION_LEVEL=0 "$PYTHON" -X no_debug_ranges -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$dist" --workpath "build/pyinstaller${ANNET_DIST:+-$(basename "$dist")}" packaging/annet-desktop.spec
built=$(date +%s)

bundle="$dist/annet-desktop"
path_of() { "$PYTHON" packaging/resource_paths.py "$1"; }
# desktop integration files travel inside the bundle folder (the icons are the app's own, in
# _internal/: install-desktop-entry.sh takes them from there)
cp "$(path_of DESKTOP_FILE)" "$(path_of INSTALL_DESKTOP_ENTRY)" "$(path_of APPARMOR_PROFILE)" "$bundle/"
chmod +x "$bundle/install-desktop-entry.sh" "$bundle/annet-desktop"

if [ "${ANNET_SKIP_SELFTEST:-0}" != 1 ]; then
  echo "build-linux: smoke test: $bundle/annet-desktop --self-test"
  QT_QPA_PLATFORM=offscreen "$bundle/annet-desktop" --self-test
fi

tarball="$dist/annet-desktop-${version}-linux-${arch}.tar.xz"
rm -f "$dist"/annet-desktop-*-linux-*.tar.gz  # the old format, so no stale one is taken for the new
# xz: unpacked by stock tar everywhere (tar xf, any xz since 5.0). The x86 branch filter first (most
# of the folder is x86-64 machine code: Chromium alone is 169 MB of it) packs ~3 % tighter. The
# release packing is one LZMA2 stream (-T1) whose 384 MiB window spans the whole folder
# (-T0 would cut it into independent 192 MiB blocks), preset 9e with lc=4, pb=0 (x86 code is not
# aligned to 4 bytes: -0.3 % on samples of Chromium and of the rest, docs/performance.md). It needs
# ~4 GB of memory and ~20 min of one core to pack, 385 MiB of memory to unpack.
# ANNET_XZ_LEVEL=N packs with preset N on every core instead (the slow test: 1, quick and bigger).
if [ -n "${ANNET_XZ_LEVEL:-}" ]; then
  xz_options=(-T0 --x86 "--lzma2=preset=${ANNET_XZ_LEVEL}")
else
  xz_options=(-T1 --x86 "--lzma2=preset=9e,dict=384MiB,lc=4,pb=0")
fi
tar -C "$dist" --owner=0 --group=0 --numeric-owner -cf - annet-desktop | xz "${xz_options[@]}" > "$tarball"
finished=$(date +%s)

echo "build-linux: bundle  $(du -sh "$bundle" | cut -f1)  $bundle  ($(find "$bundle" -type f | wc -l) files)"
echo "build-linux: tar.xz  $(du -h "$tarball" | cut -f1)  $tarball"
echo "build-linux: PyInstaller $((built - started)) s, total $((finished - started)) s"
