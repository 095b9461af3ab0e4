"""Scaling indicators over a reference set of areas: z-score, min-max, percentile rank, weights.

The reference is the valid areas only (population, exclusions, complete values): the index of
an area under 300 residents must not shift the others' z-scores.
"""
from __future__ import annotations

from typing import Any, Mapping, Sequence

import numpy as np
import pandas as pd

from ..errors import MethodError

METHODS = ("zscore", "minmax", "rank")
PREFIXES = {"zscore": "z", "minmax": "mm", "rank": "pr"}


def _reference(values: pd.Series, reference: Any) -> pd.Series:
    ref = values.notna()
    if reference is not None:
        ref &= _mask(reference, values.index)
    return ref


def _mask(mask: Any, index: pd.Index) -> pd.Series:
    """A boolean Series on ``index``; NULL/NA counts as False (as in a QGIS filter)."""
    plain = getattr(mask, "dtype", None) == np.dtype(bool)  # numpy bools: no NULL to replace
    if plain and np.shape(mask) == (len(index),):
        return pd.Series(np.asarray(mask, dtype=bool), index=index)  # (the object route: 2 copies)
    values = mask.to_numpy(dtype=object) if isinstance(mask, pd.Series) else np.asarray(mask, dtype=object)
    if values.shape != (len(index),):
        raise MethodError("length_mismatch", what="mask", found=values.size, expected=len(index))
    series = pd.Series(values, index=index)
    return series.where(series.notna(), False).astype(bool)


def _checked_reference(values: pd.Series, reference: Any, needed: int) -> pd.Series:
    ref = _reference(values, reference)
    if ref.sum() < needed:
        raise MethodError("too_few_areas", n=int(ref.sum()), needed=needed)
    if np.ptp(values[ref].to_numpy()) == 0:  # exact test: no SD/range to divide by
        raise MethodError("field_constant", column=values.name)
    return ref


def zscore(values: pd.Series, reference: Any = None, ddof: int = 1) -> pd.Series:
    """(x − mean) / SD with mean and SD (``ddof=1``: sample SD) over the reference rows."""
    ref = _checked_reference(values, reference, needed=ddof + 1)
    sample = values[ref]
    return (values - sample.mean()) / sample.std(ddof=ddof)


def zscore_into(out: np.ndarray, values: pd.Series, reference: Any, ddof: int) -> None:
    """``out[:] = zscore(values, reference, ddof)`` for a float column: the same checks, the
    same numbers to the last bit, a fraction of the memory.

    pandas' mean and SD (nanops.nanmean / nanstd: a sum over the sample, then a sum of squared
    deviations from it, over a copy) are taken here in numpy's summation order a slice at a
    time (kmeans.ordered_sum), and the result is written into ``out`` in place.
    """
    ref = _reference(values, reference)
    if ref.sum() < ddof + 1:
        raise MethodError("too_few_areas", n=int(ref.sum()), needed=ddof + 1)
    mean, sd = _mean_sd(values.to_numpy(dtype=float)[ref.to_numpy(dtype=bool)], ddof, values.name)
    np.subtract(values.to_numpy(dtype=float), mean, out=out)
    np.divide(out, sd, out=out)


def _mean_sd(sample: np.ndarray, ddof: int, name: Any) -> tuple:
    """``(s.mean(), s.std(ddof=ddof))`` of ``s = pd.Series(sample)``, bit for bit, without the
    copies pandas makes; raises field_constant (as zscore does) when there is no spread."""
    from .kmeans import ordered_sum

    if np.ptp(sample) == 0:  # exact test: no SD to divide by
        raise MethodError("field_constant", column=name)
    count = np.float64(len(sample))
    mean = np.float64(ordered_sum(len(sample), lambda a, b: sample[a:b])) / count
    squares = ordered_sum(len(sample), lambda a, b: (mean - sample[a:b]) ** 2)
    return mean, np.sqrt(np.float64(squares) / (count - ddof))


def minmax(values: pd.Series, reference: Any = None) -> pd.Series:
    """(x − min) / (max − min) over the reference rows: 0 … 1 there."""
    ref = _checked_reference(values, reference, needed=2)
    low, high = values[ref].min(), values[ref].max()
    return (values - low) / (high - low)


def percentile_rank(values: pd.Series, reference: Any = None) -> pd.Series:
    """Mid-rank percentile in (0, 1) relative to the reference values.

    (count below + ½ · count equal) / n: ties share one value, and non-reference rows are placed
    in the reference distribution without changing it.
    """
    ref = _checked_reference(values, reference, needed=2)
    sorted_ref = np.sort(values[ref].to_numpy())
    x = values.to_numpy(dtype=float)
    below = np.searchsorted(sorted_ref, x, side="left")
    upto = np.searchsorted(sorted_ref, x, side="right")
    result = (below + 0.5 * (upto - below)) / sorted_ref.size
    return pd.Series(np.where(np.isnan(x), np.nan, result), index=values.index, name=values.name)


def scale(values: pd.Series, method: str, reference: Any = None, ddof: int = 1) -> pd.Series:
    """Dispatch to :func:`zscore`, :func:`minmax` or :func:`percentile_rank`."""
    if method == "zscore":
        return zscore(values, reference, ddof)
    if method == "minmax":
        return minmax(values, reference)
    if method == "rank":
        return percentile_rank(values, reference)
    raise MethodError("method_unknown", method=method, methods=", ".join(METHODS))


def normalise_weights(weights: Sequence[float] | Mapping[str, float] | None,
                      ids: Sequence[str]) -> np.ndarray:
    """Weights as an array summing to 1 (equal weights if None); a mapping is read by id."""
    if weights is None:
        return np.full(len(ids), 1.0 / len(ids))
    if isinstance(weights, Mapping):
        unknown = [k for k in weights if k not in ids]
        if unknown:
            raise MethodError("field_not_found", column=unknown[0], columns=", ".join(ids))
        weights = [weights.get(i, 0.0) for i in ids]
    w = np.asarray(list(weights), dtype=float)
    if w.size != len(ids):
        raise MethodError("weights_mismatch", n_weights=w.size, n_fields=len(ids))
    if not np.all(np.isfinite(w)) or (w < 0).any() or w.sum() <= 0:
        raise MethodError("weights_invalid", weights=list(w))
    return w / w.sum()


# --- validity ------------------------------------------------------------------------------------
