"""sozialraum:report – the whole Sozialbericht from a report definition, in one run."""
from __future__ import annotations

import os

from qgis.core import (
    QgsProcessing,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterVectorLayer,
)

from ..base import SozialraumAlgorithm
from .report_steps import ReportRun


class ReportAlgorithm(SozialraumAlgorithm):
    NAME = "report"

    def displayName(self):  # noqa: N802
        return self.tr("Full report from a report definition")

    def help_text(self):
        return self.tr(
            "Runs a whole Sozialbericht as the report DEFINITION (a JSON file) describes it: joins "
            "each table to the boundaries, computes the need index and clusters, prints the "
            "thematic maps and the profile sheets, and writes into OUTPUT_FOLDER:\n"
            "- sozialraum.gpkg: the districts with all indicators, classes and clusters (styled)\n"
            "- Karten.pdf and Sozialraumprofile.pdf\n"
            "- Tabellenanhang.csv: all values for the appendix (suppressed cells as ·)\n"
            "- Verbindungsbericht_*.html: what each join matched and what not\n"
            "- Berichtsdefinition.json: the definition used, to run it again next year.\n\n"
            "Relative paths in the definition are read from the definition's folder. INPUT, if "
            "given, replaces the boundaries named in the definition."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFile(
            "DEFINITION", self.tr("Report definition"), fileFilter=self.tr("Report definition (*.json)")))
        self.addParameter(QgsProcessingParameterVectorLayer(
            "INPUT", self.tr("District boundaries (instead of the definition's)"),
            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterFolderDestination("OUTPUT_FOLDER", self.tr("Output folder")))
        self.addOutput(QgsProcessingOutputNumber("MATCHED", self.tr("Districts matched by every table")))

    def compute(self, parameters, context, feedback):
        from ...core.report_definition import load, save

        path = self.parameterAsFile(parameters, "DEFINITION", context)
        definition = load(path)
        layer = self.parameterAsVectorLayer(parameters, "INPUT", context)
        if layer is not None:
            definition.boundaries = layer.source()
        folder = self.parameterAsString(parameters, "OUTPUT_FOLDER", context)
        os.makedirs(folder, exist_ok=True)
        run = ReportRun(definition, folder, context, feedback, path)
        steps = QgsProcessingMultiStepFeedback(run.step_count(), feedback)
        try:
            outputs = run.execute(steps)
        finally:
            run.cleanup()
        save(definition.with_absolute_paths(), os.path.join(folder, "Berichtsdefinition.json"))
        run.remember_in_project(path)
        return outputs
