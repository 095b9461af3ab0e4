"""The steps of a full report, each a call of one of the provider's own algorithms."""
from __future__ import annotations

import os
import tempfile

from qgis.core import QgsApplication, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication

from .report_commit import commit
from .report_derived import check_inputs, derive_step, derive_steps, year_options
from .report_series import year_names
from .report_store import local_boundaries, publish_store, source

translate = QCoreApplication.translate
LAYER = "sozialraum"
INTERNAL = "sozialraum_intern"


class ReportCanceled(Exception):
    """The user pressed cancel between two steps."""


def step_feedback(count: int, parent):
    """A QgsProcessingMultiStepFeedback over ``parent`` that is cancelled when ``parent`` already
    is: it only follows a cancel signalled after it exists, and a Cancel pressed just after the task
    started let the whole report run (and be called cancelled at the end)."""
    from qgis.core import QgsProcessingMultiStepFeedback

    steps = QgsProcessingMultiStepFeedback(count, parent)
    if parent is not None and parent.isCanceled():
        steps.cancel()
    return steps


class ReportRun:
    """Data steps (joins, index, clusters, the GeoPackage, the appendix) write into a staging
    folder inside the output folder and may run in a worker thread; they are moved into place
    together, then the layout steps (maps, profiles) run on the main thread through ``caller``.
    A run cancelled or failed in the data steps leaves nothing in the output folder."""

    def __init__(self, definition, folder: str, context, feedback, main_context=None, caller=None,
                 definition_file: str = "", words=None):
        from ...toolbelt.i18n import output_words

        self.d = definition
        self.words = words if words is not None else output_words(definition.language or None)
        self.lang = self.words.lang  # every step gets LANGUAGE=self.lang
        self.final_folder = folder
        self.folder = tempfile.mkdtemp(prefix=".sozialraum_report.", suffix=".part", dir=folder)
        self.context = context
        self.main_context = main_context  # made on the main thread: layouts use it (None: made there)
        self.caller = caller
        self.feedback = feedback
        self.work = tempfile.mkdtemp(prefix="sozialraum_report_")
        self.current = self.boundaries = definition.resolve(definition.boundaries)
        self.outputs: dict = {}
        self.step = 0
        self.definition_file = definition_file or definition.title
        self.store = None  # the PostGIS store (report_store.open_store), when the definition names one

    def step_count(self) -> int:
        """Joins, index, clusters, the GeoPackage with its appendix, each map and the maps' PDF,
        the profiles: one step each, so that the progress bar never runs back."""
        d = self.d
        maps = len(d.maps) + 1 if d.maps else 0
        return len(d.tables) + derive_steps(d) + bool(d.index) + bool(d.clusters) + 1 + maps + bool(d.profiles) \
            + 1 + bool(getattr(d, "level", None)) + bool(getattr(d, "store", None)) \
            + bool(getattr(d, "supply", None)) + bool(getattr(d, "allocation", None)) \
            + bool(getattr(d, "impact", None))  # the QGIS project; the parent level's sums; the database
        # store; the supply step; the budget split by need; the funded districts against the rest

    def indicators_json(self, fields) -> str:
        """INDICATORS for a step: the definition's indicators as the district layer holds them (a
        yearly one as its report year's, with that year's counts: report_series.rule_definition)."""
        from .report_series import rule_definition

        return rule_definition(self).indicators_json(fields)

    def _next_step(self, steps) -> None:
        """A step done without a child algorithm (the GeoPackage, the maps' PDF)."""
        self.step += 1
        steps.setCurrentStep(self.step)

    # ------------------------------------------------------------------------------------
    def _run(self, alg_id: str, params: dict, steps) -> dict:
        import processing

        from ..base import as_step

        with as_step():  # the report names the files it replaced, once
            result = processing.run(alg_id, params, context=self._child_context(), feedback=steps,
                                    is_child_algorithm=True)
        self.step += 1
        steps.setCurrentStep(self.step)
        if steps.isCanceled():
            raise ReportCanceled()
        if self.store is not None:  # a sign of life on the schema's lease (gis/pg_lease.py)
            self.store.lease.renew()
        return result

    def _child_context(self):
        """The context of a step. In a worker a context of its own without the project: a step
        given a file (the boundaries, an intermediate) would otherwise find a project layer with
        that source and read the live layer from this thread (see report_derived._lookup_context)."""
        from qgis.core import QgsProcessingContext

        if self.caller is None or self.context is self.main_context:
            return self.context  # on the main thread
        if getattr(self, "_private_context", None) is None:
            private = QgsProcessingContext()  # made here: it lives in this thread
            private.copyThreadSafeSettings(self.context)  # invalid geometry check, transforms, …
            private.setProject(None)
            self._private_context = private
        return self._private_context

    def _temp(self, name: str) -> str:
        return os.path.join(self.work, f"{name}.gpkg")

    def execute(self, steps) -> dict:
        d = self.d
        if steps.isCanceled():  # before the first step: nothing is read or written
            raise ReportCanceled()
        if self.boundaries == d.boundaries:  # (not replaced by INPUT) boundaries in a database: a local copy
            local_boundaries(self)
        check_inputs(self)  # before anything is written (and a parent level's indicators)
        matched = None
        self._check_ids(before_joins=True)
        for n, table in enumerate(d.tables, start=1):
            steps.pushInfo(translate("Report", "Joining table {0} of {1}: {2}").format(n, len(d.tables), table.path))
            params = {"INPUT": self.current, "INPUT_KEY": d.key, "TABLE": source(self, table.path),
                      "TABLE_KEY": table.key, "FIELDS": ",".join(table.fields), "OUTPUT": self._temp(f"join{n}"),
                      "REPORT": os.path.join(self.folder, f"Verbindungsbericht_{n}.html"), **table.options,
                      **year_options(table), "LANGUAGE": self.lang}
            result = self._run("sozialraum:jointable", params, steps)
            self.current = result["OUTPUT"]
            matched = result["MATCHED"] if matched is None else min(matched, result["MATCHED"])
        self.joined = self.current  # the tables' columns: the rule's candidates for undeclared counts
        if getattr(d, "level", None):  # the report runs on the parents from here (report_level)
            from .report_level import level_step

            level_step(self, steps)
            d = self.d
        derive_step(self, steps)
        if d.index:
            self.current = self._run("sozialraum:needindex", self._index_params(), steps)["OUTPUT"]
        if d.clusters:
            c = d.clusters
            self.current = self._run("sozialraum:needclusters", {
                "INPUT": self.current, "FIELDS": c.fields, "K": c.k, "METHOD": c.method,
                "SEED": c.seed, "INDICATORS": self.indicators_json(c.fields),
                "NEED_FIELD": "status_index" if d.index else None, "OUTPUT": self._temp("clusters"),
                "SUMMARY": os.path.join(self.work, "Clusteruebersicht.csv"), "LANGUAGE": self.lang}, steps)["OUTPUT"]
        from .report_supply import supply_step

        supply_step(self, steps)  # (only with a "supply" section)
        if getattr(d, "allocation", None):  # a budget split by need (report_allocation)
            from .report_allocation import allocation_step

            allocation_step(self, steps)
        self._check_ids(before_joins=False)
        final = self._publish_layer()
        if getattr(d, "allocation", None):
            from .report_allocation import write_allocation_tables

            write_allocation_tables(self)
        if d.clusters:
            self._write_cluster_summary()
        self._write_appendix(final)
        self._next_step(steps)
        self.outputs.update({"MATCHED": matched if matched is not None else 0})
        self._on_main_thread(self._release_maps, final, steps)  # (also without maps: the .qgz's data layer)
        final = commit(self, final)
        if d.maps:
            self._on_main_thread(self._maps, final, steps)  # the published layer: no hidden value
        if d.profiles:
            self._on_main_thread(self._profiles, final, steps)
        if getattr(d, "impact", None):  # funded districts against the rest (report_impact.py)
            from .report_impact import impact_step

            self._on_main_thread(lambda uri, here: impact_step(self, uri, here), final, steps)
        self._on_main_thread(self._project, final, steps)
        if self.store is not None:  # last: the local report is complete before the database changes
            publish_store(self, steps)
            self._next_step(steps)
        self.outputs.update({"OUTPUT_FOLDER": self.folder})
        return self.outputs

    def _on_main_thread(self, step, uri: str, steps) -> None:
        """Layouts and project layers are made on the main thread, with its processing context."""
        if self.caller is None:  # the whole run is on the main thread
            step(uri, steps)
            return

        def main_step():
            # a feedback of the main thread: the worker's one would queue its progress to a
            # thread without an event loop, and the progress bar would stand still
            here = step_feedback(self.step_count(), self.feedback)
            here.setCurrentStep(self.step)
            here.progressChanged.connect(self.caller.keep_responsive)
            if self.main_context is None:  # started off the main thread (e.g. inside a model)
                from qgis.core import QgsProcessingContext

                self.main_context = QgsProcessingContext()
                self.main_context.setProject(self.context.project())
            worker_context, self.context = self.context, self.main_context
            try:
                step(uri, here)
            finally:
                self.context = worker_context
                here.progressChanged.disconnect(self.caller.keep_responsive)
                steps.setCurrentStep(self.step)

        self.caller.call(main_step, canceled=self.feedback.isCanceled)

    def _release_maps(self, uri: str, _steps) -> None:
        """Last run's layers of this report's maps read the files about to be replaced; on Windows
        a file open in QGIS cannot be replaced. The maps step makes them again, so they go now
        (only those in this report's map groups and on a file of the output folder), and so does
        the plain data layer of last year's Sozialbericht.qgz when the planner has it open."""
        from ...gis.layouts import layout_name
        from .report_project import DATA_PROPERTY

        project = self.context.project()
        if project is None:
            return
        staging = os.path.normcase(os.path.abspath(self.folder))
        targets = {os.path.normcase(os.path.join(os.path.abspath(self.final_folder), name))
                   for name in os.listdir(staging)}

        def on_target(layer) -> bool:
            return os.path.normcase(os.path.abspath(layer.source().split("|", 1)[0])) in targets

        root = project.layerTreeRoot()
        for spec in self.d.maps:
            group = root.findGroup(layout_name((spec.title or self.d.indicator(spec.indicator_id()).label).strip()))
            if group is None:
                continue
            ids = [node.layerId() for node in group.findLayers()
                   if node.layer() is not None and on_target(node.layer())]
            if ids:
                project.removeMapLayers(ids)
        data = [lid for lid, layer in project.mapLayers().items()
                if layer.customProperty(DATA_PROPERTY) and on_target(layer)]
        if data:
            project.removeMapLayers(data)

    def _check_ids(self, before_joins: bool) -> None:
        """Ids of maps, profiles, index and clusters are columns: checked before any output is
        written (when every table names its fields) and again on the joined data."""
        d = self.d
        layer = QgsVectorLayer(self.current, "b", "ogr")
        columns = set(layer.fields().names())
        if before_joins:
            if not layer.isValid() or any(not table.fields or table.year_column for table in d.tables):
                return  # the join says what is wrong / a table's columns (or years) are known only after it
            columns |= {f for table in d.tables for f in table.fields} | d.made_fields() | year_names(d)
        del layer
        d.check_ids(columns, os.path.basename(self.definition_file), complete=not before_joins)

    def _index_params(self) -> dict:
        from ...core.report.uncertainty_spec import uncertainty_params

        i = self.d.index
        weights = ";".join(f"{k}={v}" for k, v in (i.weights or {}).items())
        return {"INPUT": self.current, "STATUS_FIELDS": i.status, "DYNAMIC_FIELDS": i.dynamic,
                "PRESET": i.preset, "POPULATION_FIELD": i.population or None,
                "MIN_POPULATION": i.min_population, "EXCLUDE_EXPRESSION": i.exclude,
                "INDICATORS": self.indicators_json(i.status + i.dynamic), "WEIGHTS": weights,
                "OUTPUT": self._temp("index"), "LANGUAGE": self.lang, **uncertainty_params(i)}

    def _publish_layer(self) -> str:
        """The last intermediate becomes sozialraum_intern.gpkg (raw values, marked internal) and
        sozialraum.gpkg (hidden cells NULL, one marker column), both through the publication rule;
        Methodenhinweis.txt says what is hidden and why. Written under temporary names and renamed."""
        from ...core.fileio import write_text
        from ...core.publish import method_note
        from ...core.publish.note import top_class
        from ...core.publish.report_rule import report_publication
        from ...core.publish.rule import cells_from_markers
        from ...gis.publish_layer import markers, same_rows, write_district_layer

        source = QgsVectorLayer(self.current, LAYER, "ogr")
        boundary = QgsVectorLayer(self.boundaries, "boundaries", "ogr")
        own = set(boundary.fields().names()) if boundary.isValid() else set()
        own |= getattr(self, "level_own", set())  # a parent level's key, name and n_children: no counts
        old = markers(source)
        joined = QgsVectorLayer(getattr(self, "joined", self.current), "joined", "ogr")
        tables = [n for n in joined.fields().names() if n not in own and n not in old]

        from .report_series import rule_definition, write_series_tables
        from .report_supply import hide_linked_scores

        def decide(frame):
            self.frame = frame  # the rows the rule decided on (cluster numbers for the summary)
            publication = report_publication(frame, rule_definition(self), tables, cells_from_markers(frame, old))
            publication = hide_linked_scores(self, frame, publication)  # (a 2SFCA score gives children back)
            if getattr(self, "level_parent", None):  # beside the districts' own publication
                from .report_level import level_publication

                publication = level_publication(self, frame, publication)
            if getattr(self.d, "allocation", None):  # the money of hidden counts, and partners
                from .report_allocation import allocation_publication

                publication = allocation_publication(self, frame, publication)
            return publication

        internal, publication = write_district_layer(
            source, os.path.join(self.folder, f"{INTERNAL}.gpkg"), INTERNAL, decide, masked=False)
        # from the same source, not from the internal file: a file QGIS has read stays open in its
        # OGR connection pool, and Windows cannot move an open file into the output folder
        published, _ = write_district_layer(
            source, os.path.join(self.folder, f"{LAYER}.gpkg"), LAYER,
            lambda frame: same_rows(publication, frame), masked=True)
        write_text(os.path.join(self.folder, "Methodenhinweis.txt"),
                   method_note(publication, self.words, internal=True, parents=self.d.level is not None,
                               top_class=top_class(self.d)))
        self.publication = publication
        write_series_tables(self, internal.path, published.path)  # the table "series", beside the layer
        self.outputs.update({"OUTPUT": published.uri, "INTERNAL": internal.uri})
        return published.uri

    def _write_cluster_summary(self) -> None:
        """Clusteruebersicht.csv through the rule: a centre over a hidden cell would give it back
        (centre × size − the shown members), so it is written "·"."""
        import pandas as pd

        from ...core.formatting import is_missing
        from ...core.publish.group_summary import mask_group_summary
        from ...core.publish.table_text import number_text
        from .common import write_table

        temp = os.path.join(self.work, "Clusteruebersicht.csv")
        if not os.path.exists(temp) or "cluster" not in self.frame.columns:
            return
        german = self.lang == "de"
        summary = pd.read_csv(temp, sep=";" if german else ",", decimal="," if german else ".",
                              encoding="utf-8-sig")
        masked = mask_group_summary(summary, self.frame["cluster"], self.publication.mask, self.d.clusters.fields)
        for col in masked.columns:  # a column with "·" is text now: its numbers keep the language's decimal mark
            masked[col] = [number_text(v, 4, self.lang).rstrip("0").rstrip(".,")
                           if isinstance(v, float) and not is_missing(v) else v for v in masked[col]]
        path = os.path.join(self.folder, "Clusteruebersicht.csv")
        write_table(path, masked, lang=self.lang)
        self.outputs["SUMMARY"] = path

    def _write_appendix(self, uri: str) -> None:
        from .report_appendix import write_report_appendix

        self.outputs.update(write_report_appendix(self, uri))  # Tabellenanhang.csv and .xlsx

    def _registered(self, alg_id: str) -> bool:
        return QgsApplication.processingRegistry().algorithmById(alg_id) is not None

    def _maps(self, uri: str, steps) -> None:
        if not self._registered("sozialraum:thematicmap"):
            steps.pushWarning(translate("Report", "Thematic maps are not available in this version."))
            return
        from .report_maps import print_maps

        self.outputs["MAPS"] = print_maps(self, uri, steps)
        self._next_step(steps)

    def _profiles(self, uri: str, steps) -> None:
        from ...core.publish.report_rule import population_setting

        if not self._registered("sozialraum:profilesheets"):
            steps.pushWarning(translate("Report", "Profile sheets are not available in this version."))
            return
        p, d = self.d.profiles, self.d
        # city values need the raw counts (the internal layer); the pages follow the rule through its
        # suppressed_fields and the profile algorithm's own run of the same rule
        params = {"INPUT": self.outputs.get("INTERNAL", uri), "NAME_FIELD": d.name_field or d.key,
                  "KEY_FIELD": d.key, "FIELDS": p.fields,
                  "INDICATORS": self.indicators_json(p.fields), "TITLE": p.title,
                  "SOURCE_TEXT": d.source_text, "OUTPUT": os.path.join(self.folder, "Sozialraumprofile.pdf"),
                  "SUPPRESS_BELOW": d.publication.threshold, "LANGUAGE": self.lang}
        # INDICATORS carries what the pages need of each declared field: label, unit, decimals,
        # direction, kind (a change of counts is no count), counts for the pooled city value, an own
        # threshold for the legend; the rest of the fields are described by the layer (alias)
        if getattr(self, "series", None) is not None:  # the years: line chart, change and χ² trend marks
            internal = self.outputs.get("INTERNAL", uri).split("|", 1)[0]  # raw counts with 'shown'
            params["SERIES"] = f"{internal}|layername=series"
        if getattr(p, "parent_field", ""):  # the parent's value beside the city's
            params.update(PARENT_FIELD=p.parent_field, PARENT_TITLE=p.parent_title)
        if p.separate_files:
            params["SEPARATE_FILES"] = os.path.join(self.folder, "Profile_einzeln")
        # the city's look: its own page template, house colour, logo and font (LANGUAGE: the run's)
        style = d.style
        params.update({name: value for name, value in (
            ("TEMPLATE", d.resolve(style.profile_template)), ("HOUSE_COLOUR", style.colour),
            ("LOGO", d.resolve(style.logo)), ("FONT", style.font)) if value})
        population, minimum = population_setting(d)
        if population:
            params.update(POPULATION_FIELD=population, MIN_POPULATION=minimum)
        if d.index:
            params["CLASS_FIELD"] = "status_class"
            if getattr(d.index, "uncertainty", None):  # the robust rank on the badge (core/needs/robust.py)
                params.update(RANK_FIELDS=["rank", "rank_low", "rank_high", "p_top"],
                              RANK_TOP_CLASS=d.index.uncertainty.top_class)
        if d.clusters:
            params["CLUSTER_FIELD"] = "cluster_label"
        result = self._run("sozialraum:profilesheets", params, steps)
        self.outputs["PROFILES"], self.profile_layout = result["OUTPUT"], result.get("LAYOUT")

    def _project(self, uri: str, steps) -> None:
        from .report_project import write_report_project

        self.outputs["PROJECT"] = write_report_project(self, uri, steps)
        self._next_step(steps)

    def cleanup(self) -> None:
        """Intermediate GeoPackages and map PDFs go, and the staging folder of a run that did not
        get as far as moving its files (cancelled, failed); the outputs stay."""
        import shutil

        shutil.rmtree(self.work, ignore_errors=True)
        if self.folder != self.final_folder:
            shutil.rmtree(self.folder, ignore_errors=True)
