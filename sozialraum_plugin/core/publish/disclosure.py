"""Small numbers: minimum population, suppression, confidence intervals, smoothing.

Everything here returns *masks* (True = hide) or new columns; nothing is overwritten with 0,
because a 0 printed where a value was hidden is a false statement.

* :func:`minimum_population` – the population rule (default 300 residents): areas below it stay
  on the map but get ``valid=False`` and a note such as ``"unter 300 EW (38)"``.
* :func:`suppression_mask` – primary suppression of counts below a threshold (default 3, i.e.
  1 and 2; 0 is shown unless ``suppress_zero``), complementary suppression so a hidden count
  cannot be recomputed from a known total, and suppression of values derived from hidden counts.
* :func:`wilson_interval` – Wilson score interval for a proportion (good for small n and p near
  0 or 1, unlike the normal approximation).
* :func:`empirical_bayes` – global Empirical Bayes smoothing of rates with Marshall's (1991)
  moment estimator, the method GeoDa calls "Empirical Bayes".
"""
from __future__ import annotations

from statistics import NormalDist
from typing import Any, Mapping, Sequence

import numpy as np
import pandas as pd

from ..errors import MethodError

DEFAULT_MIN_POPULATION = 300
DEFAULT_THRESHOLD = 3
SUPPRESSED_SYMBOL = "·"
NOTE_BELOW_MINIMUM = "unter {minimum} EW ({population})"
NOTE_POPULATION_MISSING = "Einwohnerzahl fehlt"


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _as_float_series(values: Any, index: pd.Index | None = None) -> pd.Series:
    if isinstance(values, pd.Series):
        return pd.to_numeric(values, errors="coerce").astype(float)
    return pd.Series(np.asarray(values, dtype=float), index=index)


# --- minimum population ------------------------------------------------------------------------

def minimum_population(population: Any, min_population: float = DEFAULT_MIN_POPULATION) -> pd.DataFrame:
    """Columns ``valid`` (population known and ≥ minimum) and ``note`` (German, '' if valid)."""
    pop = _as_float_series(population)
    missing = pop.isna()
    below = ~missing & (pop < min_population)
    note = pd.Series("", index=pop.index, dtype=object)
    note[missing] = NOTE_POPULATION_MISSING
    note[below] = [NOTE_BELOW_MINIMUM.format(minimum=_number(min_population), population=_number(p))
                   for p in pop[below]]
    return pd.DataFrame({"valid": ~(missing | below), "note": note}, index=pop.index)


# --- suppression ---------------------------------------------------------------------------------

def primary_suppression(counts: pd.DataFrame, threshold: float = DEFAULT_THRESHOLD,
                        suppress_zero: bool = False) -> pd.DataFrame:
    """True where a count is below ``threshold`` (and above 0 unless ``suppress_zero``)."""
    values = counts.apply(pd.to_numeric, errors="coerce").astype(float)
    lower = values >= 0 if suppress_zero else values > 0
    return (lower & (values < threshold)).astype(bool)  # NaN compares False: missing is not hidden


def _protect_groups(values: pd.DataFrame, mask: pd.DataFrame, groups: Sequence[Sequence[str]]) -> bool:
    """Within each row and group of parts with a known sum: one hidden part → hide another.

    "Hidden" includes missing values (they are not printed either). The part chosen is the
    smallest visible one (least information lost); ties go to the first column.
    """
    changed = False
    for group in groups:
        cols = list(group)
        hidden = mask[cols] | values[cols].isna()
        single = (hidden.sum(axis=1) == 1) & mask[cols].any(axis=1) & (~hidden).any(axis=1)
        if not single.any():
            continue
        candidates = values.loc[single, cols].where(~hidden.loc[single], np.inf)
        choice = candidates.idxmin(axis=1)
        for row, col in choice.items():
            mask.at[row, col] = True
        changed = True
    return changed


def _protect_columns(values: pd.DataFrame, mask: pd.DataFrame, columns: Sequence[str],
                     row_groups: pd.Series | None) -> bool:
    """Same rule down a column: the column total (per row group) is assumed to be published."""
    changed = False
    labels = row_groups if row_groups is not None else pd.Series(0, index=values.index)
    for _, rows in labels.groupby(labels, sort=False).groups.items():
        sub_values, sub_mask = values.loc[rows, columns].T, mask.loc[rows, columns].T
        before = sub_mask.values.sum()
        _protect_groups(sub_values, sub_mask, [list(sub_values.columns)])
        if sub_mask.values.sum() != before:
            mask.loc[rows, columns] = sub_mask.T.values
            changed = True
    return changed


def suppression_mask(
    frame: pd.DataFrame,
    counts: Sequence[str],
    threshold: float = DEFAULT_THRESHOLD,
    *,
    groups: Sequence[Sequence[str]] = (),
    across_rows: bool | pd.Series = False,
    derived: Mapping[str, Sequence[str]] | None = None,
    suppress_zero: bool = False,
    max_rounds: int = 50,
) -> pd.DataFrame:
    """Boolean mask (True = hide) over ``counts`` and the ``derived`` columns.

    1. primary: counts below ``threshold``;
    2. complementary, repeated until nothing changes: in each row, for each group of parts whose
       total is known (e.g. age bands summing to the population), one hidden part is joined by the
       next smallest visible one; with ``across_rows`` the same holds down each count column (the
       column total, or per label of ``across_rows`` if it is a Series such as the district id);
    3. derived: a value computed from a hidden count (a share, a rate) is hidden too,
       e.g. ``derived={"anteil_u6": ["unter6"]}``.
    """
    counts = list(dict.fromkeys([*counts, *(c for g in groups for c in g)]))  # parts are counts too
    missing = [c for c in counts if c not in frame.columns]
    if missing:
        raise MethodError("field_not_found", column=missing[0], columns=", ".join(map(str, frame.columns)))
    values = frame[counts].apply(pd.to_numeric, errors="coerce").astype(float)
    mask = primary_suppression(values, threshold, suppress_zero)
    row_groups = across_rows if isinstance(across_rows, pd.Series) else None
    for _ in range(max_rounds):  # each round only adds cells, so this terminates
        changed = _protect_groups(values, mask, groups)
        if across_rows is not False:
            changed |= _protect_columns(values, mask, counts, row_groups)
        if not changed:
            break
    for target, sources in (derived or {}).items():
        unknown = [s for s in sources if s not in mask.columns]
        if unknown:
            raise MethodError("field_not_found", column=unknown[0], columns=", ".join(mask.columns))
        mask[target] = mask[list(sources)].any(axis=1)
    return mask


def display_values(frame: pd.DataFrame, mask: pd.DataFrame, symbol: str = SUPPRESSED_SYMBOL) -> pd.DataFrame:
    """A copy of ``frame`` (as object) with masked cells replaced by ``symbol`` for printing."""
    shown = frame.astype(object).copy()
    for col in mask.columns.intersection(frame.columns):
        shown.loc[mask[col].astype(bool), col] = symbol
    return shown


# --- Wilson score interval -----------------------------------------------------------------------

def wilson_interval(successes: Any, trials: Any, level: float = 0.95, scale: float = 1.0) -> pd.DataFrame:
    """Wilson score interval: columns ``rate``, ``lower``, ``upper`` (× ``scale``, e.g. 100 for %).

    p̂ = x/n, z = normal quantile; centre = (p̂ + z²/2n) / (1 + z²/n),
    half width = z / (1 + z²/n) · √(p̂(1−p̂)/n + z²/4n²). Rows with n ≤ 0 or missing get NaN.
    The bounds are clipped to [0, 1] and widened by rounding fuzz so they always contain p̂.
    """
    if not 0 < level < 1:
        raise MethodError("level_invalid", level=level)
    x = _as_float_series(successes)
    n = _as_float_series(trials, x.index)
    if isinstance(trials, pd.Series):
        n.index = x.index
    bad = (x < 0) | (x > n)
    if bad.any():
        row = bad.idxmax()
        raise MethodError("count_invalid", row=row, count=x[row], total=n[row])
    n = n.where(n > 0)
    z = NormalDist().inv_cdf(0.5 + level / 2)
    p = x / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z / denom * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    lower = np.minimum((centre - half).clip(lower=0.0), p)
    upper = np.maximum((centre + half).clip(upper=1.0), p)
    return pd.DataFrame({"rate": p * scale, "lower": lower * scale, "upper": upper * scale}, index=x.index)


# --- Empirical Bayes -----------------------------------------------------------------------------

def empirical_bayes(events: Any, population: Any, scale: float = 1.0,
                    reference: Any = None) -> pd.DataFrame:
    """Global Empirical Bayes rates (Marshall 1991, method of moments).

    With rᵢ = yᵢ/nᵢ over the reference areas (population > 0, events known):
    b = Σy/Σn (global rate), s² = Σnᵢ(rᵢ−b)²/Σn, n̄ = Σn/N, a = max(s² − b/n̄, 0) (between-area
    variance); weight wᵢ = a / (a + b/nᵢ); smoothed rᵢ* = b + wᵢ(rᵢ − b).
    Small areas (small nᵢ) get small weights and move toward b; large areas keep their own rate.
    Returns columns ``rate`` (raw), ``rate_eb`` and ``weight`` (× ``scale`` for the rates);
    areas without a population get NaN.
    """
    y = _as_float_series(events)
    n = _as_float_series(population, y.index)
    if isinstance(population, pd.Series):
        n.index = y.index
    if (y < 0).any():
        row = (y < 0).idxmax()
        raise MethodError("count_invalid", row=row, count=y[row], total=n[row])
    usable = y.notna() & (n > 0)
    if reference is not None:
        usable &= pd.Series(np.asarray(reference, dtype=bool), index=y.index)
    if usable.sum() == 0:
        raise MethodError("too_few_areas", n=0, needed=1)
    r = y / n.where(n > 0)
    yu, nu, ru = y[usable], n[usable], r[usable]
    b = yu.sum() / nu.sum()
    s2 = (nu * (ru - b) ** 2).sum() / nu.sum()
    a = max(s2 - b / nu.mean(), 0.0)
    if a == 0.0:
        weight = pd.Series(0.0, index=y.index).where(n > 0)  # no extra variance: all to b
    else:
        weight = a / (a + b / n.where(n > 0))
    smoothed = b + weight * (r - b)
    # Areas outside the reference but with a population are still smoothed toward b.
    return pd.DataFrame({"rate": r * scale, "rate_eb": smoothed * scale, "weight": weight}, index=y.index)
