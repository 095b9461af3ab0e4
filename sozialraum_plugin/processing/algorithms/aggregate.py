"""sozialraum:aggregate – districts summed to their parent level, rates from the sums, dissolved."""
from __future__ import annotations

import os

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorDestination,
    QgsProcessingParameterVectorLayer,
    QgsProcessingUtils,
)

from ..base import SozialraumAlgorithm, language_parameter
from .common import output_destination


class AggregateAlgorithm(SozialraumAlgorithm):
    NAME = "aggregate"

    def displayName(self):  # noqa: N802
        return self.tr("Aggregate districts to a parent level")

    def help_text(self):
        return self.tr(
            "Sums the counts of the districts of INPUT per parent (Planungsraum → Bezirksregion → "
            "Bezirk) and writes one dissolved polygon per parent: the parent key, n_children (the "
            "number of districts it was built from), the summed counts and the rates.\n\n"
            "The parent comes from PARENT_FIELD (a field of INPUT), or from a LOOKUP table (CSV, "
            "TXT, XLSX, ODS or a table layer) with the district key in LOOKUP_KEY and the parent key "
            "in LOOKUP_PARENT; KEY_FIELD is then the district key of INPUT. Keys are compared as "
            "text (01100101 keeps its zero); a lookup written with other key forms (1100101) is "
            "matched as the join does. PARENT_NAME: a name carried along (a column of LOOKUP, or "
            "without LOOKUP a field of INPUT). Districts without a parent are listed by key.\n\n"
            "COUNT_FIELDS are summed. RATES: name=numerator/denominator;… computed from the summed "
            "counts (Σ numerator / Σ denominator × scale, never an average of the districts' "
            "rates); the scale follows UNIT (% → 100, ‰ → 1000, 'je 1.000' → 1000), an entry may "
            "give its own after a bar: kq=unter6/Gesamt|‰.\n\n"
            "A parent with a missing count of one of its districts has no value for it, not a "
            "smaller sum; tick MISSING_AS_ZERO only for a table that writes zero as empty or '–'.\n\n"
            "The output is for publication: counts below SUPPRESS_BELOW (default 3) are NULL, as "
            "are parents that would give a hidden district count back (a parent minus its shown "
            "districts), parents that would come back from the city total, and rates from hidden "
            "counts; suppressed_fields lists them. The districts are assumed published by the same "
            "rule (with POPULATION_FIELD and MIN_POPULATION where given); cells the office already "
            "suppressed (suppressed_fields of a joined layer) count as hidden. Give INPUT with raw "
            "values: a district NULLed by a publication makes its parent's sum missing."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterVectorLayer(
            "INPUT", self.tr("Districts with counts"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            "KEY_FIELD", self.tr("District key"), None, "INPUT", optional=True))
        self.addParameter(QgsProcessingParameterField(
            "PARENT_FIELD", self.tr("Parent key field"), None, "INPUT", optional=True))
        self.addParameter(QgsProcessingParameterFile(
            "LOOKUP", self.tr("Lookup table (district key → parent key)"), optional=True,
            fileFilter=self.tr("Tables (*.csv *.txt *.tsv *.xlsx *.ods);;All files (*.*)")))
        self.addParameter(QgsProcessingParameterString(
            "LOOKUP_KEY", self.tr("Lookup: district key column"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            "LOOKUP_PARENT", self.tr("Lookup: parent key column"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            "PARENT_NAME", self.tr("Parent name (column of LOOKUP, else field of INPUT)"), optional=True))
        self.addParameter(QgsProcessingParameterField(
            "COUNT_FIELDS", self.tr("Counts to sum"), None, "INPUT", allowMultiple=True, optional=True))
        self.addParameter(QgsProcessingParameterString(
            "RATES", self.tr("Rates (name=numerator/denominator;…)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            "UNIT", self.tr("Unit of the rates"), defaultValue="%", optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            "MISSING_AS_ZERO", self.tr("A missing count is zero"), defaultValue=False))
        self.addParameter(QgsProcessingParameterNumber(
            "SUPPRESS_BELOW", self.tr("Suppress counts below"), QgsProcessingParameterNumber.Type.Integer, 3,
            minValue=0))
        self.addParameter(QgsProcessingParameterField(
            "POPULATION_FIELD", self.tr("Population field (for the districts' population rule)"), None, "INPUT",
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            "MIN_POPULATION", self.tr("Minimum population"), QgsProcessingParameterNumber.Type.Integer, 300,
            minValue=0))
        raw = QgsProcessingParameterBoolean("RAW", self.tr("Raw sums, without the publication rule (internal)"),
                                            defaultValue=False)
        raw.setFlags(raw.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(raw)
        self.addParameter(language_parameter())
        self.addParameter(QgsProcessingParameterVectorDestination(
            "OUTPUT", self.tr("Parents (GeoPackage)"), QgsProcessing.SourceType.TypeVectorPolygon))
        for name, text in (("PARENTS", self.tr("Parents written")),
                           ("UNMATCHED", self.tr("Districts without a parent")),
                           ("HIDDEN", self.tr("Parent cells hidden"))):
            self.addOutput(QgsProcessingOutputNumber(name, text))

    def _lookup(self, parameters, context):
        """The lookup as a text frame and the name to cite in messages (None without LOOKUP)."""
        from ...core.errors import TableError
        from ...core.tables.read import read_frame, read_table

        source = self.parameterAsFile(parameters, "LOOKUP", context)
        if not source:
            return None, ""
        keys = [self.parameterAsString(parameters, name, context).strip() for name in ("LOOKUP_KEY", "LOOKUP_PARENT")]
        if source and os.path.isfile(source):
            return read_table(source, key_columns=[k for k in keys if k]).frame, source
        layer = QgsProcessingUtils.mapLayerFromString(source, context)
        if layer is None:
            raise TableError("file_not_found", file=source)
        from ...gis.layers import attributes_as_text

        return read_frame(attributes_as_text(layer), name=layer.name(), key_columns=[k for k in keys if k]).frame, \
            layer.name()

    def compute(self, parameters, context, feedback):
        import pandas as pd

        from ...core.areas.aggregate import aggregate, count_values, parents_from_field, parents_from_lookup
        from ...core.errors import MethodError
        from ...core.publish import publication_rule
        from ...core.publish.hierarchy import parent_rule
        from ...core.publish.rule import cells_from_markers
        from ...core.series.indicator_params import parse_rates
        from ...gis.layers import attributes_as_text
        from ...gis.publish_layer import markers

        words = self.words(parameters, context)
        layer = self.parameterAsVectorLayer(parameters, "INPUT", context)
        key = self.parameterAsString(parameters, "KEY_FIELD", context) or None
        parent_field = self.parameterAsString(parameters, "PARENT_FIELD", context) or None
        name = self.parameterAsString(parameters, "PARENT_NAME", context).strip() or None
        counts = self.parameterAsFields(parameters, "COUNT_FIELDS", context)
        rates = parse_rates(self.parameterAsString(parameters, "RATES", context),
                            self.parameterAsString(parameters, "UNIT", context).strip())
        population = self.parameterAsString(parameters, "POPULATION_FIELD", context) or None
        lookup, lookup_file = self._lookup(parameters, context)
        if (lookup is None) == (parent_field is None):
            raise MethodError("aggregate_parent_source")
        names_in = layer.fields().names()
        wanted = [n for n in dict.fromkeys([key, parent_field, population, *counts, *markers(layer)]
                                           + [c for r in rates for c in (r.numerator, r.denominator)]
                                           + ([name] if name and lookup is None else [])) if n]
        for column in wanted:
            if column not in names_in:
                raise MethodError("field_not_found", column=column, columns=", ".join(names_in))
        frame = attributes_as_text(layer, wanted)
        for column in wanted:  # a number field as its numbers: its text '2.125' is no German 2125
            if column not in (key, parent_field) and layer.fields().field(column).isNumeric():
                frame[column] = pd.to_numeric(frame[column]).astype(float)
        fids = [f.id() for f in layer.getFeatures(_no_geometry())]
        frame.index = fids
        child_keys = frame[key] if key else frame.index.to_series().map(lambda f: f"fid {f}")
        names = None
        if lookup is not None:
            if not key:
                raise MethodError("field_not_found", column="KEY_FIELD", columns=", ".join(names_in))
            parent_key = self.parameterAsString(parameters, "LOOKUP_PARENT", context).strip()
            parent_of, names, transform = parents_from_lookup(
                child_keys, lookup, self.parameterAsString(parameters, "LOOKUP_KEY", context).strip(),
                parent_key, name, file=lookup_file)
            if transform.kind != "exact":
                feedback.pushInfo(words.translate("AggregateAlgorithm", "Keys compared: {0}").format(
                    transform.description))
        else:
            parent_key = parent_field
            parent_of = parents_from_field(frame, parent_field)
            names = frame[name] if name else None
        result = aggregate(frame, parent_of, counts, rates, keys=child_keys.tolist(), names=names,
                           parent_column=parent_key, name_column=name,
                           missing_as_zero=self.parameterAsBoolean(parameters, "MISSING_AS_ZERO", context))
        parents = result.parents
        if self.parameterAsBoolean(parameters, "RAW", context):  # a report's step: its own rule decides
            return self._write(parameters, context, feedback, words, layer, frame, result, parent_key, name, None)
        threshold = self.parameterAsInt(parameters, "SUPPRESS_BELOW", context)
        min_population = self.parameterAsDouble(parameters, "MIN_POPULATION", context) if population else None
        hidden = cells_from_markers(frame, markers(layer))
        child_numbers = count_values(frame, list(dict.fromkeys(result.counts + ([population] if population else []))),
                                     child_keys.tolist())
        child_pub = publication_rule(child_numbers, rates, counts=result.counts, population=population,
                                     min_population=min_population, threshold=threshold, hidden=hidden)
        parent_pub = publication_rule(parents, rates, counts=result.counts, threshold=threshold,
                                      population=population if population in result.counts else None,
                                      min_population=min_population)
        valid = [child_numbers[population] >= min_population] if population else []  # Σ of the valid ones too
        publication = parent_rule(parent_pub, parents, parents[parent_key], child_pub, child_numbers,
                                  result.parent_of, totals=valid)
        return self._write(parameters, context, feedback, words, layer, frame, result, parent_key, name, publication)

    def _write(self, parameters, context, feedback, words, layer, frame, result, parent_key, name, publication):
        from ...gis.parent_layer import dissolved, write_parents

        parents = result.parents
        repaired = []
        geometries = dissolved(layer, dict(zip(frame.index, result.parent_of)), repaired)
        if repaired:
            key = self.parameterAsString(parameters, "KEY_FIELD", context)
            keys = frame[key].to_dict() if key in frame.columns else {}
            listed = ", ".join(str(keys.get(f) or f"fid {f}") for f in repaired[:20])
            listed += " …" if len(repaired) > 20 else ""
            feedback.pushWarning(words.translate(
                "AggregateAlgorithm", "{0} districts had an invalid polygon, repaired before the union: {1}").format(
                len(repaired), listed))
        dest = output_destination(self, parameters, "OUTPUT", context)
        written = write_parents(
            layer, geometries, publication.apply(parents) if publication else parents, parent_key, dest,
            dest.layer_name, text_columns=[name] if name else [],
            hidden_fields=[t or None for t in publication.hidden_fields()] if publication else None)
        self._log(feedback, words, result, publication)
        hidden = publication.mask[[c for c in result.counts if c in publication.mask]].to_numpy().sum() \
            if publication else 0
        return {"OUTPUT": written.uri, "PARENTS": len(parents), "UNMATCHED": len(result.unmatched),
                "HIDDEN": int(hidden)}

    def _log(self, feedback, words, result, publication):
        w = words
        feedback.pushInfo(w.translate("AggregateAlgorithm", "{0} parents from {1} districts.").format(
            len(result.parents), int(result.parents["n_children"].sum())))
        if result.unmatched:
            listed = ", ".join(result.unmatched[:20]) + (" …" if len(result.unmatched) > 20 else "")
            text = w.translate("AggregateAlgorithm", "{0} districts have no parent and are in no sum: {1}")
            feedback.pushWarning(text.format(len(result.unmatched), listed))
        for column, parents in result.incomplete.items():
            feedback.pushWarning(w.translate("AggregateAlgorithm", "{0}: a district count is missing in {1} parents "
                                                                   "({2})").format(column, len(parents),
                                                                                   ", ".join(parents[:10])))
        if publication is None:
            return
        hidden = publication.counts_by_reason()
        feedback.pushInfo(w.translate("AggregateAlgorithm", "Hidden by the publication rule: {0} small, "
                                                            "{1} complementary, {2} derived.").format(
            hidden["small"], hidden["complementary"], hidden["derived"]))


def _no_geometry():
    from qgis.core import QgsFeatureRequest

    return QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry).setNoAttributes()

