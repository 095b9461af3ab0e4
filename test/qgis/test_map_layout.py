"""Print layouts and exported maps from the shared Berlin, Köln and Flensburg data.

The PDFs themselves are checked: pdfinfo (pages, size), pdftotext (title, German legend ranges,
source, date, method note) and pdftoppm (page 1 is coloured, not blank).
"""
from __future__ import annotations

import re
import sqlite3
import subprocess
import time
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from qgis.core import (
    QgsFeatureRequest,
    QgsField,
    QgsGraduatedSymbolRenderer,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsProcessingException,
    QgsProject,
    QgsReadWriteContext,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate
from qgis.PyQt.QtGui import QImage

from sozialraum_plugin.gis import field_types
from sozialraum_plugin.gis.layouts import MapRequest, best_orientation, compose, layout_name
from sozialraum_plugin.gis.layouts.combine import export_layouts_pdf
from sozialraum_plugin.gis.layouts.export import export_layout
from sozialraum_plugin.gis.layouts.map_page import PageStyle, legend_size

SOURCE = "Amt für Statistik Berlin-Brandenburg, MSS 2021; Geoportal Berlin"
LICENCE = "Datenlizenz Deutschland – Namensnennung – Version 2.0"
A4 = (595, 842)


# --- data -----------------------------------------------------------------------------------------

def _zscore(values: pd.Series, ref: pd.Series) -> pd.Series:
    return (values - values[ref].mean()) / values[ref].std(ddof=1)


@pytest.fixture(scope="module")
def berlin_gpkg(tmp_path_factory, sample_dir, qgis_app) -> str:
    """LOR Planungsräume joined to the MSS 2021 indicators in a GeoPackage, with an MSS-style
    status index computed here (z-scores of S1, S3, S4 on the valid areas, summed, re-scaled)."""
    folder = sample_dir / "berlin"
    frame = pd.read_csv(folder / "mss_2021_index_indikatoren.csv", dtype={"PLR_ID": str})
    frame = frame.replace(-9999, np.nan)
    classes = pd.read_csv(folder / "mss_2021_indizes.csv", dtype={"PLR_ID": str})
    frame = frame.merge(classes[["PLR_ID", "SI_V", "SDI_V"]], on="PLR_ID").set_index("PLR_ID")
    valid = frame["KOM"] == "gültig"
    total = sum(_zscore(frame[c], valid) for c in ("S1", "S3", "S4"))
    frame["status_index"] = _zscore(total, valid).where(valid)
    frame["valid"] = valid
    kinds = {"S1": field_types.DOUBLE, "S3": field_types.DOUBLE, "S4": field_types.DOUBLE, "EW": field_types.DOUBLE,
             "KOM": field_types.STRING, "SI_V": field_types.STRING, "SDI_V": field_types.STRING,
             "status_index": field_types.DOUBLE, "valid": field_types.BOOL}
    columns = {name: (kind, {k: (None if pd.isna(v) else (bool(v) if kind == field_types.BOOL else v))
                             for k, v in frame[name].items()}) for name, kind in kinds.items()}
    layer = joined_memory_layer(folder / "lor_planungsraeume_2021.shp", lambda f: f["PLR_ID"], columns)
    path = str(tmp_path_factory.mktemp("berlin") / "berlin_mss.gpkg")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName = "GPKG", "plr"
    error = QgsVectorFileWriter.writeAsVectorFormatV3(layer, path, layer.transformContext(), options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
    return path


def joined_memory_layer(shp: Path, key, columns: dict) -> QgsVectorLayer:
    """The boundaries as a memory layer (same CRS) with joined columns: name → (type, key → value)."""
    layer = QgsVectorLayer(str(shp), shp.stem, "ogr").materialize(QgsFeatureRequest())
    layer.dataProvider().addAttributes([QgsField(name, kind) for name, (kind, _) in columns.items()])
    layer.updateFields()
    indices = {name: layer.fields().indexFromName(name) for name in columns}
    changes = {f.id(): {indices[name]: values.get(key(f)) for name, (_, values) in columns.items()}
               for f in layer.getFeatures()}
    layer.dataProvider().changeAttributeValues(changes)
    return layer


@pytest.fixture(scope="module")
def koeln(sample_dir, qgis_app) -> QgsVectorLayer:
    """Köln Stadtteile (custom UTM CRS with 2,500 km false easting), share with a migration
    background 2012."""
    folder = sample_dir / "koeln"
    table = pd.read_csv(folder / "bevoelkerung.csv", dtype={"raum_id": str, "tab_id": str})
    year = table[table["jahr"] == 2012]
    total = year[(year["tab_id"] == "005") & (year["zei_id"] == 10)].set_index("raum_id")["zahl"]
    migration = year[(year["tab_id"] == "030") & (year["zei_id"] == 10)].set_index("raum_id")["zahl"]
    share = (migration / total * 100).round(1).to_dict()
    return joined_memory_layer(folder / "Stadtteil.shp", lambda f: f["STT_NR"],
                               {"mig_anteil": (field_types.DOUBLE, share)})


@pytest.fixture(scope="module")
def flensburg(sample_dir, qgis_app) -> QgsVectorLayer:
    """Flensburg's 13 Stadtteile with the SGB II share 2021 ('13,4' written with a comma)."""
    folder = sample_dir / "flensburg"
    table = pd.read_csv(folder / "tab_18_regelleistungsberechtigte_sgb2.csv", dtype=str)
    pairs = zip(table["Stadtteil_ID"], table["Anteil_in_%_2021"])
    share = {int(k): float(v.replace(",", ".")) for k, v in pairs}
    return joined_memory_layer(folder / "Stadtteile.shp", lambda f: int(f["AREA_ID"][-2:]),
                               {"sgb2_anteil": (field_types.DOUBLE, share)})


# --- PDF checks -----------------------------------------------------------------------------------

def pdfinfo(path) -> dict:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", out).group(1))
    w, h = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", out).groups()
    return {"pages": pages, "size": (round(float(w)), round(float(h)))}


def pdftext(path, page: int | None = None) -> str:
    args = ["pdftotext", "-layout"] + (["-f", str(page), "-l", str(page)] if page else [])
    text = subprocess.run(args + [str(path), "-"], capture_output=True, text=True, check=True).stdout
    return unicodedata.normalize("NFKC", text)  # the font's 'ﬁ' ligature → 'fi'


def coloured_share(path, tmp_path, page: int = 1) -> float:
    """Share of clearly coloured (not grey/white) pixels on a 60 dpi rendering of ``page``."""
    stem = tmp_path / f"page{page}"
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", str(page), "-l", str(page), "-singlefile",
                    str(path), str(stem)], check=True)
    image = QImage(str(stem) + ".png")
    coloured = total = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            total += 1
            coloured += max(c.red(), c.green(), c.blue()) - min(c.red(), c.green(), c.blue()) > 40
    return coloured / total


def run_map(params: dict) -> dict:
    import processing

    return processing.run("sozialraum:thematicmap", params)


def assert_page_is_clean(layout, page: int = 0) -> None:
    """Everything on the page, nothing overlapping, the legend as large as its content."""
    collection = layout.pageCollection()
    page_rect = collection.page(page).sceneBoundingRect()
    items = {i.id(): i for i in collection.itemsOnPage(page) if hasattr(i, "id") and i.id()}
    for name in ("title", "map", "legend", "method_note", "north_arrow", "scale_bar", "source", "date"):
        assert name in items, name
        rect = items[name].sceneBoundingRect()
        assert page_rect.adjusted(5, 5, -5, -5).contains(rect), (name, rect, page_rect)
    names = [n for n in items if n != "logo"]
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            overlap = items[a].sceneBoundingRect().intersected(items[b].sceneBoundingRect())
            assert overlap.width() * overlap.height() < 1.0, (a, b)  # < 1 mm² (touching edges)
    legend = items["legend"]
    content = legend_size(legend)
    assert legend.rect().width() >= content.width() - 0.1 and legend.rect().height() >= content.height() - 0.1


def assert_lines_kept(layout, text: str, page: int = 0) -> None:
    """Every line the page's labels were given is one line in the PDF's text: QGIS did not wrap
    it again (QGIS 3.40 wraps small type earlier than its own measures say)."""
    squeezed = re.sub(r" +", " ", text)
    for item in layout.pageCollection().itemsOnPage(page):
        if isinstance(item, QgsLayoutItemLabel):
            for line in unicodedata.normalize("NFKC", item.text()).split("\n"):
                assert re.sub(r" +", " ", line.strip()) in squeezed, (item.id(), line)


# --- the algorithm on real data -------------------------------------------------------------------

def test_berlin_a4_pdf(provider, berlin_gpkg, tmp_path):
    out = tmp_path / "berlin_s1.pdf"
    started = time.perf_counter()
    result = run_map({
        "INPUT": f"{berlin_gpkg}|layername=plr", "FIELD": "S1", "METHOD": "jenks", "CLASSES": 5,
        "TITLE": "Arbeitslosigkeit 2020",
        "SUBTITLE": "Anteil Arbeitslose (SGB II/III) an den 15- bis 65-Jährigen", "UNIT": "%",
        "ORIENTATION": "portrait", "SOURCE_TEXT": SOURCE, "LICENCE_TEXT": LICENCE, "OUTPUT": str(out),
    })
    seconds = time.perf_counter() - started
    assert seconds < 5, seconds
    assert result["OUTPUT"] == str(out) and result["PAGES"] == 1
    assert result["LAYOUT"] == "Sozialraum \u2013 Arbeitslosigkeit 2020"
    assert pdfinfo(out) == {"pages": 1, "size": A4}
    text = pdftext(out)
    for expected in ("Arbeitslosigkeit 2020", "0,4 – 2,6 % (n = 125)", "9,8 – 17,8 % (n = 37)",
                     "keine Bewertung (unter 300 EW /", "(n = 6)", "Quelle: Amt für Statistik",
                     "Datenlizenz Deutschland", "Stand: " + QDate.currentDate().toString("dd.MM.yyyy"),
                     "Klassifikation: natürliche Unterbrechungen (Jenks), 5 Klassen", "km"):
        assert expected in text, expected
    assert coloured_share(out, tmp_path) > 0.15
    layout = QgsProject.instance().layoutManager().layoutByName(result["LAYOUT"])
    assert_page_is_clean(layout)
    assert_lines_kept(layout, text)
    with sqlite3.connect(berlin_gpkg) as db:  # the style went into the GeoPackage
        styles = db.execute("SELECT styleName, useAsDefault FROM layer_styles").fetchall()
    assert ("Sozialraum \u2013 S1", 1) in styles


def test_rerun_replaces_layout_and_layers(provider, berlin_gpkg, tmp_path):
    project = QgsProject.instance()
    params = {"INPUT": f"{berlin_gpkg}|layername=plr", "FIELD": "status_index", "METHOD": "mss",
              "TITLE": "Status-Index 2021", "ORIENTATION": "landscape", "OUTPUT": str(tmp_path / "a.pdf")}
    run_map(params)
    layers_after_first = len(project.mapLayers())
    params["METHOD"], params["OUTPUT"] = "quantile", str(tmp_path / "b.pdf")
    run_map(params)
    name = layout_name("Status-Index 2021")
    assert [lay.name() for lay in project.layoutManager().layouts()].count(name) == 1
    assert len(project.mapLayers()) == layers_after_first
    assert len([g for g in project.layerTreeRoot().findGroups() if g.name() == name]) == 1
    thematic = next(lay for lay in project.mapLayers().values() if lay.name() == "Statusindex")
    assert isinstance(thematic.renderer(), QgsGraduatedSymbolRenderer)
    assert thematic.renderer().classificationMethod().id() == "Quantile"
    assert pdfinfo(tmp_path / "b.pdf") == {"pages": 1, "size": A4[::-1]}


def test_mss_classes_and_labels(provider, berlin_gpkg, tmp_path):
    out = tmp_path / "mss.pdf"
    result = run_map({"INPUT": f"{berlin_gpkg}|layername=plr", "FIELD": "status_index", "METHOD": "mss",
                      "TITLE": "Soziale Ungleichheit", "LABELS": True, "LABEL_FIELD": "PLR_NAME",
                      "SOURCE_TEXT": SOURCE, "OUTPUT": str(out)})
    text = pdftext(out)
    assert_lines_kept(QgsProject.instance().layoutManager().layoutByName(result["LAYOUT"]), text)
    for expected in ("Statusindex", "hoch: ≤ −1,0", "mittel: −1,0 – 1,0", "niedrig: 1,0 bis < 1,5",
                     "sehr niedrig: ≥ 1,5", "MSS-Schwellenwerte"):
        assert expected in text, expected
    counts = [int(n) for n in re.findall(r"\(n = (\d+)\)", text)]
    assert counts == [75, 366, 46, 49, 6]  # the published MSS 2021 status classes, and 6 hatched


def test_series_gives_a_multi_page_pdf(provider, berlin_gpkg, tmp_path):
    out = tmp_path / "series.pdf"
    result = run_map({"INPUT": f"{berlin_gpkg}|layername=plr", "FIELD": "S1", "SERIES_FIELDS": ["S3", "S4"],
                      "METHOD": "quantile", "TITLE": "Sozialatlas 2021", "UNIT": "%", "OUTPUT": str(out)})
    assert result["PAGES"] == 3
    assert pdfinfo(out)["pages"] == 3
    for page, field in enumerate(("S1", "S3", "S4"), 1):
        text = pdftext(out, page)
        assert text.lstrip().startswith(field) and "Sozialatlas 2021" in text
    layout = QgsProject.instance().layoutManager().layoutByName(result["LAYOUT"])
    for page in range(3):
        assert_page_is_clean(layout, page)
    group = QgsProject.instance().layerTreeRoot().findGroup(result["LAYOUT"])
    layers = [node.layer() for node in group.findLayers()]
    assert len(layers) == 6 and not any(lay.labelsEnabled() for lay in layers)  # no saved-style labels
    assert coloured_share(out, tmp_path, 3) > 0.1


def test_categorized_groups_with_mask(provider, berlin_gpkg, tmp_path):
    mask = QgsVectorLayer(f"{berlin_gpkg}|layername=plr", "mask", "ogr")
    mask.setSubsetString("\"PLR_NAME\" IN ('Großer Tiergarten', 'Bucher Forst', 'Waldidyll/Flughafensee')")
    assert mask.featureCount() == 3
    out = tmp_path / "groups.pdf"
    run_map({"INPUT": f"{berlin_gpkg}|layername=plr", "FIELD": "SDI_V", "METHOD": "categorized",
             "TITLE": "Status und Dynamik 2021", "MASK_LAYER": mask, "PAGE_SIZE": "A3", "OUTPUT": str(out)})
    assert pdfinfo(out)["size"] == (1191, 842)
    text = pdftext(out)
    assert "Status hoch, Dynamik positiv" in text and "Status sehr niedrig, Dynamik negativ" in text
    assert "unbewohnte Fläche" in text
    layout = QgsProject.instance().layoutManager().layoutByName(layout_name("Status und Dynamik 2021"))
    assert_page_is_clean(layout)


def test_koeln_custom_crs_a3_landscape(provider, koeln, tmp_path):
    out = tmp_path / "koeln.pdf"
    run_map({"INPUT": koeln, "FIELD": "mig_anteil", "METHOD": "equal", "CLASSES": 6, "TITLE": "Köln 2012",
             "UNIT": "%", "PAGE_SIZE": "A3", "ORIENTATION": "landscape", "LABELS": True,
             "LABEL_FIELD": "STT_NAME", "SOURCE_TEXT": "Stadt Köln, Offene Daten", "OUTPUT": str(out)})
    assert pdfinfo(out) == {"pages": 1, "size": (1191, 842)}
    layout = QgsProject.instance().layoutManager().layoutByName(layout_name("Köln 2012"))
    map_item = next(i for i in layout.items() if getattr(i, "id", lambda: "")() == "map")
    assert map_item.crs() == koeln.crs() and not koeln.crs().authid().startswith("EPSG:")
    assert_page_is_clean(layout)
    assert coloured_share(out, tmp_path) > 0.15
    assert "Quelle: Stadt Köln" in pdftext(out)


def test_flensburg_png_and_svg(provider, flensburg, tmp_path):
    png, svg = tmp_path / "fl.png", tmp_path / "fl.svg"
    params = {"INPUT": flensburg, "FIELD": "sgb2_anteil", "METHOD": "pretty",
              "TITLE": "Flensburg SGB II 2021", "UNIT": "%", "ORIENTATION": "portrait", "DPI": 100,
              "LABELS": True, "OUTPUT": str(png)}
    run_map(params)
    image = QImage(str(png))
    assert abs(image.width() - 827) <= 1 and abs(image.height() - 1169) <= 1  # A4 at 100 dpi
    params.update(OUTPUT=str(svg))
    run_map(params)
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg") and "Flensburg SGB II 2021" in svg.read_text(encoding="utf-8")
    assert not [p for p in tmp_path.iterdir() if ".part" in p.name]  # no temporary leftovers


def test_orientation_follows_the_shape_of_the_city(qgis_app, berlin_gpkg, koeln, flensburg):
    berlin = QgsVectorLayer(f"{berlin_gpkg}|layername=plr", "plr", "ogr")
    shapes = {name: best_orientation(layer.extent()) for name, layer in
              (("berlin", berlin), ("koeln", koeln), ("flensburg", flensburg))}
    assert shapes == {"berlin": "landscape", "koeln": "portrait", "flensburg": "landscape"}


def test_template_is_filled_per_page(qgis_app, flensburg, tmp_path):
    base = compose(MapRequest(flensburg, ["sgb2_anteil"], "quantile", 4, title="Vorlage", subtitle="Unter"))
    template = tmp_path / "vorlage.qpt"
    assert base.layout.saveAsTemplate(str(template), QgsReadWriteContext())
    made = compose(MapRequest(flensburg, ["sgb2_anteil", "sgb2_anteil"], "jenks", 3, title="Aus Vorlage",
                              template=str(template)))
    layout = made.layout
    assert layout.pageCollection().pageCount() == 2
    for page in range(2):
        items = {i.id(): i for i in layout.pageCollection().itemsOnPage(page) if getattr(i, "id", None)}
        assert items["title"].text() == "sgb2_anteil" and items["subtitle"].text() == "Aus Vorlage"
        assert "Jenks" in items["method_note"].text()
        legend = items["legend"]
        assert isinstance(legend, QgsLayoutItemLegend) and legend.model().rootGroup().findLayers()


def test_export_timing_and_atomic_replace(qgis_app, berlin_gpkg, tmp_path):
    layer = QgsVectorLayer(f"{berlin_gpkg}|layername=plr", "plr", "ogr")
    made = compose(MapRequest(layer, ["S3"], "jenks", 5, title="Zeitmessung", unit="%",
                              page=PageStyle("A4", "portrait", "Quelle: Test")))
    out = tmp_path / "timing.pdf"
    out.write_bytes(b"old")
    started = time.perf_counter()
    assert export_layout(made.layout, str(out)) == [str(out)]
    seconds = time.perf_counter() - started
    assert seconds < 3, seconds  # ~0.5 s here for 542 districts
    assert out.read_bytes()[:5] == b"%PDF-"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["timing.pdf"]


def test_combined_pdf_keeps_text_on_every_page(qgis_app, flensburg, tmp_path):
    """The report's map section (layouts rendered page by page into one PDF, no export settings):
    labels, legend and scale bar stay text. QGIS 3.40 draws them as outlines unless asked."""
    layouts = [compose(MapRequest(flensburg, ["sgb2_anteil"], "quantile", 4, title=title, unit="%",
                                  page=PageStyle("A4", orientation, "Quelle: Stadt Flensburg"))).layout
               for title, orientation in (("Hochformat", "portrait"), ("Querformat", "landscape"))]
    out = tmp_path / "Karten.pdf"
    assert export_layouts_pdf(layouts, str(out)) == 2
    assert pdfinfo(out) == {"pages": 2, "size": A4}
    for page, title in ((1, "Hochformat"), (2, "Querformat")):
        text = pdftext(out, page)
        for expected in (title, "Quelle: Stadt Flensburg", "Stand: ", "(n = ", "Quantile", "km"):
            assert expected in text, (page, expected)


def test_clear_errors(provider, berlin_gpkg, tmp_path):
    with pytest.raises(QgsProcessingException, match=r"must end in \.pdf, \.png or \.svg"):
        run_map({"INPUT": f"{berlin_gpkg}|layername=plr", "FIELD": "S1", "OUTPUT": str(tmp_path / "x.docx")})
    empty = QgsVectorLayer("Polygon?crs=EPSG:25833&field=v:double", "leer", "memory")
    with pytest.raises(QgsProcessingException, match="The layer leer has no features"):
        run_map({"INPUT": empty, "FIELD": "v", "OUTPUT": str(tmp_path / "leer.pdf")})
    assert not (tmp_path / "leer.pdf").exists()
    bad = tmp_path / "kaputt.qpt"
    bad.write_text("<kein Layout", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="kaputt.qpt cannot be read"):
        run_map({"INPUT": f"{berlin_gpkg}|layername=plr", "FIELD": "S1", "TEMPLATE": str(bad),
                 "OUTPUT": str(tmp_path / "t.pdf")})
