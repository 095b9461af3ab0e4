"""Numeric engine for clustering: k-means (numpy only) and cluster quality measures.

Works on a plain float64 matrix that the caller has already standardised and cleaned
(see :mod:`.clusters` for tables, missing values and labels).

k-means follows the recipe of scikit-learn's ``KMeans`` (so results are comparable): greedy
k-means++ seeding with ``2 + ln k`` local trials, Lloyd iterations until the labels no longer
change or the squared centre shift drops below ``tol · mean variance``, ``n_init`` restarts
with seeds drawn from one ``numpy.random.default_rng(seed)`` (deterministic). All runs iterate
side by side in one BLAS product per block of rows. The best runs are then polished with
Hartigan single-point moves (never worse, often a little better than Lloyd alone; skipped
above ``HARTIGAN_MAX_ROWS``) and the lowest inertia wins. Squared distances are computed as
‖c‖² − 2·x·c (‖x‖² is the same for every centre, so it only enters the inertia), on blocks of
rows so memory stays bounded for large tables.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .errors import MethodError

#: Small tables get at least ``SMALL_N_INIT`` starts: there a start costs well under a
#: millisecond, and more starts make a better optimum much more likely.
SMALL_ROWS = 5_000
SMALL_N_INIT = 50
#: Lloyd solutions polished by Hartigan moves: the best few on small tables, the best one up
#: to ``HARTIGAN_MAX_ROWS``; above that the polish costs more than it brings.
POLISH_SMALL = 8
HARTIGAN_MAX_ROWS = 20_000
#: Elements of the distance block (runs × centres × rows) computed at once: 512 kB, stays in cache.
BLOCK_ELEMENTS = 1 << 16


@dataclass
class KMeansResult:
    labels: np.ndarray   # 0 … k−1 per row
    centres: np.ndarray  # k × d
    inertia: float       # sum of squared distances to the own centre
    n_iter: int


def _assign(XT1: np.ndarray, centres: np.ndarray, full: bool = False, exact: bool = False):
    """Nearest centres for several runs at once; returns (sums, low_sum, labels, best).

    ``XT1`` is the data transposed (d × n) with a row of ones appended, ``centres`` is
    runs × k × d. ``sums`` (runs × k × (d+1)) holds per-cluster sums of the points, with the
    counts in the last column; it is accumulated in the same pass while a block is in cache.
    ``low_sum`` (runs) is Σ min_c (‖c‖² − 2·x·c), so the inertia is Σ‖x‖² + low_sum.
    ‖c‖² rides along in the product through the ones row. With ``full`` also the labels and
    ‖c‖² − 2·x·c to the nearest centre (runs × n) are returned (else None). All runs share one
    BLAS product per block, which makes ``n_init`` restarts cheap. Equal distances would put a
    point into two clusters; that is detected from the counts and the call is redone with
    ``exact`` (first nearest centre, like argmin).
    """
    runs, k, d = centres.shape
    n = XT1.shape[1]
    flat = centres.reshape(runs * k, d)
    weights = np.hstack([-2.0 * flat, np.einsum("ij,ij->i", flat, flat)[:, None]])
    sums = np.zeros((runs * k, d + 1))
    low_sum = np.zeros(runs)
    labels = np.empty((runs, n), dtype=np.intp) if full else None
    best = np.empty((runs, n)) if full else None
    step = max(256, BLOCK_ELEMENTS // (runs * k))
    for start in range(0, n, step):
        block = XT1[:, start:start + step]
        dist = (weights @ block).reshape(runs, k, -1)
        low = dist.min(axis=1)
        low_sum += low.sum(axis=1)
        if exact or full:
            label = dist.argmin(axis=1)
            onehot = (label[:, None, :] == np.arange(k)[None, :, None]).astype(float)
            if full:
                labels[:, start:start + step], best[:, start:start + step] = label, low
        else:
            onehot = (dist == low[:, None, :]).astype(float)
        sums += onehot.reshape(runs * k, -1) @ block.T
    sums = sums.reshape(runs, k, d + 1)
    if not exact and (sums[:, :, -1].sum(axis=1) != n).any():
        return _assign(XT1, centres, full, exact=True)
    return sums, low_sum, labels, best


def _kmeans_plusplus(X: np.ndarray, xx: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    """Greedy k-means++: each new centre is the best of ``2 + ln k`` D²-weighted candidates."""
    n = X.shape[0]
    trials = 2 + int(np.log(k))
    centres = np.empty((k, X.shape[1]))
    first = rng.integers(n)
    centres[0] = X[first]
    closest = np.maximum(xx - 2.0 * X @ X[first] + xx[first], 0.0)
    potential = closest.sum()
    for c in range(1, k):
        if potential <= 0.0:  # fewer distinct points than k: duplicates are all we can add
            centres[c:] = X[rng.integers(n, size=k - c)]
            break
        picks = np.searchsorted(np.cumsum(closest), rng.random(trials) * potential)
        picks = np.minimum(picks, n - 1)
        cand = X[picks]
        dist = xx[None, :] - 2.0 * cand @ X.T + np.einsum("ij,ij->i", cand, cand)[:, None]
        np.maximum(dist, 0.0, out=dist)
        np.minimum(dist, closest[None, :], out=dist)
        pots = dist.sum(axis=1)
        best = int(np.argmin(pots))
        potential, closest = pots[best], dist[best]
        centres[c] = cand[best]
    return centres


def _relocate_empty(X: np.ndarray, xx: np.ndarray, XT1: np.ndarray, centres: np.ndarray,
                    sums: np.ndarray) -> None:
    """Give each empty cluster the point farthest from its centre (as scikit-learn does)."""
    _, _, labels, best = _assign(XT1, centres[None], full=True)
    labels, best = labels[0], best[0]
    empty = np.flatnonzero(sums[:, -1] == 0)
    far = np.argsort(-(xx + best), kind="stable")[: empty.size]
    for cluster, point in zip(empty, far):
        sums[labels[point], :-1] -= X[point]
        sums[labels[point], -1] -= 1
        sums[cluster, :-1], sums[cluster, -1] = X[point], 1
        labels[point] = cluster


def _lloyd(X: np.ndarray, XT1: np.ndarray, xx: np.ndarray, starts: np.ndarray,
           max_iter: int, tol: float) -> tuple[np.ndarray, np.ndarray]:
    """Lloyd iterations for several starts side by side; a run leaves the batch once converged.

    A run stops when the squared centre shift is ≤ ``tol``. Unchanged labels give bitwise
    unchanged sums and so a shift of exactly 0: the labels need not be kept between iterations.
    """
    runs = starts.shape[0]
    centres = starts.copy()
    active = np.ones(runs, dtype=bool)
    n_iter = np.zeros(runs, dtype=int)
    for iteration in range(1, max_iter + 1):
        ids = np.flatnonzero(active)
        if ids.size == 0:
            break
        sums = _assign(XT1, centres[ids])[0]
        for pos, run in enumerate(ids):
            n_iter[run] = iteration
            if (sums[pos, :, -1] == 0).any():
                _relocate_empty(X, xx, XT1, centres[run], sums[pos])
            new_centres = sums[pos, :, :-1] / sums[pos, :, -1:]
            shift = float(((new_centres - centres[run]) ** 2).sum())
            centres[run] = new_centres
            if shift <= tol:
                active[run] = False
    return centres, n_iter


def _move_gains(X: np.ndarray, xx: np.ndarray, labels: np.ndarray, centres: np.ndarray,
                counts: np.ndarray) -> np.ndarray:
    """Rows whose single move to another cluster lowers the inertia, best gain first.

    Moving x from A (size nA) to B changes the inertia by nB/(nB+1)·‖x−cB‖² − nA/(nA−1)·‖x−cA‖²
    (Hartigan & Wong). A Lloyd fixed point can still have such rows.
    """
    rows = np.arange(X.shape[0])
    dist = np.maximum(xx[:, None] - 2.0 * X @ centres.T + np.einsum("ij,ij->i", centres, centres), 0.0)
    own = counts[labels]
    remove = np.where(own > 1, own / np.maximum(own - 1, 1) * dist[rows, labels], -np.inf)
    add = dist * (counts / (counts + 1))
    add[rows, labels] = np.inf
    gain = remove - add.min(axis=1)
    scale = float(np.mean(xx)) + 1.0
    movers = np.flatnonzero(gain > 1e-9 * scale)
    return movers[np.argsort(-gain[movers], kind="stable")]


def _hartigan(X: np.ndarray, xx: np.ndarray, result: KMeansResult, max_rounds: int = 50) -> KMeansResult:
    """Polish a Lloyd solution with single-point moves; each move strictly lowers the inertia.

    Candidates are screened for all rows at once; only they are moved one by one (with exact
    distances and centres updated after every move). Lloyd-stable but Hartigan-improvable
    solutions are common on real data with overlapping groups, so this is what lets the best of
    ``n_init`` runs match or beat scikit-learn's best of as many.
    """
    k = result.centres.shape[0]
    labels = result.labels.copy()
    counts = np.bincount(labels, minlength=k).astype(float)
    if (counts == 0).any():  # only with duplicate points; nothing to polish then
        return result
    centres = result.centres.copy()
    for _ in range(max_rounds):
        moved = 0
        for i in _move_gains(X, xx, labels, centres, counts):
            a, x = labels[i], X[i]
            if counts[a] <= 1:
                continue
            d2 = ((centres - x) ** 2).sum(axis=1)
            add = d2 * counts / (counts + 1)
            add[a] = np.inf
            b = int(np.argmin(add))
            if add[b] >= d2[a] * counts[a] / (counts[a] - 1) * (1 - 1e-12):
                continue  # earlier moves in this round changed the picture
            centres[a] = (centres[a] * counts[a] - x) / (counts[a] - 1)
            centres[b] = (centres[b] * counts[b] + x) / (counts[b] + 1)
            counts[a] -= 1
            counts[b] += 1
            labels[i] = b
            moved += 1
        if not moved:
            break
    sums = np.stack([np.bincount(labels, weights=col, minlength=k) for col in X.T], axis=1)
    centres = sums / counts[:, None]
    if np.array_equal(labels, result.labels):
        return result
    inertia = float(((X - centres[labels]) ** 2).sum())
    return KMeansResult(labels, centres, inertia, result.n_iter) if inertia < result.inertia else result


def kmeans(X: np.ndarray, k: int, n_init: int = 10, seed: int | None = 0,
           max_iter: int = 300, tol: float = 1e-4) -> KMeansResult:
    """Best of ``n_init`` k-means runs (k-means++ start, Lloyd iterations, Hartigan polish).

    Small problems (n·k ≤ 40 000, e.g. 5 000 areas and k = 8) use at least ``SMALL_N_INIT``
    starts; all starts derive from ``seed``, so results are reproducible.
    """
    X = np.ascontiguousarray(X, dtype=np.float64)
    n = X.shape[0]
    if k < 1:
        raise MethodError("k_invalid", k=k)
    if k > n:
        raise MethodError("k_too_large", k=k, n=n)
    XT1 = np.vstack([X.T, np.ones((1, n))])
    xx = np.einsum("ij,ij->i", X, X)
    abs_tol = tol * float(np.mean(np.var(X, axis=0)))
    starts_wanted = max(1, n_init, SMALL_N_INIT if n * k <= SMALL_ROWS * 8 else 0)
    seeds = np.random.default_rng(seed).integers(0, 2**32 - 1, size=starts_wanted)
    starts = np.stack([_kmeans_plusplus(X, xx, k, np.random.default_rng(s)) for s in seeds])
    centres, n_iter = _lloyd(X, XT1, xx, starts, max_iter, abs_tol)
    # One cheap pass rates every run; only the runs worth polishing need their labels.
    inertia = xx.sum() + _assign(XT1, centres)[1]
    order = np.argsort(inertia, kind="stable")
    polish = POLISH_SMALL if n <= SMALL_ROWS else 1 if n <= HARTIGAN_MAX_ROWS else 0
    keep = order[:max(1, polish)]
    labels = _assign(XT1, centres[keep], full=True)[2]
    results = []
    for pos, run in enumerate(keep):
        exact = float(((X - centres[run][labels[pos]]) ** 2).sum())
        result = KMeansResult(labels[pos], centres[run], exact, int(n_iter[run]))
        results.append(_hartigan(X, xx, result) if polish else result)
    return min(results, key=lambda r: r.inertia)  # first of equals: deterministic


# --- quality -------------------------------------------------------------------------------------

def within_ss(X: np.ndarray, labels: np.ndarray, k: int) -> np.ndarray:
    """Sum of squared distances to the cluster mean, per cluster (length k)."""
    out = np.zeros(k)
    for c in range(k):
        members = X[labels == c]
        if len(members):
            out[c] = ((members - members.mean(axis=0)) ** 2).sum()
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
