"""Review of sozialraum:aggregate through the provider (issue 15 part 5): counts in text fields,
invalid district polygons in the dissolve."""
from __future__ import annotations

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsProcessingFeedback, QgsVectorLayer


class Feedback(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.warnings = []

    def pushWarning(self, text):  # noqa: N802
        self.warnings.append(text)


def _layer(fields, rows):
    spec = "&".join(f"field={name}:{kind}" for name, kind in fields)
    layer = QgsVectorLayer(f"Polygon?crs=EPSG:25833&{spec}", "districts", "memory")
    features = []
    for wkt, values in rows:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes(values)
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def _square(x):
    return f"POLYGON(({x} 0,{x + 1} 0,{x + 1} 1,{x} 1,{x} 0))"


def _run(layer, tmp_path, feedback=None, **params):
    import processing

    params = {"INPUT": layer, "KEY_FIELD": "k", "PARENT_FIELD": "p", "SUPPRESS_BELOW": 0, "LANGUAGE": "en",
              "OUTPUT": str(tmp_path / "parents.gpkg"), **params}
    result = processing.run("sozialraum:aggregate", params, feedback=feedback)
    out = QgsVectorLayer(result["OUTPUT"], "parents", "ogr")
    assert out.isValid()
    return {f["p"]: f for f in out.getFeatures()}


def test_text_counts_as_offices_write_them_and_real_fields_as_numbers(provider, tmp_path):
    layer = _layer([("k", "string"), ("p", "string"), ("n", "string"), ("area", "double")],
                   [(_square(0), ["a", "P", "1.234", 2.125]), (_square(1), ["b", "P", "2.000", 4.375]),
                    (_square(2), ["c", "Q", "–", 1.0]), (_square(3), ["d", "Q", "7", 2.0])])
    parents = _run(layer, tmp_path, COUNT_FIELDS=["n", "area"], MISSING_AS_ZERO=True)
    assert parents["P"]["n"] == 3234 and parents["Q"]["n"] == 7  # not 3.234; '–' as zero, not refused
    assert parents["P"]["area"] == pytest.approx(6.5)  # a real field's 2.125 stays 2.125


def test_an_invalid_district_polygon_is_repaired_not_dropped(provider, tmp_path):
    """A self-intersecting district (a 'bow tie', as digitised boundaries have them) made GEOS's
    union of its parent fail: the parent was written as MultiPolygon EMPTY, without a word."""
    bow_tie = "POLYGON((0 0,2 2,2 0,0 2,0 0))"  # two triangles of area 1 each
    two_parts = "MULTIPOLYGON(((5 0,6 0,6 1,5 1,5 0)),((8 0,9 0,9 1,8 1,8 0)))"
    layer = _layer([("k", "string"), ("p", "string"), ("n", "integer")],
                   [(bow_tie, ["a", "P", 10]), (_square(2), ["b", "P", 20]), (two_parts, ["c", "Q", 5])])
    feedback = Feedback()
    parents = _run(layer, tmp_path, feedback, COUNT_FIELDS=["n"])
    assert "1 districts had an invalid polygon, repaired before the union: a" in feedback.warnings
    p, q = parents["P"].geometry(), parents["Q"].geometry()
    assert not p.isEmpty() and p.isGeosValid() and p.area() == pytest.approx(3.0)
    assert q.isGeosValid() and q.area() == pytest.approx(2.0) and q.constGet().numGeometries() == 2


def test_a_report_on_a_parent_level_names_the_shares_it_cannot_sum(provider, tmp_path):
    """Berlin's MSS indicators are shares without their counts: no sum or mean of them is the
    parent's share. The run stopped inside the index step, naming a temporary file
    ('The field S1 (STATUS_FIELDS) does not exist in /tmp/…/level.gpkg')."""
    import json
    import shutil
    from pathlib import Path

    import processing
    from qgis.core import QgsProcessingException

    berlin = Path(__file__).resolve().parents[2] / "resources" / "sample" / "berlin"
    folder = tmp_path / "berlin"
    shutil.copytree(berlin, folder)
    definition = json.loads((berlin / "sozialbericht_berlin_2021.json").read_text(encoding="utf-8"))
    definition["level"] = {"lookup": "lor_2021_hierarchie.csv", "key": "Planungsraum (Nummer)",
                           "parent": "Bezirksregion (Nummer)", "missing_as_zero": True}
    path = folder / "bezirksregionen.json"
    path.write_text(json.dumps(definition, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(QgsProcessingException) as error:
        processing.run("sozialraum:report", {"DEFINITION": str(path), "OUTPUT_FOLDER": str(tmp_path / "out"),
                                             "LANGUAGE": "en"})
    text = str(error.value)
    assert "Bezirksregion (Nummer)" in text and "S1, S3, S4, D1" in text and "KI_10" in text, text
    assert "unter6" not in text and "/tmp" not in text, text
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())  # refused before writing


def test_parents_do_not_give_a_count_back_through_the_valid_areas_total(provider, tmp_path):
    """With POPULATION_FIELD the districts' rule treats Σ over the valid areas (≥ MIN_POPULATION) as
    published (the pages print the city value over them). B holds a secret count (b1 = 2) and two
    small areas; A holds two secret counts. Valid Σ − A − the shown valid counts outside A was b1."""
    rows = [("a1", "A", 1, 1000), ("a2", "A", 2, 1000), ("a3", "A", 10, 1000), ("b1", "B", 2, 1000),
            ("b2", "B", 20, 100), ("b3", "B", 25, 100), ("b4", "B", 30, 1000), ("c1", "C", 30, 1000),
            ("c2", "C", 40, 1000)]
    layer = _layer([("k", "string"), ("p", "string"), ("n", "integer"), ("ew", "integer")],
                   [(_square(i), list(row)) for i, row in enumerate(rows)])
    parents = _run(layer, tmp_path, COUNT_FIELDS=["n"], SUPPRESS_BELOW=3, POPULATION_FIELD="ew", MIN_POPULATION=300)
    shown = {key: (None if f["n"] is None or (hasattr(f["n"], "isNull") and f["n"].isNull()) else f["n"])
             for key, f in parents.items()}
    valid_total = sum(n for _, _, n, ew in rows if ew >= 300)  # what the districts' publication gives
    if shown["A"] is not None:  # the attacker
        outside = sum(n for k, p, n, ew in rows if ew >= 300 and p != "A" and k not in ("b1",))
        assert valid_total - shown["A"] - outside != 2, "b1 recovered"
    assert shown["C"] == 70
