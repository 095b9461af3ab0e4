"""Column kinds and values between pandas and QGIS fields (the writer's, gis/writer.py)."""
from __future__ import annotations

from qgis.core import Qgis, QgsField
from qgis.PyQt.QtCore import QVariant


def kind_of(series) -> str:
    """The output column kind for a pandas column."""
    import pandas as pd

    if pd.api.types.is_bool_dtype(series):
        return "boolean"
    if pd.api.types.is_integer_dtype(series):
        return "integer"
    if pd.api.types.is_float_dtype(series):
        return "real"
    return "text"


def column_values(series, kind: str) -> list:
    """Python values for the writer: None for missing, int/float/str/bool otherwise (numbers
    converted column-wise, only the missing cells visited one by one)."""
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
        values = values.tolist()
        if kind == "boolean":
            values = [bool(v) for v in values]
        return _with_none(values, missing)
    cleaned = series.astype(object).where(series.notna(), None)
    if kind == "boolean":
        return [None if v is None else bool(v) for v in cleaned]
    if kind == "integer":
        return [None if v is None else int(v) for v in cleaned]
    return [None if v is None else str(v) for v in cleaned]


def _with_none(values: list, missing) -> list:
    import numpy as np

    for i in np.flatnonzero(missing).tolist():
        values[i] = None
    return values


def qfield(name: str, kind: str) -> QgsField:
    """A new field of ``kind`` ('integer', 'real', 'text', 'boolean')."""
    if Qgis.QGIS_VERSION_INT >= 33800:  # QGIS ≥ 3.38 (and 4) type fields with QMetaType
        from qgis.PyQt.QtCore import QMetaType

        types = {"integer": QMetaType.Type.LongLong, "real": QMetaType.Type.Double,
                 "boolean": QMetaType.Type.Bool, "text": QMetaType.Type.QString}
        return QgsField(name, types.get(kind, QMetaType.Type.QString))
    types = {"integer": QVariant.LongLong, "real": QVariant.Double, "boolean": QVariant.Bool,
             "text": QVariant.String}
    return QgsField(name, types.get(kind, QVariant.String))
