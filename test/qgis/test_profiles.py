"""sozialraum:profilesheets on real data: all 542 Berlin PLR and all 86 Köln Stadtteile.

The indicator tables are joined here with pandas and written to a GeoPackage (DESIGN §3: atlases
read GeoPackages, not live joins). Expected numbers are computed here from the source tables,
independently of core/profile.py, and looked for page by page with pdftotext.
"""
from __future__ import annotations

import json
import re
import subprocess
import time
import unicodedata
import xml.etree.ElementTree as ET
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pandas as pd
import pytest
from qgis.core import (
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant
from qgis.PyQt.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
BERLIN = ROOT / "resources" / "sample" / "berlin"
KOELN = ROOT / "resources" / "sample" / "koeln"
SMALL = "104"  # the Köln Stadtteil whose count of under-18s the tests set to 2
BERLIN_LABELS = ("S1=Arbeitslosigkeit|%|2;S3=Transferbezug|%;S4=Kinderarmut|%;"
                 "D1=Veränderung Arbeitslosigkeit|Pp.|2;D3=Veränderung Transferbezug|Pp.;"
                 "D4=Veränderung Kinderarmut|Pp.")


# --- data ------------------------------------------------------------------------------------------

def write_joined(shp: Path, table: pd.DataFrame, key: str, out: Path) -> QgsVectorLayer:
    """Boundaries + table columns (numbers as Real, -9999/NaN as NULL) as a new GeoPackage."""
    src = QgsVectorLayer(str(shp), "src", "ogr")
    fields = QgsFields(src.fields())
    cols = [c for c in table.columns if c != key]
    numeric = {c: pd.api.types.is_numeric_dtype(table[c]) for c in cols}
    for c in cols:
        fields.append(QgsField(c, QVariant.Double if numeric[c] else QVariant.String))
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName = "GPKG", "districts"
    writer = QgsVectorFileWriter.create(str(out), fields, src.wkbType(), src.crs(),
                                        QgsCoordinateTransformContext(), options)
    rows = table.set_index(key)
    for feature in src.getFeatures():
        row = rows.loc[feature[key]] if feature[key] in rows.index else None
        values = [None if row is None or pd.isna(row[c]) else (float(row[c]) if numeric[c] else str(row[c]))
                  for c in cols]
        out_feature = QgsFeature(fields)
        out_feature.setGeometry(feature.geometry())
        out_feature.setAttributes(feature.attributes() + values)
        writer.addFeature(out_feature)
    del writer
    layer = QgsVectorLayer(f"{out}|layername=districts", "districts", "ogr")
    assert layer.isValid()
    return layer


def berlin_table() -> pd.DataFrame:
    mss = pd.read_csv(BERLIN / "mss_2021_index_indikatoren.csv", dtype={"PLR_ID": str}, na_values=["-9999"])
    classes = pd.read_csv(BERLIN / "mss_2021_indizes.csv", dtype={"PLR_ID": str})
    return mss[["PLR_ID", "EW", "S1", "S3", "S4", "D1", "D3", "D4"]].merge(
        classes[["PLR_ID", "SI_V"]], on="PLR_ID")


def koeln_table() -> pd.DataFrame:
    pop = pd.read_csv(KOELN / "bevoelkerung.csv", dtype={"raum_id": str, "tab_id": str})
    parts = pop[pop.raum_id.str.fullmatch(r"[1-9]\d\d")]

    def counts(tab: str, rows: list[str], year: int) -> pd.Series:
        sub = parts[(parts.tab_id == tab) & parts.zeile.isin(rows) & (parts.jahr == year)]
        return sub.groupby("raum_id")["zahl"].sum()

    table = pd.DataFrame({"ew": counts("005", ["Einwohner"], 2012),
                          "n_ausl": counts("030", ["Ausländer"], 2012),
                          "n_u18": counts("020", ["00 - < 03", "03 - < 06", "06 - < 10", "10 - < 15",
                                                  "15 - < 18"], 2012)})
    for year in range(2009, 2013):  # year columns: the sheet shows the trend 2009–2012
        table[f"ausl_{year}"] = counts("030", ["Ausländer"], year) / counts("005", ["Einwohner"], year) * 100
    table["u18"] = table.n_u18 / table.ew * 100
    return table.reset_index().rename(columns={"raum_id": "STT_NR"})


def de(value: float, decimals: int = 1) -> str:
    """German number text, written independently of core/formatting.py."""
    text = str(Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))
    return text.replace("-", "\u2212").replace(".", ",")


def page_text(pdf: Path, page: int) -> str:
    out = subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    return unicodedata.normalize("NFKC", out)  # Qt sets 'fi' as a ligature


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def _clean_project(data: dict) -> None:
    """Layouts and layers go before QGIS exits (a layer freed after exitQgis crashes Python)."""
    project = QgsProject.instance()
    for layout in project.layoutManager().layouts():
        if layout.name().startswith("Sozialraumprofile"):
            project.layoutManager().removeLayout(layout)
    project.removeMapLayers([layer_id for layer_id, layer in project.mapLayers().items()
                             if layer.customProperty("sozialraum/profile_layout")])
    data.clear()


def run_sheets(params: dict) -> dict:
    import processing

    return processing.run("sozialraum:profilesheets", params)


# --- Berlin: 542 pages -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def berlin(provider, tmp_path_factory):
    folder = tmp_path_factory.mktemp("berlin")
    table = berlin_table()
    layer = write_joined(BERLIN / "lor_planungsraeume_2021.shp", table, "PLR_ID", folder / "berlin.gpkg")
    params = {"INPUT": layer, "NAME_FIELD": "PLR_NAME", "KEY_FIELD": "PLR_ID",
              "FIELDS": ["S1", "S3", "S4", "D1", "D3", "D4"], "LABELS": BERLIN_LABELS,
              "DIRECTIONS": "S1=+1;S3=+1;S4=+1;D1=+1;D3=+1;D4=+1", "POPULATION_FIELD": "EW",
              "CLASS_FIELD": "SI_V", "SOURCE_TEXT": "SenSBW, Monitoring Soziale Stadtentwicklung 2021",
              "OUTPUT": str(folder / "berlin.pdf")}
    result = run_sheets(params)
    data = {"result": result, "pdf": Path(result["OUTPUT"]), "params": params, "layer": layer,
            "table": table.sort_values("PLR_ID").reset_index(drop=True)}
    yield data
    _clean_project(data)


def test_berlin_has_one_page_per_area(berlin):
    assert berlin["result"]["PAGES"] == 542
    assert page_count(berlin["pdf"]) == 542


def _valid(table: pd.DataFrame) -> pd.DataFrame:
    return table[(table.EW >= 300) & table.S1.notna()]


def test_berlin_pages_carry_their_own_values(berlin):
    table = berlin["table"]
    valid = _valid(table)
    city_s3 = (valid.S3 * valid.EW).sum() / valid.EW.sum()  # population-weighted, not a mean of rates
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
    ratio = table.S4[top] / ((valid.S4 * valid.EW).sum() / valid.EW.sum())
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
    valid = _valid(table)
    city = {c: (valid[c] * valid.EW).sum() / valid.EW.sum() for c in ("S1", "S3", "S4")}
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


def test_page_chart_data_per_district(berlin):
    """The sheet item draws the page's spine chart from pr_spine: 6 rows of shares of the width."""
    layer = QgsProject.instance().layoutManager().layoutByName(berlin["result"]["LAYOUT"]).atlas().coverageLayer()
    by_key = {f["pr_key"]: json.loads(f["pr_spine"]) for f in layer.getFeatures()}
    assert len(by_key) == 542
    for rows in by_key.values():
        assert len(rows) == 6
        for a, b, qa, qb, dot, tone in rows:
            assert tone in ("worse", "better", "middle")
            for share in (a, b, qa, qb, dot):
                assert share is None or 0 <= share <= 1
    empty = berlin["table"][berlin["table"].S1.isna()].PLR_ID
    assert all(row[4] is None for key in empty for row in by_key[key])  # no dot without a value


def _layout(berlin):
    return QgsProject.instance().layoutManager().layoutByName(berlin["result"]["LAYOUT"])


def test_layout_left_in_project_still_draws_its_sheet(berlin, tmp_path):
    """After the algorithm returned, the layout in the project exports the same pages again: the
    sheet item's Python side must outlive the algorithm (it did not at first: sip let it go)."""
    import gc

    from qgis.core import QgsLayoutExporter

    from sozialraum_plugin.gis.layouts.profile_atlas import pdf_settings
    from sozialraum_plugin.gis.layouts.sheet_item import ProfileSheetItem

    gc.collect()
    layout = _layout(berlin)
    assert isinstance(layout.itemById("sr_sheet"), ProfileSheetItem)
    assert [type(i).__name__ for i in layout.items() if hasattr(i, "id") and i.id() == "sr_detail"] == \
        ["QgsLayoutItemMap"]
    atlas = layout.atlas()
    atlas.setFilterFeatures(True)
    atlas.setFilterExpression("\"PLR_ID\" = '01100101'")
    try:
        assert atlas.updateFeatures() == 1
        out = tmp_path / "again.pdf"
        QgsLayoutExporter.exportToPdf(atlas, str(out), pdf_settings())
    finally:
        atlas.setFilterFeatures(False)
        atlas.updateFeatures()
    text = page_text(out, 1)
    assert text.strip().splitlines()[0].strip() == "Stülerstraße"
    assert "Auf einen Blick" in text and "4,23 %" in text and "Seite 1 von 1" in text


def test_sheet_item_in_the_designer_without_atlas_feature(berlin):
    """With no atlas feature (the designer without atlas preview) the item shows field names in
    their place and still draws the page: band, stripes, city picture."""
    from qgis.core import QgsFeature, QgsLayoutExporter, QgsPrintLayout
    from qgis.PyQt.QtCore import QRectF

    from sozialraum_plugin.gis.layouts.sheet_item import ProfileSheetItem, _Values

    spec = _layout(berlin).itemById("sr_sheet").spec
    layout = QgsPrintLayout(QgsProject.instance())
    layout.initializeDefaults()
    item = ProfileSheetItem(layout, spec)
    layout.addLayoutItem(item)
    item.attemptSetSceneRect(QRectF(0, 0, 210, 297))
    assert _Values(QgsFeature(), layout).fill("{pr_title} {{x}} {page}") == "\u2039pr_title\u203a {x} #"
    image = QgsLayoutExporter(layout).renderPageToImage(0, dpi=50)
    band = image.pixelColor(int(5 / 25.4 * 50), int(5 / 25.4 * 50))
    assert band.name() == "#1d3557"
    assert image.pixelColor(int(150 / 25.4 * 50), int(80 / 25.4 * 50)).name() != "#ffffff"  # the city


def test_project_with_profile_layout_reads_back(berlin, tmp_path):
    """Saved in a project and read again (as a person reopens it): the sheet keeps its spec and
    finds the city picture through the project's relative paths."""
    from qgis.core import QgsLayoutExporter, QgsProject

    from sozialraum_plugin.gis.layouts.profile_atlas import pdf_settings

    project = QgsProject()
    doc = tmp_path / "bericht.qgs"
    source = _layout(berlin)
    project.addMapLayer(QgsVectorLayer(source.atlas().coverageLayer().source(), "profiles", "ogr"))
    clone = source.clone()
    clone.atlas().setCoverageLayer(list(project.mapLayers().values())[0])
    project.layoutManager().addLayout(clone)
    assert project.write(str(doc))
    saved = doc.read_text(encoding="utf-8")
    assert "sozialraumSpec" in saved and "city.png" in saved
    again = QgsProject()
    assert again.read(str(doc))
    layout = again.layoutManager().layouts()[0]
    sheet = layout.itemById("sr_sheet")
    assert Path(sheet.spec["locator"]["image"]).is_file()
    assert len(sheet.spec["texts"]) == len(_layout(berlin).itemById("sr_sheet").spec["texts"])
    atlas = layout.atlas()
    atlas.setFilterFeatures(True)
    atlas.setFilterExpression("\"PLR_ID\" = '01100102'")
    assert atlas.updateFeatures() == 1
    out = tmp_path / "reopened.pdf"
    assert QgsLayoutExporter.exportToPdf(atlas, str(out), pdf_settings())[0] == QgsLayoutExporter.ExportResult.Success
    text = page_text(out, 1)
    assert "Großer Tiergarten" in text and "Auf einen Blick" in text
    again.clear()
    project.clear()


def test_chart_helpers_and_speed(tmp_path):
    from sozialraum_plugin.gis.layouts import charts

    assert charts.safe_name("Neustadt/Süd") == "Neustadt_Sued"
    assert charts.safe_name("Groß St. Martin (Altstadt)") == "Gross_St_Martin_Altstadt"
    assert charts.unique_names(["a", "A", "a"]) == ["a", "A_2", "a_3"]
    rows = [charts.SpineRow("Quote", 5.0, 4.0, 1.0, 9.0, 3.0, 6.0, 1, "worse", "5,0 %", "4,0 %")] * 6
    root = ET.fromstring(charts.spine_svg(rows, 30, 7.2))
    assert (root.get("width"), root.get("height"), root.get("viewBox")) == ("30mm", "43.2mm", "0 0 30 43.2")
    assert len(root.findall("{http://www.w3.org/2000/svg}circle")) == 6
    marks = charts.spine_marks(rows)  # the same chart as numbers, for the page's sheet item
    assert marks[0] == [0.2, 1.0, 0.4, 0.7, 0.6, "worse"]  # city 4 in the middle, ±5 (9 − 4) to the edges
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


def test_rerun_replaces_layout_and_layer(berlin, tmp_path):
    # same file stem, so the same layout name: it is replaced, not added a second time
    params = dict(berlin["params"], FILTER_EXPRESSION="\"PLR_ID\" LIKE '011%'",
                  OUTPUT=str(tmp_path / "berlin.pdf"))
    name = berlin["result"]["LAYOUT"]
    run_sheets(params)
    project = QgsProject.instance()
    assert [layout.name() for layout in project.layoutManager().layouts()].count(name) == 1
    owned = [layer for layer in project.mapLayers().values()
             if layer.customProperty("sozialraum/profile_layout") == name]
    assert len(owned) == 1


def test_separate_files_are_named_by_key_and_name(berlin, tmp_path):
    params = dict(berlin["params"], OUTPUT=str(tmp_path / "auswahl.pdf"),
                  SEPARATE_FILES=str(tmp_path / "einzeln"),
                  FILTER_EXPRESSION="\"PLR_ID\" IN ('01100101', '01100102', '03300515')")
    result = run_sheets(params)
    assert result["PAGES"] == 3 and page_count(Path(result["OUTPUT"])) == 3
    files = sorted(p.name for p in (tmp_path / "einzeln").iterdir())
    assert files == ["Profil_01100101_Stuelerstrasse.pdf", "Profil_01100102_Grosser_Tiergarten.pdf",
                     "Profil_03300515_Blankenburger_Sueden.pdf"]
    assert page_count(tmp_path / "einzeln" / files[0]) == 1
    assert "Stülerstraße" in page_text(tmp_path / "einzeln" / files[0], 1)
    assert not [p for p in tmp_path.rglob("*.part*")]  # nothing half-written left behind


def test_atlas_order_and_file_names_without_export(berlin):
    layout = QgsProject.instance().layoutManager().layoutByName(berlin["result"]["LAYOUT"])
    atlas = layout.atlas()
    atlas.setFilterFeatures(False)
    assert atlas.beginRender() and atlas.first()
    keys = [atlas.layout().reportContext().feature()["pr_key"]]
    assert atlas.currentFilename() == f"Profil_{keys[0]}_Stuelerstrasse"
    for _ in range(3):
        atlas.next()
        keys.append(atlas.layout().reportContext().feature()["pr_key"])
    atlas.endRender()
    assert keys == sorted(keys) and len(set(keys)) == 4


def test_template_round_trip(berlin, tmp_path):
    from qgis.core import QgsReadWriteContext

    layout = QgsProject.instance().layoutManager().layoutByName(berlin["result"]["LAYOUT"])
    template = tmp_path / "profil.qpt"
    assert layout.saveAsTemplate(str(template), QgsReadWriteContext())
    params = dict(berlin["params"], OUTPUT=str(tmp_path / "vorlage.pdf"), TEMPLATE=str(template),
                  FILTER_EXPRESSION="\"PLR_ID\" = '01100104'")
    result = run_sheets(params)
    text = page_text(Path(result["OUTPUT"]), 1)
    assert "Körnerstraße" in text and "Seite 1 von 1" in text and "Auf einen Blick" in text


def test_template_of_standard_items(berlin, tmp_path):
    """A template made of QGIS's own items only (no sheet item) is bound and reads the fields."""
    from qgis.core import QgsLayoutItemLabel, QgsLayoutItemMap, QgsPrintLayout, QgsReadWriteContext
    from qgis.PyQt.QtCore import QRectF

    layout = QgsPrintLayout(QgsProject.instance())
    layout.initializeDefaults()
    label = QgsLayoutItemLabel(layout)
    label.setText('Profil [% "pr_title" %] – [% "findings" %]')
    layout.addLayoutItem(label)
    label.attemptSetSceneRect(QRectF(10, 10, 250, 40))
    detail = QgsLayoutItemMap(layout)
    detail.setId("sr_detail")
    layout.addLayoutItem(detail)
    detail.attemptSetSceneRect(QRectF(10, 60, 150, 120))
    template = tmp_path / "eigen.qpt"
    assert layout.saveAsTemplate(str(template), QgsReadWriteContext())
    params = dict(berlin["params"], OUTPUT=str(tmp_path / "eigen.pdf"), TEMPLATE=str(template),
                  FILTER_EXPRESSION="\"PLR_ID\" IN ('01100101', '01100104')")
    result = run_sheets(params)
    assert result["PAGES"] == 2
    first = " ".join(page_text(Path(result["OUTPUT"]), 1).split())
    assert "Profil Stülerstraße" in first and "Stadtwert" in first
    assert "Profil Körnerstraße" in page_text(Path(result["OUTPUT"]), 2)
    bound = QgsProject.instance().layoutManager().layoutByName(result["LAYOUT"]).itemById("sr_detail")
    assert [layer.name() for layer in bound.layers()] == [result["LAYOUT"]]


def test_bad_labels_give_a_readable_error(berlin, tmp_path):
    params = dict(berlin["params"], OUTPUT=str(tmp_path / "x.pdf"), LABELS="S1 Arbeitslosigkeit")
    with pytest.raises(QgsProcessingException, match="cannot be read"):
        run_sheets(params)
    params = dict(berlin["params"], OUTPUT=str(tmp_path / "x.pdf"), LABELS="S9=Quatsch|%")
    with pytest.raises(QgsProcessingException, match="S9"):
        run_sheets(params)


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
              "SOURCE_TEXT": "Stadt Köln, Offene Daten Köln", "OUTPUT": str(folder / "koeln.pdf")}
    result = run_sheets(params)
    data = {"result": result, "pdf": Path(result["OUTPUT"]), "layer": layer,
            "table": table.sort_values("STT_NR").reset_index(drop=True)}
    yield data
    _clean_project(data)


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


def test_long_indicator_name_wraps_inside_its_row(koeln):
    text = page_text(koeln["pdf"], 1)
    lines = [line for line in text.splitlines() if line.strip()]
    first = next(i for i, line in enumerate(lines) if line.strip().startswith("Anteil der unter"))
    assert "%" in lines[first]  # the values stand on the name's first line
    assert lines[first + 1].strip() == "18-Jährigen an allen..."  # second line, elided (NFKC: …)
    assert "EW" in lines[first + 2] and lines[first + 2].strip().startswith("Unter 18-Jährige")


def test_koeln_umlauts_and_custom_crs(koeln):
    layer = koeln["layer"]
    assert layer.crs().isValid() and not layer.crs().authid().startswith("EPSG:258")
    index = koeln["table"].index[koeln["table"].STT_NR == "905"][0]  # Dellbrück (cp1252 in the .dbf)
    assert "Dellbrück" in page_text(koeln["pdf"], index + 1)
