"""Opening an algorithm's dialog from a toolbar action."""
from __future__ import annotations

from qgis.core import Qgis, QgsApplication
from qgis.PyQt.QtCore import QCoreApplication


translate = QCoreApplication.translate


def open_algorithm_dialog(iface, algorithm_id: str):
    """Show the Processing dialog of ``algorithm_id``; say so plainly if it is not there yet."""
    if QgsApplication.processingRegistry().algorithmById(algorithm_id) is None:
        iface.messageBar().pushMessage(
            translate("Launch", "Sozialraum"),
            translate("Launch", "This step is not available in this version yet: {0}").format(algorithm_id),
            level=Qgis.MessageLevel.Info,
            duration=8,
        )
        return None
    import processing  # QGIS's Processing plugin; imported late to keep start-up fast

    dialog = processing.createAlgorithmDialog(algorithm_id, {})
    if dialog is not None:
        dialog.show()
    return dialog
