"""P5_memory: peak memory of need index + clusters at n areas × 10 indicators, against the size
of the numeric data (n × 10 × 8 bytes).

Each measurement is a fresh process: ``ours`` builds the indicator columns (one float64 block,
see synth.indicator_columns), runs the MSS need index on them, keeps what the clustering step
reads from it (the ``valid`` flag and the index, as need_clusters reads them from the layer),
and clusters (k = 6, 10 restarts); ``baseline`` only imports numpy and pandas. peak_mb is the
difference of their ``ru_maxrss`` (resident memory; tracemalloc misses BLAS buffers and
allocator overhead), in MiB like data_mb.

    .venv/bin/python bench/p5_memory.py [n] [--repeats 2] [--json]
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
N_INDICATORS = 10


def child(mode: str, n: int) -> None:
    import resource

    import numpy  # noqa: F401
    import pandas  # noqa: F401

    out = {"mode": mode}
    if mode == "ours":
        sys.path.insert(0, str(HERE))
        sys.path.insert(0, str(HERE.parent))
        from synth import indicator_columns

        from sozialraum_plugin.core.needs.clusters import cluster_areas
        from sozialraum_plugin.core.needs.index import mss_index

        ids = [f"I{j + 1:02d}" for j in range(N_INDICATORS)]
        frame = indicator_columns(n, n_indicators=N_INDICATORS)
        out["after_data_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        start = time.perf_counter()
        index = mss_index(frame, ids, population="EW")
        valid, need = index["valid"].copy(), index["status_index"].copy()  # what need_clusters reads
        del index
        out["after_index_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        result = cluster_areas(frame, ids, 6, n_init=10, seed=0, valid=valid, need=need)
        out["seconds"] = time.perf_counter() - start
        out["clusters"] = int(result.k)
    out["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(out), flush=True)


def measure(mode: str, n: int) -> dict:
    done = subprocess.run([sys.executable, __file__, "--child", mode, str(n)], capture_output=True, text=True)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise SystemExit(f"p5 {mode} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(lines[-1])


def run(n: int = 1_000_000, repeats: int = 2) -> dict:
    ours, base = [], []
    for i in range(repeats):
        for mode, sink in (("ours", ours), ("baseline", base)) if i % 2 == 0 else \
                (("baseline", base), ("ours", ours)):
            sink.append(measure(mode, n))
    peak = statistics.median(r["maxrss_mb"] for r in ours) - statistics.median(r["maxrss_mb"] for r in base)
    data = n * N_INDICATORS * 8 / 2**20
    base_mb = statistics.median(r["maxrss_mb"] for r in base)
    return {"n": n, "peak_mb": round(peak, 1), "data_mb": round(data, 1), "ratio": round(peak / data, 2),
            "after_data_mb": round(statistics.median(r["after_data_mb"] for r in ours) - base_mb, 1),
            "after_index_mb": round(statistics.median(r["after_index_mb"] for r in ours) - base_mb, 1),
            "seconds": round(statistics.median(r["seconds"] for r in ours), 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", nargs="?", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]))
        return
    out = run(args.n, args.repeats)
    print(json.dumps(out) if args.json else out, flush=True)


if __name__ == "__main__":
    main()
