"""The INDICATORS parameter the algorithms share, and their indicators read from it and the older
text parameters (core/series/indicator_params.py reads both; this only takes them from Processing)."""
from __future__ import annotations

from qgis.core import QgsProcessingParameterString
from qgis.PyQt.QtCore import QCoreApplication

translate = QCoreApplication.translate
#: The older text parameters an algorithm may have, by the keyword of resolve_indicators.
OLDER = {"labels": "LABELS", "directions": "DIRECTIONS", "rates": "RATES", "thresholds": "THRESHOLDS"}


def indicators_parameter() -> QgsProcessingParameterString:
    """INDICATORS: a JSON list of indicators (Indicator.to_dict), e.g. a report definition's list.

    A multi-line string, not a QgsProcessingParameterMatrix or a custom type: it runs unchanged in
    qgis_process, processing.run, batch mode and models on QGIS 3.22 to 3.40, and it is the very
    text a definition holds (a matrix would flatten the optional keys into fixed columns)."""
    return QgsProcessingParameterString(
        "INDICATORS", translate("IndicatorsParameter", "Indicators (JSON, as in a report definition)"),
        multiLine=True, optional=True)


def resolve(alg, parameters, context, fields, feedback=None, **options) -> list:
    """One Indicator per field from INDICATORS and the algorithm's older parameters (those it has);
    ``options`` go to resolve_indicators (alias, default_direction, strict, counts)."""
    from ...core.series.indicator_params import resolve_indicators

    older = {key: alg.parameterAsString(parameters, name, context) for key, name in OLDER.items()
             if alg.parameterDefinition(name) is not None
             and isinstance(alg.parameterDefinition(name), QgsProcessingParameterString)}
    resolved = resolve_indicators(fields, alg.parameterAsString(parameters, "INDICATORS", context),
                                  **older, **options)
    if feedback is not None and resolved.overridden:
        feedback.pushWarning(translate("IndicatorsParameter", "INDICATORS describes {0}: the older parameters' "
                                       "entries for them (LABELS, DIRECTIONS, RATES, COUNT_FIELDS, THRESHOLDS) "
                                       "are ignored.").format(", ".join(resolved.overridden)))
    if feedback is not None and resolved.unused:
        feedback.pushInfo(translate("IndicatorsParameter", "INDICATORS entries that are none of the fields, "
                                    "left out: {0}").format(", ".join(resolved.unused)))
    return resolved.indicators


def warn_no_direction(indicators, feedback) -> None:
    """An index or clusters combine their indicators oriented to need: one with no direction (0, a
    context indicator) enters as +1. Said, naming it: a Kita coverage taken so counts more places
    as more need, the reverse of what was meant, and nothing told the planner."""
    zero = [ind.id for ind in indicators if ind.direction == 0]
    if zero and feedback is not None:
        feedback.pushWarning(translate("IndicatorsParameter", "No direction (0) given for {0}: taken as +1 "
                                       "(higher value = more need) here. Give +1 or -1 where lower values mean "
                                       "more need.").format(", ".join(zero)))
