"""A district against its parent: the parent's figure, computed as the city's is, over its districts.

The profile page prints it next to the city value. For a rate with counts it is the pooled rate
Σ numerator / Σ denominator over the parent's districts (never a mean of their rates); otherwise
the median (or the mean, or the population-weighted mean, as the city value's method says) of the
parent's shown values. It is hidden by the city value's rule: a pooled rate over exactly one
hidden numerator or denominator among the parent's districts would give that count back
(Σ denominators × rate − the shown numerators), so it is printed "·". Beside the city value the
parents are not independent: the city's Σ minus the shown parents' Σ gives the hidden ones' back,
so the parents are also checked together with the city (:func:`..publish.hierarchy.parent_rule`).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..publish.appendix import gives_back
from ..series.indicators import numeric_column
from ..tables.keys import key_text


def parent_values(frame: pd.DataFrame, parent: str, method: str, values: pd.Series, *,
                  numerator: str | None = None, denominator: str | None = None, scale: float = 1.0,
                  population: pd.Series | None = None, publication=None,
                  valid: pd.Series | None = None) -> pd.DataFrame:
    """Per district (``frame``'s index): ``value`` of its parent (NaN without a parent) and
    ``hidden`` (the value would give a hidden cell back). ``values``: the districts' values with
    hidden cells already left out where the method is not ``rate`` (as for the city value).
    ``valid``: the areas of the city value over the valid areas, where the page prints one."""
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
    if method == "rate" and publication is not None:
        together = _hidden_with_the_city(parents, num, den, numerator, denominator, publication, valid)
        value[together], hidden[together] = np.nan, True
    return pd.DataFrame({"value": value, "hidden": hidden})


def _hidden_with_the_city(parents, num, den, numerator, denominator, publication, valid=None) -> pd.Series:
    """Districts whose parent's pooled rate must be hidden because, with the city value (and the
    one over the valid areas) and the other parents' rates, it would determine a hidden numerator
    or denominator (a parent with two hidden counts beside one with one: city − the first − the
    shown ones is the one)."""
    from ..publish.hierarchy import parent_rule
    from ..publish.rule import Publication

    if numerator == denominator:
        return pd.Series(False, index=parents.index)
    use = num.notna() & (den > 0)  # the rows a pooled rate sums, as above and for the city
    children = pd.DataFrame({numerator: num.where(use), denominator: den.where(use)})
    sums = children.groupby(parents.where(use), sort=True).sum(min_count=1)
    columns = [numerator, denominator]
    none = pd.DataFrame(False, index=sums.index, columns=columns)
    shown = Publication(mask=none, reasons=none.replace({False: ""}).astype(object), counts=columns)
    found = parent_rule(shown, sums, pd.Series(sums.index, index=sums.index), publication, children,
                        parents, columns=columns, totals=[valid & use] if valid is not None else ())
    secret = found.mask.any(axis=1)
    return parents.map(secret.to_dict()).fillna(False).astype(bool)
