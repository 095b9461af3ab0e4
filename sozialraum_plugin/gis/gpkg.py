"""Writing results as a new GeoPackage layer: the source's geometry and fields plus new columns.

QGIS's own writer copies the source (any provider) in C++; the new columns are then filled with
one SQL UPDATE through sqlite3, which is what keeps a 100,000-row join as fast as QGIS's own
join. The file is built under a temporary name in the destination folder and moved into place
at the end, so a failed run never leaves a half-written GeoPackage behind.
"""
from __future__ import annotations

import os
import sqlite3
import uuid
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from qgis.core import (
    QgsCoordinateTransformContext,
    QgsDataProvider,
    QgsProviderRegistry,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from ..core.errors import SozialraumError
from ..core.fileio import create_temp, remove_quietly, replace_file
from .gpkg_rtree import finish, quote_name, register_gpkg_functions
from .gpkg_rtree import remove_database as discard

SQL_TYPES = {"integer": "INTEGER", "real": "REAL", "text": "TEXT", "boolean": "BOOLEAN"}


class OutputError(SozialraumError):
    """An output cannot be written where it was asked for."""


@dataclass
class WrittenLayer:
    path: str
    layer_name: str
    replaced_existing: bool

    @property
    def uri(self) -> str:
        return f"{self.path}|layername={self.layer_name}"


def same_file(a: str | os.PathLike, b: str | os.PathLike) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def source_path(layer: QgsVectorLayer) -> str:
    """The file behind a layer ('' for non-file providers)."""
    return layer.source().split("|", 1)[0] if layer.providerType() == "ogr" else ""


def check_destination(dest: str, *sources: str) -> None:
    """Refuse to write over an input: the user's sources are never modified."""
    for src in sources:
        if src and os.path.exists(src) and os.path.exists(dest) and same_file(src, dest):
            raise OutputError("output_is_source", file=dest)


def sql_type(kind: str) -> str:
    return SQL_TYPES.get(kind, "TEXT")


def _ogr_copyable(layer: QgsVectorLayer) -> bool:
    """Can GDAL copy the file as QGIS shows it (no filter, no unsaved edits)?"""
    return (layer.providerType() == "ogr" and not layer.subsetString()
            and not (layer.isEditable() and layer.isModified()))


def _copy_source(layer: QgsVectorLayer, path: str, layer_name: str) -> None:
    """Copy features without a spatial index; ``finish`` builds it once all columns are there.

    For plain OGR files GDAL copies in C (several times faster than feature-by-feature writing);
    anything else (filters, PostGIS, memory layers, unsaved edits) goes through QGIS's writer.
    """
    if _ogr_copyable(layer):
        from osgeo import gdal

        parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
        name = parts.get("layerName") or None
        if name is None and parts.get("layerId") is not None:
            name = layer.dataProvider().subLayers()[0].split(QgsDataProvider.sublayerSeparator())[1]
        # QGIS decodes shapefiles itself (it blanks GDAL's SHAPE_ENCODING): hand GDAL the
        # encoding QGIS shows, so names like 'Dellbrück' arrive as the user sees them.
        open_options = []
        if parts["path"].lower().endswith((".shp", ".dbf")):
            open_options = [f"ENCODING={layer.dataProvider().encoding()}"]
        source = gdal.OpenEx(parts["path"], gdal.OF_VECTOR, open_options=open_options)
        done = None if source is None else gdal.VectorTranslate(
            path, source, format="GPKG", layers=[name] if name else None, layerName=layer_name,
            geometryType="PROMOTE_TO_MULTI", layerCreationOptions=["SPATIAL_INDEX=NO"])
        source = None
        if done is not None:
            done = None  # closes the dataset, flushing it to disk
            return
        discard(path)  # GDAL could not: QGIS's writer below
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = layer_name
    options.fileEncoding = "UTF-8"
    options.layerOptions = ["SPATIAL_INDEX=NO"]
    result = QgsVectorFileWriter.writeAsVectorFormatV3(
        layer, path, QgsCoordinateTransformContext(), options
    )
    error, message = result[0], result[1]
    if error != QgsVectorFileWriter.WriterError.NoError:
        raise OutputError("output_write_failed", file=path, reason=message)


def invalid_keys(path: str, layer_name: str, key_field: str) -> list | None:
    """Keys of the features whose geometry is not valid (GEOS rules), by SQL in GDAL; None if
    GDAL cannot tell (no SpatiaLite)."""
    from osgeo import gdal

    ds = gdal.OpenEx(path, gdal.OF_VECTOR)
    layer = ds.GetLayerByName(layer_name)
    geom = layer.GetGeometryColumn() or "geom"
    try:
        result = ds.ExecuteSQL(f'SELECT CAST({quote_name(key_field)} AS TEXT) FROM {quote_name(layer_name)} '
                               f'WHERE {quote_name(geom)} IS NOT NULL AND NOT ST_IsValid({quote_name(geom)})')
    except RuntimeError:
        return None
    if result is None:
        return None
    keys = [feature.GetField(0) for feature in result]
    ds.ReleaseResultSet(result)
    return keys


def read_fids_and_keys(path: str, layer_name: str, key_field: str):
    """(fid, key as text) of the freshly written layer, in fid order."""
    import pandas as pd

    with closing(sqlite3.connect(path)) as db, db:  # closed, not only committed
        frame = pd.read_sql_query(
            f"SELECT fid, CAST({quote_name(key_field)} AS TEXT) AS key FROM {quote_name(layer_name)} ORDER BY fid",
            db,
        )
    return frame


def add_columns(path: str, layer_name: str, fids, columns: dict, kinds: dict[str, str]) -> None:
    """Add ``columns`` (name → sequence aligned with ``fids``) to the layer, typed by ``kinds``."""
    if not columns:
        return
    names = list(columns)
    table = quote_name(layer_name)
    with closing(sqlite3.connect(path)) as db, db:  # closed, not only committed
        register_gpkg_functions(db)
        db.execute("PRAGMA synchronous = OFF")
        # A file under a temporary name, discarded on any error: the rollback journal and the
        # temporary table can stay in memory (a failed statement still rolls back).
        db.execute("PRAGMA journal_mode = MEMORY")
        db.execute("PRAGMA temp_store = MEMORY")
        db.execute("PRAGMA cache_size = -65536")
        for name in names:
            db.execute(f"ALTER TABLE {table} ADD COLUMN {quote_name(name)} {sql_type(kinds.get(name, 'text'))}")
        temp_cols = ", ".join(f"c{i} {sql_type(kinds.get(n, 'text'))}" for i, n in enumerate(names))
        db.execute(f"CREATE TEMP TABLE _sr_new (fid INTEGER PRIMARY KEY, {temp_cols})")
        placeholders = ", ".join("?" * (len(names) + 1))
        rows = zip(fids, *(columns[n] for n in names))
        db.executemany(f"INSERT INTO _sr_new VALUES ({placeholders})", rows)
        assignments = ", ".join(f"{quote_name(n)} = _sr_new.c{i}" for i, n in enumerate(names))
        db.execute(f"UPDATE {table} SET {assignments} FROM _sr_new WHERE {table}.fid = _sr_new.fid")
        db.execute("DROP TABLE _sr_new")
        db.execute(
            "UPDATE gpkg_contents SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now') "
            "WHERE table_name = ?", (layer_name,)
        )


def temporary_path(dest: str) -> str:
    folder = os.path.dirname(os.path.abspath(dest)) or "."
    return os.path.join(folder, f".{Path(dest).stem}.{uuid.uuid4().hex[:8]}.part.gpkg")


def commit(temp: str, dest: str) -> bool:
    """Move the finished file into place; True if it replaced an existing file (a target that
    cannot be replaced is named in the error: it may be open in another program)."""
    return replace_file(temp, dest)


def check_writable(dest: str) -> None:
    """Before any work: can a file be made beside ``dest``? (A read-only folder is reported by
    name here, not as a GDAL failure after the copy.)"""
    remove_quietly(create_temp(dest))


def copy_layer(layer: QgsVectorLayer, dest: str, layer_name: str) -> WrittenLayer:
    """``layer`` as a new GeoPackage layer at ``dest`` (atomically, spatial index included)."""
    return write_with_columns(layer, dest, layer_name, lambda _temp: ({}, {}, []))


def write_with_columns(layer: QgsVectorLayer, dest: str, layer_name: str, build_columns) -> WrittenLayer:
    """Copy ``layer`` to a new GeoPackage at ``dest`` and add the columns ``build_columns`` makes.

    ``build_columns(fid_key_frame) -> (columns, kinds)`` sees the written layer's fid and key and
    returns the values to add, aligned with those fids.
    """
    check_destination(dest, source_path(layer))
    check_writable(dest)
    temp = temporary_path(dest)
    try:
        _copy_source(layer, temp, layer_name)
        columns, kinds, fids = build_columns(temp)
        add_columns(temp, layer_name, fids, columns, kinds)
        finish(temp, layer_name)
        replaced = commit(temp, dest)
    except BaseException:
        discard(temp)
        raise
    return WrittenLayer(dest, layer_name, replaced)


def read_fields(path: str, layer_name: str, fields: list[str]):
    """The given attribute columns of a written layer, indexed by fid (fid order)."""
    import pandas as pd

    columns = ", ".join(quote_name(f) for f in fields)
    with closing(sqlite3.connect(path)) as db, db:  # closed, not only committed
        frame = pd.read_sql_query(
            f"SELECT fid{', ' if fields else ''}{columns} FROM {quote_name(layer_name)} ORDER BY fid", db)
    return frame.set_index("fid")


def kind_of(series) -> str:
    """The GeoPackage column kind for a pandas column."""
    import pandas as pd

    if pd.api.types.is_bool_dtype(series):
        return "boolean"
    if pd.api.types.is_integer_dtype(series):
        return "integer"
    if pd.api.types.is_float_dtype(series):
        return "real"
    return "text"


def column_values(series, kind: str) -> list:
    """Python values for sqlite: None for missing, int/float/str otherwise.

    Numbers are converted column-wise (``tolist`` makes the Python ints and floats in C), and
    only the missing cells are visited one by one.
    """
    import numpy as np
    import pandas as pd

    if kind == "real":
        values = series.astype(float).to_numpy()
        return _with_none(values.tolist(), np.isnan(values))
    exact_int64 = pd.api.types.is_bool_dtype(series) or (
        pd.api.types.is_integer_dtype(series) and not (series.dtype.kind == "u" and series.dtype.itemsize >= 8))
    if kind in ("integer", "boolean") and exact_int64:
        missing = series.isna().to_numpy(dtype=bool)
        values = series.to_numpy(dtype=np.int64, na_value=0) if missing.any() else series.to_numpy(dtype=np.int64)
        return _with_none(values.tolist(), missing)
    cleaned = series.astype(object).where(series.notna(), None)
    if kind in ("integer", "boolean"):
        return [None if v is None else int(v) for v in cleaned]
    return [None if v is None else str(v) for v in cleaned]


def _with_none(values: list, missing) -> list:
    import numpy as np

    for i in np.flatnonzero(missing).tolist():
        values[i] = None
    return values


def write_results(layer: QgsVectorLayer, dest: str, layer_name: str, fields: list[str], compute,
                  replace_existing: bool = True) -> WrittenLayer:
    """Copy ``layer`` to ``dest`` and add the columns of ``compute(frame, temp_layer_path)``.

    ``frame`` holds ``fields`` of the copy indexed by fid; ``compute`` returns a DataFrame on
    the same index. Columns the layer already has (a re-run) are replaced, so the output never
    carries two generations of results.
    """
    def build(temp: str):
        frame = read_fields(temp, layer_name, fields)
        result = compute(frame, f"{temp}|layername={layer_name}")
        existing = {n.lower() for n in layer.fields().names()}
        clashing = [c for c in result.columns if c.lower() in existing]
        if clashing and replace_existing:
            drop_columns(temp, layer_name, clashing)
        kinds = {c: kind_of(result[c]) for c in result.columns}
        values = {c: column_values(result[c], kinds[c]) for c in result.columns}
        return values, kinds, frame.index.tolist()

    return write_with_columns(layer, dest, layer_name, build)


def drop_columns(path: str, layer_name: str, columns: list[str]) -> None:
    """Drop result columns of an earlier run (GDAL keeps the GeoPackage metadata consistent)."""
    from osgeo import gdal

    ds = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_UPDATE)
    layer = ds.GetLayerByName(layer_name)
    for name in columns:
        index = layer.GetLayerDefn().GetFieldIndex(name)
        if index >= 0:
            layer.DeleteField(index)
    ds = None
