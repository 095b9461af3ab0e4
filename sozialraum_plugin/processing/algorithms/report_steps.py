"""The steps of a full report, each a call of one of the provider's own algorithms."""
from __future__ import annotations

import os
import tempfile

from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication

translate = QCoreApplication.translate
LAYER = "sozialraum"


class ReportCanceled(Exception):
    """The user pressed cancel between two steps."""


class ReportRun:
    def __init__(self, definition, folder: str, context, feedback, definition_file: str = ""):
        self.d = definition
        self.folder = folder
        self.context = context
        self.feedback = feedback
        self.work = tempfile.mkdtemp(prefix="sozialraum_report_")
        self.current = definition.resolve(definition.boundaries)
        self.outputs: dict = {}
        self.step = 0
        self.definition_file = definition_file or definition.title

    def step_count(self) -> int:
        d = self.d
        return len(d.tables) + bool(d.index) + bool(d.clusters) + 1 + bool(d.maps) + bool(d.profiles) + 1

    # ------------------------------------------------------------------------------------
    def _run(self, alg_id: str, params: dict, steps) -> dict:
        import processing

        result = processing.run(alg_id, params, context=self.context, feedback=steps, is_child_algorithm=True)
        self.step += 1
        steps.setCurrentStep(self.step)
        if steps.isCanceled():
            raise ReportCanceled()
        return result

    def _temp(self, name: str) -> str:
        return os.path.join(self.work, f"{name}.gpkg")

    def execute(self, steps) -> dict:
        d = self.d
        matched = None
        self._check_ids(before_joins=True)
        for n, table in enumerate(d.tables, start=1):
            steps.pushInfo(translate("Report", "Joining table {0} of {1}: {2}").format(n, len(d.tables), table.path))
            params = {"INPUT": self.current, "INPUT_KEY": d.key, "TABLE": d.resolve(table.path),
                      "TABLE_KEY": table.key, "FIELDS": ",".join(table.fields), "OUTPUT": self._temp(f"join{n}"),
                      "REPORT": os.path.join(self.folder, f"Verbindungsbericht_{n}.html"), **table.options}
            result = self._run("sozialraum:jointable", params, steps)
            self.current = result["OUTPUT"]
            matched = result["MATCHED"] if matched is None else min(matched, result["MATCHED"])
        if d.index:
            self.current = self._run("sozialraum:needindex", self._index_params(), steps)["OUTPUT"]
        if d.clusters:
            c = d.clusters
            self.current = self._run("sozialraum:needclusters", {
                "INPUT": self.current, "FIELDS": c.fields, "K": c.k, "METHOD": c.method,
                "SEED": c.seed, "DIRECTIONS": d.directions_text(c.fields), "LABELS": d.labels_text(c.fields),
                "NEED_FIELD": "status_index" if d.index else None, "OUTPUT": self._temp("clusters"),
                "SUMMARY": os.path.join(self.folder, "Clusteruebersicht.csv")}, steps)["OUTPUT"]
        self._check_ids(before_joins=False)
        final = self._publish_layer()
        self._write_appendix(final)
        if d.maps:
            self._maps(final, steps)
        if d.profiles:
            self._profiles(final, steps)
        self.outputs.update({"OUTPUT_FOLDER": self.folder, "MATCHED": matched if matched is not None else 0})
        return self.outputs

    def _check_ids(self, before_joins: bool) -> None:
        """Ids of maps, profiles, index and clusters are columns: checked before any output is
        written (when every table names its fields) and again on the joined data."""
        d = self.d
        layer = QgsVectorLayer(self.current, "b", "ogr")
        columns = set(layer.fields().names())
        if before_joins:
            if not layer.isValid() or any(not table.fields for table in d.tables):
                return  # the join says what is wrong / a table's columns are known only after it
            columns |= {f for table in d.tables for f in table.fields} | d.made_fields()
        del layer
        d.check_ids(columns, os.path.basename(self.definition_file), complete=not before_joins)

    def _index_params(self) -> dict:
        i, d = self.d.index, self.d
        weights = ";".join(f"{k}={v}" for k, v in (i.weights or {}).items())
        return {"INPUT": self.current, "STATUS_FIELDS": i.status, "DYNAMIC_FIELDS": i.dynamic,
                "PRESET": i.preset, "POPULATION_FIELD": i.population or None,
                "MIN_POPULATION": i.min_population, "EXCLUDE_EXPRESSION": i.exclude,
                "DIRECTIONS": d.directions_text(i.status + i.dynamic), "WEIGHTS": weights,
                "OUTPUT": self._temp("index")}

    def _publish_layer(self) -> str:
        """The last intermediate becomes sozialraum.gpkg in the output folder, written by GDAL under
        a temporary name and renamed (QGIS never holds the temporary file open)."""
        from ...gis.gpkg import copy_layer

        target = os.path.join(self.folder, f"{LAYER}.gpkg")
        source = QgsVectorLayer(self.current, LAYER, "ogr")
        written = copy_layer(source, target, LAYER)
        self.outputs["OUTPUT"] = written.uri
        return written.uri

    def _write_appendix(self, uri: str) -> None:
        from ...gis.appendix import write_appendix

        path = os.path.join(self.folder, "Tabellenanhang.csv")
        write_appendix(QgsVectorLayer(uri, LAYER, "ogr"), path)
        self.outputs["TABLE"] = path

    def _registered(self, alg_id: str) -> bool:
        return QgsApplication.processingRegistry().algorithmById(alg_id) is not None

    def _maps(self, uri: str, steps) -> None:
        if not self._registered("sozialraum:thematicmap"):
            steps.pushWarning(translate("Report", "Thematic maps are not available in this version."))
            return
        from .report_maps import print_maps

        self.outputs["MAPS"] = print_maps(self, uri, steps)

    def _profiles(self, uri: str, steps) -> None:
        if not self._registered("sozialraum:profilesheets"):
            steps.pushWarning(translate("Report", "Profile sheets are not available in this version."))
            return
        p, d = self.d.profiles, self.d
        params = {"INPUT": uri, "NAME_FIELD": d.name_field or d.key, "KEY_FIELD": d.key, "FIELDS": p.fields,
                  "LABELS": d.labels_text(p.fields), "DIRECTIONS": d.directions_text(p.fields), "TITLE": p.title,
                  "SOURCE_TEXT": d.source_text, "OUTPUT": os.path.join(self.folder, "Sozialraumprofile.pdf")}
        counts = [i.id for i in d.indicators if i.kind == "count" and i.id in p.fields]
        if counts:
            params["COUNT_FIELDS"] = counts
        if p.separate_files:
            params["SEPARATE_FILES"] = os.path.join(self.folder, "Profile_einzeln")
        if d.index and d.index.population:
            params.update(POPULATION_FIELD=d.index.population, MIN_POPULATION=d.index.min_population)
        if d.index:
            params["CLASS_FIELD"] = "status_class"
        if d.clusters:
            params["CLUSTER_FIELD"] = "cluster_label"
        self.outputs["PROFILES"] = self._run("sozialraum:profilesheets", params, steps)["OUTPUT"]

    def cleanup(self) -> None:
        """Intermediate GeoPackages and map PDFs go; the outputs stay."""
        import shutil

        shutil.rmtree(self.work, ignore_errors=True)

    def remember_in_project(self, definition_path: str) -> None:
        """The definition is kept in the project too, so the planner finds it next year."""
        project = self.context.project() or QgsProject.instance()
        project.writeEntry("sozialraum", "definition", self.d.to_json())
        project.writeEntry("sozialraum", "definition_path", definition_path)
