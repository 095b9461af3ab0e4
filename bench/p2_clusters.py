"""P2_clusters: need index (MSS method on 10 indicators) + our k-means (k = 6, 10 restarts) on n
synthetic areas, beside scikit-learn's KMeans (k = 6, n_init = 10) on the same standardised matrix.

ours = core.needs.index.mss_index + core.needs.clusters.cluster_areas (standardising, k-means++, Lloyd,
numbering by need, labels, summary); peer = sklearn.cluster.KMeans(...).fit(z) only, where z is
the matrix our clustering standardises (valid areas, sample SD). inertia_ratio compares the
within-cluster sum of squares of both partitions on z (ours / peer; ≤ 1.001 is the goal).
Both sides run with one BLAS/OpenMP thread (see run()).

    .venv/bin/python bench/p2_clusters.py [n] [--repeats 5] [--json]
"""
from __future__ import annotations

from harness import alternate, cli  # (importing harness puts the project on sys.path)
from synth import INDICATORS, indicator_frame

K = 6
N_INIT = 10


def run(n: int = 100_000, repeats: int = 5) -> dict:
    from sklearn.cluster import KMeans
    from threadpoolctl import threadpool_limits

    from sozialraum_plugin.core.needs.clusters import cluster_areas, prepare
    from sozialraum_plugin.core.needs.index import mss_index

    frame = indicator_frame(n)
    result = {}

    def ours():
        index = mss_index(frame, INDICATORS, population="EW")
        clusters = cluster_areas(frame, INDICATORS, K, n_init=N_INIT, seed=0, valid=index["valid"],
                                 need=index["status_index"])
        result["ours"] = clusters

    valid = mss_index(frame, INDICATORS, population="EW")["valid"]
    z = prepare(frame, INDICATORS, valid=valid).z

    def peer():
        result["peer"] = KMeans(n_clusters=K, n_init=N_INIT, random_state=0).fit(z)

    # One thread each: on a shared 2-core machine scikit-learn's OpenMP threads (nested with
    # OpenBLAS's) were 4-5x slower than one thread, which would flatter us. One thread is fair.
    with threadpool_limits(limits=1):
        ours_s, peer_s = alternate(ours, peer, repeats)
    inertia_ours = result["ours"].totals["within_ss"]
    inertia_peer = float(result["peer"].inertia_)
    return {"n": n, "ours_s": round(ours_s, 3), "peer_s": round(peer_s, 3), "ratio": round(ours_s / peer_s, 3),
            "inertia_ratio": round(inertia_ours / inertia_peer, 6), "k": K, "n_init": N_INIT, "threads": 1,
            "rows_clustered": int(z.shape[0])}


if __name__ == "__main__":
    cli(run)
