"""sozialraum:regrid – an old grid's counts carried onto a new grid, with crosswalk and quality report."""
from __future__ import annotations

import os

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsProcessingUtils,
    QgsWkbTypes,
)

from ..base import SozialraumAlgorithm, language_parameter

TABLE_SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx", ".ods")


class RegridAlgorithm(SozialraumAlgorithm):
    NAME = "regrid"

    def displayName(self):  # noqa: N802
        return self.tr("Carry counts onto a new grid")

    def help_text(self):
        return self.tr(
            "Carries the counts of an old grid (INPUT, key INPUT_KEY) onto a new one (TARGET, key "
            "TARGET_KEY), e.g. when the statistics office redraws its districts.\n\n"
            "Each old area is cut by the new areas; each piece gets a share of the old area: by area, or with"
            " WEIGHT_LAYER + WEIGHT_FIELD by the residents (or any amount) of that layer in the piece: points"
            " (addresses) count where they lie, polygons (buildings, a finer grid) are split by area. An old "
            "area the weight layer gives nothing is shared by area, and the report says so. Pieces below "
            "MIN_SHARE of their old area and of their new area are slivers of a boundary drawn twice: their "
            "share goes to the old area's other pieces. A CROSSWALK_TABLE (an office's 'Umsteigeschlüssel': "
            "old key, new key, share; CSV, XLSX, ODS or a GeoPackage table such as CROSSWALK) is used as it "
            "is instead, after checking that the shares of each old key sum to 1 (SHARE_TOLERANCE).\n\n"
            "New count = Σ share × old count: counts are conserved; the part of an old area outside every new"
            " area is not carried and is listed in CROSSWALK (empty new key) and in the REPORT. An old count "
            "that is missing makes the new areas it reaches unknown. RATES (name=numerator/denominator;…) are"
            " computed again from the carried counts, never averaged.\n\n"
            "Everything is intersected in TARGET's CRS; areas are planar in a projected CRS and ellipsoidal "
            "in a geographic one. Invalid polygons are repaired first.\n\n"
            "OUTPUT: the new grid with the carried counts (estimates, not rounded), the rates, dominant_share"
            " (the part of the new area's first count that comes from its largest old area), dominant_key, "
            "sources (old areas reaching it), exact_share (the part from old areas lying wholly in it), mixed"
            " (dominant_share below THRESHOLD) and covered_share (how much of it the old grid covers). "
            "Carried counts follow the publication rule: counts from 1 to below SUPPRESS_BELOW, rates from "
            "them and cells that would give them back are empty and listed in suppressed_fields. CROSSWALK: "
            "old_key, new_key, share, basis (area, weight or table). REPORT (.html or .txt): where the counts"
            " went and the new areas with a low dominant share, in LANGUAGE."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        polygon, anyf = [QgsProcessing.SourceType.TypeVectorPolygon], QgsProcessingParameterField.DataType.Any
        numeric = QgsProcessingParameterField.DataType.Numeric
        self.addParameter(QgsProcessingParameterVectorLayer("INPUT", self.tr("Old grid with counts"), polygon))
        self.addParameter(QgsProcessingParameterField("INPUT_KEY", self.tr("Key of the old areas"), None, "INPUT",
                                                      anyf))
        self.addParameter(QgsProcessingParameterVectorLayer("TARGET", self.tr("New grid"), polygon))
        self.addParameter(QgsProcessingParameterField("TARGET_KEY", self.tr("Key of the new areas"), None, "TARGET",
                                                      anyf))
        self.addParameter(QgsProcessingParameterField("COUNT_FIELDS", self.tr("Counts to carry"), None, "INPUT",
                                                      numeric, True))
        self.addParameter(QgsProcessingParameterString(
            "RATES", self.tr("Rates from the carried counts (name=numerator/denominator;…)"), optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(
            "WEIGHT_LAYER", self.tr("Weight layer (points or polygons, e.g. addresses with residents)"),
            [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField("WEIGHT_FIELD", self.tr("Weight field"), None, "WEIGHT_LAYER",
                                                      numeric, optional=True))
        self.addParameter(QgsProcessingParameterFile(
            "CROSSWALK_TABLE", self.tr("Crosswalk table to use as it is (old key, new key, share)"), optional=True,
            fileFilter=self.tr("Tables (*.csv *.txt *.tsv *.xlsx *.ods *.gpkg);;All files (*.*)")))
        double = QgsProcessingParameterNumber.Type.Double
        self.addParameter(QgsProcessingParameterNumber(
            "THRESHOLD", self.tr("Quality: share one old area should give (mixed below)"), double, 0.8, False, 0, 1))
        self.addParameter(QgsProcessingParameterNumber(
            "SUPPRESS_BELOW", self.tr("Suppress carried counts below"), QgsProcessingParameterNumber.Type.Integer,
            3, False, 0))
        advanced = [
            QgsProcessingParameterString("UNIT", self.tr("Unit of the rates"), defaultValue="%", optional=True),
            QgsProcessingParameterNumber("MIN_SHARE",
                                         self.tr("Slivers: pieces below this share of their old and new area"),
                                         double, 0.001, False, 0, 0.5),
            QgsProcessingParameterString("CROSSWALK_OLD", self.tr("Crosswalk table: old key column"), "old_key"),
            QgsProcessingParameterString("CROSSWALK_NEW", self.tr("Crosswalk table: new key column"), "new_key"),
            QgsProcessingParameterString("CROSSWALK_SHARE", self.tr("Crosswalk table: share column"), "share"),
            QgsProcessingParameterNumber("SHARE_TOLERANCE", self.tr("Crosswalk table: tolerance of the share sums"),
                                         double, 0.001, False, 0, 0.5),
            language_parameter(),
        ]
        for param in advanced:
            param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            self.addParameter(param)
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT", self.tr("New grid with carried counts"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "CROSSWALK", self.tr("Crosswalk (old key, new key, share)"), QgsProcessing.SourceType.TypeVector,
            None, True, True))
        self.addParameter(QgsProcessingParameterFileDestination(
            "REPORT", self.tr("Quality report"), self.tr("HTML (*.html);;Text (*.txt)"), optional=True,
            createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber("MIXED", self.tr("New areas below the quality threshold")))

    # -----------------------------------------------------------------------------------------
    def compute(self, parameters, context, feedback):
        from ...core.areas.regrid import carry, crosswalk_from_pieces, match_table_keys, publish_carried
        from ...core.areas.regrid_quality import QUALITY_FIELDS, quality
        from ...core.errors import SozialraumError
        from ...gis import regrid_output as output
        from ...gis import regrid_overlay as overlay

        p = parameters
        old_layer = self.parameterAsVectorLayer(p, "INPUT", context)
        target = self.parameterAsVectorLayer(p, "TARGET", context)
        key = self.parameterAsString(p, "INPUT_KEY", context)
        target_key = self.parameterAsString(p, "TARGET_KEY", context)
        counts = list(self.parameterAsFields(p, "COUNT_FIELDS", context))
        rates = self._rates(p, context, counts)
        output.check_names(counts + [r.id for r in rates], QUALITY_FIELDS)  # before the long part
        table_path = self.parameterAsFile(p, "CROSSWALK_TABLE", context)
        weights = self.parameterAsVectorLayer(p, "WEIGHT_LAYER", context)
        weight_field = self.parameterAsString(p, "WEIGHT_FIELD", context)
        if weights is not None and not weight_field:
            raise SozialraumError("layer_field_not_found", field="–", parameter="WEIGHT_FIELD",
                                  file=overlay.layer_source(weights), fields=", ".join(weights.fields().names()))
        crs = target.crs()
        measure = overlay.Measure(crs, context.transformContext())
        old = overlay.read_grid(old_layer, key, crs, context, counts)
        new = overlay.read_grid(target, target_key, crs, context)
        facts = self._facts(p, context, old_layer, target, old, new, measure)
        covered = None
        if table_path:
            if weights is not None:
                feedback.pushWarning(self.tr("A crosswalk table is used as it is: WEIGHT_LAYER is not used."))
            crosswalk = self._table(p, context, table_path)
            facts.key_matches = match_table_keys(crosswalk, old.keys, new.keys)
            facts.basis, facts.table = "table", table_path
        else:
            pieces = overlay.area_pieces(old, new, measure, feedback)
            if feedback.isCanceled():
                return {}
            if not any(n is not None for _o, n, _a in pieces):
                raise SozialraumError("regrid_no_overlap", file=overlay.layer_source(old_layer),
                                      target=overlay.layer_source(target))
            covered = overlay.covered(new, pieces, measure, old)
            facts.overlaps, facts.no_geometry = sorted(new.overlaps), old.no_geometry
            frame = self._pieces(pieces, weights, weight_field, old, new, crs, context, measure, facts, feedback)
            areas = {k: measure.area(g) for k, g in new.geometries.items()}
            crosswalk = crosswalk_from_pieces(frame, weighted=weights is not None, min_share=facts.min_share,
                                              new_areas=areas)
            facts.basis = crosswalk.basis
        if feedback.isCanceled():  # a half-read weight layer would give wrong shares: nothing is written
            return {}
        feedback.setProgress(60)
        values = overlay.counts_frame(old, counts, overlay.layer_source(old_layer))
        carried = carry(values, crosswalk, new.keys)
        judged = quality(crosswalk, values[counts[0]], new.keys, facts.threshold)
        derived = self._derive(carried.counts, rates)
        published, markers, facts.suppressed = publish_carried(carried, derived, counts, rates, facts.suppress_below)
        fields, replaced = output.output_fields(target, target_key, list(published.columns), list(judged.columns))
        if replaced:
            feedback.pushWarning(self.tr("These fields of TARGET are replaced by the carried ones: {0}")
                                 .format(", ".join(replaced)))
        sink, dest = self.parameterAsSink(p, "OUTPUT", context, fields, target.wkbType(), target.crs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(p, "OUTPUT"))
        output.write_grid(sink, fields, target, target_key, published, markers, judged, covered)
        del sink
        result = {"OUTPUT": dest}
        sink, dest = self.parameterAsSink(p, "CROSSWALK", context, output.CROSSWALK_FIELDS,
                                          QgsWkbTypes.Type.NoGeometry)
        if sink is not None:
            output.write_crosswalk(sink, crosswalk)
            del sink
            result["CROSSWALK"] = dest
            facts.crosswalk_written = True
            if facts.suppressed:
                feedback.pushWarning(self.tr("The crosswalk's shares times the old grid's counts give every carried "
                                             "count back, the hidden ones too: the crosswalk is a working file, not "
                                             "for publication."))
        self._log(carried, judged, facts, feedback)
        report = self.parameterAsFileOutput(p, "REPORT", context)
        if report:
            self._report(report, facts, crosswalk, carried, judged, p, context)
            result["REPORT"] = report
        result["MIXED"] = int(judged["mixed"].sum())
        return result

    def _rates(self, p, context, counts):
        from ...core.errors import SozialraumError
        from ...core.series.indicator_params import parse_rates

        found = parse_rates(self.parameterAsString(p, "RATES", context),
                            self.parameterAsString(p, "UNIT", context).strip())
        for ind in found:
            for name in (ind.numerator, ind.denominator):
                if name not in counts:
                    raise SozialraumError("regrid_rate_not_counted", rate=ind.id, field=name, fields=", ".join(counts))
        return found

    def _facts(self, p, context, old_layer, target, old, new, measure):
        from ...core.areas.regrid_report import RegridFacts

        crs = target.crs()
        return RegridFacts(
            old=old_layer.name() or overlay_name(old_layer), new=target.name() or overlay_name(target),
            n_old=len(old.keys), n_new=len(new.keys), basis="area",
            threshold=self.parameterAsDouble(p, "THRESHOLD", context),
            min_share=self.parameterAsDouble(p, "MIN_SHARE", context), ellipsoidal=measure.ellipsoidal,
            crs=crs.authid() or crs.description(), suppress_below=self.parameterAsInt(p, "SUPPRESS_BELOW", context),
            repaired={old_layer.name(): old.repaired, target.name(): new.repaired})

    def _pieces(self, pieces, weights, weight_field, old, new, crs, context, measure, facts, feedback):
        import pandas as pd

        from ...gis import regrid_overlay as overlay

        frame = pd.DataFrame(pieces, columns=["old", "new", "area"])
        if weights is None:
            frame["weight"] = 0.0
            return frame
        found = overlay.weight_pieces(weights, weight_field, old, new, crs, context, measure, feedback)
        facts.weights = f"{weights.name()} ({weight_field})"
        feedback.pushInfo(self.tr("Weight layer: {n} features, {empty} without a weight, {outside} outside every "
                                  "old area.").format(n=found.features, empty=found.empty, outside=found.outside_old))
        weighted = pd.DataFrame(found.rows, columns=["old", "new", "weight"]).assign(area=0.0)
        frame = frame.assign(weight=0.0)
        return pd.concat([frame, weighted[["old", "new", "area", "weight"]]], ignore_index=True)

    def _table(self, p, context, path):
        from ...core.areas.regrid import crosswalk_from_table
        from ...core.errors import SozialraumError
        from ...core.tables.read import read_frame, read_table
        from ...gis.layers import attributes_as_text

        columns = [self.parameterAsString(p, name, context).strip()
                   for name in ("CROSSWALK_OLD", "CROSSWALK_NEW", "CROSSWALK_SHARE")]
        if os.path.isfile(path) and path.lower().endswith(TABLE_SUFFIXES):
            frame = read_table(path, key_columns=columns[:2]).frame
        else:
            from qgis.core import QgsVectorLayer

            layer = QgsVectorLayer(path, "crosswalk", "ogr") if os.path.exists(path.split("|", 1)[0]) else \
                QgsProcessingUtils.mapLayerFromString(path, context)
            if layer is None or not layer.isValid():
                raise SozialraumError("file_not_found", file=path)
            frame = read_frame(attributes_as_text(layer), name=path, key_columns=columns[:2]).frame
            del layer
        tolerance = self.parameterAsDouble(p, "SHARE_TOLERANCE", context)
        return crosswalk_from_table(frame, *columns, tolerance=tolerance, source=path)

    def _derive(self, carried, rates):
        from ...core.series.derived import derive

        if not rates:
            return carried.iloc[:, :0]
        return derive(carried, rates, rows=list(carried.index))

    def _log(self, carried, judged, facts, feedback):
        from ...core.formatting import format_number
        from ...toolbelt.i18n import output_language

        lang = output_language()

        def n(value, decimals=1):
            return format_number(value, decimals, lang=lang)

        for name, t in carried.totals.iterrows():
            feedback.pushInfo(self.tr("{field}: {old} in the old grid, {carried} carried, {outside} outside every new "
                                      "area, {lost} not carried (no crosswalk row or an old value missing).").format(
                field=name, old=n(t["old"]), carried=n(t["carried"]), outside=n(t["outside"]),
                lost=n(t["not_in_crosswalk"] + t["blanked"])))
        feedback.pushInfo(self.tr("{n} of {m} new areas take less than {threshold} % from one old area.").format(
            n=int(judged["mixed"].sum()), m=len(judged), threshold=n(facts.threshold * 100, 0)))

    def _report(self, path, facts, crosswalk, carried, judged, p, context):
        from ...core.areas.regrid_report import report_html, report_sections, report_text
        from ...core.fileio import write_text

        words = self.words(p, context)
        sections = report_sections(facts, crosswalk, carried, judged, words)
        title = words.translate("RegridReport", "Regridding report")
        text = report_text(title, sections) if path.lower().endswith(".txt") else \
            report_html(title, sections, words.lang)
        write_text(path, text)


def overlay_name(layer) -> str:
    from ...gis.regrid_overlay import layer_source

    return os.path.basename(layer_source(layer))

