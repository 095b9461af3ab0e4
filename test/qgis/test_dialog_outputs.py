"""Outputs as Processing's dialog asks for them: every destination a QgsProcessingOutputLayerDefinition
bound to the project, TEMPORARY_OUTPUT where the dialog's default is, the algorithm run as a background
task. QGIS then loads exactly the layers the run made. (Our check for replaced files once asked
QGIS for each output's path in a way that registered a memory output a second time, and the dialog
said "The following layers were not correctly generated".) The run is a QGIS process of its own
(dialog_outputs_check.py)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SAMPLE = ROOT / "resources" / "sample"


def run_as_dialog(alg_id: str, params: dict, sinks: dict, work: Path) -> dict:
    (work / "xdg").mkdir(parents=True, exist_ok=True)
    os.chmod(work / "xdg", 0o700)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(work / "xdg"),
               QGIS_CUSTOM_CONFIG_PATH=str(work / "profile"),
               PYTHONPATH=os.pathsep.join([str(ROOT), "/usr/share/qgis/python/plugins",
                                           os.environ.get("PYTHONPATH", "")]))
    done = subprocess.run([sys.executable, str(HERE / "dialog_outputs_check.py"), alg_id, json.dumps(params),
                           json.dumps(sinks)], capture_output=True, text=True, env=env, cwd=str(work), timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("alg_id, params, sinks", [
    ("sozialraum:regrid",
     {"INPUT": str(SAMPLE / "koeln" / "Stadtteil.shp"), "INPUT_KEY": "STT_NR",
      "TARGET": str(SAMPLE / "koeln" / "Stadtbezirk.shp"), "TARGET_KEY": "STB_NR", "COUNT_FIELDS": ["SHAPE_AREA"]},
     {"OUTPUT": "neu.gpkg", "CROSSWALK": "TEMPORARY_OUTPUT"}),
    ("sozialraum:jointable",
     {"INPUT": str(SAMPLE / "flensburg" / "Stadtteile.shp"), "INPUT_KEY": "AREA_ID",
      "TABLE": str(SAMPLE / "flensburg" / "tab_18_regelleistungsberechtigte_sgb2.csv"), "TABLE_KEY": "Stadtteil_ID"},
     {"OUTPUT": "TEMPORARY_OUTPUT"}),
    ("sozialraum:aggregate",
     {"INPUT": str(SAMPLE / "berlin" / "lor_planungsraeume_2021.shp"), "KEY_FIELD": "PLR_ID",
      "LOOKUP": str(SAMPLE / "berlin" / "lor_2021_hierarchie.csv"), "LOOKUP_KEY": "Planungsraum (Nummer)",
      "LOOKUP_PARENT": "Bezirksregion (Nummer)", "PARENT_NAME": "Bezirksregion (Name)", "COUNT_FIELDS": ["GROESSE_M2"]},
     {"OUTPUT": "TEMPORARY_OUTPUT"}),
])
def test_the_dialog_loads_exactly_the_layers_made(alg_id, params, sinks, tmp_path):
    sinks = {k: v if v == "TEMPORARY_OUTPUT" else str(tmp_path / v) for k, v in sinks.items()}
    done = run_as_dialog(alg_id, params, sinks, tmp_path)
    assert done.get("ok") is True, done
    assert len(done["loaded"]) == len(sinks), done["loaded"]
    assert all(done["loaded"].values()), done["loaded"]
    if alg_id == "sozialraum:aggregate":  # run in the background task: all 143 Bezirksregionen written
        assert done["results"]["PARENTS"] == 143 and done["results"]["UNMATCHED"] == 0


@pytest.mark.parametrize("output", ["memory:", "ogr"])
def test_the_dialog_loads_a_memory_or_geopackage_layer_output_once(output, tmp_path):
    """The OUTPUT widgets offer temporary layers and a layer of a GeoPackage (the provider supports
    non-file outputs): the dialog loads that one layer, once, and it opens."""
    params = {"INPUT": str(SAMPLE / "flensburg" / "Stadtteile.shp"), "INPUT_KEY": "AREA_ID",
              "TABLE": str(SAMPLE / "flensburg" / "tab_18_regelleistungsberechtigte_sgb2.csv"),
              "TABLE_KEY": "Stadtteil_ID"}
    if output == "ogr":
        package = tmp_path / "bericht.gpkg"
        output = f"ogr:dbname='{package}' table=\"joined\" (geom)"
    done = run_as_dialog("sozialraum:jointable", params, {"OUTPUT": output}, tmp_path)
    assert done.get("ok") is True, done
    assert len(done["loaded"]) == 1 and all(done["loaded"].values()), done
