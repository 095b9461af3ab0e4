"""sozialraum:needindex – composite need index or the Berlin MSS method, on valid areas only."""
from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterExpression,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorDestination,
    QgsProcessingParameterVectorLayer,
)

from ..base import SozialraumAlgorithm, choice_parameter, language_parameter
from . import need_index_ranks as ranks
from .common import output_destination
from .fieldspecs import weights
from .indicator_param import indicators_parameter, resolve, warn_no_direction

NUMERIC = QgsProcessingParameterField.DataType.Numeric


class NeedIndexAlgorithm(SozialraumAlgorithm):
    NAME = "needindex"

    def displayName(self):  # noqa: N802
        return self.tr("Need index (incl. MSS method)")

    def help_text(self):
        return self.tr(
            "Builds a status index from STATUS_FIELDS (and a dynamics index from DYNAMIC_FIELDS) "
            "and classes every area.\n\nPRESET mss: the Berlin Monitoring Soziale "
            "Stadtentwicklung method: each indicator z-standardised over the valid areas, the "
            "z-scores summed and the sum standardised again; status classes high (≤ −1), medium "
            "(≤ +1), low (< +1.5), very low (≥ +1.5); dynamics positive (≤ −1), stable, "
            "negative (≥ +1); the 12 groups and areas needing attention. PRESET custom: weighted "
            "mean of scaled indicators (z-score, min-max or percentile rank), standardised again "
            "and classed the same way. Higher values mean more need unless DIRECTIONS says "
            "otherwise (e.g. 'K10=-1').\n\nValid areas only form the reference: population at "
            "least MIN_POPULATION (default 300), not excluded by EXCLUDE_EXPRESSION (e.g. \"KOM\" "
            "<> 'gültig'), and no missing value. The others stay in the output with valid = false "
            "and a note (e.g. 'below 300 res. (120)').\n\nLANGUAGE (de | en; empty: the QGIS locale): the "
            "language of the class labels and notes; in German they are the MSS's own (hoch, mittel, "
            "niedrig, sehr niedrig; positiv, stabil, negativ). Field names stay the same."
        ) + "\n\n" + self.tr(
            "INDICATORS: the direction of each field as JSON, a list of indicators as a report definition's "
            "\"indicators\" holds them, e.g. [{\"id\": \"K10\", \"direction\": -1}]; direction 0 (no direction) "
            "counts as +1 here. DIRECTIONS still works; where both describe a field, INDICATORS wins.") \
            + "\n\n" + ranks.help_text()

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterVectorLayer(
            "INPUT", self.tr("Districts with indicators"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            "STATUS_FIELDS", self.tr("Status indicators"), parentLayerParameterName="INPUT",
            type=NUMERIC, allowMultiple=True))
        self.addParameter(QgsProcessingParameterField(
            "DYNAMIC_FIELDS", self.tr("Dynamics indicators (changes)"), parentLayerParameterName="INPUT",
            type=NUMERIC, allowMultiple=True, optional=True))
        self.addParameter(choice_parameter("PRESET", self.tr("Method"), [
            ("custom", self.tr("Custom composite index")),
            ("mss", self.tr("Berlin MSS (Monitoring Soziale Stadtentwicklung)"))], "mss"))
        self.addParameter(QgsProcessingParameterField(
            "POPULATION_FIELD", self.tr("Population field"), parentLayerParameterName="INPUT", type=NUMERIC,
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            "MIN_POPULATION", self.tr("Minimum population of a valid area"),
            QgsProcessingParameterNumber.Type.Integer, defaultValue=300, minValue=0))
        self.addParameter(QgsProcessingParameterExpression(
            "EXCLUDE_EXPRESSION", self.tr("Leave out of the reference where (expression)"),
            parentLayerParameterName="INPUT", optional=True))
        self.addParameter(QgsProcessingParameterVectorDestination(
            "OUTPUT", self.tr("Districts with need index"), QgsProcessing.SourceType.TypeVectorPolygon))
        advanced = [
            indicators_parameter(),
            QgsProcessingParameterString("DIRECTIONS", self.tr("Directions (e.g. S1=+1;K10=-1; default +1)"),
                                         optional=True),
            QgsProcessingParameterString("WEIGHTS", self.tr("Weights, custom method (e.g. S1=2;S3=1)"),
                                         optional=True),
            choice_parameter("SCALING", self.tr("Scaling, custom method"), [
                ("zscore", self.tr("z-score")), ("minmax", self.tr("min-max")),
                ("rank", self.tr("percentile rank"))], "zscore"),
            QgsProcessingParameterString("STATUS_THRESHOLDS", self.tr("Status class limits"),
                                         defaultValue="-1.0;1.0;1.5"),
            QgsProcessingParameterString("DYNAMIC_THRESHOLDS", self.tr("Dynamics class limits"),
                                         defaultValue="-1.0;1.0"),
            language_parameter(),
        ]
        for param in advanced + ranks.parameters():
            param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            self.addParameter(param)

    def compute(self, parameters, context, feedback):
        from ...core.needs.index import custom_index, mss_index
        from ...gis import writer
        from ...gis.layers import check_expression, expression_mask

        layer = self.parameterAsVectorLayer(parameters, "INPUT", context)
        status = self.parameterAsFields(parameters, "STATUS_FIELDS", context)
        dynamic = self.parameterAsFields(parameters, "DYNAMIC_FIELDS", context)
        population = self.parameterAsString(parameters, "POPULATION_FIELD", context) or None
        preset = self.choice(parameters, "PRESET", context)
        # parameterAsExpression returns '' for a broken expression: read the text to report it
        expression = self.parameterAsString(parameters, "EXCLUDE_EXPRESSION", context).strip()
        options = {
            "min_population": self.parameterAsInt(parameters, "MIN_POPULATION", context),
            "status_thresholds": _numbers(self.parameterAsString(parameters, "STATUS_THRESHOLDS", context),
                                          "STATUS_THRESHOLDS"),
            "dynamic_thresholds": _numbers(self.parameterAsString(parameters, "DYNAMIC_THRESHOLDS", context),
                                           "DYNAMIC_THRESHOLDS"),
            "method": self.choice(parameters, "SCALING", context),
        }
        fields = status + dynamic
        wts = weights(self.parameterAsString(parameters, "WEIGHTS", context), fields)
        inds = {i.id: i for i in resolve(self, parameters, context, fields, feedback, default_direction=1,
                                         strict=False)}
        warn_no_direction(inds.values(), feedback)
        dest = output_destination(self, parameters, "OUTPUT", context)
        if expression:
            check_expression(expression)  # before anything is written
        words = self.words(parameters, context)
        robust = ranks.read_options(self, parameters, context, options["status_thresholds"], preset)

        def compute(frame, source):
            excluded = None
            if expression:
                excluded = expression_mask(source, expression)
            status_inds, dynamic_inds = [inds[f] for f in status], [inds[f] for f in dynamic]
            common = {"population": population, "excluded": excluded,
                      "min_population": options["min_population"],
                      "status_thresholds": options["status_thresholds"],
                      "dynamic_thresholds": options["dynamic_thresholds"], "lang": words}
            if preset == "mss":
                result = mss_index(frame, status_inds, dynamic_inds, **common)
            else:
                result = custom_index(frame, status_inds, dynamic_inds, options["method"], wts, **common)
            if robust is not None:  # the rank interval of every valid area (the nominal index unchanged)
                result = ranks.with_ranks(result, frame, status_inds, wts if preset != "mss" else None, robust,
                                          feedback)
            holder["result"] = result
            return result

        holder = {}

        needed = fields + ([population] if population else [])
        written = writer.write_results(layer, dest, dest.layer_name, needed, compute, feedback=feedback)
        self._log(holder["result"], feedback)
        return {"OUTPUT": written.uri}

    def _log(self, result, feedback):
        """What was written, from the computed columns (the output may be a memory or database layer)."""
        counts, invalid = {}, 0
        for valid, label in zip(result["valid"].tolist(), result["status_class"].tolist()):
            if not valid or valid != valid:  # False, None or NaN: left out, as the written field says
                invalid += 1
            counts[label] = counts.get(label, 0) + 1
        feedback.pushInfo(self.tr("{0} areas classed, {1} left out of the reference (see the field note).")
                          .format(len(result) - invalid, invalid))
        for label, count in sorted(counts.items(), key=lambda kv: str(kv[0])):
            if label is not None and label == label and str(label) != "NULL":  # (NaN: no class)
                feedback.pushInfo(f"  {label}: {count}")


def _numbers(text: str, option: str) -> list[float]:
    from ...core.errors import SozialraumError

    try:
        return [float(part.replace(",", ".")) for part in text.replace(" ", "").split(";") if part]
    except ValueError:
        raise SozialraumError("option_invalid", option=option, value=text) from None
