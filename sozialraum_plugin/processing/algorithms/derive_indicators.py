"""sozialraum:indicators – rates and changes computed from counts, with EB rates and intervals."""
from __future__ import annotations

import os

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorDestination,
    QgsProcessingParameterVectorLayer,
)

from ..base import SozialraumAlgorithm
from .common import output_destination


class DeriveIndicatorsAlgorithm(SozialraumAlgorithm):
    NAME = "indicators"

    def displayName(self):  # noqa: N802
        return self.tr("Rates and changes from counts")

    def help_text(self):
        return self.tr(
            "Computes indicators from counts and writes them as new fields of a GeoPackage copy "
            "of INPUT (the source is never modified).\n\n"
            "RATES: name=numerator/denominator;… e.g. sgb2_quote=Anzahl_2021/gesamt. The value is "
            "numerator / denominator × scale, the scale following UNIT: % → 100, ‰ → 1000, "
            "'je 1.000 EW' or 'per 1,000' → 1000. An entry may give its own unit after a bar: "
            "kita=plaetze/kinder|je 1.000.\n"
            "CHANGES: name=field:2019-2021 (field_2021 − field_2019) or "
            "name=numerator/denominator:2019-2021 (the rate's change in percentage points, from "
            "numerator_2019/denominator_2019 …). A name with {year} names its year columns itself: "
            "{year}_Anzahl/{year}.\n"
            "INDICATORS: the same JSON a report definition holds (a list of objects with id, "
            "label, unit, direction, kind 'rate', numerator, denominator, change_between, base), "
            "or the path of a report definition; its rates and changes are computed.\n\n"
            "SMOOTH adds <name>_eb, the global Empirical Bayes rate (Marshall): small areas are "
            "drawn toward the city rate. INTERVALS adds <name>_lo and <name>_hi, the Wilson score "
            "interval at LEVEL (default 0.95). Both for rates, not for changes.\n\n"
            "A denominator of 0 or none gives no value (never infinity). Missing or non-numeric "
            "fields, negative counts and, for shares (unit % or ‰), a numerator above its "
            "denominator are refused with the district (KEY_FIELD) and the value named; untick SHARES "
            "(or write \"share\": false in INDICATORS) for ratios such as places per child, which may "
            "exceed 100 %. What each "
            "new field means (label, unit, direction, numerator, denominator, years) is kept in "
            "the GeoPackage's table sozialraum_indicators."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterVectorLayer(
            "INPUT", self.tr("Districts with counts"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterString(
            "RATES", self.tr("Rates (name=numerator/denominator;…)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            "CHANGES", self.tr("Changes between years (name=field:2019-2021;…)"), optional=True))
        self.addParameter(QgsProcessingParameterString(  # optional: empty is a plain ratio (scale 1)
            "UNIT", self.tr("Unit of the rates"), defaultValue="%", optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            "SHARES", self.tr("RATES in % or ‰ are shares (numerator never above denominator)"), defaultValue=True))
        self.addParameter(QgsProcessingParameterString(
            "INDICATORS", self.tr("Indicator definitions (JSON, or a report definition file)"),
            multiLine=True, optional=True))
        self.addParameter(QgsProcessingParameterField(
            "KEY_FIELD", self.tr("District key (named in messages)"), parentLayerParameterName="INPUT",
            optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            "SMOOTH", self.tr("Add Empirical Bayes rates (_eb)"), defaultValue=False))
        self.addParameter(QgsProcessingParameterBoolean(
            "INTERVALS", self.tr("Add Wilson intervals (_lo, _hi)"), defaultValue=False))
        level = QgsProcessingParameterNumber("LEVEL", self.tr("Confidence level of the intervals"),
                                             QgsProcessingParameterNumber.Type.Double, 0.95, minValue=0.5,
                                             maxValue=0.999)
        level.setFlags(level.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(level)
        self.addParameter(QgsProcessingParameterVectorDestination(
            "OUTPUT", self.tr("Districts with derived indicators"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addOutput(QgsProcessingOutputString("FIELDS", self.tr("Fields written (comma-separated)")))

    def _indicators(self, parameters, context) -> list:
        from ...core.errors import MethodError
        from ...core.series.derived import derived_only
        from ...core.series.indicator_params import parse_changes, parse_indicators, parse_rates

        unit = self.parameterAsString(parameters, "UNIT", context).strip()
        text = self.parameterAsString(parameters, "INDICATORS", context).strip()
        found = []
        if text:
            if not text.startswith(("[", "{")):  # not JSON: the path of a definition file
                if not os.path.isfile(text):
                    raise MethodError("file_not_found", file=text)
                with open(text, encoding="utf-8-sig") as handle:
                    text = handle.read()
            found += derived_only(parse_indicators(text))
        shares = self.parameterAsBoolean(parameters, "SHARES", context)
        found += parse_rates(self.parameterAsString(parameters, "RATES", context), unit, shares)
        found += parse_changes(self.parameterAsString(parameters, "CHANGES", context), unit, shares)
        if not found:
            raise MethodError("indicator_none")
        return found

    def compute(self, parameters, context, feedback):
        from ...core.errors import MethodError
        from ...core.series.derived import (
            DeriveOptions,
            check_definitions,
            derive,
            district_names,
            missing_inputs,
            output_fields,
        )
        from ...gis import indicator_meta, writer

        layer = self.parameterAsVectorLayer(parameters, "INPUT", context)
        indicators = self._indicators(parameters, context)
        options = DeriveOptions(smooth=self.parameterAsBoolean(parameters, "SMOOTH", context),
                                intervals=self.parameterAsBoolean(parameters, "INTERVALS", context),
                                level=self.parameterAsDouble(parameters, "LEVEL", context))
        check_definitions(indicators, options)
        key = self.parameterAsString(parameters, "KEY_FIELD", context) or None
        names = layer.fields().names()
        if key and key not in names:  # read from the copy by its exact name
            raise MethodError("field_not_found", column=key, columns=", ".join(names))
        missing = missing_inputs(indicators, names)
        if missing:  # before anything is written
            raise MethodError("indicator_field_missing", indicator=missing[0][0], column=missing[0][1],
                              columns=", ".join(names))
        fields = [f for ind in indicators for f in output_fields(ind, options)]
        replaced = [f for f in fields if f.lower() in {n.lower() for n in names}]
        if replaced:
            feedback.pushWarning(self.tr("These fields of the input are replaced by the computed ones: {0}")
                                 .format(", ".join(replaced)))
        needed = list(dict.fromkeys([c for ind in indicators for _y, _r, c in ind.inputs()] + ([key] if key else [])))
        dest = output_destination(self, parameters, "OUTPUT", context)
        name = dest.layer_name
        computed = {f.lower() for f in fields}
        earlier = indicator_meta.carried_over(*_gpkg_source(layer), [n for n in names if n.lower() not in computed],
                                              name)  # the copy takes only the layer, not its metadata

        _refuse_identity_fields(layer, key, [(ind.id, f) for ind in indicators for f in output_fields(ind, options)])

        def compute(frame, _source):
            rows = district_names(frame[key].tolist() if key else None, frame.index)
            result = derive(frame, indicators, options, rows)
            holder["result"] = result
            return result

        def finish(path, layer_name):  # the GeoPackage being built gets the fields' descriptions
            records = earlier + indicator_meta.rows(layer_name, indicators, lambda ind: output_fields(ind, options),
                                                    options.level)
            indicator_meta.write(path, layer_name, records)

        holder = {}
        # the source is read through QGIS: virtual fields and fields of a QGIS join are there too
        written = writer.write_results(layer, dest, name, needed, compute, finish=finish, feedback=feedback)
        self._log(holder["result"], indicators, feedback)
        return {"OUTPUT": written.uri, "FIELDS": ",".join(fields)}

    def _log(self, result, indicators, feedback):
        from ...core.formatting import format_value
        from ...toolbelt.i18n import output_language

        lang = output_language()  # a log line: the numbers as the QGIS locale writes them
        for ind in indicators:
            values = result[ind.id].dropna()
            span = (f"{format_value(values.min(), ind.unit, 1, lang=lang)} … "
                    f"{format_value(values.max(), ind.unit, 1, lang=lang)}" if len(values) else "–")
            feedback.pushInfo(self.tr("{0}: a value for {1} of {2} districts ({3})").format(
                ind.id, len(values), len(result), span))


def _refuse_identity_fields(layer, key: str | None, fields: list) -> None:
    """A computed field (``(indicator, field)`` pairs) may replace a count, never the fid, the
    geometry or the key of the districts (nor the source's primary key)."""
    from ...core.errors import MethodError

    names = layer.fields().names()
    identity = ["fid", "geom", "geometry"] + [names[i] for i in layer.dataProvider().pkAttributeIndexes()
                                              if 0 <= i < len(names)]
    identity = {c.lower() for c in identity + ([key] if key else [])}
    for indicator, field in fields:
        if field.lower() in identity:
            raise MethodError("indicator_replaces_identity", indicator=indicator, column=field)


def _gpkg_source(layer) -> tuple[str, str | None]:
    """The file and layer name behind an OGR layer (('', None) for other providers)."""
    from qgis.core import QgsProviderRegistry

    if layer.providerType() != "ogr":
        return "", None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    return parts.get("path") or "", parts.get("layerName") or None


