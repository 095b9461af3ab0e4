#!/usr/bin/env bash
# A throw-away QGIS profile with the packaged plugin installed and enabled.
# Usage: scripts/make_profile.sh DIR   → DIR/profiles/default/ is the profile (use --profiles-path DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
dir="$1"
profile="$dir/profiles/default"
rm -rf "$profile"
mkdir -p "$profile/python/plugins" "$profile/QGIS"
cp -r build/sozialraum_plugin "$profile/python/plugins/"
cat > "$profile/QGIS/QGIS3.ini" <<INI
[PythonPlugins]
sozialraum_plugin=true
[Plugins]
sozialraum_plugin=true
[qgis]
showTips=false
checkVersion=false
[core]
NewsFeed\httpsnewsfeedqgisorg\disabled=true
INI
