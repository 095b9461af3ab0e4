"""Did the funded districts move differently from the rest? Difference in differences over a series.

Pure (pandas/numpy). Per indicator, from the long series (core/series/series.py, the contract):

* each district's change BASE_YEAR → YEAR (value then minus value now; for an indicator given as a
  change already, e.g. MSS's D1, that value);
* per group (funded / rest) the mean of the districts' changes (weighted by a population where
  given) and, where numerator and denominator are in the series, the pooled rate change
  (Σ numerator / Σ denominator in YEAR minus in BASE_YEAR, the group as one area);
* the difference of the changes (funded minus rest: difference in differences, DiD) with a
  percentile bootstrap interval: districts resampled with replacement within each group
  (``replicates`` times, a fixed ``seed``, so a re-run prints the same interval). Chosen over a
  Welch t interval because district changes are skewed and the funded group is small: the
  bootstrap assumes no normal distribution and needs no t table. Below ``min_group`` districts
  in a group there is no interval (a note says so);
* per year and group the mean of the districts' values (the chart's two lines).

Publication rule: a cell hidden in the series (``shown`` False) never enters a figure: it is left
out of every mean, change and pooled sum, so no printed figure is a function of a hidden value
(a mean over a hidden member would give it back: mean × n − the shown members). ``n`` counts the
districts used. Then every group summary goes through the rule's group guard
(core/publish/group_summary.mask_group_summary) with the cells it was built from, and a group of
one district prints no mean ("·"): one district is not a group.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from ..errors import QT_TRANSLATE_NOOP, MethodError
from ..publish.group_summary import HIDDEN, mask_group_summary

FUNDED, REST = 1, 2
DEFAULT_REPLICATES = 2000
DEFAULT_SEED = 1
MIN_GROUP = 3  # districts per group for an interval
NOTE_SMALL = QT_TRANSLATE_NOOP("Impact", "fewer than {n} districts in a group: no interval")
NOTE_ONE = QT_TRANSLATE_NOOP("Impact", "a group of fewer than 2 districts: no group figure")
NOTE_GIVEN = QT_TRANSLATE_NOOP("Impact", "the indicator is a change already")


@dataclass
class GroupFigures:
    n: int = 0
    before: float = math.nan
    after: float = math.nan
    change: float = math.nan  # mean of the districts' changes
    pooled: float = math.nan  # pooled rate change (NaN without counts)


@dataclass
class IndicatorImpact:
    indicator: str
    base_year: int | None
    year: int | None
    funded: GroupFigures
    rest: GroupFigures
    did: float = math.nan
    lower: float = math.nan
    upper: float = math.nan
    notes: list = field(default_factory=list)  # (template, params): the caller's words translate
    given_change: bool = False


@dataclass
class ImpactResult:
    rows: list
    years: pd.DataFrame  # indicator, year, group (FUNDED/REST), n, mean (object: "·" where hidden)
    replicates: int = DEFAULT_REPLICATES
    seed: int = DEFAULT_SEED
    level: float = 0.95
    min_group: int = MIN_GROUP


def as_flag(value) -> bool | None:
    """A funded flag as offices write it: true/1/ja/yes/x → True, false/0/nein/no/'' → False,
    None for a value that says neither (the caller names it)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return False
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, float, np.integer, np.floating)):
        return None if value not in (0, 1) else bool(value)
    text = str(value).strip().lower()
    if text in ("1", "true", "wahr", "ja", "j", "yes", "y", "x", "gefördert", "funded"):
        return True
    if text in ("0", "false", "falsch", "nein", "n", "no", "", "null"):
        return False
    return None


def _mean(values: np.ndarray, weights: np.ndarray | None) -> float:
    if len(values) == 0:
        return math.nan
    if weights is None:
        return float(values.mean())
    total = weights.sum()
    return float((values * weights).sum() / total) if total > 0 else math.nan


def _usable(series: pd.DataFrame, indicator: str, year: int) -> pd.DataFrame:
    rows = series[(series["indicator"] == indicator) & (series["year"] == year)]
    rows = rows[rows["shown"].astype(bool) & rows["value"].notna()]
    if rows["key"].duplicated().any():
        key = rows.loc[rows["key"].duplicated(), "key"].iloc[0]
        raise MethodError("impact_duplicate", key=key, indicator=indicator, year=year)
    return rows.set_index("key")


def district_changes(series: pd.DataFrame, indicator: str, base_year: int, year: int) -> pd.DataFrame:
    """key → before, after, change (and the counts of both years) for the districts shown in both
    years: a change through a hidden year is hidden (value now − change = the value then)."""
    a, b = _usable(series, indicator, base_year), _usable(series, indicator, year)
    keys = a.index.intersection(b.index)
    out = pd.DataFrame({"before": a.loc[keys, "value"].astype(float), "after": b.loc[keys, "value"].astype(float)},
                       index=keys)
    out["change"] = out["after"] - out["before"]
    for col in ("numerator", "denominator"):
        out[f"{col}_0"] = a.loc[keys, col].astype(float) if col in a else np.nan
        out[f"{col}_1"] = b.loc[keys, col].astype(float) if col in b else np.nan
    return out


def _rate_scale(changes: pd.DataFrame) -> float:
    """value / (numerator / denominator): 100 for a % rate (NaN without counts)."""
    ratio = changes["after"] / (changes["numerator_1"] / changes["denominator_1"])
    ratio = ratio[np.isfinite(ratio) & (ratio > 0)]
    if ratio.empty:
        return math.nan
    return float(10 ** round(math.log10(float(ratio.median()))))


def pooled_change(changes: pd.DataFrame) -> float:
    """Σ numerator / Σ denominator now minus then (× the rate's scale), NaN where counts are missing."""
    parts = changes[["numerator_0", "denominator_0", "numerator_1", "denominator_1"]]
    if changes.empty or parts.isna().any().any() or (parts[["denominator_0", "denominator_1"]] <= 0).any().any():
        return math.nan
    scale = _rate_scale(changes)
    then = parts["numerator_0"].sum() / parts["denominator_0"].sum()
    now = parts["numerator_1"].sum() / parts["denominator_1"].sum()
    return float((now - then) * scale)


def bootstrap_did(funded: np.ndarray, rest: np.ndarray, wf: np.ndarray | None = None, wr: np.ndarray | None = None,
                  replicates: int = DEFAULT_REPLICATES, seed: int = DEFAULT_SEED, level: float = 0.95) -> tuple:
    """Percentile interval of mean(funded) − mean(rest), districts resampled within each group."""
    if not 0 < level < 1:
        raise MethodError("level_invalid", level=level)
    rng = np.random.default_rng(int(seed))

    def means(values, weights):
        idx = rng.integers(0, len(values), size=(int(replicates), len(values)))
        if weights is None:
            return values[idx].mean(axis=1)
        w = weights[idx]
        return (values[idx] * w).sum(axis=1) / w.sum(axis=1)

    draws = means(funded, wf) - means(rest, wr)
    alpha = (1 - level) / 2
    low, high = np.quantile(draws, [alpha, 1 - alpha])
    return float(low), float(high)


def compare(changes: pd.DataFrame, funded: set, weights: Mapping | None = None, *,
            replicates: int = DEFAULT_REPLICATES, seed: int = DEFAULT_SEED, level: float = 0.95,
            min_group: int = MIN_GROUP) -> tuple[GroupFigures, GroupFigures, tuple, list]:
    """Both groups' figures, (DiD, lower, upper) and notes, from one indicator's district changes."""
    inside = changes.index.isin(list(funded))
    groups, arrays, notes = [], [], []
    for mask in (inside, ~inside):
        part = changes[mask]
        w = None if weights is None else np.array([float(weights.get(k, np.nan)) for k in part.index])
        if w is not None:
            keep = np.isfinite(w) & (w > 0)
            part, w = part[keep], w[keep]
        values = part["change"].to_numpy(dtype=float)
        figures = GroupFigures(n=len(part), change=_mean(values, w), pooled=pooled_change(part),
                               before=_mean(part["before"].to_numpy(dtype=float), w),
                               after=_mean(part["after"].to_numpy(dtype=float), w))
        groups.append(figures)
        arrays.append((values, w))
    did = groups[0].change - groups[1].change
    low = high = math.nan
    if min(g.n for g in groups) < max(int(min_group), 2):
        notes.append((NOTE_SMALL, {"n": max(int(min_group), 2)}))
    else:
        (vf, wf), (vr, wr) = arrays
        low, high = bootstrap_did(vf, vr, wf, wr, replicates, seed, level)
    return groups[0], groups[1], (did, low, high), notes


def year_means(series: pd.DataFrame, funded: set, indicator: str, years: Sequence[int],
               weights: Mapping | None = None) -> pd.DataFrame:
    """Per year and group: n and the mean of the shown values (the chart's lines), through the
    group guard: a group of one, or a mean over a hidden cell, is "·"."""
    rows, members, hidden = [], [], []
    for year in years:
        usable = series[(series["indicator"] == indicator) & (series["year"] == year) & series["value"].notna()]
        for group in (FUNDED, REST):
            part = usable[usable["key"].isin(list(funded)) == (group == FUNDED)]
            used = part[part["shown"].astype(bool)]  # hidden cells enter no figure
            w = None if weights is None else np.array([float(weights.get(k, np.nan)) for k in used["key"]])
            if w is not None:
                keep = np.isfinite(w) & (w > 0)
                used, w = used[keep], w[keep]
            rows.append({"indicator": indicator, "year": int(year), "group": group, "n": len(used),
                         "mean": _mean(used["value"].to_numpy(dtype=float), w), "row": len(rows)})
            members += [len(rows) - 1] * len(used)
            hidden += (~used["shown"].astype(bool)).tolist()
    summary = pd.DataFrame(rows, columns=["indicator", "year", "group", "n", "mean", "row"])
    mask = pd.DataFrame({"mean": hidden}, dtype=bool)
    out = mask_group_summary(summary, pd.Series(members, dtype=float), mask, ["mean"], group_column="row",
                             derived=())
    out.loc[summary["n"] < 2, "mean"] = HIDDEN
    return out.drop(columns="row")


def _guard(figures: GroupFigures) -> GroupFigures:
    """No figure for a group of one: n stays, the means go (NaN, printed "·")."""
    if figures.n >= 2:
        return figures
    return GroupFigures(n=figures.n)


def impact(series: pd.DataFrame, funded: Iterable, indicators: Sequence[str], *, base_year: int | None = None,
           year: int | None = None, given: pd.DataFrame | None = None, weights: Mapping | None = None,
           replicates: int = DEFAULT_REPLICATES, seed: int = DEFAULT_SEED, level: float = 0.95,
           min_group: int = MIN_GROUP) -> ImpactResult:
    """The comparison for every indicator. ``series``: the contract's long table; ``given``: a long
    table (key, indicator, value, shown) of indicators that are changes already (no years).
    ``base_year`` / ``year``: default the first and last year of each indicator's series."""
    funded = {str(k) for k in funded}
    series = series.assign(key=series["key"].astype(str)) if len(series) else series
    rows, year_tables = [], []
    for ind in indicators:
        if given is not None and ind in set(given["indicator"]):
            part = given[(given["indicator"] == ind) & given["shown"].astype(bool) & given["value"].notna()]
            changes = pd.DataFrame({"change": part["value"].astype(float).to_numpy(),
                                    "before": np.nan, "after": np.nan, "numerator_0": np.nan,
                                    "denominator_0": np.nan, "numerator_1": np.nan, "denominator_1": np.nan},
                                   index=part["key"].astype(str).to_numpy())
            first = last = None
        else:
            years = sorted(int(y) for y in series.loc[series["indicator"] == ind, "year"].unique())
            if not years:
                raise MethodError("impact_no_series", indicator=ind)
            first = int(base_year) if base_year is not None else years[0]
            last = int(year) if year is not None else years[-1]
            for wanted in (first, last):
                if wanted not in years:
                    raise MethodError("impact_year_missing", indicator=ind, year=wanted,
                                      years=", ".join(map(str, years)))
            if first >= last:
                raise MethodError("impact_years_order", base=first, year=last)
            changes = district_changes(series, ind, first, last)
            year_tables.append(year_means(series, funded, ind, [y for y in years if first <= y <= last], weights))
        f, r, (did, low, high), notes = compare(changes, funded, weights, replicates=replicates, seed=seed,
                                               level=level, min_group=min_group)
        if min(f.n, r.n) < 2:
            notes.append((NOTE_ONE, {}))
            did = low = high = math.nan
        row = IndicatorImpact(ind, first, last, _guard(f), _guard(r), did, low, high, notes, given_change=first is None)
        if row.given_change:
            row.notes.append((NOTE_GIVEN, {}))
        rows.append(row)
    years = pd.concat(year_tables, ignore_index=True) if year_tables else \
        pd.DataFrame(columns=["indicator", "year", "group", "n", "mean"])
    return ImpactResult(rows, years, int(replicates), int(seed), float(level), int(min_group))
