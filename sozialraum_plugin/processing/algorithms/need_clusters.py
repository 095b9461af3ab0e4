"""sozialraum:needclusters – k-means or Ward clusters of the indicators, numbered by need."""
from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorDestination,
    QgsProcessingParameterVectorLayer,
)

from ..base import SozialraumAlgorithm, choice_parameter, language_parameter
from .common import output_destination, write_table
from .indicator_param import indicators_parameter, resolve, warn_no_direction

NUMERIC = QgsProcessingParameterField.DataType.Numeric


class NeedClustersAlgorithm(SozialraumAlgorithm):
    NAME = "needclusters"

    def displayName(self):  # noqa: N802
        return self.tr("Need clusters (k-means, Ward)")

    def help_text(self):
        return self.tr(
            "Groups the districts by their indicators (FIELDS, z-standardised) into K clusters with "
            "k-means (k-means++ start, several seeded restarts; the same SEED gives the same result) "
            "or Ward's hierarchical method. K = 0 suggests a number by silhouette and "
            "Calinski-Harabasz (the table is in the log) and takes the best silhouette.\n\nClusters "
            "are numbered by need: cluster 1 has the highest mean of the direction-corrected "
            "z-scores (or of NEED_FIELD, e.g. status_index), and each gets a label from its profile "
            "('transfer rate high, child poverty high', in the LANGUAGE asked for). "
            "Areas with a missing value, and areas whose "
            "'valid' field is false, get no cluster unless IMPUTE takes the city median.\n\nSUMMARY "
            "(optional CSV): size, centres in original units and in z, within-cluster sums of "
            "squares; the log gives the between/total ratio."
        ) + "\n\n" + self.tr(
            "INDICATORS: the label (in the cluster labels) and direction of each field as JSON, a list of "
            "indicators as a report definition's \"indicators\" holds them, e.g. [{\"id\": \"S3\", \"label\": "
            "\"Transferbezug\"}, {\"id\": \"K10\", \"direction\": -1}]; direction 0 (no direction) counts as +1 "
            "here. The older DIRECTIONS and LABELS still work; where both describe a field, INDICATORS wins.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterVectorLayer(
            "INPUT", self.tr("Districts with indicators"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            "FIELDS", self.tr("Indicators"), parentLayerParameterName="INPUT", type=NUMERIC, allowMultiple=True))
        self.addParameter(QgsProcessingParameterNumber(
            "K", self.tr("Number of clusters (0 = suggest)"), QgsProcessingParameterNumber.Type.Integer,
            defaultValue=0, minValue=0, maxValue=50))
        self.addParameter(choice_parameter("METHOD", self.tr("Method"), [
            ("kmeans", self.tr("k-means")), ("ward", self.tr("Ward (hierarchical)"))], "kmeans"))
        self.addParameter(QgsProcessingParameterNumber(
            "SEED", self.tr("Random seed"), QgsProcessingParameterNumber.Type.Integer, defaultValue=1))
        self.addParameter(QgsProcessingParameterVectorDestination(
            "OUTPUT", self.tr("Districts with clusters"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFileDestination(
            "SUMMARY", self.tr("Cluster summary"), self.tr("CSV (*.csv)"), optional=True, createByDefault=False))
        advanced = [
            indicators_parameter(),
            QgsProcessingParameterString("DIRECTIONS", self.tr("Directions (e.g. S1=+1;K10=-1; default +1)"),
                                         optional=True),
            QgsProcessingParameterString("LABELS", self.tr("Indicator names for the cluster labels "
                                                           "(e.g. S3=Transferbezug;S4=Kinderarmut)"), optional=True),
            QgsProcessingParameterField("NEED_FIELD", self.tr("Number clusters by the mean of"),
                                        parentLayerParameterName="INPUT", type=NUMERIC, optional=True),
            QgsProcessingParameterBoolean("ONLY_VALID", self.tr("Leave out areas whose field 'valid' is false"),
                                          defaultValue=True),
            QgsProcessingParameterBoolean("IMPUTE", self.tr("Fill missing values with the city median"),
                                          defaultValue=False),
            QgsProcessingParameterNumber("RESTARTS", self.tr("k-means restarts"),
                                         QgsProcessingParameterNumber.Type.Integer, defaultValue=10, minValue=1),
            language_parameter(),
        ]
        for param in advanced:
            param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            self.addParameter(param)
        self.addOutput(QgsProcessingOutputNumber("K_USED", self.tr("Number of clusters")))

    def compute(self, parameters, context, feedback):
        from ...core.needs.clusters import cluster_areas, pick_k, suggest_k
        from ...gis import writer

        layer = self.parameterAsVectorLayer(parameters, "INPUT", context)
        fields = self.parameterAsFields(parameters, "FIELDS", context)
        k = self.parameterAsInt(parameters, "K", context)
        method = self.choice(parameters, "METHOD", context)
        seed = self.parameterAsInt(parameters, "SEED", context)
        restarts = self.parameterAsInt(parameters, "RESTARTS", context)
        need = self.parameterAsString(parameters, "NEED_FIELD", context) or None
        impute = "median" if self.parameterAsBool(parameters, "IMPUTE", context) else None
        use_valid = self.parameterAsBool(parameters, "ONLY_VALID", context) and "valid" in layer.fields().names()
        indicators = resolve(self, parameters, context, fields, feedback, default_direction=1, strict=False)
        warn_no_direction(indicators, feedback)
        dest = output_destination(self, parameters, "OUTPUT", context)
        holder = {}
        words = self.words(parameters, context)

        def compute(frame, _temp_uri):
            valid = frame["valid"].astype("boolean").fillna(False).to_numpy(dtype=bool) if use_valid else None
            options = {"seed": seed, "n_init": restarts, "valid": valid, "impute": impute}
            chosen = k
            if chosen == 0:
                table = suggest_k(frame, indicators, method=method, **options)
                self._log_suggestion(table, feedback)
                chosen = pick_k(table)
            result = cluster_areas(frame, indicators, chosen, method, need=need, lang=words, **options)
            holder["result"] = result
            return result.assignments

        needed = fields + (["valid"] if use_valid else []) + ([need] if need and need not in fields else [])
        written = writer.write_results(layer, dest, dest.layer_name, needed, compute, feedback=feedback)
        result = holder["result"]
        self._log_result(result, feedback)
        outputs = {"OUTPUT": written.uri, "K_USED": result.k}
        summary_path = self.parameterAsFileOutput(parameters, "SUMMARY", context)
        if summary_path:
            write_table(summary_path, result.summary.round(4), lang=words.lang)
            outputs["SUMMARY"] = summary_path
        return outputs

    def _log_suggestion(self, table, feedback):
        feedback.pushInfo(self.tr("Suggested number of clusters (higher is better):"))
        for row in table.itertuples():
            feedback.pushInfo(f"  k = {row.k}: silhouette {row.silhouette:.3f}, "
                              f"Calinski-Harabasz {row.calinski_harabasz:.1f}")

    def _log_result(self, result, feedback):
        totals = result.totals
        feedback.pushInfo(self.tr("{k} clusters; between/total sum of squares {ratio:.1%}.").format(
            k=result.k, ratio=totals.get("between_total_ratio", float("nan"))))
        for row in result.summary.itertuples():
            feedback.pushInfo(f"  {row.cluster}: {row.cluster_label} (n = {row.size})")
