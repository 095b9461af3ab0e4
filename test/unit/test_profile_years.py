"""The years of a profile page (core/series/profile_years.py through core.profile): one path for
the long series and the year columns, the publication rule on every year, the city per year as
the page's city value, and the trend mark."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from sozialraum_plugin.core.profiles.profile import ProfileError, ProfileOptions, compute_profiles
from sozialraum_plugin.core.series.indicators import Indicator
from sozialraum_plugin.core.series.profile_years import series_from_columns

FLENSBURG = Path(__file__).resolve().parents[2] / "resources" / "sample" / "flensburg"
YEARS = [2018, 2019, 2020, 2021]


def flensburg() -> pd.DataFrame:
    """tab_18: SGB II counts and shares 2018–2021 per Stadtteil. The denominator (residents under
    65, not in the table) is count × 100 / share, rounded: it gives the published shares back."""
    t = pd.read_csv(FLENSBURG / "tab_18_regelleistungsberechtigte_sgb2.csv", decimal=",")
    frame = pd.DataFrame({"key": [f"STGT{i:02d}" for i in t.Stadtteil_ID], "name": t.Stadtteil})
    for y in YEARS:
        frame[f"sgb2_{y}"] = t[f"Anteil_in_%_{y}"].astype(float)
        frame[f"n_{y}"] = t[f"Anzahl_{y}"].astype(float)
        frame[f"u65_{y}"] = (t[f"Anzahl_{y}"] * 100 / t[f"Anteil_in_%_{y}"]).round()
    return frame


def sgb2(**kw) -> Indicator:
    return Indicator("sgb2_2021", "SGB-II-Quote", "%", 1, numerator="n_2021", denominator="u65_2021", **kw)


def test_flensburg_marks_and_city_per_year():
    frame = flensburg()
    profiles = compute_profiles(frame, [sgb2()], ProfileOptions(name="name", key="key"))
    facts = profiles.years["sgb2_2021"]
    assert facts.years == YEARS and facts.tested
    marks = dict(zip(frame.name, facts.trend["mark"]))
    assert marks["Nordstadt"] == "falling" and marks["Tarup"] == "rising" and marks["Neustadt"] == "none"
    text = dict(zip(frame.name, profiles.trend_text(profiles.indicators[0])))
    assert text["Nordstadt"] == "\u22123,9 pp \u2198" and text["Tarup"] == "+1,4 pp \u2197"
    assert text["Neustadt"] == "\u22120,1 pp \u2192"
    for y in YEARS:  # Σ counts / Σ denominators, as the page's city value
        assert facts.city[y] == pytest.approx(frame[f"n_{y}"].sum() / frame[f"u65_{y}"].sum() * 100)
    assert facts.city[2021] == profiles.city["sgb2_2021"].value
    assert facts.values.loc[2, 2019] == 23.0 and not facts.hidden.to_numpy().any()


def test_series_table_and_year_columns_give_the_same_facts():
    frame = flensburg()
    series = series_from_columns(frame, [sgb2()], frame["key"])
    assert list(series.columns) == ["key", "indicator", "year", "value", "numerator", "denominator", "shown"]
    assert len(series) == 13 * 4 and series["shown"].all()
    plain = frame[["key", "name", "sgb2_2021", "n_2021", "u65_2021"]]
    from_table = compute_profiles(plain, [sgb2()], ProfileOptions(name="name", key="key", series=series))
    from_columns = compute_profiles(frame, [sgb2()], ProfileOptions(name="name", key="key"))
    a, b = from_table.years["sgb2_2021"], from_columns.years["sgb2_2021"]
    pd.testing.assert_frame_equal(a.values, b.values)
    pd.testing.assert_frame_equal(a.trend, b.trend)
    pd.testing.assert_series_equal(a.city, b.city)
    with pytest.raises(ProfileError) as info:
        compute_profiles(plain, [sgb2()], ProfileOptions(name="name", series=series))
    assert info.value.code == "profile_series_needs_key"
    with pytest.raises(ProfileError) as info:
        compute_profiles(plain, [sgb2()], ProfileOptions(name="name", key="key", series=series.drop(columns="year")))
    assert info.value.code == "profile_series_invalid" and info.value.params["column"] == "year"


def test_a_hidden_year_is_a_gap_and_withholds_the_trend():
    """Tarup's 74 of 2018 is below its threshold of 80: a gap; Weiche's 512, the smallest other
    count of 2018, is hidden with it (else the city total gives 74 back). Neither gets a trend."""
    frame = flensburg()
    profiles = compute_profiles(frame, [sgb2(threshold=80)], ProfileOptions(name="name", key="key"))
    facts = profiles.years["sgb2_2021"]
    tarup, weiche = 12, 5
    assert facts.hidden.loc[tarup].tolist() == [True, False, False, False]
    assert facts.hidden.loc[weiche].tolist() == [True, False, False, False]
    assert facts.hidden[2018].sum() == 2 and np.isnan(facts.values.loc[tarup, 2018])
    assert facts.values.loc[tarup, 2019] == 1.9
    assert facts.trend.loc[tarup, "mark"] == "hidden" and np.isnan(facts.trend.loc[tarup, "p_value"])
    text = profiles.trend_text(profiles.indicators[0])
    assert text[tarup] == "\u00b7" and text[weiche] == "\u00b7"
    assert profiles.value_text(profiles.indicators[0])[tarup] == "3,1 %"  # 2021 itself is shown
    assert not facts.city_hidden[2018]  # two hidden counts: the pooled 2018 gives neither back


def test_city_of_a_year_hidden_where_it_gives_one_count_back():
    """A small area's counts are hidden without a partner: a pooled city rate over exactly one
    hidden count would give it back, so that year's city value is hidden, as the page's."""
    frame = pd.DataFrame({"name": list("ABCD"), "ew": [100, 2000, 3000, 4000]})
    for y, nums in ((2019, [10, 200, 300, 450]), (2020, [12, 210, 320, 430]), (2021, [11, 220, 310, 400])):
        frame[f"q_{y}"] = np.array(nums) / np.array([90, 1800, 2700, 3600]) * 100
        frame[f"n_{y}"], frame[f"d_{y}"] = nums, [90, 1800, 2700, 3600]
    ind = Indicator("q_2021", "Q", "%", direction=0, numerator="n_2021", denominator="d_2021")
    profiles = compute_profiles(frame, [ind], ProfileOptions(name="name", population="ew"))
    facts = profiles.years["q_2021"]
    assert facts.hidden.loc[0].all() and not facts.hidden.loc[1:].to_numpy().any()
    assert facts.city_hidden.all() and facts.city.isna().all()
    assert profiles.city["q_2021"].hidden
    assert profiles.trend_text(ind)[0] == "\u00b7"


def test_values_without_counts_are_not_tested():
    frame = pd.DataFrame({"name": list("ABC"), "inc_2019": [10.0, 20, 30], "inc_2020": [11.0, 21, 29],
                          "inc_2021": [12.0, 22, 28]})
    ind = Indicator("inc_2021", "Income", "", direction=0)
    profiles = compute_profiles(frame, [ind], ProfileOptions(name="name"))
    facts = profiles.years["inc_2021"]
    assert not facts.tested and set(facts.trend["reason"]) == {"no counts"}
    assert facts.city.tolist() == [20.0, 21.0, 22.0]  # the median, as the page's city value
    assert profiles.trend_text(ind).tolist() == ["+2,0", "+2,0", "\u22122,0"]  # the change, no arrow


def test_a_rate_without_counts_for_every_year_has_one_method_along_its_line():
    """Köln's case: the share of foreigners 2009–2012 as values, counts for 2012 only. The line is
    the median in every year (no jump where the method would change), and says so."""
    frame = pd.DataFrame({"name": list("ABC"), "q_2011": [10.0, 20, 40], "q_2012": [12.0, 22, 41],
                          "n": [12, 44, 410], "ew": [100, 200, 1000]})
    ind = Indicator("q_2012", "Q", "%", direction=0, numerator="n", denominator="ew")
    profiles = compute_profiles(frame, [ind], ProfileOptions(name="name"))
    facts = profiles.years["q_2012"]
    assert profiles.city["q_2012"].method == "rate" and facts.city_method == "median"
    assert facts.city.tolist() == [20.0, 22.0] and profiles.city["q_2012"].value == pytest.approx(466 / 1300 * 100)


def test_a_count_read_by_two_indicators_is_hidden_in_both():
    """n_2018 is the rate's numerator (own threshold 80) and the count indicator's 2018 value:
    Tarup's 74 hidden for the rate must not come back as 150 − change of the count."""
    frame = flensburg()
    count = Indicator("n_2021", "SGB II", "", direction=0, kind="count", decimals=0)
    profiles = compute_profiles(frame, [sgb2(threshold=80), count], ProfileOptions(name="name", key="key"))
    for name in ("sgb2_2021", "n_2021"):
        assert profiles.years[name].hidden.loc[12, 2018], name
    assert profiles.trend_text(count)[12] == "\u00b7"
