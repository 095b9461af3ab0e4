"""Writing results as a new GeoPackage layer: the source's geometry and fields plus new columns.

QGIS's own writer copies the source (any provider) in C++; the new columns are then filled with
one SQL UPDATE through sqlite3, which is what keeps a 100,000-row join as fast as QGIS's own
join. The file is built under a temporary name in the destination folder and moved into place
at the end, so a failed run never leaves a half-written GeoPackage behind.
"""
from __future__ import annotations

import os
import sqlite3
import struct
import uuid
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


def finish(path: str, layer_name: str) -> None:
    """Build the spatial index: GDAL's tables, triggers and extension rows, filled in one pass.

    GDAL before 3.7 fills the R-tree one feature at a time through SQLite (about 1 s per
    100,000 polygons, the largest single cost of a join). :func:`_packed_rtree` asks GDAL for
    the same index on an empty copy of the layer, replays its SQL here and fills the R-tree
    with a packed (sort-tile-recursive) tree, checked with SQLite's ``rtreecheck`` before it is
    committed. Where anything does not fit that path, GDAL builds the index as before.
    """
    from osgeo import gdal

    ds = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_UPDATE)
    layer = ds.GetLayerByName(layer_name)
    geom = layer.GetGeometryColumn() or "geom"
    fid = layer.GetFIDColumn() or "fid"
    packable = bool(layer.GetGeometryColumn()) and _gdal_version() < (3, 7)
    ds = None
    if packable and _packed_rtree(path, layer_name, geom, fid):
        return
    ds = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_UPDATE)
    ds.ExecuteSQL(f"SELECT CreateSpatialIndex({_literal(layer_name)}, {_literal(geom)})")
    ds = None


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _gdal_version() -> tuple:
    from osgeo import gdal

    number = int(gdal.VersionInfo("VERSION_NUM"))
    return number // 1_000_000, number // 10_000 % 100


def _rtree_skeleton(folder: str, layer_name: str, geom: str, fid: str):
    """The SQL GDAL runs to add an R-tree index to a layer, taken from an empty scratch layer:
    (virtual table, triggers, gpkg_extensions DDL, gpkg_extensions rows) or None."""
    from osgeo import gdal, ogr

    scratch = os.path.join(folder, f".sr_rtree_{uuid.uuid4().hex[:8]}.gpkg")
    try:
        ds = gdal.GetDriverByName("GPKG").Create(scratch, 0, 0, 0, gdal.GDT_Unknown)
        if ds is None:
            return None
        layer = ds.CreateLayer(layer_name, geom_type=ogr.wkbMultiPolygon,
                               options=[f"GEOMETRY_NAME={geom}", f"FID={fid}", "SPATIAL_INDEX=NO"])
        if layer is None:
            return None
        ds.ExecuteSQL(f"SELECT CreateSpatialIndex({_literal(layer_name)}, {_literal(geom)})")
        ds = None
        rtree = f"rtree_{layer_name}_{geom}"
        with sqlite3.connect(scratch) as db:
            vtab = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (rtree,)).fetchone()
            triggers = [r[0] for r in db.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND substr(name, 1, ?) = ? ORDER BY rowid",
                (len(rtree), rtree))]
            ext_ddl = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'gpkg_extensions'"
                                 ).fetchone()
            ext_rows = db.execute("SELECT * FROM gpkg_extensions WHERE table_name = ?", (layer_name,)).fetchall()
        db.close()
        if vtab is None or ext_ddl is None or not ext_rows or \
                not vtab[0].endswith("USING rtree(id, minx, maxx, miny, maxy)"):
            return None  # a GDAL that builds the index differently: let it do so itself
        return rtree, vtab[0], triggers, ext_ddl[0], ext_rows
    except Exception:  # noqa: BLE001 (any surprise: GDAL's own path)
        return None
    finally:
        discard(scratch)


def _envelopes(db: sqlite3.Connection, layer_name: str, geom: str, fid: str):
    """(fids, minx, maxx, miny, maxy) of the non-empty geometries, from the envelopes of the
    GeoPackage blobs; None when a blob has no envelope (points) or is not a standard blob."""
    import numpy as np

    g, f = _quote(geom), _quote(fid)
    # One string for all rows (16 hex digits of the fid + the first 40 bytes of the blob, padded):
    # no Python object per row.
    text = db.execute(f"SELECT group_concat(printf('%016X', {f}) || substr(hex(substr({g}, 1, 40)) || "
                      f"'{'0' * 80}', 1, 80), '') FROM {_quote(layer_name)} WHERE {g} IS NOT NULL").fetchone()[0]
    if not text:
        return np.zeros(0, dtype=np.int64), *(np.zeros(0) for _ in range(4))
    record = np.frombuffer(bytes.fromhex(text), dtype=np.uint8).reshape(-1, 48)
    fids = np.ascontiguousarray(record[:, :8]).view(">i8").ravel().astype(np.int64)
    head = record[:, 8:]
    if not ((head[:, 0] == 0x47) & (head[:, 1] == 0x50)).all():  # 'GP'
        return None
    flags = head[:, 3]
    keep = (flags & 0x10) == 0  # the empty flag: GDAL's ST_IsEmpty
    envelope = (flags >> 1) & 0b111
    if ((envelope[keep] == 0) | (envelope[keep] > 4)).any():
        return None
    raw = np.ascontiguousarray(head[keep, 8:40])
    little = (flags[keep] & 1).astype(bool)
    box = np.where(little[:, None], raw.view("<f8"), raw.view(">f8")).astype(np.float64)
    if not np.isfinite(box).all() or (box[:, 0] > box[:, 1]).any() or (box[:, 2] > box[:, 3]).any():
        return None
    return fids[keep], box[:, 0], box[:, 1], box[:, 2], box[:, 3]


def _float32_down(values):
    """SQLite's rtreeValueDown: the float32 not above the double."""
    import numpy as np

    f = values.astype(np.float32)
    high = f.astype(np.float64) > values
    factor = np.where(values < 0, 1.0 + 1.0 / 8388608.0, 1.0 - 1.0 / 8388608.0)
    return np.where(high, (values * factor).astype(np.float32), f)


def _float32_up(values):
    """SQLite's rtreeValueUp: the float32 not below the double."""
    import numpy as np

    f = values.astype(np.float32)
    low = f.astype(np.float64) < values
    factor = np.where(values < 0, 1.0 - 1.0 / 8388608.0, 1.0 + 1.0 / 8388608.0)
    return np.where(low, (values * factor).astype(np.float32), f)


def _str_groups(boxes, size: int):
    """Sort-tile-recursive packing: an order of the boxes (n × 4: minx, maxx, miny, maxy) in
    which consecutive runs of ``size`` form compact nodes."""
    import numpy as np

    n = len(boxes)
    nodes = -(-n // size)
    slices = int(np.ceil(np.sqrt(nodes)))
    cx = boxes[:, 0].astype(np.float64) + boxes[:, 1]
    cy = boxes[:, 2].astype(np.float64) + boxes[:, 3]
    by_x = np.argsort(cx, kind="stable")
    slab = np.empty(n, dtype=np.int64)
    slab[by_x] = np.arange(n) // (slices * size)
    return np.lexsort((cy, slab))  # by slab, then by y inside the slab


def _pack_levels(fids, boxes32, node_cells: int):
    """The levels of a packed R-tree, leaves first: each a list of (ids, boxes, members) where
    ``ids`` are the cell ids (fids or child node numbers) per node, flattened in node order."""
    import numpy as np

    levels = []
    ids, boxes = fids, boxes32
    while True:
        order = _str_groups(boxes, node_cells) if len(ids) > node_cells else np.arange(len(ids))
        ids, boxes = ids[order], boxes[order]
        n_nodes = max(1, -(-len(ids) // node_cells))
        node_of = np.arange(len(ids)) // node_cells
        levels.append((ids, boxes, node_of, n_nodes))
        if n_nodes == 1:
            return levels
        starts = np.arange(0, len(ids), node_cells)
        parent = np.empty((n_nodes, 4), dtype=np.float32)
        parent[:, 0] = np.minimum.reduceat(boxes[:, 0], starts)
        parent[:, 1] = np.maximum.reduceat(boxes[:, 1], starts)
        parent[:, 2] = np.minimum.reduceat(boxes[:, 2], starts)
        parent[:, 3] = np.maximum.reduceat(boxes[:, 3], starts)
        ids, boxes = np.arange(n_nodes, dtype=np.int64), parent  # placeholders: renumbered below


def _node_blobs(cell_ids, boxes, node_of, n_nodes: int, node_size: int, node_cells: int, depth=None):
    """SQLite R-tree node images: 2-byte depth (root only), 2-byte cell count, then cells of a
    big-endian 8-byte id and four big-endian float32 coordinates, zero-padded to ``node_size``."""
    import numpy as np

    cell = np.dtype([("id", ">i8"), ("box", ">f4", (4,))])
    cells = np.zeros((n_nodes, node_cells), dtype=cell)
    slot = np.arange(len(cell_ids)) - node_of * node_cells
    cells["id"][node_of, slot] = cell_ids
    cells["box"][node_of, slot] = boxes
    image = np.zeros((n_nodes, node_size), dtype=np.uint8)
    header = np.zeros((n_nodes, 2), dtype=">u2")
    header[:, 1] = np.bincount(node_of, minlength=n_nodes)
    if depth is not None:
        header[:, 0] = depth
    image[:, :4] = header.view(np.uint8).reshape(n_nodes, 4)
    image[:, 4:4 + node_cells * cell.itemsize] = cells.view(np.uint8).reshape(n_nodes, -1)
    return [row.tobytes() for row in image]


def _packed_rtree(path: str, layer_name: str, geom: str, fid: str) -> bool:
    """Add GDAL's R-tree index to the layer, filled with a packed tree; False if not done."""
    import numpy as np

    skeleton = _rtree_skeleton(os.path.dirname(os.path.abspath(path)), layer_name, geom, fid)
    if skeleton is None:
        return False
    rtree, vtab_sql, triggers, ext_ddl, ext_rows = skeleton
    db = sqlite3.connect(path, isolation_level=None)
    try:
        _register_gpkg_functions(db)
        db.execute("PRAGMA synchronous = OFF")
        found = _envelopes(db, layer_name, geom, fid)
        if found is None:
            return False
        fids, minx, maxx, miny, maxy = found
        boxes = np.column_stack([_float32_down(minx), _float32_up(maxx), _float32_down(miny), _float32_up(maxy)])
        db.execute("BEGIN")
        try:
            if db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'gpkg_extensions'").fetchone() \
                    is None:
                db.execute(ext_ddl)
            db.executemany(f"INSERT INTO gpkg_extensions VALUES ({', '.join('?' * len(ext_rows[0]))})", ext_rows)
            db.execute(vtab_sql)
            node_size = db.execute(f"SELECT length(data) FROM {_quote(rtree + '_node')} WHERE nodeno = 1").fetchone()[0]
            node_cells = (node_size - 4) // 24
            if len(fids) and node_cells >= 4:
                _write_packed(db, rtree, fids, boxes, node_size, min(node_cells, 51))
            elif len(fids):
                raise sqlite3.DatabaseError("unexpected R-tree node size")
            for sql in triggers:
                db.execute(sql)
            check = db.execute("SELECT rtreecheck(?)", (rtree,)).fetchone()[0]
            if check != "ok":
                raise sqlite3.DatabaseError(check)
            db.execute("COMMIT")
        except sqlite3.Error:
            db.execute("ROLLBACK")
            return False
    finally:
        db.close()
    return True


def _write_packed(db: sqlite3.Connection, rtree: str, fids, boxes, node_size: int, node_cells: int) -> None:
    """Fill the shadow tables of an empty R-tree (node 1 = root) with a packed tree."""
    import numpy as np

    levels = _pack_levels(fids, boxes.astype(np.float32), node_cells)
    # Node numbers: root 1, then the levels from the top down (children after their parents).
    first_number, numbers = [], 1
    for _, _, _, n_nodes in reversed(levels):
        first_number.append(numbers)
        numbers += n_nodes
    first_number.reverse()  # per level, leaves first
    depth = len(levels) - 1
    node_rows, parent_rows = [], []
    for lv, (ids, boxes_lv, node_of, n_nodes) in enumerate(levels):
        if lv > 0:  # cells point at the nodes of the level below, in that level's node order
            ids = first_number[lv - 1] + ids
            child_node = ids
            parent_rows.extend(zip(child_node.tolist(), (first_number[lv] + node_of).tolist()))
        blobs = _node_blobs(ids, boxes_lv, node_of, n_nodes, node_size, node_cells,
                            depth if lv == depth else None)
        node_rows.extend(zip(range(first_number[lv], first_number[lv] + n_nodes), blobs))
    leaf_ids, _, leaf_of, _ = levels[0]
    order = np.argsort(leaf_ids, kind="stable")
    db.execute(f"DELETE FROM {_quote(rtree + '_node')}")
    db.executemany(f"INSERT INTO {_quote(rtree + '_node')} VALUES (?, ?)", node_rows)
    db.executemany(f"INSERT INTO {_quote(rtree + '_rowid')} VALUES (?, ?)",
                   zip(leaf_ids[order].tolist(), (first_number[0] + leaf_of[order]).tolist()))
    db.executemany(f"INSERT INTO {_quote(rtree + '_parent')} VALUES (?, ?)", sorted(parent_rows))


def invalid_keys(path: str, layer_name: str, key_field: str) -> list | None:
    """Keys of the features whose geometry is not valid (GEOS rules), by SQL in GDAL; None if
    GDAL cannot tell (no SpatiaLite)."""
    from osgeo import gdal

    ds = gdal.OpenEx(path, gdal.OF_VECTOR)
    layer = ds.GetLayerByName(layer_name)
    geom = layer.GetGeometryColumn() or "geom"
    try:
        result = ds.ExecuteSQL(f'SELECT CAST({_quote(key_field)} AS TEXT) FROM {_quote(layer_name)} '
                               f'WHERE {_quote(geom)} IS NOT NULL AND NOT ST_IsValid({_quote(geom)})')
    except RuntimeError:
        return None
    if result is None:
        return None
    keys = [feature.GetField(0) for feature in result]
    ds.ReleaseResultSet(result)
    return keys


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def read_fids_and_keys(path: str, layer_name: str, key_field: str):
    """(fid, key as text) of the freshly written layer, in fid order."""
    import pandas as pd

    with sqlite3.connect(path) as db:
        frame = pd.read_sql_query(
            f"SELECT fid, CAST({_quote(key_field)} AS TEXT) AS key FROM {_quote(layer_name)} ORDER BY fid",
            db,
        )
    return frame


def _envelope(blob, index: int):
    """One bound of a GeoPackage geometry blob's envelope (None when it has none)."""
    if blob is None or len(blob) < 8 or blob[:2] != b"GP":
        return None
    flags = blob[3]
    if not (flags >> 1) & 0b111:
        return None
    order = "<" if flags & 1 else ">"
    return struct.unpack_from(order + "d", blob, 8 + 8 * index)[0]


def _register_gpkg_functions(db: sqlite3.Connection) -> None:
    """The functions GDAL's R-tree triggers name. Our UPDATE changes no geometry and no fid, so
    the triggers do nothing, but SQLite needs the functions to exist to prepare them."""
    db.create_function("ST_IsEmpty", 1, lambda b: None if b is None else int(len(b) > 3 and bool(b[3] & 0b10000)),
                       deterministic=True)
    for i, name in enumerate(("ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY")):
        db.create_function(name, 1, lambda b, i=i: _envelope(b, i), deterministic=True)


def add_columns(path: str, layer_name: str, fids, columns: dict, kinds: dict[str, str]) -> None:
    """Add ``columns`` (name → sequence aligned with ``fids``) to the layer, typed by ``kinds``."""
    if not columns:
        return
    names = list(columns)
    table = _quote(layer_name)
    with sqlite3.connect(path) as db:
        _register_gpkg_functions(db)
        db.execute("PRAGMA synchronous = OFF")
        # A file under a temporary name, discarded on any error: the rollback journal and the
        # temporary table can stay in memory (a failed statement still rolls back).
        db.execute("PRAGMA journal_mode = MEMORY")
        db.execute("PRAGMA temp_store = MEMORY")
        db.execute("PRAGMA cache_size = -65536")
        for name in names:
            db.execute(f"ALTER TABLE {table} ADD COLUMN {_quote(name)} {sql_type(kinds.get(name, 'text'))}")
        temp_cols = ", ".join(f"c{i} {sql_type(kinds.get(n, 'text'))}" for i, n in enumerate(names))
        db.execute(f"CREATE TEMP TABLE _sr_new (fid INTEGER PRIMARY KEY, {temp_cols})")
        placeholders = ", ".join("?" * (len(names) + 1))
        rows = zip(fids, *(columns[n] for n in names))
        db.executemany(f"INSERT INTO _sr_new VALUES ({placeholders})", rows)
        assignments = ", ".join(f"{_quote(n)} = _sr_new.c{i}" for i, n in enumerate(names))
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
    """Move the finished file into place; True if it replaced an existing file."""
    existed = os.path.exists(dest)
    os.replace(temp, dest)
    return existed


def discard(temp: str) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            os.remove(temp + suffix)
        except FileNotFoundError:
            pass


def copy_layer(layer: QgsVectorLayer, dest: str, layer_name: str) -> WrittenLayer:
    """``layer`` as a new GeoPackage layer at ``dest`` (atomically, spatial index included)."""
    return write_with_columns(layer, dest, layer_name, lambda _temp: ({}, {}, []))


def write_with_columns(layer: QgsVectorLayer, dest: str, layer_name: str, build_columns) -> WrittenLayer:
    """Copy ``layer`` to a new GeoPackage at ``dest`` and add the columns ``build_columns`` makes.

    ``build_columns(fid_key_frame) -> (columns, kinds)`` sees the written layer's fid and key and
    returns the values to add, aligned with those fids.
    """
    check_destination(dest, source_path(layer))
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

    columns = ", ".join(_quote(f) for f in fields)
    with sqlite3.connect(path) as db:
        frame = pd.read_sql_query(
            f"SELECT fid{', ' if fields else ''}{columns} FROM {_quote(layer_name)} ORDER BY fid", db)
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
            _drop_columns(temp, layer_name, clashing)
        kinds = {c: kind_of(result[c]) for c in result.columns}
        values = {c: column_values(result[c], kinds[c]) for c in result.columns}
        return values, kinds, frame.index.tolist()

    return write_with_columns(layer, dest, layer_name, build)


def _drop_columns(path: str, layer_name: str, columns: list[str]) -> None:
    """Drop result columns of an earlier run (GDAL keeps the GeoPackage metadata consistent)."""
    from osgeo import gdal

    ds = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_UPDATE)
    layer = ds.GetLayerByName(layer_name)
    for name in columns:
        index = layer.GetLayerDefn().GetFieldIndex(name)
        if index >= 0:
            layer.DeleteField(index)
    ds = None
