"""The ``"supply"`` section of a report definition, parsed and written back.

    "supply": {"facilities": "berlin-daycare-centers-2026-07-details.csv", "x": "lon", "y": "lat",
               "crs": "EPSG:4326", "id": "id", "capacity": "places", "target": "unter6",
               "standard": 1.0, "method": "catchment", "distance": 1000, "need_field": "status_class"}

``facilities`` is relative to the definition file (or absolute); ``x``/``y``/``crs`` only for a
table; ``network``: a line layer of roads (relative too); ``need_high`` as sozialraum:supply's NEED_HIGH.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any, Optional

from ..errors import SozialraumError
from .indicators import derived_inputs, supply_indicators
from .result import FIELDS

METHODS = ("inside", "catchment")


@dataclass
class SupplySpec:
    facilities: str = ""
    x: str = ""
    y: str = ""
    crs: str = ""
    id: str = ""
    capacity: str = ""
    target: str = ""
    standard: Optional[float] = None
    method: str = "inside"
    distance: float = 1000.0
    network: str = ""
    need_field: str = ""
    need_high: str = ""

    def to_dict(self) -> dict:
        """Only what is set: a hand-written section stays as short as it was."""
        defaults = asdict(SupplySpec())
        return {k: v for k, v in asdict(self).items() if k == "facilities" or v != defaults[k]}

    def params(self, resolve) -> dict:
        """sozialraum:supply's parameters (INPUT and OUTPUT are the caller's)."""
        found = {"FACILITIES": resolve(self.facilities), "METHOD": self.method, "DISTANCE": self.distance}
        for name, value in (("X_FIELD", self.x), ("Y_FIELD", self.y), ("FACILITIES_CRS", self.crs),
                            ("ID_FIELD", self.id), ("CAPACITY_FIELD", self.capacity), ("TARGET_FIELD", self.target),
                            ("NEED_FIELD", self.need_field), ("NEED_HIGH", self.need_high),
                            ("STANDARD", self.standard), ("NETWORK", resolve(self.network) if self.network else "")):
            if value not in ("", None):
                found[name] = value
        return found


def supply_from_json(data: Any, file: str) -> Optional[SupplySpec]:
    if not data:
        return None
    if not isinstance(data, dict):
        raise SozialraumError("supply_definition_invalid", file=file, reason="not a JSON object")
    unknown = sorted(set(data) - set(SupplySpec.__dataclass_fields__))
    if unknown:
        raise SozialraumError("supply_definition_invalid", file=file, reason="unknown entries: " + ", ".join(unknown))
    try:
        spec = SupplySpec(**data)
    except TypeError as error:
        raise SozialraumError("supply_definition_invalid", file=file, reason=str(error)) from None
    if not str(spec.facilities or "").strip():
        raise SozialraumError("supply_definition_invalid", file=file, reason="facilities is missing")
    if spec.method not in METHODS:
        raise SozialraumError("supply_definition_invalid", file=file,
                              reason=f"method {spec.method!r} is not inside or catchment")
    if bool(spec.x) != bool(spec.y):
        raise SozialraumError("supply_definition_invalid", file=file, reason="x and y go together")
    for name in ("standard", "distance"):
        value = getattr(spec, name)
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0):
            raise SozialraumError("supply_definition_invalid", file=file,
                                  reason=f"{name} {json.dumps(value)} is no number ≥ 0")
    return spec


def made_fields(spec: Optional[SupplySpec]) -> set:
    return set(FIELDS) if spec else set()


def referenced(spec: Optional[SupplySpec]) -> list:
    """(section, id) of the district fields the section uses."""
    if not spec:
        return []
    return [(f"supply.{name}", getattr(spec, name)) for name in ("target", "need_field") if getattr(spec, name)]


def rule_additions(definition, frame_columns) -> tuple[list, dict]:
    """(indicators, derived) the publication rule needs for the supply fields: the declared
    indicators win; an undeclared supply field is added (a rate must never slip past the rule)."""
    spec = getattr(definition, "supply", None)
    if not spec or "supply_count" not in frame_columns:
        return [], {}
    declared = {i.id for i in definition.indicators}
    extra = [i for i in supply_indicators(spec.target) if i.id not in declared]
    return extra, derived_inputs(spec.target, spec.need_field)


def map_paths(spec: Optional[SupplySpec], change) -> None:
    """``change`` applied to the section's paths (facilities, network), in place."""
    if spec:
        spec.facilities = change(spec.facilities)
        spec.network = change(spec.network) if spec.network else ""
