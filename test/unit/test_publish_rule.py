"""core.publish: the one publication rule (what may be shown) and its method note."""
from __future__ import annotations

import numpy as np
import pandas as pd

from sozialraum_plugin.core.publish import method_note, publication_rule
from sozialraum_plugin.core.series.indicators import Indicator

try:  # property tests need hypothesis (installed in .venv, not in Debian's python)
    from hypothesis import given, settings
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover
    given = None


def frame(**columns) -> pd.DataFrame:
    return pd.DataFrame(columns)


def test_counts_below_threshold_hidden_zero_and_missing_shown():
    data = frame(n=[0, 1, 2, 3, np.nan, 40, 50])
    pub = publication_rule(data, [Indicator("n", kind="count")], city_totals=False)
    assert pub.mask["n"].tolist() == [False, True, True, False, False, False, False]
    assert pub.reasons["n"].tolist()[1:3] == ["small", "small"]


def test_threshold_per_indicator_from_the_definition():
    data = frame(a=[4, 10, 20], b=[4, 10, 20])
    inds = [Indicator.from_dict({"id": "a", "kind": "count", "threshold": 5}), Indicator("b", kind="count")]
    pub = publication_rule(data, inds, city_totals=False)
    assert pub.mask["a"].tolist() == [True, False, False]
    assert not pub.mask["b"].any()
    assert pub.thresholds == {"a": 5.0}
    assert "a: < 5" in method_note(pub)


def test_share_hidden_through_its_numerator_and_its_denominator():
    data = frame(kinder=[2, 30, 40, 50], alle=[100, 200, 2, 300], anteil=[2.0, 15.0, 2000.0, 16.7])
    share = Indicator("anteil", unit="%", numerator="kinder", denominator="alle")
    pub = publication_rule(data, [share], city_totals=False)
    assert pub.mask["anteil"].tolist() == [True, False, True, False]
    assert pub.reasons.loc[0, "anteil"] == "derived"


def test_rate_kind_works_the_same():
    data = frame(k=[1, 30, 40], n=[100, 200, 300], q=[1.0, 15.0, 13.3])
    pub = publication_rule(data, [Indicator("q", kind="rate", unit="%", numerator="k", denominator="n")],
                           city_totals=False)
    assert pub.mask["q"].tolist() == [True, False, False]


def test_change_hidden_when_either_year_is_hidden():
    """value now − change would give back the hidden earlier count."""
    data = frame(sgb_2019=[2, 30, 40, 50], sgb_2021=[57, 1, 41, 60], sgb=[55, -29, 1, 10])
    change = Indicator("sgb", kind="count", change_between=(2019, 2021))
    pub = publication_rule(data, [change], city_totals=False)
    assert pub.mask["sgb"].tolist() == [True, True, False, False]
    assert pub.mask["sgb_2019"].tolist() == [True, False, False, False]


def test_change_of_a_share_hidden_through_a_numerator_of_either_year():
    data = frame(k_2019=[2, 20, 30], k_2021=[20, 20, 30], n_2019=[100, 100, 100], n_2021=[100, 100, 100],
                 q_2019=[2.0, 20, 30], q_2021=[20.0, 20, 30], q=[18.0, 0, 0])
    share = Indicator("q", unit="%", numerator="k", denominator="n", change_between=(2019, 2021))
    pub = publication_rule(data, [share], city_totals=False)
    assert pub.mask["q_2019"].tolist() == [True, False, False]
    assert pub.mask["q"].tolist() == [True, False, False]
    assert not pub.mask["q_2021"].any()


def test_change_named_apart_from_its_year_columns_is_hidden_with_them():
    """A change with its own name (``base``) or year columns named by a placeholder reads the
    definition's columns: Anzahl_2019/Anzahl_2020, {year}_Anzahl; no per-year value columns."""
    data = frame(Anzahl_2019=[30, 40, 50, 60], Anzahl_2020=[1, 42, 52, 62], d_n=[-29, 2, 2, 2],
                 **{"2019_ew": [300, 400, 500, 600], "2020_ew": [300, 400, 500, 600]}, d_q=[-9.7, 0.5, 0.4, 0.3])
    count = Indicator("d_n", kind="count", base="Anzahl", change_between=(2019, 2020))
    share = Indicator("d_q", kind="rate", unit="%", numerator="Anzahl", denominator="{year}_ew",
                      change_between=(2019, 2020))
    pub = publication_rule(data, [count, share], city_totals=False)
    assert pub.mask["Anzahl_2020"].tolist() == [True, False, False, False]
    assert pub.mask["d_n"].tolist() == [True, False, False, False]  # +2 is a change, not a small count
    assert pub.mask["d_q"].tolist() == [True, False, False, False]
    assert "2019_ew" in pub.counts and not pub.unchecked


def test_city_total_gets_a_complementary_cell():
    """One hidden count and a published city total: the total minus the others gives it back."""
    data = frame(n=[1, 7, 5, 9, np.nan])
    pub = publication_rule(data, [Indicator("n", kind="count")])
    assert pub.mask["n"].tolist() == [True, False, True, False, False]  # 5: the smallest shown
    assert pub.reasons.loc[2, "n"] == "complementary"


def test_missing_value_does_not_count_as_hidden_for_the_city_total():
    data = frame(n=[1, np.nan, 5, 9])
    assert publication_rule(data, [Indicator("n", kind="count")]).mask["n"].sum() == 2


def test_area_total_and_other_parts_of_the_same_total():
    data = frame(ew=[100, 200], u18=[2, 50], mitte=[60, 100], alt=[38, 50])
    pub = publication_rule(data, [], totals={"ew": ["u18", "mitte", "alt"]}, city_totals=False)
    assert pub.mask.loc[0].tolist() == [False, True, False, True]  # 38, the smallest other part
    assert "Known totals per area: ew = u18 + mitte + alt." in method_note(pub)
    assert not pub.mask.loc[1].any()


def test_source_suppressed_cells_take_part():
    data = frame(n=[np.nan, 7, 50], ew=[100, 100, 100])
    hidden = frame(n=[True, False, False])
    pub = publication_rule(data, [Indicator("n", kind="count")], hidden=hidden)
    assert pub.reasons["n"].tolist() == ["source", "", ""]


def test_areas_below_minimum_population_show_no_values():
    data = frame(ew=[120, 5000, np.nan, 4000], q=[10.0, 20.0, 30.0, 40.0], n=[50, 60, 70, 80])
    pub = publication_rule(data, ["q", Indicator("n", kind="count")], population="ew", min_population=300)
    assert pub.mask["q"].tolist() == [True, False, True, False]
    assert pub.reasons.loc[0, "q"] == "population"
    assert "ew" not in pub.mask.columns or not pub.mask["ew"].any()


def test_apply_sets_hidden_cells_to_none_and_keeps_the_rest():
    data = frame(key=["a", "b", "c"], n=[1, 50, 60], other=[1, 2, 3])
    pub = publication_rule(data, [Indicator("n", kind="count")])
    out = pub.apply(data)
    assert out["n"].tolist() == [None, None, 60]
    assert out["other"].tolist() == [1, 2, 3] and data["n"].tolist() == [1, 50, 60]
    assert pub.hidden_fields() == ["n", "n", ""]


def test_columns_named_but_missing_are_reported():
    pub = publication_rule(frame(q=[1.0]), [Indicator("q", numerator="k", denominator="n")])
    assert pub.unchecked == ["k", "n"]


def test_method_note_names_the_rule_and_how_to_change_it():
    data = frame(ew=[100, 900, 800], n=[1, 40, 50])
    pub = publication_rule(data, [Indicator("n", kind="count")], population="ew", min_population=300)
    note = method_note(pub)
    assert "below 3" in note and "fewer than 300 residents" in note and '"threshold": 5' in note
    assert "complementary: 2" in note and "{{" not in note  # 40 for the city, 50 for the valid areas
    assert "Counts from 1 to below 3" in method_note(pub, "en")


if given is not None:
    @settings(max_examples=150, deadline=None)
    @given(st.lists(st.lists(st.integers(0, 12), min_size=3, max_size=3), min_size=2, max_size=12))
    def test_no_total_has_a_single_hidden_part(rows):
        """Column totals and row totals: never exactly one hidden member with shown others."""
        data = pd.DataFrame(rows, columns=["a", "b", "c"])
        data["t"] = data.sum(axis=1)
        pub = publication_rule(data, [Indicator(c, kind="count") for c in "abc"], totals={"t": ["a", "b", "c"]})
        mask = pub.mask
        for col in ("a", "b", "c", "t"):
            assert mask[col].sum() != 1 or mask[col].all()
        group = mask[["t", "a", "b", "c"]]
        assert not (group.sum(axis=1) == 1).any()
        small = (data[["a", "b", "c"]] > 0) & (data[["a", "b", "c"]] < 3)
        assert (mask[["a", "b", "c"]] | ~small).all().all()  # every small count is hidden


def test_valid_areas_total_gets_its_own_complementary_cell():
    """The valid areas' figure is published where it differs: a small area's hidden cell does not
    protect a secret one among the valid areas against that total."""
    data = frame(ew=[100, 900, 800, 700], n=[50, 1, 40, 60])
    pub = publication_rule(data, [Indicator("n", kind="count")], population="ew", min_population=300)
    assert pub.mask["n"].tolist() == [True, True, True, False]  # 40: partner among the valid areas
    assert pub.reasons["n"].tolist()[:3] == ["population", "small", "complementary"]


def test_a_shown_zero_is_no_complementary_cell():
    """An area without children shows 0 children and so 0 children in SGB II: hiding that 0 as
    the partner of a hidden 2 protects nothing (the city total minus the shown ones is 2 + 0).
    The partner is the smallest shown cell above 0."""
    data = frame(kinder=[40, 0, 50, 60, 70], kinder_sgb2=[2, 0, 20, 30, 40])
    pub = publication_rule(data, [Indicator("q", unit="%", numerator="kinder_sgb2", denominator="kinder")],
                           min_population=None)
    assert pub.mask["kinder_sgb2"].tolist() == [True, False, True, False, False]
    assert pub.reasons["kinder_sgb2"].tolist()[:3] == ["small", "", "complementary"]
    # within an area: ew = u18 + rest + 0 other; the 0 is no partner of the hidden 2 either
    parts = frame(ew=[400, 500], u18=[2, 50], rest=[398, 450], other=[0, 0])
    pub = publication_rule(parts, totals={"ew": ["u18", "rest", "other"]}, min_population=None, city_totals=False)
    assert pub.mask.loc[0].to_dict() == {"ew": False, "u18": True, "rest": True, "other": False}


def test_only_zeros_left_a_zero_is_still_the_partner():
    data = frame(n=[2, 0, 0])
    pub = publication_rule(data, counts=["n"], min_population=None)
    assert int(pub.mask["n"].sum()) == 2


def test_a_share_without_its_numerator_is_checked_through_share_times_denominator():
    """The office sends the share and the children, not the children in SGB II: 2.5 % of 40
    children is 1 child. A reader multiplies; so does the rule."""
    data = frame(kinder=[40, 300, 500, 800], kinderarmut=[2.5, 10.0, 20.0, 12.5])
    pub = publication_rule(data, [Indicator("kinderarmut", unit="%", numerator="kinder_sgb2",
                                            denominator="kinder")], min_population=None)
    assert pub.mask["kinderarmut"].tolist() == [True, True, False, False]  # the 1, and the 30 for the city total
    assert pub.reasons["kinderarmut"].tolist()[:2] == ["derived", "derived"]
    assert "kinder_sgb2" not in pub.mask.columns  # no column of its own in the published files
    assert "kinder_sgb2" in pub.unchecked


def test_the_pooled_city_rate_is_a_total_over_the_areas_with_a_denominator():
    """The city's share is Σ numerator / Σ denominator over the areas whose denominator is known
    and above 0: a partner in an area without a denominator is not in that sum, so the city
    share × Σ denominator minus the shown numerators would still give the hidden 2."""
    data = frame(n=[2, 5, 40, 50], d=[100, np.nan, 300, 400], q=[2.0, np.nan, 13.3, 12.5])
    pub = publication_rule(data, [Indicator("q", unit="%", numerator="n", denominator="d")], min_population=None)
    assert pub.mask["n"].tolist()[0] is True
    hidden_in_sum = pub.mask["n"] & (data["d"] > 0)
    assert int(hidden_in_sum.sum()) >= 2
