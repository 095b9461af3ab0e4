"""core.publish.appendix: the workbook's plan (sheets, names, hidden cells, the city's figures)."""
from __future__ import annotations

import math

import pandas as pd

from sozialraum_plugin.core.publish.appendix import (
    HIDE,
    AppendixData,
    build_workbook,
    city_values,
    sheet_name,
)
from sozialraum_plugin.core.publish.rule import publication_rule
from sozialraum_plugin.core.report.definition import ReportDefinition
from sozialraum_plugin.core.series.indicators import Indicator


def test_sheet_names_are_valid_and_unique():
    taken = set()
    assert sheet_name("Jobcenter [2021]: SGB II / Quote", taken) == "Jobcenter _2021__ SGB II _ Quot"
    assert sheet_name("districts", taken) == "districts"
    assert sheet_name("Districts", taken) == "Districts (2)"  # Excel compares names without case
    assert all(len(n) <= 31 for n in taken)


def test_city_sums_counts_pools_rates_and_takes_the_median_of_shown_values():
    frame = pd.DataFrame({"n": [1, 40, 50, 9], "ew": [100, 400, 500, 300], "q": [1.0, 10.0, 10.0, 3.0],
                          "v": [5.0, 7.0, 100.0, 1.0]})
    inds = [Indicator("q", unit="%", numerator="n", denominator="ew"), Indicator("n", kind="count")]
    publication = publication_rule(frame, inds, counts=["ew"], min_population=None)
    assert publication.hidden("n").tolist()[0]  # the 1 is hidden ...
    definition = ReportDefinition(title="t", boundaries="b", key="k", indicators=inds)
    found = city_values(frame, publication, definition, ["n", "ew", "q", "v"])
    assert found["n"][:2] == (100.0, "sum")  # ... and in the city's sum, as the rule allows
    assert found["q"][0] == 100 / 1300 * 100 and found["q"][1] == "rate"
    assert found["v"][:2] == (6.0, "median")  # over the shown values
    hidden_v = publication_rule(frame, [], hidden=pd.DataFrame({"v": [False, False, True, False]}),
                                min_population=None)
    assert city_values(frame, hidden_v, definition, ["v"])["v"][0] == 5.0  # the hidden 100 is left out


def test_workbook_hides_the_listed_cells_and_keeps_numbers():
    data = AppendixData(["key", "name", "n", "x"], [["2", "B", 2, 1.5], ["1", "A", None, math.nan]],
                        [{"n"}, set()])
    definition = ReportDefinition(title="t", boundaries="b", key="key",
                                  indicators=[Indicator("n", label="Fälle", kind="count")])
    sheets = build_workbook(data, definition, key="key", name="name")
    districts = sheets[0]
    assert [c.header for c in districts.columns] == ["key", "name", "Fälle", "x"]
    assert districts.rows[0][2] is HIDE and districts.rows[0][3] == 1.5
    assert districts.rows[1][2] is None and districts.rows[1][3] is None  # NaN: no data, not a number
    assert [c.numeric for c in districts.columns] == [False, False, True, True]
    assert sheets[-1].role == "definitions" and sheets[-1].rows[0][:5] == ["n", "Fälle", "Fälle", "", "count"]


def _small_area_frame():
    # district 0 has 38 residents: below the minimum population, its values are hidden as
    # unreliable (reason "population"), and the rule gives it no complementary partner
    return pd.DataFrame({"key": ["0", "1", "2", "3"], "ew": [38, 400, 500, 300], "kinder": [4, 40, 50, 30],
                         "alo": [5, 30, 45, 20], "quote": [13.2, 7.5, 9.0, 6.7]})


def _small_area_case():
    frame = _small_area_frame()
    inds = [Indicator("kinder", kind="count"), Indicator("alo", kind="count"),
            Indicator("quote", unit="%", numerator="alo", denominator="ew")]
    publication = publication_rule(frame, inds, counts=["ew"], population="ew", min_population=300)
    definition = ReportDefinition(title="t", boundaries="b", key="key", indicators=inds)
    return frame, publication, definition


def test_city_sum_never_gives_back_the_one_hidden_cell():
    frame, publication, definition = _small_area_case()
    assert publication.hidden("kinder").tolist() == [True, False, False, False]  # the small area only
    assert publication.reasons.at[0, "kinder"] == "population"
    found = city_values(frame, publication, definition, ["kinder", "ew"])
    shown = frame["kinder"][~publication.hidden("kinder")].sum()
    value = found["kinder"][0]
    # city − Σ shown districts would be the small area's 4 children
    assert value is HIDE, f"city sum {value} − shown {shown} gives back the hidden cell"
    assert found["kinder"][2:] == (3, 1)
    assert found["ew"][0] == 1238.0  # the population is not hidden: its sum stays


def test_city_pooled_rate_never_gives_back_the_one_hidden_numerator():
    frame, publication, definition = _small_area_case()
    found = city_values(frame, publication, definition, ["quote", "ew"])
    # Σ ew is published, so rate × Σ ew / 100 − the shown numerators = the small area's 5
    assert found["quote"][0] is HIDE
    assert found["quote"][1] == "rate"


def test_city_sheet_prints_a_withheld_city_value_as_hidden():
    frame, publication, definition = _small_area_case()
    published = publication.apply(frame)
    names = list(frame.columns)
    data = AppendixData(names, [[None if pd.isna(v) else v for v in row] for row in published.values.tolist()],
                        [set(publication.mask.columns[publication.mask.loc[i]]) for i in frame.index])
    sheets = build_workbook(data, definition, key="key", name="", frame=frame, publication=publication)
    city = next(s for s in sheets if s.role == "city")
    values = {row[0]: row[2] for row in city.rows}
    assert values["kinder"] is HIDE and values["alo"] is HIDE and values["quote"] is HIDE
    assert values["ew"] == 1238
    notes = next(s for s in sheets if s.role == "definitions").notes
    assert any("exactly one hidden district" in line for line in notes)


def test_definitions_give_a_count_no_direction_of_need():
    """A count (children under 6) is no need indicator (issue 14.6: a large district has many
    children): the definitions must not say 'higher value means more need' for it."""
    data = AppendixData(["key", "name", "n", "q"], [["1", "A", 20, 1.5]], [set()])
    definition = ReportDefinition(title="t", boundaries="b", key="key",
                                  indicators=[Indicator("n", label="Kinder", kind="count"),
                                              Indicator("q", label="Quote", unit="%")])
    rows = {row[0]: row for row in build_workbook(data, definition, key="key", name="name")[-1].rows}
    assert rows["n"][8] == ""
    assert rows["q"][8] == "more need"
