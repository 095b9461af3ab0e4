"""The packed R-tree of gis/gpkg_rtree.finish against GDAL's own CreateSpatialIndex.

For layers of many sizes and shapes (0 … 20,000 features, NULL and empty geometries, negative
coordinates, odd layer names, points that must fall back to GDAL) both indexes are built on
copies of one file: the R-tree entries, triggers and extension rows must be identical, SQLite's
``rtreecheck`` must say ok, OGR spatial filters must return the same features, and edits
through OGR afterwards must keep the index consistent.
"""
from __future__ import annotations

import random
import shutil
import sqlite3

import pytest


def make_layer(path: str, name: str, n: int, kind: str, seed: int = 1) -> None:
    from osgeo import ogr, osr

    rng = random.Random(seed)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326 if kind == "negative" else 25833)
    gtype = ogr.wkbPoint if kind == "points" else ogr.wkbMultiPolygon
    layer = ds.CreateLayer(name, srs, gtype, options=["SPATIAL_INDEX=NO"])
    layer.CreateField(ogr.FieldDefn("key", ogr.OFTString))
    layer.StartTransaction()
    for i in range(n):
        f = ogr.Feature(layer.GetLayerDefn())
        f.SetField("key", f"{i:08d}")
        if kind == "points":
            f.SetGeometryDirectly(ogr.CreateGeometryFromWkt(f"POINT ({rng.uniform(0, 1000)} {rng.uniform(0, 1000)})"))
        elif kind == "holes" and i % 7 == 3:
            pass  # NULL geometry
        elif kind == "holes" and i % 11 == 5:
            f.SetGeometryDirectly(ogr.CreateGeometryFromWkt("MULTIPOLYGON EMPTY"))
        else:
            if kind == "negative":
                x, y, w = rng.uniform(-179, 170), rng.uniform(-89, 80), rng.uniform(1e-6, 5)
            else:
                x, y, w = rng.uniform(3.8e5, 4.2e5), rng.uniform(5.8e6, 5.84e6), rng.uniform(0.01, 800)
            f.SetGeometryDirectly(ogr.CreateGeometryFromWkt(
                f"MULTIPOLYGON ((({x} {y},{x + w} {y},{x + w} {y + w * 1.3},{x} {y},{x} {y})))"))
        layer.CreateFeature(f)
    layer.CommitTransaction()
    ds = None


def check(n: int, kind: str, name: str, work) -> str:
    from osgeo import gdal

    from sozialraum_plugin.gis import gpkg_rtree

    base = str(work / f"base_{kind}_{n}.gpkg")
    make_layer(base, name, n, kind)
    ours, theirs = str(work / "ours.gpkg"), str(work / "theirs.gpkg")
    for p in (ours, theirs):
        shutil.copy(base, p)
    geom = "geom"
    packed = gpkg_rtree._packed_rtree(ours, name, geom, "fid")
    if not packed:
        gpkg_rtree.finish(ours, name)  # what finish does when the packed path declines
    ds = gdal.OpenEx(theirs, gdal.OF_VECTOR | gdal.OF_UPDATE)
    ds.ExecuteSQL(f"SELECT CreateSpatialIndex({gpkg_rtree._literal(name)}, '{geom}')")
    ds = None
    rtree = f"rtree_{name}_{geom}"
    dump = []
    for p in (ours, theirs):
        with sqlite3.connect(p) as db:
            assert db.execute("SELECT rtreecheck(?)", (rtree,)).fetchone()[0] == "ok", p
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok", p
            dump.append((
                db.execute(f'SELECT * FROM {gpkg_rtree.quote_name(rtree)} ORDER BY id').fetchall(),
                db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").fetchall(),
                db.execute("SELECT * FROM gpkg_extensions ORDER BY 1, 2, 3").fetchall(),
            ))
        db.close()
    assert dump[0] == dump[1], f"{kind} {n}: index differs"
    a, b = gdal.OpenEx(ours), gdal.OpenEx(theirs)
    la, lb = a.GetLayerByName(name), b.GetLayerByName(name)
    rng = random.Random(n)
    ext = lb.GetExtent() if n else (0, 1, 0, 1)
    for _ in range(100):
        w = rng.choice([1e-6, 0.5, 50, 5000]) * max(ext[1] - ext[0], 1e-9) / 1000
        x, y = rng.uniform(ext[0] - w, ext[1]), rng.uniform(ext[2] - w, ext[3])
        la.SetSpatialFilterRect(x, y, x + w, y + w)
        lb.SetSpatialFilterRect(x, y, x + w, y + w)
        assert sorted(f.GetFID() for f in la) == sorted(f.GetFID() for f in lb), f"{kind} {n}: filter differs"
    if n >= 2:
        edit_and_recheck(ours, name, rtree)
    return "packed" if packed else "GDAL (fallback)"


def edit_and_recheck(path: str, name: str, rtree: str) -> None:
    """Edits through OGR (the R-tree triggers at work) keep a packed index consistent."""
    from osgeo import gdal, ogr

    from sozialraum_plugin.gis import gpkg_rtree

    ds = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_UPDATE)
    layer = ds.GetLayerByName(name)
    fids = [f.GetFID() for f in layer]
    layer.StartTransaction()
    for fid in fids[::3]:
        layer.DeleteFeature(fid)
    for fid in [f for i, f in enumerate(fids) if i % 3 and i % 5 == 1]:
        f = layer.GetFeature(fid)
        f.SetGeometryDirectly(ogr.CreateGeometryFromWkt("MULTIPOLYGON (((0 0,1 0,1 1,0 0)))"))
        layer.SetFeature(f)
    for i in range(len(fids) // 4 + 1):
        f = ogr.Feature(layer.GetLayerDefn())
        f.SetGeometryDirectly(ogr.CreateGeometryFromWkt(f"MULTIPOLYGON ((({i} {i},{i + 2} {i},{i} {i + 2},{i} {i})))"))
        layer.CreateFeature(f)
    layer.CommitTransaction()
    ds = None
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT rtreecheck(?)", (rtree,)).fetchone()[0] == "ok", "after edits"
        n_index = db.execute(f"SELECT count(*) FROM {gpkg_rtree.quote_name(rtree)}").fetchone()[0]
        n_geom = db.execute(f"SELECT count(*) FROM {gpkg_rtree.quote_name(name)} WHERE geom IS NOT NULL").fetchone()[0]
    db.close()
    assert n_index <= n_geom, (n_index, n_geom)



CASES = [(0, "plain", "x"), (1, "plain", "Bezirke 2021"), (50, "plain", "it's"), (51, "plain", 'a"b'),
         (52, "plain", "districts"), (2601, "plain", "districts"), (2602, "plain", "districts"),
         (20_000, "plain", "districts"), (3000, "holes", "districts"), (5000, "negative", "districts"),
         (500, "points", "districts")]


@pytest.mark.parametrize("n, kind, name", CASES)
def test_packed_rtree_equals_gdal_index(qgis_app, tmp_path, n, kind, name):
    used = check(n, kind, name, tmp_path)
    assert used == ("GDAL (fallback)" if kind == "points" else "packed")
