"""Facilities as points in the districts' CRS, their district by point-in-polygon, and each
district's representative point (sozialraum:supply).

Facilities come from a point layer, or from a table (a file or a table layer) with coordinate
columns read through the project's one table reader (core/tables/read.py: ids stay text, so
``01010010`` keeps its zero). Points are reprojected into the districts' CRS; a district is found
with a spatial index and prepared GEOS geometries, a point on a shared edge goes to the first
district (the layer's order), so every facility is counted once.
"""
from __future__ import annotations

import os

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsSpatialIndex,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..core.errors import SozialraumError
from ..core.supply.counts import Facilities
from ..core.tables.read import SHEET_SUFFIXES, TEXT_SUFFIXES


def _number(value):
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return np.nan
    try:
        return float(str(value).replace(",", ".")) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        return None


def _id_text(value, fallback) -> str:
    from .layers import _text

    text = _text(value)
    return str(fallback) if text is None or text == "" else text


def _require(names, field: str, parameter: str, file: str) -> None:
    if field and field not in names:
        raise SozialraumError("supply_field_missing", field=field, parameter=parameter, file=file,
                              fields=", ".join(map(str, names)))


def facilities_from_layer(layer: QgsVectorLayer, target_crs, id_field: str = "", capacity_field: str = "",
                          transform_context=None) -> Facilities:
    """The points of a point layer (a multipoint: its first point), reprojected."""
    file = layer.source().split("|", 1)[0]
    names = layer.fields().names()
    _require(names, id_field, "ID_FIELD", file)
    _require(names, capacity_field, "CAPACITY_FIELD", file)
    transform = _transform(layer.crs(), target_crs, transform_context)
    ids, caps, xs, ys, skipped = [], [], [], [], []
    for n, feature in enumerate(layer.getFeatures(), start=1):
        ident = _id_text(feature.attribute(id_field) if id_field else None, feature.id())
        geometry = feature.geometry()
        if geometry.isNull() or geometry.isEmpty():
            skipped.append((ident, "no geometry"))
            continue
        point = QgsPointXY(geometry.vertexAt(0))
        capacity = _capacity(feature.attribute(capacity_field) if capacity_field else None, capacity_field,
                             file, n, ident)
        point = _transformed(transform, point, file, n, ident)
        ids.append(ident), caps.append(capacity), xs.append(point.x()), ys.append(point.y())
    return Facilities(ids, np.array(caps, float), np.array(xs, float), np.array(ys, float), skipped)


def _transformed(transform, point, file: str, row: int, ident: str):
    """The point in the districts' CRS; a point the transform cannot take (metres declared as
    degrees, or the wrong CRS) is named instead of ending in a QgsCsException traceback."""
    if not transform:
        return point
    try:
        return transform.transform(point)
    except QgsCsException:
        raise SozialraumError("supply_transform_failed", file=file, row=row, id=ident,
                              point=f"{point.x():.6g}, {point.y():.6g}",
                              source=transform.sourceCrs().authid() or transform.sourceCrs().description(),
                              target=transform.destinationCrs().authid()
                              or transform.destinationCrs().description()) from None


def _capacity(value, field: str, file: str, row: int, ident: str) -> float:
    if not field:
        return 1.0
    number = _number(value)
    if number is None:
        raise SozialraumError("supply_bad_number", file=file, row=row, id=ident, field=field, value=str(value))
    return 0.0 if number != number else number  # an empty capacity counts as no places


def facilities_from_table(source: str, layer: QgsVectorLayer | None, x_field: str, y_field: str, crs_text: str,
                          target_crs, id_field: str = "", capacity_field: str = "",
                          transform_context=None) -> Facilities:
    """Facilities from a table file (CSV/TXT/XLSX/ODS, through core/tables/read.py) or a table
    layer (its attributes as text, typed by the same reader), with coordinates in ``crs_text``."""
    from ..core.tables.read import read_frame, read_table
    from .layers import attributes_as_text

    keys = [id_field] if id_field else []
    path = source.split("|", 1)[0]
    suffix = os.path.splitext(path)[1].lower()
    if os.path.isfile(path) and (suffix in TEXT_SUFFIXES or suffix in SHEET_SUFFIXES):
        frame = read_table(path, key_columns=keys).frame
    else:
        frame = read_frame(attributes_as_text(layer), name=layer.name(), key_columns=keys).frame
    file = os.path.basename(path) or source
    names = list(frame.columns)
    for field, parameter in ((x_field, "X_FIELD"), (y_field, "Y_FIELD"), (id_field, "ID_FIELD"),
                             (capacity_field, "CAPACITY_FIELD")):
        _require(names, field, parameter, file)
    crs = QgsCoordinateReferenceSystem(crs_text) if crs_text else QgsCoordinateReferenceSystem(target_crs)
    if not crs.isValid():
        raise SozialraumError("supply_crs_invalid", crs=crs_text)
    rows = frame.to_dict("list")
    if not crs_text:
        _refuse_degrees_as_metres(rows[x_field], rows[y_field], target_crs, file)
    transform = _transform(crs, target_crs, transform_context)
    ids, caps, xs, ys, skipped = [], [], [], [], []
    for n in range(len(frame)):
        ident = _id_text(rows[id_field][n] if id_field else None, n + 1)
        x, y = _number(rows[x_field][n]), _number(rows[y_field][n])
        for value, field in ((x, x_field), (y, y_field)):
            if value is None:
                raise SozialraumError("supply_bad_number", file=file, row=n + 2, id=ident, field=field,
                                      value=str(rows[field][n]))
        if x != x or y != y:
            skipped.append((ident, "no coordinates"))
            continue
        capacity = _capacity(rows[capacity_field][n] if capacity_field else None, capacity_field, file, n + 2,
                             ident)
        point = _transformed(transform, QgsPointXY(x, y), file, n + 2, ident)
        ids.append(ident), caps.append(capacity), xs.append(point.x()), ys.append(point.y())
    return Facilities(ids, np.array(caps, float), np.array(xs, float), np.array(ys, float), skipped)


def _refuse_degrees_as_metres(xs, ys, target_crs, file: str) -> None:
    """A table without a CRS is read in the districts' CRS; lon/lat there would put every facility
    near the CRS's origin, outside every district, and the output would say 0 places everywhere."""
    if not target_crs.isValid() or target_crs.isGeographic():
        return
    x = np.array([v for v in map(_number, xs) if v is not None], dtype=float)
    y = np.array([v for v in map(_number, ys) if v is not None], dtype=float)
    x, y = x[np.isfinite(x)], y[np.isfinite(y)]
    if len(x) and len(y) and np.abs(x).max() <= 180.0 and np.abs(y).max() <= 90.0:
        raise SozialraumError("supply_crs_missing", file=file, crs=target_crs.authid() or target_crs.description())


def is_point_layer(layer: QgsVectorLayer) -> bool:
    return QgsWkbTypes.geometryType(layer.wkbType()) == QgsWkbTypes.GeometryType.PointGeometry


def _transform(source_crs, target_crs, transform_context):
    if not source_crs.isValid() or source_crs == target_crs:
        return None
    context = transform_context or QgsProject.instance().transformContext()
    return QgsCoordinateTransform(source_crs, target_crs, context)


def district_of(features: list, facilities: Facilities) -> np.ndarray:
    """Each facility's district position in ``features`` (-1: in none), by point-in-polygon."""
    index = QgsSpatialIndex()
    engines = {}
    for pos, feature in enumerate(features):
        geometry = feature.geometry()
        if geometry.isNull() or geometry.isEmpty():
            continue
        index.addFeature(pos, geometry.boundingBox())
        engine = QgsGeometry.createGeometryEngine(geometry.constGet())
        engine.prepareGeometry()
        engines[pos] = (engine, geometry)
    out = np.full(len(facilities), -1, dtype=int)
    for j, (x, y) in enumerate(zip(facilities.x, facilities.y)):
        point = QgsGeometry.fromPointXY(QgsPointXY(x, y))
        for pos in sorted(index.intersects(QgsRectangle(x, y, x, y))):
            if engines[pos][0].intersects(point.constGet()):  # (an edge point too: first district wins)
                out[j] = pos
                break
    return out


def representative_points(features: list) -> np.ndarray:
    """Each district's point on its surface (inside even for a U-shaped area), as (x, y) rows."""
    rows = []
    for feature in features:
        geometry = feature.geometry()
        if geometry.isNull() or geometry.isEmpty():
            rows.append((np.nan, np.nan))
            continue
        point = geometry.pointOnSurface().asPoint()
        rows.append((point.x(), point.y()))
    return np.array(rows, dtype=float).reshape(-1, 2)
