"""P3_profiles: our profile sheets (sozialraum:profilesheets) for the 542 Berlin areas beside two
peers: QGIS exporting the very layout our run saved (the goal's figure, ``same_ratio``: the
plugin's own cost) and a bare QGIS atlas of the same layer with a plain A4 page (``ratio``:
informational; the page's QGIS items cost most of it, see bench/profiles_vs_atlas.py --parts).

The measuring itself is bench/profiles_vs_atlas.py (written with the profile sheets): every run
is a fresh process; "ours" is the whole algorithm (reading, facts, charts, GeoPackage, layout,
PDF export), "same" QGIS alone exporting the atlas of the .qgz ours saved (fresh process, no
plugin code), "peer" the bare atlas over the GeoPackage our run wrote (an A4 page with one
atlas-driven map, the same PDF settings). Here the runs alternate through harness.alternate and
the medians of wall seconds are kept, like the other entries. If the algorithm or that script
is missing, the entry says {"skipped": reason}; numbers are never made up.

    .venv/bin/python bench/p3_profiles.py [--repeats 3] [--json]
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import tempfile
from pathlib import Path

from harness import alternate

HERE = Path(__file__).resolve().parent


def run(repeats: int = 3) -> dict:
    if not (HERE / "profiles_vs_atlas.py").exists():
        return {"skipped": "bench/profiles_vs_atlas.py is not there yet"}
    import profiles_vs_atlas as pva

    folder = Path(tempfile.mkdtemp(prefix="bench_profiles_"))
    seen = {"ours": [], "peer": [], "same": []}
    try:
        pva.child("prepare", folder)

        def ours():
            seen["ours"].append(pva.child("ours", folder))

        def peer():  # both peers, right after one another: the bare atlas and the same layout
            seen["peer"].append(pva.child("bare", folder))
            seen["same"].append(pva.child("same", folder))

        try:
            ours_s, peer_s = alternate(ours, peer, repeats)  # the warm-up runs ours first: it
        except SystemExit as failed:                         # writes the layer the atlas reads
            reason = str(failed).strip().splitlines()
            return {"skipped": f"profile sheets did not run: {reason[-1] if reason else failed}"}
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    # alternate() timed whole child processes (QGIS start-up included); the entry compares the
    # work inside them, as measured there (warm-up runs left out).
    ours_runs, peer_runs, same_runs = seen["ours"][1:], seen["peer"][1:], seen["same"][1:]
    ours_s = statistics.median(r["wall"] for r in ours_runs)
    peer_s = statistics.median(r["wall"] for r in peer_runs)
    same_s = statistics.median(r["wall"] for r in same_runs)
    return {"pages": peer_runs[-1]["pages"], "ours_s": round(ours_s, 3), "peer_s": round(peer_s, 3),
            "ratio": round(ours_s / peer_s, 3),
            # the goal's figure: ours against QGIS exporting the very layout ours saved (.qgz)
            "same_s": round(same_s, 3), "same_ratio": round(ours_s / same_s, 3),
            "same_vs_bare": round(same_s / peer_s, 3),
            "same_cpu_s": round(statistics.median(r["cpu"] for r in same_runs), 3),
            # cpu ratios too: on a shared machine wall time follows the neighbours' load
            "same_cpu_ratio": round(statistics.median(r["cpu"] for r in ours_runs)
                                    / statistics.median(r["cpu"] for r in same_runs), 3),
            "cpu_ratio": round(statistics.median(r["cpu"] for r in ours_runs)
                               / statistics.median(r["cpu"] for r in peer_runs), 3),
            "ours_export_s": round(statistics.median(r["export_wall"] for r in ours_runs), 3),
            "ours_cpu_s": round(statistics.median(r["cpu"] for r in ours_runs), 3),
            "peer_cpu_s": round(statistics.median(r["cpu"] for r in peer_runs), 3),
            "ours_peak_mb": round(max(r["peak_mb"] for r in ours_runs), 1),
            "peer_peak_mb": round(max(r["peak_mb"] for r in peer_runs), 1)}

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    out = run(args.repeats)
    print(json.dumps(out) if args.json else out, flush=True)


if __name__ == "__main__":
    main()
