"""core/series/impact.py: difference in differences by hand, the bootstrap interval, the publication
guard (hidden cells enter no figure, a group of one prints none), the sheets and the CSV."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from sozialraum_plugin.core.errors import MethodError
from sozialraum_plugin.core.language import PlainWords
from sozialraum_plugin.core.publish.appendix import HIDE
from sozialraum_plugin.core.series.impact import FUNDED, REST, as_flag, bootstrap_did, impact
from sozialraum_plugin.core.series.impact_table import impact_sheets, sheet_csv


def _series(values: dict, years=(2019, 2021), indicator="Q", counts: dict | None = None, hidden=()):
    """values: key → (value per year); counts: key → ((num, den) per year)."""
    rows = []
    for key, vals in values.items():
        for i, (year, value) in enumerate(zip(years, vals)):
            num, den = counts[key][i] if counts else (math.nan, math.nan)
            rows.append({"key": key, "indicator": indicator, "year": year, "value": value, "numerator": num,
                         "denominator": den, "shown": (key, year) not in hidden})
    return pd.DataFrame(rows)


VALUES = {"a": (10.0, 12.0), "b": (20.0, 23.0), "c": (15.0, 16.0),  # funded: +2, +3, +1 → mean +2
          "d": (10.0, 10.5), "e": (12.0, 12.0), "f": (30.0, 29.0), "g": (8.0, 9.5)}  # rest: +0.5, 0, −1, +1.5 → +0.25


def test_hand_computed_difference_in_differences():
    result = impact(_series(VALUES), {"a", "b", "c"}, ["Q"])
    row = result.rows[0]
    assert (row.base_year, row.year) == (2019, 2021)
    assert row.funded.n == 3 and row.rest.n == 4
    assert row.funded.change == pytest.approx(2.0)
    assert row.rest.change == pytest.approx(0.25)
    assert row.did == pytest.approx(1.75)
    assert row.funded.before == pytest.approx(15.0) and row.funded.after == pytest.approx(17.0)
    assert row.lower < row.did < row.upper  # the interval contains the estimate
    years = result.years.set_index(["year", "group"])
    assert years.loc[(2019, FUNDED), "mean"] == pytest.approx(15.0)
    assert years.loc[(2021, REST), "mean"] == pytest.approx((10.5 + 12 + 29 + 9.5) / 4)


def test_seeded_bootstrap_is_reproducible_and_the_seed_matters():
    f, r = np.array([2.0, 3.0, 1.0, 2.5]), np.array([0.5, 0.0, -1.0, 1.5, 0.2])
    assert bootstrap_did(f, r, seed=7) == bootstrap_did(f, r, seed=7)
    assert bootstrap_did(f, r, seed=7) != bootstrap_did(f, r, seed=8)
    low, high = bootstrap_did(f, r, replicates=4000, seed=1)
    assert low < f.mean() - r.mean() < high
    # a spread-out rest group widens the interval
    wide = bootstrap_did(f, r * 10, replicates=4000, seed=1)
    assert wide[1] - wide[0] > high - low


def test_weights_and_pooled_rate_change():
    counts = {"a": ((10, 100), (12, 100)), "b": ((20, 100), (46, 200)), "c": ((3, 20), (4, 25)),
              "d": ((5, 50), (6, 50)), "e": ((6, 50), (6, 50)), "f": ((30, 100), (29, 100))}
    values = {k: tuple(100 * n / d for n, d in v) for k, v in counts.items()}
    result = impact(_series(values, counts=counts), {"a", "b", "c"}, ["Q"], weights={k: 1.0 for k in values})
    row = result.rows[0]
    pooled = 100 * ((12 + 46 + 4) / (100 + 200 + 25) - (10 + 20 + 3) / (100 + 100 + 20))
    assert row.funded.pooled == pytest.approx(pooled)
    weighted = impact(_series(values, counts=counts), {"a", "b", "c"}, ["Q"],
                      weights={"a": 1.0, "b": 3.0, "c": 1.0, "d": 1, "e": 1, "f": 1}).rows[0]
    changes = {"a": 2.0, "b": 3.0, "c": 1.0}
    assert weighted.funded.change == pytest.approx((2.0 + 3 * 3.0 + 1.0) / 5)
    assert row.funded.change == pytest.approx(sum(changes.values()) / 3)


def test_a_hidden_cell_enters_no_figure():
    secret = {**VALUES, "b": (20.0, 977.0)}  # b's 2021 value is hidden: it must not move anything
    result = impact(_series(secret, hidden={("b", 2021)}), {"a", "b", "c"}, ["Q"])
    row = result.rows[0]
    assert row.funded.n == 2
    assert row.funded.change == pytest.approx(1.5)  # a +2, c +1
    years = result.years.set_index(["year", "group"])
    assert years.loc[(2021, FUNDED), "n"] == 2
    assert years.loc[(2021, FUNDED), "mean"] == pytest.approx(14.0)
    text = sheet_csv(impact_sheets(result, {}, "test")[1]) + sheet_csv(impact_sheets(result, {}, "test")[0])
    assert "977" not in text


def test_a_group_of_one_prints_no_figure_and_a_small_group_no_interval():
    one = impact(_series(VALUES), {"a"}, ["Q"]).rows[0]
    assert one.funded.n == 1 and math.isnan(one.funded.change) and math.isnan(one.did)
    sheets = impact_sheets(impact(_series(VALUES), {"a"}, ["Q"]), {}, "test")
    cells = dict(zip([c.id for c in sheets[0].columns], sheets[0].rows[0]))
    assert cells["funded_change"] is HIDE and cells["did"] is HIDE and cells["n_funded"] == 1
    years = sheets[1].rows
    assert [r[5] for r in years if r[3] == "funded"] == [HIDE, HIDE]
    two = impact(_series(VALUES), {"a", "b"}, ["Q"]).rows[0]
    assert two.did == pytest.approx(2.5 - (1 + 0.5 + 0 - 1 + 1.5) / 5)
    assert math.isnan(two.lower) and "no interval" in two.notes[0][0]


def test_given_changes_and_errors():
    given = pd.DataFrame({"key": list("abcdef"), "indicator": "D1", "value": [1.0, 2, 3, 0, 0, 1],
                          "shown": [True] * 5 + [False]})
    row = impact(_series(VALUES), {"a", "b", "c"}, ["D1"], given=given).rows[0]
    assert row.given_change and row.did == pytest.approx(2.0) and row.rest.n == 2
    with pytest.raises(MethodError) as error:
        impact(_series(VALUES), {"a"}, ["Q"], base_year=2020)
    assert "2020" in str(error.value) and "2019, 2021" in str(error.value)
    with pytest.raises(MethodError):
        impact(_series(VALUES), {"a"}, ["X"])


@pytest.mark.parametrize(("value", "flag"), [(1, True), ("ja", True), ("Nein", False), (None, False),
                                             ("x", True), (0.0, False), ("vielleicht", None), (2, None)])
def test_flags(value, flag):
    assert as_flag(value) is flag


def test_english_and_german_sheets():
    result = impact(_series(VALUES), {"a", "b", "c"}, ["Q"])
    english = sheet_csv(impact_sheets(result, {"Q": "SGB II rate"}, "a field", PlainWords("en"))[0],
                        PlainWords("en"))
    assert english.splitlines()[0].startswith("Indicator,Label,Base year")
    assert "1.75" in english
    german = sheet_csv(impact_sheets(result, {}, "Feld")[0])
    assert ";" in german.splitlines()[0]
