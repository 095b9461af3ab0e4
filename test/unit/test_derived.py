"""core.derived: rates and changes from counts, checked, with EB smoothing and Wilson intervals."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from sozialraum_plugin.core.errors import MethodError
from sozialraum_plugin.core.series.derived import DeriveOptions, derive, missing_inputs, output_fields
from sozialraum_plugin.core.series.indicators import Indicator

SHARE = Indicator("quote", unit="%", kind="rate", numerator="n", denominator="ew")
CHANGE = Indicator("d_quote", unit="%", kind="rate", numerator="n", denominator="ew", change_between=(2019, 2021))


def frame(**extra):
    data = {"n": [30, 2, 0, 5], "ew": [300, 40, 0, 1000], "n_2019": [20, 1, 3, 5], "ew_2019": [250, 40, 10, 1000],
            "n_2021": [30, 2, 0, 5], "ew_2021": [300, 40, 0, 1000]}
    data.update(extra)
    return pd.DataFrame(data, index=[11, 12, 13, 14])


def test_rate_and_change_in_points():
    out = derive(frame(), [SHARE, CHANGE, Indicator("plain")])
    assert list(out.columns) == ["quote", "d_quote"] and list(out.index) == [11, 12, 13, 14]
    assert out["quote"].tolist()[:2] == [10.0, 5.0] and math.isnan(out["quote"][13])
    assert out["d_quote"][11] == pytest.approx(10.0 - 8.0)
    assert math.isnan(out["d_quote"][13])  # 2021 denominator 0: no change, never inf


def test_eb_and_wilson_columns_on_the_rate_scale():
    options = DeriveOptions(smooth=True, intervals=True)
    assert output_fields(SHARE, options) == ["quote", "quote_eb", "quote_lo", "quote_hi"]
    assert output_fields(CHANGE, options) == ["d_quote"]
    out = derive(frame(), [SHARE], options)
    # Marshall by hand over the areas with a population
    y, n = np.array([30, 2, 5.0]), np.array([300, 40, 1000.0])
    b = y.sum() / n.sum()
    s2 = (n * (y / n - b) ** 2).sum() / n.sum()
    a = max(s2 - b / n.mean(), 0)
    w = a / (a + b / n)
    assert out["quote_eb"][[11, 12, 14]].tolist() == pytest.approx((100 * (b + w * (y / n - b))).tolist())
    # Wilson 95 % by hand for 2 of 40
    z, p, m = 1.959963984540054, 2 / 40, 40
    centre = (p + z * z / (2 * m)) / (1 + z * z / m)
    half = z / (1 + z * z / m) * math.sqrt(p * (1 - p) / m + z * z / (4 * m * m))
    expected = [100 * (centre - half), 100 * (centre + half)]
    assert out.loc[12, ["quote_lo", "quote_hi"]].tolist() == pytest.approx(expected)
    assert out.loc[11, "quote_lo"] < 10 < out.loc[11, "quote_hi"]


@pytest.mark.parametrize("data, code, params", [
    ({"ew": ["300", "x", "0", "1000"]}, "indicator_field_not_numeric", {"column": "ew", "row": "B", "value": "x"}),
    ({"n": [30, -2, 0, 5]}, "indicator_count_negative", {"column": "n", "row": "B", "value": "-2"}),
    ({"n": [30, 50, 0, 5]}, "indicator_share_above_total",
     {"numerator": "n", "count": "50", "denominator": "ew", "total": "40", "row": "B"}),
])
def test_bad_counts_name_indicator_field_district_and_value(data, code, params):
    with pytest.raises(MethodError) as err:
        derive(frame(**data), [SHARE], rows=["A", "B", "C", "D"])
    assert err.value.code == code
    assert err.value.params["indicator"] == "quote"
    for key, value in params.items():
        assert str(err.value.params[key]) == value
    assert "quote" in str(err.value) and "B" in str(err.value)


def test_a_percentage_declared_no_share_may_exceed_100():
    coverage = Indicator("kita", unit="%", kind="rate", numerator="n", denominator="ew", share=False)
    assert derive(frame(n=[330, 2, 0, 5]), [coverage])["kita"][11] == pytest.approx(110.0)


def test_share_check_in_each_year_of_a_change():
    with pytest.raises(MethodError) as err:
        derive(frame(n_2019=[20, 41, 3, 5]), [CHANGE], rows=list("ABCD"))
    assert err.value.code == "indicator_share_above_total" and err.value.params["numerator"] == "n_2019"


def test_a_rate_that_is_no_share_may_exceed_its_denominator():
    per_thousand = Indicator("pendler", unit="je 1.000 EW", kind="rate", numerator="n", denominator="ew")
    out = derive(frame(n=[600, 50, 0, 5]), [per_thousand], DeriveOptions(intervals=True))
    assert out["pendler"][12] == 1250.0
    assert math.isnan(out["pendler_lo"][12])  # no Wilson interval for more events than people
    assert math.isnan(out["pendler_lo"][11]) and out["pendler_lo"][14] < 5.0 < out["pendler_hi"][14]


def test_missing_inputs_and_missing_field_message():
    assert missing_inputs([SHARE, CHANGE], ["n", "ew", "n_2019", "ew_2019", "n_2021"]) == [("d_quote", "ew_2021")]
    with pytest.raises(MethodError) as err:
        derive(frame().drop(columns="ew_2021"), [CHANGE])
    assert err.value.code == "indicator_field_missing" and err.value.params["column"] == "ew_2021"
    assert "d_quote" in str(err.value)


def test_definitions_checked_before_data():
    with pytest.raises(MethodError) as err:
        derive(frame(), [SHARE, Indicator("quote", kind="rate", numerator="n", denominator="ew")])
    assert err.value.code == "indicator_duplicate"
    with pytest.raises(MethodError) as err:
        derive(frame(), [Indicator("n", kind="rate", numerator="n", denominator="ew")])
    assert err.value.code == "indicator_replaces_input"
    with pytest.raises(MethodError) as err:
        derive(frame(), [SHARE], DeriveOptions(smooth=True, level=1.5))
    assert err.value.code == "level_invalid"


def test_change_of_counts_rejects_negative_counts_but_values_may_be_negative():
    counts = Indicator("d_n", kind="count", base="n", change_between=(2019, 2021))
    assert derive(frame(), [counts])["d_n"].tolist() == [10.0, 1.0, -3.0, 0.0]
    with pytest.raises(MethodError) as err:
        derive(frame(n_2019=[1, -1, 0, 0]), [counts])
    assert err.value.code == "indicator_count_negative"
    values = Indicator("d_v", base="n", change_between=(2019, 2021))
    assert derive(frame(n_2019=[1, -1, 0, 0]), [values])["d_v"][12] == 3.0


def test_profile_city_value_of_a_per_thousand_rate_is_pooled_on_its_scale():
    from sozialraum_plugin.core.profiles.profile import ProfileOptions, compute_profiles

    data = frame(name=list("ABCD"))
    data["q"] = derive(data, [Indicator("q", unit="je 1.000 EW", kind="rate", numerator="n", denominator="ew")])["q"]
    ind = Indicator("q", unit="je 1.000 EW", direction=0, numerator="n", denominator="ew")
    profiles = compute_profiles(data, [ind], ProfileOptions(name="name", suppress_below=0))
    assert profiles.city["q"].method == "rate"
    assert profiles.city["q"].value == pytest.approx(37 / 1340 * 1000)


def test_districts_are_named_by_their_key_as_written_or_their_fid():
    from sozialraum_plugin.core.series.derived import district_names

    keys = pd.Series([1001, None, 1003]).tolist()  # pandas reads the integer key as float
    assert district_names(keys, [1, 2, 3]) == ["1001", "fid 2", "1003"]
    assert district_names(["01", None, " ", "STGT03"], [1, 2, 3, 4]) == ["01", "fid 2", "fid 3", "STGT03"]
    assert district_names([1.5], [7]) == ["1.5"] and district_names(None, [7]) == ["fid 7"]


def test_a_text_count_with_a_thousands_dot_is_refused_not_read_as_a_decimal():
    # '1.000' in a text field (a CSV layer, a field QGIS's own join brought) was read as 1.0:
    # 5 per 1,000 residents became 5,000 without a word.
    per_thousand = Indicator("q", unit="je 1.000 EW", kind="rate", numerator="n", denominator="ew")
    with pytest.raises(MethodError) as err:
        derive(frame(ew=["300", "40", "0", "1.000"]), [per_thousand], rows=list("ABCD"))
    assert err.value.code == "indicator_field_ambiguous"
    assert err.value.params["row"] == "D" and err.value.params["value"] == "1.000"
    assert "q" in str(err.value) and "ew" in str(err.value) and "1.000" in str(err.value)
    # decimals that cannot be thousands pass: 0.125, 12.5, 1.25
    out = derive(frame(ew=["0.125", "12.5", "0", "1.25"]), [per_thousand])
    assert out["q"].tolist()[0] == pytest.approx(30 / 0.125 * 1000)


def test_a_change_of_a_rate_from_changes_is_labelled_in_points_not_percent():
    # CHANGES=d=n/ew:2019-2021 took UNIT '%' as the change's unit: the log and the metadata said
    # "-2,3 %" for a change of -2.3 percentage points (read as a relative change).
    from sozialraum_plugin.core.series.indicator_params import parse_changes

    (pp,) = parse_changes("d=n/ew:2019-2021", "%")
    (pm,) = parse_changes("d=n/ew:2019-2021", "‰")
    (own,) = parse_changes("d=n/ew:2019-2021|%-Pkt.", "%")
    assert (pp.unit, pp.scale, pp.is_share) == ("Pp.", 100.0, True)
    assert (pm.unit, pm.scale, pm.is_share) == ("‰-Pkt.", 1000.0, True)
    assert own.unit == "%-Pkt."
    assert derive(frame(), [pp])["d"][11] == pytest.approx(30 / 300 * 100 - 20 / 250 * 100)
