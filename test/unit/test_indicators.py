"""core.series.indicators: declarative indicators, rates, changes, direction."""
from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest

from sozialraum_plugin.core.errors import MethodError
from sozialraum_plugin.core.series.indicators import (
    Indicator,
    as_indicators,
    change_points,
    compute_indicators,
    direction_corrected,
    numeric_column,
    oriented,
    rate,
    relative_change,
)


def test_rate_basic_percent_and_permille():
    assert rate(pd.Series([5.0]), pd.Series([200.0])).tolist() == [2.5]
    assert rate(pd.Series([5.0]), pd.Series([200.0]), scale=1000).tolist() == [25.0]


def test_rate_division_by_zero_or_missing_is_nan_never_inf():
    out = rate(pd.Series([1.0, 0.0, 3.0, np.nan, 2.0]), pd.Series([0.0, 0.0, np.nan, 10.0, -5.0]))
    assert out.isna().all()
    assert not np.isinf(out.to_numpy()).any()


def test_rate_keeps_index_and_accepts_lists():
    s = rate(pd.Series([1, 2], index=["a", "b"]), pd.Series([10, 20], index=["a", "b"]))
    assert list(s.index) == ["a", "b"]
    assert rate([1, 2], [4, 0]).tolist()[0] == 25.0 and math.isnan(rate([1, 2], [4, 0]).tolist()[1])


def test_change_points_is_plain_difference():
    assert change_points(pd.Series([10.0, 5.0]), pd.Series([12.5, 4.0])).tolist() == [2.5, -1.0]
    assert math.isnan(change_points(pd.Series([np.nan]), pd.Series([1.0]))[0])


def test_relative_change_zero_base_is_nan():
    out = relative_change(pd.Series([10.0, 0.0]), pd.Series([15.0, 3.0]))
    assert out[0] == pytest.approx(50.0) and math.isnan(out[1])


def test_direction_corrected():
    s = pd.Series([1.0, -2.0])
    assert direction_corrected(s, -1).tolist() == [-1.0, 2.0]
    assert direction_corrected(s, 1).tolist() == [1.0, -2.0]
    with pytest.raises(MethodError) as err:
        direction_corrected(s, 0)
    assert err.value.code == "direction_invalid"


def test_indicator_rate_scale_from_unit():
    assert Indicator("alq", unit="%", kind="rate", numerator="alo", denominator="ew").scale == 100.0
    assert Indicator("x", unit="‰", kind="rate", numerator="a", denominator="b").scale == 1000.0
    assert Indicator("v", unit="€").scale == 1.0
    assert Indicator("v").label == "v"


def test_indicator_json_round_trip():
    ind = Indicator("d_alq", label="Veränderung Arbeitslosenquote", unit="%", direction=1, kind="rate",
                    numerator="alo", denominator="ew", change_between=(2019, 2021), source="BA")
    text = json.dumps(ind.to_dict(), ensure_ascii=False)
    back = Indicator.from_dict(json.loads(text))
    assert back == ind
    assert back.change_between == (2019, 2021)


def test_indicator_from_dict_keeps_unknown_keys():
    back = Indicator.from_dict({"id": "x", "colour": "red"})
    assert back.extra == {"colour": "red"}


@pytest.mark.parametrize(
    "kwargs, code",
    [
        ({"id": "x", "direction": 2}, "indicator_value_invalid"),
        ({"id": "x", "direction": True}, "indicator_value_invalid"),
        ({"id": "x", "decimals": -1}, "indicator_value_invalid"),
        ({"id": "x", "decimals": 1.5}, "indicator_value_invalid"),
        ({"id": "x", "city_method": "sum"}, "indicator_value_invalid"),
        ({"id": "x", "threshold": -3}, "indicator_value_invalid"),
        ({"id": "x", "context": "yes"}, "indicator_value_invalid"),
        ({"id": "x", "label": 5}, "indicator_value_invalid"),
        ({"id": "x", "kind": "ratio"}, "kind_invalid"),
        ({"id": "x", "kind": "rate", "numerator": "a"}, "rate_needs_counts"),
        ({"id": "x", "scale": 0}, "scale_invalid"),
        ({"id": "x", "change_between": (2020, 2020)}, "change_years_invalid"),
    ],
)
def test_indicator_validation(kwargs, code):
    with pytest.raises(MethodError) as err:
        Indicator(**kwargs)
    assert err.value.code == code
    assert str(err.value)  # English fallback formats


def test_indicator_compute_rate_and_change_between_years():
    frame = pd.DataFrame({"alo_2019": [10, 5], "ew_2019": [200, 0],
                          "alo_2021": [15, 6], "ew_2021": [250, 100]})
    level = Indicator("alo", kind="rate", unit="%", numerator="alo", denominator="ew",
                      change_between=(2019, 2021))
    out = level.compute(frame)
    assert out[0] == pytest.approx(15 / 250 * 100 - 10 / 200 * 100)
    assert math.isnan(out[1])  # 2019 denominator 0 → no change


def test_compute_indicators_from_counts_and_values():
    frame = pd.DataFrame({"sgb2": [30, 0], "ew": [300, 0], "score": ["1.5", ""]})
    quote = Indicator("quote", kind="rate", unit="%", numerator="sgb2", denominator="ew")
    out = compute_indicators(frame, [quote, "score"])
    assert out["quote"].tolist()[0] == pytest.approx(10.0)
    assert math.isnan(out["quote"][1])
    assert out["score"].tolist()[0] == 1.5 and math.isnan(out["score"][1])


def test_numeric_column_errors_name_field_and_row():
    frame = pd.DataFrame({"a": ["1", "zwei"]}, index=["k1", "k2"])
    with pytest.raises(MethodError) as err:
        numeric_column(frame, "a")
    assert err.value.code == "field_not_numeric" and err.value.params["row"] == "k2"
    with pytest.raises(MethodError) as err:
        numeric_column(frame, "b")
    assert err.value.code == "field_not_found"


def test_oriented_applies_directions():
    frame = pd.DataFrame({"a": [1.0, 2.0], "b": [3.0, 4.0]})
    out = oriented(frame, [Indicator("a"), Indicator("b", direction=-1)])
    assert out["a"].tolist() == [1.0, 2.0] and out["b"].tolist() == [-3.0, -4.0]


def test_as_indicators_accepts_names_and_single_items():
    assert [i.id for i in as_indicators(["a", Indicator("b")])] == ["a", "b"]
    assert as_indicators("a")[0].direction == 1


@pytest.mark.parametrize("unit, scale", [
    ("%", 100.0), ("%-Pkt.", 100.0), ("Pp.", 100.0), ("pp", 100.0), ("‰-Pkt.", 1000.0),
    ("Prozentpunkte", 100.0), ("‰", 1000.0), ("Promille", 1000.0),
    ("je 1.000 EW", 1000.0), ("per 1,000 residents", 1000.0), ("pro 100.000", 100000.0),
    ("je 1 000", 1000.0), ("/1000", 1000.0), ("je Einwohner", 1.0), ("€", 1.0), ("", 1.0), (None, 1.0),
])
def test_unit_scale(unit, scale):
    from sozialraum_plugin.core.series.indicators import unit_scale

    assert unit_scale(unit) == scale


def test_rate_scale_follows_per_thousand_unit():
    ind = Indicator("q", unit="je 1.000 EW", kind="rate", numerator="a", denominator="b")
    assert ind.scale == 1000.0
    assert ind.compute(pd.DataFrame({"a": [3], "b": [600]})).tolist() == [5.0]
    assert not ind.is_share and Indicator("s", unit="%", kind="rate", numerator="a", denominator="b").is_share
    assert not Indicator("s", unit="%", kind="rate", numerator="a", denominator="b", share=False).is_share
    with pytest.raises(MethodError) as err:
        Indicator("s", unit="%", kind="rate", numerator="a", denominator="b", share="no")
    assert err.value.code == "share_invalid"


def test_change_of_a_value_column_named_by_base_and_year_placeholder():
    frame = pd.DataFrame({"quote_2019": [10.0], "quote_2021": [12.5],
                          "2019_Anzahl": [5], "2021_Anzahl": [9], "2019": [100], "2021": [90]})
    d_quote = Indicator("d_quote", base="quote", change_between=(2019, 2021))
    assert d_quote.compute(frame).tolist() == [2.5]
    d_rate = Indicator("d_rate", kind="rate", unit="%", numerator="{year}_Anzahl", denominator="{year}",
                       change_between=[2019, 2021])
    assert d_rate.compute(frame).tolist()[0] == pytest.approx(10.0 - 5.0)
    assert [c for _y, _r, c in d_rate.inputs()] == ["2019_Anzahl", "2019", "2021_Anzahl", "2021"]
    assert Indicator.from_dict(d_quote.to_dict()) == d_quote


def test_year_placeholder_needs_change_years_and_years_are_whole_numbers():
    with pytest.raises(MethodError) as err:
        Indicator("x", kind="rate", numerator="{year}_a", denominator="b")
    assert err.value.code == "year_placeholder_without_change" and "{year}" in str(err.value)
    with pytest.raises(MethodError) as err:
        Indicator("x", change_between=("2019", "2021"))
    assert err.value.code == "change_years_invalid"


@pytest.mark.parametrize("unit, scale", [
    ("Anteil in %", 100.0), ("in %", 100.0), ("(%)", 100.0), ("v. H. (%)", 100.0), ("in ‰", 1000.0),
])
def test_a_percent_sign_anywhere_in_the_unit_gives_the_percent_scale_and_a_share(unit, scale):
    # "Anteil in %" is how German tables head a share: read as 1 it printed 0,17 instead of 17 %
    # and the numerator was no longer checked against its denominator
    ind = Indicator("q", unit=unit, kind="rate", numerator="a", denominator="b")
    assert ind.scale == scale
    assert ind.compute(pd.DataFrame({"a": [1], "b": [4]})).tolist() == [scale / 4]
    assert ind.is_share


@pytest.mark.parametrize("unit", ["Prozent", "Promille", "percent"])
def test_a_unit_written_as_a_word_is_a_share_as_its_scale_says(unit):
    assert Indicator("q", unit=unit, kind="rate", numerator="a", denominator="b").is_share
