"""What sozialraum:impact reads from QGIS: the districts' keys, which are funded (a field, an
expression or programme areas), their weights, and the series (the report's ``series`` table, or
the layer's ``<id>_<year>`` columns; a plain ``<id>`` column is a change given as it is).

The layer is taken as published: a NULL cell and a cell listed in ``suppressed_fields`` are hidden
(``shown`` False) and enter no figure; so is a series row with ``shown`` False.
"""
from __future__ import annotations

import re

from qgis.core import (
    QgsCoordinateTransform,
    QgsDistanceArea,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProject,
    QgsVectorLayer,
)

from ..core.errors import MethodError, SozialraumError
from .layers import attributes_as_text, expression_mask
from .publish_layer import markers

DEFAULT_MIN_OVERLAP = 50.0  # % of a district's area inside the programme areas
# per cent: areas reprojected from another CRS cover a district they were drawn from by
# 99.99999997 % (and touch neighbours by 1e-8 %); both are measuring noise, not area
OVERLAP_TOLERANCE = 1e-3


def district_frame(layer: QgsVectorLayer, key: str):
    """The attributes as text (keys stay text), with the hidden cells from the marker columns."""
    from ..core.publish.rule import cells_from_markers

    frame = attributes_as_text(layer)
    if key not in frame.columns:
        raise MethodError("field_not_found", column=key, columns=", ".join(frame.columns))
    hidden = cells_from_markers(frame, markers(layer))
    return frame, hidden


def funded_by_field(frame, key: str, field: str) -> set:
    from ..core.series.impact import as_flag

    if field not in frame.columns:
        raise MethodError("field_not_found", column=field, columns=", ".join(frame.columns))
    found = set()
    for k, value in zip(frame[key], frame[field]):
        flag = as_flag(value)
        if flag is None:
            raise SozialraumError("impact_flag_invalid", field=field, key=k, value=value)
        if flag:
            found.add(str(k))
    return found


def funded_by_expression(layer: QgsVectorLayer, frame, key: str, expression: str) -> set:
    flags = expression_mask(layer, expression)
    return {str(k) for k, flag in zip(frame[key], flags) if flag}


def overlap_shares(layer: QgsVectorLayer, key: str, areas: QgsVectorLayer) -> dict:
    """key → share (0–1) of the district's area inside the union of ``areas`` (measured on the
    ellipsoid, so a geographic CRS gives areas in m² too)."""
    transform = QgsCoordinateTransform(areas.crs(), layer.crs(), QgsProject.instance().transformContext())
    parts = []
    for feature in areas.getFeatures(QgsFeatureRequest().setNoAttributes()):
        geom = QgsGeometry(feature.geometry())
        if geom.isNull():
            continue
        if areas.crs() != layer.crs():
            geom.transform(transform)
        parts.append(geom.makeValid() if not geom.isGeosValid() else geom)
    union = QgsGeometry.unaryUnion(parts) if parts else QgsGeometry()
    measure = QgsDistanceArea()
    measure.setSourceCrs(layer.crs(), QgsProject.instance().transformContext())
    measure.setEllipsoid(layer.crs().ellipsoidAcronym() or "EPSG:7030")
    shares = {}
    request = QgsFeatureRequest().setSubsetOfAttributes([key], layer.fields())
    for feature in layer.getFeatures(request):
        geom = feature.geometry()
        if geom is not None and not geom.isNull() and not geom.isGeosValid():
            geom = geom.makeValid()  # first: a crossed ring's own area is not the district's
        whole = measure.measureArea(geom) if geom is not None and not geom.isNull() else 0.0
        if whole <= 0 or union.isNull():
            shares[_text(feature[key])] = 0.0
            continue
        inside = geom.intersection(union)
        shares[_text(feature[key])] = (measure.measureArea(inside) / whole) if not inside.isNull() else 0.0
    return shares


def funded_by_overlap(shares: dict, minimum: float) -> set:
    """The districts with at least ``minimum`` per cent inside, and some area inside at all (at 0 a
    district the areas do not reach is not funded), within the measuring tolerance."""
    return {k for k, share in shares.items()
            if share * 100 > OVERLAP_TOLERANCE and share * 100 >= float(minimum) - OVERLAP_TOLERANCE}


def _text(value) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def weights_of(frame, key: str, field: str | None, hidden=None) -> dict | None:
    """key → weight; a hidden weight (listed in suppressed_fields) is none: a weighted mean over
    it, with the other weights and the values published, would give it back."""
    import pandas as pd

    if not field:
        return None
    if field not in frame.columns:
        raise MethodError("field_not_found", column=field, columns=", ".join(frame.columns))
    values = pd.to_numeric(frame[field], errors="coerce")
    if hidden is not None and field in hidden.columns:
        values = values.mask(hidden[field].astype(bool))
    if not (values > 0).any():  # a text field, or every weight hidden: not an empty table
        example = next((v for v in frame[field] if v not in (None, "")), None)
        raise SozialraumError("impact_weights_invalid", field=field, value=example)
    return {str(k): float(v) for k, v in zip(frame[key], values)}


def of_districts(table, keys: set, key: str):
    """The rows of the districts of INPUT: the rest is the districts given, not every district
    of a series table (e.g. the whole city's, with INPUT filtered to a part)."""
    if table is None or not len(table):
        return table
    inside = table["key"].astype(str).isin(keys)
    if not inside.any():
        found, own = sorted(set(table["key"].astype(str)))[:5], sorted(keys)[:5]
        raise SozialraumError("impact_series_keys", field=key, series=", ".join(found), layer=", ".join(own))
    return table[inside]


YEAR_NAME = re.compile(r"^(?P<id>.+)_(?P<year>\d{4})$")


def layer_years(columns) -> dict:
    """indicator id → its years, from the ``<id>_<year>`` columns."""
    found: dict = {}
    for col in columns:
        match = YEAR_NAME.match(str(col))
        if match:
            found.setdefault(match["id"], []).append(int(match["year"]))
    return {k: sorted(v) for k, v in found.items()}


def series_from_layer(frame, hidden, key: str, indicators) -> tuple:
    """(series, given): the long series of the indicators with year columns, and a long table of
    those read as changes (a plain column, no years)."""
    import numpy as np
    import pandas as pd

    years = layer_years(frame.columns)
    rows, given = [], []
    for ind in indicators:
        columns = [(y, f"{ind}_{y}") for y in years.get(ind, [])]
        target, out = (rows, columns) if columns else (given, [(None, ind)] if ind in frame.columns else [])
        if not out:
            raise MethodError("impact_no_series", indicator=ind)
        for year, col in out:
            values = pd.to_numeric(frame[col], errors="coerce").astype(float)
            shown = values.notna()
            if hidden is not None and col in hidden.columns:
                shown &= ~hidden[col].astype(bool)
            target.append(pd.DataFrame({"key": frame[key].astype(str), "indicator": ind, "year": year,
                                        "value": values, "numerator": np.nan, "denominator": np.nan,
                                        "shown": shown}))
    columns = ["key", "indicator", "year", "value", "numerator", "denominator", "shown"]
    series = pd.concat(rows, ignore_index=True) if rows else pd.DataFrame(columns=columns)
    if len(series):
        series["year"] = series["year"].astype(int)
    return series, (pd.concat(given, ignore_index=True) if given else None)


def series_from_table(layer: QgsVectorLayer):
    """The contract's table from a layer (a GeoPackage's ``series``, or any table with its columns)."""
    from .series_table import read_series

    source = layer.source()
    names = layer.fields().names()
    missing = [n for n in ("key", "indicator", "year", "value", "numerator", "denominator", "shown") if n not in names]
    if missing:  # e.g. the district layer chosen as SERIES
        raise SozialraumError("impact_series_columns", file=source, missing=", ".join(missing),
                              columns=", ".join(names))
    path, _, rest = source.partition("|")
    table = dict(p.split("=", 1) for p in rest.split("|") if "=" in p).get("layername", "series")
    frame = read_series(path, table)
    if frame is None:
        raise SozialraumError("file_unreadable", file=source, reason="no series table")
    return frame


def year_columns_text(frame) -> str:
    names = sorted(layer_years(frame.columns))
    return ", ".join(names) or "–"
