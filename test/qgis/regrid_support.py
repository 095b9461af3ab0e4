"""Köln data for the regrid tests: Stadtteile and Stadtbezirke with residents (2012) as GeoPackages,
a 1 km hexagon grid made by native:creategrid, and the same geometries read by GDAL into shapely
for computations independent of the plugin."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
from osgeo import ogr
from shapely import wkb
from shapely.validation import make_valid

KOELN = Path(__file__).resolve().parents[2] / "resources" / "sample" / "koeln"
YEAR = 2012


def residents() -> pd.DataFrame:
    """EW (all residents) and AUSL (foreigners) per Stadtteil in 2012, straight from the CSV."""
    raw = pd.read_csv(KOELN / "bevoelkerung.csv", dtype=str)
    raw = raw[(raw["jahr"] == str(YEAR)) & (raw["raum_id"].str.len() == 3) & (raw["raum_id"].str[0] != "0")]
    ew = raw[raw["tab_id"] == "005"].set_index("raum_id")["zahl"].astype(float)
    ausl = raw[(raw["tab_id"] == "030") & (raw["zeile"] == "Ausländer")].set_index("raum_id")["zahl"].astype(float)
    return pd.DataFrame({"EW": ew, "AUSL": ausl}).sort_index()


def write_layer(source: Path, key: str, values: pd.DataFrame, dest: Path, key_of=lambda k: k) -> str:
    """``source`` with the columns of ``values`` (by key) as a GeoPackage, written through QGIS."""
    from qgis.core import (
        QgsCoordinateTransformContext,
        QgsFeatureRequest,
        QgsField,
        QgsVectorFileWriter,
        QgsVectorLayer,
    )

    from sozialraum_plugin.gis import field_types

    layer = QgsVectorLayer(str(source), source.stem, "ogr")
    copy = layer.materialize(QgsFeatureRequest())
    copy.dataProvider().addAttributes([QgsField(c, field_types.DOUBLE) for c in values.columns])
    copy.updateFields()
    changes = {}
    for feature in copy.getFeatures():
        row = values.loc[key_of(str(feature[key]))]
        changes[feature.id()] = {copy.fields().indexOf(c): None if pd.isna(row[c]) else float(row[c])
                                 for c in values.columns}
    copy.dataProvider().changeAttributeValues(changes)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = dest.stem
    writer = getattr(QgsVectorFileWriter, "writeAsVectorFormatV3", QgsVectorFileWriter.writeAsVectorFormatV2)
    error = writer(copy, str(dest), QgsCoordinateTransformContext(), options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
    return str(dest)


def shapes(path, key: str) -> dict:
    """key → shapely geometry (repaired where invalid), read by GDAL, not by QGIS."""
    ds = ogr.Open(str(path))
    out = {}
    for feature in ds.GetLayer():
        geometry = wkb.loads(bytes(feature.GetGeometryRef().ExportToWkb()))
        out[str(feature.GetField(key))] = geometry if geometry.is_valid else make_valid(geometry)
    return out
