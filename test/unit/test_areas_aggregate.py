"""Aggregation to a parent level on Berlin's 542 Planungsräume, against pandas by hand.

Counts: Amt für Statistik Berlin-Brandenburg, residents 30.06.2022 (``–`` = suppressed or zero);
hierarchy: LOR 2021 (PLR → 143 Bezirksregionen → 58 Prognoseräume → 12 Bezirke).
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from sozialraum_plugin.core.areas.aggregate import (
    CHILDREN,
    aggregate,
    parents_from_field,
    parents_from_lookup,
    pooled_rate,
)
from sozialraum_plugin.core.errors import MethodError
from sozialraum_plugin.core.series.indicator_params import parse_rates
from sozialraum_plugin.core.tables.read import read_table

BERLIN = Path(__file__).resolve().parents[2] / "resources" / "sample" / "berlin"
COUNTS = ["Gesamt", "unter6", "65undmehr", "ausländer"]
KEY, BZR, BZR_NAME = "Planungsraum (Nummer)", "Bezirksregion (Nummer)", "Bezirksregion (Name)"


@pytest.fixture(scope="module")
def residents() -> pd.DataFrame:
    return read_table(BERLIN / "einwohnerbestand_2022-06_plr_semikolon.csv", key_columns=["PLR-ID"]).frame


@pytest.fixture(scope="module")
def hierarchy() -> pd.DataFrame:
    return read_table(BERLIN / "lor_2021_hierarchie.csv", key_columns=[KEY, BZR]).frame


def _by_hand(residents, hierarchy, parent):
    """pandas alone: merge on the text keys, groupby sum; a parent with a missing child is NaN."""
    merged = residents.merge(hierarchy[[KEY, parent]], left_on="PLR-ID", right_on=KEY, how="left")
    values = merged[COUNTS].astype(float)
    sums = values.groupby(merged[parent]).sum(min_count=1)
    return sums.mask(values.isna().groupby(merged[parent]).any())


@pytest.mark.parametrize("level, n_parents", [(BZR, 143), ("Prognoseraum (Nummer)", 58), ("Bezirk", 12)])
def test_lookup_sums_and_pooled_rates_against_pandas(residents, hierarchy, level, n_parents):
    parent_of, names, transform = parents_from_lookup(residents["PLR-ID"], hierarchy, KEY, level)
    assert transform.kind == "exact"  # 8-digit text on both sides, leading zeros kept
    rates = parse_rates("aq=ausländer/Gesamt;kq=unter6/Gesamt|‰")
    result = aggregate(residents, parent_of, COUNTS, rates, keys=residents["PLR-ID"], parent_column="parent")
    out = result.parents.set_index("parent")
    assert len(out) == n_parents and result.unmatched == []
    assert int(out[CHILDREN].sum()) == 542
    expected = _by_hand(residents, hierarchy, level)
    pd.testing.assert_frame_equal(out[COUNTS], expected.loc[out.index], check_names=False)
    pooled = expected["ausländer"] / expected["Gesamt"] * 100  # Σ numerator / Σ denominator
    np.testing.assert_allclose(out["aq"], pooled.loc[out.index])
    np.testing.assert_allclose(out["kq"], (expected["unter6"] / expected["Gesamt"] * 1000).loc[out.index])
    # never the mean of the children's rates (it differs here by up to several points)
    child_rate = residents["ausländer"].astype(float) / residents["Gesamt"].astype(float) * 100
    mean = child_rate.groupby(parent_of.to_numpy()).mean()
    assert (out["aq"] - mean.loc[out.index]).abs().max() > 0.5


def test_missing_child_count_makes_the_parent_missing(residents, hierarchy):
    parent_of, _, _ = parents_from_lookup(residents["PLR-ID"], hierarchy, KEY, "Bezirk")
    strict = aggregate(residents, parent_of, ["Gesamt"], keys=residents["PLR-ID"])
    # 03400831 (Pankow) and 06200418 (Steglitz-Zehlendorf) have '–' for Gesamt
    assert sorted(strict.incomplete["Gesamt"]) == ["Pankow", "Steglitz-Zehlendorf"]
    by_name = strict.parents.set_index("parent")["Gesamt"]
    assert by_name[["Pankow", "Steglitz-Zehlendorf"]].isna().all() and by_name.notna().sum() == 10
    lenient = aggregate(residents, parent_of, ["Gesamt"], keys=residents["PLR-ID"], missing_as_zero=True)
    total = lenient.parents["Gesamt"].sum()
    assert total == residents["Gesamt"].astype(float).sum() and lenient.incomplete == strict.incomplete


def test_parent_field_lookup_names_and_unmatched_children(residents, hierarchy):
    frame = residents.copy()
    frame["BEZ"] = frame["PLR-ID"].str[:2]
    result = aggregate(frame, parents_from_field(frame, "BEZ"), ["Gesamt"], missing_as_zero=True)
    assert result.parents["parent"].tolist() == [f"{i:02d}" for i in range(1, 13)]  # '01', not '1'
    # a lookup without two children: they are reported by key, not dropped silently
    short = hierarchy[~hierarchy[KEY].isin(["01100101", "12601235"])]
    parent_of, names, _ = parents_from_lookup(residents["PLR-ID"], short, KEY, BZR, BZR_NAME)
    result = aggregate(residents, parent_of, ["Gesamt"], keys=residents["PLR-ID"], names=names,
                       name_column="name")
    assert result.unmatched == ["01100101", "12601235"]
    first = result.parents.iloc[0]
    assert (first["parent"], first["name"], first[CHILDREN]) == ("011001", "Tiergarten Süd", 3)


def test_lookup_read_as_numbers_still_meets_text_keys(residents, hierarchy):
    numeric = hierarchy.assign(**{KEY: hierarchy[KEY].astype(int)})  # 1100101: leading zero lost
    parent_of, _, transform = parents_from_lookup(residents["PLR-ID"], numeric, KEY, "Bezirk")
    assert transform.kind in ("strip_zeros", "pad_zeros") and parent_of.notna().all()


def test_clear_messages(residents, hierarchy):
    with pytest.raises(MethodError) as error:
        parents_from_lookup(residents["PLR-ID"], hierarchy, KEY, "BZR", file="lor.csv")
    assert error.value.code == "aggregate_lookup_column" and "BZR" in str(error.value)
    other = pd.DataFrame({"k": ["A1", "A2"], "p": ["A", "A"]})
    with pytest.raises(MethodError) as error:
        parents_from_lookup(residents["PLR-ID"], other, "k", "p", file="lor.csv")
    assert error.value.code == "aggregate_lookup_no_match" and "01100101" in str(error.value)
    twice = pd.DataFrame({"k": ["01100101", "01100101"], "p": ["011001", "011002"]})
    with pytest.raises(MethodError) as error:
        parents_from_lookup(residents["PLR-ID"], twice, "k", "p")
    assert error.value.code == "aggregate_lookup_conflict" and "011002" in str(error.value)
    bad = residents.assign(Gesamt=residents["Gesamt"].astype(object))
    bad.loc[5, "Gesamt"] = "12a"
    parent_of, _, _ = parents_from_lookup(bad["PLR-ID"], hierarchy, KEY, "Bezirk")
    with pytest.raises(MethodError) as error:
        aggregate(bad, parent_of, ["Gesamt"], keys=bad["PLR-ID"])
    assert error.value.code == "aggregate_count_not_numeric"
    assert bad.loc[5, "PLR-ID"] in str(error.value) and "12a" in str(error.value)
    with pytest.raises(MethodError) as error:
        aggregate(residents, parent_of, ["Einwohner"])
    assert error.value.code == "field_not_found"


def test_pooled_rate_of_a_selection(residents):
    ind = parse_rates("aq=ausländer/Gesamt")[0]
    mitte = residents["PLR-ID"].str.startswith("01")
    num = residents.loc[mitte, "ausländer"].astype(float)
    den = residents.loc[mitte, "Gesamt"].astype(float)
    ok = num.notna() & den.notna() & (den > 0)
    assert pooled_rate(residents, ind, mitte) == pytest.approx(num[ok].sum() / den[ok].sum() * 100)
