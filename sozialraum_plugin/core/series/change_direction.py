"""A change takes the direction of what it is a change of, unless it says its own.

A rise of the employment rate (direction −1: lower = more need) is good news too: written by hand,
``{"id": "DB", "of": "B", "change_between": [2019, 2021]}`` without a ``"direction"`` of its own
was read as +1 and coloured the rise red. Entries are matched on the column they read (``"of"`` /
``"base"`` / the id) or, for rates, on numerator and denominator. The mark in ``extra`` lets a
definition be written back as it was read (no ``"direction"`` that the file did not have).
"""
from __future__ import annotations

from typing import Any

#: Marks (in an indicator's ``extra``) a direction taken from the base indicator.
INHERITED_MARK = "direction_from_base"


def _key(item: dict):
    if item.get("kind") == "rate" and item.get("numerator") and item.get("denominator"):
        return ("rate", item["numerator"], item["denominator"])
    return ("value", item.get("of") or item.get("base") or item.get("id"))


def inherit_directions(items: Any) -> Any:
    """``items`` (a definition's or INDICATORS' list of dicts) with each change that names no
    direction given its base indicator's, where the list has that base. Anything else unchanged
    (bad entries are named later by the indicator's own checks)."""
    if not isinstance(items, list):
        return items
    bases = {}
    for item in items:
        if isinstance(item, dict) and not item.get("change_between") and "direction" in item:
            bases.setdefault(_key(item), item["direction"])
    out = []
    for item in items:
        if isinstance(item, dict) and item.get("change_between") and "direction" not in item \
                and isinstance(item.get("extra") or {}, dict) and bases.get(_key(item), 1) != 1:
            item = {**item, "direction": bases[_key(item)],
                    "extra": {**(item.get("extra") or {}), INHERITED_MARK: True}}
        out.append(item)
    return out


def written_entry(entry: dict, base_direction) -> dict:
    """A change's entry as written back: without the direction it took from its base while the
    two still agree (changed since, e.g. in the builder, it is the change's own)."""
    extra = dict(entry.get("extra") or {})
    if not extra.pop(INHERITED_MARK, False):
        return entry
    entry = {k: v for k, v in entry.items() if k != "extra"}
    if extra:
        entry["extra"] = extra
    own = entry.get("direction", 1)
    if own == base_direction:
        entry.pop("direction", None)
    else:  # its own now, also where that is +1 (left out, it would be taken from the base again)
        entry["direction"] = own
    return entry


def base_direction(ind, indicators) -> Any:
    """The direction of the indicator ``ind`` (a change) is a change of, among ``indicators``."""
    key = _key({"kind": ind.kind, "numerator": ind.numerator, "denominator": ind.denominator,
                "of": ind.of, "base": ind.base, "id": ind.id})
    for other in indicators:
        if not other.change_between and _key({"kind": other.kind, "numerator": other.numerator,
                                              "denominator": other.denominator, "of": other.of,
                                              "base": other.base, "id": other.id}) == key:
            return other.direction
    return None
