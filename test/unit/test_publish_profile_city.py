"""A profile's city value that is not a pooled rate (the median or mean of the areas) must not
be computed from a hidden cell: a median that falls on a hidden change prints it; a mean × n
minus the shown values gives a single hidden one back. The rule's complementary cells protect
the *sums* of count columns only."""
import pandas as pd

from sozialraum_plugin.core.profiles.profile import ProfileOptions, compute_profiles
from sozialraum_plugin.core.series.indicators import Indicator


def _frame():
    return pd.DataFrame({"name": list("ABCDE"), "ew": [900, 800, 700, 600, 500],
                         # the change of a count: C's 2019 value was 2 (hidden), so C's change is hidden
                         "sgb2": [-40.0, -10.0, 3.0, 12.0, 30.0],
                         "anteil": [10.0, 20.0, 30.0, 40.0, 50.0]})


def _hidden(col, row):
    hidden = pd.DataFrame(False, index=range(5), columns=[col])
    hidden.loc[row, col] = True
    return hidden


def test_a_median_city_value_never_falls_on_a_hidden_cell():
    options = ProfileOptions(name="name", population="ew", min_population=300, hidden=_hidden("sgb2", 2))
    profiles = compute_profiles(_frame(), [Indicator("sgb2", "Veränderung", direction=0)], options)
    city = profiles.city["sgb2"]
    assert profiles.cells["sgb2"]["status"].iloc[2] == "suppressed"
    assert city.value != 3.0 and city.reference != 3.0  # 3 is C's hidden change
    assert city.value == 1.0  # the median of the shown changes


def test_a_mean_city_value_does_not_give_back_the_one_hidden_cell():
    options = ProfileOptions(name="name", population="ew", min_population=300, hidden=_hidden("anteil", 4))
    for method in ("mean", "weighted"):
        anteil = Indicator("anteil", "Anteil", unit="%", direction=0, city_method=method)
        profiles = compute_profiles(_frame(), [anteil], options)
        city = profiles.city["anteil"]
        frame = _frame()
        shown = frame.index != 4
        if method == "mean":
            guess = city.value * 5 - frame.anteil[shown].sum()
        else:
            guess = (city.value * frame.ew.sum() - (frame.anteil * frame.ew)[shown].sum()) / frame.ew[4]
        assert abs(guess - 50.0) > 0.5, method
