"""Profile pages compare a district with its parent: the pooled rate over the parent's districts,
hidden by the city value's rule (Berlin residents 30.06.2022, parents = Bezirke)."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from sozialraum_plugin.core.profiles.profile import ProfileOptions, compute_profiles
from sozialraum_plugin.core.series.indicators import Indicator
from sozialraum_plugin.core.tables.read import read_table

BERLIN = Path(__file__).resolve().parents[2] / "resources" / "sample" / "berlin"


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    data = read_table(BERLIN / "einwohnerbestand_2022-06_plr_semikolon.csv", key_columns=["PLR-ID"]).frame
    data = data.dropna(subset=["Gesamt", "15-18"]).reset_index(drop=True)
    data["BEZ"] = data["PLR-ID"].str[:2]
    data["q"] = data["15-18"].astype(float) / data["Gesamt"].astype(float) * 100
    return data


def _profiles(frame, threshold=3):
    ind = Indicator("q", "Jugendliche", "%", direction=0, numerator="15-18", denominator="Gesamt")
    options = ProfileOptions(name="PLR-ID", key="PLR-ID", parent="BEZ", parent_title="Bezirk",
                             suppress_below=threshold)
    return ind, compute_profiles(frame, [ind], options)


def test_parent_value_is_the_pooled_rate_of_its_districts(frame):
    ind, profiles = _profiles(frame)
    found = profiles.parents["q"]
    sums = frame.groupby("BEZ")[["15-18", "Gesamt"]].sum().astype(float)
    pooled = (sums["15-18"] / sums["Gesamt"] * 100).reindex(frame["BEZ"]).to_numpy()
    np.testing.assert_allclose(found["value"].to_numpy(), pooled)
    assert not found["hidden"].any()
    text = profiles.parent_text(ind, "de")
    assert text.iloc[0] == f"{pooled[0]:.1f} %".replace(".", ",")
    assert profiles.parent_title == "Bezirk"
    # not the mean of the districts' rates
    assert abs(frame.groupby("BEZ")["q"].mean().iloc[0] - pooled[0]) > 0.05


def test_parent_value_hidden_where_it_gives_a_count_back(frame):
    small = frame.copy()
    row = small.index[small["BEZ"] == "12"][0]
    small.loc[row, "15-18"] = 2  # one count below 3 among Reinickendorf's districts
    small.loc[row, "q"] = 2 / float(small.loc[row, "Gesamt"]) * 100
    ind, profiles = _profiles(small)
    found = profiles.parents["q"]
    hidden = profiles.publication.hidden("15-18") | profiles.publication.hidden("Gesamt")
    assert hidden[row]
    for bez, members in small.groupby("BEZ").groups.items():
        one = int(profiles.publication.hidden("15-18")[members].sum()) == 1 \
            or int(profiles.publication.hidden("Gesamt")[members].sum()) == 1
        assert found.loc[members, "hidden"].all() == one, bez
        assert found.loc[members, "value"].isna().all() == one
    assert found.loc[row, "hidden"]  # Reinickendorf: its one hidden count would come back
    assert set(profiles.parent_text(ind, "de")[small["BEZ"] == "12"]) == {"·"}
