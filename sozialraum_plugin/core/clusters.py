"""Need clusters of areas: k-means or Ward on standardised indicators, ordered and labelled.

Steps (as in GeoDa, with the MSS reference-population rules of :mod:`.index`):

1. take the areas that are valid (optional mask) and complete; with ``impute='median'`` missing
   values are replaced by the column median of the valid areas instead (explicit only);
2. z-standardise each indicator on those areas (sample SD);
3. cluster: :func:`.kmeans.kmeans` (k-means++ with seeded restarts) or Ward's method through
   ``scipy.cluster.hierarchy`` (refused above ``WARD_MAX_ROWS``: its distance matrix needs
   O(n²) memory);
4. renumber by need: cluster 1 has the highest mean direction-corrected z-score of its centre,
   or the highest mean of a supplied need index;
5. label each cluster by its most distinctive indicators (e.g. "Transferquote hoch,
   Kinderarmut hoch"), or "durchschnittlich" if no centre z-score reaches ``label_threshold``.

Areas left out get cluster NA and no label.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

import numpy as np
import pandas as pd

from .errors import MethodError
from .indicators import Indicator, IndicatorLike, as_indicators, numeric_column, numeric_frame
from .kmeans import calinski_harabasz, kmeans, silhouette, within_ss

METHODS = ("kmeans", "ward")
#: Ward keeps n(n−1)/2 float64 distances: 10 000 areas ≈ 400 MB.
WARD_MAX_ROWS = 10_000
LABEL_THRESHOLD = 0.5
LABEL_TOP = 2
LABEL_HIGH = "{label} hoch"  # noun first: "hohe Transferbezug" would be wrong German
LABEL_LOW = "{label} niedrig"
LABEL_AVERAGE = "durchschnittlich"
SILHOUETTE_SAMPLE = 4000


@dataclass
class Prepared:
    """The standardised matrix and what is needed to map it back to the table."""

    indicators: list[Indicator]
    values: pd.DataFrame        # original units (imputed where asked), rows used only
    z: np.ndarray               # rows used × indicators
    rows: pd.Index              # index labels of the rows used
    mean: np.ndarray
    sd: np.ndarray


@dataclass
class ClusterResult:
    assignments: pd.DataFrame   # cluster (Int64, 1 = highest need), cluster_label; frame's index
    summary: pd.DataFrame       # one row per cluster
    totals: dict[str, float] = field(default_factory=dict)
    method: str = "kmeans"
    k: int = 0


def prepare(frame: pd.DataFrame, indicators: Iterable[IndicatorLike], valid: Any = None,
            impute: str | None = None) -> Prepared:
    """Select, impute and z-standardise (sample SD) the rows to cluster."""
    inds = as_indicators(indicators)
    if not inds:
        raise MethodError("too_few_indicators", n=0, needed=1)
    raw = numeric_frame(frame, [i.id for i in inds])
    keep = pd.Series(True, index=frame.index)
    if valid is not None:
        mask = pd.Series(np.asarray(valid, dtype=object), index=frame.index)
        keep &= mask.where(mask.notna(), False).astype(bool)
    raw = raw[keep]
    for column in raw.columns:
        if raw[column].isna().all():
            raise MethodError("all_missing", column=column)
    if impute == "median":
        raw = raw.fillna(raw.median())
    elif impute is not None:
        raise MethodError("method_unknown", method=impute, methods="median")
    raw = raw.dropna()
    if len(raw) < 2:
        raise MethodError("too_few_areas", n=len(raw), needed=2)
    data = raw.to_numpy(dtype=float)
    for j, column in enumerate(raw.columns):
        if np.ptp(data[:, j]) == 0:
            raise MethodError("field_constant", column=column)
    mean, sd = data.mean(axis=0), data.std(axis=0, ddof=1)
    return Prepared(inds, raw, (data - mean) / sd, raw.index, mean, sd)


def ward(z: np.ndarray, k: int, max_rows: int = WARD_MAX_ROWS) -> np.ndarray:
    """Ward's minimum-variance clustering cut at ``k`` clusters; labels 0 … k−1."""
    n = z.shape[0]
    if n > max_rows:
        raise MethodError("ward_too_large", n=n, limit=max_rows, memory_mb=int(n * (n - 1) * 4 / 1e6))
    try:
        from scipy.cluster.hierarchy import fcluster, linkage  # lazy: scipy is optional
    except ImportError as err:
        raise MethodError("scipy_missing", method="Ward") from err
    if k == 1:
        return np.zeros(n, dtype=np.intp)
    labels = fcluster(linkage(z, method="ward"), t=k, criterion="maxclust")
    return np.unique(labels, return_inverse=True)[1]


def _check_k(k: int, n: int) -> None:
    if not isinstance(k, (int, np.integer)) or k < 1:
        raise MethodError("k_invalid", k=k)
    if k > n:
        raise MethodError("k_too_large", k=k, n=n)


def _partition(prep: Prepared, k: int, method: str, seed: int | None, n_init: int,
               ward_max_rows: int) -> np.ndarray:
    _check_k(k, prep.z.shape[0])
    if method == "kmeans":
        labels = kmeans(prep.z, k, n_init=n_init, seed=seed).labels
    elif method == "ward":
        labels = ward(prep.z, k, ward_max_rows)
    else:
        raise MethodError("method_unknown", method=method, methods=", ".join(METHODS))
    # Ties (duplicate rows) can leave fewer than k clusters: number the ones that exist 0 … k'−1.
    return np.unique(labels, return_inverse=True)[1]


def need_order(centres_z: np.ndarray, directions: np.ndarray, labels: np.ndarray,
               need: pd.Series | None = None) -> np.ndarray:
    """New number (1 = highest need) for each old label 0 … k−1.

    Need = mean of ``need`` over the members if given, else the mean direction-corrected
    z-score of the centre. Ties keep the old order (stable).
    """
    k = centres_z.shape[0]
    if need is not None:
        values = need.to_numpy(dtype=float)
        score = np.array([np.nanmean(values[labels == c]) if np.isfinite(values[labels == c]).any()
                          else -np.inf for c in range(k)])
    else:
        score = (centres_z * directions).mean(axis=1)
    order = np.argsort(-score, kind="stable")
    numbers = np.empty(k, dtype=int)
    numbers[order] = np.arange(1, k + 1)
    return numbers


def profile_label(centre_z: np.ndarray, indicators: Sequence[Indicator],
                  threshold: float = LABEL_THRESHOLD, top: int = LABEL_TOP) -> str:
    """Words for the ``top`` indicators with the largest |z| of the centre (≥ ``threshold``).

    "… hoch" / "… niedrig" follow the value (z > 0 is high), whatever the direction; the
    direction only decides which end is need, and the order by |z| is the same either way.
    """
    order = np.argsort(-np.abs(centre_z), kind="stable")
    words = [(LABEL_HIGH if centre_z[j] > 0 else LABEL_LOW).format(label=indicators[j].label)
             for j in order[:top] if abs(centre_z[j]) >= threshold]
    return ", ".join(words) if words else LABEL_AVERAGE


def _summary(prep: Prepared, labels: np.ndarray, numbers: np.ndarray,
             names: list[str]) -> tuple[pd.DataFrame, dict]:
    k = numbers.size
    within = within_ss(prep.z, labels, k)
    total = float((prep.z ** 2).sum())  # z has mean 0, so this is the total SS
    rows = []
    for old in np.argsort(numbers):
        members = labels == old
        row = {"cluster": int(numbers[old]), "cluster_label": names[old], "size": int(members.sum()),
               "share": 100.0 * members.mean(), "within_ss": float(within[old])}
        row["need_score"] = float((prep.z[members].mean(axis=0) * _directions(prep)).mean())
        for j, ind in enumerate(prep.indicators):
            row[ind.id] = float(prep.values.iloc[members, j].mean())
        for j, ind in enumerate(prep.indicators):
            row[f"z_{ind.id}"] = float(prep.z[members, j].mean())
        rows.append(row)
    within_total = float(within.sum())
    totals = {"total_ss": total, "within_ss": within_total, "between_ss": total - within_total,
              "between_total_ratio": (total - within_total) / total}
    return pd.DataFrame(rows), totals


def _directions(prep: Prepared) -> np.ndarray:
    return np.array([ind.direction for ind in prep.indicators], dtype=float)


def cluster_areas(
    frame: pd.DataFrame,
    indicators: Iterable[IndicatorLike],
    k: int,
    method: str = "kmeans",
    *,
    seed: int | None = 0,
    n_init: int = 10,
    valid: Any = None,
    impute: str | None = None,
    need: Any = None,
    label_threshold: float = LABEL_THRESHOLD,
    ward_max_rows: int = WARD_MAX_ROWS,
) -> ClusterResult:
    """Cluster the areas of ``frame``; see the module docstring for the steps.

    ``need``: optional need index (column name or values) used to number the clusters.
    Returns assignments (``cluster`` Int64, ``cluster_label``) on ``frame.index``, a summary
    with ``cluster, cluster_label, size, share, within_ss, need_score``, the centre in original
    units (one column per indicator id) and in z (``z_<id>``), and totals
    ``total_ss, within_ss, between_ss, between_total_ratio`` (standardised units).
    """
    prep = prepare(frame, indicators, valid, impute)
    labels = _partition(prep, k, method, seed, n_init, ward_max_rows)
    k = int(labels.max()) + 1
    centres = np.vstack([prep.z[labels == c].mean(axis=0) for c in range(k)])
    need_values = None
    if need is not None:
        series = numeric_column(frame, need) if isinstance(need, str) \
            else pd.Series(np.asarray(need, dtype=float), index=frame.index)
        need_values = series.loc[prep.rows]
    numbers = need_order(centres, _directions(prep), labels, need_values)
    names = [profile_label(centres[c], prep.indicators, label_threshold) for c in range(k)]
    cluster = pd.Series(pd.NA, index=frame.index, dtype="Int64")
    cluster.loc[prep.rows] = numbers[labels]
    label = pd.Series(np.full(len(frame), None, dtype=object), index=frame.index)
    label.loc[prep.rows] = np.array([names[c] for c in labels], dtype=object)
    summary, totals = _summary(prep, labels, numbers, names)
    assignments = pd.DataFrame({"cluster": cluster, "cluster_label": label})
    return ClusterResult(assignments, summary, totals, method, k)


def suggest_k(
    frame: pd.DataFrame,
    indicators: Iterable[IndicatorLike],
    k_values: Iterable[int] | None = None,
    method: str = "kmeans",
    *,
    seed: int | None = 0,
    n_init: int = 10,
    valid: Any = None,
    impute: str | None = None,
    sample_size: int = SILHOUETTE_SAMPLE,
    ward_max_rows: int = WARD_MAX_ROWS,
) -> pd.DataFrame:
    """Quality per k (default 2 … min(8, n−1)): a table to choose from, nothing is forced.

    Columns ``k, silhouette`` (higher is better; on a seeded subsample of ``sample_size``
    areas for large n), ``calinski_harabasz`` (higher is better), ``within_ss``,
    ``between_total_ratio``, and ``best_silhouette`` / ``best_calinski_harabasz`` flags.
    """
    prep = prepare(frame, indicators, valid, impute)
    n = prep.z.shape[0]
    ks = list(k_values) if k_values is not None else list(range(2, min(8, n - 1) + 1))
    if not ks:
        raise MethodError("too_few_areas", n=n, needed=3)
    total = float((prep.z ** 2).sum())
    rows = []
    for k in ks:
        labels = _partition(prep, k, method, seed, n_init, ward_max_rows)
        within = float(within_ss(prep.z, labels, int(labels.max()) + 1).sum())
        rows.append({"k": k, "silhouette": silhouette(prep.z, labels, sample_size, seed),
                     "calinski_harabasz": calinski_harabasz(prep.z, labels),
                     "within_ss": within, "between_total_ratio": (total - within) / total})
    table = pd.DataFrame(rows)
    for column in ("silhouette", "calinski_harabasz"):
        scores = table[column].fillna(-np.inf)
        table[f"best_{column}"] = scores.eq(scores.max()) & np.isfinite(scores)
    return table


def pick_k(table: pd.DataFrame) -> int:
    """The k with the highest silhouette (smallest k on ties) – for runs asked to choose."""
    scores = table["silhouette"].fillna(-np.inf)
    return int(table.loc[scores.idxmax(), "k"])
