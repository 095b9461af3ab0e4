"""Review of sozialraum:aggregate through the provider (issue 15 part 5): counts in text fields,
invalid district polygons in the dissolve."""
from __future__ import annotations

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer


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


def _run(layer, tmp_path, **params):
    import processing

    result = processing.run("sozialraum:aggregate", {"INPUT": layer, "KEY_FIELD": "k", "PARENT_FIELD": "p",
                                                     "SUPPRESS_BELOW": 0, "LANGUAGE": "en",
                                                     "OUTPUT": str(tmp_path / "parents.gpkg"), **params})
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
