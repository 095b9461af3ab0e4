"""Robust ranks of the need index (core/needs/robust.py): toy cases and the Berlin MSS 2021."""
from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from sozialraum_plugin.core.errors import MethodError
from sozialraum_plugin.core.needs.index import custom_index, mss_index
from sozialraum_plugin.core.needs.robust import RobustOptions, column_ranks, nominal_ranks, robust_ranks

BERLIN = Path(__file__).resolve().parents[2] / "resources" / "sample" / "berlin"
STATUS = ["S1", "S3", "S4"]


def _toy(n: int = 30, seed: int = 3) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame({c: rng.uniform(0, 10, n) for c in ("a", "b", "c")}, index=[f"d{i}" for i in range(n)])
    frame.loc["d0", ["a", "b", "c"]] = [40.0, 35.0, 50.0]  # first in every indicator, far ahead
    frame["ew"] = 1000.0
    return frame


def test_a_district_first_everywhere_is_rank_1_in_every_draw():
    frame = _toy()
    index = custom_index(frame, ["a", "b", "c"], population="ew")
    out = robust_ranks(frame, ["a", "b", "c"], index["status_index"], index["valid"],
                       options=RobustOptions(draws=500, seed=7))
    first = out.loc["d0"]
    assert (first["rank"], first["rank_low"], first["rank_high"], first["rank_median"]) == (1, 1, 1, 1.0)
    assert first["p_top"] == 1.0  # ≥ +1.5 in every draw, whatever the scaling
    others = out.drop(index="d0")
    assert (others["rank_low"] >= 2).all() and (others["p_top"] < 1).all()
    assert out["rank"].notna().all() and sorted(out["rank"]) == list(range(1, 31))


def test_same_seed_same_result_other_seed_other_draws():
    frame = _toy()
    index = custom_index(frame, ["a", "b", "c"], population="ew")
    run = lambda seed: robust_ranks(frame, ["a", "b", "c"], index["status_index"], index["valid"],  # noqa: E731
                                    options=RobustOptions(draws=300, seed=seed))
    pd.testing.assert_frame_equal(run(5), run(5))
    assert not run(5)[["rank_low", "rank_high", "rank_median"]].equals(run(6)[["rank_low", "rank_high", "rank_median"]])


def test_leave_one_out_widens_the_interval_of_an_area_carried_by_one_indicator():
    frame = _toy(seed=11)
    frame.loc["d1", ["a", "b", "c"]] = [60.0, 5.0, 5.0]  # first only through a: without a it is average
    index = custom_index(frame, ["a", "b", "c"], population="ew")
    fixed = dict(draws=400, seed=2, weight_range=0.0, normalisations=("zscore",))
    plain = robust_ranks(frame, ["a", "b", "c"], index["status_index"], index["valid"],
                         options=RobustOptions(leave_one_out=False, **fixed))
    dropped = robust_ranks(frame, ["a", "b", "c"], index["status_index"], index["valid"],
                           options=RobustOptions(leave_one_out=True, **fixed))
    # nothing varies without leaving out: every draw is the nominal index
    assert (plain["rank_low"] == plain["rank"]).all() and (plain["rank_high"] == plain["rank"]).all()
    nominal = int(dropped.loc["d1", "rank"])
    assert nominal <= 3
    # the quarter of the draws without a puts it among the others (its b and c are a little above average)
    assert dropped.loc["d1", "rank_high"] >= nominal + 6
    assert 0.6 < dropped.loc["d1", "p_top"] < 0.9  # top class only where a counts: about 3 draws in 4
    assert (dropped.loc["d0", ["rank_low", "rank_high"]] == 1).all()  # first in every indicator: no change
    counts = dropped.attrs["dropped"]  # none, a, b, c: each about a quarter of the draws
    assert counts.sum() == 400 and counts.min() > 70


def test_invalid_areas_have_no_rank_and_do_not_count():
    frame = _toy()
    frame.loc["d5", "ew"] = 120  # below the minimum population
    frame.loc["d6", "b"] = np.nan  # incomplete
    index = custom_index(frame, ["a", "b", "c"], population="ew")
    out = robust_ranks(frame, ["a", "b", "c"], index["status_index"], index["valid"],
                       options=RobustOptions(draws=100))
    assert out.loc[["d5", "d6"]].isna().all().all()
    assert out["rank"].max() == 28 and out["rank_high"].max() <= 28


def test_ranks_share_the_best_rank_on_ties():
    assert nominal_ranks([3.0, 1.0, 3.0, np.nan, 2.0], [True, True, True, True, False]).tolist()[:3] == [1, 3, 1]
    block = np.array([[1.0, 5.0], [3.0, 5.0], [3.0, -1.0], [0.5, 2.0]])
    assert column_ranks(block).tolist() == [[3, 1], [1, 1], [1, 4], [4, 3]]


@pytest.mark.parametrize("option, value", [("draws", 0), ("weight_range", 1.0), ("normalisations", ("median",)),
                                           ("top_class", "best")])
def test_bad_options_are_named(option, value):
    frame = _toy()
    index = custom_index(frame, ["a", "b", "c"], population="ew")
    with pytest.raises(MethodError):
        robust_ranks(frame, ["a", "b", "c"], index["status_index"], index["valid"],
                     options=RobustOptions(**{option: value}))


# --- Berlin MSS 2021 -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def berlin():
    frame = pd.read_csv(BERLIN / "mss_2021_index_indikatoren.csv", dtype={"PLR_ID": str}, na_values=["-9999"])
    frame = frame.set_index("PLR_ID")
    index = mss_index(frame, STATUS, population="EW", excluded=frame["KOM"] == "ungültig (Ausreißer)")
    return frame, index


def test_berlin_draws_at_the_nominal_choices_give_the_published_ranks(berlin):
    frame, index = berlin
    nominal = RobustOptions(draws=20, weight_range=0.0, normalisations=("zscore",), leave_one_out=False, ddof=0)
    out = robust_ranks(frame, STATUS, index["status_index"], index["valid"], options=nominal)
    valid = index["valid"]
    assert (out.loc[valid, "rank_low"] == out.loc[valid, "rank"]).all()
    assert (out.loc[valid, "rank_high"] == out.loc[valid, "rank"]).all()
    top = out.loc[valid, "p_top"] == 1.0
    assert (top == (index.loc[valid, "status_class"] == "sehr niedrig")).all()


def test_berlin_1000_draws_fast_and_plausible(berlin):
    frame, index = berlin
    started = time.perf_counter()
    out = robust_ranks(frame, STATUS, index["status_index"], index["valid"], options=RobustOptions(ddof=0, seed=1))
    seconds = time.perf_counter() - started
    assert seconds < 2.0, seconds  # measured ~0.13 s on the project's machine
    valid = index["valid"]
    assert out.loc[valid].notna().all().all() and out.loc[~valid].isna().all().all()
    assert sorted(out.loc[valid, "rank"]) == list(range(1, 537))
    inside = (out["rank_low"] <= out["rank"]) & (out["rank"] <= out["rank_high"])
    assert inside[valid].all()
    very_low = index["status_class"] == "sehr niedrig"
    assert very_low.sum() == 49
    assert (out.loc[very_low, "p_top"] >= 0.9).sum() >= 30  # mostly in the top class, whatever the choices
    assert (out.loc[index["status_class"] == "hoch", "p_top"] == 0).all()
