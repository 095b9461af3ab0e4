"""sozialraum:regrid on small grids drawn by hand (squares in EPSG:25832, written by GDAL): the
geometry, key and field-name cases a municipal GIS officer meets, each with its figure known."""
from __future__ import annotations

import pytest
from osgeo import ogr, osr
from qgis.core import QgsProcessingException, QgsVectorLayer


def gpkg(path, rows, fields, epsg=25832, geom=ogr.wkbPolygon, fids=None) -> str:
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    layer = ds.CreateLayer(path.stem, srs, geom)
    for name, kind in fields:
        layer.CreateField(ogr.FieldDefn(name, kind))
    for number, (wkt, values) in enumerate(rows):
        feature = ogr.Feature(layer.GetLayerDefn())
        if fids:
            feature.SetFID(fids[number])
        if wkt:
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        for name, value in values.items():
            if value is not None:
                feature.SetField(name, value)
        layer.CreateFeature(feature)
    ds = None
    return str(path)


def square(x0, y0, x1, y1) -> str:
    return f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"


def read(path, key) -> dict:
    layer = QgsVectorLayer(path, "out", "ogr")
    out = {str(f[key]): {n: _value(f[n]) for n in layer.fields().names()} for f in layer.getFeatures()}
    del layer
    return out


def _value(value):
    return None if value is None or (hasattr(value, "isNull") and value.isNull()) else value


@pytest.fixture
def grids(tmp_path):
    """Old: 0101 (0–100 m, 100 residents, 10 foreigners, a field 'sources'), 0102 (100–200 m, 40, 4).
    New: N1 (0–150 m), N2 (150–200 m)."""
    old = gpkg(tmp_path / "old.gpkg", [(square(0, 0, 100, 100), {"k": "0101", "EW": 100, "AUSL": 10, "sources": 5}),
                                        (square(100, 0, 200, 100), {"k": "0102", "EW": 40, "AUSL": 4, "sources": 7})],
               [("k", ogr.OFTString), ("EW", ogr.OFTReal), ("AUSL", ogr.OFTReal), ("sources", ogr.OFTReal)])
    new = gpkg(tmp_path / "new.gpkg", [(square(0, 0, 150, 100), {"nk": "N1"}),
                                        (square(150, 0, 200, 100), {"nk": "N2"})], [("nk", ogr.OFTString)])
    return tmp_path, old, new


def run(folder, old, new, **params):
    import processing

    defaults = {"INPUT": old, "INPUT_KEY": "k", "TARGET": new, "TARGET_KEY": "nk", "COUNT_FIELDS": ["EW", "AUSL"],
                "SUPPRESS_BELOW": 0, "OUTPUT": str(folder / "out.gpkg"), "CROSSWALK": str(folder / "cw.gpkg"),
                "REPORT": str(folder / "report.txt"), "LANGUAGE": "en"}
    return processing.run("sozialraum:regrid", {**defaults, **params})


@pytest.mark.parametrize("params, name", [({"COUNT_FIELDS": ["EW", "sources"]}, "sources"),
                                          ({"RATES": "Mixed=AUSL/EW"}, "Mixed")])
def test_a_count_or_rate_named_like_a_quality_field_is_refused(provider, grids, params, name):
    folder, old, new = grids
    with pytest.raises(QgsProcessingException) as error:
        run(folder, old, new, **params)
    assert name in str(error.value) and "Traceback" not in str(error.value)
    assert not (folder / "out.gpkg").exists()


@pytest.mark.parametrize("n2, carried", [((30, 90), 90.0), ((20, 60), 60.0)])
def test_overlapping_new_areas_carry_the_covered_part_once_and_the_rest_is_outside(provider, tmp_path, n2, carried):
    """Old 0–100 m with 100 residents; N1 0–60 m, N2 overlapping it: the old grid's part that no new
    area covers is outside (10 resp. 40), the covered part is carried once, not twice."""
    old = gpkg(tmp_path / "old.gpkg", [(square(0, 0, 100, 100), {"k": "A", "EW": 100})],
               [("k", ogr.OFTString), ("EW", ogr.OFTReal)])
    new = gpkg(tmp_path / "new.gpkg", [(square(0, 0, 60, 100), {"nk": "N1"}), (square(*n2[:1], 0, n2[1], 100),
                                                                              {"nk": "N2"})], [("nk", ogr.OFTString)])
    result = run(tmp_path, old, new, COUNT_FIELDS=["EW"])
    out = read(result["OUTPUT"], "nk")
    assert out["N1"]["EW"] + out["N2"]["EW"] == pytest.approx(carried)
    assert out["N1"]["EW"] == pytest.approx(carried * 60 / (60 + n2[1] - n2[0]))  # by the part each covers
    assert out["N1"]["covered_share"] == pytest.approx(1.0)
    report = (tmp_path / "report.txt").read_text()
    assert f"A ({100 - carried:.1f} %)" in report  # outside part named
    assert "N1" in report and "N2" in report and "overlap" in report


def crosswalk_csv(folder, lines) -> str:
    path = folder / "umsteigeschluessel.csv"
    path.write_text("old_key;new_key;share\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("kind, keys", [(ogr.OFTString, ["101 ", " 102"]), (ogr.OFTInteger, [101, 102])])
def test_a_crosswalk_table_meets_keys_written_with_spaces_or_without_leading_zeros(provider, tmp_path, kind, keys):
    """The office's table writes 0101, 0102; the old grid '101 ' (a padded text field) or 101 (an
    integer field): the same areas, carried as such (N1 = 100 + ½·50, N2 = ½·50)."""
    old = gpkg(tmp_path / "old.gpkg", [(square(0, 0, 100, 100), {"k": keys[0], "EW": 100}),
                                        (square(100, 0, 200, 100), {"k": keys[1], "EW": 50})],
               [("k", kind), ("EW", ogr.OFTReal)])
    new = gpkg(tmp_path / "new.gpkg", [(square(0, 0, 150, 100), {"nk": "N1"}),
                                        (square(150, 0, 200, 100), {"nk": "N2"})], [("nk", ogr.OFTString)])
    lines = ["0101;N1;1", "0102;N1;0,5", "0102;N2;0,5"] if kind == ogr.OFTInteger else \
        ["101;N1;1", "102;N1;0,5", "102;N2;0,5"]
    result = run(tmp_path, old, new, COUNT_FIELDS=["EW"], CROSSWALK_TABLE=crosswalk_csv(tmp_path, lines))
    out = read(result["OUTPUT"], "nk")
    assert (out["N1"]["EW"], out["N2"]["EW"]) == (pytest.approx(125.0), pytest.approx(25.0))
    report = (tmp_path / "report.txt").read_text()
    assert "without a row in the crosswalk" not in report
    if kind == ogr.OFTInteger:
        assert "Old keys of the crosswalk matched to the old grid" in report and "zeros" in report


def test_counts_and_weights_in_text_fields_are_read_as_offices_write_them(provider, tmp_path):
    """'1.000' in a text field is a thousand (German thousands dot), '2,5' two and a half: the
    project's number reader decides the marks over the column, not float() cell by cell."""
    old = gpkg(tmp_path / "old.gpkg", [(square(0, 0, 100, 100), {"k": "A", "EW": "1.000"}),
                                        (square(100, 0, 200, 100), {"k": "B", "EW": "40"})],
               [("k", ogr.OFTString), ("EW", ogr.OFTString)])
    new = gpkg(tmp_path / "new.gpkg", [(square(0, 0, 50, 100), {"nk": "N1"}), (square(50, 0, 150, 100), {"nk": "N2"}),
                                        (square(150, 0, 200, 100), {"nk": "N3"})], [("nk", ogr.OFTString)])
    out = read(run(tmp_path, old, new, COUNT_FIELDS=["EW"])["OUTPUT"], "nk")
    assert [out[k]["EW"] for k in ("N1", "N2", "N3")] == [pytest.approx(500.0), pytest.approx(520.0),
                                                           pytest.approx(20.0)]
    points = gpkg(tmp_path / "addresses.gpkg", [("POINT(25 50)", {"w": "1.500"}), ("POINT(75 50)", {"w": "500"}),
                                                 ("POINT(125 50)", {"w": "2,5"}), ("POINT(175 50)", {"w": "7,5"})],
                  [("w", ogr.OFTString)], geom=ogr.wkbPoint)
    out = read(run(tmp_path, old, new, COUNT_FIELDS=["EW"], WEIGHT_LAYER=points, WEIGHT_FIELD="w")["OUTPUT"], "nk")
    assert [out[k]["EW"] for k in ("N1", "N2", "N3")] == [pytest.approx(750.0), pytest.approx(260.0),
                                                           pytest.approx(30.0)]


def test_old_keys_of_a_crosswalk_table_that_the_old_grid_lacks_are_named_and_do_not_blank_the_quality(
        provider, grids):
    """The office's table also lists 0199, an area the old grid no longer has: the counts of 0101 and
    0102 are carried, N1's dominant share is measured on them, and the report names 0199."""
    folder, old, new = grids
    table = crosswalk_csv(folder, ["0101;N1;1", "0102;N1;0,5", "0102;N2;0,5", "0199;N1;1"])
    out = read(run(folder, old, new, CROSSWALK_TABLE=table)["OUTPUT"], "nk")
    assert out["N1"]["EW"] == pytest.approx(120.0)
    assert out["N1"]["dominant_share"] == pytest.approx(100 / 120) and out["N1"]["dominant_key"] == "0101"
    assert "0199" in (folder / "report.txt").read_text()


def test_a_target_keyed_by_its_fid_keeps_the_key_in_the_output(provider, grids):
    """A GeoPackage grid whose only key is its fid (TARGET_KEY=fid, here 10 and 20): OUTPUT names
    its areas by it, not by fids of its own."""
    folder, old, _new = grids
    new = gpkg(folder / "new_fid.gpkg", [(square(0, 0, 150, 100), {"nk": "N1"}),
                                          (square(150, 0, 200, 100), {"nk": "N2"})], [("nk", ogr.OFTString)],
               fids=[10, 20])
    out = read(run(folder, old, new, TARGET_KEY="fid")["OUTPUT"], "fid")
    assert set(out) == {"10", "20"}
    assert (out["10"]["EW"], out["20"]["EW"]) == (pytest.approx(120.0), pytest.approx(20.0))
    assert (out["10"]["nk"], out["20"]["nk"]) == ("N1", "N2")


def test_old_areas_without_geometry_are_named_as_such(provider, tmp_path):
    """An old area with an empty or no geometry cannot be placed: its count is not carried, and the
    report says it has no geometry, not that it was 'repaired' or lies 'outside'."""
    old = gpkg(tmp_path / "old.gpkg", [(square(0, 0, 100, 100), {"k": "101", "EW": 100}),
                                        ("POLYGON EMPTY", {"k": "102", "EW": 50}), (None, {"k": "103", "EW": 7})],
               [("k", ogr.OFTString), ("EW", ogr.OFTReal)])
    new = gpkg(tmp_path / "new.gpkg", [(square(0, 0, 100, 100), {"nk": "N1"})], [("nk", ogr.OFTString)])
    out = read(run(tmp_path, old, new, COUNT_FIELDS=["EW"])["OUTPUT"], "nk")
    assert out["N1"]["EW"] == pytest.approx(100.0)
    report = (tmp_path / "report.txt").read_text()
    assert "without a geometry" in report and "102, 103" in report
    assert "repaired" not in report and "102 (100.0 %)" not in report


def test_hidden_carried_counts_stay_hidden_and_the_report_warns_about_the_crosswalk(provider, grids):
    """N3 (a 5 m strip of 0102) gets 2 residents: hidden, and N2 with it (else 140 − 120 gives it
    back). The crosswalk times the old counts would give both back: the report says so."""
    folder, old, _new = grids
    new = gpkg(folder / "new3.gpkg", [(square(0, 0, 150, 100), {"nk": "N1"}), (square(150, 0, 195, 100), {"nk": "N2"}),
                                       (square(195, 0, 200, 100), {"nk": "N3"})], [("nk", ogr.OFTString)])
    out = read(run(folder, old, new, SUPPRESS_BELOW=3, COUNT_FIELDS=["EW"])["OUTPUT"], "nk")
    assert out["N1"]["EW"] == pytest.approx(120.0) and out["N2"]["EW"] is None and out["N3"]["EW"] is None
    report = (folder / "report.txt").read_text()
    assert "not for publication" in report


def test_a_cancelled_run_stops_before_writing(provider, grids):
    """Cancel pressed (the task's feedback cancelled): the overlay stops and OUTPUT is not written."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    folder, old, new = grids
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    params = {"INPUT": old, "INPUT_KEY": "k", "TARGET": new, "TARGET_KEY": "nk", "COUNT_FIELDS": ["EW"],
              "OUTPUT": str(folder / "cancelled.gpkg")}
    result = processing.run("sozialraum:regrid", params, context=QgsProcessingContext(), feedback=feedback)
    assert "OUTPUT" not in result and not (folder / "cancelled.gpkg").exists()
