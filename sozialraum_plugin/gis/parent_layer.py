"""Parents as a layer: the children's polygons dissolved per parent key, with the parents' figures.

The union is GEOS's (``QgsGeometry.unaryUnion`` of each parent's children). A child GEOS calls
invalid (a self-intersecting ring) is repaired with ``makeValid`` first: GEOS's union of it fails
and the parent came out empty. A union GEOS calls invalid (slivers between children that do not
quite touch) is repaired too, and only its polygons are kept (a repair may leave lines). The layer
is written through the one writer (``writer.copy_layer``).
"""
from __future__ import annotations

from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsGeometry,
    QgsVectorLayer,
    QgsWkbTypes,
)

from . import field_types, writer
from .publish_layer import MARKER


def dissolved(layer: QgsVectorLayer, parent_of: dict, repaired: list | None = None) -> dict:
    """``{parent key: QgsGeometry}``: the union of the children's geometries; ``parent_of`` maps
    feature id → parent key (children without one are left out). ``repaired`` gets the feature
    ids of children whose invalid geometry was repaired."""
    parts: dict = {}
    request = QgsFeatureRequest().setNoAttributes()
    for feature in layer.getFeatures(request):
        parent = parent_of.get(feature.id())
        if parent is None or not feature.hasGeometry():
            continue
        geometry = feature.geometry()
        if not geometry.isGeosValid():
            geometry = _polygons(geometry.makeValid())
            if repaired is not None:
                repaired.append(feature.id())
        parts.setdefault(parent, []).append(geometry)
    out = {}
    for parent, geometries in parts.items():
        union = QgsGeometry.unaryUnion(geometries)
        if not union.isGeosValid():
            union = _polygons(union.makeValid())
        union.convertToMultiType()
        out[parent] = union
    return out


def _polygons(geometry: QgsGeometry) -> QgsGeometry:
    """The polygons of a repaired geometry (makeValid may return a collection with lines)."""
    if QgsWkbTypes.geometryType(geometry.wkbType()) == QgsWkbTypes.GeometryType.PolygonGeometry:
        return geometry
    polygons = [part for part in geometry.asGeometryCollection()
                if QgsWkbTypes.geometryType(part.wkbType()) == QgsWkbTypes.GeometryType.PolygonGeometry]
    return QgsGeometry.collectGeometry(polygons) if polygons else QgsGeometry()


def _kind(values):
    numbers = [v for v in values if v is not None]
    if numbers and all(float(v).is_integer() for v in numbers):
        return field_types.INT64
    return field_types.DOUBLE


def write_parents(layer: QgsVectorLayer, geometries: dict, frame, key: str, dest: str, layer_name: str,
                  text_columns=(), hidden_fields=None) -> writer.WrittenLayer:
    """Write ``frame`` (one row per parent, ``key`` its key column; None = hidden or missing) with
    the parents' geometries; ``hidden_fields``: per row the marker text (None where nothing is hidden)."""
    authid = layer.crs().authid()
    memory = QgsVectorLayer(f"MultiPolygon?crs={authid}" if authid else "MultiPolygon", layer_name, "memory")
    memory.setCrs(layer.crs())
    fields = []
    for column in frame.columns:
        values = frame[column].tolist()
        kind = field_types.STRING if column == key or column in text_columns else _kind(values)
        fields.append(QgsField(str(column), kind))
    fields.append(QgsField(MARKER, field_types.STRING))
    provider = memory.dataProvider()
    provider.addAttributes(fields)
    memory.updateFields()
    features = []
    markers = list(hidden_fields) if hidden_fields is not None else [None] * len(frame)
    for (_, row), marker in zip(frame.iterrows(), markers):
        feature = QgsFeature(memory.fields())
        geometry = geometries.get(row[key])
        if geometry is not None:
            feature.setGeometry(geometry)
        values = []
        for column, field in zip(frame.columns, fields):
            value = row[column]
            if value is None or (isinstance(value, float) and value != value):
                values.append(None)
            elif field.type() == field_types.STRING:
                values.append(str(value))
            elif field.type() == field_types.INT64:
                values.append(int(value))
            else:
                values.append(float(value))
        feature.setAttributes(values + [marker or None])
        features.append(feature)
    provider.addFeatures(features)
    return writer.copy_layer(memory, dest, layer_name)
