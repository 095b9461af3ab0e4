"""Profile facts (core/profile.py) and German number formats (core/formatting.py), no QGIS."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sozialraum_plugin.core.formatting import (
    MINUS,
    format_difference,
    format_int,
    format_number,
    format_ratio,
    format_value,
)
from sozialraum_plugin.core.profiles.profile import (
    ProfileError,
    ProfileOptions,
    compute_profiles,
    year_columns,
)
from sozialraum_plugin.core.series.indicators import Indicator

# --- formatting ----------------------------------------------------------------------------------

@pytest.mark.parametrize("value, decimals, expected", [
    (1234.56, 1, "1.234,6"),
    (1234567, 0, "1.234.567"),
    (999, 0, "999"),
    (4.25, 1, "4,3"),  # half up, not half even
    (0.05, 1, "0,1"),
    (-3.21, 1, MINUS + "3,2"),
    (-0.04, 1, "0,0"),  # no '−0,0'
    (31.4, 1, "31,4"),
    (7, 2, "7,00"),
])
def test_format_number_german(value, decimals, expected):
    assert format_number(value, decimals) == expected


def test_format_number_english_and_signs():
    assert format_number(1234.56, 1, lang="en") == "1,234.6"
    assert format_number(3.2, 1, sign=True) == "+3,2"
    assert format_number(0.0, 1, sign=True) == "0,0"


@pytest.mark.parametrize("missing", [None, float("nan"), np.nan, float("inf"), "abc"])
def test_missing_is_never_zero_or_nan(missing):
    assert format_number(missing) == "no data"  # English source; German through the .qm
    assert format_value(missing, "%") == "no data"
    assert format_number(missing, lang="en") == "no data"


def test_units_ratio_and_difference():
    assert format_value(31.44, "%") == "31,4 %"
    assert format_int(3419) == "3.419"
    assert format_ratio(1.94) == "1,9×"
    assert format_ratio(0.04) == "0,04×"
    assert format_difference(3.21, "%") == "+3,2 pp"
    assert format_difference(-120, "EW", 0) == MINUS + "120 EW"
    assert format_difference(1.5, "%", lang="en") == "+1.5 pp"


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), st.integers(min_value=0, max_value=3))
def test_german_format_reads_back(value, decimals):
    text = format_number(value, decimals)
    back = float(text.replace(".", "").replace(",", ".").replace(MINUS, "-"))
    assert math.isclose(back, value, abs_tol=0.5 * 10 ** -decimals + 1e-6 * abs(value))
    assert "nan" not in text and "e" not in text


def test_year_columns():
    cols = ["X_2018", "X_2021", "X_2019", "Y", "XX_2020", "X"]
    assert year_columns(cols, "X") == [(2018, "X_2018"), (2019, "X_2019"), (2021, "X_2021")]
    assert year_columns(cols, "X_2021")[-1] == (2021, "X_2021")
    assert year_columns(cols, "Y") == []


# --- facts ---------------------------------------------------------------------------------------

def _frame():
    return pd.DataFrame({
        "key": ["001", "002", "003", "004", "005", "006"],
        "name": ["Nord", "Süd", "Ost", "West", "Mitte", "Klein"],
        "ew": [1000, 3000, 2000, 4000, 500, 40],
        "num": [100, 150, 2, 400, 50, 10],
        "den": [1000, 3000, 2000, 4000, 500, 40],
        "quote": [10.0, 5.0, 0.1, 10.0, 10.0, 25.0],
        "score": [1.0, np.nan, -2.0, 0.5, 3.0, 9.0],
        "klasse": ["hoch", "mittel", "mittel", "hoch", None, None],
    })


def _profiles(**extra):
    indicators = [
        # over the population: a separate denominator column would be hidden in 'Klein' alone, and the
        # pooled city value would give that one cell back (test_profile_city_gives_back.py)
        Indicator("quote", "Quote", "%", direction=1, numerator="num", denominator="ew"),
        Indicator("score", "Score", "", direction=-1),
    ]
    options = ProfileOptions(name="name", key="key", population="ew", class_field="klasse", **extra)
    return indicators, compute_profiles(_frame(), indicators, options)


def test_city_value_is_pooled_rate_of_all_areas_not_mean_of_rates():
    _, profiles = _profiles()
    frame = _frame()  # the city value is the official figure: all areas, 'Klein' (40 EW) too
    assert profiles.city["quote"].value == pytest.approx(frame.num.sum() / frame.den.sum() * 100)
    valid = frame.iloc[:5]  # the valid areas' figure is kept apart, to be named where it differs
    assert profiles.city["quote"].reference == pytest.approx(valid.num.sum() / valid.den.sum() * 100)
    assert profiles.city["quote"].value != pytest.approx(frame.quote.mean())
    assert profiles.city["quote"].method == "rate"
    assert profiles.city["score"].method == "median"
    # a median leaves 'Klein' (hidden, below 300 residents) out, as the appendix's City sheet does:
    # a median over it can be its value
    assert profiles.city["score"].value == pytest.approx(np.median([1.0, -2.0, 0.5, 3.0]))


def test_share_city_value_over_its_own_denominator_not_all_residents():
    """Children in SGB II / all children: weighting the shares by all residents is wrong."""
    frame = pd.DataFrame({"name": ["A", "B", "C"], "ew": [4000, 1000, 1000], "kinder": [100, 400, 100],
                          "kinder_sgb2": [50, 40, 10], "anteil": [50.0, 10.0, 10.0]})
    share = Indicator("anteil", unit="%", direction=0, numerator="kinder_sgb2", denominator="kinder")
    options = ProfileOptions(name="name", population="ew")
    profiles = compute_profiles(frame, [share], options)
    assert profiles.city["anteil"].value == pytest.approx(100 / 600 * 100)  # not 36,7 % (by ew)
    assert profiles.city_text(share) == "16,7 %"
    plain = compute_profiles(frame, [Indicator("anteil", unit="%", direction=0)], options)
    assert plain.city["anteil"].method == "median"  # no counts: no weighting by the wrong population
    weighted = Indicator("anteil", unit="%", direction=0, city_method="weighted")
    asked = compute_profiles(frame, [weighted], options)
    assert asked.city["anteil"].value == pytest.approx((50 * 4000 + 10 * 1000 + 10 * 1000) / 6000)


def test_ranks_skip_hidden_values():
    frame = pd.DataFrame({"name": list("ABCDE"), "n": [1, 50, 40, 30, 20]})
    count = Indicator("n", kind="count", direction=1, decimals=1)
    profiles = compute_profiles(frame, [count], ProfileOptions(name="name"))
    ranks = profiles.rank_text(count).tolist()
    # 1 is hidden, and 20 with it (the city total would give the 1 back): 3 values shown
    assert ranks == ["·", "1 of 3", "2 of 3", "3 of 3", "·"]
    assert profiles.city["n"].n == 3


def test_rank_direction_and_ties():
    inds, profiles = _profiles()
    quote, score = profiles.cells["quote"], profiles.cells["score"]
    # quote: Nord and West tie at 10 % (highest valid): both rank 1. Ost's numerator 2 is hidden, and
    # Mitte's 50 with it (the valid areas' total would give it back): 3 values shown, 3 ranks
    assert quote["rank"].tolist()[:2] == [1, 3]
    assert set(quote["n"]) == {3}
    # score: direction −1, the lowest value (Ost, −2) is rank 1 of the 4 valid areas with a value
    assert score.at[2, "rank"] == 1 and score.at[4, "rank"] == 4 and score.at[0, "n"] == 4
    assert profiles.rank_text(inds[1])[2] == "1 of 4"
    assert score.at[2, "decile"] == 3  # ceil(1/4 * 10)


def test_suppressed_count_hides_rate_rank_and_deviation():
    inds, profiles = _profiles()
    cells = profiles.cells["quote"]
    assert cells.at[2, "status"] == "suppressed"  # numerator 2 < 3
    assert math.isnan(cells.at[2, "value"])  # the number itself does not leave core
    quote = inds[0]
    for texts in (profiles.value_text(quote), profiles.deviation_text(quote), profiles.rank_text(quote)):
        assert texts[2] == "·"
    # the city value still counts it (all areas): the rule hides a partner where a total would tell
    assert profiles.city["quote"].value == pytest.approx(712 / 10540 * 100)


def test_zero_count_is_shown_as_zero_not_suppressed():
    frame = _frame().assign(num=[0, 150, 20, 400, 50, 10], quote=[0.0, 5.0, 1.0, 10.0, 10.0, 25.0])
    quote = Indicator("quote", unit="%", direction=0, numerator="num", denominator="den")
    profiles = compute_profiles(frame, [quote], ProfileOptions(name="name"))
    assert profiles.value_text(profiles.indicators[0])[0] == "0,0 %"


def test_below_minimum_population_is_hidden_with_note():
    inds, profiles = _profiles()
    d = profiles.districts
    assert not d.at[5, "valid"] and d.at[5, "note"] == "below 300 res. (40)"
    assert profiles.value_text(inds[0])[5] == "·"
    assert d.at[5, "findings_de"] == "No values shown: below 300 res. (40)."
    assert d.at[5, "findings_en"] == "No values shown: below 300 res. (40)."


def test_missing_value_says_keine_daten():
    inds, profiles = _profiles()
    assert profiles.value_text(inds[1])[1] == "no data"
    assert profiles.rank_text(inds[1])[1] == "–"


def test_no_text_ever_reads_nan_or_none():
    inds, profiles = _profiles()
    for ind in inds:
        for series in (profiles.value_text(ind), profiles.deviation_text(ind), profiles.rank_text(ind),
                       profiles.trend_text(ind)):
            assert not any(t in s.lower() for s in series for t in ("nan", "none", "inf"))
    for text in profiles.districts.findings_de.tolist() + profiles.districts.findings_en.tolist():
        assert "nan" not in text.lower() and "none" not in text.lower()


def test_deviation_ratio_and_signed_values():
    inds, profiles = _profiles()
    city = profiles.city["quote"].value
    assert profiles.cells["quote"].at[3, "ratio"] == pytest.approx(10 / city)
    expected = f"+{format_number(10 - city)} pp ({format_ratio(10 / city)})"
    assert profiles.deviation_text(inds[0])[3] == expected
    # scores with negative values: no ratio, and the value carries its sign
    assert math.isnan(profiles.cells["score"].at[0, "ratio"])
    assert profiles.value_text(inds[1])[0] == "+1,0"
    assert profiles.value_text(inds[1])[2] == MINUS + "2,0"


def test_findings_read_like_a_sentence():
    values = [31.4, 10, 11, 12, 13, 14, 15, 16, 17, 18]
    frame = pd.DataFrame({"name": list("ABCDEFGHIJ"), "kinderarmut": values})
    ind = Indicator("kinderarmut", "Kinderarmut", "%", direction=1)
    profiles = compute_profiles(frame, [ind], ProfileOptions(name="name"))
    ratio = format_ratio(31.4 / profiles.city["kinderarmut"].value)
    assert profiles.districts.findings_de[0] == (
        f"Kinderarmut 31,4 % — {ratio} city value, rank 1 of 10 (least favourable 10 %)")
    assert profiles.districts.findings_en[0].startswith("Kinderarmut 31.4 % — ")
    assert "(most favourable 10 %)" in profiles.districts.findings_de[1]
    assert profiles.districts.findings_de[5] == (
        "No need indicator is among the 20 % most or least favourable values of the city.")


def test_no_data_district_and_neutral_direction():
    frame = pd.DataFrame({"name": list("ABCDEFG"), "x": [np.nan, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0]})
    profiles = compute_profiles(frame, [Indicator("x", "X", direction=0)], ProfileOptions(name="name"))
    assert profiles.districts.findings_de[0] == "No data for this area."
    # a context indicator without a direction is never a finding (issue 14.6): shown and ranked only
    assert profiles.districts.findings_de[6].startswith("No need indicator")
    assert profiles.rank_text(profiles.indicators[0])[6] == "1 of 6"


def test_trend_from_year_columns():
    frame = pd.DataFrame({"name": ["A", "B", "C"], "x_2018": [1.0, 2.0, 3.0], "x_2021": [2.5, 2.0, np.nan]})
    ind = Indicator("x_2021", "X", "%", direction=0)
    profiles = compute_profiles(frame, [ind], ProfileOptions(name="name"))
    assert profiles.trend_years == {"x_2021": (2018, 2021)}
    assert profiles.trend_text(ind).tolist() == ["+1,5 pp", "0,0 pp", "–"]


def test_badge_and_population_text():
    _, profiles = _profiles()
    assert profiles.districts.at[0, "badge"] == "Class: hoch"
    assert profiles.districts.at[4, "badge"] == ""
    assert profiles.districts.at[3, "population_text"] == "4.000 residents"


def test_missing_field_is_a_readable_error():
    with pytest.raises(ProfileError) as info:
        compute_profiles(_frame(), [Indicator("nope", direction=0)], ProfileOptions(name="name"))
    assert info.value.code == "profile_field_missing" and info.value.params["field"] == "nope"
    with pytest.raises(ProfileError):
        compute_profiles(_frame(), [], ProfileOptions(name="name"))


def test_trend_hidden_when_the_earlier_year_is_hidden():
    """57 now and +55 since 2019 would give back the hidden 2 of 2019."""
    frame = pd.DataFrame({"name": list("ABCD"), "x_2019": [2, 30, 40, 50], "x_2021": [57, 31, 41, 60]})
    ind = Indicator("x_2021", "X", direction=0, kind="count", decimals=0)
    profiles = compute_profiles(frame, [ind], ProfileOptions(name="name"))
    trend = profiles.trend_text(ind).tolist()
    # "·" (not shown), as every hidden cell; 30, its partner against the 2019 total, too
    assert trend[0] == "·" and trend[1] == "·"
    assert trend[2:] == ["+1", "+10"]
    assert profiles.value_text(ind).tolist()[0] == "57"
