"""A district against its parent: the parent's figure, computed as the city's is, over its districts.

The profile page prints it next to the city value. For a rate with counts it is the pooled rate
Σ numerator / Σ denominator over the parent's districts (never a mean of their rates); otherwise
the median (or the mean, or the population-weighted mean, as the city value's method says) of the
parent's shown values. It is hidden by the city value's rule: a pooled rate over exactly one
hidden numerator or denominator among the parent's districts would give that count back
(Σ denominators × rate − the shown numerators), so it is printed "·".
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..publish.appendix import gives_back
from ..series.indicators import numeric_column
from ..tables.keys import key_text


def parent_values(frame: pd.DataFrame, parent: str, method: str, values: pd.Series, *,
                  numerator: str | None = None, denominator: str | None = None, scale: float = 1.0,
                  population: pd.Series | None = None, publication=None) -> pd.DataFrame:
    """Per district (``frame``'s index): ``value`` of its parent (NaN without a parent) and
    ``hidden`` (the value would give a hidden cell back). ``values``: the districts' values with
    hidden cells already left out where the method is not ``rate`` (as for the city value)."""
    parents = key_text(frame[parent])
    value = pd.Series(np.nan, index=frame.index)
    hidden = pd.Series(False, index=frame.index)
    if method == "rate":
        num, den = numeric_column(frame, numerator), numeric_column(frame, denominator)
    for key in parents.dropna().unique():
        members = parents == key
        if method == "rate":
            use = members & num.notna() & (den > 0)
            total = den[use].sum()
            figure = num[use].sum() / total * scale if total > 0 else np.nan
            secret = gives_back(publication, numerator, use) or gives_back(publication, denominator, use)
        else:
            known = members & values.notna()
            if method == "weighted" and population is not None:
                use = known & (population > 0)
                total = population[use].sum()
                figure = (values[use] * population[use]).sum() / total if total > 0 else np.nan
            elif method == "mean":
                figure = values[known].mean() if known.any() else np.nan
            else:
                figure = values[known].median() if known.any() else np.nan
            secret = False
        value[members] = np.nan if secret else float(figure)
        hidden[members] = bool(secret)
    return pd.DataFrame({"value": value, "hidden": hidden})
