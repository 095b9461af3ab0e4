"""Runs inside the real QGIS desktop (``qgis --code``): toolbar action 5 opens the profiles dialog,
which is filled for Flensburg and previews its first page; a screenshot of the dialog and what it
showed go to $SOZIALRAUM_E2E_OUT (JSON) and $SOZIALRAUM_E2E_SHOT."""
import json
import os
import sys
import time

from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QDialog, QToolBar
from qgis.utils import iface

OUT = os.environ["SOZIALRAUM_E2E_OUT"]
SHOT = os.environ["SOZIALRAUM_E2E_SHOT"]
NAME = "sozialraum_plugin"


def joined_layer(folder: str) -> QgsVectorLayer:
    import processing

    sample = os.path.join(os.path.dirname(sys.modules[NAME].__file__), "resources", "sample", "flensburg")
    out = os.path.join(folder, "flensburg.gpkg")
    processing.run("sozialraum:jointable", {
        "INPUT": os.path.join(sample, "Stadtteile.shp"), "INPUT_KEY": "AREA_ID",
        "TABLE": os.path.join(sample, "tab_18_regelleistungsberechtigte_sgb2.csv"), "TABLE_KEY": "Stadtteil_ID",
        "FIELDS": "Anzahl_2021,Anteil_in_%_2021,Anteil_in_%_2019", "OUTPUT": out})
    layer = QgsVectorLayer(out, "Flensburg", "ogr")
    QgsProject.instance().addMapLayer(layer)
    return layer


def ink_share(image) -> float:
    inked = total = 0
    for y in range(0, image.height(), 6):
        for x in range(0, image.width(), 6):
            colour = image.pixelColor(x, y)
            total += 1
            inked += min(colour.red(), colour.green(), colour.blue()) < 235
    return inked / max(total, 1)


def check() -> dict:
    layer = joined_layer(os.path.dirname(OUT))
    bars = [b for b in iface.mainWindow().findChildren(QToolBar) if b.objectName() == "SozialraumToolbar"]
    action = bars[0].actions()[4]
    action.trigger()
    QApplication.processEvents()
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    info = {"action": action.text(), "dialogs": [type(d).__name__ for d in dialogs],
            "titles": [d.windowTitle() for d in dialogs]}
    dialog = next(d for d in dialogs if type(d).__name__ == "ProfileDialog")
    dialog.layer_combo.setLayer(layer)
    dialog.name_combo.setField("AREA_NAME")
    dialog.key_combo.setField("AREA_ID")
    dialog.title_edit.setText("Stadtteilprofil")
    for field, role, label, unit in (("Anteil_in_%_2021", "value", "SGB-II-Quote", "%"),
                                     ("Anteil_in_%_2019", "value", "SGB-II-Quote 2019", "%"),
                                     ("Anzahl_2021", "count", "Leistungsberechtigte", "")):
        dialog.grid.set_role(field, role)
        dialog.grid.set_extra_value(field, label)
        dialog.grid.set_unit(field, unit)
    dialog.resize(1400, 900)
    started = time.monotonic()
    info["preview_started"] = dialog.preview()
    while dialog.preview_result is None and time.monotonic() - started < 60:
        QApplication.processEvents()
        time.sleep(0.01)
    info["preview_seconds"] = round(time.monotonic() - started, 2)
    result = dialog.preview_result
    info["errors"] = result.errors if result else ["no preview"]
    if result and result.image is not None:
        info["page"] = [result.image.width(), result.image.height()]
        info["ink"] = round(ink_share(result.image), 3)
    info["caption"] = dialog.preview_caption.text()
    for _ in range(20):
        QApplication.processEvents()
        time.sleep(0.02)
    info["shot"] = dialog.grab().save(SHOT)
    info["grid_header"] = [dialog.grid._grid.itemAtPosition(0, c).widget().text() for c in range(5)]
    dialog.close()
    return info


def run():
    try:
        result = check()
    except Exception:  # noqa: BLE001 (reported to the test; QGIS must still quit)
        import traceback

        result = {"error": traceback.format_exc()}
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1, ensure_ascii=False)
    QgsProject.instance().clear()
    QgsProject.instance().setDirty(False)
    iface.actionExit().trigger()


QTimer.singleShot(500, run)
