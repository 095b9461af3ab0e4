"""Robust ranks of a need index: how sure is a district's rank? (COINr-style uncertainty analysis)

The index is recomputed many times ("draws") with its choices varied around the nominal ones:

* the weights: each drawn uniformly within ± ``weight_range`` of its nominal value (0.5 = ± 50 %),
  then renormalised to sum 1;
* the normalisation: one of ``normalisations`` (z-score, min-max, percentile rank), drawn with equal
  probability;
* leaving one indicator out (``leave_one_out``): as COINr's sensitivity analysis does with its
  "exclude" alternatives, each draw picks one of k + 1 equally likely variants – all indicators, or
  all but indicator j – so about k / (k + 1) of the draws miss one indicator (none with one
  indicator only; never the only one with a weight, the others weighted 0).

Each draw's composite (weighted sum of the scaled, direction-corrected indicators) is standardised
again over the valid areas – as the nominal index is – so the class limits mean the same in every
draw. Per valid area the result is the nominal rank (1 = most need, ties share the best rank), the
5th and 95th percentile of its ranks over the draws (``rank_low``, ``rank_high``: a 90 % interval;
the lower percentile rounded down to a rank, the upper up), their median and ``p_top``, the share
of draws in which the area is in the top need class.

Only the valid areas are ranked and form the reference of every scaling (the index's own validity
rule: population, exclusion, complete values); the others get no rank (NA). The nominal index is
the caller's (e.g. the MSS index as published): it is ranked as it is, never recomputed here.

Pure numpy: 536 areas × 3 indicators × 1,000 draws take some 0.1 s (test/unit/test_robust_ranks.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from ..errors import MethodError
from ..series import indicators as _indicators
from ..series.indicators import IndicatorLike
from .mss_classes import STATUS_THRESHOLDS
from .scaling import METHODS, _mask, normalise_weights, scale

RANK_COLUMNS = ("rank", "rank_low", "rank_high", "rank_median", "p_top")
TOP_CLASSES = ("highest", "two_highest", "top_tenth")
INTERVAL = (5.0, 95.0)  # percentiles of the draws' ranks: a 90 % interval
MAX_DRAWS = 100_000
MAX_WEIGHT_RANGE = 0.99  # (1 would let a weight fall to 0)


@dataclass
class RobustOptions:
    draws: int = 1000
    weight_range: float = 0.5  # each weight uniformly within nominal × (1 ± weight_range)
    normalisations: tuple = METHODS  # drawn from with equal probability
    leave_one_out: bool = True
    seed: int = 1
    top_class: str = "highest"  # highest: index ≥ the last class limit (MSS: "sehr niedrig", ≥ +1.5);
    # two_highest: index above the second last limit (MSS: "niedrig" or "sehr niedrig", > +1.0);
    # top_tenth: among the 10 % of valid areas with the highest index
    thresholds: tuple = STATUS_THRESHOLDS  # the index's class limits (for highest / two_highest)
    ddof: int = 1  # SD of the restandardisation: 0 for the MSS (as its index), 1 for a custom one

    def check(self) -> RobustOptions:
        if not 1 <= int(self.draws) <= MAX_DRAWS:
            raise MethodError("option_invalid", option="DRAWS", value=self.draws)
        if not 0 <= float(self.weight_range) <= MAX_WEIGHT_RANGE:
            raise MethodError("option_invalid", option="WEIGHT_RANGE", value=self.weight_range)
        unknown = [m for m in self.normalisations if m not in METHODS]
        if unknown or not self.normalisations:
            raise MethodError("method_unknown", method=", ".join(unknown) or "-", methods=", ".join(METHODS))
        if self.top_class not in TOP_CLASSES:
            raise MethodError("option_invalid", option="TOP_CLASS", value=self.top_class)
        return self


def nominal_ranks(index: Any, valid: Any) -> np.ndarray:
    """1 = highest index among the valid areas (ties share the best rank); NaN elsewhere."""
    x = np.asarray(index, dtype=float)
    ok = np.asarray(valid, dtype=bool) & np.isfinite(x)
    out = np.full(x.shape, np.nan)
    ranked = np.sort(-x[ok])
    out[ok] = np.searchsorted(ranked, -x[ok], side="left") + 1
    return out


def column_ranks(values: np.ndarray) -> np.ndarray:
    """Rank of every row within its column (1 = highest; ties share the best rank), all columns at once.

    One sort of the whole block: each column is shifted into a range of its own, so a single
    ``searchsorted`` over the flattened, sorted block ranks every column."""
    n, d = values.shape
    low, high = float(np.min(values)), float(np.max(values))
    span = (high - low) + 1.0
    shifted = (low - values) + span * np.arange(d)[None, :]  # −value, column j in [j·span, j·span + span)
    flat = np.sort(shifted, axis=0).T.ravel()
    found = np.searchsorted(flat, shifted.T.ravel(), side="left").reshape(d, n).T
    return found - n * np.arange(d)[None, :] + 1


def draw_choices(options: RobustOptions, weights: np.ndarray, rng: np.random.Generator):
    """(method number per draw, weights per draw (draws × k, rows summing to 1), dropped indicator
    per draw (−1: none))."""
    d, k = int(options.draws), weights.size
    method = rng.integers(len(options.normalisations), size=d)
    factors = rng.uniform(1.0 - options.weight_range, 1.0 + options.weight_range, size=(d, k))
    drawn = weights[None, :] * factors
    dropped = np.full(d, -1)
    # Only an indicator whose absence leaves some weight can be left out: without the one weighted
    # indicator (the others weighted 0) a draw would score every area alike, all rank 1.
    droppable = np.flatnonzero(weights.sum() - weights > 0)
    if options.leave_one_out and k > 1 and droppable.size:
        variant = rng.integers(droppable.size + 1, size=d) - 1  # −1 = all kept, j = droppable[j] left out
        rows = np.flatnonzero(variant >= 0)
        dropped[rows] = droppable[variant[rows]]
        drawn[rows, dropped[rows]] = 0.0
    return method, drawn / drawn.sum(axis=1, keepdims=True), dropped


def draw_indices(scaled: Sequence[np.ndarray], method: np.ndarray, weights: np.ndarray, ddof: int) -> np.ndarray:
    """Composite of every draw (areas × draws), standardised again over the areas (the valid ones)."""
    n = scaled[0].shape[0]
    out = np.empty((n, len(method)))
    for m, block in enumerate(scaled):
        chosen = np.flatnonzero(method == m)
        if chosen.size:
            out[:, chosen] = block @ weights[chosen].T
    sd = out.std(axis=0, ddof=ddof)
    sd[sd == 0] = 1.0  # a draw where every area scores the same: all rank 1, none standardised away
    return (out - out.mean(axis=0)) / sd


def _top(draws: np.ndarray, ranks: np.ndarray, options: RobustOptions) -> np.ndarray:
    limits = tuple(float(t) for t in options.thresholds)
    if options.top_class == "top_tenth":
        return ranks <= max(1, int(np.ceil(0.1 * ranks.shape[0])))
    if options.top_class == "two_highest":
        return draws > limits[-2] if len(limits) > 1 else draws >= limits[-1]
    return draws >= limits[-1]


def robust_ranks(frame: pd.DataFrame, indicators: Iterable[IndicatorLike], index: Any, valid: Any,
                 weights: Sequence[float] | Mapping[str, float] | None = None,
                 options: RobustOptions | None = None) -> pd.DataFrame:
    """The columns of ``RANK_COLUMNS`` per area of ``frame`` (NA where not ``valid``).

    ``indicators``: the index's indicators (directions: higher = more need after them);
    ``index``: the nominal index (ranked as it is); ``valid``: the index's reference areas;
    ``weights``: the nominal weights (None: equal, as the MSS). ``attrs`` of the result hold the
    settings, the number of valid areas and the seconds the draws took."""
    import time

    options = (options or RobustOptions()).check()
    started = time.perf_counter()
    inds = _indicators.as_indicators(indicators)
    ids = list(dict.fromkeys(i.id for i in inds))
    ref = _mask(valid, frame.index)
    nominal = np.asarray(pd.to_numeric(pd.Series(np.asarray(index, dtype=object), index=frame.index),
                                       errors="coerce"), dtype=float)
    ref &= np.isfinite(nominal)
    n = int(ref.sum())
    if n < 2:
        raise MethodError("too_few_areas", n=n, needed=2)
    values = _indicators.oriented(frame, inds)
    w = normalise_weights(weights, ids)
    rows = ref.to_numpy(dtype=bool)
    scaled = [np.column_stack([scale(values[i], method, ref, options.ddof).to_numpy(dtype=float)[rows]
                               for i in ids]) for method in options.normalisations]
    rng = np.random.default_rng(int(options.seed))
    method, drawn, dropped = draw_choices(options, w, rng)
    draws = draw_indices(scaled, method, drawn, options.ddof)
    ranks = column_ranks(draws)
    top = _top(draws, ranks, options)
    low = np.percentile(ranks, INTERVAL[0], axis=1, method="lower")
    high = np.percentile(ranks, INTERVAL[1], axis=1, method="higher")
    out = pd.DataFrame(index=frame.index)
    out["rank"] = _integers(nominal_ranks(nominal, rows), rows, None)
    out["rank_low"] = _integers(low, rows, n)
    out["rank_high"] = _integers(high, rows, n)
    median = np.full(len(frame), np.nan)
    median[rows] = np.median(ranks, axis=1)
    out["rank_median"] = median
    share = np.full(len(frame), np.nan)
    share[rows] = top.mean(axis=1)
    out["p_top"] = share
    out.attrs.update(draws=int(options.draws), weight_range=float(options.weight_range), seed=int(options.seed),
                     normalisations=list(options.normalisations), leave_one_out=bool(options.leave_one_out),
                     top_class=options.top_class, valid=n, dropped=np.bincount(dropped + 1, minlength=len(ids) + 1),
                     seconds=time.perf_counter() - started)
    return out


def _integers(values: np.ndarray, rows: np.ndarray, n: int | None):
    """Whole ranks on the valid rows (``values`` over all areas when ``n`` is None, else over the
    valid ones), NA elsewhere."""
    full = np.ones(rows.size, dtype=np.int64)
    full[rows] = (values[rows] if n is None else values).astype(np.int64)
    return pd.arrays.IntegerArray(full, ~rows)
