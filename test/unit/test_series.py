"""The series (core/series): years planned, built from yearly and long tables, hidden by the rule,
and the dynamics against the published Flensburg figures."""
from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from sozialraum_plugin.core.errors import SozialraumError, TableError
from sozialraum_plugin.core.publish.report_rule import report_publication
from sozialraum_plugin.core.report.definition import load
from sozialraum_plugin.core.series.dynamics import changes
from sozialraum_plugin.core.series.indicators import Indicator
from sozialraum_plugin.core.series.series import (
    SERIES_COLUMNS,
    apply_shown,
    build_series,
    plan_years,
    published_series,
)
from sozialraum_plugin.core.tables.pivot import pivot_years, table_years, with_year
from sozialraum_plugin.core.tables.read import read_table

YEARS = (2019, 2020, 2021)
KEY = "Stadtteil_ID"


def yearly_frame(folder) -> pd.DataFrame:
    """The three yearly tables joined side by side, as the report joins them."""
    frame = None
    for year in YEARS:
        part = with_year(read_table(folder / f"sgb2_{year}.csv", key_columns=[KEY]), KEY, year).frame
        frame = part if frame is None else frame.merge(part, on=KEY)
    return frame


def long_frame(folder) -> pd.DataFrame:
    result = read_table(folder / "sgb2_2019_bis_2021_lang.csv", key_columns=[KEY, "Jahr"])
    assert table_years(result.frame, "Jahr") == list(YEARS)
    return pivot_years(result, KEY, "Jahr").frame


@pytest.fixture
def monitoring(sample_dir):
    return load(str(sample_dir / "flensburg" / "sozialmonitoring_flensburg.json"))


@pytest.fixture
def years_dir(sample_dir):
    return sample_dir / "flensburg" / "jahre"


def test_yearly_tables_and_the_long_table_give_the_identical_series(monitoring, years_dir):
    wide, long = yearly_frame(years_dir), long_frame(years_dir)
    plan_w = plan_years(monitoring.indicators, wide.columns, YEARS)
    plan_l = plan_years(monitoring.indicators, long.columns, YEARS)
    assert plan_w.years == plan_l.years == {i: list(YEARS) for i in ("Q", "S3", "K", "SGB2", "EW")}
    a, b = build_series(wide, KEY, plan_w), build_series(long, KEY, plan_l)
    assert list(a.columns) == SERIES_COLUMNS and len(a) == 13 * 5 * 3
    pd.testing.assert_frame_equal(a.sort_values(["indicator", "year", "key"]).reset_index(drop=True),
                                  b.sort_values(["indicator", "year", "key"]).reset_index(drop=True))
    altstadt = a[(a["key"] == "1") & (a["indicator"] == "Q") & (a["year"] == 2019)].iloc[0]
    assert (altstadt["numerator"], altstadt["denominator"]) == (532, 385 + 2988)  # tab_18; tab_6 + tab_7
    assert altstadt["value"] == pytest.approx(532 / 3373 * 100, abs=1e-12)
    assert a[a["indicator"] == "S3"]["numerator"].isna().all()  # a value as published has no counts


def test_dynamics_against_the_published_shares(monitoring, years_dir):
    """Flensburg, Sozialatlas 2022, tab_18: SGB II Regelleistungsberechtigte and their share of the
    population under 65 (Berlin's MSS 2021 holds only the 2020 status and the published change, so
    the dynamics of two real years are checked here)."""
    wide = yearly_frame(years_dir)
    plan = plan_years(monitoring.indicators, wide.columns, YEARS)
    dyn = changes(wide, KEY, plan.changes())
    published = {y: wide[f"SGB2_Anteil_{y}"].astype(float) for y in YEARS}
    # D3 of the published shares: exactly their difference
    assert np.allclose(dyn["D3"], published[2021] - published[2019], atol=1e-9)
    # DQ from the counts: exactly the recomputed rates' difference …
    rates = {y: wide[f"Regelleistungsberechtigte_{y}"].astype(float) / wide[f"EW_unter_65_{y}"].astype(float) * 100
             for y in YEARS}
    assert np.allclose(dyn["DQ"], rates[2021] - rates[2019], atol=1e-12)
    # … and the published shares 2019 and 2020 are these rates rounded to 0.1: a change from counts
    # is within 0.1 points (two roundings of at most 0.05) of the difference of the published shares
    assert (rates[2019].round(1) == published[2019]).all() and (rates[2020].round(1) == published[2020]).all()
    one_year = replace(monitoring.indicator("DQ"), id="DQ20", change_between=(2019, 2020))
    assert (changes(wide, KEY, [one_year])["DQ20"] - (published[2020] - published[2019])).abs().max() <= 0.1 + 1e-9
    # the 2021 shares of the Sozialatlas rest on another population than tab_6 + tab_7 of 2021 (they
    # are 0.1 to 0.5 points below the counts' rate in every Stadtteil), so 2019→2021 agrees within 0.55
    gap = rates[2021] - published[2021]
    assert gap.between(0.05, 0.55).all()
    assert (dyn["DQ"] - dyn["D3"]).abs().max() <= 0.55 + 0.05


def test_plan_names_what_is_missing():
    columns = ["ID", "STATUS3_2019", "STATUS3_2021", "n_2019", "d_2019", "n_2021", "d_2021"]
    with pytest.raises(SozialraumError, match="The indicator D3 needs the year 2020, but the tables hold the years "
                                              "2019, 2021"):
        plan_years([Indicator("D3", of="STATUS3", change_between=(2020, 2021))], columns, [2019, 2021])
    with pytest.raises(SozialraumError, match="The indicator S4 reads the column STATUS4, which no table has, in no "
                                              "year \\(2019, 2021\\)"):
        plan_years([Indicator("S4", of="STATUS4")], columns, [2019, 2021])
    with pytest.raises(SozialraumError, match="The indicator Q has values for 2019 but none for the report year 2021"):
        plan_years([Indicator("Q", kind="rate", numerator="n", denominator="e")],
                   columns + ["e_2019"], [2019, 2021])
    with pytest.raises(SozialraumError, match="would write the column n_2019"):
        plan_years([Indicator("n", kind="rate", numerator="d", denominator="d")], columns, [2019, 2021])
    with pytest.raises(SozialraumError, match="The indicator Q reads the column EW_2021, which no table has"):
        plan_years([Indicator("Q", kind="rate", numerator="n", denominator="EW")], columns + ["EW"], [2019, 2021])
    plain = plan_years([Indicator("S4", of="STATUS3_2019")], columns, [])
    assert plain.copies == ["S4"] and not plain.has_years


def test_long_table_errors_name_file_column_key_and_year():
    frame = pd.DataFrame({"ID": ["1", "1", "2"], "Jahr": ["2019", "2019", "2019"], "x": [1, 2, 3]})
    with pytest.raises(TableError, match=r"The table lang.csv has 2 rows for district 1 in the year 2019 \(column "
                                         r"Jahr\); a table with a year column has one row per district and year"):
        pivot_years(frame, "ID", "Jahr", name="lang.csv")
    with pytest.raises(TableError, match="The column Year does not exist in lang.csv"):
        pivot_years(frame, "ID", "Year", name="lang.csv")


def test_hidden_in_every_year_by_the_one_rule(monitoring, years_dir):
    wide = yearly_frame(years_dir).rename(columns={KEY: "AREA_ID"})
    wide = wide.astype({c: "int64" for c in wide.columns if str(wide[c].dtype) == "Int64"})  # as read from a layer
    wide.loc[4, "Regelleistungsberechtigte_2020"] = 2  # a small count in one year
    wide.loc[12, "EW_unter_65_2021"] = 250  # an area below the minimum population (report year)
    d = replace(monitoring, key="AREA_ID")
    plan = plan_years(d.indicators, wide.columns, YEARS)
    series = build_series(wide, "AREA_ID", plan)
    layer = wide.copy()
    from sozialraum_plugin.core.series.series import copy_columns, wide_columns

    layer = pd.concat([layer, wide_columns(series, plan, wide, "AREA_ID"), copy_columns(wide, plan),
                       changes(wide, "AREA_ID", plan.changes())], axis=1)
    rule = report_publication(layer, replace(d, indicators=plan.rule_indicators()), list(wide.columns))
    shown = apply_shown(series, rule.mask, layer["AREA_ID"])
    small = shown[shown["key"] == "5"]
    hidden = small[~small["shown"]]
    assert set(zip(hidden["indicator"], hidden["year"])) >= {("Q", 2020), ("SGB2", 2020)}
    assert small[small["year"] != 2020]["shown"].all()  # the other years of that area stay shown
    assert not shown[shown["key"] == "13"]["shown"].any()  # below the minimum population: every year
    assert rule.mask.loc[12, ["DQ", "D3", "Q", "Q_2019", "S3_2020"]].all()
    out = published_series(shown)
    assert out.loc[~out["shown"], ["value", "numerator", "denominator"]].isna().all().all()
    assert out.loc[out["shown"], "value"].notna().all()
