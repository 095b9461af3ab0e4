"""core/areas/regrid*: crosswalks from pieces and from tables, carried counts, quality, report."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sozialraum_plugin.core.areas.regrid import (
    carry,
    crosswalk_from_pieces,
    crosswalk_from_table,
)
from sozialraum_plugin.core.areas.regrid_quality import quality
from sozialraum_plugin.core.areas.regrid_report import RegridFacts, report_sections, report_text
from sozialraum_plugin.core.errors import MethodError

PIECES = pd.DataFrame({"old": ["a", "a", "b", "b", "c"], "new": ["1", "2", "2", None, "2"],
                       "area": [3.0, 1.0, 2.0, 2.0, 5.0], "weight": [0.0, 0.0, 1.0, 3.0, 0.0]})


def shares(crosswalk) -> dict:
    return {(r.old, r.new): r.share for r in crosswalk.table.itertuples()}


def test_area_shares_sum_to_one_with_the_outside_part_as_its_own_row():
    cw = crosswalk_from_pieces(PIECES)
    assert shares(cw) == {("a", "1"): 0.75, ("a", "2"): 0.25, ("b", "2"): 0.5, ("b", None): 0.5, ("c", "2"): 1.0}
    assert cw.outside().to_dict() == {"b": 0.5}
    assert set(cw.table["basis"]) == {"area"}
    assert cw.table.groupby("old")["share"].sum().tolist() == [1.0, 1.0, 1.0]


def test_weights_where_given_and_area_where_the_weight_layer_gives_none():
    cw = crosswalk_from_pieces(PIECES, weighted=True)
    assert shares(cw)[("b", "2")] == 0.25 and shares(cw)[("b", None)] == 0.75
    assert cw.fallback == ["a", "c"]  # no weight in them: by area, and said so
    assert dict(zip(cw.table["old"], cw.table["basis"]))["a"] == "area"
    assert cw.basis == "weight"


def test_slivers_go_to_the_old_areas_other_pieces_and_counts_stay_conserved():
    pieces = pd.DataFrame({"old": ["a", "a", "b"], "new": ["1", "2", "2"], "area": [999_900.0, 100.0, 5e5],
                           "weight": 0.0})
    kept = crosswalk_from_pieces(pieces, min_share=0)
    assert shares(kept)[("a", "2")] == pytest.approx(1e-4)
    dropped = crosswalk_from_pieces(pieces, min_share=0.001, new_areas={"1": 1e6, "2": 5e5})
    assert shares(dropped) == {("a", "1"): 1.0, ("b", "2"): 1.0}
    assert dropped.slivers == 1 and dropped.sliver_max == pytest.approx(1e-4)
    # a small piece that is a large part of a small new area is real, not a sliver
    real = crosswalk_from_pieces(pieces, min_share=0.001, new_areas={"1": 1e6, "2": 1000.0})
    assert ("a", "2") in shares(real) and real.slivers == 0


def test_carry_conserves_counts_up_to_the_outside_part():
    cw = crosswalk_from_pieces(PIECES)
    result = carry(pd.DataFrame({"ew": [100.0, 40.0, 10.0]}, index=["a", "b", "c"]), cw, ["1", "2", "3"])
    assert result.counts["ew"].to_dict() == pytest.approx({"1": 75.0, "2": 25 + 20 + 10, "3": np.nan}, nan_ok=True)
    t = result.totals.loc["ew"]
    assert (t["old"], t["carried"], t["outside"], t["rest"]) == (150.0, 130.0, 20.0, 0.0)
    assert result.no_source == ["3"]  # no old area reaches it: no value, not 0


def test_a_missing_old_count_makes_the_new_areas_it_reaches_unknown():
    cw = crosswalk_from_pieces(PIECES)
    result = carry(pd.DataFrame({"ew": [100.0, np.nan, 10.0]}, index=["a", "b", "c"]), cw, ["1", "2"])
    assert np.isnan(result.counts.loc["2", "ew"]) and result.counts.loc["1", "ew"] == 75.0
    assert result.unknown_new == {"ew": ["2"]}
    t = result.totals.loc["ew"]
    assert t["blanked"] == 25 + 10 and t["carried"] + t["outside"] + t["blanked"] == t["old"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5), st.one_of(st.none(), st.integers(0, 6)),
                          st.floats(0, 1e6), st.floats(0, 1e3)), min_size=1, max_size=40),
       st.lists(st.floats(0, 1e5), min_size=6, max_size=6), st.booleans())
def test_conservation_is_exact_for_any_pieces(rows, counts, weighted):
    pieces = pd.DataFrame(rows, columns=["old", "new", "area", "weight"])
    pieces["old"] = pieces["old"].astype(str)
    pieces["new"] = [None if n is None else str(n) for n in pieces["new"]]
    cw = crosswalk_from_pieces(pieces, weighted=weighted)
    sums = cw.table.groupby("old")["share"].sum()
    assert np.allclose(sums, 1.0)
    old = pd.DataFrame({"x": counts}, index=[str(i) for i in range(6)])
    result = carry(old, cw, [str(i) for i in range(5)])  # new key 6 is not in the target: counted outside
    t = result.totals.loc["x"]
    assert t["carried"] + t["outside"] + t["not_in_crosswalk"] == pytest.approx(t["old"], rel=1e-9, abs=1e-6)


def test_a_table_crosswalk_is_used_as_it_is():
    table = pd.DataFrame({"alt": ["0101", "0101", "0102"], "neu": ["A", "", "B"], "anteil": ["0,6", "0.4", "1"]})
    cw = crosswalk_from_table(table, "alt", "neu", "anteil", source="usk.csv")
    assert shares(cw) == {("0101", "A"): 0.6, ("0101", None): 0.4, ("0102", "B"): 1.0}  # keys stay text
    assert set(cw.table["basis"]) == {"table"}


def test_a_table_whose_shares_do_not_sum_to_one_is_refused_naming_the_key():
    table = pd.DataFrame({"old_key": ["101", "101", "102"], "new_key": ["1", "2", "1"], "share": [0.5, 0.3, 1.0]})
    with pytest.raises(MethodError) as error:
        crosswalk_from_table(table, "old_key", "new_key", "share", source="bad.csv")
    assert error.value.code == "crosswalk_share_sum"
    assert "101 (0.8)" in str(error.value) and "102" not in str(error.value) and "bad.csv" in str(error.value)
    within = table.assign(share=[0.5, 0.4996, 1.0])  # rounded to four places: within the tolerance
    assert len(crosswalk_from_table(within, "old_key", "new_key", "share").table) == 3


@pytest.mark.parametrize("shares_, code", [([50, 50, 100], "crosswalk_share_percent"),
                                           ([0.5, "x", 1], "crosswalk_share_invalid"),
                                           ([0.5, -0.5, 1], "crosswalk_share_invalid")])
def test_bad_shares_are_named(shares_, code):
    table = pd.DataFrame({"old_key": ["101", "101", "102"], "new_key": ["1", "2", "1"], "share": shares_})
    with pytest.raises(MethodError) as error:
        crosswalk_from_table(table, "old_key", "new_key", "share", source="t.csv")
    assert error.value.code == code


def test_a_pair_twice_is_refused():
    table = pd.DataFrame({"old_key": ["101", "101"], "new_key": ["1", "1"], "share": [0.5, 0.5]})
    with pytest.raises(MethodError) as error:
        crosswalk_from_table(table, "old_key", "new_key", "share")
    assert error.value.code == "crosswalk_pair_twice" and error.value.params["old"] == "101"


def test_quality_per_new_area():
    cw = crosswalk_from_pieces(PIECES)
    q = quality(cw, pd.Series({"a": 100.0, "b": 40.0, "c": 10.0}), ["1", "2", "3"], threshold=0.8)
    assert q.loc["1"].tolist() == [1.0, "a", 1, 0.0, False]
    # new area 2: 25 from a, 20 from b, 10 from c (c lies wholly in it: exact)
    assert q.loc["2", "dominant_share"] == pytest.approx(25 / 55) and q.loc["2", "dominant_key"] == "a"
    assert q.loc["2", "sources"] == 3 and q.loc["2", "exact_share"] == pytest.approx(10 / 55)
    assert bool(q.loc["2", "mixed"]) is True
    assert np.isnan(q.loc["3", "dominant_share"]) and q.loc["3", "sources"] == 0 and not q.loc["3", "mixed"]


def test_report_names_the_mixed_areas_and_the_totals():
    cw = crosswalk_from_pieces(PIECES)
    counts = pd.DataFrame({"ew": [100.0, 40.0, 10.0]}, index=["a", "b", "c"])
    result = carry(counts, cw, ["1", "2", "3"])
    q = quality(cw, counts["ew"], ["1", "2", "3"])
    facts = RegridFacts(old="alt", new="neu", n_old=3, n_new=3, basis="area")
    text = report_text("Report", report_sections(facts, cw, result, q, "en"))
    assert "1 of 2 new areas take less than 80 % from one old area" in text
    assert "45.5 %" in text  # new area 2's dominant share (25 of 55)
    assert "150.0" in text and "130.0" in text and "20.0" in text and "86.667 %" in text
    assert "b (50.0 %)" in text  # the old area with a part outside, and how much


def test_field_numbers_read_text_as_offices_write_numbers_and_name_the_first_bad_value():
    from sozialraum_plugin.core.areas.regrid import field_numbers

    numbers, bad = field_numbers(["1.000", "2.500", None, "", 7])
    assert list(numbers[:2]) == [1000.0, 2500.0] and np.isnan(numbers[2:4]).all() and numbers[4] == 7.0
    assert bad is None
    numbers, bad = field_numbers(["1,5", "x", "2,5"])
    assert bad == 1 and numbers[0] == 1.5 and numbers[2] == 2.5  # the good cells keep their values


def test_table_keys_with_leading_zeros_meet_the_grids_keys_and_the_outside_row_stays():
    from sozialraum_plugin.core.areas.regrid import match_table_keys

    table = pd.DataFrame({"alt": ["0101", "0101", "0102"], "neu": ["01", "", "02"], "anteil": ["0,6", "0,4", "1"]})
    cw = crosswalk_from_table(table, "alt", "neu", "anteil")
    used = match_table_keys(cw, ["101", "102"], ["1", "2"])
    assert [column for column, _transform in used] == ["old", "new"]
    assert shares(cw) == {("101", "1"): 0.6, ("101", None): 0.4, ("102", "2"): 1.0}
    assert match_table_keys(cw, ["101", "102"], ["1", "2"]) == []  # written alike now: nothing to do
