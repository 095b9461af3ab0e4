"""The spatial index of a written GeoPackage, built in one pass.

GDAL before 3.7 fills the R-tree one feature at a time through SQLite (about 1 s per 100,000
polygons, the largest single cost of a join). Here GDAL creates the index tables, triggers and
extension rows on an empty scratch layer; that SQL is replayed on the real file and the R-tree is
filled as a packed (sort-tile-recursive) tree, checked with SQLite's ``rtreecheck`` before it is
committed. Anything that does not fit this path (GDAL ≥ 3.7, points, odd blobs) gets GDAL's own
CreateSpatialIndex. test/qgis/test_gpkg_rtree.py compares both indexes entry by entry.
"""
from __future__ import annotations

import os
import sqlite3
import struct
import uuid
from contextlib import closing


def _envelope(blob, index: int):
    """One bound of a GeoPackage geometry blob's envelope (None when it has none)."""
    if blob is None or len(blob) < 8 or blob[:2] != b"GP":
        return None
    flags = blob[3]
    if not (flags >> 1) & 0b111:
        return None
    order = "<" if flags & 1 else ">"
    return struct.unpack_from(order + "d", blob, 8 + 8 * index)[0]


def register_gpkg_functions(db: sqlite3.Connection) -> None:
    """The functions GDAL's R-tree triggers name. Our UPDATE changes no geometry and no fid, so
    the triggers do nothing, but SQLite needs the functions to exist to prepare them."""
    db.create_function("ST_IsEmpty", 1, lambda b: None if b is None else int(len(b) > 3 and bool(b[3] & 0b10000)),
                       deterministic=True)
    for i, name in enumerate(("ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY")):
        db.create_function(name, 1, lambda b, i=i: _envelope(b, i), deterministic=True)


def remove_database(temp: str) -> None:
    """Delete an SQLite file with its journal files (missing ones are fine)."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            os.remove(temp + suffix)
        except FileNotFoundError:
            pass


def quote_name(name: str) -> str:
    """An SQL identifier in double quotes."""
    return '"' + name.replace('"', '""') + '"'


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
        with closing(sqlite3.connect(scratch)) as db, db:  # closed, not only committed
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
        remove_database(scratch)


def _envelopes(db: sqlite3.Connection, layer_name: str, geom: str, fid: str):
    """(fids, minx, maxx, miny, maxy) of the non-empty geometries, from the envelopes of the
    GeoPackage blobs; None when a blob has no envelope (points) or is not a standard blob."""
    import numpy as np

    g, f = quote_name(geom), quote_name(fid)
    # One string for all rows (16 hex digits of the fid + the first 40 bytes of the blob, padded):
    # no Python object per row.
    text = db.execute(f"SELECT group_concat(printf('%016X', {f}) || substr(hex(substr({g}, 1, 40)) || "
                      f"'{'0' * 80}', 1, 80), '') FROM {quote_name(layer_name)} WHERE {g} IS NOT NULL").fetchone()[0]
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
        register_gpkg_functions(db)
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
            node_table = quote_name(rtree + "_node")
            node_size = db.execute(f"SELECT length(data) FROM {node_table} WHERE nodeno = 1").fetchone()[0]
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
    db.execute(f"DELETE FROM {quote_name(rtree + '_node')}")
    db.executemany(f"INSERT INTO {quote_name(rtree + '_node')} VALUES (?, ?)", node_rows)
    db.executemany(f"INSERT INTO {quote_name(rtree + '_rowid')} VALUES (?, ?)",
                   zip(leaf_ids[order].tolist(), (first_number[0] + leaf_of[order]).tolist()))
    db.executemany(f"INSERT INTO {quote_name(rtree + '_parent')} VALUES (?, ?)", sorted(parent_rows))
