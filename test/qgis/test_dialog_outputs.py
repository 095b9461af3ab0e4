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
_KEEP: list = []


def run_as_dialog(alg_id: str, params: dict, sinks: dict) -> tuple:
    from qgis.core import (
        QgsApplication,
        QgsProcessingAlgRunnerTask,
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsProcessingOutputLayerDefinition,
        QgsProject,
        QgsVectorLayer,
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
        # what Processing's dialog will load: each entry a temporary layer in the context's store
        # or a file that opens, one per output
        done["ok"], done["results"] = ok, results
        store = context.temporaryLayerStore()
        done["loaded"] = {
            layer_id: store.mapLayer(layer_id) is not None or QgsVectorLayer(layer_id, "check", "ogr").isValid()
            for layer_id in context.layersToLoadOnCompletion()}

    task.executed.connect(executed)
    QgsApplication.taskManager().addTask(task)
    started = time.monotonic()
    while "ok" not in done and time.monotonic() - started < 120:
        QgsApplication.processEvents()
        time.sleep(0.02)
    # the task holds the context by reference: it must be gone before the context is
    while QgsApplication.taskManager().count() and time.monotonic() - started < 120:
        QgsApplication.processEvents()
        time.sleep(0.02)
    _KEEP.append((context, feedback, algorithm))  # and nothing of it freed under a later test
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
])
def test_the_dialog_loads_exactly_the_layers_made(provider, alg_id, params, sinks, tmp_path):
    if "OUTPUT" in sinks and alg_id == "sozialraum:regrid":
        sinks = dict(sinks, OUTPUT=str(tmp_path / "neu.gpkg"))  # one file, one memory output
    done = run_as_dialog(alg_id, params, sinks)
    assert done.get("ok") is True, done
    assert len(done["loaded"]) == len(sinks), done["loaded"]
    assert all(done["loaded"].values()), done["loaded"]
