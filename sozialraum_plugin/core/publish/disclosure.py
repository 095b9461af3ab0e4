"""Small numbers: minimum population, suppression, confidence intervals, smoothing.

Everything here returns *masks* (True = hide) or new columns; nothing is overwritten with 0,
because a 0 printed where a value was hidden is a false statement.

* :func:`minimum_population` – the population rule (default 300 residents): areas below it stay
  on the map but get ``valid=False`` and a note such as ``"unter 300 EW (38)"``.
* which cells may be published (small counts, complementary and derived cells) is decided by
  the one publication rule, :func:`..rule.publication_rule`, not here.
* :func:`wilson_interval` – Wilson score interval for a proportion (good for small n and p near
  0 or 1, unlike the normal approximation).
* :func:`empirical_bayes` – global Empirical Bayes smoothing of rates with Marshall's (1991)
  moment estimator, the method GeoDa calls "Empirical Bayes".
"""
from __future__ import annotations

from statistics import NormalDist
from typing import Any

import numpy as np
import pandas as pd

from ..errors import QT_TRANSLATE_NOOP, MethodError
from ..formatting import format_number
from ..language import as_words

DEFAULT_MIN_POPULATION = 300
DEFAULT_THRESHOLD = 3
SUPPRESSED_SYMBOL = "·"
NOTE_BELOW_MINIMUM = QT_TRANSLATE_NOOP("Notes", "below {minimum} res. ({population})")
NOTE_POPULATION_MISSING = QT_TRANSLATE_NOOP("Notes", "population missing")


def _number(value: float, lang="de") -> str:
    number = float(value)
    if number.is_integer():
        return format_number(number, 0, lang=lang)
    return format_number(number, 2, lang=lang).rstrip("0")


def _as_float_series(values: Any, index: pd.Index | None = None) -> pd.Series:
    if isinstance(values, pd.Series):
        return pd.to_numeric(values, errors="coerce").astype(float)
    return pd.Series(np.asarray(values, dtype=float), index=index)


# --- minimum population ------------------------------------------------------------------------

def minimum_population(population: Any, min_population: float = DEFAULT_MIN_POPULATION,
                       lang=None) -> pd.DataFrame:
    """Columns ``valid`` (population known and ≥ minimum) and ``note`` ('' if valid) in ``lang``
    (a code or a words object)."""
    words = as_words(lang or "de")
    pop = _as_float_series(population)
    missing = pop.isna()
    below = ~missing & (pop < min_population)
    note = pd.Series("", index=pop.index, dtype=object)
    note[missing] = words.translate("Notes", NOTE_POPULATION_MISSING)
    text = words.translate("Notes", NOTE_BELOW_MINIMUM)
    note[below] = [text.format(minimum=_number(min_population, words), population=_number(p, words))
                   for p in pop[below]]
    return pd.DataFrame({"valid": ~(missing | below), "note": note}, index=pop.index)


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
