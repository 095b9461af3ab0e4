#!/usr/bin/env bash
# The main job on real sample data, headless: the packaged plugin installed into a throw-away
# profile and driven through qgis_process, from Berlin's tables to the printed report.
# Outputs land in build/demo/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/build/demo
CONFIG=$ROOT/build/demo-config
rm -rf "$CONFIG" "$OUT"
mkdir -p "$OUT" "$CONFIG/profiles/default/python/plugins" "$ROOT/build/xdg"
chmod 700 "$ROOT/build/xdg"
unzip -q -o build/sozialraum_plugin.zip -d "$CONFIG/profiles/default/python/plugins"
export QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=$ROOT/build/xdg QGIS_CUSTOM_CONFIG_PATH=$CONFIG
QP=qgis_process.bin  # Debian's qgis_process wrapper is broken (qgis/QGIS#57683)
SAMPLE=$CONFIG/profiles/default/python/plugins/sozialraum_plugin/resources/sample

$QP plugins enable sozialraum_plugin >/dev/null 2>&1
echo "demo: the sozialraum provider offers:"
$QP list 2>/dev/null | sed -n '/^Sozialraum$/,/^$/p' | grep sozialraum: | sed 's/^/  /'

# The whole Sozialbericht for Berlin's 542 Planungsräume, as the definition file describes it:
# three tables joined (FIS-Broker CSV, a second one, and the semicolon population table with
# en dashes), the MSS index (reproducing the Senate's classes), need clusters, three maps and
# one profile sheet per area.
echo "demo: sozialraum:report on resources/sample/berlin/sozialbericht_berlin_2021.json"
start=$(date +%s)
$QP run sozialraum:report -- DEFINITION="$SAMPLE/berlin/sozialbericht_berlin_2021.json" \
  OUTPUT_FOLDER="$OUT" 2>&1 | grep -E "received a row|areas classed|clusters;|Layout|pages written|^  (hoch|mittel|niedrig|sehr)" \
  | sed -E 's/^\.+([0-9]*0\.+)?//; s/^ */  /; s/, written in [0-9.]+ s: .*$//'
status=${PIPESTATUS[0]}
[ "$status" -eq 0 ] || { echo "demo: the report failed (exit $status)"; exit "$status"; }

echo "demo: done in $(( $(date +%s) - start )) s; outputs in ${OUT#$ROOT/}/:"
for pdf in "$OUT"/*.pdf; do
  echo "  $(basename "$pdf"): $(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}') page(s)"
done
ls -1 "$OUT" | grep -v '\.pdf$' | sed 's/^/  /'
