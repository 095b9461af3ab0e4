"""One log tab for the plugin in QGIS's log panel."""
from __future__ import annotations

from qgis.core import Qgis, QgsMessageLog

TAG = "Sozialraum"


def log(message: str, level=Qgis.MessageLevel.Info) -> None:
    QgsMessageLog.logMessage(message, TAG, level)


def warn(message: str) -> None:
    log(message, Qgis.MessageLevel.Warning)
