"""A profile's city value over all areas must not give back the one hidden cell of a column.

The appendix's City sheet hides a sum or pooled rate over exactly one hidden cell
(core.publish.appendix.city_values): city × Σ denominator − Σ shown numerators is that cell.
An area below the minimum population is hidden without a complementary cell, so one small area
is enough. The pages use the same check; a median leaves every hidden cell out, as the sheet's.
"""
import pandas as pd

from sozialraum_plugin.core.formatting import SUPPRESSED
from sozialraum_plugin.core.profiles.profile import ProfileOptions, compute_profiles
from sozialraum_plugin.core.series.indicators import Indicator


def _frame(small_kinder=20):
    frame = pd.DataFrame({"name": list("ABCDE"), "ew": [900, 800, 700, 600, 120],
                          "sgb2": [90, 80, 70, 60, 30], "kinder": [100, 90, 80, 70, small_kinder]})
    frame["quote"] = frame.sgb2 / frame.ew * 100
    return frame


OPTIONS = ProfileOptions(name="name", population="ew", min_population=300)
QUOTE = Indicator("quote", "Quote", unit="%", direction=0, numerator="sgb2", denominator="ew")
KINDER = Indicator("kinder", "Kinder", direction=0, kind="count", decimals=1)


def test_a_pooled_rate_over_one_hidden_numerator_is_hidden():
    frame = _frame()
    profiles = compute_profiles(frame, [QUOTE], OPTIONS)
    assert profiles.cells["quote"]["status"].iloc[4] == "hidden"  # E: 120 residents
    city = profiles.city["quote"]
    # printed, it gives E's count back: 10.58 % × Σ ew − Σ shown sgb2 = 30
    for lang in ("de", "en"):
        text = profiles.city_text(QUOTE, lang)
        assert text == SUPPRESSED, text
        assert set(profiles.deviation_text(QUOTE, lang)) == {SUPPRESSED}  # value − deviation = city
    assert not (city.value == city.value)
    assert profiles.cells["quote"]["rank"].iloc[:4].notna().all()  # ranks stay: they give nothing back


def test_a_median_never_falls_on_a_small_areas_hidden_value():
    profiles = compute_profiles(_frame(small_kinder=84), [KINDER], OPTIONS)
    assert profiles.cells["kinder"]["status"].iloc[4] == "hidden"
    assert profiles.city["kinder"].value != 84  # the median of all five was E's hidden 84
    assert "84" not in profiles.city_text(KINDER, "de")


def test_a_count_per_resident_does_not_give_back_the_one_hidden_count():
    frame = _frame()
    profiles = compute_profiles(frame, [KINDER], OPTIONS)
    per_resident = profiles.city["kinder"].per_resident
    # with every population shown, per resident × Σ ew − Σ shown counts would be E's 20
    guess = per_resident * frame.ew.sum() - frame.kinder.iloc[:4].sum()
    assert abs(guess - 20) > 0.5, guess


def test_two_hidden_cells_keep_the_city_value():
    frame = pd.concat([_frame(), _frame().iloc[[4]].assign(name="F")], ignore_index=True)
    profiles = compute_profiles(frame, [QUOTE], OPTIONS)
    assert profiles.city_text(QUOTE, "de") != SUPPRESSED
