"""Robust ranks on Berlin's MSS 2021 (issue 17.3): the figures of the closing note.

    .venv/bin/python bench/robust_ranks.py [draws]

Pure core (no QGIS): the MSS status index of the 536 valid PLR, then DRAWS draws (default 1000,
seed 1, weights ± 50 %, z / min-max / rank, one indicator left out). Prints the median width of the
90 % rank interval, how many 'sehr niedrig' areas have p_top ≥ 0.9 and < 0.5, and the seconds
(median of five runs).
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sozialraum_plugin.core.needs.index import mss_index  # noqa: E402
from sozialraum_plugin.core.needs.robust import RobustOptions, robust_ranks  # noqa: E402


def main(draws: int = 1000) -> None:
    berlin = ROOT / "resources" / "sample" / "berlin"
    frame = pd.read_csv(berlin / "mss_2021_index_indikatoren.csv", dtype={"PLR_ID": str}, na_values=["-9999"])
    frame = frame.set_index("PLR_ID")
    status = ["S1", "S3", "S4"]
    index = mss_index(frame, status, population="EW", excluded=frame["KOM"] == "ungültig (Ausreißer)")
    options = RobustOptions(draws=draws, seed=1, ddof=0)
    seconds = []
    for _ in range(5):
        started = time.perf_counter()
        out = robust_ranks(frame, status, index["status_index"], index["valid"], options=options)
        seconds.append(time.perf_counter() - started)
    valid = index["valid"]
    width = (out["rank_high"] - out["rank_low"])[valid].astype(float)
    very_low = index["status_class"] == "sehr niedrig"
    inside = ((out["rank_low"] <= out["rank"]) & (out["rank"] <= out["rank_high"]))[valid]
    print(f"valid areas: {int(valid.sum())}, draws: {draws}")
    print(f"90 % rank interval width (rank_high - rank_low): median {width.median():g}, "
          f"quartiles {width.quantile(0.25):g}-{width.quantile(0.75):g}, max {width.max():g}")
    print(f"nominal rank inside its interval: {int(inside.sum())} of {int(valid.sum())}")
    p_top = out.loc[very_low, "p_top"]
    print(f"'sehr niedrig' areas: {int(very_low.sum())}; p_top >= 0.9: {int((p_top >= 0.9).sum())}; "
          f"p_top < 0.5: {int((p_top < 0.5).sum())}")
    others = valid & ~very_low
    print(f"other areas with p_top >= 0.5: {int((out.loc[others, 'p_top'] >= 0.5).sum())}")
    print(f"seconds for {draws} draws (median of 5): {statistics.median(seconds):.3f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
