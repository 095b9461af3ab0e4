"""Review of sozialraum:supply (issue 17.1): the facilities' CRS and the need classes of a number field.

Each test failed before its fix: a point layer in EPSG:4326 whose X/Y columns were named was read in
the districts' EPSG:25833 (every Kita "outside", 0 places everywhere); an unknown FACILITIES_CRS fell
back to the districts' CRS silently; the Berlin Kita list without FACILITIES_CRS gave 0 places in all
542 PLR with only a warning; metres in a layer declared EPSG:4326 ended in a QgsCsException
traceback; NEED_HIGH '3;4' on a real-number class field matched nothing ('4.0' is not '4')."""
from __future__ import annotations

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProject,
    QgsVectorLayer,
)
from test_supply_network import X0, Y0, _run, _square, _values
from test_supply_network import town as town  # noqa: F401  (the synthetic town, a fixture)


def _kita_layer(crs: str, x: float, y: float, with_columns: bool = True) -> QgsVectorLayer:
    """One Kita (10 places) at (x, y) in ``crs``, its coordinates also as columns lon / lat."""
    layer = QgsVectorLayer(f"Point?crs={crs}&field=id:string&field=places:integer&field=lon:double&field=lat:double",
                           "kitas", "memory")
    feature = QgsFeature(layer.fields())
    feature.setAttributes(["K1", 10, x, y])
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
    layer.dataProvider().addFeatures([feature])
    return layer


def _in_a_as_lonlat() -> QgsPointXY:
    """The middle of district A (EPSG:25833) in lon/lat."""
    to_wgs = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:25833"),
                                    QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    return to_wgs.transform(QgsPointXY(X0 + 500, Y0 + 500))


def test_point_layer_with_xy_columns_keeps_its_own_crs(provider, town):
    ll = _in_a_as_lonlat()
    result = _run(town, "xy.gpkg", FACILITIES=_kita_layer("EPSG:4326", ll.x(), ll.y()), METHOD="inside",
                  X_FIELD="lon", Y_FIELD="lat")
    values = _values(result["OUTPUT"])
    assert result["OUTSIDE"] == 0
    assert values["A"]["supply_count"] == 1 and values["A"]["supply_per_1000"] == pytest.approx(50.0)


def test_an_empty_crs_widget_is_no_crs_given(provider, town):
    """The dialog's CRS widget left empty may come as an invalid CRS object: not an unknown CRS."""
    ll = _in_a_as_lonlat()
    result = _run(town, "empty_crs.gpkg", FACILITIES=_kita_layer("EPSG:4326", ll.x(), ll.y()), METHOD="inside",
                  X_FIELD="lon", Y_FIELD="lat", FACILITIES_CRS=QgsCoordinateReferenceSystem())
    assert _values(result["OUTPUT"])["A"]["supply_count"] == 1


def test_unknown_facilities_crs_is_refused(provider, town):
    ll = _in_a_as_lonlat()
    with pytest.raises(QgsProcessingException, match="EPSG:99999"):
        _run(town, "bad_crs.gpkg", FACILITIES=_kita_layer("EPSG:4326", ll.x(), ll.y()), METHOD="inside",
             X_FIELD="lon", Y_FIELD="lat", FACILITIES_CRS="EPSG:99999")


def test_berlin_kita_list_without_crs_is_refused_not_zero_everywhere(provider, sample_dir, tmp_path):
    import processing

    berlin = sample_dir / "berlin"
    with pytest.raises(QgsProcessingException) as raised:
        processing.run("sozialraum:supply", {
            "INPUT": str(berlin / "lor_planungsraeume_2021.shp"),
            "FACILITIES": str(berlin / "berlin-daycare-centers-2026-07-details.csv"),
            "X_FIELD": "lon", "Y_FIELD": "lat", "ID_FIELD": "id", "CAPACITY_FIELD": "places",
            "METHOD": "inside", "OUTPUT": str(tmp_path / "no_crs.gpkg"), "LANGUAGE": "en"})
    text = str(raised.value)
    assert "berlin-daycare-centers-2026-07-details.csv" in text and "EPSG:25833" in text
    assert "FACILITIES_CRS" in text and "Traceback" not in text


def test_metres_declared_as_degrees_name_the_facility_not_a_traceback(provider, town):
    with pytest.raises(QgsProcessingException) as raised:
        _run(town, "metres.gpkg", FACILITIES=_kita_layer("EPSG:4326", X0 + 500, Y0 + 500), METHOD="inside")
    text = str(raised.value)
    assert "K1" in text and "EPSG:4326" in text and "EPSG:25833" in text
    assert "Traceback" not in text and "QgsCsException" not in text


def test_need_classes_of_a_real_number_field(provider, town):
    districts = QgsVectorLayer("Polygon?crs=EPSG:25833&field=key:string&field=kids:integer&field=cls:double",
                               "districts", "memory")
    features = []
    for key, x, cls in (("A", 0, 4.0), ("B", 2000, 1.0)):
        feature = QgsFeature(districts.fields())
        feature.setAttributes([key, 200, cls])
        feature.setGeometry(_square(x, 0))
        features.append(feature)
    districts.dataProvider().addFeatures(features)
    result = _run(town, "classes.gpkg", INPUT=districts, NEED_FIELD="cls", NEED_HIGH="3;4", METHOD="inside")
    values = _values(result["OUTPUT"])
    # no Kita inside either square: supply low in both; A (class 4) is high need, B (class 1) is not
    assert values["A"]["supply_category"] == 1 and values["B"]["supply_category"] == 3


def test_shared_edge_zero_children_and_a_tie_with_the_city_value(provider, town):
    """A (0–1000) with 200 children and B (1000–2000) with none share an edge; Kitas: one on the edge
    (10 places), two in A (empty and 0 places), one in B (20 places); straight catchment 1,100 m.
    The edge Kita is counted once (in A, the first district). B has no children: no category (it was
    "low supply"). A's score is the city's weighted mean: supply met (was "low" by the last bits)."""
    districts = QgsVectorLayer("Polygon?crs=EPSG:25833&field=key:string&field=kids:integer", "districts", "memory")
    features = []
    for key, x, kids in (("A", 0, 200), ("B", 1000, 0)):
        feature = QgsFeature(districts.fields())
        feature.setAttributes([key, kids])
        feature.setGeometry(_square(x, 0))
        features.append(feature)
    districts.dataProvider().addFeatures(features)
    kitas = QgsVectorLayer("Point?crs=EPSG:25833&field=id:string&field=places:integer", "kitas", "memory")
    rows = []
    for ident, x, y, places in (("edge", 1000, 500, 10), ("empty", 500, 500, None), ("zero", 500, 600, 0),
                                ("b", 1500, 500, 20)):
        feature = QgsFeature(kitas.fields())
        feature.setAttributes([ident, places])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(X0 + x, Y0 + y)))
        rows.append(feature)
    kitas.dataProvider().addFeatures(rows)
    result = _run(town, "edge.gpkg", INPUT=districts, FACILITIES=kitas, NEED_FIELD="", STANDARD=None)
    values = _values(result["OUTPUT"])
    a, b = values["A"], values["B"]
    assert (a["supply_count"], b["supply_count"]) == (3, 1) and result["OUTSIDE"] == 0
    assert a["supply_capacity"] == 10 and b["supply_capacity"] == 20
    # 2SFCA: only A's 200 children reach anything: 30 places / 200 children = 150 per 1,000
    assert a["supply_access"] == pytest.approx(150.0)
    assert a["supply_category"] == 6
    assert str(b["supply_category"]) == "NULL" and str(b["supply_per_1000"]) == "NULL"


def test_a_score_equal_to_the_city_value_is_not_low_supply(provider, town):
    """The town's Kita K (100 places) within reach of A (100 children) and B (1,700): both score
    100 / 1,800 × 1,000 = 55.6 per 1,000, which is the city's weighted mean; without a standard both
    are "supply met" (6). The mean came out 1 bit above the scores: both were "low supply" (5)."""
    districts = QgsVectorLayer("Polygon?crs=EPSG:25833&field=key:string&field=kids:integer", "districts", "memory")
    features = []
    for key, x, kids in (("A", 0, 100), ("B", 2000, 1700)):
        feature = QgsFeature(districts.fields())
        feature.setAttributes([key, kids])
        feature.setGeometry(_square(x, 0))
        features.append(feature)
    districts.dataProvider().addFeatures(features)
    values = _values(_run(town, "tie.gpkg", INPUT=districts, NEED_FIELD="", STANDARD=None)["OUTPUT"])
    assert values["A"]["supply_access"] == pytest.approx(1000 * 100 / 1800)
    assert values["A"]["supply_category"] == 6 and values["B"]["supply_category"] == 6


def test_every_kita_left_out_is_said(provider, sample_dir, tmp_path):
    """The Berlin Kita list with lon/lat blanked in 25 rows: 20 are named, and the total of 25 is said
    (before, the five beyond the first 20 were left out without a word)."""
    import csv

    import processing
    from test_supply_network import Warnings

    source = sample_dir / "berlin" / "berlin-daycare-centers-2026-07-details.csv"
    with open(source, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = reader.fieldnames, list(reader)
    for row in rows[:25]:
        row["lon"] = row["lat"] = ""
    table = tmp_path / "kitas_ohne_koordinaten.csv"
    with open(table, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    feedback = Warnings()
    result = processing.run("sozialraum:supply", {
        "INPUT": str(sample_dir / "berlin" / "lor_planungsraeume_2021.shp"), "FACILITIES": str(table),
        "X_FIELD": "lon", "Y_FIELD": "lat", "FACILITIES_CRS": "EPSG:4326", "ID_FIELD": "id",
        "CAPACITY_FIELD": "places", "METHOD": "inside", "OUTPUT": str(tmp_path / "out.gpkg")}, feedback=feedback)
    assert result["FACILITY_COUNT"] == len(rows) - 25
    named = [w for w in feedback.warnings if rows[0]["id"] in w or rows[19]["id"] in w]
    assert len(named) == 2 and not any(rows[20]["id"] in w for w in feedback.warnings)
    assert any(w.startswith("25 ") for w in feedback.warnings), feedback.warnings  # the total, in words
