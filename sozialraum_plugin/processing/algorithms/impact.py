"""sozialraum:impact – did the funded districts move differently from the rest? (core/series/impact.py)"""
from __future__ import annotations

import os
import time

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterExpression,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
)

from ..base import SozialraumAlgorithm, language_parameter
from .indicator_param import indicators_parameter


class ImpactAlgorithm(SozialraumAlgorithm):
    NAME = "impact"

    def displayName(self):  # noqa: N802
        return self.tr("Funded districts against the rest (impact)")

    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802
        """The chart is a layout, a main-thread object: in a background task (the Processing dialog)
        the data part runs in the worker and the page is made on the main thread, as in the report."""
        from .main_thread import MainThreadCaller, on_main_thread

        super().prepareAlgorithm(parameters, context, feedback)
        self._project = context.project() if on_main_thread() else None
        self._caller = MainThreadCaller()
        return True

    def help_text(self):
        return self.tr(
            "Compares the change of indicators in funded districts (e.g. Quartiersmanagement, \"Starke "
            "Quartiere\") with the change in the other districts over the years of a series.\n\n"
            "INPUT: the districts, with KEY_FIELD. The values come from SERIES (a report's table 'series': "
            "key, indicator, year, value, numerator, denominator, shown) or, without it, from the layer's "
            "columns <indicator>_<year> (e.g. Q_2019, Q_2021, as a report's district layer holds them); a "
            "plain column without years (e.g. MSS's D1) is read as a change already computed. INDICATORS: "
            "the indicators, as a list (Q,K) or as JSON like a report definition's (id, label, unit, "
            "decimals).\n\n"
            "Funded districts by exactly one of: FUNDED_FIELD (1/0, true/false, ja/nein), FUNDED_EXPRESSION (a "
            "QGIS expression, true = funded), or PROGRAMME_AREAS (polygons of the programme areas: a district "
            "counts as funded when at least MIN_OVERLAP per cent of its area, default 50, lies inside them).\n\n"
            "BASE_YEAR and YEAR: the change from BASE_YEAR to YEAR (default the first and last year of each "
            "indicator). POPULATION_FIELD: weights for the means (optional). SEED: the bootstrap's seed.\n\n"
            "Per indicator: the mean change of the funded and of the other districts, the pooled rate change "
            "where the series has numerators and denominators, the difference of the changes (difference in "
            "differences) with a 95 % percentile bootstrap interval (districts resampled within each group, "
            "2,000 replicates; none with fewer than 3 districts in a group), and the group means per year.\n\n"
            "Publication rule: a hidden cell (NULL, listed in suppressed_fields, or shown = false in the series) "
            "enters no figure; a group of fewer than 2 districts gets no figure (·).\n\n"
            "OUTPUT: the table (.xlsx with the years and the method on sheets of their own, or .csv). CHART: "
            "optional PDF page made of layout items (the layout stays in the project), titled TITLE. LANGUAGE: of the "
            "outputs. Results: FUNDED and OTHER, the number of districts in each group."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterVectorLayer(
            "INPUT", self.tr("Districts"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField("KEY_FIELD", self.tr("District key"), None, "INPUT"))
        self.addParameter(QgsProcessingParameterVectorLayer(
            "SERIES", self.tr("Series table (a report's 'series')"), [QgsProcessing.SourceType.TypeVector],
            optional=True))
        self.addParameter(indicators_parameter())
        self.addParameter(QgsProcessingParameterField(
            "FUNDED_FIELD", self.tr("Funded: field (1/0, ja/nein)"), None, "INPUT", optional=True))
        self.addParameter(QgsProcessingParameterExpression(
            "FUNDED_EXPRESSION", self.tr("Funded: expression"), parentLayerParameterName="INPUT", optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(
            "PROGRAMME_AREAS", self.tr("Funded: programme areas"), [QgsProcessing.SourceType.TypeVectorPolygon],
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            "MIN_OVERLAP", self.tr("Share of a district's area inside the programme areas (%)"),
            QgsProcessingParameterNumber.Type.Double, 50.0, minValue=0.0, maxValue=100.0))
        for name, text in (("BASE_YEAR", self.tr("Base year (empty: first)")), ("YEAR", self.tr("Year (empty: last)"))):
            self.addParameter(QgsProcessingParameterNumber(name, text, QgsProcessingParameterNumber.Type.Integer,
                                                           optional=True))
        self.addParameter(QgsProcessingParameterField(
            "POPULATION_FIELD", self.tr("Population (weights)"), None, "INPUT", optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            "SEED", self.tr("Seed of the bootstrap"), QgsProcessingParameterNumber.Type.Integer, 1, minValue=0))
        self.addParameter(language_parameter())
        self.addParameter(QgsProcessingParameterString("TITLE", self.tr("Title of the chart page"), optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT", self.tr("Table"), self.tr("Workbook (*.xlsx);;CSV (*.csv)")))
        self.addParameter(QgsProcessingParameterFileDestination(
            "CHART", self.tr("Chart page (PDF)"), self.tr("PDF (*.pdf)"), optional=True, createByDefault=False))
        for name, text in (("FUNDED", self.tr("Funded districts")), ("OTHER", self.tr("Other districts"))):
            self.addOutput(QgsProcessingOutputNumber(name, text))

    # -------------------------------------------------------------------------------------------
    def _indicators(self, parameters, context, frame):
        """(ids, labels, units, decimals) from INDICATORS: JSON like a definition's, or a list of ids."""
        from ...core.errors import SozialraumError
        from ...core.series.indicator_params import parse_indicators
        from ...gis.impact_input import year_columns_text

        text = self.parameterAsString(parameters, "INDICATORS", context).strip()
        if not text:
            raise SozialraumError("impact_no_indicators", columns=year_columns_text(frame))
        if text.startswith("[") or text.startswith("{"):
            found = parse_indicators(text)
            return ([i.id for i in found], {i.id: i.label or i.id for i in found}, {i.id: i.unit or "" for i in found},
                    {i.id: i.decimals for i in found})
        ids = [s.strip() for s in text.replace(";", ",").split(",") if s.strip()]
        return ids, {i: i for i in ids}, {i: "" for i in ids}, {i: 1 for i in ids}

    def _funded(self, parameters, context, layer, frame, key, words):
        from ...core.errors import SozialraumError
        from ...core.formatting import format_number
        from ...gis import impact_input

        field = self.parameterAsString(parameters, "FUNDED_FIELD", context)
        # parameterAsExpression returns '' for a broken expression: read the text to report it
        expression = self.parameterAsString(parameters, "FUNDED_EXPRESSION", context).strip()
        areas = self.parameterAsVectorLayer(parameters, "PROGRAMME_AREAS", context)
        given = [n for n, v in (("FUNDED_FIELD", field), ("FUNDED_EXPRESSION", expression),
                                ("PROGRAMME_AREAS", areas)) if v]
        if len(given) != 1:
            raise SozialraumError("impact_funded_source", given=", ".join(given) or "–")
        if field:
            return impact_input.funded_by_field(frame, key, field), words.translate("Impact", "field {0}").format(field)
        if expression:
            return (impact_input.funded_by_expression(layer, frame, key, expression),
                    words.translate("Impact", "expression {0}").format(expression))
        minimum = self.parameterAsDouble(parameters, "MIN_OVERLAP", context)
        shares = impact_input.overlap_shares(layer, key, areas)
        source = words.translate("Impact", "programme areas “{0}” (at least {1} % of the area)").format(
            areas.name(), format_number(minimum, 0 if float(minimum).is_integer() else 1, lang=words.lang))
        return impact_input.funded_by_overlap(shares, minimum), source

    def compute(self, parameters, context, feedback):
        from ...core.errors import SozialraumError
        from ...core.series.impact import impact
        from ...core.series.impact_table import impact_sheets
        from ...gis import impact_input

        started = time.perf_counter()
        words = self.words(parameters, context)
        layer = self.parameterAsVectorLayer(parameters, "INPUT", context)
        key = self.parameterAsString(parameters, "KEY_FIELD", context)
        frame, hidden = impact_input.district_frame(layer, key)
        ids, labels, units, decimals = self._indicators(parameters, context, frame)
        funded, source = self._funded(parameters, context, layer, frame, key, words)
        keys = set(frame[key].astype(str))
        funded &= keys
        if not funded or funded == keys:
            raise SozialraumError("impact_no_funded", source=source)
        series_layer = self.parameterAsVectorLayer(parameters, "SERIES", context)
        if series_layer is not None:
            series, given = impact_input.series_from_table(series_layer), None
            missing = [i for i in ids if i not in set(series["indicator"])]
            if missing:  # e.g. a change the report computed (DQ) is a column of the layer only
                _, given = impact_input.series_from_layer(frame, hidden, key, missing)
        else:
            series, given = impact_input.series_from_layer(frame, hidden, key, ids)
        series, given = impact_input.of_districts(series, keys, key), impact_input.of_districts(given, keys, key)
        weights = impact_input.weights_of(frame, key, self.parameterAsString(parameters, "POPULATION_FIELD", context),
                                          hidden)
        optional = {name.lower(): int(parameters[name]) for name in ("BASE_YEAR", "YEAR")
                    if parameters.get(name) not in (None, "")}
        result = impact(series, funded, ids, given=given, weights=weights,
                        seed=self.parameterAsInt(parameters, "SEED", context), **optional)
        del layer
        sheets = impact_sheets(result, labels, source, words)
        output = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        write_sheets(sheets, output, words)
        names = sorted(funded)
        feedback.pushInfo(self.tr("Funded districts ({0}): {1}").format(len(names), ", ".join(names[:40])))
        for row in result.rows:
            feedback.pushInfo(self.tr("{0}: difference of the changes {1:+.3f} ({2:.3f} to {3:.3f}); n = {4} / {5}")
                              .format(row.indicator, row.did, row.lower, row.upper, row.funded.n, row.rest.n))
        outputs = {"OUTPUT": output, "FUNDED": len(funded), "OTHER": len(keys - funded)}
        chart = self.parameterAsFileOutput(parameters, "CHART", context) if parameters.get("CHART") else ""
        if chart:
            title = self.parameterAsString(parameters, "TITLE", context).strip() or \
                words.translate("Impact", "Funded districts and the rest")
            from .main_thread import on_main_thread

            project = getattr(self, "_project", None) or context.project()
            args = (chart, result, labels, units, decimals, source, title, words, project)
            if on_main_thread() or getattr(self, "_caller", None) is None:
                write_chart(*args)
            else:
                self._caller.call(write_chart, *args, canceled=feedback.isCanceled)
            outputs["CHART"] = chart
        feedback.pushInfo(self.tr("Done in {0:.1f} s.").format(time.perf_counter() - started))
        return outputs


def write_sheets(sheets, path: str, words) -> None:
    """.xlsx: every sheet, through the appendix's writer; otherwise the comparison as CSV."""
    from ...core.fileio import write_text
    from ...core.series.impact_table import sheet_csv
    from ...gis.appendix_xlsx import write_workbook

    if path.lower().endswith(".xlsx"):
        write_workbook(sheets, path, hidden_header=words.translate("Impact", "Hidden (·)"))
    else:
        write_text(path, sheet_csv(sheets[0], words), encoding="utf-8-sig", newline="")


def write_chart(path, result, labels, units, decimals, source, title, words, project) -> None:
    translate = words.translate  # (pylupdate5 reads translate("Context", "text"))
    from qgis.core import QgsProject

    from ...core.series.impact_table import method_lines
    from ...gis.layouts.export import export_layout
    from ...gis.layouts.impact_chart import impact_layout
    from ...gis.layouts.map_page import replace_layout

    panels = [(row, result.years[result.years["indicator"] == row.indicator], labels.get(row.indicator, row.indicator),
               units.get(row.indicator, ""), decimals.get(row.indicator) if decimals.get(row.indicator) is not None
               else 1) for row in result.rows]
    spans = {(r.base_year, r.year) for r in result.rows if r.base_year is not None}
    if spans:
        subtitle = translate("Impact", "Mean of the districts per year; funded: {source}.").format(source=source)
    else:
        subtitle = translate("Impact", "Mean change of the districts; funded: {source}.").format(source=source)
    if len(spans) == 1:
        a, b = spans.pop()
        subtitle = translate("Impact", "Change {a}–{b}.").format(a=a, b=b) + " " + subtitle
    lines = method_lines(result, source, words)
    footer = " ".join(lines[2:])
    project = project or QgsProject.instance()
    layout = impact_layout(project, os.path.splitext(os.path.basename(path))[0], title, subtitle, panels, footer,
                           words)
    replace_layout(project, layout)
    export_layout(layout, path)
