"""sozialraum:allocate – a budget split by need (per-capita base × social factor), to the cent."""
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

from ..base import SozialraumAlgorithm, language_parameter
from .common import output_destination

NUMERIC = QgsProcessingParameterField.DataType.Numeric
ANY = QgsProcessingParameterField.DataType.Any
DEFAULT_FACTORS = "hoch=0.8;mittel=1.0;niedrig=1.2;sehr niedrig=1.5"


class AllocateAlgorithm(SozialraumAlgorithm):
    NAME = "allocate"

    def displayName(self):  # noqa: N802
        return self.tr("Allocate a budget by need")

    def help_text(self):
        return self.tr(
            "Splits BUDGET (euros) over the districts of INPUT in proportion to POPULATION_FIELD (the target "
            "population, e.g. children under 6) times a need factor from NEED_FIELD (Berlin's Wertausgleich: a "
            "per-capita base multiplied by a social factor). The allocations add up to the budget to the cent: "
            "amounts are whole cents, the cents left after rounding go to the largest remainders (ties: the "
            "district key).\n\nFACTORS: class=factor pairs, e.g. hoch=0.8;mittel=1.0;niedrig=1.2;sehr niedrig=1.5 "
            "or by code 1=0.8;2=1;3=1.2;4=1.5 (the MSS classes in German or English name the same class), for a "
            "class field such as status_class or status_code; or a rule for a continuous index such as "
            "status_index: linear:LOW:HIGH (the smallest index gets LOW, the largest HIGH, linear between) or "
            "slope:A:B[:MIN:MAX] (factor = A + B × index, clipped to MIN … MAX).\n\nFLOOR / CAP (optional): "
            "an amount in euros for every district, or a field holding each district's amount; kept by "
            "water-filling (districts below their floor or above their cap are fixed there, the rest is split "
            "again). Floors above the budget or caps below it are refused with the sums. Districts without a "
            "population or without a factor get nothing and are listed.\n\nOUTPUT: the districts with "
            "need_factor, base_share (the pure per-capita split), allocation, difference (allocation − "
            "base_share), per_capita and allocation_note. TABLE (.xlsx or .csv): each district's base share, "
            "need factor, allocation and difference with a total row, and a sensitivity sheet: every factor "
            "(class) changed by +10 % and −10 %, the allocations and their change per district and the largest "
            "change.\n\nPublication rule: an allocation gives the target population back, and the budget is "
            "printed. With PUBLISHED (default) OUTPUT and TABLE hide the population and the money of districts "
            "whose population count is below THRESHOLD (default 3) or listed in suppressed_fields, and of "
            "enough partners (same class first) that none can be computed back from the total; their sum is "
            "printed as one row. TABLE_INTERNAL: the full table for the finance department, not for "
            "publication.\n\nKEY_FIELD and NAME_FIELD name the districts in the tables. LANGUAGE (de | en): "
            "headers, notes and number marks.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterVectorLayer(
            "INPUT", self.tr("Districts"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterNumber(
            "BUDGET", self.tr("Budget (€)"), QgsProcessingParameterNumber.Type.Double, minValue=0.01))
        self.addParameter(QgsProcessingParameterField(
            "POPULATION_FIELD", self.tr("Target population"), parentLayerParameterName="INPUT", type=NUMERIC))
        self.addParameter(QgsProcessingParameterField(
            "NEED_FIELD", self.tr("Need class or index"), parentLayerParameterName="INPUT", type=ANY))
        self.addParameter(QgsProcessingParameterString(
            "FACTORS", self.tr("Need factors (class=factor;… or linear:LOW:HIGH or slope:A:B[:MIN:MAX])"),
            defaultValue=DEFAULT_FACTORS))
        self.addParameter(QgsProcessingParameterString(
            "FLOOR", self.tr("Floor per district (€ or a field)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            "CAP", self.tr("Cap per district (€ or a field)"), optional=True))
        self.addParameter(QgsProcessingParameterVectorDestination(
            "OUTPUT", self.tr("Districts with allocation"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFileDestination(
            "TABLE", self.tr("Allocation table"), self.tr("XLSX (*.xlsx);;CSV (*.csv)"), optional=True))
        advanced = [
            QgsProcessingParameterField("KEY_FIELD", self.tr("District key"), parentLayerParameterName="INPUT",
                                        optional=True),
            QgsProcessingParameterField("NAME_FIELD", self.tr("District name"), parentLayerParameterName="INPUT",
                                        optional=True),
            QgsProcessingParameterBoolean("PUBLISHED", self.tr("Apply the publication rule to OUTPUT and TABLE"),
                                          defaultValue=True),
            QgsProcessingParameterNumber("THRESHOLD", self.tr("Counts below this are hidden"),
                                         QgsProcessingParameterNumber.Type.Double, defaultValue=3, minValue=0),
            QgsProcessingParameterFileDestination(
                "TABLE_INTERNAL", self.tr("Internal table (every value; not for publication)"),
                self.tr("XLSX (*.xlsx);;CSV (*.csv)"), optional=True, createByDefault=False),
            language_parameter(),
        ]
        for param in advanced:
            param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            self.addParameter(param)
        for name, text in (("ALLOCATED", self.tr("Sum of the allocations (€)")),
                           ("HIDDEN", self.tr("Districts hidden in the published outputs")),
                           ("LARGEST_CHANGE", self.tr("Largest change at ±10 % (€)"))):
            self.addOutput(QgsProcessingOutputNumber(name, text))

    def compute(self, parameters, context, feedback):
        from ...core.supply.allocate import budget_cents, euros, parse_factors
        from ...core.supply.allocate_table import money
        from ...core.supply.allocation_run import AllocationSettings, run_allocation
        from ...gis.allocation_output import write_allocation_layer, write_allocation_table

        layer = self.parameterAsVectorLayer(parameters, "INPUT", context)
        words = self.words(parameters, context)
        settings = AllocationSettings(
            budget=budget_cents(self.parameterAsDouble(parameters, "BUDGET", context)),
            population=self.parameterAsString(parameters, "POPULATION_FIELD", context),
            need=self.parameterAsString(parameters, "NEED_FIELD", context),
            rule=parse_factors(self.parameterAsString(parameters, "FACTORS", context)),
            key=self.parameterAsString(parameters, "KEY_FIELD", context) or "",
            name=self.parameterAsString(parameters, "NAME_FIELD", context) or "",
            floor=self.parameterAsString(parameters, "FLOOR", context) or None,
            cap=self.parameterAsString(parameters, "CAP", context) or None,
            threshold=self.parameterAsDouble(parameters, "THRESHOLD", context))
        published = self.parameterAsBoolean(parameters, "PUBLISHED", context)
        table = self.parameterAsFileOutput(parameters, "TABLE", context) if parameters.get("TABLE") else ""
        internal = self.parameterAsFileOutput(parameters, "TABLE_INTERNAL", context) \
            if parameters.get("TABLE_INTERNAL") else ""
        bound_fields = [v for v in (settings.floor, settings.cap) if v and v in layer.fields().names()]
        fields = [f for f in (settings.key, settings.name, settings.population, settings.need) if f] + bound_fields
        dest = output_destination(self, parameters, "OUTPUT", context, "allocation")

        def compute(frame, hidden):
            return run_allocation(frame, settings, hidden=hidden, words=words)

        written, result = write_allocation_layer(layer, dest, fields, compute, published=published, feedback=feedback)
        files = {}
        if table:
            files["TABLE"] = write_allocation_table(result, table, words, published=published)[0]
        if internal:
            files["TABLE_INTERNAL"] = write_allocation_table(result, internal, words, published=False)[0]
        self._log(result, words, published, feedback)
        allocated = euros(sum(result.allocation.allocation))
        feedback.pushInfo(self.tr("Split {0} over {1} districts.").format(
            money(settings.budget, words), sum(1 for why in result.allocation.excluded if not why)))
        return {"OUTPUT": written.uri, **files, "ALLOCATED": allocated,
                "HIDDEN": len(result.rule.hidden) if published else 0,
                "LARGEST_CHANGE": euros(result.largest_change(published))}

    def _log(self, result, words, published, feedback):
        from ...core.supply.allocate_table import money

        left = [key for key, why in zip(result.data.keys, result.allocation.excluded) if why]
        if left:
            feedback.pushWarning(self.tr("{0} districts get nothing (no population or no need factor): {1}")
                                 .format(len(left), ", ".join(left[:30]) + (" …" if len(left) > 30 else "")))
        if published and result.rule.hidden:
            feedback.pushInfo(self.tr("{0} districts' allocations are hidden in the published outputs ({1} of "
                                      "them as partners, so that none can be computed back from the total).")
                              .format(len(result.rule.hidden), len(result.rule.partners)))
        feedback.pushInfo(self.tr("Largest change of an allocation when a factor changes by ±10 %: {0}")
                          .format(money(result.largest_change(published), words)))
