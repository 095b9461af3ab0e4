"""Figures of sozialraum:supply on the Berlin sample (Kitas × children under 6 × 542 Planungsräume):
places per child, PLR below half the standard, inside vs 1 km catchment, run time of each method.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/supply_berlin_figures.py [--repeats 3]
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BERLIN = ROOT / "resources" / "sample" / "berlin"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from qgis.core import QgsApplication, QgsVectorLayer

    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    import numpy as np
    import processing
    from processing.core.Processing import Processing

    Processing.initialize()
    from sozialraum_plugin.processing.provider import SozialraumProvider

    provider = SozialraumProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    work = Path(tempfile.mkdtemp(prefix="supply_figures_"))
    joined = str(work / "plr.gpkg")
    processing.run("sozialraum:jointable", {
        "INPUT": str(BERLIN / "lor_planungsraeume_2021.shp"), "INPUT_KEY": "PLR_ID",
        "TABLE": str(BERLIN / "einwohnerbestand_2022-06_plr_semikolon.csv"), "TABLE_KEY": "PLR-ID",
        "FIELDS": "unter6,Gesamt", "OUTPUT": joined})
    base = {"INPUT": joined, "FACILITIES": str(BERLIN / "berlin-daycare-centers-2026-07-details.csv"),
            "X_FIELD": "lon", "Y_FIELD": "lat", "FACILITIES_CRS": "EPSG:4326", "ID_FIELD": "id",
            "CAPACITY_FIELD": "places", "TARGET_FIELD": "unter6", "STANDARD": 1.0, "DISTANCE": 1000, "LANGUAGE": "en"}
    frames = {}
    for method in ("inside", "catchment"):
        times = []
        for n in range(args.repeats):
            out = str(work / f"{method}_{n}.gpkg")
            started = time.perf_counter()
            processing.run("sozialraum:supply", {**base, "METHOD": method, "OUTPUT": out})
            times.append(time.perf_counter() - started)
        layer = QgsVectorLayer(out, method, "ogr")
        rows = [(f["PLR_ID"], _num(f["unter6"]), _num(f["supply_capacity"]), _num(f["supply_coverage"]),
                 _num(f["supply_access"])) for f in layer.getFeatures()]
        frames[method] = rows
        print(f"{method}: median {sorted(times)[len(times) // 2]:.2f} s over {args.repeats} runs "
              f"(processing.run incl. reading 2,893 Kitas and writing 542 PLR)")
    inside, catchment = frames["inside"], frames["catchment"]
    kids = np.array([r[1] for r in inside])
    places = np.array([r[2] for r in inside])
    known = np.isfinite(kids)
    print(f"city: {places.sum():,.0f} places / {kids[known].sum():,.0f} children under 6 = "
          f"{places[known].sum() / kids[known].sum():.3f} places per child")
    cov_in = np.array([r[3] for r in inside])
    cov_ca = np.array([r[3] for r in catchment])
    valid = known & (kids >= 50)  # PLR with at least 50 children: the rest says little
    for name, cov in (("inside", cov_in), ("catchment 1 km", cov_ca)):
        print(f"{name}: PLR below 0.5 of the standard (1 place per child): {int((cov[known] < 0.5).sum())} of "
              f"{int(known.sum())}; of those with ≥ 50 children: {int((cov[valid] < 0.5).sum())} of {int(valid.sum())}")
    print(f"inside: PLR without a Kita: {int((places == 0).sum())}; with ≥ 100 children and none: "
          f"{int(((places == 0) & (kids >= 100)).sum())}")
    print(f"catchment: PLR whose coverage changes class (below / at least 0.5) against inside: "
          f"{int(((cov_in[valid] < 0.5) != (cov_ca[valid] < 0.5)).sum())} of {int(valid.sum())}")
    diff = np.abs(cov_ca[valid] - cov_in[valid])
    print(f"catchment vs inside coverage, PLR with ≥ 50 children: median |difference| {np.median(diff):.2f}, "
          f"Spearman-like rank correlation {np.corrcoef(_rank(cov_in[valid]), _rank(cov_ca[valid]))[0, 1]:.2f}")
    access = np.array([r[4] for r in catchment])
    ok = np.isfinite(access) & known
    print(f"catchment: Σ A_i·P_i / 1000 = {np.nansum(access[ok] * kids[ok]) / 1000:,.0f} places reached "
          f"(of 199,851); children-weighted mean {np.nansum(access[ok] * kids[ok]) / kids[ok].sum():.0f} per 1,000")
    os._exit(0)


def _num(value) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return float("nan")


def _rank(values):
    import numpy as np

    return np.argsort(np.argsort(values))


if __name__ == "__main__":
    main()
