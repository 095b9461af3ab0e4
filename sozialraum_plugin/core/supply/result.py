"""The output columns of sozialraum:supply from the pieces (counts, 2SFCA, categories).

Column names are stable (English); the algorithm gives them aliases in the output language.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .categories import ENGLISH, category_codes, category_labels, high_need, low_supply
from .counts import city_value, coverage, per_1000, per_district

COUNT, CAPACITY, PER_1000, COVERAGE, ACCESS, CATEGORY, CATEGORY_LABEL = (
    "supply_count", "supply_capacity", "supply_per_1000", "supply_coverage", "supply_access",
    "supply_category", "supply_category_label")
FIELDS = (COUNT, CAPACITY, PER_1000, COVERAGE, ACCESS, CATEGORY, CATEGORY_LABEL)


@dataclass
class SupplyResult:
    frame: pd.DataFrame  # one row per district, index as given
    outside: list = field(default_factory=list)  # ids of facilities outside every district
    city_per_1000: float = float("nan")
    city_access: float = float("nan")  # Σ A_i·P_i / Σ P_i: the population-weighted mean score
    reached_capacity: float = float("nan")  # capacity of the facilities someone reaches (catchment)
    unreached: list = field(default_factory=list)  # ids of facilities no district reaches (catchment)


def supply_columns(index, district_of, facilities, target=None, *, standard: float | None = None,
                   access=None, need: pd.Series | None = None, need_high: str = "",
                   labels: dict | None = None) -> SupplyResult:
    """The result frame. ``district_of``: each facility's district position (-1 outside);
    ``target``: the target population per district (None: no rates); ``access``: a
    :class:`~.access.Access` (catchment) or None (inside: the score stays NULL); ``need``: the
    need field per district (None: the category is supply only)."""
    n = len(index)
    count, places = per_district(district_of, facilities.capacity, n)
    frame = pd.DataFrame({COUNT: count, CAPACITY: places}, index=index)
    tgt = None if target is None else pd.to_numeric(pd.Series(list(target)), errors="coerce").to_numpy(float)
    result = SupplyResult(frame, [facilities.ids[i] for i in np.flatnonzero(np.asarray(district_of) < 0)])
    if tgt is None:
        for name in (PER_1000, COVERAGE, ACCESS, CATEGORY):
            frame[name] = np.nan
        frame[CATEGORY_LABEL] = None
        return result
    rate = per_1000(places, tgt)
    frame[PER_1000] = rate
    result.city_per_1000 = city_value(places, tgt)
    # the method's supply: own places (inside) or the places reachable per 1,000 (catchment)
    supplied = rate
    if access is not None:
        frame[ACCESS] = access.score
        supplied = access.score
        weights = np.where(np.isfinite(tgt) & np.isfinite(access.score), tgt, 0.0)
        if weights.sum() > 0:
            result.city_access = float((np.nan_to_num(access.score) * weights).sum() / weights.sum())
        result.reached_capacity = float(np.asarray(facilities.capacity, float)[access.reached].sum())
        result.unreached = [facilities.ids[j] for j in np.flatnonzero(~access.reached)]
    else:
        frame[ACCESS] = np.nan
    frame[COVERAGE] = coverage(supplied, standard)
    if standard and standard > 0:
        low = low_supply(frame[COVERAGE].to_numpy(float), 1.0)
    else:
        reference = result.city_access if access is not None else result.city_per_1000
        low = low_supply(supplied, reference)
    low[~(np.isfinite(tgt) & (tgt > 0))] = np.nan  # no target population: nobody to be short of places
    high = None
    if need is not None:
        high = high_need(pd.Series(list(need), index=index), need_high)
        if high is None:
            from ..errors import MethodError

            values = sorted({str(v) for v in need.dropna()})[:6]
            raise MethodError("supply_need_unknown", values=", ".join(values))
    codes = category_codes(low, high)
    frame[CATEGORY] = pd.array([None if c != c else int(c) for c in codes], dtype="Int64")
    frame[CATEGORY_LABEL] = category_labels(codes, labels or ENGLISH)
    return result
