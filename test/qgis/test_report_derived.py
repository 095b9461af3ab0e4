"""The report's derive step wiring (report_derived): what it hands the profile sheets."""
from __future__ import annotations

import pandas as pd
import pytest


def _definition(indicators):
    from sozialraum_plugin.core.report.definition import ReportDefinition

    return ReportDefinition.from_dict({"title": "T", "boundaries": "b.shp", "key": "ID", "indicators": indicators})


def _profiles_as_the_report_builds_them(definition, frame, fields):
    """The profile indicators as sozialraum:profilesheets reads the report's INDICATORS."""
    from sozialraum_plugin.core.profiles.profile import ProfileOptions, compute_profiles
    from sozialraum_plugin.core.series.indicator_params import resolve_indicators

    indicators = resolve_indicators(fields, definition.indicators_json(fields)).indicators
    return compute_profiles(frame, indicators, ProfileOptions(name="name", suppress_below=0))


def test_profile_city_value_of_a_rate_is_on_the_scale_of_its_district_values():
    from sozialraum_plugin.core.series.derived import derive

    # A rate with an explicit scale its unit does not say: the districts hold 10, 5 and 20, but the
    # profile's pooled city value was taken on the unit's scale (1): 0.1 instead of about 10.
    definition = _definition([
        {"id": "q", "label": "Anteil SGB II", "unit": "Anteil", "scale": 100, "kind": "rate",
         "numerator": "n", "denominator": "ew"},
        {"id": "p", "label": "Anteil", "unit": "%", "kind": "rate", "numerator": "n", "denominator": "ew"},
    ])
    frame = pd.DataFrame({"name": ["A", "B", "C"], "n": [30, 2, 40], "ew": [300, 40, 200]})
    frame[["q", "p"]] = derive(frame, definition.indicators)
    profiles = _profiles_as_the_report_builds_them(definition, frame, ["q", "p"])
    for field in ("q", "p"):
        assert frame[field].min() <= profiles.city[field].value <= frame[field].max(), field
    assert profiles.city["p"].method == "rate"
    assert profiles.city["p"].value == pytest.approx(72 / 540 * 100)  # pooled where the scale is the unit's
    # and on its own scale where it is not (INDICATORS carries the scale; LABELS could not)
    assert profiles.city["q"].method == "rate" and profiles.city["q"].value == pytest.approx(72 / 540 * 100)


class _Watched:
    """A QgsVectorLayer subclass that notes reads from a thread other than the main thread."""

    @staticmethod
    def make(*args):
        from qgis.core import QgsVectorLayer
        from qgis.PyQt.QtCore import QCoreApplication, QThread

        class WatchedLayer(QgsVectorLayer):
            def _note(self, what):
                if QThread.currentThread() != QCoreApplication.instance().thread():
                    self.foreign_reads.append(what)

            def fields(self):
                self._note("fields")
                return super().fields()

            def getFeatures(self, *a):  # noqa: N802
                self._note("getFeatures")
                return super().getFeatures(*a)

        layer = WatchedLayer(*args)
        layer.foreign_reads = []
        return layer


def _check_in_a_worker(run) -> dict:
    import threading

    from sozialraum_plugin.core.report.definition import DefinitionError
    from sozialraum_plugin.processing.algorithms.report_derived import check_inputs

    outcome = {}

    def worker():
        try:
            check_inputs(run)
        except DefinitionError as error:
            outcome["error"] = str(error)

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join(60)
    return outcome


def _run(definition, current):
    from types import SimpleNamespace

    from qgis.core import QgsProcessingContext, QgsProject

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    return SimpleNamespace(d=definition, current=current, context=context)


RATE = [{"id": "q", "kind": "rate", "unit": "%", "numerator": "n", "denominator": "ew"}]


def test_input_check_off_the_main_thread_reads_no_live_project_layer(qgis_app, sample_dir):
    """Run as a task, the report's pre-check found the boundaries among the project's layers (by
    their source) and read that live layer from the worker thread while the user may edit it."""
    from qgis.core import QgsProject

    path = str(sample_dir / "flensburg" / "Stadtteile.shp")
    layer = _Watched.make(path, "Stadtteile", "ogr")
    QgsProject.instance().addMapLayer(layer)
    try:
        outcome = _check_in_a_worker(_run(_definition(RATE), path))
        assert layer.foreign_reads == []
        assert "q" in outcome.get("error", "") and "AREA_ID" in outcome["error"]  # still checked, from the file
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


def test_input_check_off_the_main_thread_reads_no_live_project_table(provider, sample_dir, tmp_path):
    """A table named by the source of a project layer (a GeoPackage table) was read, all its rows,
    from that live layer in the worker thread."""
    from osgeo import gdal
    from qgis.core import QgsProject

    from sozialraum_plugin.core.report.definition import ReportDefinition

    table = tmp_path / "tabellen.gpkg"
    gdal.VectorTranslate(str(table), str(sample_dir / "flensburg" / "Stadtteile.shp"), format="GPKG",
                         layerName="tab", geometryType="NONE")
    source = f"{table}|layername=tab"
    layer = _Watched.make(source, "tab", "ogr")
    QgsProject.instance().addMapLayer(layer)
    boundaries = str(sample_dir / "flensburg" / "Stadtteile.shp")
    definition = ReportDefinition.from_dict({"title": "T", "boundaries": boundaries, "key": "AREA_ID",
                                             "tables": [{"path": source, "key": "AREA_ID"}], "indicators": RATE})
    try:
        outcome = _check_in_a_worker(_run(definition, boundaries))
        assert layer.foreign_reads == []
        assert "q" in outcome.get("error", "") and "tbl_AREA_NAME" in outcome["error"]  # the table was read
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


def test_input_check_in_a_worker_keeps_its_layers_for_the_run(qgis_app, sample_dir):
    """The pre-check's own context lives as long as the run: a throwaway one, freed when the check
    returned, deleted the boundaries layer behind its Python wrapper, and now and then the first
    join's layer (made at the same address) was "wrapped C/C++ object … has been deleted"."""
    from qgis.core import QgsProcessingUtils

    path = str(sample_dir / "flensburg" / "Stadtteile.shp")
    run = _run(_definition(RATE), path)
    _check_in_a_worker(run)
    context = run._lookup_context  # kept with the run
    assert context.temporaryLayerStore().count() == 1
    layer = QgsProcessingUtils.mapLayerFromString(path, context)
    assert layer is not None and layer.isValid()
