"""Profile pages with time (issue 15, part 4): the Flensburg SGB-II series 2018–2021 (tab_18) on
the pages, from the layer's year fields and from a long SERIES table; the trend mark where the
χ² test is clear; a year hidden by the publication rule is a gap in the chart and nowhere in the
PDF, the GeoPackage or the SVGs; the page exports from its .qgz without the plugin."""
from __future__ import annotations

import re
import sqlite3
import xml.etree.ElementTree as ET
from contextlib import closing
from pathlib import Path

import pandas as pd
import pytest
from profile_support import clean_project, page_count, page_text, run_sheets, write_joined
from qgis.core import QgsLayoutFrame, QgsLayoutItemPicture, QgsProject
from test_profile_layout import plain_qgis

ROOT = Path(__file__).resolve().parents[2]
FLENSBURG = ROOT / "resources" / "sample" / "flensburg"
YEARS = (2018, 2019, 2020, 2021)
ORDER = [f"STGT{i:02d}" for i in range(1, 14)]  # pages sorted by key: Altstadt … Tarup
NORDSTADT, TAURP_PAGE, WEICHE_PAGE = 3, 13, 6


def flensburg_table() -> pd.DataFrame:
    """tab_18 per Stadtteil: SGB-II shares and counts per year; the denominator (residents under
    65, not in the table) is count × 100 / share, rounded; residents 2021 from tab_1."""
    t = pd.read_csv(FLENSBURG / "tab_18_regelleistungsberechtigte_sgb2.csv", decimal=",")
    pop = pd.read_csv(FLENSBURG / "tab_1_einwohner_in_stadtteilen_2011_bis_2021.csv")
    table = pd.DataFrame({"AREA_ID": [f"STGT{i:02d}" for i in t.Stadtteil_ID]})
    for y in YEARS:
        table[f"sgb2_{y}"] = t[f"Anteil_in_%_{y}"].astype(float).to_numpy()
        table[f"n_{y}"] = t[f"Anzahl_{y}"].astype(float).to_numpy()
        table[f"u65_{y}"] = (t[f"Anzahl_{y}"] * 100 / t[f"Anteil_in_%_{y}"]).round().to_numpy()
    table["ew"] = pop["gesamt"].astype(float).to_numpy()
    return table


def _params(layer, out: Path, **more) -> dict:
    params = {"INPUT": layer, "NAME_FIELD": "AREA_NAME", "KEY_FIELD": "AREA_ID",
              "FIELDS": ["sgb2_2021", "n_2021", "ew"], "COUNT_FIELDS": ["n_2021", "ew"],
              "LABELS": "sgb2_2021=SGB-II-Quote (unter 65)|%;n_2021=Regelleistungsberechtigte||0;ew=Einwohner||0",
              "RATES": "sgb2_2021=n_2021/u65_2021", "DIRECTIONS": "sgb2_2021=+1", "POPULATION_FIELD": "ew",
              "LANGUAGE": "de", "OUTPUT": str(out)}
    params.update(more)
    return params


@pytest.fixture(scope="module")
def flensburg(provider, tmp_path_factory):
    folder = tmp_path_factory.mktemp("flensburg_trend")
    table = flensburg_table()
    layer = write_joined(FLENSBURG / "Stadtteile.shp", table, "AREA_ID", folder / "flensburg.gpkg")
    result = run_sheets(_params(layer, folder / "trend.pdf"))
    data = {"result": result, "pdf": Path(result["OUTPUT"]), "folder": Path(result["FOLDER"]), "table": table}
    yield data
    clean_project(data)


@pytest.fixture(scope="module")
def hidden_year(provider, tmp_path_factory):
    """The same from a long SERIES table, with Tarup's 74 of 2018 below its threshold of 80 (the
    indicator's own threshold): the rule hides it and, as the 2018 total would give it back,
    Weiche's 512 (the smallest other count of 2018) too."""
    folder = tmp_path_factory.mktemp("flensburg_hidden")
    table = flensburg_table()
    wide = table[["AREA_ID", "sgb2_2021", "n_2021", "u65_2021", "ew"]]
    layer = write_joined(FLENSBURG / "Stadtteile.shp", wide, "AREA_ID", folder / "flensburg.gpkg")
    series = pd.concat([pd.DataFrame({"key": table.AREA_ID, "indicator": "sgb2", "year": y,
                                      "value": table[f"sgb2_{y}"], "numerator": table[f"n_{y}"],
                                      "denominator": table[f"u65_{y}"], "shown": 1}) for y in YEARS])
    with closing(sqlite3.connect(folder / "series.sqlite")) as db:  # a plain table, as OGR reads it
        series.to_sql("series", db, index=False)
    result = run_sheets(_params(layer, folder / "hidden.pdf", SERIES=f"{folder / 'series.sqlite'}|layername=series",
                                THRESHOLDS="sgb2_2021=80"))
    data = {"result": result, "pdf": Path(result["OUTPUT"]), "folder": Path(result["FOLDER"]), "table": table}
    yield data
    clean_project(data)


def _years_rows(folder: Path) -> pd.DataFrame:
    with closing(sqlite3.connect(folder / "profiles.gpkg")) as db:
        return pd.read_sql("SELECT * FROM profile_years ORDER BY pr_id, pos", db)


def _ids(folder: Path) -> dict:
    with closing(sqlite3.connect(folder / "profiles.gpkg")) as db:
        return dict(db.execute("SELECT pr_key, pr_id FROM profiles").fetchall())


def _circles(svg: Path, kind: str) -> int:
    return sum(1 for e in ET.parse(svg).getroot().iter() if e.tag.endswith("circle") and e.get("class") == kind)


def test_nordstadt_page_shows_the_years_and_the_falling_mark(flensburg):
    """Nordstadt: 2,481 → 2,170 of ~10,300 (24.1 % → 20.2 %), χ² for trend 51.4, p < 10⁻¹²."""
    assert page_count(flensburg["pdf"]) == 13
    text = page_text(flensburg["pdf"], NORDSTADT)
    assert text.strip().splitlines()[0].strip() == "03 Nordstadt"
    for year in YEARS:
        assert str(year) in text
    for value in ("24,1", "23,0", "21,7", "20,2"):
        assert value in text
    assert "\u22123,9 Pp. \u2198" in text  # change 2018–2021 and the falling mark in the table row
    assert "Trend 2018\u20132021" in text and "SGB-II-Quote (unter 65), 2018\u20132021 (%)" in text
    tarup = page_text(flensburg["pdf"], TAURP_PAGE)
    assert "+1,4 Pp. \u2197" in tarup  # 74 → 150: rising
    neustadt = page_text(flensburg["pdf"], 2)
    assert "\u22120,1 Pp. \u2192" in neustadt  # 24.6 → 24.5 %: no clear change (p = 0.81)


def test_city_line_is_the_pooled_rate_of_each_year(flensburg):
    rows = _years_rows(flensburg["folder"])
    table = flensburg["table"]
    city = rows[rows.pos == 2].iloc[0]
    for y in YEARS:
        pooled = table[f"n_{y}"].sum() / table[f"u65_{y}"].sum() * 100
        assert city[f"y{y}"] == f"{pooled:.1f}".replace(".", ",")
    text = page_text(flensburg["pdf"], 1)
    assert f"{table.n_2021.sum() / table.u65_2021.sum() * 100:.1f} %".replace(".", ",") in text


def test_one_point_per_shown_year_and_the_chart_over_the_years(flensburg):
    folder = flensburg["folder"]
    files = sorted((folder / "trend").glob("*.svg"))
    assert len(files) == 13
    for svg in files:
        assert _circles(svg, "district") == 4 and _circles(svg, "city") == 4
        assert not [e for e in ET.parse(svg).getroot().iter() if e.tag.endswith("text")]
    layout = QgsProject.instance().layoutManager().layoutByName(flensburg["result"]["LAYOUT"])
    chart, table = layout.itemById("sr_trend_chart"), layout.itemById("sr_trend_table")
    assert isinstance(chart, QgsLayoutItemPicture) and isinstance(table, QgsLayoutFrame)
    assert abs(chart.pos().y() + chart.rect().height() - table.pos().y()) < 1.0  # the chart sits on its table
    assert chart.pos().x() + chart.rect().width() <= table.pos().x() + table.rect().width() + 0.5
    locator = layout.itemById("sr_locator")
    assert locator.pos().y() + locator.rect().height() < layout.itemById("sr_trend_head").pos().y()


def test_hidden_year_is_a_gap_and_nowhere_printed(hidden_year):
    folder = hidden_year["folder"]
    rows = _years_rows(folder)
    ids = _ids(folder)
    tarup, weiche = ids["STGT13"], ids["STGT06"]
    for pr_id in (tarup, weiche):
        mine = rows[(rows.pr_id == pr_id) & (rows.pos == 1)].iloc[0]
        assert mine.y2018 == "\u00b7" and mine.y2019 != "\u00b7"
    assert (rows[(rows.pos == 1) & ~rows.pr_id.isin([tarup, weiche])].y2018 != "\u00b7").all()
    city = rows[rows.pos == 2].iloc[0]
    assert city.y2018 != "\u00b7"  # two hidden counts: the pooled 2018 gives neither back
    # the SVGs: Tarup's and Weiche's charts have three points, the others four
    for key in ORDER:
        points = _circles(folder / "trend" / f"{key}.svg", "district")
        assert points == (3 if key in ("STGT13", "STGT06") else 4), key
    # the PDF: Tarup's 2018 share (1,7 %) and count (74) are nowhere on its page, nor Weiche's (8,4 / 512)
    for page, secrets in ((TAURP_PAGE, ("1,7", "74")), (WEICHE_PAGE, ("8,4", "512"))):
        words = re.split(r"\s+", page_text(hidden_year["pdf"], page))
        assert not [w for w in words if w.strip("()%×") in secrets], page
    tarup_text = page_text(hidden_year["pdf"], TAURP_PAGE)
    row = next(line for line in tarup_text.splitlines() if line.strip().startswith("SGB-II-Quote (unter 65) "))
    # no trend with a hidden year (the legend has arrows: look at the row)
    assert row.split()[-1] == "\u00b7" and "+1,4" not in row and "\u2197" not in row
    assert "2,3" in tarup_text and "3,1" in tarup_text  # the shown years are there
    # the GeoPackage: no text of any table of Tarup's or Weiche's rows holds their 2018 figures
    with closing(sqlite3.connect(folder / "profiles.gpkg")) as db:
        for name in ("profiles", "profile_rows", "profile_years"):
            frame = pd.read_sql(f"SELECT * FROM {name}", db)
            mine = frame[frame.pr_id.isin([tarup, weiche])]
            cells = {str(v) for v in mine.drop(columns=[c for c in mine.columns if c == "geom"]).to_numpy().ravel()}
            assert not cells & {"1,7", "74", "74.0", "8,4", "512", "512.0", "1,7 %", "8,4 %"}, name


def test_page_exports_from_its_project_without_the_plugin(provider, tmp_path):
    """The page with its time block in a project of its own (only this layout), saved as a .qgz,
    opened and exported by a plain QGIS without the plugin."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    out = tmp_path / "Bericht"
    out.mkdir()
    layer = write_joined(FLENSBURG / "Stadtteile.shp", flensburg_table(), "AREA_ID", out / "flensburg.gpkg")
    project = QgsProject()
    context = QgsProcessingContext()
    context.setProject(project)
    params = _params(layer, out / "trend.pdf", FILTER_EXPRESSION="\"AREA_ID\" = 'STGT03'")
    processing.run("sozialraum:profilesheets", params, context=context, feedback=QgsProcessingFeedback())
    assert [layout.name() for layout in project.layoutManager().layouts()] and project.write(str(out / "trend.qgz"))
    project.clear()
    del layer
    pdf = tmp_path / "plain.pdf"
    seen = plain_qgis(out / "trend.qgz", pdf, "\"pr_key\" = 'STGT03'", tmp_path)
    assert seen["read"] and seen["result"] == 0 and seen["plugin"] == [] and seen["pages"] == 1
    assert all(name.startswith("QgsLayout") for name in seen["items"]), seen["items"]
    text = page_text(pdf, 1)
    assert "03 Nordstadt" in text and "2018" in text and "24,1" in text and "\u2198" in text
