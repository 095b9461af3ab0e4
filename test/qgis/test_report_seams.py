"""Seams of the report as a task: a project layer given as INPUT, and the move of the staged
files into the output folder."""
from __future__ import annotations

import json

import pytest
from qgis.core import QgsProcessingException, QgsProject, QgsVectorLayer

DEFINITION = "sozialatlas_flensburg_2022.json"


def small_definition(sample_dir, tmp_path):
    """The Flensburg definition without maps and profiles (fast), with absolute paths."""
    folder = sample_dir / "flensburg"
    data = json.loads((folder / DEFINITION).read_text(encoding="utf-8"))
    data["boundaries"] = str(folder / data["boundaries"])
    for table in data["tables"]:
        table["path"] = str(folder / table["path"])
    data.pop("maps", None)
    data.pop("profiles", None)
    path = tmp_path / "definition.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def live_layers_found_off_the_main_thread(monkeypatch) -> list:
    """Every project layer a step found from the worker thread (and then read there)."""
    from sozialraum_plugin.processing import worker_layers
    from sozialraum_plugin.processing.algorithms.main_thread import on_main_thread

    found, original = [], worker_layers._project_layer

    def spy(value, context):
        layer = original(value, context)
        if layer is not None and not on_main_thread():
            found.append(str(value))
        return layer

    monkeypatch.setattr(worker_layers, "_project_layer", spy)
    return found


def test_report_task_reads_its_own_copy_of_a_project_layer_given_as_input(provider, sample_dir, tmp_path,
                                                                           monkeypatch):
    from test_task_inputs import WatchedLayer, run_task

    live = live_layers_found_off_the_main_thread(monkeypatch)
    definition = small_definition(sample_dir, tmp_path)
    layer = WatchedLayer(str(sample_dir / "flensburg" / "Stadtteile.shp"), "Stadtteile", "ogr")
    total = layer.featureCount()
    QgsProject.instance().addMapLayer(layer)
    layer.startEditing()
    layer.deleteFeature(next(layer.getFeatures()).id())  # not saved: the user sees 12 districts
    try:
        out = tmp_path / "out"
        ok, results = run_task("sozialraum:report", {"DEFINITION": str(definition), "INPUT": layer.id(),
                                                     "OUTPUT_FOLDER": str(out)})
        assert ok, results
        assert layer.foreign_reads == [] and live == []  # the live layer is never read from the worker
        published = QgsVectorLayer(str(out / "sozialraum.gpkg"), "p", "ogr")
        assert published.featureCount() == total - 1  # what the user sees, not the file on disk
        del published
    finally:
        layer.rollBack()
        QgsProject.instance().removeMapLayer(layer.id())


def test_report_task_opens_the_definitions_boundaries_itself(provider, sample_dir, tmp_path, monkeypatch):
    """The boundaries file is also loaded in the project (with a filter the user looks at): the
    task reads the file the definition names, never the live layer from its worker thread."""
    from test_task_inputs import run_task

    live = live_layers_found_off_the_main_thread(monkeypatch)
    definition = small_definition(sample_dir, tmp_path)
    layer = QgsVectorLayer(str(sample_dir / "flensburg" / "Stadtteile.shp"), "Stadtteile", "ogr")
    total = layer.featureCount()
    QgsProject.instance().addMapLayer(layer)
    layer.startEditing()
    layer.deleteFeature(next(layer.getFeatures()).id())
    try:
        out = tmp_path / "out"
        ok, results = run_task("sozialraum:report", {"DEFINITION": str(definition), "OUTPUT_FOLDER": str(out)})
        assert ok, results
        assert live == []
        published = QgsVectorLayer(str(out / "sozialraum.gpkg"), "p", "ogr")
        assert published.featureCount() == total
        del published
    finally:
        layer.rollBack()
        QgsProject.instance().removeMapLayer(layer.id())


def test_report_whose_files_cannot_all_be_moved_leaves_last_years_set(provider, sample_dir, tmp_path):
    import processing

    definition = small_definition(sample_dir, tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "Tabellenanhang.csv").write_text("last year", encoding="utf-8")
    (out / "Methodenhinweis.txt").write_text("last year", encoding="utf-8")
    blocker = out / "sozialraum_intern.gpkg"  # cannot be replaced by a file (as a file open on Windows)
    blocker.mkdir()
    (blocker / "x").write_text("x", encoding="utf-8")
    with pytest.raises(QgsProcessingException):
        processing.run("sozialraum:report", {"DEFINITION": str(definition), "OUTPUT_FOLDER": str(out)})
    assert (out / "Tabellenanhang.csv").read_text(encoding="utf-8") == "last year"
    assert (out / "Methodenhinweis.txt").read_text(encoding="utf-8") == "last year"
    assert not (out / "sozialraum.gpkg").exists()
    assert sorted(p.name for p in out.iterdir()) == ["Methodenhinweis.txt", "Tabellenanhang.csv",
                                                     "sozialraum_intern.gpkg"]
