"""The geometry of regridding: intersection pieces of an old and a new grid, and weights in them.

Everything is intersected in the CRS of the new grid (TARGET): the old grid and the weight layer are
transformed into it. Areas are planar in a projected CRS (a city's extent: scale errors of a
conformal projection cancel in the shares) and ellipsoidal (QgsDistanceArea on the CRS's ellipsoid)
in a geographic one, so a grid in degrees is measured, not refused. Invalid polygons (Köln's
Marienburg has a ring self-intersection) are repaired with makeValid and named in the report.
Intersections: QgsSpatialIndex for candidates, a prepared GEOS engine per old area.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from qgis.core import (
    QgsCoordinateTransform,
    QgsDistanceArea,
    QgsFeatureRequest,
    QgsGeometry,
    QgsSpatialIndex,
    QgsWkbTypes,
)

from ..core.errors import SozialraumError
from ..core.tables.keys import normalize_key
from . import field_types


def grid_key(value):
    """A key as the project compares keys (core/tables/keys.py): text, trimmed, 7.0 → '7'."""
    return normalize_key(None if hasattr(value, "isNull") and value.isNull() else value)


def layer_source(layer) -> str:
    return layer.source().split("|", 1)[0] if layer.providerType() == "ogr" else layer.name()


@dataclass
class Grid:
    """Areas of one grid in the working CRS: key → geometry, a spatial index over them."""

    keys: list
    geometries: dict
    index: QgsSpatialIndex
    ids: dict  # spatial index id → key
    repaired: list = field(default_factory=list)  # keys whose geometry was repaired
    no_geometry: list = field(default_factory=list)  # keys of features without (or with an empty) geometry
    attributes: dict = field(default_factory=dict)  # field → {key: value}
    overlaps: dict = field(default_factory=dict)  # key → keys of the same grid whose interior it shares


def find_overlaps(grid: Grid) -> list:
    """Pairs of areas of ``grid`` whose interiors meet (a new grid drawn by hand, a layer holding two
    versions): ``split`` then counts their common part once. Neighbours that only touch do not."""
    pairs = []
    for key in grid.keys:
        geometry = grid.geometries[key]
        if geometry.isNull() or geometry.isEmpty():
            continue
        engine = _engine(geometry)
        for other_key, other in _candidates(grid, geometry, engine):
            if other_key != key and engine.relatePattern(other.constGet(), "2********"):
                grid.overlaps.setdefault(key, set()).add(other_key)
                if (other_key, key) not in pairs:
                    pairs.append((key, other_key))
    return pairs


class Measure:
    """Areas in the working CRS: planar, or ellipsoidal where the CRS is geographic."""

    def __init__(self, crs, transform_context):
        self.ellipsoidal = crs.isValid() and crs.isGeographic()
        self._da = None
        if self.ellipsoidal:
            self._da = QgsDistanceArea()
            self._da.setSourceCrs(crs, transform_context)
            self._da.setEllipsoid(crs.ellipsoidAcronym() or "EPSG:7030")

    def area(self, geometry: QgsGeometry) -> float:
        if geometry is None or geometry.isNull() or geometry.isEmpty():
            return 0.0
        return float(self._da.measureArea(geometry) if self._da else geometry.area())


def _transform(layer, crs, context):
    if not (layer.crs().isValid() and crs.isValid()) or layer.crs() == crs:
        return None
    return QgsCoordinateTransform(layer.crs(), crs, context.transformContext())


def read_grid(layer, key_field: str, crs, context, fields=()) -> Grid:
    """Keys, repaired geometries in ``crs`` and the ``fields`` of every feature; keys must be unique."""
    transform = _transform(layer, crs, context)
    names = layer.fields().names()
    request = QgsFeatureRequest().setSubsetOfAttributes([key_field, *fields], layer.fields())
    grid = Grid([], {}, QgsSpatialIndex(), {}, attributes={f: {} for f in fields})
    for feature in layer.getFeatures(request):
        key = grid_key(feature[key_field])
        if key is None:
            raise SozialraumError("regrid_key_empty", file=layer_source(layer), fid=feature.id(), field=key_field)
        if key in grid.geometries:
            raise SozialraumError("regrid_key_twice", key=key, field=key_field, file=layer_source(layer))
        geometry = QgsGeometry(feature.geometry())
        if geometry.isNull() or geometry.isEmpty():  # nowhere to put its counts: named, not 'repaired'
            geometry = QgsGeometry()
            grid.no_geometry.append(key)
        else:
            if transform is not None:
                geometry.transform(transform)
            if not geometry.isGeosValid():
                geometry = geometry.makeValid()
                grid.repaired.append(key)
        grid.keys.append(key)
        grid.geometries[key] = geometry
        number = len(grid.ids)
        grid.ids[number] = key
        if not geometry.isNull():
            grid.index.addFeature(number, geometry.boundingBox())
        for name in fields:
            if name in names:
                grid.attributes[name][key] = feature[name]
    return grid


def _candidates(grid: Grid, geometry: QgsGeometry, engine):
    for number in grid.index.intersects(geometry.boundingBox()):
        key = grid.ids[number]
        other = grid.geometries[key]
        if engine.intersects(other.constGet()):
            yield key, other


def _engine(geometry: QgsGeometry):
    engine = QgsGeometry.createGeometryEngine(geometry.constGet())
    engine.prepareGeometry()
    return engine


def split(geometry: QgsGeometry, grid: Grid, measure: Measure) -> tuple[list, float]:
    """``[(key, area of geometry ∩ area)]`` over the areas of ``grid`` it meets, and its own area.
    Where areas of ``grid`` overlap, the pieces are scaled to the area their union covers: the
    common part is counted once and the part outside every area stays outside."""
    whole = measure.area(geometry)
    if whole <= 0:
        return [], whole
    engine = _engine(geometry)
    found, pieces = [], []
    for key, other in _candidates(grid, geometry, engine):
        piece = geometry.intersection(other)
        area = measure.area(piece)
        if area > 0:
            found.append((key, area))
            pieces.append(piece)
    if len(found) > 1 and any(key in grid.overlaps for key, _ in found):
        total, union = sum(a for _, a in found), measure.area(QgsGeometry.unaryUnion(pieces))
        if 0 < union < total:
            found = [(key, area * union / total) for key, area in found]
    return found, whole


def area_pieces(old: Grid, new: Grid, measure: Measure, feedback=None) -> list:
    """``(old key, new key or None, area)``: every old × new piece, and the part outside every new area.
    Stops early where ``feedback`` is cancelled (the caller then writes nothing)."""
    find_overlaps(new)
    rows = []
    for number, key in enumerate(old.keys):
        if feedback is not None:
            if feedback.isCanceled():
                break
            feedback.setProgress(50 * number / max(len(old.keys), 1))
        geometry = old.geometries[key]
        if geometry.isNull():
            rows.append((key, None, 0.0))
            continue
        found, whole = split(geometry, new, measure)
        rows += [(key, target, area) for target, area in found]
        rows.append((key, None, max(whole - sum(a for _, a in found), 0.0)))
    return rows


@dataclass
class Weights:
    rows: list  # (old key, new key or None, weight)
    features: int = 0
    empty: int = 0  # NULL weights (taken as 0)
    outside_old: int = 0  # features outside every old area (no old area to weight)


def weight_pieces(layer, weight_field: str, old: Grid, new: Grid, crs, context, measure: Measure,
                  feedback=None) -> Weights:
    """Points weigh where they lie; polygons are split by area between the old × new pieces."""
    transform = _transform(layer, crs, context)
    request = QgsFeatureRequest().setSubsetOfAttributes([weight_field], layer.fields())
    points = layer.geometryType() == QgsWkbTypes.GeometryType.PointGeometry
    result = Weights([])
    read = _text_weights(layer, weight_field, request)
    for feature in layer.getFeatures(request):
        if feedback is not None and feedback.isCanceled():
            break
        result.features += 1
        value = _plain(feature[weight_field])
        weight = read.get(feature.id(), float("nan")) if isinstance(value, str) else value
        if value is None or (isinstance(value, str) and not value.strip()):
            result.empty += 1
            continue
        try:
            weight = float(weight)
        except (TypeError, ValueError):
            weight = float("nan")
        if not weight >= 0:  # also NaN
            raise SozialraumError("regrid_weight_invalid", field=weight_field, file=layer_source(layer),
                                  value=value, fid=feature.id())
        geometry = QgsGeometry(feature.geometry())
        if weight == 0 or geometry.isNull():
            continue
        if transform is not None:
            geometry.transform(transform)
        before = len(result.rows)
        if points:
            parts = geometry.asGeometryCollection() or [geometry]
            for part in parts:
                _point(part, weight / len(parts), old, new, result.rows)
        else:
            _polygon(geometry, weight, old, new, measure, result.rows)
        result.outside_old += len(result.rows) == before
    return result


def _text_weights(layer, weight_field: str, request) -> dict:
    """fid → weight for a text weight field, its number marks decided over the whole column."""
    from ..core.areas.regrid import field_numbers

    if layer.fields().field(weight_field).type() != field_types.STRING:
        return {}
    cells = [(f.id(), _plain(f[weight_field])) for f in layer.getFeatures(QgsFeatureRequest(request).setFlags(
        QgsFeatureRequest.Flag.NoGeometry))]
    numbers, _bad = field_numbers([c if isinstance(c, str) else None for _fid, c in cells])
    return {fid: numbers[i] for i, (fid, _c) in enumerate(cells)}  # a bad cell is NaN: refused below


def _first(grid: Grid, point: QgsGeometry):
    engine = _engine(point)
    for key, _other in _candidates(grid, point, engine):
        return key
    return None


def _point(point: QgsGeometry, weight: float, old: Grid, new: Grid, rows: list) -> None:
    home = _first(old, point)
    if home is not None:
        rows.append((home, _first(new, point), weight))


def _polygon(geometry: QgsGeometry, weight: float, old: Grid, new: Grid, measure: Measure, rows: list) -> None:
    if not geometry.isGeosValid():
        geometry = geometry.makeValid()
    whole = measure.area(geometry)
    if whole <= 0:
        return
    density = weight / whole
    engine = _engine(geometry)
    for key, other in _candidates(old, geometry, engine):
        inside = geometry.intersection(other)
        found, area = split(inside, new, measure)
        if area <= 0:
            continue
        rows += [(key, target, density * part) for target, part in found]
        rows.append((key, None, density * max(area - sum(p for _, p in found), 0.0)))


def covered(new: Grid, pieces: list, measure: Measure, old: Grid) -> dict:
    """Per new key, the part of its area that old areas cover (1 where the old grid covers it all)."""
    inside = {}
    for _old, target, area in pieces:
        if target is not None:
            inside[target] = inside.get(target, 0.0) + area
    for key in new.overlaps:  # its pieces were scaled down for the overlap: measured again
        whole = new.geometries[key]
        inside[key] = sum(measure.area(whole.intersection(o)) for _k, o in _candidates(old, whole, _engine(whole)))
    out = {}
    for key in new.keys:
        whole = measure.area(new.geometries[key])
        out[key] = min(inside.get(key, 0.0) / whole, 1.0) if whole > 0 else None
    return out


def counts_frame(old: Grid, counts, source: str):
    """The old areas' counts as floats (NaN for NULL; text read as offices write numbers, text that
    is no number refused)."""
    import pandas as pd

    from ..core.areas.regrid import field_numbers

    frame = pd.DataFrame(index=pd.Index(old.keys, dtype=object))
    for name in counts:
        values = [_plain(old.attributes[name].get(key)) for key in old.keys]
        numbers, bad = field_numbers(values)
        if bad is not None:
            raise SozialraumError("regrid_count_not_numeric", field=name, file=source, value=values[bad],
                                  key=old.keys[bad])
        frame[name] = numbers
    return frame


def _plain(value):
    """NULL (a QVariant or None) as None, anything else as it is."""
    return None if value is None or (hasattr(value, "isNull") and value.isNull()) else value
