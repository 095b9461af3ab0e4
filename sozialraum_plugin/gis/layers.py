"""Layers as pandas DataFrames, and facts about a layer worth reporting."""
from __future__ import annotations

from qgis.core import QgsFeatureRequest, QgsVectorLayer, QgsWkbTypes


def _text(value) -> str | None:
    """A key as text: NULL stays None, 7.0 becomes '7' (a key is never a float)."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def attributes_as_text(layer: QgsVectorLayer, field_names: list[str] | None = None):
    """The attribute table as a DataFrame of text (None for NULL), one row per feature in order.

    Used for tables that live in the project (a CSV layer, a sheet, a PostGIS table): the core
    reader then types the columns exactly as it types a file.
    """
    import pandas as pd

    names = field_names or layer.fields().names()
    indices = [layer.fields().indexFromName(n) for n in names]
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.setSubsetOfAttributes(indices)
    rows = [[_text(f.attribute(i)) for i in indices] for f in layer.getFeatures(request)]
    return pd.DataFrame(rows, columns=names, dtype=object)


def invalid_geometries(layer: QgsVectorLayer, key_field: str) -> list:
    """Keys of features whose geometry is not valid by GEOS rules (feature by feature: the slow
    way, for when SQL on the written GeoPackage cannot tell)."""
    invalid = []
    request = QgsFeatureRequest().setSubsetOfAttributes([key_field], layer.fields())
    for feature in layer.getFeatures(request):
        geom = feature.geometry()
        if geom is not None and not geom.isNull() and not geom.isGeosValid():
            invalid.append(_text(feature[key_field]))
    return invalid


def layer_facts(layer: QgsVectorLayer, key_field: str, invalid: list | None = None) -> dict:
    """What the join report says about the boundaries: CRS, geometry, invalid geometries (keys)."""
    crs = layer.crs()
    if invalid is None:
        invalid = invalid_geometries(layer, key_field)
    return {
        "features": layer.featureCount(),
        "crs": crs.authid() or (crs.description() if crs.isValid() else ""),
        "crs_valid": crs.isValid(),
        "geometry": QgsWkbTypes.displayString(layer.wkbType()),
        "invalid_geometries": invalid,
    }


def check_expression(expression: str) -> None:
    """Raise a readable error for an expression that does not parse (before any work is done)."""
    from qgis.core import QgsExpression

    from ..core.errors import SozialraumError

    parsed = QgsExpression(expression)
    if parsed.hasParserError():
        raise SozialraumError("expression_invalid", expression=expression, reason=parsed.parserErrorString())


def expression_mask(uri, expression: str) -> list:
    """The value of a QGIS expression per feature of the layer at ``uri`` (or the layer itself;
    feature order) as
    True/False/None, e.g. for EXCLUDE_EXPRESSION ``"KOM" <> 'gültig'``.

    The layer is opened and released here, before any error is raised: a layer kept alive by
    an exception's traceback outlives QGIS and crashes it on exit.
    """
    from qgis.core import QgsExpression, QgsExpressionContext, QgsExpressionContextUtils

    from ..core.errors import SozialraumError

    check_expression(expression)
    layer = uri if isinstance(uri, QgsVectorLayer) else QgsVectorLayer(uri, "mask", "ogr")
    parsed = QgsExpression(expression)
    names = layer.fields().names()
    lower = {name.lower() for name in names}  # QGIS finds a field whatever its case
    unknown = sorted(c for c in parsed.referencedColumns()
                     if c and c != QgsFeatureRequest.ALL_ATTRIBUTES and c.lower() not in lower)
    if unknown:  # QGIS evaluates an unknown field to NULL without an error: nothing would be left out
        del layer
        raise SozialraumError("field_not_found", column=unknown[0], columns=", ".join(names))
    context = QgsExpressionContext()
    context.appendScopes(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    parsed.prepare(context)
    out, problem = [], None
    for feature in layer.getFeatures(QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)):
        context.setFeature(feature)
        value = parsed.evaluate(context)
        if parsed.hasEvalError():
            problem = parsed.evalErrorString()
            break
        out.append(None if value is None or (hasattr(value, "isNull") and value.isNull()) else bool(value))
    del context, layer
    if problem is not None:
        raise SozialraumError("expression_invalid", expression=expression, reason=problem)
    return out


# Degrees of a geographic CRS cannot go beyond these (a little slack for rounding at the edges).
_LON, _LAT = 180.0 + 1e-6, 90.0 + 1e-6


def boundary_problem(layer: QgsVectorLayer, require_features: bool = True):
    """Why ``layer`` cannot serve as district boundaries, as (code, params), or None.

    Shared by every algorithm (processing/base.py) so that a point layer or a GeoJSON without a
    ``crs`` member whose coordinates are metres (OGR takes it as WGS 84) is refused before any
    work, with the file named, instead of being mapped in "degrees" of 370000…5837259.
    """
    source = layer.source().split("|", 1)[0] if layer.providerType() == "ogr" else layer.name()
    if layer.geometryType() != QgsWkbTypes.GeometryType.PolygonGeometry:
        return "boundaries_not_polygons", {"file": source,
                                           "geometry": QgsWkbTypes.displayString(layer.wkbType())}
    if require_features and layer.featureCount() == 0:
        return "boundaries_empty", {"file": source}
    crs, extent = layer.crs(), layer.extent()
    if crs.isValid() and crs.isGeographic() and not extent.isEmpty() and (
            max(abs(extent.xMinimum()), abs(extent.xMaximum())) > _LON
            or max(abs(extent.yMinimum()), abs(extent.yMaximum())) > _LAT):
        return "boundaries_crs_degrees", {
            "file": source, "crs": crs.authid() or crs.description(),
            "extent": f"{extent.xMinimum():.0f}, {extent.yMinimum():.0f} – {extent.xMaximum():.0f}, "
                      f"{extent.yMaximum():.0f}"}
    return None
