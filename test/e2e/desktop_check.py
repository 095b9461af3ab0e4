"""Runs inside the real QGIS desktop (``qgis --code``): inspects the loaded plugin, unloads and
reloads it, takes a screenshot and quits. Results go to $SOZIALRAUM_E2E_OUT as JSON."""
import json
import os

from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QTimer
from qgis.PyQt.QtWidgets import QToolBar
from qgis.utils import active_plugins, iface, loadPlugin, plugins, startPlugin, unloadPlugin

OUT = os.environ["SOZIALRAUM_E2E_OUT"]
NAME = "sozialraum_plugin"


def toolbar_state():
    bars = [b for b in iface.mainWindow().findChildren(QToolBar) if b.objectName() == "SozialraumToolbar"]
    actions = bars[0].actions() if bars else []
    menu_titles = [a.text() for a in iface.pluginMenu().actions()]
    return {
        "toolbars": len(bars),
        "visible": bool(bars) and bars[0].isVisible(),
        "actions": [
            {"name": a.objectName(), "text": a.text(), "tooltip": a.toolTip(), "icon": not a.icon().isNull()}
            for a in actions
        ],
        "menu": [t for t in menu_titles if "Sozialraum" in t],
        "provider": QgsApplication.processingRegistry().providerById("sozialraum") is not None,
    }


def open_action(index: int, shot: str = ""):
    """Click toolbar action ``index`` as a user would and describe the dialog that opens."""
    from qgis.PyQt.QtWidgets import QApplication, QDialog

    bars = [b for b in iface.mainWindow().findChildren(QToolBar) if b.objectName() == "SozialraumToolbar"]
    bars[0].actions()[index].trigger()
    QApplication.processEvents()
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    info = {"dialogs": [type(d).__name__ for d in dialogs], "titles": [d.windowTitle() for d in dialogs]}
    if dialogs and shot:
        dialogs[0].grab().save(shot)
    for dialog in dialogs:
        dialog.close()
    return info


def flensburg_definition() -> str:
    import sys

    sample = os.path.join(os.path.dirname(sys.modules[NAME].__file__), "resources", "sample", "flensburg")
    return os.path.join(sample, "sozialatlas_flensburg_2022.json")


def report_as_task(folder: str, cancel_after_first_step: bool = False, shot: str = "") -> dict:
    """Flensburg's report started as the Processing dialog of toolbar action 6 starts it: a
    QgsProcessingAlgRunnerTask on QGIS's task manager, waited for with the event loop running.
    A 20 ms timer on the main thread counts how often the window got to handle events."""
    import time

    from qgis.core import QgsProcessingAlgRunnerTask, QgsProcessingContext, QgsProcessingFeedback
    from qgis.PyQt.QtCore import QEventLoop

    os.makedirs(folder, exist_ok=True)
    algorithm = QgsApplication.processingRegistry().algorithmById("sozialraum:report").create({})
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = QgsProcessingFeedback()
    seen = {"progress": [], "task_progress": [], "ticks": 0, "ok": None, "shot": False}
    loop = QEventLoop()
    task = QgsProcessingAlgRunnerTask(
        algorithm, {"DEFINITION": flensburg_definition(), "OUTPUT_FOLDER": folder}, context, feedback)

    def on_progress(value):
        seen["progress"].append(value)
        if cancel_after_first_step and value > 0 and not feedback.isCanceled():
            task.cancel()
        if shot and not seen["shot"] and value >= 80:  # while the profile pages print
            seen["shot"] = iface.mainWindow().grab().save(shot)

    def tick():
        seen["ticks"] += 1
        now = time.monotonic()
        seen["longest_wait"] = max(seen.get("longest_wait", 0.0), now - seen.get("last_tick", now))
        seen["last_tick"] = now

    def executed(ok, _results):
        seen["ok"] = bool(ok)
        loop.quit()

    feedback.progressChanged.connect(on_progress)
    task.progressChanged.connect(lambda value: seen["task_progress"].append(value))
    task.executed.connect(executed)
    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(20)
    started = seen["last_tick"] = time.monotonic()
    QgsApplication.taskManager().addTask(task)
    QTimer.singleShot(120_000, loop.quit)
    loop.exec()
    timer.stop()
    seen["seconds"] = time.monotonic() - started
    seen["canceled"] = feedback.isCanceled()
    seen["files"] = sorted(os.listdir(folder))
    seen["layouts"] = [layout.name() for layout in QgsProject.instance().layoutManager().layouts()]
    return seen


def report_from_toolbar(folder: str, shot: str = "") -> dict:
    """Toolbar action 6 as a user starts it: the report builder, the Flensburg definition opened
    from its file, an output folder, Run. The builder starts its own task; QGIS must survive it and
    the layouts must be in the Layout Manager."""
    import time

    from qgis.PyQt.QtWidgets import QApplication

    bars = [b for b in iface.mainWindow().findChildren(QToolBar) if b.objectName() == "SozialraumToolbar"]
    bars[0].actions()[5].trigger()
    QApplication.processEvents()
    dialogs = [w for w in QApplication.topLevelWidgets() if w.isVisible() and hasattr(w, "open_file")]
    if not dialogs:
        return {"ok": None, "dialogs": [type(w).__name__ for w in QApplication.topLevelWidgets() if w.isVisible()]}
    dialog = dialogs[0]
    dialog.opener = None  # no file manager on the test machine
    dialog.open_file(flensburg_definition())
    dialog.general.folder_widget.setFilePath(folder)
    seen = {"ok": None, "shot": False, "problems": dialog.validate()}
    if not dialog.start_run():
        seen["message"] = dialog.bar.currentItem().text() if dialog.bar.currentItem() else ""
        return seen
    end = time.monotonic() + 120
    started = time.monotonic()
    while dialog.run.ok is None and time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)
        if shot and not seen["shot"] and time.monotonic() - started > 1.5:
            seen["shot"] = dialog.grab().save(shot)
    seen["ok"] = dialog.run.ok
    seen["files"] = sorted(os.listdir(folder)) if os.path.isdir(folder) else []
    seen["layouts"] = [layout.name() for layout in QgsProject.instance().layoutManager().layouts()]
    if dialog.isVisible():
        dialog.close()
    return seen


def designer_panel(shot: str = ""):
    """Flensburg's profile layout (made by the report run as a task) in the layout designer with
    the page's table selected: QGIS's own panel for attribute tables (columns, fonts) edits it, and
    every item of the page is one of QGIS's own."""
    from qgis.PyQt.QtWidgets import QApplication, QWidget

    layouts = [lay for lay in QgsProject.instance().layoutManager().printLayouts() if lay.itemById("sr_table")]
    if not layouts:
        return {"layouts": 0}
    designer = iface.openLayoutDesigner(layouts[0])
    designer.selectItems([layouts[0].itemById("sr_table")])
    QApplication.processEvents()
    window = designer.window()
    panels = {w.metaObject().className() for w in window.findChildren(QWidget) if w.isVisible()}
    info = {"layouts": len(layouts), "panels": sorted(p for p in panels if p.startswith("QgsLayout")),
            "items": sorted({type(i).__name__ for i in layouts[0].items() if hasattr(i, "uuid")})}
    if shot:
        window.grab().save(shot)
    designer.close()
    QApplication.processEvents()
    # the report's layers lie under /tmp, which QGIS calls temporary and asks about when quitting
    QgsProject.instance().clear()
    return info


def tool_from_menu(folder: str, shot: str = "") -> dict:
    """A monitoring tool as a user starts it: the toolbar's tools menu, *Carry onto new districts*,
    Processing's own dialog filled in and Run pressed (the dialog runs it as a background task):
    Köln's Stadtteile with their area as the count, carried onto the Stadtbezirke."""
    import sys

    from qgis.core import QgsVectorLayer

    koeln = os.path.join(os.path.dirname(sys.modules[NAME].__file__), "resources", "sample", "koeln")
    os.makedirs(folder, exist_ok=True)
    output = os.path.join(folder, "bezirke.gpkg")
    info = run_from_menu("sozialraum_regrid", {
        "INPUT": os.path.join(koeln, "Stadtteil.shp"), "INPUT_KEY": "STT_NR",
        "TARGET": os.path.join(koeln, "Stadtbezirk.shp"), "TARGET_KEY": "STB_NR",
        "COUNT_FIELDS": ["SHAPE_AREA"], "OUTPUT": output}, shot)
    layer = QgsVectorLayer(output, "out", "ogr")
    info["features"] = layer.featureCount()
    info["carried"] = sum(f["SHAPE_AREA"] or 0 for f in layer.getFeatures())
    source = QgsVectorLayer(os.path.join(koeln, "Stadtteil.shp"), "in", "ogr")
    info["source"] = sum(f["SHAPE_AREA"] for f in source.getFeatures())
    return info


def supply_from_menu(folder: str, shot: str = "") -> dict:
    """*Facilities against need* from the tools menu as a user runs it: the Berlin Kita list (a CSV
    with lon/lat) on the 542 Planungsräume, inside, in Processing's dialog as a background task."""
    import sys

    from qgis.core import QgsVectorLayer

    berlin = os.path.join(os.path.dirname(sys.modules[NAME].__file__), "resources", "sample", "berlin")
    os.makedirs(folder, exist_ok=True)
    output = os.path.join(folder, "kitas.gpkg")
    info = run_from_menu("sozialraum_supply", {
        "INPUT": os.path.join(berlin, "lor_planungsraeume_2021.shp"),
        "FACILITIES": os.path.join(berlin, "berlin-daycare-centers-2026-07-details.csv"),
        "CAPACITY_FIELD": "places", "ID_FIELD": "id", "X_FIELD": "lon", "Y_FIELD": "lat",
        "FACILITIES_CRS": "EPSG:4326", "METHOD": 0, "OUTPUT": output}, shot)
    layer = QgsVectorLayer(output, "out", "ogr")
    info["features"] = layer.featureCount()
    info["places"] = sum(f["supply_capacity"] or 0 for f in layer.getFeatures())
    info["kitas"] = sum(f["supply_count"] or 0 for f in layer.getFeatures())
    return info


def run_from_menu(key: str, parameters: dict, shot: str = "") -> dict:
    """The tools menu's entry ``key`` triggered, its Processing dialog filled with ``parameters``
    and run as its Run button runs it (a background task); the dialog's result."""
    import time

    from qgis.PyQt.QtCore import QEventLoop
    from qgis.PyQt.QtWidgets import QApplication, QDialog, QMenu

    menu = iface.mainWindow().findChild(QMenu, "sozialraum_tools_menu")
    info = {"tools": [a.objectName() for a in menu.actions() if not a.isSeparator()]}
    [action] = [a for a in menu.actions() if a.objectName() == key]
    action.trigger()
    QApplication.processEvents()
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    info["dialogs"] = [type(d).__name__ for d in dialogs]
    dialog = dialogs[0]
    dialog.setParameters(parameters)
    loop = QEventLoop()
    finished = {}

    def on_finished(ok, results):
        finished.update(ok=bool(ok), results=sorted(results or {}))
        if shot:
            dialog.grab().save(shot)
        loop.quit()

    dialog.algorithmFinished.connect(on_finished)
    started = time.monotonic()
    QTimer.singleShot(0, dialog.runAlgorithm)  # what its Run button calls
    QTimer.singleShot(60_000, loop.quit)
    loop.exec()
    info["seconds"] = time.monotonic() - started
    info.update(finished)
    if dialog.isVisible():
        dialog.close()
    return info


def run():
    result = {"active": NAME in active_plugins, "first": toolbar_state()}
    shot = os.environ.get("SOZIALRAUM_E2E_SHOT")
    if shot:
        iface.mainWindow().grab().save(shot)
    dialog_shot = os.environ.get("SOZIALRAUM_E2E_DIALOG_SHOT", "")
    result["first_action"] = open_action(0, dialog_shot)
    result["report_action"] = open_action(5, dialog_shot.replace("join_dialog", "report_dialog"))
    base = os.path.dirname(OUT)
    for key, call in (
            ("report_task", lambda: report_as_task(os.path.join(base, "bericht"),
                                                   shot=dialog_shot.replace("join_dialog", "report_task"))),
            ("designer", lambda: designer_panel(dialog_shot.replace("join_dialog", "designer"))),
            ("tool", lambda: tool_from_menu(os.path.join(base, "neue_bezirke"),
                                            dialog_shot.replace("join_dialog", "regrid_dialog"))),
            ("supply", lambda: supply_from_menu(os.path.join(base, "kitas"),
                                                dialog_shot.replace("join_dialog", "supply_dialog"))),
            ("report_cancel", lambda: report_as_task(os.path.join(base, "abgebrochen"), True)),
            ("report_toolbar", lambda: report_from_toolbar(
                os.path.join(base, "aus_dem_dialog"), dialog_shot.replace("join_dialog", "report_running")))):
        try:
            result[key] = call()
        except Exception:  # noqa: BLE001 (reported to the test; QGIS must still quit)
            import traceback

            result[key] = {"error": traceback.format_exc()}
    unloadPlugin(NAME)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    result["after_unload"] = toolbar_state()
    loadPlugin(NAME)
    startPlugin(NAME)
    result["after_reload"] = toolbar_state()
    result["reloaded_active"] = NAME in plugins
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1, ensure_ascii=False)
    QgsProject.instance().clear()  # the report's layers lie under /tmp: QGIS would ask about them
    QgsProject.instance().setDirty(False)
    iface.actionExit().trigger()


QTimer.singleShot(500, run)
