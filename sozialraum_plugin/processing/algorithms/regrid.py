"""sozialraum:regrid – an old grid's counts carried onto a new grid, with crosswalk and quality report."""
from __future__ import annotations

import os

from qgis.core import (
    QgsFeature,
    QgsField,
    QgsFields,
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
from qgis.PyQt.QtCore import QVariant

from ..base import SozialraumAlgorithm, language_parameter

TABLE_SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx", ".ods")
MARKER = "suppressed_fields"
COVERED = "covered_share"


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
        from ...core.areas.regrid import carry, crosswalk_from_pieces
        from ...core.areas.regrid_quality import quality
        from ...core.errors import SozialraumError
        from ...gis import regrid_overlay as overlay

        p = parameters
        old_layer = self.parameterAsVectorLayer(p, "INPUT", context)
        target = self.parameterAsVectorLayer(p, "TARGET", context)
        key = self.parameterAsString(p, "INPUT_KEY", context)
        target_key = self.parameterAsString(p, "TARGET_KEY", context)
        counts = list(self.parameterAsFields(p, "COUNT_FIELDS", context))
        rates = self._rates(p, context, counts)
        table_path = self.parameterAsFile(p, "CROSSWALK_TABLE", context)
        weights = self.parameterAsVectorLayer(p, "WEIGHT_LAYER", context)
        weight_field = self.parameterAsString(p, "WEIGHT_FIELD", context)
        if weights is not None and not weight_field:
            raise SozialraumError("layer_field_not_found", field="", parameter="WEIGHT_FIELD",
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
            facts.basis, facts.table = "table", table_path
        else:
            pieces = overlay.area_pieces(old, new, measure)
            if not any(n is not None for _o, n, _a in pieces):
                raise SozialraumError("regrid_no_overlap", file=overlay.layer_source(old_layer),
                                      target=overlay.layer_source(target))
            covered = overlay.covered(new, pieces, measure)
            frame = self._pieces(pieces, weights, weight_field, old, new, crs, context, measure, facts, feedback)
            areas = {k: measure.area(g) for k, g in new.geometries.items()}
            crosswalk = crosswalk_from_pieces(frame, weighted=weights is not None, min_share=facts.min_share,
                                              new_areas=areas)
            facts.basis = crosswalk.basis
        feedback.setProgress(60)
        values = self._counts(old, counts, overlay.layer_source(old_layer))
        carried = carry(values, crosswalk, new.keys)
        judged = quality(crosswalk, values[counts[0]], new.keys, facts.threshold)
        derived = self._derive(carried.counts, rates)
        published, markers, facts.suppressed = self._publish(carried, derived, counts, rates, facts.suppress_below)
        result = self._write(p, context, target, target_key, published, markers, judged, covered, counts, rates,
                             feedback)
        result.update(self._write_crosswalk(p, context, crosswalk))
        self._log(carried, judged, facts, feedback)
        report = self.parameterAsFileOutput(p, "REPORT", context)
        if report:
            self._report(report, facts, crosswalk, carried, judged, p, context)
            result["REPORT"] = report
        result["MIXED"] = int(judged["mixed"].sum())
        return result

    def _rates(self, p, context, counts):
        from ...core.derived import parse_rates
        from ...core.errors import SozialraumError

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
        found = overlay.weight_pieces(weights, weight_field, old, new, crs, context, measure)
        facts.weights = f"{weights.name()} ({weight_field})"
        feedback.pushInfo(self.tr("Weight layer: {n} features, {empty} without a weight, {outside} outside every "
                                  "old area.").format(n=found.features, empty=found.empty, outside=found.outside_old))
        weighted = pd.DataFrame(found.rows, columns=["old", "new", "weight"]).assign(area=0.0)
        frame = frame.assign(weight=0.0)
        return pd.concat([frame, weighted[["old", "new", "area", "weight"]]], ignore_index=True)

    def _table(self, p, context, path):
        from ...core.areas.regrid import crosswalk_from_table
        from ...core.errors import SozialraumError
        from ...core.tables import read_frame, read_table
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

    def _counts(self, old, counts, source):
        import pandas as pd

        from ...core.errors import SozialraumError

        frame = pd.DataFrame(index=pd.Index(old.keys, dtype=object))
        for name in counts:
            raw = old.attributes[name]
            column = []
            for k in old.keys:
                value = raw.get(k)
                if value is None or (hasattr(value, "isNull") and value.isNull()):
                    column.append(float("nan"))
                    continue
                try:
                    column.append(float(value))
                except (TypeError, ValueError):
                    raise SozialraumError("regrid_count_not_numeric", field=name, file=source, value=value,
                                          key=k) from None
            frame[name] = column
        return frame

    def _derive(self, carried, rates):
        from ...core.derived import derive

        if not rates:
            return carried.iloc[:, :0]
        return derive(carried, rates, rows=list(carried.index))

    def _publish(self, carried, derived, counts, rates, threshold):
        """The publication rule over the carried counts and their rates (as for every output)."""
        import pandas as pd

        from ...core.indicators import Indicator
        from ...core.publish.rule import publication_rule

        frame = pd.concat([carried.counts, derived], axis=1)
        hidden = pd.DataFrame(False, index=frame.index, columns=counts)
        for name, keys in carried.unknown_new.items():
            hidden.loc[keys, name] = True
        indicators = [Indicator(c, kind="count") for c in counts] + list(rates)
        publication = publication_rule(frame, indicators, min_population=None, threshold=float(threshold),
                                       hidden=hidden if hidden.any().any() else None)
        shown = publication.apply(frame)
        n = int((publication.mask & frame[publication.mask.columns].notna()).to_numpy().sum())
        return shown, publication.hidden_fields(), n

    def _write(self, p, context, target, target_key, values, markers, judged, covered, counts, rates, feedback):
        from ...core.errors import MethodError

        computed = counts + [r.id for r in rates] + list(judged.columns) + [COVERED, MARKER]
        lowered = {c.lower() for c in computed}
        if target_key.lower() in lowered:  # the key must stay the new grid's own
            raise MethodError("indicator_replaces_identity", indicator=target_key, column=target_key)
        fields, kept = QgsFields(), []
        for index, f in enumerate(target.fields()):
            if f.name().lower() == "fid" or (f.name().lower() in lowered and f.name() != target_key):
                continue
            fields.append(QgsField(f))
            kept.append(index)
        replaced = [f.name() for f in target.fields() if f.name().lower() in lowered and f.name() != target_key]
        if replaced:
            feedback.pushWarning(self.tr("These fields of TARGET are replaced by the carried ones: {0}")
                                 .format(", ".join(replaced)))
        types = {"dominant_key": QVariant.String, "sources": QVariant.Int, "mixed": QVariant.Bool}
        for name in computed:
            fields.append(QgsField(name, QVariant.String if name == MARKER else types.get(name, QVariant.Double)))
        sink, dest = self.parameterAsSink(p, "OUTPUT", context, fields, target.wkbType(), target.crs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(p, "OUTPUT"))
        rows = {k: i for i, k in enumerate(values.index)}
        from ...gis.layers import _text

        for feature in target.getFeatures():
            k = _text(feature[target_key])
            i = rows[k]
            attrs = [feature.attributes()[j] for j in kept]
            for name in counts + [r.id for r in rates]:
                attrs.append(_plain(values.iloc[i][name]))
            row = judged.loc[k]
            attrs += [_plain(row["dominant_share"]), row["dominant_key"], int(row["sources"]),
                      _plain(row["exact_share"]), bool(row["mixed"])]
            attrs += [None if covered is None else covered.get(k), markers[i] or None]
            out = QgsFeature(fields)
            out.setGeometry(feature.geometry())
            out.setAttributes(attrs)
            sink.addFeature(out)
        del sink
        return {"OUTPUT": dest}

    def _write_crosswalk(self, p, context, crosswalk):
        fields = QgsFields()
        for name, kind in (("old_key", QVariant.String), ("new_key", QVariant.String), ("share", QVariant.Double),
                           ("basis", QVariant.String)):
            fields.append(QgsField(name, kind))
        sink, dest = self.parameterAsSink(p, "CROSSWALK", context, fields, QgsWkbTypes.Type.NoGeometry)
        if sink is None:
            return {}
        for row in crosswalk.table.itertuples(index=False):
            feature = QgsFeature(fields)
            feature.setAttributes([row.old, row.new, float(row.share), row.basis])
            sink.addFeature(feature)
        del sink
        return {"CROSSWALK": dest}

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


def _plain(value):
    """A cell for QGIS: None for missing, a float otherwise."""
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return value
    return None if number != number else number
