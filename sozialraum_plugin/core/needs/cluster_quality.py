"""How good a partition is: within-cluster sums of squares, Calinski-Harabasz, silhouette.

Used to suggest a number of clusters (shown to the user, never forced); computed slice by slice
so that 100,000 areas need no n × n matrix.
"""
from __future__ import annotations

import numpy as np

from .kmeans import cluster_means, rows_sum


def within_ss(X: np.ndarray, labels: np.ndarray, k: int) -> np.ndarray:
    """Sum of squared distances to the cluster mean, per cluster (length k).

    The same numbers as ``((m − m.mean(axis=0)) ** 2).sum()`` with ``m = X[labels == c]``,
    computed a slice of members at a time (no copy of the cluster).
    """
    out = np.zeros(k)
    means = cluster_means(X, labels, k)
    for c in range(k):
        members = np.flatnonzero(labels == c)
        if len(members):
            out[c] = rows_sum(len(members), X.shape[1],
                              lambda a, b, m=members, c=c: np.square(X[m[a:b]] - means[c]))
    return out


def calinski_harabasz(X: np.ndarray, labels: np.ndarray) -> float:
    """(between SS / (k − 1)) / (within SS / (n − k)); NaN when undefined (k < 2 or k ≥ n)."""
    n, k = X.shape[0], int(labels.max()) + 1
    if k < 2 or n <= k:
        return float("nan")
    within = within_ss(X, labels, k).sum()
    between = ((X - X.mean(axis=0)) ** 2).sum() - within
    return float("inf") if within == 0 else float(between * (n - k) / (within * (k - 1)))


def silhouette(X: np.ndarray, labels: np.ndarray, sample_size: int | None = 4000,
               seed: int | None = 0) -> float:
    """Mean silhouette width (Euclidean), on a seeded random subsample above ``sample_size``.

    s(i) = (b − a) / max(a, b) with a = mean distance to its own cluster (without i) and
    b = smallest mean distance to another cluster; s = 0 for members of singleton clusters.
    Distances are built in row blocks and folded into per-cluster sums, so memory is
    O(block × m), not O(m²).
    """
    X = np.asarray(X, dtype=float)
    labels = np.asarray(labels)
    if sample_size is not None and X.shape[0] > sample_size:
        rows = np.sort(np.random.default_rng(seed).choice(X.shape[0], sample_size, replace=False))
        X, labels = X[rows], labels[rows]
    _, labels = np.unique(labels, return_inverse=True)
    k = int(labels.max()) + 1 if labels.size else 0
    if k < 2 or k >= X.shape[0]:
        return float("nan")
    onehot = np.zeros((X.shape[0], k))
    onehot[np.arange(X.shape[0]), labels] = 1.0
    sizes = onehot.sum(axis=0)
    xx = np.einsum("ij,ij->i", X, X)
    scores = np.empty(X.shape[0])
    step = max(1, (1 << 21) // X.shape[0])
    for start in range(0, X.shape[0], step):
        block = slice(start, min(X.shape[0], start + step))
        d2 = xx[block, None] - 2.0 * X[block] @ X.T + xx[None, :]
        sums = np.sqrt(np.maximum(d2, 0.0)) @ onehot  # block × k distance sums per cluster
        own = labels[block]
        rows = np.arange(sums.shape[0])
        own_size = sizes[own] - 1
        a = np.divide(sums[rows, own], own_size, out=np.zeros_like(own_size), where=own_size > 0)
        others = sums / sizes
        others[rows, own] = np.inf
        b = others.min(axis=1)
        s = (b - a) / np.maximum(a, b)
        scores[block] = np.where(own_size > 0, np.nan_to_num(s), 0.0)
    return float(scores.mean())
