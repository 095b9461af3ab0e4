"""Field types for ``QgsField``, spelled the way the running QGIS wants them.

QGIS ≥ 3.38 types fields with ``QMetaType.Type`` and deprecates ``QVariant.Type``; Qt6 (QGIS 4) has
no ``QVariant.Type`` at all, and 3.22 … 3.36 take only it. The numbers are the same in both enums,
so ``field.type() == STRING`` holds on every version.
"""
from __future__ import annotations

from qgis.core import Qgis

if Qgis.QGIS_VERSION_INT >= 33800:
    from qgis.PyQt.QtCore import QMetaType

    STRING, INT, INT64 = QMetaType.Type.QString, QMetaType.Type.Int, QMetaType.Type.LongLong
    DOUBLE, BOOL = QMetaType.Type.Double, QMetaType.Type.Bool
else:  # QGIS 3.22 … 3.36
    from qgis.PyQt.QtCore import QVariant

    STRING, INT, INT64 = QVariant.String, QVariant.Int, QVariant.LongLong
    DOUBLE, BOOL = QVariant.Double, QVariant.Bool
