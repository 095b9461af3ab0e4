"""Review of the profile pages with time (issue 15, part 4) on Flensburg's pages: what a planner
or the data-protection officer would meet. Each test failed before its fix."""
from __future__ import annotations

from pathlib import Path

import pytest
from profile_support import clean_project, page_text, run_sheets, write_joined
from qgis.core import QgsProject
from test_profile_trend import FLENSBURG, NORDSTADT, _params, flensburg_table

RESIDENTS = [2012 + i for i in range(10)]


def with_residents(table):
    """Ten years of residents per Stadtteil (five-digit numbers: Nordstadt about 38.800), made from
    tab_1's 2021 figure; a count with years, as a monitoring of population keeps it."""
    for year in RESIDENTS:
        table[f"ew_{year}"] = (table["ew"] * 3.1 * (1 + 0.013 * (year - 2021))).round()
    return table


@pytest.fixture(scope="module")
def residents_first(provider, tmp_path_factory):
    folder = tmp_path_factory.mktemp("trend_review")
    layer = write_joined(FLENSBURG / "Stadtteile.shp", with_residents(flensburg_table()), "AREA_ID",
                         folder / "flensburg.gpkg")
    result = run_sheets(_params(layer, folder / "ew.pdf", FIELDS=["ew_2021", "sgb2_2021", "n_2021"],
                                COUNT_FIELDS=["n_2021", "ew_2021"], POPULATION_FIELD="ew_2021",
                                LABELS="sgb2_2021=SGB-II-Quote (unter 65)|%;n_2021=Regelleistungsberechtigte||0;"
                                       "ew_2021=Einwohner insgesamt||0"))
    data = {"result": result, "pdf": Path(result["OUTPUT"])}
    yield data
    clean_project(data)


def test_ten_years_of_large_numbers_stay_on_the_page(residents_first):
    """Ten years of five-digit values do not fit the 76 mm column at 6,5 pt: the year table and the
    chart ran over the page's edge, and the last years (the report year 2021 among them) were cut
    off. The block keeps the latest years that fit."""
    from sozialraum_plugin.gis.layouts.profile_page import MARGIN, PAGE_W

    layout = QgsProject.instance().layoutManager().layoutByName(residents_first["result"]["LAYOUT"])
    frame, chart = layout.itemById("sr_trend_table"), layout.itemById("sr_trend_chart")
    table = frame.multiFrame()
    columns = table.columns() if not hasattr(table, "displayColumns") else table.displayColumns()
    used = sum(c.width() + 2 * table.cellMargin() for c in columns)
    assert used <= frame.rect().width() + 0.5
    assert frame.pos().x() + frame.rect().width() <= PAGE_W - MARGIN + 0.5
    assert chart.pos().x() + chart.rect().width() <= frame.pos().x() + frame.rect().width() + 0.5
    shown = [int(c.heading()) for c in columns if c.heading().isdigit()]
    assert shown == RESIDENTS[-len(shown):] and 2021 in shown and len(shown) >= 4
    text = page_text(residents_first["pdf"], NORDSTADT)
    head = next(line for line in text.splitlines() if "Einwohner insgesamt," in line)
    assert f"{shown[0]}\u20132021" in head  # the block's title names the years it shows
    years_line = next(line for line in text.splitlines() if "2020" in line and "2021" in line and "Trend" not in line)
    assert years_line.split()[-1] == "2021"


def test_trend_header_does_not_claim_one_window_for_rows_of_different_years(residents_first):
    """Residents have 2012–2021, the SGB-II rate 2018–2021: the table's one header said 'Trend
    2012–2021' over both rows, so the rate's −3,9 Pp. read as a change over nine years. Each row's
    window is named where they differ."""
    text = page_text(residents_first["pdf"], NORDSTADT)
    assert "Trend 2012\u20132021" not in text and "Trend 2018\u20132021" not in text
    flat = " ".join(text.split())
    assert "Einwohner insgesamt 2012\u20132021" in flat and "SGB-II-Quote (unter 65) 2018\u20132021" in flat
    assert "Trend" in text


def test_one_window_keeps_its_header(provider, tmp_path):
    """All rows over the same years: the header names them, as before."""
    layer = write_joined(FLENSBURG / "Stadtteile.shp", flensburg_table(), "AREA_ID", tmp_path / "f.gpkg")
    data = {"result": run_sheets(_params(layer, tmp_path / "eins.pdf"))}
    try:
        assert "Trend 2018\u20132021" in page_text(Path(data["result"]["OUTPUT"]), NORDSTADT)
    finally:
        clean_project(data)


class Recorded:
    """Processing feedback that keeps the warnings (what the log panel shows in orange)."""

    def __new__(cls):
        from qgis.core import QgsProcessingFeedback

        class _Feedback(QgsProcessingFeedback):
            def __init__(self):
                super().__init__()
                self.warnings = []

            def pushWarning(self, text):  # noqa: N802
                self.warnings.append(text)
                super().pushWarning(text)

        return _Feedback()


def test_series_that_matches_no_district_is_said(provider, tmp_path):
    """A SERIES table keyed by the statistics office's number (1 … 13) while KEY_FIELD holds
    'STGT01' … 'STGT13': the pages came out without any year and without a word."""
    import sqlite3
    from contextlib import closing

    import pandas as pd
    import processing

    table = flensburg_table()
    layer = write_joined(FLENSBURG / "Stadtteile.shp", table[["AREA_ID", "sgb2_2021", "n_2021", "u65_2021", "ew"]],
                         "AREA_ID", tmp_path / "f.gpkg")
    series = pd.concat([pd.DataFrame({"key": range(1, 14), "indicator": "sgb2", "year": y, "value": table[f"sgb2_{y}"],
                                      "numerator": table[f"n_{y}"], "denominator": table[f"u65_{y}"], "shown": 1})
                        for y in (2018, 2019, 2020, 2021)])
    with closing(sqlite3.connect(tmp_path / "series.sqlite")) as db:
        series.to_sql("series", db, index=False)
    feedback = Recorded()
    params = _params(layer, tmp_path / "s.pdf", SERIES=f"{tmp_path / 'series.sqlite'}|layername=series")
    result = processing.run("sozialraum:profilesheets", params, feedback=feedback)
    try:
        said = [w for w in feedback.warnings if "SERIES" in w]
        assert said, feedback.warnings
        assert "AREA_ID" in said[0] and "'STGT0" in said[0] and "'1'" in said[0]
    finally:
        clean_project({"result": result})


def test_two_years_no_test_and_no_arrows_promised(provider, tmp_path):
    """Counts for only two years (2020, 2021): no district can be tested (at least three years), no
    arrow is printed, but the legend explained the χ² test's arrows as if the marks were there."""
    table = flensburg_table().drop(columns=[f"{c}_{y}" for c in ("sgb2", "n", "u65") for y in (2018, 2019)])
    layer = write_joined(FLENSBURG / "Stadtteile.shp", table, "AREA_ID", tmp_path / "f.gpkg")
    data = {"result": run_sheets(_params(layer, tmp_path / "zwei.pdf"))}
    try:
        text = " ".join(page_text(Path(data["result"]["OUTPUT"]), NORDSTADT).split())
        assert "Trend 2020\u20132021" in text and "\u22121,5 Pp." in text  # the change is there
        assert "\u2198" not in text and "\u2192" not in text and "\u03c7" not in text
    finally:
        clean_project(data)
