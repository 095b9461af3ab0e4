#!/usr/bin/env bash
# The main job on real sample data, headless: the packaged plugin installed into a throw-away
# profile and driven through qgis_process. Outputs land in build/demo/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/build/demo
CONFIG=$ROOT/build/demo-config
rm -rf "$CONFIG"
mkdir -p "$OUT" "$CONFIG/profiles/default/python/plugins" "$ROOT/build/xdg"
chmod 700 "$ROOT/build/xdg"
unzip -q -o build/sozialraum_plugin.zip -d "$CONFIG/profiles/default/python/plugins"
export QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=$ROOT/build/xdg QGIS_CUSTOM_CONFIG_PATH=$CONFIG
QP=qgis_process.bin  # Debian's qgis_process wrapper is broken (qgis/QGIS#57683)

$QP plugins enable sozialraum_plugin >/dev/null 2>&1
echo "demo: algorithms of the sozialraum provider:"
$QP list 2>/dev/null | sed -n '/^Sozialraum$/,/^$/p' | sed 's/^/  /'
