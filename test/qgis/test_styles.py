"""Classification and symbology for thematic maps, on the shared Berlin data and small layers."""
from __future__ import annotations

import os
import sqlite3

import numpy as np
import pandas as pd
import pytest
from qgis.core import (
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsClassificationCustom,
    QgsClassificationEqualInterval,
    QgsClassificationJenks,
    QgsClassificationMethod,
    QgsClassificationPrettyBreaks,
    QgsClassificationQuantile,
    QgsClassificationStandardDeviation,
    QgsExpression,
    QgsExpressionContext,
    QgsFeature,
    QgsGeometry,
    QgsGraduatedSymbolRenderer,
    QgsRuleBasedRenderer,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor

from sozialraum_plugin.core.needs.index import classify_status
from sozialraum_plugin.gis import classify as cl
from sozialraum_plugin.gis import styles as st
from sozialraum_plugin.gis.categories import categorize
from sozialraum_plugin.toolbelt.messages import user_message

QGIS_CLASSES = {"jenks": QgsClassificationJenks, "quantile": QgsClassificationQuantile,
                "equal": QgsClassificationEqualInterval, "pretty": QgsClassificationPrettyBreaks}


@pytest.fixture(scope="module")
def berlin(sample_dir):
    """The MSS 2021 index indicators (−9999 = not published) with the published classes."""
    folder = sample_dir / "berlin"
    values = pd.read_csv(folder / "mss_2021_index_indikatoren.csv", dtype={"PLR_ID": str})
    classes = pd.read_csv(folder / "mss_2021_indizes.csv", dtype={"PLR_ID": str})
    frame = values.replace(-9999, np.nan).merge(classes[["PLR_ID", "SI_V", "DI_V", "SDI", "SDI_V"]],
                                                         on="PLR_ID")
    frame["valid"] = frame["KOM"] == "gültig"
    return frame


def polygon_layer(rows: dict[str, list], types: dict[str, str]) -> QgsVectorLayer:
    """A memory layer of unit squares with the given columns (None = NULL)."""
    spec = "&".join(f"field={name}:{types[name]}" for name in rows)
    layer = QgsVectorLayer(f"Polygon?crs=EPSG:25833&{spec}", "test", "memory")
    n = len(next(iter(rows.values())))
    features = []
    for i in range(n):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(f"POLYGON(({i} 0,{i + 1} 0,{i + 1} 1,{i} 1,{i} 0))"))
        feature.setAttributes([rows[name][i] for name in rows])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def plain(label: str) -> str:
    """Counts are written '(n = 23)' with no-break spaces (a wrapped legend keeps them together)."""
    return label.replace("\u00a0", " ")


def valid_s1(berlin) -> list[float]:
    return [float(v) for v in berlin.loc[berlin["valid"], "S1"]]


# --- breaks ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("method", ["jenks", "quantile", "equal", "pretty"])
def test_breaks_are_those_of_qgis_methods(qgis_app, berlin, method):
    values = valid_s1(berlin)
    ours = cl.classify(values, method, 5, unit="%")
    theirs = QGIS_CLASSES[method]().classes(values, 5)
    assert ours.ranges == [(r.lowerBound(), r.upperBound()) for r in theirs]
    assert sum(ours.counts) == len(values) == 536
    assert all(label.endswith(" %") and "," in label and " \u2013 " in label for label in ours.labels)


def test_stddev_is_centred_on_the_mean_and_qgis_collapses_skewed_data(qgis_app, berlin):
    values = valid_s1(berlin)
    theirs = QgsClassificationStandardDeviation().classes(values, 5)
    assert len(theirs) < 3  # QGIS 3.22 filters its breaks symmetrically: why 'stddev' is ours
    ours = cl.classify(values, "stddev", 5)
    mean, sd = np.mean(values), np.std(values, ddof=1)
    inner = [hi for _, hi in ours.ranges[:-1]]
    assert inner == pytest.approx([mean + k * sd for k in (-1.5, -0.5, 0.5, 1.5)])
    assert "Mittelwert 4,97" in ours.note and "SD 2,95" in ours.note


def test_sd_multiples_and_fixed_interval(qgis_app, berlin):
    values = valid_s1(berlin)
    mean, sd = np.mean(values), np.std(values, ddof=1)
    multiples = cl.parse_multiples("-1; 0; 1,5")
    assert multiples == [-1.0, 0.0, 1.5] == cl.parse_multiples("-1, 0, 1.5")
    result = cl.classify(values, "sdmultiples", 5, multiples=multiples)
    assert [hi for _, hi in result.ranges[:-1]] == pytest.approx([mean - sd, mean, mean + 1.5 * sd])
    fixed = cl.classify(values, "fixed", interval=2.5, unit="%")
    assert fixed.ranges[0] == (0.0, 2.5) and fixed.ranges[-1][1] >= max(values)
    assert fixed.labels[1] == "2,5 \u2013 5,0 %"
    assert "feste Intervallbreite 2,5 %" in fixed.note
    with pytest.raises(cl.MapError) as error:
        cl.classify(values, "fixed", interval=0)
    assert error.value.code == "map_interval_invalid"
    with pytest.raises(cl.MapError):
        cl.parse_multiples("eins, zwei")


def test_mss_method_matches_the_need_index_classes(qgis_app):
    """Same thresholds and edge rules as core.needs.index (≤ −1 | ≤ +1 | < +1,5 | ≥ +1,5)."""
    index = [-2.0, -1.0, -0.99, 0.0, 1.0, 1.0001, 1.4999, 1.5, 2.7]
    result = cl.classify(index, "mss")
    expected = classify_status(pd.Series(index))["class"].tolist()
    got = []
    for v in index:
        position = next(i for i, (lo, hi) in enumerate(result.ranges) if lo <= v <= hi)
        got.append(result.labels[position].split(":")[0])
    assert got == expected
    assert [label.split(":")[0] for label in result.labels] == ["hoch", "mittel", "niedrig", "sehr niedrig"]
    assert result.counts == [2, 3, 2, 2]


def test_classification_methods_cannot_be_registered_from_python(qgis_app):
    """Documents why MSS & co. are not in QGIS's registry (see gis/classify.py)."""
    with pytest.raises(TypeError):
        type("Probe", (QgsClassificationMethod,), {})()
    ids = QgsApplication.classificationMethodRegistry().methodNames().values()
    assert "Jenks" in ids


# --- guards ---------------------------------------------------------------------------------------

def test_two_distinct_values_give_one_class_each(qgis_app):
    layer = polygon_layer({"v": [2.0, 1.0, 2.0, 1.0, 2.0]}, {"v": "double"})
    style = st.thematic_style(layer, "v", "jenks", 5)
    assert [(r.lowerValue(), r.upperValue()) for r in style.renderer.ranges()] == [(1.0, 1.0), (2.0, 2.0)]
    assert [plain(r.label()) for r in style.renderer.ranges()] == ["1 (n = 2)", "2 (n = 3)"]
    assert style.classes.per_value and "je Wert eine Klasse (2 verschiedene Werte)" in style.note
    assert isinstance(style.renderer.classificationMethod(), QgsClassificationCustom)


def test_all_missing_gives_a_clear_message(qgis_app):
    layer = polygon_layer({"v": [None, None, None]}, {"v": "double"})
    with pytest.raises(cl.MapError) as error:
        st.thematic_style(layer, "v", "quantile", 5)
    assert error.value.code == "all_missing"
    assert user_message(error.value) == "The indicator v has no value in any area."


def test_one_district_gives_one_class(qgis_app):
    layer = polygon_layer({"v": [12.5]}, {"v": "double"})
    style = st.thematic_style(layer, "v", "jenks", 5, unit="%")
    assert [plain(r.label()) for r in style.renderer.ranges()] == ["12,5 % (n = 1)"]


def test_text_field_cannot_be_graduated(qgis_app):
    layer = polygon_layer({"v": ["viel", "wenig"]}, {"v": "string"})
    with pytest.raises(cl.MapError) as error:
        st.thematic_style(layer, "v", "jenks", 5)
    assert error.value.code == "field_not_numeric"


# --- German labels --------------------------------------------------------------------------------

def test_german_number_format():
    assert cl.german_number(1234.5, 1) == "1.234,5"
    assert cl.german_number(-1.0, 1) == "\u22121,0"
    assert cl.german_number(-0.01, 1) == "0,0"  # no 'minus zero'
    assert cl.german_count(12345) == "12.345"
    result = cl.classify([12.5, 18.0, 25.0], "equal", 2, unit="%")
    assert result.labels == ["12,5 \u2013 18,8 %", "18,8 \u2013 25,0 %"]
    big = cl.classify([1000.0, 2500.0, 4000.0], "equal", 2)
    assert big.labels == ["1.000 \u2013 2.500", "2.500 \u2013 4.000"]
    assert cl.Classification("x", [(0, 1)], ["a"], [1234], "").legend_labels() == ["a (n\u00a0=\u00a01.234)"]


# --- colours --------------------------------------------------------------------------------------

def lightness(colour: str) -> float:
    """CIE L* (0–1): what a greyscale print keeps of a colour."""
    def linear(c):
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(x) for x in QColor(colour).getRgbF()[:3])
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return (116 * y ** (1 / 3) - 16) / 100 if y > 0.008856 else 9.033 * y


@pytest.mark.parametrize("ramp", list(st.SEQUENTIAL))
def test_sequential_ramps_stay_ordered_in_greyscale(qgis_app, ramp):
    for n in range(3, 10):
        levels = [lightness(c) for c in st.ramp_colours(ramp, n)]
        assert all(a - b > 0.02 for a, b in zip(levels, levels[1:])), (ramp, n, levels)
        assert levels[0] < 0.985  # no near-white class: it would read as 'no data'


def test_diverging_classes_are_centred_on_the_mean(qgis_app, berlin):
    values = [float(v) for v in berlin.loc[berlin["valid"], "S4"]]  # skewed: 4 of 5 classes remain
    result = cl.classify(values, "stddev", 5)
    colours = st.centred_colours("RdBu", result.ranges, result.stats["mean"])
    assert len(result.ranges) == 4
    assert colours[1] == st.ramp_colours("RdBu", 5)[2]  # the class holding the mean is neutral
    assert lightness(colours[0]) > lightness(colours[3])  # −1 step is lighter than +2 steps
    at_break = st.centred_colours("RdBu", [(0, 1), (1, 2), (2, 3)], 1.0)
    assert at_break == [st.ramp_colours("RdBu", 5)[i] for i in (1, 3, 4)]


@pytest.mark.parametrize("ramp", list(st.DIVERGING))
def test_diverging_ramps_have_a_light_centre_and_warm_high_end(qgis_app, ramp):
    colours = st.ramp_colours(ramp, 5)
    levels = [lightness(c) for c in colours]
    assert levels[2] == max(levels)
    high, low = QColor(colours[-1]), QColor(colours[0])
    assert high.red() > high.blue() and low.blue() > low.red()  # cool → warm
    assert st.ramp_colours(ramp, 5, invert=True) == colours[::-1]


def test_categories_keep_a_meaningful_order_and_colour(qgis_app, berlin):
    rows = {"SI_V": list(berlin["SI_V"]), "valid": list(berlin["valid"])}
    status = st.thematic_style(polygon_layer(rows, {"SI_V": "string", "valid": "boolean"}),
                               "SI_V", "categorized", valid_field="valid")
    assert status.n_excluded == 6  # 'Planungsraum ohne Zuordnung' is hatched, not a class
    cats = status.renderer.categories()
    assert [c.value() for c in cats] == ["hoch", "mittel", "niedrig", "sehr niedrig"]
    levels = [lightness(c.symbol().color().name()) for c in cats]
    assert levels == sorted(levels, reverse=True)  # lower status = more need = darker
    for column in ("SDI", "SDI_V"):  # '2+/-' and 'Status mittel , Dynamik stabil'
        groups = categorize(list(berlin.loc[berlin["valid"], column]), column)
        assert groups.kind == "group" and len(groups.values) == 12  # all 12 occur in 2021
        assert groups.labels[:2] == ["Status hoch, Dynamik positiv", "Status hoch, Dynamik stabil"]
        assert groups.counts[:2] == [1, 73]
    clusters = st.thematic_style(polygon_layer({"cluster": [3, 1, 2, 2, 4]}, {"cluster": "integer"}),
                                 "cluster", "categorized")
    cats = clusters.renderer.categories()
    assert [c.value() for c in cats] == [1, 2, 3, 4]
    assert cats[0].label().startswith("Cluster 1 (höchster Bedarf)")
    levels = [lightness(c.symbol().color().name()) for c in cats]
    assert levels == sorted(levels)  # cluster 1 darkest
    codes = categorize([45, 11, 23], "group_code")
    assert codes.labels == ["Status hoch, Dynamik positiv", "Status mittel, Dynamik stabil",
                            "Status sehr niedrig, Dynamik negativ"]
    colours = st.category_colours(codes, "OrRd")
    assert len(set(colours)) == 3


def test_too_many_categories(qgis_app, berlin):
    with pytest.raises(cl.MapError) as error:
        categorize(list(berlin["PLR_NAME"]), "PLR_NAME")
    assert error.value.code == "map_too_many_categories"


# --- excluded areas, labels, saved styles ----------------------------------------------------------

def test_excluded_and_missing_areas_are_hatched_not_classified(qgis_app):
    layer = polygon_layer({"v": [1.0, 2.0, 3.0, None, 50.0], "valid": [True, True, True, True, False]},
                          {"v": "double", "valid": "boolean"})
    style = st.thematic_style(layer, "v", "equal", 2, valid_field="valid")
    assert isinstance(style.renderer, QgsGraduatedSymbolRenderer)
    assert style.renderer.ranges()[-1].upperValue() == 3.0  # 50 (excluded) is not classified
    assert (style.n_excluded, style.n_missing) == (1, 1)
    categories = style.nodata.categories()  # keep the copies alive while their symbols are used
    assert [plain(c.label()) for c in categories] == [
        "keine Bewertung (unter 300 EW / ausgeschlossen) (n = 1)", "keine Daten (n = 1)"]
    hatch = categories[0].symbol()
    assert hatch.symbolLayerCount() == 2 and hatch.symbolLayer(1).layerType() == "LinePatternFill"
    context = QgsExpressionContext()
    nodata = QgsExpression(style.nodata.classAttribute())
    value = QgsExpression(style.renderer.classAttribute())
    seen = []
    for feature in layer.getFeatures():
        context.setFeature(feature)
        seen.append((nodata.evaluate(context), value.evaluate(context)))
    assert seen == [(None, 1.0), (None, 2.0), (None, 3.0), ("missing", None), ("excluded", None)]


def test_saved_rules_keep_exact_bounds_and_first_match(qgis_app):
    """The rule-based copy stored in the GeoPackage classifies every value like the renderer."""
    values = [-1.4509283741, -1.0, 0.3, 1.0, 1.2, 1.5, 2.2, None]
    layer = polygon_layer({"v": values, "valid": [True] * 7 + [False]}, {"v": "double", "valid": "boolean"})
    style = st.thematic_style(layer, "v", "mss", valid_field="valid")
    saved = st.combined_renderer(style.renderer, style.nodata, layer)  # owns the rules below
    rules = saved.rootRule().children()
    context = QgsExpressionContext()
    seen = []
    for feature in layer.getFeatures():
        context.setFeature(feature)
        hits = [r.label().split(":")[0].split(" (")[0] for r in rules
                if QgsExpression(r.filterExpression()).evaluate(context)]
        seen.append(hits)
    assert seen == [["hoch"], ["hoch"], ["mittel"], ["mittel"], ["niedrig"], ["sehr niedrig"],
                    ["sehr niedrig"], ["keine Bewertung"]]
    guarded = st.thematic_style(polygon_layer({"v": [1.0, 2.0, 2.0]}, {"v": "double"}), "v", "jenks")
    rules_renderer = st.range_rules(guarded.renderer)
    per_value = rules_renderer.rootRule().children()
    assert [r.filterExpression() for r in per_value] == ['("v") = 1.0', '("v") = 2.0']


def test_district_labels(qgis_app):
    layer = polygon_layer({"name": ["Altstadt", "Neustadt"]}, {"name": "string"})
    st.apply_labels(layer, "name", 7)
    assert layer.labelsEnabled()
    settings = layer.labeling().settings()
    assert settings.fieldName == "name" and settings.format().size() == 7
    assert settings.format().buffer().enabled()


def test_style_is_saved_only_into_geopackages(qgis_app, tmp_path, sample_dir):
    shp = sample_dir / "flensburg" / "Stadtteile.shp"
    source = QgsVectorLayer(str(shp), "stadtteile", "ogr")
    before = sorted(os.listdir(shp.parent))
    style = st.thematic_style(source, "AREA_NAME", "categorized")
    assert st.save_style_to_gpkg(source, "x", style.renderer) != ""
    assert sorted(os.listdir(shp.parent)) == before  # no .qml, no sidecar

    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName = "GPKG", "stadtteile"
    path = str(tmp_path / "flensburg.gpkg")
    QgsVectorFileWriter.writeAsVectorFormatV3(source, path, source.transformContext(), options)
    layer = QgsVectorLayer(f"{path}|layername=stadtteile", "stadtteile", "ogr")
    assert st.is_gpkg_layer(layer)
    nodata = st.nodata_renderer("AREA_NAME", None, 0, 2)
    combined = st.combined_renderer(style.renderer, nodata, layer)
    assert isinstance(combined, QgsRuleBasedRenderer)
    for _ in range(2):  # saving again replaces the style of that name
        assert st.save_style_to_gpkg(layer, "Sozialraum \u2013 AREA_NAME", combined) == ""
    with sqlite3.connect(path) as db:
        rows = db.execute("SELECT styleName, useAsDefault FROM layer_styles").fetchall()
    assert rows == [("Sozialraum \u2013 AREA_NAME", 1)]
    reopened = QgsVectorLayer(f"{path}|layername=stadtteile", "again", "ogr")
    assert isinstance(reopened.renderer(), QgsRuleBasedRenderer)
    assert isinstance(style.renderer, QgsCategorizedSymbolRenderer)
