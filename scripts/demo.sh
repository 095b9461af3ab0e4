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

SAMPLE=$CONFIG/profiles/default/python/plugins/sozialraum_plugin/resources/sample
run() {  # run ALGORITHM PARAMS... ; prints the algorithm's log, stops the demo on failure
  echo "demo: $1"
  $QP run "$@" 2>&1 | grep -vE "^(ERROR 1: PROJ|.*DeprecationWarning|<string>)" | sed 's/^/  /'
  return "${PIPESTATUS[0]}"
}

# 1 Join: Berlin's 542 Planungsräume with the MSS 2021 index indicators (FIS-Broker export).
run sozialraum:jointable --INPUT="$SAMPLE/berlin/lor_planungsraeume_2021.shp" --INPUT_KEY=PLR_ID \
  --TABLE="$SAMPLE/berlin/mss_2021_index_indikatoren.csv" --TABLE_KEY=PLR_ID \
  --OUTPUT="$OUT/berlin_mss2021.gpkg" --REPORT="$OUT/berlin_join_report.html"
# … and Berlin's population table (semicolons, BOM, en dashes for suppressed cells).
run sozialraum:jointable --INPUT="$OUT/berlin_mss2021.gpkg" --INPUT_KEY=PLR_ID \
  --TABLE="$SAMPLE/berlin/einwohnerbestand_2022-06_plr_semikolon.csv" --TABLE_KEY=PLR-ID \
  --OUTPUT="$OUT/berlin.gpkg" --REPORT="$OUT/berlin_join_report_einwohner.html"

echo "demo: outputs in ${OUT#$ROOT/}/:"
ls -1 "$OUT" | sed 's/^/  /'
