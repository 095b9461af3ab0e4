"""core/supply: 2SFCA against a case computed by hand, counts, categories."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from sozialraum_plugin.core.supply.access import matrix_chunks, straight_chunks, two_step_fca
from sozialraum_plugin.core.supply.categories import category_codes, high_need
from sozialraum_plugin.core.supply.counts import Facilities, duplicated_ids, per_1000, per_district
from sozialraum_plugin.core.supply.result import supply_columns


def test_2sfca_hand_computed():
    """Districts A (100 children) at x=0, B (300) at x=1000, C (50) at x=5000; facilities
    F1 (60 places) at x=500, F2 (40) at x=1200, F3 (10) at x=9000; catchment 800 m.

    d(F1): A 500, B 500 → demand 400, R1 = 60/400 = 0.15
    d(F2): A 1200 (out), B 200 → demand 300, R2 = 40/300
    d(F3): nobody within 800 → no ratio
    A_A = R1 = 0.15 → 150 per 1,000; A_B = R1 + R2 = 0.15 + 0.1333 → 283.33; A_C = 0."""
    districts = np.array([[0, 0], [1000, 0], [5000, 0]], float)
    facilities = np.array([[500, 0], [1200, 0], [9000, 0]], float)
    result = two_step_fca([100, 300, 50], [60, 40, 10], lambda: straight_chunks(districts, facilities, chunk=2), 800)
    assert result.ratio[:2] == pytest.approx([0.15, 40 / 300])
    assert np.isnan(result.ratio[2]) and list(result.reached) == [True, True, False]
    assert result.score == pytest.approx([150.0, 150.0 + 400 / 3, 0.0])
    assert list(result.facilities_reached) == [1, 2, 0]
    # Σ A_i·P_i / 1000 = the places of the reached facilities (60 + 40)
    assert (result.score * np.array([100, 300, 50])).sum() / 1000 == pytest.approx(100)


def test_2sfca_matrix_and_unknown_population():
    matrix = np.array([[100, np.inf], [np.inf, 50]])
    result = two_step_fca([np.nan, 20], [5, 10], lambda: matrix_chunks(matrix), 1000)
    assert np.isnan(result.score[0])  # unknown target: no score, no demand
    assert result.score[1] == pytest.approx(500.0)
    assert list(result.reached) == [False, True]


def test_counts_outside_and_duplicates():
    count, places = per_district(np.array([0, 0, 2, -1]), np.array([10.0, 5.0, 0.0, 7.0]), 3)
    assert list(count) == [2, 0, 1] and list(places) == [15.0, 0.0, 0.0]
    assert duplicated_ids(["01", "1", "01", "02"]) == ["01"]
    assert np.isnan(per_1000([10, 10], [0, np.nan])).all()


def test_categories_mss_labels_and_numbers():
    need = pd.Series(["hoch", "sehr niedrig", "niedrig", None])
    assert list(np.nan_to_num(high_need(need), nan=-1)) == [0, 1, 1, -1]
    assert list(high_need(pd.Series([1, 2, 3, 4]), "3")) == [0, 0, 1, 1]
    assert list(high_need(pd.Series(["A", "B"]), "b")) == [0, 1]
    assert high_need(pd.Series(["A", "B"])) is None
    codes = category_codes(np.array([1.0, 0.0, 1.0, np.nan]), np.array([1.0, 1.0, 0.0, 1.0]))
    assert list(np.nan_to_num(codes)) == [1, 2, 3, 0]


def test_supply_columns_inside_with_standard():
    fac = Facilities(["a", "b", "c"], np.array([50.0, 30.0, 100.0]), np.zeros(3), np.zeros(3))
    result = supply_columns(pd.Index([10, 11]), np.array([0, 0, -1]), fac, [100, 0], standard=1.0,
                            need=pd.Series(["sehr niedrig", "hoch"]))
    frame = result.frame
    assert result.outside == ["c"]
    assert list(frame["supply_capacity"]) == [80.0, 0.0]
    assert frame["supply_per_1000"].iloc[0] == pytest.approx(800)
    assert frame["supply_coverage"].iloc[0] == pytest.approx(0.8)
    assert frame["supply_category"].iloc[0] == 1 and pd.isna(frame["supply_category"].iloc[1])
    assert frame["supply_category_label"].iloc[0] == "high need, low supply"
