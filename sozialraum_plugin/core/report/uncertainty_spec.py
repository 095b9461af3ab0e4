"""The index's uncertainty option in a report definition: robust ranks (core/needs/robust.py).

``"index": {..., "uncertainty": {"draws": 1000, "weight_range": 0.5, "seed": 1}}``; further entries
``normalisations`` (["zscore", "minmax", "rank"]), ``leave_one_out`` (true) and ``top_class``
(highest | two_highest | top_tenth). Parsed here so that definition.py only calls it; a definition
without the entry is written back without it (older files stay as they were).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from ..needs.robust import MAX_DRAWS, MAX_WEIGHT_RANGE, RANK_COLUMNS, TOP_CLASSES
from ..needs.scaling import METHODS

MAX_SEED = 2 ** 31 - 1  # SEED is an integer parameter of Processing (a C int)


@dataclass
class UncertaintySpec:
    draws: int = 1000
    weight_range: float = 0.5
    seed: int = 1
    normalisations: list = field(default_factory=lambda: list(METHODS))
    leave_one_out: bool = True
    top_class: str = "highest"


def _invalid(file: str, reason: str):
    from .definition import DefinitionError

    return DefinitionError("definition_invalid", file=file, section="index.uncertainty", reason=reason)


def uncertainty_from_json(data: Any, file: str) -> UncertaintySpec | None:
    """The entry as written (None, false or {} = off; true = the defaults), checked."""
    if data is None or data is False or data == {}:
        return None
    if data is True:
        return UncertaintySpec()
    if not isinstance(data, dict):
        raise _invalid(file, "not a JSON object")
    unknown = sorted(set(data) - set(UncertaintySpec.__dataclass_fields__))
    if unknown:
        raise _invalid(file, "unknown entries: " + ", ".join(unknown))
    spec = UncertaintySpec(**data)
    if isinstance(spec.draws, bool) or not isinstance(spec.draws, int) or not 1 <= spec.draws <= MAX_DRAWS:
        raise _invalid(file, f"draws must be a whole number from 1 to {MAX_DRAWS}, not {spec.draws!r}")
    if isinstance(spec.weight_range, bool) or not isinstance(spec.weight_range, (int, float)) \
            or not 0 <= spec.weight_range <= MAX_WEIGHT_RANGE:  # (sozialraum:needindex's own limits)
        raise _invalid(file, f"weight_range must be a number from 0 to {MAX_WEIGHT_RANGE}, not {spec.weight_range!r}")
    if isinstance(spec.seed, bool) or not isinstance(spec.seed, int) or not 0 <= spec.seed <= MAX_SEED:
        raise _invalid(file, f"seed must be a whole number from 0 to {MAX_SEED}, not {spec.seed!r}")
    if not isinstance(spec.normalisations, list) or not spec.normalisations \
            or any(m not in METHODS for m in spec.normalisations):
        raise _invalid(file, f"normalisations must be a list of {', '.join(METHODS)}, not {spec.normalisations!r}")
    if not isinstance(spec.leave_one_out, bool):
        raise _invalid(file, f"leave_one_out must be true or false, not {spec.leave_one_out!r}")
    if spec.top_class not in TOP_CLASSES:
        raise _invalid(file, f"top_class must be one of {', '.join(TOP_CLASSES)}, not {spec.top_class!r}")
    return spec


def with_uncertainty(index, file: str):
    """``index`` (an IndexSpec just read) with its ``uncertainty`` entry parsed."""
    if index is not None:
        index.uncertainty = uncertainty_from_json(index.uncertainty, file)
    return index


def index_dict(index) -> dict:
    """The IndexSpec as JSON: without ``uncertainty`` when it is off."""
    data = asdict(index)
    if data.get("uncertainty") is None:
        data.pop("uncertainty", None)
    return data


def rank_fields(index) -> list:
    """The columns the index step adds with the option on (none without)."""
    return list(RANK_COLUMNS) if index is not None and getattr(index, "uncertainty", None) else []


def uncertainty_params(index) -> dict:
    """sozialraum:needindex's parameters for the option (empty when it is off)."""
    spec = getattr(index, "uncertainty", None) if index is not None else None
    if not spec:
        return {}
    return {"UNCERTAINTY": True, "DRAWS": spec.draws, "WEIGHT_RANGE": float(spec.weight_range),
            "NORMALISATIONS": ";".join(spec.normalisations), "LEAVE_ONE_OUT": spec.leave_one_out,
            "SEED": spec.seed, "TOP_CLASS": spec.top_class}
