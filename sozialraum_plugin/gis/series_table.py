"""The report's series as the non-spatial table ``series`` of a GeoPackage, written and read by QGIS.

The table follows the series contract (core/series/series.py): key, indicator, year, value,
numerator, denominator, shown. It is written beside the district layer with QGIS's own writer
(a memory table, no geometry, into the existing file: CreateOrOverwriteLayer), so GDAL keeps the
GeoPackage's metadata (gpkg_contents, data type 'attributes') as QGIS expects it.
"""
from __future__ import annotations

from qgis.core import (
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from ..core.errors import SozialraumError
from . import field_types

TABLE = "series"
_FIELDS = (("key", field_types.STRING), ("indicator", field_types.STRING), ("year", field_types.INT),
           ("value", field_types.DOUBLE), ("numerator", field_types.DOUBLE), ("denominator", field_types.DOUBLE),
           ("shown", field_types.BOOL))


def _number(value):
    return None if value != value else float(value)  # NaN → NULL


def write_series(path: str, series, table: str = TABLE) -> None:
    """Add (or replace) the table ``table`` holding ``series`` in the GeoPackage ``path``."""
    fields = QgsFields()
    for name, kind in _FIELDS:
        fields.append(QgsField(name, kind))
    memory = QgsVectorLayer("None", table, "memory")
    memory.dataProvider().addAttributes(fields.toList())
    memory.updateFields()
    features = []
    columns = [series[c].tolist() for c in ("key", "indicator", "year", "value", "numerator", "denominator", "shown")]
    for key, indicator, year, value, num, den, shown in zip(*columns):
        feature = QgsFeature(memory.fields())
        feature.setAttributes([None if key is None else str(key), str(indicator), int(year), _number(value),
                               _number(num), _number(den), bool(shown)])
        features.append(feature)
    memory.dataProvider().addFeatures(features)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = table
    options.fileEncoding = "UTF-8"
    options.actionOnExistingFile = QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
    result = QgsVectorFileWriter.writeAsVectorFormatV3(memory, path, QgsCoordinateTransformContext(), options)
    if result[0] != QgsVectorFileWriter.WriterError.NoError:
        raise SozialraumError("output_write_failed", file=path, reason=result[1])


def read_series(path: str, table: str = TABLE):
    """The table ``table`` of ``path`` as a DataFrame with the contract's columns (None if absent)."""
    import pandas as pd

    layer = QgsVectorLayer(f"{path}|layername={table}", table, "ogr")
    if not layer.isValid():
        return None
    names = [name for name, _kind in _FIELDS]
    rows = []
    for feature in layer.getFeatures():
        rows.append([None if feature[n] is None or (hasattr(feature[n], "isNull") and feature[n].isNull())
                     else feature[n] for n in names])
    frame = pd.DataFrame(rows, columns=names)
    for col in ("value", "numerator", "denominator"):
        frame[col] = pd.to_numeric(frame[col], errors="coerce").astype(float)
    frame["year"] = frame["year"].astype(int)
    frame["shown"] = frame["shown"].astype(bool)
    return frame
