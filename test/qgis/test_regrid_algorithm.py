"""sozialraum:regrid on Köln's real Stadtteile (residents 2012), checked against shapely/pandas
computations that use neither the plugin nor QGIS (geometries read by GDAL)."""
from __future__ import annotations

import sqlite3

import pandas as pd
import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer
from regrid_support import KOELN, residents, shapes, write_layer
from shapely.ops import unary_union

TOTAL_2012 = 1_044_555  # Köln's residents 2012 in bevoelkerung.csv (raum_id 000)


@pytest.fixture(scope="module")
def koeln(provider, tmp_path_factory):
    import processing

    folder = tmp_path_factory.mktemp("regrid")
    stt_values = residents()
    bez_values = stt_values.groupby(stt_values.index.str[0]).sum()
    stt = write_layer(KOELN / "Stadtteil.shp", "STT_NR", stt_values, folder / "stadtteile.gpkg")
    bez = write_layer(KOELN / "Stadtbezirk.shp", "STB_NR", bez_values, folder / "bezirke.gpkg")
    layer = QgsVectorLayer(stt, "stt", "ogr")
    extent, crs = layer.extent(), layer.crs()
    del layer
    grid = processing.run("native:creategrid", {"TYPE": 4, "EXTENT": extent, "HSPACING": 1000, "VSPACING": 1000,
                                                "CRS": crs, "OUTPUT": str(folder / "hex.gpkg")})["OUTPUT"]
    from qgis.core import QgsFeatureRequest, QgsProcessingContext

    context = QgsProcessingContext()  # Marienburg's polygon is invalid: its point is still on it
    context.setInvalidGeometryCheck(QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck)
    points = processing.run("native:pointonsurface", {"INPUT": stt, "OUTPUT": str(folder / "points.gpkg")},
                            context=context)["OUTPUT"]
    return {"folder": folder, "stt": stt, "bez": bez, "hex": grid, "points": points, "stt_values": stt_values,
            "bez_values": bez_values, "stt_shapes": shapes(stt, "STT_NR"), "bez_shapes": shapes(bez, "STB_NR"),
            "hex_shapes": shapes(grid, "id"), "point_shapes": shapes(points, "STT_NR")}


def run(koeln, name, **params):
    import processing

    folder = koeln["folder"]
    defaults = {"INPUT": koeln["stt"], "INPUT_KEY": "STT_NR", "TARGET": koeln["hex"], "TARGET_KEY": "id",
                "COUNT_FIELDS": ["EW", "AUSL"], "OUTPUT": str(folder / f"{name}.gpkg"),
                "CROSSWALK": str(folder / f"{name}_crosswalk.gpkg")}
    return processing.run("sozialraum:regrid", {**defaults, **params})


def rows(path, key) -> dict:
    layer = QgsVectorLayer(path, "out", "ogr")
    out = {}
    for feature in layer.getFeatures():
        out[str(feature[key])] = {n: _value(feature[n]) for n in layer.fields().names()}
    del layer
    return out


def _value(value):
    return None if value is None or (hasattr(value, "isNull") and value.isNull()) else value


def crosswalk(result) -> pd.DataFrame:
    layer = QgsVectorLayer(result["CROSSWALK"], "cw", "ogr")
    frame = pd.DataFrame([{n: f[n] for n in ("old_key", "new_key", "share", "basis")} for f in layer.getFeatures()])
    del layer
    frame["new_key"] = [_value(v) for v in frame["new_key"]]
    return frame


def area_expected(old_shapes, old_values, new_shapes, column="EW"):
    """Σ over old areas of area(old ∩ new) / area(old) × count: the area-weighted estimate, by shapely."""
    expected, parts = {}, {}
    for key, shape in new_shapes.items():
        for old_key, old_shape in old_shapes.items():
            if not shape.intersects(old_shape):
                continue
            area = shape.intersection(old_shape).area
            if area > 0:
                value = area / old_shape.area * old_values.loc[old_key, column]
                expected[key] = expected.get(key, 0.0) + value
                parts.setdefault(key, []).append(value)
    return expected, parts


@pytest.fixture(scope="module")
def area_run(koeln):
    result = run(koeln, "area", MIN_SHARE=0, SUPPRESS_BELOW=0, RATES="ausl_quote=AUSL/EW",
                 REPORT=str(koeln["folder"] / "area.html"), LANGUAGE="en")
    expected, parts = area_expected(koeln["stt_shapes"], koeln["stt_values"], koeln["hex_shapes"])
    return result, rows(result["OUTPUT"], "id"), expected, parts


def test_area_weights_on_a_hex_grid_equal_shapely_cell_by_cell(area_run, koeln):
    result, out, expected, _parts = area_run
    assert len(out) == len(koeln["hex_shapes"])
    deviation = max(abs(out[k]["EW"] - v) for k, v in expected.items())
    print(f"hex grid, area weights: {len(expected)} cells with residents, max deviation from shapely {deviation:.2e}")
    assert deviation < 1e-6
    assert {k for k, r in out.items() if r["EW"] is not None} == set(expected)  # cells no Stadtteil reaches: NULL
    for k in expected:
        row = out[k]
        if row["EW"] > 0:
            assert row["ausl_quote"] == pytest.approx(100 * row["AUSL"] / row["EW"], rel=1e-12)


def test_counts_are_conserved_exactly_up_to_the_reported_outside_part(area_run, koeln):
    result, out, _expected, _parts = area_run
    total = koeln["stt_values"]["EW"].sum()
    assert total == TOTAL_2012
    carried = sum(r["EW"] for r in out.values() if r["EW"] is not None)
    cw = crosswalk(result)
    assert cw.groupby("old_key")["share"].sum().sub(1).abs().max() < 1e-9  # GEOS 3.13 (QGIS 3.40): 4e-12
    outside = cw[cw["new_key"].isna()]
    outside_ew = sum(r.share * koeln["stt_values"].loc[r.old_key, "EW"] for r in outside.itertuples())
    print(f"hex grid: old {total}, carried {carried:.4f}, outside {outside_ew:.4f}, "
          f"carried/old {carried / total:.6%}, residual {total - carried - outside_ew:.2e}")
    assert abs(total - carried - outside_ew) < 1e-6
    assert abs(carried - total) / total < 0.001
    assert 0 < outside_ew  # creategrid's hexagons leave the extent's edges open: said, not lost
    page = (koeln["folder"] / "area.html").read_text(encoding="utf-8")
    for key in outside["old_key"]:
        assert key in page


def test_quality_fields_and_report_against_shapely(area_run, koeln):
    result, out, expected, parts = area_run
    for k, values in parts.items():
        if sum(values) > 0:
            assert out[k]["dominant_share"] == pytest.approx(max(values) / sum(values), abs=1e-9)
            assert out[k]["sources"] == len(values)
            assert out[k]["mixed"] == (max(values) / sum(values) < 0.8)
    mixed = sorted(k for k, r in out.items() if r["mixed"])
    assert result["MIXED"] == len(mixed) > 0
    page = (koeln["folder"] / "area.html").read_text(encoding="utf-8")
    assert f"{len(mixed)} of {sum(1 for v in parts.values() if sum(v) > 0)} new areas take less than 80 %" in page
    worst = min(mixed, key=lambda k: out[k]["dominant_share"])
    assert f"<td>{worst}</td><td>{100 * out[worst]['dominant_share']:.1f} %</td>" in page


def test_stadtteile_onto_stadtbezirke_equal_the_plain_sums(koeln):
    result = run(koeln, "bez", TARGET=koeln["bez"], TARGET_KEY="STB_NR", SUPPRESS_BELOW=0)
    out = rows(result["OUTPUT"], "STB_NR")
    sums = koeln["stt_values"].groupby(koeln["stt_values"].index.str[0])
    for key, row in out.items():
        assert row["EW"] == pytest.approx(sums["EW"].sum()[key], abs=1e-6)
        assert row["AUSL"] == pytest.approx(sums["AUSL"].sum()[key], abs=1e-6)
        assert row["sources"] == sums["EW"].count()[key]
        assert row["exact_share"] == pytest.approx(1.0)  # each Stadtteil lies wholly in its Bezirk
        assert row["dominant_share"] == pytest.approx(sums["EW"].max()[key] / sums["EW"].sum()[key])
    cw = crosswalk(result)
    assert len(cw) == 86 and (cw["share"] == 1.0).all() and set(cw["basis"]) == {"area"}
    assert (cw["new_key"] == cw["old_key"].str[0]).all()
    # without the sliver rule the boundaries drawn twice move a few residents between Bezirke
    raw = rows(run(koeln, "bez_raw", TARGET=koeln["bez"], TARGET_KEY="STB_NR", SUPPRESS_BELOW=0,
                   MIN_SHARE=0)["OUTPUT"], "STB_NR")
    worst = max(abs(raw[k]["EW"] - sums["EW"].sum()[k]) / sums["EW"].sum()[k] for k in raw)
    print(f"Stadtteile → Bezirke without sliver rule: largest relative deviation from the sums {worst:.2e}")
    assert 0 < worst < 5e-4


def test_dasymetric_polygons_give_the_stadtteile_back(koeln):
    """Bezirke carried onto Stadtteile with the Stadtteile's residents as weights return them (up to
    the boundaries the two layers draw differently), and equal the dasymetric formula by shapely."""
    common = {"INPUT": koeln["bez"], "INPUT_KEY": "STB_NR", "TARGET": koeln["stt"], "TARGET_KEY": "STT_NR",
              "COUNT_FIELDS": ["EW"], "WEIGHT_LAYER": koeln["stt"], "WEIGHT_FIELD": "EW", "SUPPRESS_BELOW": 0}
    result = run(koeln, "dasy_poly", **common)
    out = rows(result["OUTPUT"], "STT_NR")
    ew = koeln["stt_values"]["EW"]
    relative = max(abs(out[k]["EW"] - v) / v for k, v in ew.items())
    absolute = max(abs(out[k]["EW"] - v) for k, v in ew.items())
    print(f"Bezirke → Stadtteile weighted by the Stadtteile: max deviation {absolute:.2f} residents ({relative:.1e})")
    # 1.8e-4 of Stadtteil 606 lies in another Bezirk of Stadtbezirk.shp (SOURCE.md's layers differ so)
    assert relative < 2e-4
    assert set(crosswalk(result)["basis"]) == {"weight"}
    # TARGET's own EW is replaced by the carried one (they differ), its other fields are kept
    assert any(out[k]["EW"] != v for k, v in ew.items())
    assert all(out[k]["AUSL"] == v for k, v in koeln["stt_values"]["AUSL"].items())
    # every piece kept: weight(b, t) = Σ_s EW_s · area(s ∩ b ∩ t) / area(s), shares per Bezirk b
    common["TARGET"] = str(KOELN / "Stadtteil.shp")  # no EW of its own
    exact = rows(run(koeln, "dasy_poly_all", MIN_SHARE=0, **common)["OUTPUT"], "STT_NR")
    stt, bez = koeln["stt_shapes"], koeln["bez_shapes"]
    expected = {k: 0.0 for k in stt}
    for b, b_shape in bez.items():
        pieces, whole = {}, 0.0
        for s, s_shape in stt.items():
            inside = s_shape.intersection(b_shape)
            if inside.area <= 0:
                continue
            density, cut, found = ew[s] / s_shape.area, [], {}
            for t, t_shape in stt.items():
                if inside.intersects(t_shape):
                    cut.append(inside.intersection(t_shape))
                    found[t] = cut[-1].area
            # where Stadtteile overlap, their common part counts once: pieces scaled to their union
            total, union = sum(found.values()), unary_union(cut).area if cut else 0.0
            scale = union / total if 0 < union < total else 1.0
            for t, area in found.items():
                pieces[t] = pieces.get(t, 0.0) + density * area * scale
            whole += density * inside.area  # the part outside every Stadtteil counts
        for t, weight in pieces.items():
            expected[t] += koeln["bez_values"].loc[b, "EW"] * weight / whole
    deviation = max(abs(exact[k]["EW"] - v) for k, v in expected.items())
    print(f"  the same with every piece against shapely: max deviation {deviation:.2e}")
    assert deviation < 1e-3  # shares below 1e-9 (NOISE) are dropped: 1e-4 of a Bezirk's 100 000 residents


def test_dasymetric_points_count_where_they_lie(koeln):
    """Bezirke onto the hexagons, weighted by one point per Stadtteil with its residents: each cell
    gets exactly the residents of the points in it (the Bezirk totals are the points' sums)."""
    result = run(koeln, "dasy_points", INPUT=koeln["bez"], INPUT_KEY="STB_NR", COUNT_FIELDS=["EW"],
                 WEIGHT_LAYER=koeln["points"], WEIGHT_FIELD="EW", SUPPRESS_BELOW=0,
                 REPORT=str(koeln["folder"] / "points.txt"), LANGUAGE="de")
    out = rows(result["OUTPUT"], "id")
    expected = {}
    for key, point in koeln["point_shapes"].items():
        cells = [h for h, shape in koeln["hex_shapes"].items() if shape.contains(point)]
        assert len(cells) == 1
        expected[cells[0]] = expected.get(cells[0], 0.0) + koeln["stt_values"].loc[key, "EW"]
    for key, row in out.items():
        assert (row["EW"] or 0.0) == pytest.approx(expected.get(key, 0.0), abs=1e-6)
    assert sum(expected.values()) == TOTAL_2012
    text = (koeln["folder"] / "points.txt").read_text(encoding="utf-8")
    assert "1.044.555,0" in text  # German number marks in a German report


def test_a_crosswalk_table_is_used_as_it_is(koeln):
    """An "Umsteigeschlüssel" as an office writes it (semicolons, decimal commas): Stadtteil 101 split
    between Bezirk 1 and 2, the others to their own Bezirk."""
    path = koeln["folder"] / "umsteigeschluessel.csv"
    lines = ["alt;neu;anteil", "101;1;0,7", "101;2;0,3"] + [f"{k};{k[0]};1" for k in koeln["stt_values"].index
                                                          if k != "101"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run(koeln, "table", TARGET=koeln["bez"], TARGET_KEY="STB_NR", CROSSWALK_TABLE=str(path),
                 CROSSWALK_OLD="alt", CROSSWALK_NEW="neu", CROSSWALK_SHARE="anteil", SUPPRESS_BELOW=0)
    out = rows(result["OUTPUT"], "STB_NR")
    ew = koeln["stt_values"]["EW"]
    expected = ew.groupby(ew.index.str[0]).sum()
    expected["1"] -= 0.3 * ew["101"]
    expected["2"] += 0.3 * ew["101"]
    for key, row in out.items():
        assert row["EW"] == pytest.approx(expected[key], abs=1e-6)
    cw = crosswalk(result)
    assert len(cw) == 87 and set(cw["basis"]) == {"table"}
    # our own CROSSWALK output goes back in as it is
    again = run(koeln, "table_again", TARGET=koeln["bez"], TARGET_KEY="STB_NR",
                CROSSWALK_TABLE=result["CROSSWALK"], SUPPRESS_BELOW=0)
    assert {k: r["EW"] for k, r in rows(again["OUTPUT"], "STB_NR").items()} == \
        pytest.approx({k: r["EW"] for k, r in out.items()})


def test_a_bad_crosswalk_table_is_refused_naming_the_key(koeln):
    path = koeln["folder"] / "bad.csv"
    lines = ["old_key,new_key,share", "101,1,0.7"] + [f"{k},{k[0]},1" for k in koeln["stt_values"].index if k != "101"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException) as error:
        run(koeln, "bad", TARGET=koeln["bez"], TARGET_KEY="STB_NR", CROSSWALK_TABLE=str(path))
    message = str(error.value)
    assert "101 (0.7)" in message and "bad.csv" in message
    assert not (koeln["folder"] / "bad.gpkg").exists()
    del error


def test_carried_counts_follow_the_publication_rule(area_run, koeln):
    """Small carried counts are hidden like any count; so are the rates computed from them."""
    _result, raw, _expected, _parts = area_run
    result = run(koeln, "published", MIN_SHARE=0, RATES="ausl_quote=AUSL/EW")  # SUPPRESS_BELOW default 3
    out = rows(result["OUTPUT"], "id")
    hidden = {k for k, r in out.items() if r["EW"] is None and raw[k]["EW"] is not None}
    assert hidden and all("EW" in out[k]["suppressed_fields"].split(",") for k in hidden)
    assert any(0 < raw[k]["EW"] < 3 for k in hidden)
    for k, row in out.items():
        for name in ("EW", "AUSL"):
            if row[name] is not None:
                assert row[name] == raw[k][name] and not 0 < row[name] < 3
        if row["EW"] is None or row["AUSL"] is None:
            assert row["ausl_quote"] is None
    with sqlite3.connect(result["OUTPUT"]) as db:  # the written file, not QGIS's view of it
        small = db.execute('SELECT count(*) FROM published WHERE ("EW" > 0 AND "EW" < 3) OR '
                           '("AUSL" > 0 AND "AUSL" < 3)').fetchone()[0]
    assert small == 0


def test_a_geographic_target_is_measured_on_the_ellipsoid(koeln, area_run):
    import processing

    _result, planar, _expected, _parts = area_run
    wgs84 = processing.run("native:reprojectlayer", {"INPUT": koeln["hex"], "TARGET_CRS": "EPSG:4326",
                                                      "OUTPUT": str(koeln["folder"] / "hex_4326.gpkg")})["OUTPUT"]
    result = run(koeln, "geographic", TARGET=wgs84, MIN_SHARE=0, SUPPRESS_BELOW=0,
                 REPORT=str(koeln["folder"] / "geographic.html"), LANGUAGE="en")
    out = rows(result["OUTPUT"], "id")
    total = sum(r["EW"] for r in out.values() if r["EW"] is not None)
    assert abs(total - TOTAL_2012) / TOTAL_2012 < 0.001
    big = [k for k, r in planar.items() if (r["EW"] or 0) > 1000]
    worst = max(abs(out[k]["EW"] - planar[k]["EW"]) / planar[k]["EW"] for k in big)
    print(f"EPSG:4326 target, ellipsoidal areas: largest relative deviation from planar {worst:.2e}")
    assert worst < 0.01
    assert "ellipsoidal" in (koeln["folder"] / "geographic.html").read_text(encoding="utf-8")


def test_old_areas_without_weight_fall_back_to_area_and_the_report_says_so(koeln):
    import processing

    points = processing.run("native:extractbyexpression", {
        "INPUT": koeln["points"], "EXPRESSION": "left(\"STT_NR\", 1) <> '9'",
        "OUTPUT": str(koeln["folder"] / "points_not_9.gpkg")})["OUTPUT"]
    report = koeln["folder"] / "fallback.html"
    result = run(koeln, "fallback", INPUT=koeln["bez"], INPUT_KEY="STB_NR", COUNT_FIELDS=["EW"],
                 WEIGHT_LAYER=points, WEIGHT_FIELD="EW", SUPPRESS_BELOW=0, REPORT=str(report), LANGUAGE="en")
    cw = crosswalk(result)
    assert set(cw.loc[cw["old_key"] == "9", "basis"]) == {"area"}
    assert set(cw.loc[cw["old_key"] != "9", "basis"]) == {"weight"}
    assert "The weight layer gives no weight to 1 old area(s); they are shared out by area: 9" in \
        report.read_text(encoding="utf-8")
    out = rows(result["OUTPUT"], "id")
    carried = sum(r["EW"] for r in out.values() if r["EW"] is not None)
    outside = cw[cw["new_key"].isna()]
    lost = sum(r.share * koeln["bez_values"].loc[r.old_key, "EW"] for r in outside.itertuples())
    assert carried + lost == pytest.approx(TOTAL_2012, abs=1e-6)


def test_a_missing_old_count_leaves_the_new_areas_it_reaches_unknown(koeln, area_run):
    _result, raw, _expected, parts = area_run
    values = koeln["stt_values"].copy()
    values.loc["101", "EW"] = float("nan")  # the office's "·"
    path = write_layer(KOELN / "Stadtteil.shp", "STT_NR", values, koeln["folder"] / "stadtteile_gap.gpkg")
    report = koeln["folder"] / "gap.txt"
    result = run(koeln, "gap", INPUT=path, MIN_SHARE=0, SUPPRESS_BELOW=0, REPORT=str(report), LANGUAGE="en")
    out = rows(result["OUTPUT"], "id")
    shape = koeln["stt_shapes"]["101"]
    reached = {k for k, h in koeln["hex_shapes"].items() if h.intersection(shape).area > 0}
    assert reached and {k for k, r in out.items() if r["EW"] is None and r["sources"]} == reached
    for k in reached:
        assert out[k]["suppressed_fields"] == "EW" and out[k]["AUSL"] == pytest.approx(raw[k]["AUSL"])
    assert f"EW: unknown in {len(reached)} new area(s)" in report.read_text(encoding="utf-8")


def test_keys_used_twice_and_rates_of_uncarried_fields_are_refused(koeln):
    with pytest.raises(QgsProcessingException) as error:  # a hexagon column shares its 'left'
        run(koeln, "twice", TARGET_KEY="left")
    assert "occurs more than once in left" in str(error.value) and "hex.gpkg" in str(error.value)
    with pytest.raises(QgsProcessingException) as error:
        run(koeln, "rate", COUNT_FIELDS=["AUSL"], RATES="q=AUSL/EW")
    assert "The rate q is computed from EW, which is not one of COUNT_FIELDS (AUSL)" in str(error.value)
    with pytest.raises(QgsProcessingException) as error:
        run(koeln, "no_weight_field", WEIGHT_LAYER=koeln["points"])
    assert "(WEIGHT_FIELD) does not exist in" in str(error.value) and "points.gpkg" in str(error.value)
    del error
