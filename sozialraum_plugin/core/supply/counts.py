"""Facilities per district: count, capacity, capacity per 1,000 of the target group, coverage.

Pure pandas/numpy. A facility is assigned to a district by the adapters (point-in-polygon);
``-1`` means it lies outside every district: such facilities are counted and named, never
dropped silently.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd


@dataclass
class Facilities:
    """The facilities as read: id (text), capacity (1 each without a capacity field), position."""

    ids: list
    capacity: np.ndarray
    x: np.ndarray
    y: np.ndarray
    skipped: list = field(default_factory=list)  # (id, reason) of rows without usable coordinates

    def __len__(self) -> int:
        return len(self.ids)


def duplicated_ids(ids) -> list:
    """Ids that occur more than once (text compare: '0101' and '101' differ), sorted."""
    seen, twice = set(), set()
    for value in ids:
        if value in seen:
            twice.add(value)
        seen.add(value)
    return sorted(twice, key=str)


def per_district(district_of: np.ndarray, capacity: np.ndarray, n_districts: int) -> tuple:
    """(count, capacity) per district from each facility's district index (-1: outside)."""
    district_of = np.asarray(district_of, dtype=int)
    inside = district_of >= 0
    count = np.bincount(district_of[inside], minlength=n_districts).astype(int)
    places = np.bincount(district_of[inside], weights=np.asarray(capacity, dtype=float)[inside],
                         minlength=n_districts)
    return count, places


def per_1000(capacity, target) -> np.ndarray:
    """Capacity per 1,000 of the target group; NaN where the target is missing or 0."""
    cap = np.asarray(capacity, dtype=float)
    tgt = np.asarray(target, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = cap / tgt * 1000.0
    out[~(np.isfinite(tgt) & (tgt > 0))] = np.nan
    return out


def coverage(places_per_1000, standard: float | None) -> np.ndarray:
    """Places per target person against the standard (1.0 = exactly the standard); NaN without one."""
    values = np.asarray(places_per_1000, dtype=float)
    if not standard or standard <= 0:
        return np.full(len(values), np.nan)
    return values / 1000.0 / float(standard)


def city_value(places, target) -> float:
    """Σ places / Σ target × 1,000 over the districts with a target value (NaN without any)."""
    places = pd.to_numeric(pd.Series(places), errors="coerce").to_numpy(dtype=float)
    tgt = pd.to_numeric(pd.Series(target), errors="coerce").to_numpy(dtype=float)
    known = np.isfinite(tgt) & np.isfinite(places)
    total = tgt[known].sum()
    return float(places[known].sum() / total * 1000.0) if total > 0 else float("nan")
