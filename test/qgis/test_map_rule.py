"""The standalone thematic map goes through the publication rule (issue 13, item 1).

Real data: Flensburg's births per Stadtteil 2020 (tab_2) with an office's own threshold of 45, so
that real counts fall below it (41 in Altstadt; 46 in Südstadt is its complementary cell: the city
total would give 41 back). Checked in the exported PDF (pdftotext: no hidden value as a label or a
class bound, the legend says "nicht ausgewiesen" with the threshold used) and in the renderers.
"""
from __future__ import annotations

import re

import pandas as pd
import pytest
from qgis.core import QgsCategorizedSymbolRenderer, QgsGraduatedSymbolRenderer, QgsProject
from qgis.PyQt.QtCore import QVariant
from test_map_layout import joined_memory_layer, pdftext, run_map

from sozialraum_plugin.gis import field_types

HIDDEN = {41, 46}  # Altstadt (below 45) and Südstadt (its complementary cell)


@pytest.fixture()
def births(sample_dir, qgis_app):
    """Flensburg's 13 Stadtteile with births 2020 (count), the birth rate 2020, and the name."""
    folder = sample_dir / "flensburg"
    table = pd.read_csv(folder / "tab_2_anzahl_geburten_und_geburtenquoten.csv", dtype=str)
    keys = table["id"].astype(int)
    columns = {
        "geburten": (field_types.INT, dict(zip(keys, table["Anzahl_2020"].astype(int)))),
        "quote": (field_types.DOUBLE, dict(zip(keys, table["Quote_2020"].astype(float)))),
        "name": (field_types.STRING, dict(zip(keys, table["stadtteil"]))),
    }
    return joined_memory_layer(folder / "Stadtteile.shp", lambda f: int(f["AREA_ID"][-2:]), columns)


def _layers(layout_name: str):
    """The thematic layer (graduated) and the hatched overlay (categorized) of a composed map."""
    group = QgsProject.instance().layerTreeRoot().findGroup(layout_name)
    layers = [node.layer() for node in group.findLayers()]
    thematic = next(la for la in layers if isinstance(la.renderer(), QgsGraduatedSymbolRenderer))
    overlay = next((la for la in layers if isinstance(la.renderer(), QgsCategorizedSymbolRenderer)), None)
    return thematic, overlay


def _null(value) -> bool:
    return value is None or (isinstance(value, QVariant) and value.isNull())


def _numbers(text: str) -> set:
    return {int(n) for n in re.findall(r"(?<![\d,.])\d+(?![\d,.])", text)}


def test_counts_below_the_threshold_are_not_shown(provider, births, tmp_path):
    out = tmp_path / "geburten.pdf"
    result = run_map({"INPUT": births, "FIELD": "geburten", "METHOD": "jenks", "CLASSES": 4,
                      "FIELD_IS_COUNT": True, "SUPPRESS_BELOW": 45, "LABELS": True, "LABEL_FIELD": "geburten",
                      "TITLE": "Geburten 2020", "SOURCE_TEXT": "Stadt Flensburg", "OUTPUT": str(out)})
    thematic, overlay = _layers(result["LAYOUT"])
    values = [f["geburten"] for f in thematic.getFeatures()]
    assert not HIDDEN & {v for v in values if not _null(v)}  # no label can print them
    ranges = thematic.renderer().ranges()
    assert ranges[0].lowerValue() >= 49  # Tarup's 49 is the smallest shown count
    assert sum(int(re.search(r"n\u00a0=\u00a0(\d+)", r.label()).group(1)) for r in ranges) == 11
    labels = {c.value(): c.label() for c in overlay.renderer().categories()}
    assert labels == {"hidden": "nicht ausgewiesen (n\u00a0=\u00a02)"}
    text = pdftext(out)
    assert "nicht ausgewiesen (n = 2)" in text and "keine Daten" not in text
    assert "unter 45" in text  # the threshold actually used
    assert not HIDDEN & _numbers(text), text
    assert {49, 55, 145} <= _numbers(text)  # shown counts are labelled


def test_rate_with_a_small_numerator_is_hidden(provider, births, tmp_path):
    out = tmp_path / "quote.pdf"
    result = run_map({"INPUT": births, "FIELD": "quote", "METHOD": "equal", "CLASSES": 3,
                      "NUMERATOR_FIELD": "geburten", "SUPPRESS_BELOW": 45, "TITLE": "Geburtenquote",
                      "SOURCE_TEXT": "Stadt Flensburg", "OUTPUT": str(out)})
    thematic, overlay = _layers(result["LAYOUT"])
    hidden = {f["name"] for f in thematic.getFeatures() if _null(f["quote"])}
    assert hidden == {"Altstadt", "Südstadt"}
    assert thematic.renderer().ranges()[0].lowerValue() == 37
    assert {c.value() for c in overlay.renderer().categories()} == {"hidden"}
    assert "nicht ausgewiesen (n = 2)" in pdftext(out)


def test_hidden_is_told_apart_from_missing(provider, births, tmp_path):
    """A published layer: the rule's cells are NULL and listed in suppressed_fields ('nicht
    ausgewiesen'); a NULL nobody hid is 'keine Daten'."""
    from qgis.core import QgsField

    births.dataProvider().addAttributes([QgsField("suppressed_fields", field_types.STRING)])
    births.updateFields()
    index, marker = births.fields().indexFromName("geburten"), births.fields().indexFromName("suppressed_fields")
    changes = {}
    for f in births.getFeatures():
        if f["name"] == "Altstadt":
            changes[f.id()] = {index: None, marker: "geburten"}
        elif f["name"] == "Tarup":
            changes[f.id()] = {index: None}
    births.dataProvider().changeAttributeValues(changes)
    out = tmp_path / "published.pdf"
    result = run_map({"INPUT": births, "FIELD": "geburten", "METHOD": "quantile", "CLASSES": 3,
                      "FIELD_IS_COUNT": True, "SUPPRESS_BELOW": 5, "TITLE": "Geburten veröffentlicht",
                      "SOURCE_TEXT": "Stadt Flensburg", "OUTPUT": str(out)})
    _thematic, overlay = _layers(result["LAYOUT"])
    labels = sorted(c.label() for c in overlay.renderer().categories())
    assert labels == ["keine Daten (n\u00a0=\u00a01)", "nicht ausgewiesen (n\u00a0=\u00a01)"]
    text = pdftext(out)
    assert "nicht ausgewiesen (n = 1)" in text and "keine Daten (n = 1)" in text and "unter 5" in text


def test_counts_all_above_the_threshold_leave_the_map_unchanged(provider, births, tmp_path):
    plain = run_map({"INPUT": births, "FIELD": "geburten", "METHOD": "jenks", "CLASSES": 4, "LABELS": True,
                     "LABEL_FIELD": "name", "TITLE": "Geburten", "SOURCE_TEXT": "Stadt Flensburg",
                     "OUTPUT": str(tmp_path / "plain.pdf")})
    before = [(r.lowerValue(), r.upperValue(), r.label()) for r in _layers(plain["LAYOUT"])[0].renderer().ranges()]
    counted = run_map({"INPUT": births, "FIELD": "geburten", "METHOD": "jenks", "CLASSES": 4, "LABELS": True,
                       "LABEL_FIELD": "name", "TITLE": "Geburten", "SOURCE_TEXT": "Stadt Flensburg",
                       "FIELD_IS_COUNT": True, "OUTPUT": str(tmp_path / "counted.pdf")})
    thematic, overlay = _layers(counted["LAYOUT"])
    assert [(r.lowerValue(), r.upperValue(), r.label()) for r in thematic.renderer().ranges()] == before
    assert overlay is None
    assert "nicht ausgewiesen" not in pdftext(tmp_path / "counted.pdf")


def test_undeclared_small_whole_numbers_are_named(provider, births, tmp_path):
    """The rule does not guess: a field of whole numbers below the threshold that is not declared a
    count is mapped as it is, with a warning that names it."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    class Collect(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.warnings = []

        def pushWarning(self, text):  # noqa: N802
            self.warnings.append(text)

    feedback = Collect()
    processing.run("sozialraum:thematicmap", {
        "INPUT": births, "FIELD": "geburten", "METHOD": "jenks", "CLASSES": 4, "SUPPRESS_BELOW": 45,
        "TITLE": "Geburten nicht deklariert", "SOURCE_TEXT": "Stadt Flensburg",
        "OUTPUT": str(tmp_path / "undeclared.pdf")}, context=QgsProcessingContext(), feedback=feedback)
    assert any("geburten" in w and "1 of them" in w and "FIELD_IS_COUNT" in w for w in feedback.warnings), \
        feedback.warnings
