"""Maps over time on Flensburg's SGB II table (tab_18, 2018–2021): change maps with classes
symmetric around 0, pooled class breaks over the years, a page of small multiples.

Renderers, layout items and exported PDFs are checked (pdfinfo, pdftotext); the pooled breaks
are compared with QGIS's own classification method (from QgsClassificationMethodRegistry) run on
the years' values put together.
"""
from __future__ import annotations

import re
import subprocess
import unicodedata

import pandas as pd
import pytest
from qgis.core import (
    QgsApplication,
    QgsFeatureRequest,
    QgsField,
    QgsGraduatedSymbolRenderer,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor

from sozialraum_plugin.gis import field_types

YEARS = (2018, 2019, 2020, 2021)
SHARES = [f"Anteil_in_%_{y}" for y in YEARS]
COUNTS = [f"Anzahl_{y}" for y in YEARS]
REGISTRY_IDS = {"jenks": "Jenks", "quantile": "Quantile", "equal": "EqualInterval", "pretty": "Pretty"}


def tab_18(sample_dir) -> pd.DataFrame:
    table = pd.read_csv(sample_dir / "flensburg" / "tab_18_regelleistungsberechtigte_sgb2.csv", dtype=str)
    frame = pd.DataFrame({"id": table["Stadtteil_ID"].astype(int)})
    for year in YEARS:
        frame[f"Anteil_in_%_{year}"] = table[f"Anteil_in_%_{year}"].str.replace(",", ".").astype(float)
        frame[f"Anzahl_{year}"] = table[f"Anzahl_{year}"].astype(int)
    frame["D_SGB2"] = (frame["Anteil_in_%_2021"] - frame["Anteil_in_%_2018"]).round(1)
    return frame.set_index("id")


@pytest.fixture(scope="module")
def table(sample_dir) -> pd.DataFrame:
    return tab_18(sample_dir)


@pytest.fixture(scope="module")
def years_gpkg(sample_dir, table, tmp_path_factory, qgis_app) -> str:
    """Flensburg's Stadtteile with tab_18's shares and counts of 2018–2021 and their change."""
    shp = sample_dir / "flensburg" / "Stadtteile.shp"
    layer = QgsVectorLayer(str(shp), "Stadtteile", "ogr").materialize(QgsFeatureRequest())
    kinds = {c: (field_types.INT if c.startswith("Anzahl") else field_types.DOUBLE) for c in table.columns}
    layer.dataProvider().addAttributes([QgsField(name, kind) for name, kind in kinds.items()])
    layer.updateFields()
    index = {name: layer.fields().indexFromName(name) for name in kinds}
    changes = {}
    for feature in layer.getFeatures():
        row = table.loc[int(feature["AREA_ID"][-2:])]
        changes[feature.id()] = {index[c]: (int(row[c]) if kinds[c] == field_types.INT else float(row[c]))
                                 for c in kinds}
    layer.dataProvider().changeAttributeValues(changes)
    path = str(tmp_path_factory.mktemp("timemaps") / "flensburg_jahre.gpkg")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName = "GPKG", "stadtteile"
    error = QgsVectorFileWriter.writeAsVectorFormatV3(layer, path, layer.transformContext(), options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
    return path


def run_map(provider, gpkg, out, **params) -> dict:
    import processing

    base = {"INPUT": gpkg, "SOURCE_TEXT": "Stadt Flensburg, Sozialatlas 2022", "SAVE_STYLE": False,
            "LANGUAGE": "de", "OUTPUT": str(out)}
    return processing.run("sozialraum:thematicmap", {**base, **params})


def thematic_layers(layout_name: str) -> list:
    """The layout's classed layers (graduated renderers) in the order of its fields."""
    group = QgsProject.instance().layerTreeRoot().findGroup(layout_name)
    layers = [node.layer() for node in group.findLayers()]
    return [layer for layer in layers if isinstance(layer.renderer(), QgsGraduatedSymbolRenderer)]


def bounds(renderer) -> list[tuple[float, float]]:
    return [(r.lowerValue(), r.upperValue()) for r in renderer.ranges()]


def pdftext(path) -> str:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return unicodedata.normalize("NFKC", text)


def pdf_pages(path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", out).group(1))


def registry_bounds(method: str, values: list[float], classes: int) -> list[float]:
    """QGIS's own method (from the registry, as the symbology dialog finds it) on ``values``."""
    qgis_method = QgsApplication.classificationMethodRegistry().method(REGISTRY_IDS[method])
    ranges = qgis_method.classes(values, classes)
    return sorted({ranges[0].lowerBound(), *[r.upperBound() for r in ranges]})


# --- the classes of a change ---------------------------------------------------------------------------

@pytest.mark.parametrize("unit, points", [("%-Pkt.", True), ("Pp.", True), ("Prozentpunkte", True), ("pp", True),
                                          ("‰-Pkt.", True), ("%", False), ("", False), ("EW", False)])
def test_units_in_points_mark_a_change(unit, points):
    from sozialraum_plugin.core.series.indicators import Indicator
    from sozialraum_plugin.gis.diverging import is_change, is_points_unit

    assert is_points_unit(unit) is points
    assert is_change(Indicator("D3", unit=unit)) is points
    assert is_change(Indicator("D3", base="S3", change_between=(2019, 2021)))


@pytest.mark.parametrize("values, classes, expected", [
    ([-3.9, 1.4], 6, [-4.5, -3.0, -1.5, 0.0, 1.5, 3.0, 4.5]),
    ([-0.2, 0.7], 4, [-0.8, -0.4, 0.0, 0.4, 0.8]),
    ([-12.0, 3.0], 5, [-12.5, -7.5, -2.5, 2.5, 7.5, 12.5]),
    ([0.0, 0.0], 2, [-1.0, 0.0, 1.0]),
])
def test_symmetric_classes_have_round_widths(values, classes, expected):
    from sozialraum_plugin.gis.diverging import symmetric_ranges

    ranges = symmetric_ranges(values, classes)
    assert [ranges[0][0]] + [hi for _, hi in ranges] == pytest.approx(expected)


# --- change maps -------------------------------------------------------------------------------------

@pytest.mark.parametrize("classes", [4, 5, 6])
def test_change_map_classes_are_symmetric_around_zero(provider, years_gpkg, table, tmp_path, classes):
    result = run_map(provider, years_gpkg, tmp_path / "wandel.pdf", FIELD="D_SGB2", METHOD="diverging",
                     CLASSES=classes, UNIT="%-Pkt.", TITLE=f"Veränderung der SGB-II-Quote {classes}")
    renderer = thematic_layers(result["LAYOUT"])[0].renderer()
    ranges = bounds(renderer)
    assert len(ranges) == classes
    assert [(-hi, -lo) for lo, hi in reversed(ranges)] == pytest.approx(ranges)  # mirror images
    edges = [lo for lo, _ in ranges] + [ranges[-1][1]]
    if classes % 2 == 0:
        assert 0.0 in edges  # 0 is a class edge
    else:
        lo, hi = ranges[classes // 2]
        assert lo < 0 < hi and lo == -hi  # a neutral middle class
    values = table["D_SGB2"].tolist()
    assert ranges[0][0] <= min(values) and max(values) <= ranges[-1][1]  # every value in a class
    # colours: equally strong on both sides, blue for falling, red for rising (more need)
    colours = [QColor(r.symbol().color().name()) for r in renderer.ranges()]
    assert colours[0].blue() > colours[0].red() and colours[-1].red() > colours[-1].blue()
    for left, right in zip(colours, reversed(colours)):
        assert abs(left.lightness() - right.lightness()) < 25
    labels = [r.label() for r in renderer.ranges()]
    assert all(" bis " in label and "%-Pkt." in label for label in labels)
    assert any(label.startswith("+") for label in labels) and any(label.startswith("\u2212") for label in labels)


def test_change_map_legend_and_pdf(provider, years_gpkg, tmp_path):
    out = tmp_path / "wandel.pdf"
    result = run_map(provider, years_gpkg, out, FIELD="D_SGB2", METHOD="diverging", CLASSES=6,
                     UNIT="%-Pkt.", TITLE="Veränderung der SGB-II-Quote 2018–2021")
    renderer = thematic_layers(result["LAYOUT"])[0].renderer()
    # Nordstadt −3,9 points, the largest change: three classes of 1,5 on either side of 0
    assert [r.label().split(" (n")[0] for r in renderer.ranges()] == [
        "\u22124,5 bis \u22123,0 %-Pkt.", "\u22123,0 bis \u22121,5 %-Pkt.", "\u22121,5 bis 0 %-Pkt.",
        "0 bis +1,5 %-Pkt.", "+1,5 bis +3,0 %-Pkt.", "+3,0 bis +4,5 %-Pkt."]
    text = pdftext(out)
    assert "Veränderung der SGB-II-Quote 2018–2021" in text
    assert "+1,5 bis +3,0 %-Pkt. (n = 0)" in text and "\u22124,5 bis \u22123,0 %-Pkt. (n = 1)" in text
    assert "symmetrisch um 0" in text
    assert pdf_pages(out) == 1


def test_change_map_of_less_need_turns_the_ramp(provider, years_gpkg, tmp_path):
    """INVERT (higher = less need, e.g. employment): a rise is drawn cool, a fall warm."""
    result = run_map(provider, years_gpkg, tmp_path / "wandel.pdf", FIELD="D_SGB2", METHOD="diverging",
                     CLASSES=4, INVERT=True, TITLE="Veränderung invertiert")
    colours = [QColor(r.symbol().color().name()) for r in thematic_layers(result["LAYOUT"])[0].renderer().ranges()]
    assert colours[0].red() > colours[0].blue() and colours[-1].blue() > colours[-1].red()


# --- pooled breaks -----------------------------------------------------------------------------------

@pytest.mark.parametrize("method", ["jenks", "quantile", "equal", "pretty"])
def test_pooled_breaks_are_the_same_for_every_year(provider, years_gpkg, table, tmp_path, method):
    result = run_map(provider, years_gpkg, tmp_path / "jahre.pdf", FIELD=SHARES[0], SERIES_FIELDS=SHARES[1:],
                     METHOD=method, CLASSES=4, POOLED=True, UNIT="%", TITLE=f"SGB-II-Quote gepoolt {method}")
    layers = thematic_layers(result["LAYOUT"])
    assert len(layers) == 4 and result["PAGES"] == 4  # one page per year, one classification
    first = bounds(layers[0].renderer())
    for layer in layers[1:]:
        assert bounds(layer.renderer()) == first
    pooled = [v for column in SHARES for v in table[column]]
    edges = [first[0][0]] + [hi for _, hi in first]
    assert edges == pytest.approx(registry_bounds(method, pooled, 4))
    # not what one year alone gives: the pool decides
    assert any(edges != pytest.approx(registry_bounds(method, table[c].tolist(), 4)) for c in SHARES)
    # each year's legend counts its own areas
    for layer, column in zip(layers, SHARES):
        counts = [int(re.search(r"n\s*=\s*(\d+)", r.label()).group(1)) for r in layer.renderer().ranges()]
        assert sum(counts) == len(table[column])


# --- small multiples ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def multiples(provider, years_gpkg, tmp_path_factory):
    out = tmp_path_factory.mktemp("multiples") / "sgb2_jahre.pdf"
    result = run_map(provider, years_gpkg, out, FIELD=SHARES[0], SERIES_FIELDS=SHARES[1:], METHOD="jenks",
                     CLASSES=4, SMALL_MULTIPLES=True, UNIT="%", TITLE="SGB-II-Quote 2018 bis 2021",
                     LEGEND_TITLE="SGB-II-Quote (unter 65)")
    layout = QgsProject.instance().layoutManager().layoutByName(result["LAYOUT"])
    return out, result, layout


def test_small_multiples_page_has_one_map_per_year(multiples):
    out, result, layout = multiples
    assert result["PAGES"] == 1 and pdf_pages(out) == 1
    maps = [i for i in layout.items() if isinstance(i, QgsLayoutItemMap)]
    legends = [i for i in layout.items() if isinstance(i, QgsLayoutItemLegend)]
    captions = sorted(i.text() for i in layout.items() if isinstance(i, QgsLayoutItemLabel)
                      and i.id().startswith("caption_"))
    assert len(maps) == 4 and len(legends) == 1
    assert captions == [str(y) for y in YEARS]
    # each map locks its own year's layer, all with the same classes and the same scale
    renderers = [next(layer.renderer() for layer in m.layers() if isinstance(layer.renderer(),
                                                                             QgsGraduatedSymbolRenderer))
                 for m in maps]
    assert len({layer.id() for m in maps for layer in m.layers()}) >= 4
    assert all(m.keepLayerSet() for m in maps)
    assert len({tuple(bounds(r)) for r in renderers}) == 1
    assert len({round(m.scale()) for m in maps}) == 1
    assert {r.classAttribute().strip('"') for r in renderers} == set(SHARES)
    # the grid: 2 × 2 for four maps of Flensburg on an A4 page
    rows = {round(m.pos().y()) for m in maps}
    cols = {round(m.pos().x()) for m in maps}
    assert len(rows) * len(cols) >= 4


def test_small_multiples_pdf_text(multiples):
    out, _result, _layout = multiples
    text = pdftext(out)
    for year in YEARS:
        assert str(year) in text
    assert "SGB-II-Quote 2018 bis 2021" in text and "SGB-II-Quote (unter 65)" in text
    assert "Stadt Flensburg, Sozialatlas 2022" in text and "Stand:" in text
    assert "dieselben Klassen für 2018–2021" in text
    assert re.search(r"\d+,\d – \d+,\d %", text)  # the shared legend's classes
    assert "(n = " not in text  # one legend for four years: no single year's counts


def test_small_multiples_png_is_coloured(multiples, tmp_path):
    out, _result, _layout = multiples
    stem = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-singlefile", str(out), str(stem)], check=True)
    from qgis.PyQt.QtGui import QImage

    image = QImage(str(stem) + ".png")
    coloured = sum(1 for y in range(0, image.height(), 3) for x in range(0, image.width(), 3)
                   if (lambda c: max(c.red(), c.green(), c.blue()) - min(c.red(), c.green(), c.blue()))(
                       image.pixelColor(x, y)) > 40)
    assert coloured > 300


def test_small_multiples_portrait_puts_the_legend_under_the_grid(provider, years_gpkg, tmp_path):
    out = tmp_path / "hoch.pdf"
    result = run_map(provider, years_gpkg, out, FIELD=SHARES[1], SERIES_FIELDS=SHARES[2:], METHOD="quantile",
                     CLASSES=3, SMALL_MULTIPLES=True, ORIENTATION="portrait", PAGE_SIZE="A3", UNIT="%",
                     TITLE="SGB-II-Quote hochkant")
    layout = QgsProject.instance().layoutManager().layoutByName(result["LAYOUT"])
    maps = [i for i in layout.items() if isinstance(i, QgsLayoutItemMap)]
    legend = next(i for i in layout.items() if isinstance(i, QgsLayoutItemLegend))
    assert len(maps) == 3 and pdf_pages(out) == 1
    assert legend.pos().y() > max(m.pos().y() + m.rect().height() for m in maps)  # in the band below
    size = layout.pageCollection().page(0).pageSize()
    assert (round(size.width()), round(size.height())) == (297, 420)
    text = " ".join(pdftext(out).split())
    assert "2019" in text and "2021" in text and "dieselben Klassen für 2019–2021" in text


# --- the publication rule on every year --------------------------------------------------------------

def test_rule_hides_small_counts_on_every_year_and_out_of_the_pool(provider, years_gpkg, table, tmp_path):
    """Each year's share is hidden where that year's count is below the threshold (500 here:
    Altstadt 2021 with 475, and others); the hidden values stay out of the pooled breaks."""
    out = tmp_path / "regel.pdf"
    result = run_map(provider, years_gpkg, out, FIELD=SHARES[0], SERIES_FIELDS=SHARES[1:], METHOD="equal",
                     CLASSES=4, SMALL_MULTIPLES=True, UNIT="%", TITLE="SGB-II-Quote Regel",
                     NUMERATOR_FIELD=COUNTS[0], SUPPRESS_BELOW=500)
    small = {share: set(table.index[(table[count] > 0) & (table[count] < 500)])
             for share, count in zip(SHARES, COUNTS)}
    assert any(small.values()) and len({frozenset(v) for v in small.values()}) > 1  # differs by year
    layers = thematic_layers(result["LAYOUT"])
    hidden = {}
    for layer, share in zip(layers, SHARES):  # the layers the maps draw: hidden cells are NULL
        values = {int(f["AREA_ID"][-2:]): f[share] for f in layer.getFeatures()}
        hidden[share] = {key for key, value in values.items() if value is None or value != value}
        assert small[share] <= hidden[share]  # every small count's share, and what protects it
        for key, value in values.items():
            if key not in hidden[share]:
                assert value == pytest.approx(table.loc[key, share])
    shown = [v for share in SHARES for key, v in table[share].items() if key not in hidden[share]]
    assert len(shown) < 4 * len(table)
    edges = [bounds(layers[0].renderer())[0][0]] + [hi for _, hi in bounds(layers[0].renderer())]
    assert edges == pytest.approx(registry_bounds("equal", shown, 4))
    assert edges != pytest.approx(registry_bounds("equal", [v for s in SHARES for v in table[s]], 4))
    assert all(bounds(layer.renderer()) == bounds(layers[0].renderer()) for layer in layers)
    text = pdftext(out)
    assert "nicht ausgewiesen" in text and "unter 500" in text  # the legend and the note name it
