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
5. label each cluster by its most distinctive indicators (e.g. "transfer rate high,
   child poverty high"), or "average" if no centre z-score reaches ``label_threshold``.

Areas left out get cluster NA and no label.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

import numpy as np
import pandas as pd

from ..errors import QT_TRANSLATE_NOOP, MethodError
from ..language import as_words
from ..series.indicators import Indicator, IndicatorLike, as_indicators, numeric_column
from .cluster_quality import calinski_harabasz, silhouette, within_ss
from .kmeans import cluster_means, kmeans, ordered_sum

METHODS = ("kmeans", "ward")
#: Ward keeps n(n−1)/2 float64 distances: 10 000 areas ≈ 400 MB.
WARD_MAX_ROWS = 10_000
LABEL_THRESHOLD = 0.5
LABEL_TOP = 2
# noun first: German "Transferbezug hoch", since "hohe Transferbezug" would be wrong German
LABEL_HIGH = QT_TRANSLATE_NOOP("Clusters", "{label} high")
LABEL_LOW = QT_TRANSLATE_NOOP("Clusters", "{label} low")
LABEL_AVERAGE = QT_TRANSLATE_NOOP("Clusters", "average")
SILHOUETTE_SAMPLE = 4000


@dataclass
class Prepared:
    """The standardised matrix and what is needed to map it back to the table.

    Only ``z`` is held: the values in original units are read from the input frame again,
    column by column, when they are needed (:meth:`column`, :attr:`values`), so a million
    areas cost one copy of the indicators, not two.
    """

    indicators: list[Indicator]
    z: np.ndarray               # rows used × indicators (row-major)
    mean: np.ndarray
    sd: np.ndarray
    frame: pd.DataFrame = field(repr=False)        # the input, not copied
    used: np.ndarray = field(repr=False)           # bool per row of ``frame``: the rows used
    columns: list = field(repr=False)              # one per column of z
    fill: np.ndarray | None = field(default=None, repr=False)  # medians put in for missing values

    @property
    def rows(self) -> pd.Index:
        """Index labels of the rows used (built on request)."""
        return self.frame.index[self.used]

    def column(self, j: int) -> np.ndarray:
        """Column j in original units (imputed where asked), rows used only."""
        raw = self.frame[self.columns[j]]
        if isinstance(raw, pd.Series) and raw.dtype == np.float64:  # numeric_column, minus its copy
            values = raw.to_numpy()[self.used]
        else:
            values = numeric_column(self.frame, self.columns[j]).to_numpy(dtype=float)[self.used]
        if self.fill is not None:
            values[np.isnan(values)] = self.fill[j]
        return values

    @property
    def values(self) -> pd.DataFrame:
        """All columns in original units (a copy, built on request)."""
        return pd.DataFrame({c: self.column(j) for j, c in enumerate(self.columns)}, index=self.rows)


@dataclass
class ClusterResult:
    assignments: pd.DataFrame   # cluster (Int64, 1 = highest need), cluster_label; frame's index
    summary: pd.DataFrame       # one row per cluster
    totals: dict[str, float] = field(default_factory=dict)
    method: str = "kmeans"
    k: int = 0


def prepare(frame: pd.DataFrame, indicators: Iterable[IndicatorLike], valid: Any = None,
            impute: str | None = None) -> Prepared:
    """Select, impute and z-standardise (sample SD) the rows to cluster.

    Column by column, straight into the standardised matrix: the checks, their order and the
    numbers are those of standardising a table of the selected rows, without building it.
    """
    inds = as_indicators(indicators)
    if not inds:
        raise MethodError("too_few_indicators", n=0, needed=1)
    columns = list(dict.fromkeys(i.id for i in inds))
    keep = np.ones(len(frame), dtype=bool)
    if valid is not None:
        mask = pd.Series(np.asarray(valid, dtype=object), index=frame.index)
        keep = mask.where(mask.notna(), False).astype(bool).to_numpy()
    complete = keep.copy()
    empty = []
    for column in columns:  # every field error first, in order (as numeric_frame raises them)
        values = numeric_column(frame, column).to_numpy(dtype=float)
        missing = np.isnan(values)
        if missing[keep].all():
            empty.append(column)
        complete &= ~missing
    if empty:
        raise MethodError("all_missing", column=empty[0])
    fill = None
    if impute == "median":
        fill = np.array([pd.Series(numeric_column(frame, c).to_numpy(dtype=float)[keep]).median()
                         for c in columns])
        complete = keep
    elif impute is not None:
        raise MethodError("method_unknown", method=impute, methods="median")
    n_used = int(complete.sum())
    if n_used < 2:
        raise MethodError("too_few_areas", n=n_used, needed=2)
    prep = Prepared(inds, np.empty((n_used, len(columns))), np.empty(len(columns)), np.empty(len(columns)),
                    frame, complete, columns, fill)
    for j, column in enumerate(columns):
        values = prep.column(j)
        if np.ptp(values) == 0:
            raise MethodError("field_constant", column=column)
        prep.mean[j], prep.sd[j] = values.mean(), values.std(ddof=1)
        np.subtract(values, prep.mean[j], out=values)
        np.divide(values, prep.sd[j], out=prep.z[:, j])
    return prep


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
    if len(labels) and labels.min() >= 0 and (np.bincount(labels) > 0).all():
        return labels.astype(np.intp, copy=False)  # already 0 … k'−1, all present
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
                  threshold: float = LABEL_THRESHOLD, top: int = LABEL_TOP, lang=None) -> str:
    """Words for the ``top`` indicators with the largest |z| of the centre (≥ ``threshold``).

    "… high" / "… low" follow the value (z > 0 is high), whatever the direction; the
    direction only decides which end is need, and the order by |z| is the same either way.
    """
    say = as_words(lang or "de")
    high, low = say.translate("Clusters", LABEL_HIGH), say.translate("Clusters", LABEL_LOW)
    order = np.argsort(-np.abs(centre_z), kind="stable")
    words = [(high if centre_z[j] > 0 else low).format(label=indicators[j].label)
             for j in order[:top] if abs(centre_z[j]) >= threshold]
    return ", ".join(words) if words else say.translate("Clusters", LABEL_AVERAGE)


def _total_ss(z: np.ndarray) -> float:
    """Σ z² in the order numpy sums the column-major matrix the original-units table gives
    (``(z ** 2).sum()`` for that layout), without the n × d temporary."""
    m = z.shape[0]

    def values(start: int, stop: int) -> np.ndarray:  # column-major positions start … stop−1
        parts = []
        while start < stop:
            j, i = divmod(start, m)
            take = min(stop - start, m - i)
            parts.append(z[i:i + take, j])
            start += take
        return np.square(np.concatenate(parts))

    return ordered_sum(z.size, values)


def _summary(prep: Prepared, labels: np.ndarray, numbers: np.ndarray,
             names: list[str], centres: np.ndarray) -> tuple[pd.DataFrame, dict]:
    """One row per cluster; ``centres`` are the cluster means of z (:func:`cluster_means`)."""
    k = numbers.size
    within = within_ss(prep.z, labels, k)
    total = _total_ss(prep.z)  # z has mean 0, so this is the total SS
    members_of = [labels == old for old in range(k)]
    units = np.empty((k, len(prep.indicators)))  # cluster means in original units, column by column
    for j in range(len(prep.indicators)):
        column = pd.Series(prep.column(j))
        for old in range(k):
            units[old, j] = float(column.iloc[members_of[old]].mean())
    rows = []
    for old in np.argsort(numbers):
        members = members_of[old]
        row = {"cluster": int(numbers[old]), "cluster_label": names[old], "size": int(members.sum()),
               "share": 100.0 * members.mean(), "within_ss": float(within[old])}
        row["need_score"] = float((centres[old] * _directions(prep)).mean())
        for j, ind in enumerate(prep.indicators):
            row[ind.id] = units[old, j]
        for j, ind in enumerate(prep.indicators):
            row[f"z_{ind.id}"] = float(prep.z[members, j].mean())
        rows.append(row)
    within_total = float(within.sum())
    totals = {"total_ss": total, "within_ss": within_total, "between_ss": total - within_total,
              "between_total_ratio": (total - within_total) / total}
    return pd.DataFrame(rows), totals


def _directions(prep: Prepared) -> np.ndarray:
    return np.array([ind.need_direction for ind in prep.indicators], dtype=float)


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
    lang=None,
) -> ClusterResult:
    """Cluster the areas of ``frame``; see the module docstring for the steps.

    ``lang`` ('de'/'en' or a words object): the language of the cluster labels.
    ``need``: optional need index (column name or values) used to number the clusters.
    Returns assignments (``cluster`` Int64, ``cluster_label``) on ``frame.index``, a summary
    with ``cluster, cluster_label, size, share, within_ss, need_score``, the centre in original
    units (one column per indicator id) and in z (``z_<id>``), and totals
    ``total_ss, within_ss, between_ss, between_total_ratio`` (standardised units).
    """
    prep = prepare(frame, indicators, valid, impute)
    labels = _partition(prep, k, method, seed, n_init, ward_max_rows)
    k = int(labels.max()) + 1
    centres = cluster_means(prep.z, labels, k)
    need_values = None
    if need is not None:
        series = numeric_column(frame, need) if isinstance(need, str) \
            else pd.Series(np.asarray(need, dtype=float), index=frame.index)
        if frame.index.is_unique:  # by position: the same rows as .loc[prep.rows], no index copy
            need_values = pd.Series(series.to_numpy(dtype=float)[prep.used])
        else:
            need_values = series.loc[prep.rows]
    numbers = need_order(centres, _directions(prep), labels, need_values)
    del need_values
    names = [profile_label(centres[c], prep.indicators, label_threshold, lang=lang) for c in range(k)]
    summary, totals = _summary(prep, labels, numbers, names, centres)
    rows = prep.rows
    del prep  # the standardised matrix is done with: its memory is free for the assignments
    cluster = pd.Series(pd.NA, index=frame.index, dtype="Int64")
    cluster.loc[rows] = numbers[labels]
    label = pd.Series(np.full(len(frame), None, dtype=object), index=frame.index)
    label.loc[rows] = np.array(names, dtype=object)[labels]
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
    total = _total_ss(prep.z)
    z_by_column = np.asfortranarray(prep.z)  # the layout the quality measures were made with
    rows = []
    for k in ks:
        labels = _partition(prep, k, method, seed, n_init, ward_max_rows)
        within = float(within_ss(prep.z, labels, int(labels.max()) + 1).sum())
        rows.append({"k": k, "silhouette": silhouette(z_by_column, labels, sample_size, seed),
                     "calinski_harabasz": calinski_harabasz(z_by_column, labels),
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
