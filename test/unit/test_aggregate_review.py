"""Review of sozialraum:aggregate's core (issue 15 part 5): output names, counts as offices write
them, the parent figure on a district's profile page against the city value."""
from __future__ import annotations

import pandas as pd
import pytest

from sozialraum_plugin.core.areas.aggregate import CHILDREN, aggregate
from sozialraum_plugin.core.errors import MethodError


def _children(**columns) -> pd.DataFrame:
    return pd.DataFrame({"k": ["a", "b", "c"], "p": ["P", "P", "Q"], **columns})


@pytest.mark.parametrize("count, clash", [(CHILDREN, CHILDREN), ("p", "p"), ("suppressed_fields", "suppressed_fields")])
def test_a_count_with_the_name_of_an_output_column_is_refused(count, clash):
    """A count named n_children (the BZR layer aggregated again to Bezirke) overwrote the number
    of districts with its sum: 'P' came out with n_children 30 for 2 districts, and one column."""
    children = _children(**{count: [10, 20, 5]}) if count != "p" else _children()
    with pytest.raises(MethodError) as error:
        aggregate(children, children["p"], [count], keys=children["k"], parent_column="p", name_column="name")
    assert error.value.code == "aggregate_count_name_taken" and clash in str(error.value)


def _german(text: str) -> float:
    return float(text.replace("%", "").replace(".", "").replace(",", ".").strip())


def test_a_parent_figure_never_gives_a_hidden_count_back_through_the_city_value():
    """A district's page prints the city value and its parent's pooled rate. The parent with one
    hidden count (B) was hidden, but A with two was shown: city Σ − A's Σ − the shown counts of B
    and C is B's hidden one. The attacker below reads only what is printed or published."""
    from sozialraum_plugin.core.profiles.profile import ProfileOptions, compute_profiles
    from sozialraum_plugin.core.series.indicators import Indicator

    frame = pd.DataFrame({"k": ["a1", "a2", "a3", "b1", "b2", "c1", "c2"],
                          "p": ["A", "A", "A", "B", "B", "C", "C"],
                          "num": [1.0, 2, 10, 2, 20, 30, 40], "den": [100.0] * 7})
    frame["q"] = frame["num"] / frame["den"] * 100
    ind = Indicator("q", "Quote", "%", direction=0, numerator="num", denominator="den")
    profiles = compute_profiles(frame, [ind], ProfileOptions(name="k", key="k", parent="p"))
    hidden = profiles.publication.hidden("num")
    assert hidden.tolist() == [True, True, False, True, False, False, False]  # a1, a2, b1: below 3
    assert profiles.city_text(ind, "de") != "·"  # three hidden numerators: the city value is shown
    # the attacker: Σ numerators of the city and of every parent printed, minus the shown ones
    den = frame["den"]  # all shown (published in the districts' appendix)
    known = {"city": _german(profiles.city_text(ind, "de")) * den.sum() / 100}
    parent_text = profiles.parent_text(ind, "de")
    for key in "ABC":
        text = parent_text[frame["p"] == key].iloc[0]
        if text != "·":
            known[key] = _german(text) * den[frame["p"] == key].sum() / 100
    assert parent_text[frame["p"] == "C"].iloc[0] != "·"  # a parent without hidden counts stays
    shown = frame["num"].where(~hidden)
    for key in "ABC":
        others = [p for p in "ABC" if p != key]
        if key in known or not all(p in known for p in others):
            continue
        inside = frame["p"] == key
        unknown = hidden & inside
        if int(unknown.sum()) == 1:  # the city minus the other parents minus this parent's shown ones
            found = round(known["city"] - sum(known[p] for p in others) - shown[inside].sum())
            assert found != frame.loc[unknown, "num"].iloc[0], f"{frame.loc[unknown, 'k'].iloc[0]} = {found}"


def test_counts_in_text_are_read_as_offices_write_them():
    """A text field as a CSV layer gives it: '1.234' is a thousand and more (pd.to_numeric read 1.234),
    '–' is the office's empty cell, which MISSING_AS_ZERO is for (it was refused as no number)."""
    children = pd.DataFrame({"k": ["a", "b", "c", "d"], "p": ["P", "P", "Q", "Q"],
                             "n": ["1.234", "2.000", "–", "7"]})
    zero = aggregate(children, children["p"], ["n"], keys=children["k"], missing_as_zero=True).parents
    assert zero["n"].tolist() == [3234.0, 7.0]
    strict = aggregate(children, children["p"], ["n"], keys=children["k"])
    assert strict.parents["n"].iloc[0] == 3234.0 and pd.isna(strict.parents["n"].iloc[1])
    assert strict.incomplete == {"n": ["Q"]}
    children.loc[1, "n"] = "2 Personen"
    with pytest.raises(MethodError) as error:
        aggregate(children, children["p"], ["n"], keys=children["k"])
    assert error.value.code == "aggregate_count_not_numeric" and "2 Personen" in str(error.value)
    assert "b" in str(error.value)


def test_a_parent_figure_never_gives_a_hidden_count_back_through_the_valid_areas_value():
    """The page also prints the city value over the valid areas ('Valid areas alone: …'). B holds a
    secret count and two small areas (hidden as unreliable), so it was shown; the valid areas' Σ
    minus A's Σ minus the shown counts is B's secret one."""
    from sozialraum_plugin.core.profiles.profile import ProfileOptions, compute_profiles
    from sozialraum_plugin.core.series.indicators import Indicator

    frame = pd.DataFrame({"k": ["a1", "a2", "a3", "b1", "b2", "b3", "b4", "c1", "c2"],
                          "p": ["A", "A", "A", "B", "B", "B", "B", "C", "C"],
                          "num": [1.0, 2, 10, 2, 20, 25, 30, 30, 40], "den": [100.0] * 9,
                          "ew": [1000.0, 1000, 1000, 1000, 100, 100, 1000, 1000, 1000]})
    frame["q"] = frame["num"] / frame["den"] * 100
    ind = Indicator("q", "Quote", "%", direction=0, numerator="num", denominator="den")
    profiles = compute_profiles(frame, [ind], ProfileOptions(name="k", key="k", parent="p", population="ew"))
    hidden = profiles.publication.hidden("num")
    valid = frame["ew"] >= 300
    assert hidden[valid].tolist() == [True, True, False, True, False, False, False]  # a1, a2, b1 secret
    reference = profiles.city["q"].reference  # printed in the legend where it differs from the city value
    known_valid = round(reference, 1) * frame.loc[valid, "den"].sum() / 100
    parent_text = profiles.parent_text(ind, "de")
    a_text = parent_text[frame["p"] == "A"].iloc[0]
    if a_text != "·":  # the attacker: valid Σ − A's Σ − the shown valid counts outside A = b1
        a_sum = _german(a_text) * frame.loc[frame["p"] == "A", "den"].sum() / 100
        outside = valid & (frame["p"] != "A") & ~hidden
        found = round(known_valid - a_sum - frame.loc[outside, "num"].sum())
        assert found != 2, "b1 = 2 from the valid areas' value and A's"
    assert parent_text[frame["p"] == "C"].iloc[0] != "·"
