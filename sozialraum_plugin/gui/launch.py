"""Opening a step from a toolbar action: our own dialog where there is one, else Processing's."""
from __future__ import annotations

from qgis.core import Qgis, QgsApplication
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QCoreApplication

translate = QCoreApplication.translate

_OPEN: dict = {}  # algorithm id → the dialog on screen (one per step; a second click raises it)


def dialog_class(algorithm_id: str):
    """The plugin's dialog for ``algorithm_id``, or None where the Processing dialog serves."""
    if algorithm_id == "sozialraum:jointable":
        from .join_dialog import JoinDialog

        return JoinDialog
    if algorithm_id == "sozialraum:needindex":
        from .index_dialog import IndexDialog

        return IndexDialog
    if algorithm_id == "sozialraum:needclusters":
        from .cluster_dialog import ClusterDialog

        return ClusterDialog
    if algorithm_id == "sozialraum:thematicmap":
        from .map_dialog import MapDialog

        return MapDialog
    if algorithm_id == "sozialraum:report":
        from .report_builder.dialog import ReportBuilderDialog

        return ReportBuilderDialog
    if algorithm_id == "sozialraum:profilesheets":
        from .profile_dialog import ProfileDialog

        return ProfileDialog
    return None


def open_dialog(iface, algorithm_id: str):
    """Show the step's dialog (or bring the open one to the front)."""
    if QgsApplication.processingRegistry().algorithmById(algorithm_id) is None:
        return open_algorithm_dialog(iface, algorithm_id)  # says plainly that it is missing
    cls = dialog_class(algorithm_id)
    if cls is None:
        return open_algorithm_dialog(iface, algorithm_id)
    dialog = _OPEN.get(algorithm_id)
    if dialog is None or sip.isdeleted(dialog) or not dialog.isVisible():
        dialog = cls(iface)
        _OPEN[algorithm_id] = dialog
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def close_dialogs() -> None:
    """For the plugin's unload: no dialog of an unloaded plugin stays on screen."""
    for dialog in list(_OPEN.values()):
        if not sip.isdeleted(dialog):
            dialog.close()
    _OPEN.clear()


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

    dialog = _OPEN.get(algorithm_id)
    if dialog is None or sip.isdeleted(dialog) or not dialog.isVisible():
        dialog = processing.createAlgorithmDialog(algorithm_id, {})
    if dialog is not None:
        # Held here: the Python side of Processing's dialog (its Run) is otherwise collected as soon
        # as this function returns, and the window left on screen can no longer run anything.
        _OPEN[algorithm_id] = dialog
        dialog.show()
        dialog.raise_()
    return dialog
