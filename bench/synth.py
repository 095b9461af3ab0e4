"""Synthetic district layers and indicator tables for benchmarks.

A square tessellation (n cells, keys with leading zeros like real statistics keys) written as a
GeoPackage through OGR, and an indicator table in the dialect offices send: ';', decimal comma,
cp1252, a '-9999' here and a '–' there. Values are drawn from a seeded generator, with spatial
structure (a need gradient across the grid) so that clusters are not pure noise.
"""
from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd

INDICATORS = [f"I{i:02d}" for i in range(1, 11)]


def keys(n: int) -> np.ndarray:
    width = max(8, len(str(n)))
    return np.char.zfill(np.arange(1, n + 1).astype(str), width)


def indicator_frame(n: int, seed: int = 7, n_indicators: int = 10) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    side = math.ceil(math.sqrt(n))
    idx = np.arange(n)
    gradient = ((idx % side) + (idx // side)) / (2 * side)  # need rises across the grid
    frame = pd.DataFrame({"key": keys(n), "EW": rng.integers(100, 12_000, n)})
    for j in range(n_indicators):
        base = 5 + 20 * gradient * (1 if j % 3 else -1) + rng.normal(0, 3 + j % 4, n)
        frame[f"I{j + 1:02d}"] = np.round(np.abs(base) + 1, 2)
    return frame


def indicator_columns(n: int, seed: int = 7, n_indicators: int = 10) -> pd.DataFrame:
    """The numeric part of :func:`indicator_frame` (no key column) built without copies: the
    indicators fill one (indicators × n) float64 block that becomes the frame's block, so that
    memory measurements see the data once (n × indicators × 8 bytes) and not its construction."""
    rng = np.random.default_rng(seed)
    side = math.ceil(math.sqrt(n))
    block = np.empty((n_indicators, n))
    ew = rng.integers(100, 12_000, n)
    idx = np.arange(n)
    gradient = ((idx % side) + (idx // side)) / (2 * side)
    del idx
    for j in range(n_indicators):
        row = block[j]
        row[:] = rng.normal(0, 3 + j % 4, n)
        row += 5 + 20 * gradient * (1 if j % 3 else -1)
        np.abs(row, out=row)
        row += 1
        np.round(row, 2, out=row)
    del gradient
    frame = pd.DataFrame(block.T, columns=[f"I{j + 1:02d}" for j in range(n_indicators)], copy=False)
    frame["EW"] = ew
    return frame


def write_csv(frame: pd.DataFrame, path: Path, seed: int = 7) -> Path:
    """German dialect with a few missing and suppressed cells."""
    rng = np.random.default_rng(seed + 1)
    text = frame.copy()
    for col in INDICATORS[: len(text.columns) - 2]:
        text[col] = text[col].map(lambda v: f"{v:.2f}".replace(".", ","))
        holes = rng.random(len(text)) < 0.002
        text.loc[holes, col] = "-9999"
        suppressed = rng.random(len(text)) < 0.001
        text.loc[suppressed, col] = "–"
    text.to_csv(path, sep=";", index=False, encoding="cp1252", lineterminator="\r\n")
    return path


def write_grid_gpkg(n: int, path: Path, cell: float = 100.0) -> Path:
    """n square polygons in EPSG:25833 with a text key, written with OGR in one transaction."""
    from osgeo import ogr, osr

    side = math.ceil(math.sqrt(n))
    driver = ogr.GetDriverByName("GPKG")
    if path.exists():
        driver.DeleteDataSource(str(path))
    ds = driver.CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(25833)
    layer = ds.CreateLayer("districts", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("key", ogr.OFTString))
    layer.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    defn = layer.GetLayerDefn()
    layer.StartTransaction()
    x0, y0 = 380_000.0, 5_810_000.0
    for i, key in enumerate(keys(n)):
        x, y = x0 + (i % side) * cell, y0 + (i // side) * cell
        feature = ogr.Feature(defn)
        feature.SetField(0, str(key))
        feature.SetField(1, f"Gebiet {i + 1}")
        wkt = f"POLYGON(({x} {y},{x + cell} {y},{x + cell} {y + cell},{x} {y + cell},{x} {y}))"
        feature.SetGeometryDirectly(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    ds = None
    return path
