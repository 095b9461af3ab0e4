"""The Processing provider ``sozialraum``."""
from __future__ import annotations

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..toolbelt.paths import icon_path, plugin_version


class SozialraumProvider(QgsProcessingProvider):
    def id(self) -> str:  # contract: algorithm ids are sozialraum:<name>
        return "sozialraum"

    def name(self) -> str:
        return QCoreApplication.translate("SozialraumProvider", "Sozialraum")

    def longName(self) -> str:  # noqa: N802
        return QCoreApplication.translate(
            "SozialraumProvider", "Sozialraum – small-area social reporting"
        )

    def icon(self):
        return QIcon(icon_path("sozialraum.svg"))

    def versionInfo(self) -> str:  # noqa: N802
        return plugin_version()

    def supportsNonFileBasedOutput(self):  # noqa: N802
        # Outputs go through QGIS's writers (gis/writer.py): temporary layers and database tables too
        return True

    def supportedOutputVectorLayerExtensions(self):  # noqa: N802
        # Every vector output is a GeoPackage: styles live in it and atlases need a real file.
        return ["gpkg"]

    def loadAlgorithms(self):  # noqa: N802
        from .algorithms import all_algorithms

        for algorithm in all_algorithms():
            self.addAlgorithm(algorithm)
