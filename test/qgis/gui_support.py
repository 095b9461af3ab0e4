"""Helpers for the dialog tests (imported by test_gui_*.py; conftest.py holds their fixtures):
wait for a dialog's task, read its message bar, add layers, open the join dialog on Berlin."""
from __future__ import annotations

import time

from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication

OUTLIER = "\"KOM\" = 'ungültig (Ausreißer)'"


def wait_for(run, timeout: float = 60.0):
    """Let the task manager run the task; the main loop delivers its signals."""
    deadline = time.monotonic() + timeout
    while run.ok is None:
        assert time.monotonic() < deadline, "the task did not finish in time"
        QCoreApplication.processEvents()
        time.sleep(0.01)
    QCoreApplication.processEvents()
    return run


def bar_text(dialog) -> tuple:
    item = dialog.bar.currentItem()
    return (item.text(), item.level()) if item is not None else ("", None)


def group_layers():
    group = QgsProject.instance().layerTreeRoot().findGroup("Sozialraum")
    assert group is not None, "no layer group 'Sozialraum'"
    return [node.layer() for node in group.findLayers()]


def add_layer(path, name: str) -> QgsVectorLayer:
    layer = QgsVectorLayer(str(path), name, "ogr")
    assert layer.isValid(), path
    QgsProject.instance().addMapLayer(layer)
    return layer


def join_dialog(iface, berlin):
    from sozialraum_plugin.gui.join_dialog import JoinDialog

    layer = add_layer(berlin / "lor_planungsraeume_2021.shp", "lor_planungsraeume_2021")
    dialog = JoinDialog(iface)
    dialog.layer_combo.setLayer(layer)
    dialog.key_combo.setField("PLR_ID")
    dialog.file_widget.setFilePath(str(berlin / "mss_2021_index_indikatoren.csv"))
    return dialog
