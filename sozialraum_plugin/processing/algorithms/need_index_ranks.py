"""sozialraum:needindex's uncertainty option: robust ranks (core/needs/robust.py) beside the index.

Kept apart from need_index.py: the parameters, reading them, and adding the rank columns to the
index's result. Off by default; the nominal index is never changed by it.
"""
from __future__ import annotations

from qgis.core import (
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..base import choice_parameter

NORMALISATION_NAMES = ("zscore", "minmax", "rank")


translate = QCoreApplication.translate  # literal contexts: pylupdate5 extracts them


def help_text() -> str:
    return translate(
        "NeedIndexAlgorithm",
        "UNCERTAINTY (default off): robust ranks. The status index is recomputed DRAWS times (default 1000) "
        "with each weight drawn within ± WEIGHT_RANGE of its own (0.5 = ± 50 %, then renormalised), the "
        "scaling drawn from NORMALISATIONS (zscore;minmax;rank) and, with LEAVE_ONE_OUT (default on), one of "
        "k + 1 equally likely variants: all indicators or all but one (as COINr draws its exclusions). Each "
        "draw is standardised again over the valid areas. SEED makes the draws reproducible. Adds per valid "
        "area: rank (1 = most need, of the nominal index as computed above; with the MSS the published one), "
        "rank_low and rank_high (5th and 95th percentile of the draws' ranks: a 90 % interval), rank_median, "
        "and p_top (0–1), the share of draws in which the area is in the TOP_CLASS: highest (the highest need "
        "class: index ≥ the last class limit, with the MSS 'sehr niedrig', ≥ +1.5), two_highest (above the "
        "second last limit: 'niedrig' or 'sehr niedrig') or top_tenth (among the 10 % of valid areas with the "
        "highest index). Areas outside the reference get none of these.")


def parameters() -> list:
    """The advanced parameters of the uncertainty option."""
    number = QgsProcessingParameterNumber.Type
    params = [
        QgsProcessingParameterBoolean(
            "UNCERTAINTY", translate("NeedIndexAlgorithm", "Robust ranks (uncertainty analysis)"), False),
        QgsProcessingParameterNumber("DRAWS", translate("NeedIndexAlgorithm", "Draws"), number.Integer,
                                     1000, minValue=1, maxValue=100000),
        QgsProcessingParameterNumber(
            "WEIGHT_RANGE", translate("NeedIndexAlgorithm", "Weights vary by ± (share of each weight)"),
            number.Double, 0.5, minValue=0.0, maxValue=0.99),  # robust.MAX_WEIGHT_RANGE
        QgsProcessingParameterString(
            "NORMALISATIONS", translate("NeedIndexAlgorithm", "Scalings drawn from (zscore;minmax;rank)"),
            defaultValue="zscore;minmax;rank"),
        QgsProcessingParameterBoolean(
            "LEAVE_ONE_OUT", translate("NeedIndexAlgorithm", "Draws may leave one indicator out"), True),
        QgsProcessingParameterNumber("SEED", translate("NeedIndexAlgorithm", "Seed of the draws"), number.Integer,
                                     1, minValue=0, maxValue=2 ** 31 - 1),  # (read as a C int: larger ones became 0)
        choice_parameter("TOP_CLASS", translate("NeedIndexAlgorithm", "Top need class"), [
            ("highest", translate("NeedIndexAlgorithm", "the highest need class (MSS: sehr niedrig)")),
            ("two_highest", translate("NeedIndexAlgorithm",
                                      "the two highest need classes (MSS: niedrig, sehr niedrig)")),
            ("top_tenth", translate("NeedIndexAlgorithm", "the 10 % of areas with the highest index"))], "highest"),
    ]
    for param in params:
        param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
    return params


def normalisations(text: str) -> tuple:
    """'zscore;minmax' (names or their numbers 0–2, ';' or ',') → ('zscore', 'minmax')."""
    from ...core.errors import SozialraumError

    found = []
    for part in str(text or "").replace(",", ";").split(";"):
        part = part.strip().lower()
        if not part:
            continue
        name = NORMALISATION_NAMES[int(part)] if part.isdigit() and int(part) < 3 else part
        if name not in NORMALISATION_NAMES:
            raise SozialraumError("option_invalid", option="NORMALISATIONS", value=text)
        found.append(name)
    if not found:
        raise SozialraumError("option_invalid", option="NORMALISATIONS", value=text)
    return tuple(dict.fromkeys(found))


def read_options(alg, parameters, context, thresholds, preset: str):
    """RobustOptions from the parameters, or None when UNCERTAINTY is off."""
    from ...core.needs.robust import RobustOptions

    if not alg.parameterAsBool(parameters, "UNCERTAINTY", context):
        return None
    check_names(alg, parameters, context)
    return RobustOptions(
        draws=alg.parameterAsInt(parameters, "DRAWS", context),
        weight_range=alg.parameterAsDouble(parameters, "WEIGHT_RANGE", context),
        normalisations=normalisations(alg.parameterAsString(parameters, "NORMALISATIONS", context)),
        leave_one_out=alg.parameterAsBool(parameters, "LEAVE_ONE_OUT", context),
        seed=alg.parameterAsInt(parameters, "SEED", context),
        top_class=alg.choice(parameters, "TOP_CLASS", context),
        thresholds=tuple(thresholds), ddof=0 if preset == "mss" else 1).check()


def check_names(alg, parameters, context) -> None:
    """Refuse an input field the rank columns would overwrite unless it is one of them from an earlier
    run (all five there, none an input of the index): 'rank' is a common name for a field of one's own."""
    from ...core.errors import SozialraumError
    from ...core.needs.robust import RANK_COLUMNS

    layer = alg.parameterAsVectorLayer(parameters, "INPUT", context)
    names = layer.fields().names() if layer is not None else []
    used = set(alg.parameterAsFields(parameters, "STATUS_FIELDS", context)
               + alg.parameterAsFields(parameters, "DYNAMIC_FIELDS", context)
               + [alg.parameterAsString(parameters, "POPULATION_FIELD", context)])
    rerun = all(c in names for c in RANK_COLUMNS)
    taken = [c for c in RANK_COLUMNS if c in names and (c in used or not rerun)]
    if taken:
        raise SozialraumError("rank_field_taken", field=taken[0], columns=", ".join(RANK_COLUMNS))


def with_ranks(result, frame, status_inds, weights, options, feedback):
    """``result`` (the index's columns) with the rank columns added (a copy); logs what it did."""
    import pandas as pd

    from ...core.needs.robust import robust_ranks

    w = None if not weights else [weights.get(i.id, 1.0) for i in status_inds]
    ranks = robust_ranks(frame, status_inds, result["status_index"], result["valid"], w, options)
    feedback.pushInfo(translate("NeedIndexAlgorithm",
                                "Robust ranks: {draws} draws over {n} valid areas in {seconds:.2f} s (seed {seed}).")
                      .format(draws=ranks.attrs["draws"], n=ranks.attrs["valid"], seconds=ranks.attrs["seconds"],
                              seed=ranks.attrs["seed"]))
    return pd.concat([result.drop(columns=[c for c in ranks.columns if c in result.columns]), ranks], axis=1)
