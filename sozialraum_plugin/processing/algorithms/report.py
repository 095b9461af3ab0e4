"""sozialraum:report – the whole Sozialbericht from a report definition, in one run."""
from __future__ import annotations

import os

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterVectorLayer,
    QgsProject,
)

from ..base import SozialraumAlgorithm, language_parameter
from .report_steps import ReportCanceled, ReportRun


class ReportAlgorithm(SozialraumAlgorithm):
    NAME = "report"

    def displayName(self):  # noqa: N802
        return self.tr("Full report from a report definition")

    def help_text(self):
        return self.tr(
            "Runs a whole Sozialbericht as the report DEFINITION (a JSON file) describes it: joins "
            "each table to the boundaries, computes the need index and clusters, prints the "
            "thematic maps and the profile sheets, and writes into OUTPUT_FOLDER:\n"
            "- sozialraum.gpkg: the districts with all indicators, classes and clusters, as they may be "
            "published: cells the publication rule hides are empty (NULL), listed in suppressed_fields\n"
            "- sozialraum_intern.gpkg: the same with every raw value, for further work; internal, not "
            "for publication\n"
            "- Karten.pdf and Sozialraumprofile.pdf\n"
            "- Tabellenanhang.csv: all values for the appendix (hidden cells as ·)\n"
            "- Tabellenanhang.xlsx: the same as a workbook: numbers as numbers, a sheet for the districts, "
            "one per table, the city and the indicators' definitions with the publication rule\n"
            "- Methodenhinweis.txt: the publication rule (what is hidden and why, the threshold)\n"
            "- Verbindungsbericht_*.html: what each join matched and what not\n"
            "- Berichtsdefinition.json: the definition used, to run it again next year\n"
            "- Sozialbericht.qgz: a QGIS project with the styled layers, the map layouts and the profile atlas "
            "(relative paths: the folder can be moved), to finish the pages by hand (output PROJECT).\n\n"
            "Publication rule: counts from 1 to below the threshold (default 3) are hidden, and so is "
            "everything computed from them (shares, changes) and a second cell wherever a published total "
            "would give a hidden one back; areas below the minimum population show no values. Change it "
            "in the definition: \"publication\": {\"threshold\": 5, \"population\": \"EW\", "
            "\"min_population\": 300, \"totals\": {\"EW\": [\"u18\", \"ab18\"]}}, or \"threshold\" "
            "per indicator. Whole-number table columns not declared as \"kind\": \"value\" are treated "
            "as counts.\n\n"
            "Relative paths in the definition are read from the definition's folder. INPUT, if "
            "given, replaces the boundaries named in the definition.\n\n"
            "LANGUAGE (de | en): the language of every output (maps, legends, class labels, appendix, "
            "method note, join reports, profile pages) and its number format (1.234,5 / 1,234.5); "
            "empty: the definition's \"language\", else the QGIS locale. File names stay German."
        ) + "\n\n" + self.tr(
            "Years: tables given per year (\"year\": 2021 on a table entry) or with a year column "
            "(\"year_column\": \"Jahr\") make a series: every indicator whose columns are there in several "
            "years (\"of\": \"STATUS3\" names the column, a rate its numerator and denominator) gets a column "
            "<id>_<year> per year and <id> for the report year (\"report_year\", default the latest), and both "
            "GeoPackages a table \"series\" (key, indicator, year, value, numerator, denominator, shown; in "
            "sozialraum.gpkg the values of hidden cells are empty). A change (\"change_between\": [2019, 2021], "
            "or \"period\" with the definition's \"period\": 2) is computed from the two years' values, for "
            "rates from their counts, in points."
        ) + "\n\n" + self.tr(
            "Database (optional): \"store\": {\"connection\": \"<QGIS PostgreSQL connection>\", \"schema\": "
            "\"bericht\"} also publishes the published layer (table sozialraum, hidden cells empty), its series and "
            "the map's style (the table's default in public.layer_styles) into that schema, after the files, all "
            "at once: a run that fails leaves the previous tables as they were. The internal layer stays in the "
            "folder. The connection keeps its credentials in a QGIS authentication configuration (or a service); "
            "one that keeps a password in plain text is refused. The role's rights are checked first, and one run "
            "at a time writes into a schema (a second is refused, naming the first). Boundaries and tables may be "
            "database tables: {\"connection\": …, \"schema\": …, \"table\": …} instead of a file."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFile(
            "DEFINITION", self.tr("Report definition"), fileFilter=self.tr("Report definition (*.json)")))
        self.addParameter(QgsProcessingParameterVectorLayer(
            "INPUT", self.tr("District boundaries (instead of the definition's)"),
            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterFolderDestination("OUTPUT_FOLDER", self.tr("Output folder")))
        self.addParameter(language_parameter())
        self.addOutput(QgsProcessingOutputNumber("MATCHED", self.tr("Districts matched by every table")))
        self.addOutput(QgsProcessingOutputFile("PROJECT", self.tr("QGIS project with the report's layers and layouts")))

    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802
        """On the main thread, before a task starts: the boundaries chosen as a project layer are
        read here (a worker must not touch live project layers), and the context that layout steps
        use later is this one (made on the main thread, with the project)."""
        from .main_thread import MainThreadCaller, on_main_thread

        super().prepareAlgorithm(parameters, context, feedback)
        layer = self.parameterAsVectorLayer(parameters, "INPUT", context)
        self._input_source = layer.source() if layer is not None else None
        self._input_is_file = layer is not None and layer.providerType() == "ogr"
        self._main_context = context if on_main_thread() else None
        self._caller = MainThreadCaller()
        self._definition_path = ""
        self._definition_json = ""
        return True

    def compute(self, parameters, context, feedback):
        from ...core.fileio import locked
        from ...core.report.definition import load, save
        from .main_thread import on_main_thread
        from .report_store import open_store

        path = self.parameterAsFile(parameters, "DEFINITION", context)
        definition = load(path)
        if self._input_source and self._input_is_file:  # (a memory layer: the definition keeps its own)
            definition.boundaries = self._input_source
        # one spelling of the folder for every output and layer source ("Bericht" or "a/../Bericht" in
        # qgis_process): the QGIS project makes sources relative to it (gis/project_file.py)
        folder = os.path.abspath(self.parameterAsString(parameters, "OUTPUT_FOLDER", context))
        caller = None if on_main_thread() else self._caller
        words = self._report_words(parameters, context, definition)
        store = open_store(definition, feedback)  # rights and the schema's lease, before any work
        if store is not None:
            store.lease.keep_alive(feedback)  # (renewed within long steps too)
        try:
            os.makedirs(folder, exist_ok=True)
            run = ReportRun(definition, folder, context, feedback, self._main_context, caller, path, words)
        except BaseException as error:
            if store is not None:
                store.end()  # the schema is free again
            if isinstance(error, PermissionError):  # a read-only folder, before any work
                raise locked(folder, error) from None
            raise
        run.store = store
        try:
            if self._input_source and (caller is not None or not self._input_is_file):
                # a project layer in a worker: its copy (unsaved edits, filter, CRS) as a file, so that
                # no step finds the live layer again by its source; a memory layer: it has no file
                run.current = run.boundaries = self._input_copy(parameters, context, run.work)
            steps = QgsProcessingMultiStepFeedback(run.step_count(), feedback)
            if feedback.isCanceled():  # pressed before it existed: it follows only later cancels (step_feedback)
                steps.cancel()
            outputs = run.execute(steps)
        except (ReportCanceled, InterruptedError):  # InterruptedError: a PDF export stopped by cancel
            if not feedback.isCanceled():
                raise
            if run.folder == run.final_folder:  # cancelled after the data were committed
                raise QgsProcessingException(self.tr(
                    "The report was cancelled while printing: the data files in {0} (GeoPackages, appendix, "
                    "method note) are this run's, the maps and profiles were not finished; no half-written "
                    "file was left.").format(folder)) from None
            raise QgsProcessingException(self.tr(
                "The report was cancelled; no half-written file was left in {0}.").format(folder)) from None
        finally:
            run.cleanup()
            if store is not None:
                store.end()  # the lease goes, whatever happened
        save(definition.with_absolute_paths(), os.path.join(folder, "Berichtsdefinition.json"))
        self._definition_path, self._definition_json = path, definition.to_json()
        return outputs

    def _report_words(self, parameters, context, definition):
        """LANGUAGE when given, else the definition's language, else the QGIS locale."""
        from ...toolbelt.i18n import output_words

        if parameters.get("LANGUAGE") not in (None, ""):
            return self.words(parameters, context)
        return output_words(definition.language or None)

    def _input_copy(self, parameters, context, work: str) -> str:
        from qgis.core import QgsVectorFileWriter

        layer = self.parameterAsVectorLayer(parameters, "INPUT", context)  # the worker's copy
        path = os.path.join(work, "boundaries.gpkg")
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName, options.layerName = "GPKG", "boundaries"
        error = QgsVectorFileWriter.writeAsVectorFormatV3(layer, path, context.transformContext(), options)
        if error[0] != QgsVectorFileWriter.WriterError.NoError:
            raise QgsProcessingException(error[1])
        return path

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802
        """On the main thread after the run: the definition is kept in the project too, so the
        planner finds it next year (project entries are main-thread state)."""
        if self._definition_json:
            project = context.project() or QgsProject.instance()
            project.writeEntry("sozialraum", "definition", self._definition_json)
            project.writeEntry("sozialraum", "definition_path", self._definition_path)
        return {}
