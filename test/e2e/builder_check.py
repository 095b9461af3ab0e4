"""Runs inside the real QGIS desktop (``qgis --code``): the report builder opened from toolbar
action 6, filled in page by page over Flensburg as test/qgis/builder_support.py clicks it, saved,
run, then "next year" with a changed table. A screenshot of the screen after each step
($SOZIALRAUM_E2E_SHOTS + step + .png); what happened goes to $SOZIALRAUM_E2E_OUT as JSON."""
import json
import os
import sys
import time
from pathlib import Path

from qgis.core import QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QTimer
from qgis.PyQt.QtWidgets import QApplication, QToolBar
from qgis.utils import iface

OUT = os.environ["SOZIALRAUM_E2E_OUT"]
SHOTS = os.environ["SOZIALRAUM_E2E_SHOTS"]
WORK = os.environ["SOZIALRAUM_E2E_WORK"]
NAME = "sozialraum_plugin"


def settle(seconds=0.3):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)


def shot(name, widget=None):
    settle()
    screen = QApplication.primaryScreen()
    picture = screen.grabWindow(0) if widget is None else widget.grab()
    path = f"{SHOTS}{name}.png"
    picture.save(path)
    return path


def fits(widget) -> dict:
    geometry = widget.frameGeometry()
    screen = QApplication.primaryScreen().availableGeometry()
    return {"size": [geometry.width(), geometry.height()], "screen": [screen.width(), screen.height()],
            "inside": screen.contains(geometry)}


def run():
    sys.path.insert(0, os.environ["SOZIALRAUM_E2E_SUPPORT"])
    import builder_support as steps

    sample = Path(sys.modules[NAME].__file__).parent / "resources" / "sample" / "flensburg"
    result = {"shots": []}
    try:
        iface.mainWindow().showMaximized()
        settle(0.5)
        bars = [b for b in iface.mainWindow().findChildren(QToolBar) if b.objectName() == "SozialraumToolbar"]
        action = bars[0].actions()[5]
        result["action"] = action.text()
        action.trigger()
        settle(0.5)
        dialogs = [w for w in QApplication.topLevelWidgets() if type(w).__name__ == "ReportBuilderDialog"
                   and w.isVisible()]
        dialog = dialogs[0]
        opened = []
        dialog.opener = opened.append  # no file manager on the test machine
        result["title"] = dialog.windowTitle()
        result["fits"] = fits(dialog)
        result["reason_empty"] = dialog.reason.text()
        result["shots"].append(shot("01_empty"))
        folder = os.path.join(WORK, "bericht")
        for n, step in enumerate(steps.STEPS, start=2):
            step(dialog, sample, folder)
            result["shots"].append(shot(f"{n:02d}_{step.__name__[5:]}"))
        result["problems"] = dialog.validate()
        result["saved"] = dialog.save(os.path.join(WORK, "Sozialbericht.json"))
        dialog.tabs.setCurrentIndex(0)
        steps.click(dialog.run_button)
        seen = {"shot": False}
        end = time.monotonic() + 180
        while dialog.run.ok is None and time.monotonic() < end:
            QApplication.processEvents()
            time.sleep(0.02)
            if not seen["shot"] and dialog.progress.value() > 30:
                seen["shot"] = True
                result["shots"].append(shot("08_running"))
        settle(1.0)
        result["run"] = {"ok": dialog.run.ok, "files": sorted(os.listdir(folder)) if os.path.isdir(folder) else [],
                         "opened": opened,
                         "layouts": [lay.name() for lay in QgsProject.instance().layoutManager().layouts()],
                         "message": dialog.bar.currentItem().text() if dialog.bar.currentItem() else ""}
        result["shots"].append(shot("09_done"))
        for window in QApplication.topLevelWidgets():  # the Layout Manager opened by the run
            if window.isVisible() and window not in (dialog, iface.mainWindow()):
                result.setdefault("closed", []).append(window.windowTitle())
                window.close()
        new = steps.changed_table(sample, Path(WORK))
        ny = dialog.next_year({1: new}, accept=False)
        ny.show()
        result["next_year_fits"] = fits(ny)
        result["next_year_text"] = ny.view.toPlainText()
        result["shots"].append(shot("10_next_year"))
        ny.close()
        dialog.next_year({1: new}, accept=True)
        dialog.tabs.setCurrentWidget(dialog.indicators)
        result["after"] = {"run_enabled": dialog.run_button.isEnabled(), "reason": dialog.reason.toolTip()}
        result["shots"].append(shot("11_after_next_year"))
        dialog.reject()
    except Exception:  # noqa: BLE001 (reported to the test; QGIS must still quit)
        import traceback

        result["error"] = traceback.format_exc()
    with open(OUT, "w", encoding="utf-8") as handle:
        json.dump(result, handle, indent=1, ensure_ascii=False)
    QgsProject.instance().clear()
    QgsProject.instance().setDirty(False)
    QCoreApplication.processEvents()
    iface.actionExit().trigger()


QTimer.singleShot(500, run)
