"""The report definition's ``"allocation"`` section: a budget split by need as a report step.

``{"budget": 1000000, "population": "unter6", "need_field": "status_class",
"factors": {"hoch": 0.8, "mittel": 1.0, "niedrig": 1.2, "sehr niedrig": 1.5}, "floor": 0, "cap": null}``;
``factors`` may also be a FACTORS text (``"linear:0.5:1.5"``); ``floor`` / ``cap`` an amount in
euros or a field name. Parsed here, so definition.py only calls :func:`allocation_from_json`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from ..errors import SozialraumError
from .allocate import budget_cents, cents, parse_factors

FIELDS = ("need_factor", "base_share", "allocation", "difference", "per_capita", "allocation_note")
DEFAULT_FACTORS = {"hoch": 0.8, "mittel": 1.0, "niedrig": 1.2, "sehr niedrig": 1.5}


@dataclass
class AllocationSpec:
    budget: float = 0.0
    population: str = ""
    need_field: str = "status_class"
    factors: Any = field(default_factory=lambda: dict(DEFAULT_FACTORS))
    floor: Optional[Any] = None
    cap: Optional[Any] = None

    def factors_text(self) -> str:
        return parse_factors(self.factors).text()

    def to_dict(self) -> dict:
        return {"budget": self.budget, "population": self.population, "need_field": self.need_field,
                "factors": self.factors, "floor": self.floor, "cap": self.cap}


def _reason(file: str, reason: str):
    return SozialraumError("allocate_invalid_definition", file=file, reason=reason)


def allocation_from_json(data: Any, file: str = "definition") -> Optional[AllocationSpec]:
    """The section checked (budget, fields, factors, bounds), or None where there is none."""
    if not data:
        return None
    if not isinstance(data, dict):
        raise _reason(file, "not a JSON object")
    unknown = sorted(set(data) - set(AllocationSpec.__dataclass_fields__))
    if unknown:
        raise _reason(file, "unknown entries: " + ", ".join(unknown))
    spec = AllocationSpec(**data)
    try:
        if budget_cents(spec.budget, "budget") <= 0:
            raise _reason(file, f"budget {spec.budget!r} is not above 0")
        parse_factors(spec.factors)
        for name in ("floor", "cap"):
            value = getattr(spec, name)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                cents(value, name)
            elif isinstance(value, str) and value.strip():  # a field name, or an amount as text
                try:
                    cents(value, name)
                except SozialraumError as error:
                    if error.code == "allocate_amount_ambiguous":  # "5.000": 5 € or 5000 €?
                        raise
    except SozialraumError as error:
        if error.code == "allocate_invalid_definition":
            raise
        raise _reason(file, error.english()) from None
    if not str(spec.population or "").strip():
        raise _reason(file, "population (the target population's field) is missing")
    if not str(spec.need_field or "").strip():
        raise _reason(file, "need_field is missing")
    return spec
