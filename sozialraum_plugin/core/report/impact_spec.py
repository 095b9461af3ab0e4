"""The report definition's ``"impact"`` section: funded districts against the rest (sozialraum:impact).

    "impact": {"funded_field": "QM", "indicators": ["Q", "K"], "base_year": 2019, "year": 2021}

Funded by exactly one of ``funded_field`` (a field of the district layer: 1/0, ja/nein),
``funded_expression`` (a QGIS expression) or ``areas`` (a polygon file of programme areas,
relative to the definition; ``min_overlap`` per cent of a district's area inside, default 50).
``indicators``: default every indicator with years. ``base_year`` / ``year``: default the first and
last year. ``population``: a field for weights. ``seed``: the bootstrap's. ``title``: the chart's.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Optional

from ..errors import SozialraumError


@dataclass
class ImpactSpec:
    funded_field: str = ""
    funded_expression: str = ""
    areas: str = ""
    min_overlap: float = 50.0
    indicators: list = field(default_factory=list)
    base_year: Optional[int] = None
    year: Optional[int] = None
    population: str = ""
    seed: int = 1
    title: str = ""


def impact_from_json(value: Any, file: str) -> Optional[ImpactSpec]:
    if not value:
        return None

    def bad(reason: str):
        return SozialraumError("definition_invalid", file=file, section="impact", reason=reason)

    if not isinstance(value, dict):
        raise bad("not a JSON object")
    unknown = sorted(set(value) - set(ImpactSpec.__dataclass_fields__))
    if unknown:
        raise bad("unknown keys: " + ", ".join(unknown))
    spec = ImpactSpec(**value)
    if sum(bool(str(v).strip()) for v in (spec.funded_field, spec.funded_expression, spec.areas)) != 1:
        raise bad("name the funded districts by exactly one of funded_field, funded_expression, areas")
    if not isinstance(spec.indicators, list) or not all(isinstance(i, str) for i in spec.indicators):
        raise bad("indicators is a list of indicator ids")
    for name in ("base_year", "year"):
        v = getattr(spec, name)
        if v is not None and (isinstance(v, bool) or not isinstance(v, int)):
            raise bad(f"{name} is a year (a whole number)")
    if isinstance(spec.seed, bool) or not isinstance(spec.seed, int) or spec.seed < 0:
        raise bad("seed is a whole number, 0 or more")  # (numpy refuses a negative seed)
    if isinstance(spec.min_overlap, bool) or not isinstance(spec.min_overlap, (int, float)) \
            or not 0 <= spec.min_overlap <= 100:
        raise bad("min_overlap is a share of the area in per cent (0 to 100)")
    return spec


def impact_to_json(spec: ImpactSpec) -> dict:
    """Only what differs from the defaults: a definition stays as short as written."""
    default = asdict(ImpactSpec())
    return {k: v for k, v in asdict(spec).items() if v != default[k]}
