"""What a derived field means, kept in its GeoPackage: the table ``sozialraum_indicators``.

GDAL before 3.7 neither writes nor reads field aliases or comments in a GeoPackage, so the
indicator description (label, unit, direction, kind, numerator, denominator, scale, years) goes
into a small attribute table beside the layer, one row per derived field. A later step, the
publication rule or a planner opening the file in QGIS can tell that ``sgb2_quote`` is a share of
``Anzahl_2021`` in ``gesamt`` and that ``sgb2_quote_lo`` is the lower bound of its interval.
"""
from __future__ import annotations

import json
import os

TABLE = "sozialraum_indicators"
COLUMNS = (("layer", "String"), ("field", "String"), ("role", "String"), ("indicator", "String"),
           ("label", "String"), ("unit", "String"), ("direction", "Integer"), ("kind", "String"),
           ("numerator", "String"), ("denominator", "String"), ("scale", "Real"),
           ("year_from", "Integer"), ("year_to", "Integer"), ("level", "Real"), ("definition", "String"))
ROLES = {"": "value", "_eb": "eb", "_lo": "lower", "_hi": "upper"}


def table_name(layer_name: str) -> str:
    """The metadata table's name (another one if the layer itself is called so)."""
    return TABLE if layer_name.lower() != TABLE else f"{TABLE}_meta"


def rows(layer_name: str, indicators, fields_of, level: float | None = None) -> list[dict]:
    """One row per written field; ``fields_of(ind)`` lists the fields written for ``ind``;
    ``level`` is the confidence level of the interval bounds (``_lo``, ``_hi``)."""
    out = []
    for ind in indicators:
        years = ind.change_between or (None, None)
        for field in fields_of(ind):
            suffix = field[len(ind.id):]
            out.append({"layer": layer_name, "field": field, "role": ROLES.get(suffix, "value"),
                        "indicator": ind.id, "label": ind.label, "unit": ind.unit, "direction": ind.direction,
                        "kind": ind.kind, "numerator": ind.numerator, "denominator": ind.denominator,
                        "scale": float(ind.scale), "year_from": years[0], "year_to": years[1],
                        "level": level if ROLES.get(suffix) in ("lower", "upper") else None,
                        "definition": json.dumps(ind.to_dict(), ensure_ascii=False)})
    return out


def write(path: str, layer_name: str, records: list[dict]) -> None:
    """Create the metadata table in the GeoPackage at ``path`` (a file being built) with ``records``."""
    from osgeo import ogr

    ds = ogr.Open(path, 1)
    if ds is None:
        from .destination import OutputError

        raise OutputError("output_write_failed", file=path, reason="GDAL cannot open it for writing")
    try:
        name = table_name(layer_name)
        index = next((i for i in range(ds.GetLayerCount()) if ds.GetLayer(i).GetName() == name), None)
        if index is not None:
            ds.DeleteLayer(index)
        table = ds.CreateLayer(name, geom_type=ogr.wkbNone, options=["DESCRIPTION=Sozialraum indicator metadata"])
        for column, kind in COLUMNS:
            table.CreateField(ogr.FieldDefn(column, getattr(ogr, f"OFT{kind}")))
        table.StartTransaction()
        for record in records:
            feature = ogr.Feature(table.GetLayerDefn())
            for column, _kind in COLUMNS:
                if record.get(column) is not None:
                    feature.SetField(column, record[column])
            table.CreateFeature(feature)
        table.CommitTransaction()
    finally:
        ds = None


def read(path: str, layer_name: str | None = None) -> list[dict]:
    """The metadata rows of the GeoPackage (of one layer if given); [] when it has none."""
    from qgis.core import QgsFeatureRequest, QgsVectorLayer

    from .writer import _plain

    table = QgsVectorLayer(f"{path}|layername={table_name(layer_name or '')}", "meta", "ogr")
    if not table.isValid():
        return []
    names = table.fields().names()
    found = []
    for feature in table.getFeatures(QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)):
        row = {"fid": feature.id(), **{n: _plain(v) for n, v in zip(names, feature.attributes())}}
        if not layer_name or row.get("layer") == layer_name:
            found.append(row)
    del table
    return sorted(found, key=lambda r: r["fid"])


def carried_over(source: str, source_layer: str | None, kept_fields, layer_name: str) -> list[dict]:
    """The rows an input GeoPackage holds about fields its copy keeps unchanged, for the copy's
    layer ``layer_name``: a second run over the output of a first keeps the first's descriptions."""
    if not source or not source.lower().endswith(".gpkg") or not os.path.isfile(source):
        return []
    found = read(source, source_layer)  # [] where it is no GeoPackage with the table
    kept = {str(f).lower() for f in kept_fields}
    return [{**{column: row.get(column) for column, _kind in COLUMNS}, "layer": layer_name}
            for row in found if str(row.get("field", "")).lower() in kept]
