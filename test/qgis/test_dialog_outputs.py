"""Outputs as Processing's dialog asks for them: every destination a QgsProcessingOutputLayerDefinition
bound to the project, TEMPORARY_OUTPUT where the dialog's default is, the algorithm run as a background
task. QGIS then loads exactly the layers the run made. (Our check for replaced files once asked
QGIS for each output's path in a way that registered a memory output a second time, and the dialog
said "The following layers were not correctly generated".)"""
from __future__ import annotations

import time
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample"


def run_as_dialog(alg_id: str, params: dict, sinks: dict) -> tuple:
    from qgis.core import (
        QgsApplication,
        QgsProcessingAlgRunnerTask,
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsProcessingOutputLayerDefinition,
        QgsProcessingUtils,
        QgsProject,
    )

    project = QgsProject.instance()
    params = dict(params, **{k: QgsProcessingOutputLayerDefinition(v, project) for k, v in sinks.items()})
    context = QgsProcessingContext()
    context.setProject(project)
    feedback = QgsProcessingFeedback()
    algorithm = QgsApplication.processingRegistry().algorithmById(alg_id).create({})
    task = QgsProcessingAlgRunnerTask(algorithm, params, context, feedback)
    done = {}

    def executed(ok, results):
        done["ok"], done["results"] = ok, results
        done["loaded"] = {
            layer_id: QgsProcessingUtils.mapLayerFromString(layer_id, context, typeHint=details.layerTypeHint)
            for layer_id, details in context.layersToLoadOnCompletion().items()}
        done["loaded"] = {k: v is not None and v.isValid() for k, v in done["loaded"].items()}

    task.executed.connect(executed)
    QgsApplication.taskManager().addTask(task)
    started = time.monotonic()
    while "ok" not in done and time.monotonic() - started < 120:
        QgsApplication.processEvents()
        time.sleep(0.02)
    return done


@pytest.mark.parametrize("alg_id, params, sinks", [
    ("sozialraum:regrid",
     {"INPUT": str(SAMPLE / "koeln" / "Stadtteil.shp"), "INPUT_KEY": "STT_NR",
      "TARGET": str(SAMPLE / "koeln" / "Stadtbezirk.shp"), "TARGET_KEY": "STB_NR", "COUNT_FIELDS": ["SHAPE_AREA"]},
     {"OUTPUT": "TEMPORARY_OUTPUT", "CROSSWALK": "TEMPORARY_OUTPUT"}),
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
def test_the_dialog_loads_exactly_the_layers_made(provider, alg_id, params, sinks, tmp_path):
    if "OUTPUT" in sinks and alg_id == "sozialraum:regrid":
        sinks = dict(sinks, OUTPUT=str(tmp_path / "neu.gpkg"))  # one file, one memory output
    done = run_as_dialog(alg_id, params, sinks)
    assert done.get("ok") is True, done
    assert len(done["loaded"]) == len(sinks), done["loaded"]
    assert all(done["loaded"].values()), done["loaded"]
    if alg_id == "sozialraum:aggregate":  # run in the background task: all 143 Bezirksregionen written
        assert done["results"]["PARENTS"] == 143 and done["results"]["UNMATCHED"] == 0
