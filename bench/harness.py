"""Shared pieces of the benchmarks: a headless QGIS with the provider, and fair timing.

Each comparison runs ours and the peer alternately, several times, and keeps the medians, so
a noisy neighbour on a shared machine hurts both sides alike.
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
_APP = None
_PROVIDER = None


def start_qgis():
    """QgsApplication + Processing + our provider (once per process)."""
    global _APP, _PROVIDER
    if _APP is not None:
        return _APP
    from qgis.core import QgsApplication

    _APP = QgsApplication([], False)
    _APP.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing

    Processing.initialize()
    from sozialraum_plugin.processing.provider import SozialraumProvider

    _PROVIDER = SozialraumProvider()
    QgsApplication.processingRegistry().addProvider(_PROVIDER)
    return _APP


def alternate(ours, peer, repeats: int = 5, warmup: bool = True) -> tuple[float, float]:
    """Median seconds of ours() and peer(), run alternately."""
    if warmup:
        ours()
        peer()
    times_ours, times_peer = [], []
    for i in range(repeats):
        for fn, sink in ((ours, times_ours), (peer, times_peer)) if i % 2 == 0 else \
                ((peer, times_peer), (ours, times_ours)):
            start = time.perf_counter()
            fn()
            sink.append(time.perf_counter() - start)
    return statistics.median(times_ours), statistics.median(times_peer)


def cli(run, default_n: int = 100_000) -> None:
    """The command line of a size-and-repeats benchmark module: ``python pX.py [n] [--json]``."""
    import argparse
    import json

    parser = argparse.ArgumentParser()
    parser.add_argument("n", nargs="?", type=int, default=default_n)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print one JSON line (for run.py)")
    args = parser.parse_args()
    out = run(args.n, args.repeats)
    print(json.dumps(out) if args.json else out, flush=True)
