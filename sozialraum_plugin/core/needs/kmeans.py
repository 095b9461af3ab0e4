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

Memory: nothing of the size of the data is copied (a million areas × 10 indicators is 80 MB;
issue 8 asks for at most three times that for index and clusters together). The blocks the
distance products need are built from the rows as they are used, and sums over all rows
(inertia, within-cluster sums of squares, cluster means, k-means++ potentials) are taken slice
by slice in exactly the order numpy sums a whole array (:func:`ordered_sum`,
:func:`column_sums`), so they give the same numbers as the one-line numpy expressions they
replace, without their n × d temporaries. (The Lloyd products of a block laid out on its own
can differ in the last bit from those of one transposed copy of all rows, as BLAS results
depend on the memory layout; on the test and benchmark data not a single label changes.)
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..errors import MethodError

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
#: numpy sums a contiguous array in buffers of this many elements: pairwise inside each, the
#: buffers one after another. :func:`ordered_sum` follows that order exactly.
SUM_CHUNK = 8192
#: Rows per slice in the slice-by-slice sums (a few MB at a time).
SLICE_ROWS = 1 << 15
#: Rows per block of the k-means++ candidate distances (a multiple of SUM_CHUNK).
KPP_BLOCK = 8 * SUM_CHUNK


@dataclass
class KMeansResult:
    labels: np.ndarray   # 0 … k−1 per row
    centres: np.ndarray  # k × d
    inertia: float       # sum of squared distances to the own centre
    n_iter: int


def ordered_sum(size: int, values) -> float:
    """``np.sum`` of a contiguous float64 array of ``size`` elements that is never built:
    ``values(start, stop)`` returns elements start … stop−1. numpy sums such an array as the
    pairwise sums of its 8192-element buffers, added one after another; so does this, so the
    result is the same to the last bit."""
    total = 0.0
    slab = 64 * SUM_CHUNK
    for start in range(0, size, slab):
        stop = min(size, start + slab)
        part = np.asarray(values(start, stop), dtype=np.float64)
        full = (stop - start) // SUM_CHUNK * SUM_CHUNK
        if full:
            for partial in part[:full].reshape(-1, SUM_CHUNK).sum(axis=1).tolist():
                total += partial
        if full < len(part):
            total += float(np.add.reduce(part[full:]))
    return total


def rows_sum(n_rows: int, d: int, rows) -> float:
    """``M.sum()`` of a row-major (C-order) n_rows × d array given by ``rows(a, b)`` (rows a … b−1)."""
    def values(start: int, stop: int) -> np.ndarray:
        first, last = start // d, -(-stop // d)
        return rows(first, last).ravel()[start - first * d:stop - first * d]

    return ordered_sum(n_rows * d, values)


def column_sums(n_rows: int, rows) -> np.ndarray:
    """``M.sum(axis=0)`` of a row-major n_rows × d array given by ``rows(a, b)``: numpy adds the
    rows one after another (per column), and so does this, a slice of rows at a time."""
    total = None
    for start in range(0, n_rows, SLICE_ROWS):
        block = rows(start, min(n_rows, start + SLICE_ROWS))
        total = np.add.reduce(block if total is None else np.vstack([total[None, :], block]), axis=0)
    return total


def column_var(X: np.ndarray) -> np.ndarray:
    """``np.var(X, axis=0)`` of a row-major X without the n × d temporary ``X − mean``."""
    n = X.shape[0]
    mean = column_sums(n, lambda a, b: X[a:b]) / n
    squares = column_sums(n, lambda a, b: np.square(X[a:b] - mean))
    return squares / n


def cluster_means(X: np.ndarray, labels: np.ndarray, k: int) -> np.ndarray:
    """``X[labels == c].mean(axis=0)`` for c = 0 … k−1 (k × d), without copying the members."""
    centres = np.empty((k, X.shape[1]))
    for c in range(k):
        members = np.flatnonzero(labels == c)
        centres[c] = column_sums(len(members), lambda a, b, m=members: X[m[a:b]]) / len(members) \
            if len(members) else np.nan
    return centres


def _assign(X: np.ndarray, centres: np.ndarray, full: bool = False, exact: bool = False):
    """Nearest centres for several runs at once; returns (sums, low_sum, labels, best).

    ``X`` is the data (n × d, row-major), ``centres`` is runs × k × d. For each block of rows
    the data is laid out transposed (d × rows) with a row of ones appended, so that one BLAS
    product gives ‖c‖² − 2·x·c for every run and centre. ``sums`` (runs × k × (d+1)) holds
    per-cluster sums of the points, with the counts in the last column; it is accumulated in
    the same pass while a block is in cache. ``low_sum`` (runs) is Σ min_c (‖c‖² − 2·x·c), so
    the inertia is Σ‖x‖² + low_sum. With ``full`` also the labels and ‖c‖² − 2·x·c to the
    nearest centre (runs × n) are returned (else None). All runs share one BLAS product per
    block, which makes ``n_init`` restarts cheap. Equal distances would put a point into two
    clusters; that is detected from the counts and the call is redone with ``exact`` (first
    nearest centre, like argmin).
    """
    runs, k, d = centres.shape
    n = X.shape[0]
    flat = centres.reshape(runs * k, d)
    weights = np.hstack([-2.0 * flat, np.einsum("ij,ij->i", flat, flat)[:, None]])
    sums = np.zeros((runs * k, d + 1))
    low_sum = np.zeros(runs)
    labels = np.empty((runs, n), dtype=np.intp) if full else None
    best = np.empty((runs, n)) if full else None
    step = max(256, BLOCK_ELEMENTS // (runs * k))
    buffer = np.empty((d + 1, min(step, n)))
    buffer[d] = 1.0
    for start in range(0, n, step):
        width = min(n, start + step) - start
        block = buffer[:, :width]
        block[:d] = X[start:start + width].T
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
        return _assign(X, centres, full, exact=True)
    return sums, low_sum, labels, best


def _kmeans_plusplus(X: np.ndarray, xx: np.ndarray, k: int, rng: np.random.Generator,
                     work: dict | None = None) -> np.ndarray:
    """Greedy k-means++: each new centre is the best of ``2 + ln k`` D²-weighted candidates.

    The candidates' distances are computed a block of rows at a time (the product of a block
    gives the same numbers as that part of the whole product, and the potentials are summed in
    numpy's order), so no trials × n matrix is held; the chosen candidate's block is computed
    again to update the closest distances. ``work`` keeps the n-sized buffer between the
    restarts of one :func:`kmeans`.
    """
    n = X.shape[0]
    trials = 2 + int(np.log(k))
    work = {} if work is None else work
    if work.get("n") != (n, trials):
        work.update(n=(n, trials), closest=np.empty(n), block=np.empty((trials, min(n, KPP_BLOCK))))
    closest, buffer = work["closest"], work["block"]
    centres = np.empty((k, X.shape[1]))
    first = rng.integers(n)
    centres[0] = X[first]
    # max(‖x‖² − 2·x·c + ‖c‖², 0) in place. (2X)·c = 2(X·c) exactly (doubling is exact), so
    # doubling the n-vector instead of the n × d matrix gives the same numbers.
    np.matmul(X, X[first], out=closest)
    closest *= 2.0
    np.subtract(xx, closest, out=closest)
    closest += xx[first]
    np.maximum(closest, 0.0, out=closest)
    potential = closest.sum()
    for c in range(1, k):
        if potential <= 0.0:  # fewer distinct points than k: duplicates are all we can add
            centres[c:] = X[rng.integers(n, size=k - c)]
            break
        picks = _search_cumsum(closest, rng.random(trials) * potential)
        picks = np.minimum(picks, n - 1)
        cand = X[picks]
        twice, norms = 2.0 * cand, np.einsum("ij,ij->i", cand, cand)[:, None]

        def distances(start: int, twice=twice, norms=norms) -> np.ndarray:
            """min(‖x‖² − 2·x·c + ‖c‖² (≥ 0), closest) for the rows start … start+block."""
            rows = slice(start, min(n, start + KPP_BLOCK))
            dist = buffer[:, :rows.stop - start]
            np.matmul(twice, X[rows].T, out=dist)
            np.subtract(xx[None, rows], dist, out=dist)
            dist += norms
            np.maximum(dist, 0.0, out=dist)
            np.minimum(dist, closest[None, rows], out=dist)
            return dist

        pots = np.zeros(trials)  # dist.sum(axis=1): 8192-element chunks, pairwise, in order
        for start in range(0, n, KPP_BLOCK):
            dist = distances(start)
            full = dist.shape[1] // SUM_CHUNK * SUM_CHUNK
            for chunk in dist[:, :full].reshape(trials, -1, SUM_CHUNK).sum(axis=2).T:
                pots += chunk
            if full < dist.shape[1]:
                pots += np.add.reduce(dist[:, full:], axis=1)
        best = int(np.argmin(pots))
        potential = pots[best]
        for start in range(0, n, KPP_BLOCK):
            closest[start:start + KPP_BLOCK] = distances(start)[best]
        centres[c] = cand[best]
    return centres


def _search_cumsum(values: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """``np.searchsorted(np.cumsum(values), targets)`` without the n-sized cumulative sum: the
    running sum is continued slice by slice (each slice's cumsum starts from the carry, so the
    sums are the same, added in the same order)."""
    found = np.full(len(targets), len(values), dtype=np.intp)
    open_ = np.ones(len(targets), dtype=bool)
    carry = None
    for start in range(0, len(values), SLICE_ROWS):
        part = values[start:start + SLICE_ROWS]
        running = np.cumsum(part) if carry is None else np.cumsum(np.concatenate([[carry], part]))[1:]
        here = open_ & (targets <= running[-1])
        if here.any():
            found[here] = start + np.searchsorted(running, targets[here])
            open_ &= ~here
            if not open_.any():
                break
        carry = running[-1]
    return found


def _relocate_empty(X: np.ndarray, xx: np.ndarray, centres: np.ndarray, sums: np.ndarray) -> None:
    """Give each empty cluster the point farthest from its centre (as scikit-learn does)."""
    _, _, labels, best = _assign(X, centres[None], full=True)
    labels, best = labels[0], best[0]
    empty = np.flatnonzero(sums[:, -1] == 0)
    far = np.argsort(-(xx + best), kind="stable")[: empty.size]
    for cluster, point in zip(empty, far):
        sums[labels[point], :-1] -= X[point]
        sums[labels[point], -1] -= 1
        sums[cluster, :-1], sums[cluster, -1] = X[point], 1
        labels[point] = cluster


def _lloyd(X: np.ndarray, xx: np.ndarray, starts: np.ndarray,
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
        sums = _assign(X, centres[ids])[0]
        for pos, run in enumerate(ids):
            n_iter[run] = iteration
            if (sums[pos, :, -1] == 0).any():
                _relocate_empty(X, xx, centres[run], sums[pos])
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
    xx = np.einsum("ij,ij->i", X, X)
    abs_tol = tol * float(np.mean(column_var(X)))
    starts_wanted = max(1, n_init, SMALL_N_INIT if n * k <= SMALL_ROWS * 8 else 0)
    seeds = np.random.default_rng(seed).integers(0, 2**32 - 1, size=starts_wanted)
    work: dict = {}
    starts = np.stack([_kmeans_plusplus(X, xx, k, np.random.default_rng(s), work) for s in seeds])
    del work
    centres, n_iter = _lloyd(X, xx, starts, max_iter, abs_tol)
    # One cheap pass rates every run; only the runs worth polishing need their labels.
    inertia = xx.sum() + _assign(X, centres)[1]
    order = np.argsort(inertia, kind="stable")
    polish = POLISH_SMALL if n <= SMALL_ROWS else 1 if n <= HARTIGAN_MAX_ROWS else 0
    keep = order[:max(1, polish)]
    labels = _assign(X, centres[keep], full=True)[2]
    results = []
    for pos, run in enumerate(keep):
        exact = inertia_of(X, centres[run], labels[pos])
        result = KMeansResult(labels[pos], centres[run], exact, int(n_iter[run]))
        results.append(_hartigan(X, xx, result) if polish else result)
    return min(results, key=lambda r: r.inertia)  # first of equals: deterministic


def inertia_of(X: np.ndarray, centres: np.ndarray, labels: np.ndarray) -> float:
    """``((X − centres[labels]) ** 2).sum()`` for a row-major X, a slice at a time."""
    return rows_sum(X.shape[0], X.shape[1], lambda a, b: np.square(X[a:b] - centres[labels[a:b]]))
