"""The χ² test for trend in proportions (Armitage 1955; Cochran 1954), per district.

For one district with yearly counts r_i (numerator) of n_i (denominator) in years x_i, with
N = Σn_i, p̄ = Σr_i / N and x̄ = Σn_i x_i / N:

    T = Σ r_i (x_i − x̄),   Var(T) = p̄ (1 − p̄) Σ n_i (x_i − x̄)²,   χ²_trend = T² / Var(T)

with 1 degree of freedom (the form of R's ``prop.trend.test`` and of the χ² for linear trend in
Altman, *Practical Statistics for Medical Research*, 10.7; it is the part of the 2 × k table's
Pearson χ² that a straight line in the year explains, so never larger than that χ²). The year is
the score: unequal gaps between years count as such. The sign of T says the direction.

The p-value of χ² with one degree of freedom is exactly ``erfc(sqrt(χ²/2))`` (the χ²₁ variable is
the square of a standard normal), so no scipy is needed.

A district is tested only with counts in at least ``min_years`` years (default 3: two points
always lie on a line); without counts (a value such as a median income, or a share whose
counts are not given) it is not tested: mark ``none``, reason ``no counts``. Rows are districts,
columns years; everything is numpy over all districts at once (542 × 10 in well under a
millisecond's work per district).
"""
from __future__ import annotations

import math
from typing import Sequence

import numpy as np
import pandas as pd

RISING, FALLING, NONE = "rising", "falling", "none"
NO_COUNTS, TOO_FEW_YEARS, NO_VARIATION = "no counts", "fewer than {n} years", "no variation"
DEFAULT_ALPHA = 0.05
DEFAULT_MIN_YEARS = 3


def chi2_sf_1(statistic) -> np.ndarray:
    """P(χ²₁ ≥ statistic): exact, ``erfc(sqrt(x / 2))``; NaN stays NaN."""
    values = np.asarray(statistic, dtype=float)
    out = [math.erfc(math.sqrt(max(x, 0.0) / 2.0)) if x == x else math.nan for x in values.ravel()]
    return np.asarray(out, dtype=float).reshape(values.shape)


def trend_test(numerators, denominators, years: Sequence[float], *, alpha: float = DEFAULT_ALPHA,
               min_years: int = DEFAULT_MIN_YEARS, index=None) -> pd.DataFrame:
    """The test for every row (district) of ``numerators`` / ``denominators`` (rows × years).

    A year enters a row's test where both counts are finite and the denominator is above 0 (a
    missing year is left out, the others keep their own years as scores). Returns one row per
    district: ``statistic`` (χ²), ``p_value``, ``direction`` (+1 rising, −1 falling, 0 none),
    ``mark`` (``rising`` / ``falling`` where p < ``alpha``, else ``none``), ``years`` (years
    used) and ``reason`` ('' where tested).
    """
    num = np.asarray(numerators, dtype=float)
    den = np.asarray(denominators, dtype=float)
    if num.ndim == 1:
        num, den = num[None, :], den[None, :]
    x = np.asarray(years, dtype=float)[None, :]
    if num.shape != den.shape or num.shape[1] != x.shape[1]:
        raise ValueError("numerators, denominators and years must have the same number of years")
    use = np.isfinite(num) & np.isfinite(den) & (den > 0)
    n = np.where(use, den, 0.0)
    r = np.where(use, num, 0.0)
    count = use.sum(axis=1)
    total = n.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        p_bar = r.sum(axis=1) / total
        x_bar = (n * x).sum(axis=1) / total
        dx = np.where(use, x - x_bar[:, None], 0.0)
        t = (r * dx).sum(axis=1)
        var = p_bar * (1 - p_bar) * (n * dx * dx).sum(axis=1)
        statistic = t * t / var
    tested = (count >= min_years) & (var > 0)
    statistic = np.where(tested, statistic, np.nan)
    p_value = chi2_sf_1(statistic)
    direction = np.where(tested & (t > 0), 1, np.where(tested & (t < 0), -1, 0))
    significant = tested & (p_value < alpha)
    mark = np.where(significant & (direction > 0), RISING, np.where(significant & (direction < 0), FALLING, NONE))
    has_counts = (np.isfinite(num) & np.isfinite(den)).any(axis=1)
    reason = np.where(~has_counts, NO_COUNTS, np.where(
        count < min_years, TOO_FEW_YEARS.format(n=min_years), np.where(~tested, NO_VARIATION, "")))
    return pd.DataFrame({"statistic": statistic, "p_value": p_value, "direction": direction.astype(int),
                         "mark": mark.astype(object), "years": count.astype(int), "reason": reason.astype(object)},
                        index=index)


def untested(index, reason: str = NO_COUNTS) -> pd.DataFrame:
    """The answer for values without counts: no test, mark ``none`` (the documented fallback:
    a change of a value is shown as its difference only, never called rising or falling)."""
    n = len(index)
    return pd.DataFrame({"statistic": np.full(n, np.nan), "p_value": np.full(n, np.nan),
                         "direction": np.zeros(n, dtype=int), "mark": [NONE] * n, "years": np.zeros(n, dtype=int),
                         "reason": [reason] * n}, index=index)
