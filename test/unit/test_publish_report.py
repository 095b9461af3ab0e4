"""core.publish: the report's settings of the rule and the appendix's numbers."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from sozialraum_plugin.core.publish import method_note
from sozialraum_plugin.core.publish.report_rule import population_setting, report_publication, whole_numbers
from sozialraum_plugin.core.publish.rule import cells_from_markers
from sozialraum_plugin.core.publish.table_text import column_decimals, number_text
from sozialraum_plugin.core.report.definition import ReportDefinition


@pytest.mark.parametrize("values, decimals", [
    ([1, 2, 3], 0), ([2294021.723, 5.5], 3), ([1.80236, 4.22594], 2), ([0.01234, 0.5], 3),
    ([12.5, 3.25], 2), ([None, float("nan")], 0), ([2294020.0, 1.0], 0),
])
def test_column_decimals(values, decimals):
    assert column_decimals(values) == decimals


def test_number_text_is_german_fixed_and_never_scientific():
    assert number_text(2294020.0, 0) == "2294020"  # was 2,29402e+06
    assert number_text(1.80236, 2) == "1,80"  # was 1,80236
    assert number_text(-0.1, 2) == "-0,10"  # an ASCII minus: Excel reads it as a number
    assert number_text(1e-7, 3) == "0,000" and number_text(float("nan"), 2) == ""
    assert "e" not in number_text(1.5e20, 0)


def _definition(**extra) -> ReportDefinition:
    data = {"title": "t", "boundaries": "b.shp", "key": "k",
            "indicators": [{"id": "share", "unit": "%", "numerator": "n", "denominator": "d"},
                           {"id": "score"}, {"id": "c", "kind": "count", "threshold": 5}], **extra}
    return ReportDefinition.from_dict(data)


def test_undeclared_whole_number_columns_of_tables_are_counts():
    frame = pd.DataFrame({"n": [1, 30, 40], "d": [100, 200, 300], "share": [1.0, 15.0, 13.3],
                          "score": [1.0, 2.0, 3.0], "c": [4, 50, 60], "u6": [2, 9, 10], "q": [1.5, 2.0, 3.0],
                          "status_code": [1, 2, 3], "name": ["a", "b", "c"]})
    pub = report_publication(frame, _definition(), ["n", "d", "share", "score", "c", "u6", "q", "status_code",
                                                    "name"])
    assert pub.mask["share"].tolist() == [True, True, False]  # 1, and 30 with it (the city total)
    assert pub.mask["c"].tolist()[0] and pub.thresholds == {"c": 5.0}  # per indicator
    assert pub.mask["u6"].tolist() == [True, True, False]  # undeclared count and its partner
    assert "score" not in pub.counts and "q" not in pub.counts and "status_code" not in pub.counts


def test_whole_numbers():
    assert whole_numbers(pd.Series([1.0, 2.0, np.nan]))
    assert not whole_numbers(pd.Series([1.5, 2.0])) and not whole_numbers(pd.Series(["a", 1]))
    assert not whole_numbers(pd.Series([np.nan]))


def test_population_setting_from_the_publication_or_the_index():
    assert population_setting(_definition()) == (None, None)
    index = {"status": ["share"], "population": "EW", "min_population": 250}
    assert population_setting(_definition(index=index)) == ("EW", 250.0)
    own = {"population": "ew_2021", "min_population": 100, "threshold": 4}
    definition = _definition(index=index, publication=own)
    assert population_setting(definition) == ("ew_2021", 100.0)
    assert ReportDefinition.from_dict(definition.to_dict()).publication.threshold == 4


def test_cells_from_markers():
    frame = pd.DataFrame({"a": [1, 2], "b": [3, 4], "suppressed_fields": ["a,b", None]})
    hidden = cells_from_markers(frame, ["suppressed_fields"])
    assert hidden["a"].tolist() == [True, False] and hidden["b"].tolist() == [True, False]
    assert cells_from_markers(frame, []) is None


def test_the_need_index_of_an_area_with_a_hidden_input_is_hidden():
    """status_index = z of the sum of the z-scores: with every other input of the area shown and the
    index of the other areas printed (μ and σ follow from two of them), the hidden share is
    solved back from the area's index, and share × denominator gives the hidden count."""
    frame = pd.DataFrame({"n": [1, 30, 40, 50], "d": [100, 200, 300, 400], "share": [1.0, 15.0, 13.3, 12.5],
                          "score": [1.0, 2.0, 3.0, 4.0], "status_index": [-1.2, 0.3, 0.4, 0.5],
                          "dynamic_index": [0.1, 0.2, -0.3, 0.0],
                          "status_class": ["hoch", "mittel", "mittel", "mittel"]})
    definition = _definition(index={"status": ["share", "score"], "dynamic": ["score"]})
    pub = report_publication(frame, definition, ["n", "d", "share", "score"])
    assert pub.mask["share"].tolist() == [True, True, False, False]  # the 1 and its partner 30
    assert pub.mask["status_index"].tolist() == [True, True, False, False]
    assert pub.reasons.at[0, "status_index"] == "derived"
    assert not pub.hidden("dynamic_index").any()  # its inputs are shown
    assert "an area's index (status_index, dynamic_index)" in method_note(pub)


def test_a_total_nobody_declared_is_found_in_the_table():
    """ew = kinder + ab15 in every row, but the definition names no totals: ew − ab15 would give
    back the hidden 2 children. The report finds such sums of two table columns itself."""
    frame = pd.DataFrame({"ew": [400, 500, 600, 700], "kinder": [2, 50, 60, 70], "ab15": [398, 450, 540, 630],
                          "other": [5, 7, 9, 11]})
    pub = report_publication(frame, _definition(indicators=[]), ["ew", "kinder", "ab15", "other"])
    assert pub.mask.loc[0, "kinder"] and pub.mask.loc[0, "ab15"]
    assert pub.totals == {"ew": ["kinder", "ab15"]}
    assert "ew = kinder + ab15" in method_note(pub)
