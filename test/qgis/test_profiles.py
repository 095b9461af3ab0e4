"""sozialraum:profilesheets on real data: what the pages say, for all 542 Berlin PLR and all 86
Köln Stadtteile.

Expected numbers are computed here from the source tables, independently of core/profiles/profile.py, and
looked for page by page with pdftotext. The layout left in the project, templates and reruns are
in test_profile_layout.py; data helpers in profile_support.py.
"""
from __future__ import annotations

import re
import subprocess
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd
import pytest
from profile_support import (
    BERLIN,
    KOELN,
    SMALL,
    clean_project,
    de,
    koeln_table,
    page_count,
    page_text,
    run_sheets,
    write_joined,
)
from qgis.core import QgsVectorLayer
from qgis.PyQt.QtGui import QImage


@pytest.fixture
def berlin(berlin_sheets):
    """The session's 542 Berlin sheets (conftest.py), under the name these tests grew up with."""
    return berlin_sheets


# --- Berlin: 542 pages -------------------------------------------------------------------------------

def test_berlin_has_one_page_per_area(berlin):
    assert berlin["result"]["PAGES"] == 542
    assert page_count(berlin["pdf"]) == 542


def _valid(table: pd.DataFrame) -> pd.DataFrame:
    return table[(table.EW >= 300) & table.S1.notna()]


def test_berlin_pages_carry_their_own_values(berlin):
    table = berlin["table"]
    valid = _valid(table)
    city_s3 = table.S3.median()  # all areas; shares without their counts: the median, not / all residents
    rank_s4 = valid.S4.rank(ascending=False, method="min")
    for index in [0, 1, 57, 180, 299, 411, 540, 541]:
        row = table.iloc[index]
        text = page_text(berlin["pdf"], index + 1)
        assert f"Nr. {row.PLR_ID}" in text, index
        assert f"Seite {index + 1} von 542" in text
        assert "Auf einen Blick" in text and "nan" not in text.lower()
        assert f"{de(city_s3)} %" in text  # the city value on every page
        if index not in valid.index:
            continue
        assert f"{de(row.S1, 2)} %" in text and f"{de(row.S3)} %" in text and f"{de(row.S4)} %" in text
        # each value on its indicator's line: the column labels and the stripes stay aligned
        lines = {line.split("  ")[0].strip(): line for line in text.splitlines() if line.strip()}
        assert f"{de(row.S4)} %" in lines["Kinderarmut"] and f"{de(row.D4)} Pp." in lines[
            "Veränderung Kinderarmut"].replace("+", "")
        assert f"{int(rank_s4[index])} von 536" in text
        assert f"Klasse: {row.SI_V}" in text


def test_berlin_page_names_follow_the_key_order(berlin):
    names = QgsVectorLayer(str(BERLIN / "lor_planungsraeume_2021.shp"), "plr", "ogr")
    by_key = {f["PLR_ID"]: f["PLR_NAME"] for f in names.getFeatures()}
    table = berlin["table"]
    for index in [0, 123, 541]:
        first_line = page_text(berlin["pdf"], index + 1).strip().splitlines()[0].strip()
        assert first_line == by_key[table.PLR_ID[index]]


def test_berlin_findings_read_like_the_issue_asks(berlin):
    table = berlin["table"]
    valid = _valid(table)
    top = valid.S4.idxmax()  # the highest child poverty: rank 1 of 536 and among the worst 10 %
    text = " ".join(page_text(berlin["pdf"], top + 1).split())
    ratio = table.S4[top] / table.S4.median()
    assert f"Kinderarmut {de(table.S4[top])} % — {de(ratio)}× Stadtwert, Rang 1 von 536" in text
    assert "(ungünstigste 10 %)" in text


def test_berlin_areas_without_data_say_so(berlin):
    table = berlin["table"]
    empty = table[table.S1.isna()]
    assert len(empty) == 6
    for index, row in empty.iterrows():
        text = page_text(berlin["pdf"], index + 1)
        assert "keine Daten" in text, row.PLR_NAME
        assert "nan" not in text.lower()
        if row.EW == row.EW and row.EW < 300:
            assert f"unter 300 EW ({int(row.EW)})" in text
        # nothing that looks like a value of its own: the only percentages are the city's
        assert set(re.findall(r"\d+,\d+ %", text)) <= _city_texts(table), row.PLR_ID


def _city_texts(table: pd.DataFrame) -> set:
    city = {c: table[c].median() for c in ("S1", "S3", "S4")}
    return {f"{de(city['S1'], 2)} %", f"{de(city['S3'])} %", f"{de(city['S4'])} %"}


def test_svg_charts_are_valid_and_sized(berlin):
    folder = Path(berlin["result"]["FOLDER"])
    files = sorted((folder / "charts").glob("*.svg"))
    assert len(files) == 542
    for svg in files[::45]:
        root = ET.parse(svg).getroot()
        assert root.tag.endswith("svg")
        assert root.get("width").endswith("mm") and float(root.get("height")[:-2]) > 0
        assert len(root.get("viewBox").split()) == 4
    standalone = (folder / "charts" / "01100101.svg").read_text(encoding="utf-8")
    assert ">Arbeitslosigkeit<" in standalone and ">4,23 %<" in standalone  # labelled, German numbers


def test_chart_helpers_and_speed(tmp_path):
    from sozialraum_plugin.gis.layouts import charts

    assert charts.safe_name("Neustadt/Süd") == "Neustadt_Sued"
    assert charts.safe_name("Groß St. Martin (Altstadt)") == "Gross_St_Martin_Altstadt"
    assert charts.unique_names(["a", "A", "a"]) == ["a", "A_2", "a_3"]
    rows = [charts.SpineRow("Quote", 5.0, 4.0, 1.0, 9.0, 3.0, 6.0, 1, "worse", "5,0 %", "4,0 %")] * 6
    root = ET.fromstring(charts.spine_svg(rows, 30, 7.2))
    assert (root.get("width"), root.get("height"), root.get("viewBox")) == ("30mm", "43.2mm", "0 0 30 43.2")
    assert len(root.findall("{http://www.w3.org/2000/svg}circle")) == 6
    dot = root.findall("{http://www.w3.org/2000/svg}circle")[0]
    assert abs(float(dot.get("cx")) - (1 + 28 * 0.6)) < 1e-6  # city 4 in the middle, ±5 (9 − 4) to the edges: 5 at 60 %
    hidden = [charts.SpineRow("Quote", None, 4.0, 1.0, 9.0, 3.0, 6.0)]
    assert "<circle" not in charts.spine_svg(hidden, 30, 7.2)  # no dot for a hidden value
    start = time.perf_counter()
    paths = charts.write_svgs(tmp_path, [f"d{i}" for i in range(542)],
                              (charts.spine_svg(rows, 30, 7.2) for _ in range(542)))
    assert time.perf_counter() - start < 1.0 and len(paths) == 542


def warm_pixels(image: QImage, box: tuple) -> int:
    """Pixels of the district's orange fill and outline in ``box`` (shares of the page)."""
    w, h = image.width(), image.height()
    found = 0
    for y in range(int(box[1] * h), int(box[3] * h)):
        for x in range(int(box[0] * w), int(box[2] * w)):
            c = image.pixelColor(x, y)
            found += c.red() > 120 and c.red() - c.blue() > 60  # the rest of the page is grey/blue
    return found


def test_pages_look_filled(berlin, tmp_path):
    """Maps are not empty: the district's orange is in the detail map and in the locator."""
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "3", str(berlin["pdf"]),
                    str(tmp_path / "page")], check=True)
    for png in sorted(tmp_path.glob("page-*.png")):
        image = QImage(str(png))
        assert warm_pixels(image, (0.06, 0.14, 0.55, 0.5)) > 200, png.name  # detail map
        assert warm_pixels(image, (0.58, 0.18, 0.94, 0.45)) > 0, png.name  # locator: a few pixels


def test_detail_map_follows_the_project_unless_in_degrees(berlin, tmp_path):
    """Projected data: the detail map takes the project's CRS (none in qgis_process: the layer's
    coordinates as they are). Degrees, in the data or the project: ETRS89 / UTM 33N, and the
    district is still drawn in the map."""
    import processing
    from qgis.core import QgsCoordinateReferenceSystem, QgsProject

    from sozialraum_plugin.gis.layouts.profile_atlas import detail_crs, detail_extent

    layer, project = berlin["layer"], QgsProject()
    assert not detail_crs(layer, project).isValid()
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    assert not detail_crs(layer, project).isValid()
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    assert detail_crs(layer, project).authid() == "EPSG:25833"
    wgs84 = processing.run("native:reprojectlayer", {
        "INPUT": layer, "TARGET_CRS": "EPSG:4326", "OUTPUT": str(tmp_path / "wgs84.gpkg")})["OUTPUT"]
    params = dict(berlin["params"], INPUT=wgs84, OUTPUT=str(tmp_path / "wgs84.pdf"),
                  FILTER_EXPRESSION="\"PLR_ID\" IN ('01100101', '01100104')")
    result = run_sheets(params)
    detail = QgsProject.instance().layoutManager().layoutByName(result["LAYOUT"]).itemById("sr_detail")
    assert detail.crs().authid() == "EPSG:25833"
    # the extent the layout is saved with (the designer opens it there): metres, not degrees
    assert 360_000 < detail_extent(QgsVectorLayer(wgs84, "wgs84", "ogr"), detail, project).center().x() < 420_000
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", result["OUTPUT"],
                    str(tmp_path / "page")], check=True)
    image = QImage(str(next(tmp_path.glob("page-*.png"))))
    assert warm_pixels(image, (0.06, 0.14, 0.55, 0.5)) > 200
    assert "Stülerstraße" in page_text(Path(result["OUTPUT"]), 1)
    clean_project({"result": result})


# --- Köln: 86 pages, custom CRS, rates from counts -----------------------------------------------------

@pytest.fixture(scope="module")
def koeln(provider, tmp_path_factory):
    folder = tmp_path_factory.mktemp("koeln")
    table = koeln_table()
    table.loc[table.STT_NR == SMALL, "n_u18"] = 2  # a small count, to see it suppressed
    table["u18"] = table.n_u18 / table.ew * 100
    layer = write_joined(KOELN / "Stadtteil.shp", table, "STT_NR", folder / "koeln.gpkg")
    params = {"INPUT": layer, "NAME_FIELD": "STT_NAME", "KEY_FIELD": "STT_NR",
              "FIELDS": ["ausl_2012", "u18", "n_u18"], "COUNT_FIELDS": ["n_u18"],
              "LABELS": "ausl_2012=Ausländeranteil|%;u18=Anteil der unter 18-Jährigen an allen Einwohnern|%;"
                        "n_u18=Unter 18-Jährige|EW|0",
              "RATES": "ausl_2012=n_ausl/ew;u18=n_u18/ew", "POPULATION_FIELD": "ew",
              "SOURCE_TEXT": "Stadt Köln, Offene Daten Köln", "LANGUAGE": "de", "OUTPUT": str(folder / "koeln.pdf")}
    result = run_sheets(params)
    data = {"result": result, "pdf": Path(result["OUTPUT"]), "layer": layer,
            "table": table.sort_values("STT_NR").reset_index(drop=True)}
    yield data
    clean_project(data)


def test_koeln_has_86_pages_with_own_values(koeln):
    assert page_count(koeln["pdf"]) == 86
    table = koeln["table"]
    names = {f["STT_NR"]: f["STT_NAME"] for f in koeln["layer"].getFeatures()}
    city = table.n_ausl.sum() / table.ew.sum() * 100  # Σ foreigners / Σ residents
    for index in [0, 20, 43, 85]:
        row = table.iloc[index]
        text = page_text(koeln["pdf"], index + 1)
        assert text.strip().splitlines()[0].strip() == names[row.STT_NR]
        assert f"Nr. {row.STT_NR}" in text
        assert f"{de(row.ausl_2012)} %" in text and f"{de(row.u18)} %" in text
        assert f"{de(city)} %" in text
        assert "Trend 2009–2012" in text
        trend = row.ausl_2012 - row.ausl_2009
        assert f"{'+' if round(trend, 1) > 0 else ''}{de(trend)} Pp." in text


def test_koeln_small_count_is_suppressed_everywhere(koeln):
    table = koeln["table"]
    index = table.index[table.STT_NR == SMALL][0]
    text = page_text(koeln["pdf"], index + 1)
    rows = [line.split() for line in text.splitlines() if line.strip().startswith(("Unter 18", "Anteil der"))]
    assert rows and all(row[-1] == "·" or "·" in row for row in rows), rows
    assert f"{de(table.u18[index])} %" not in text and " 2 EW" not in text
    other = page_text(koeln["pdf"], index + 2)  # a neighbour's page shows its own numbers
    assert f"{de(table.u18[index + 1])} %" in other


def test_long_indicator_name_is_shortened_in_its_row(koeln):
    """Every row of the table is one line high (the chart's rows line up with it): a name too long
    for its column ends in an ellipsis, its values stay on its line."""
    text = page_text(koeln["pdf"], 1)
    lines = [line for line in text.splitlines() if line.strip()]
    first = next(i for i, line in enumerate(lines) if line.strip().startswith("Anteil der unter"))
    assert "..." in lines[first] and "%" in lines[first]  # (NFKC: … is ...)
    assert "EW" in lines[first + 1] and lines[first + 1].strip().startswith("Unter 18-Jährige")


def test_koeln_umlauts_and_custom_crs(koeln):
    layer = koeln["layer"]
    assert layer.crs().isValid() and not layer.crs().authid().startswith("EPSG:258")
    index = koeln["table"].index[koeln["table"].STT_NR == "905"][0]  # Dellbrück (cp1252 in the .dbf)
    assert "Dellbrück" in page_text(koeln["pdf"], index + 1)
