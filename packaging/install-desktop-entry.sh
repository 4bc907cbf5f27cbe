#!/bin/sh
# Put Annet Desktop into the applications menu of the current user (no root needed):
#   ./install-desktop-entry.sh            from the unpacked annet-desktop/ folder
#   ./install-desktop-entry.sh --remove   to take it out again
# Writes ~/.local/share/applications/annet-desktop.desktop (Exec= pointing at this folder) and the
# icons into ~/.local/share/icons/hicolor/<size>/apps/annet-desktop.png.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
icons="$here/_internal/annet_desktop/resources/icons"  # the app's own (packaging/resource_paths.py)
data="${XDG_DATA_HOME:-$HOME/.local/share}"
apps="$data/applications"
if [ "${1:-}" = "--remove" ]; then
  rm -f "$apps/annet-desktop.desktop"
  for png in "$icons"/annet-*.png; do
    size="$(basename "$png" .png | sed 's/annet-//')"
    rm -f "$data/icons/hicolor/${size}x${size}/apps/annet-desktop.png"
  done
  rm -f "$data/icons/hicolor/scalable/apps/annet-desktop.svg"
  echo "Annet Desktop removed from the menu."
  exit 0
fi
mkdir -p "$apps"
for png in "$icons"/annet-*.png; do
  size="$(basename "$png" .png | sed 's/annet-//')"
  mkdir -p "$data/icons/hicolor/${size}x${size}/apps"
  cp "$png" "$data/icons/hicolor/${size}x${size}/apps/annet-desktop.png"
done
mkdir -p "$data/icons/hicolor/scalable/apps"
cp "$icons/annet.svg" "$data/icons/hicolor/scalable/apps/annet-desktop.svg"
# absolute Exec/TryExec and icon: the folder can live anywhere (quoted for paths with spaces)
sed -e "s|^Exec=.*|Exec=\"$here/annet-desktop\" %U\nTryExec=$here/annet-desktop|" \
  -e '/^# /d' "$here/annet-desktop.desktop" > "$apps/annet-desktop.desktop"
chmod +x "$apps/annet-desktop.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" >/dev/null 2>&1 || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q "$data/icons/hicolor" >/dev/null 2>&1 || true
echo "Annet Desktop added to the menu: $apps/annet-desktop.desktop"
