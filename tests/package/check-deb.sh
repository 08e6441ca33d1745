#!/usr/bin/env bash
# Checks what the desktop app's .deb holds, as `make deb` builds it: the binary (one that
# embeds the UI, not the development one that loads a dev server), the desktop entry, the
# icons, and the package's name and dependencies. Usage: tests/package/check-deb.sh FILE.deb
set -euo pipefail
deb=${1:?usage: check-deb.sh FILE.deb}
fail() { echo "check-deb: $deb: $*" >&2; exit 1; }
[ -s "$deb" ] || fail "no such package"

contents=$(dpkg-deb --contents "$deb")
has() { grep -Eq "$1" <<<"$contents" || fail "missing $2 (looked for $1)"; }
has ' (\./)?usr/bin/parallax-desktop$' "the binary"
has ' (\./)?usr/share/applications/Parallax\.desktop$' "the desktop entry"
has ' (\./)?usr/share/icons/hicolor/32x32/apps/parallax-desktop\.png$' "the 32x32 icon"
has ' (\./)?usr/share/icons/hicolor/128x128/apps/parallax-desktop\.png$' "the 128x128 icon"

[ "$(dpkg-deb --field "$deb" Package)" = parallax ] || fail "the package is not called parallax"
dpkg-deb --field "$deb" Depends | grep -q libwebkit2gtk-4.1 || fail "does not depend on WebKitGTK 4.1"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dpkg-deb --extract "$deb" "$work"
entry="$work/usr/share/applications/Parallax.desktop"
grep -q '^Exec=parallax-desktop' "$entry" || fail "the desktop entry does not run parallax-desktop"
grep -q '^Icon=parallax-desktop' "$entry" || fail "the desktop entry names no icon"
bin="$work/usr/bin/parallax-desktop"
[ -x "$bin" ] || fail "the binary is not executable"
# A development build loads the UI from the dev server and embeds none of it (its
# configuration, dev server address included, is in every build); a release bundle embeds
# each file of the UI build under its path.
dist="$(dirname "$0")/../../ui/dist"
[ -f "$dist/index.html" ] || fail "no UI build at $dist to compare with"
for asset in "$dist"/assets/*; do
  grep -aqF "/assets/$(basename "$asset")" "$bin" || fail "the binary does not embed the UI's $(basename "$asset") (a development build?)"
done
grep -aqF '/index.html' "$bin" || fail "the binary does not embed the UI's index.html"
echo "check-deb: $deb holds the binary, the desktop entry and the icons"
