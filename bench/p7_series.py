"""P7_series: 10 years × 542 areas × 20 indicators read as yearly tables, the long series built and
the dynamics computed by our code (core/tables + core/series), beside the same done with pandas by
hand in the same run.

The tables are synthetic, seeded, on Berlin's 542 Planungsraum keys (resources/sample/berlin): per
year a CSV in the offices' dialect (';', decimal comma): EW and ten counts (the numerators of ten
rates in %), and ten published values. Indicators: ten rates from counts and ten values ("of");
dynamics: the change of each of the twenty between the first and the last year (rates from the
years' counts, in points). Both sides read the CSVs with the dialect given (the report passes
SEPARATOR/DECIMAL when the definition names them; detection is P1's business), and both produce
the same numbers (checked once, to 1e-9).

Change maps (issue 15 names them in P7): every change field classified as the thematic map's
``diverging`` method does (gis/classify.classify: classes of one round width symmetric around 0,
their labels and the areas per class), against the same done by hand with numpy (symmetric
breaks of the same round width, counts by searchsorted, labels by f-string); breaks and counts are
checked equal once. The renderer, its colours and the PDF export are not part of it (P3 measures
pages).

    .venv/bin/python bench/p7_series.py [--repeats 5] [--json]
"""
from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
from harness import ROOT, alternate

YEARS = list(range(2012, 2022))
N_RATES = N_VALUES = 10


def berlin_keys() -> np.ndarray:
    frame = pd.read_csv(ROOT / "resources" / "sample" / "berlin" / "mss_2021_index_indikatoren.csv",
                        dtype={"PLR_ID": str}, usecols=["PLR_ID"])
    return frame["PLR_ID"].to_numpy(dtype=object)


def write_tables(work: Path, seed: int = 15) -> list[Path]:
    rng = np.random.default_rng(seed)
    keys = berlin_keys()
    n = len(keys)
    ew = rng.integers(300, 25_000, n)
    paths = []
    for year in YEARS:
        ew = np.maximum(ew + rng.integers(-300, 300, n), 0)
        frame = pd.DataFrame({"PLR_ID": keys, "EW": ew})
        for j in range(N_RATES):
            frame[f"N{j:02d}"] = np.minimum(rng.binomial(ew, 0.02 + 0.02 * j), ew)
        for j in range(N_VALUES):
            frame[f"V{j:02d}"] = np.round(rng.gamma(2.0 + j, 3.0, n), 1)
        path = work / f"tabelle_{year}.csv"
        frame.to_csv(path, sep=";", decimal=",", index=False)
        paths.append(path)
    return paths


def indicators():
    from sozialraum_plugin.core.series.indicators import Indicator

    found = [Indicator(f"Q{j:02d}", kind="rate", numerator=f"N{j:02d}", denominator="EW", unit="%")
             for j in range(N_RATES)]
    found += [Indicator(f"W{j:02d}", of=f"V{j:02d}", unit="%") for j in range(N_VALUES)]
    span = (YEARS[0], YEARS[-1])
    found += [Indicator(f"DQ{j:02d}", kind="rate", numerator=f"N{j:02d}", denominator="EW", unit="%-Pkt.",
                        change_between=span) for j in range(N_RATES)]
    found += [Indicator(f"DW{j:02d}", of=f"V{j:02d}", unit="%-Pkt.", change_between=span) for j in range(N_VALUES)]
    return found


def read_ours(paths: list[Path]) -> pd.DataFrame:
    """The yearly tables as the report reads and joins them: one row per area, <column>_<year>."""
    from sozialraum_plugin.core.tables.pivot import with_year
    from sozialraum_plugin.core.tables.read import read_table

    frames = [with_year(read_table(p, sep=";", decimal=",", thousands="", header_row=0, encoding="utf-8",
                                   key_columns=["PLR_ID"]), "PLR_ID", y).frame.set_index("PLR_ID")
              for p, y in zip(paths, YEARS)]
    return pd.concat(frames, axis=1).reset_index()


def series_ours(wide: pd.DataFrame, inds) -> tuple[pd.DataFrame, pd.DataFrame]:
    from sozialraum_plugin.core.series.dynamics import changes
    from sozialraum_plugin.core.series.series import build_series, plan_years

    plan = plan_years(inds, wide.columns, YEARS)
    return build_series(wide, "PLR_ID", plan), changes(wide, "PLR_ID", plan.changes())


def ours(paths: list[Path], inds, words) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    series, dyn = series_ours(read_ours(paths), inds)
    return series, dyn, change_maps(dyn, words)


def read_by_hand(paths: list[Path]) -> pd.DataFrame:
    parts = [pd.read_csv(path, sep=";", decimal=",", dtype={"PLR_ID": str}).assign(year=year)
             for path, year in zip(paths, YEARS)]
    return pd.concat(parts, ignore_index=True)


def series_by_hand(long: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows = []
    for j in range(N_RATES):
        num, den = long[f"N{j:02d}"].astype(float), long["EW"].astype(float)
        rows.append(pd.DataFrame({"key": long["PLR_ID"], "indicator": f"Q{j:02d}", "year": long["year"],
                                  "value": num / den.where(den > 0) * 100, "numerator": num, "denominator": den}))
    for j in range(N_VALUES):
        rows.append(pd.DataFrame({"key": long["PLR_ID"], "indicator": f"W{j:02d}", "year": long["year"],
                                  "value": long[f"V{j:02d}"].astype(float), "numerator": np.nan,
                                  "denominator": np.nan}))
    series = pd.concat(rows, ignore_index=True)
    series["shown"] = True
    ends = series[series["year"].isin([YEARS[0], YEARS[-1]])].pivot_table(
        index="key", columns=["indicator", "year"], values="value", aggfunc="first", dropna=False)
    dyn = pd.DataFrame({("D" + ind[0] + ind[1:]): ends[(ind, YEARS[-1])] - ends[(ind, YEARS[0])]
                        for ind in series["indicator"].unique()})
    return series, dyn


def by_hand(paths: list[Path]) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    series, dyn = series_by_hand(read_by_hand(paths))
    return series, dyn, change_maps_by_hand(dyn)


CLASSES = 5  # the report's default for a change map


def change_maps(dyn: pd.DataFrame, words) -> dict:
    """Each change field classified by the thematic map's ``diverging`` method (NULLs left out,
    as the map leaves them out)."""
    from sozialraum_plugin.gis.classify import classify

    return {col: classify(dyn[col].dropna().tolist(), "diverging", CLASSES, unit="%-Pkt.", column=col, words=words)
            for col in dyn.columns if col.startswith("D")}


_STEPS = np.array([1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0])


def change_maps_by_hand(dyn: pd.DataFrame) -> dict:
    """The same by hand: symmetric breaks of a round width, the areas per class, the labels."""
    out = {}
    half = (CLASSES - 1) // 2  # an odd number of classes: a neutral middle class around 0
    for col in dyn.columns:
        values = dyn[col].to_numpy(dtype=float)
        values = values[~np.isnan(values)]
        reach = float(np.abs(values).max()) or 1.0
        x = reach / (half + 0.5)
        power = 10.0 ** np.floor(np.log10(x))
        width = power * _STEPS[np.argmax(_STEPS * power >= x * (1 - 1e-12))]
        edges = (np.arange(-half - 1, half + 1) + 0.5) * width
        counts = np.bincount(np.searchsorted(edges[1:], values, side="left"), minlength=CLASSES)
        labels = [f"{lo:+.2f} bis {hi:+.2f} %-Pkt.".replace(".", ",") for lo, hi in zip(edges[:-1], edges[1:])]
        out[col] = (edges, counts, labels)
    return out


def run(repeats: int = 5) -> dict:
    from sozialraum_plugin.toolbelt.i18n import OutputWords  # the words a German report's maps use

    work = Path(tempfile.mkdtemp(prefix="bench_series_"))
    try:
        paths = write_tables(work)
        inds = indicators()
        s_ours, d_ours = series_ours(read_ours(paths), inds)
        s_hand, d_hand = series_by_hand(read_by_hand(paths))
        order = ["indicator", "year", "key"]
        a = s_ours.sort_values(order).reset_index(drop=True)
        b = s_hand.sort_values(order).reset_index(drop=True)[a.columns]
        assert len(a) == len(b) == len(YEARS) * 542 * (N_RATES + N_VALUES)
        assert (a[["key", "indicator", "year"]].to_numpy() == b[["key", "indicator", "year"]].to_numpy()).all()
        assert np.allclose(a["value"], b["value"], atol=1e-9, equal_nan=True)
        keyed = d_ours.set_index(s_ours["key"].iloc[:542].to_numpy())[sorted(d_hand.columns)]
        assert np.allclose(keyed.to_numpy(), d_hand.loc[keyed.index, sorted(d_hand.columns)].to_numpy(), atol=1e-9,
                           equal_nan=True)
        words = OutputWords("de")
        maps, maps_hand = change_maps(d_ours, words), change_maps_by_hand(d_hand)
        assert sorted(maps) == sorted(maps_hand) and len(maps) == N_RATES + N_VALUES
        for col, (edges, counts, _) in maps_hand.items():
            ranges = maps[col].ranges
            assert np.allclose([lo for lo, _ in ranges] + [ranges[-1][1]], edges, atol=1e-9), col
            assert maps[col].counts == counts.tolist(), col
        ours_s, peer_s = alternate(lambda: ours(paths, inds, words), lambda: by_hand(paths), repeats)
        wide, long = read_ours(paths), read_by_hand(paths)  # the series and dynamics alone, tables read
        series_s, series_peer_s = alternate(lambda: series_ours(wide, inds), lambda: series_by_hand(long), repeats)
        maps_s, maps_peer_s = alternate(lambda: change_maps(d_ours, words), lambda: change_maps_by_hand(d_hand),
                                        repeats)
        read_s, read_peer_s = alternate(lambda: read_ours(paths), lambda: read_by_hand(paths), repeats)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {"n": 542, "years": len(YEARS), "indicators": N_RATES + N_VALUES, "rows": len(a),
            "ours_s": round(ours_s, 3), "peer_s": round(peer_s, 3), "ratio": round(ours_s / peer_s, 3),
            "series_s": round(series_s, 4), "series_peer_s": round(series_peer_s, 4),
            "series_ratio": round(series_s / series_peer_s, 3),
            "maps_s": round(maps_s, 4), "maps_peer_s": round(maps_peer_s, 4),
            "maps_ratio": round(maps_s / maps_peer_s, 3),
            "read_s": round(read_s, 4), "read_peer_s": round(read_peer_s, 4),
            "read_ratio": round(read_s / read_peer_s, 3)}


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    out = run(args.repeats)
    print(json.dumps(out) if args.json else out, flush=True)
