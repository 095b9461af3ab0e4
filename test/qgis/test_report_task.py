"""The full report run the way the Processing dialog runs it: a QgsProcessingAlgRunnerTask on
QGIS's task manager, the event loop running. Layouts and layers must be made on the main thread
(else "Cannot set parent, new parent is in a different thread" and QGIS dies), progress must move,
the main thread must keep handling events, and a cancelled run must leave nothing behind."""
from __future__ import annotations

import shutil
import time

import pytest
from qgis.core import (
    QgsApplication,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
)
from qgis.PyQt.QtCore import QCoreApplication, QEventLoop, QTimer, qInstallMessageHandler

DEFINITION = "sozialatlas_flensburg_2022.json"


def run_as_task(folder, sample_dir, cancel_after_first_step=False) -> dict:
    """Start the report as the dialog does and wait with the event loop running."""
    registry = QgsApplication.processingRegistry()
    algorithm = registry.algorithmById("sozialraum:report").create({})
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = QgsProcessingFeedback()
    seen = {"progress": [], "ticks": 0, "messages": [], "done": None}

    def on_progress(value):
        seen["progress"].append(value)
        if cancel_after_first_step and value > 0 and not feedback.isCanceled():
            task.cancel()  # the first step (a join) has ended: its report file exists by now

    def on_message(_kind, _context, text):
        seen["messages"].append(text)

    def tick():
        seen["ticks"] += 1
        now = time.monotonic()
        seen["longest_wait"] = max(seen.get("longest_wait", 0.0), now - seen.get("last_tick", now))
        seen["last_tick"] = now

    feedback.progressChanged.connect(on_progress)
    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(20)
    loop = QEventLoop()

    def executed(ok, results):
        seen["done"] = (ok, dict(results))
        loop.quit()

    previous = qInstallMessageHandler(on_message)
    try:
        task = QgsProcessingAlgRunnerTask(
            algorithm, {"DEFINITION": str(sample_dir / "flensburg" / DEFINITION), "OUTPUT_FOLDER": str(folder)},
            context, feedback)
        task.executed.connect(executed)
        started = seen["last_tick"] = time.monotonic()
        QgsApplication.taskManager().addTask(task)
        QTimer.singleShot(120_000, loop.quit)  # a hung run fails the test instead of the session
        loop.exec()
        seen["seconds"] = time.monotonic() - started
    finally:
        qInstallMessageHandler(previous)
        timer.stop()
    QCoreApplication.processEvents()
    seen["feedback"] = feedback
    return seen


@pytest.fixture(scope="module")
def task_run(provider, sample_dir, tmp_path_factory):
    """One run; what it added to the project is removed afterwards (other modules' layouts stay)."""
    project = QgsProject.instance()
    manager = project.layoutManager()
    layouts_before, layers_before = set(manager.layouts()), set(project.mapLayers())
    folder = tmp_path_factory.mktemp("report_task")
    seen = run_as_task(folder, sample_dir)
    seen["layouts"] = [layout for layout in manager.layouts() if layout not in layouts_before]
    seen["layers"] = [layer for key, layer in project.mapLayers().items() if key not in layers_before]
    layer_ids = [layer.id() for layer in seen["layers"]]
    yield folder, seen
    from qgis.PyQt import sip

    for layout in seen.pop("layouts"):
        if not sip.isdeleted(layout):  # a later run of the report replaces layouts of the same name
            manager.removeLayout(layout)
    project.removeMapLayers([i for i in layer_ids if project.mapLayer(i) is not None])


def test_report_as_task_builds_layouts_on_the_main_thread(task_run):
    folder, seen = task_run
    assert seen["done"] is not None and seen["done"][0], seen
    assert not [m for m in seen["messages"] if "different thread" in m], seen["messages"]
    main = QCoreApplication.instance().thread()
    layouts = seen["layouts"]
    assert {layout.name() for layout in layouts} >= {
        "Sozialraum – SGB-II-Quote 2021", "Sozialraum – Bedarfscluster"}
    assert any(layout.name().startswith("Sozialraumprofile") for layout in layouts)
    assert all(layout.thread() == main for layout in layouts)
    layers = seen["layers"]
    assert layers and all(layer.thread() == main for layer in layers)


def test_report_as_task_writes_its_files_and_the_project_entry(task_run):
    folder, seen = task_run
    names = {p.name for p in folder.iterdir()}
    assert {"sozialraum.gpkg", "Karten.pdf", "Sozialraumprofile.pdf", "Tabellenanhang.csv",
            "Verbindungsbericht_1.html", "Verbindungsbericht_4.html", "Berichtsdefinition.json",
            "Sozialbericht.qgz"} <= names  # the project too, written on the main thread from the task
    assert not [n for n in names if n.startswith(".")]  # no staging folder or temporary file left
    stored, ok = QgsProject.instance().readEntry("sozialraum", "definition_path")
    assert ok and stored.endswith(DEFINITION)


def test_report_as_task_reports_progress_and_leaves_the_main_thread_free(task_run):
    _, seen = task_run
    between = [p for p in seen["progress"] if 0 < p < 100]
    assert len(set(between)) >= 10  # each step, and the profile pages within their step
    # the profile pages (step 10/12 to 11/12, printed on the main thread; the QGIS project is the
    # last step) move the task's bar too, not only the steps; up to the profiles (whose own bar
    # restarts for the export) the steps never run back, the maps' PDF included
    assert len([p for p in between if 100 * 10 / 12 < p < 100 * 11 / 12]) >= 5, between
    before_profiles = [p for p in seen["progress"] if p <= 100 * 10 / 12 + 1e-9]
    first_profile = before_profiles.index(max(before_profiles))
    assert before_profiles[:first_profile + 1] == sorted(before_profiles[:first_profile + 1]), before_profiles
    # a 20 ms timer of the main thread kept firing while the report ran (run on the main thread
    # it would not fire at all; the margins allow for a machine shared with other test runs)
    assert seen["ticks"] >= seen["seconds"] / 0.02 / 10, seen
    assert seen["longest_wait"] < 2.0, seen


def test_report_task_cancelled_after_the_first_step_leaves_nothing(provider, sample_dir, tmp_path):
    folder = tmp_path / "cancelled"
    folder.mkdir()
    seen = run_as_task(folder, sample_dir, cancel_after_first_step=True)
    assert seen["done"] is not None and not seen["done"][0]
    assert seen["feedback"].isCanceled()
    assert list(folder.iterdir()) == []  # not even the first join's report, no staging folder
    shutil.rmtree(folder)


def test_report_cancelled_while_printing_says_which_files_are_new(provider, sample_dir, tmp_path):
    """Once the data are in place, a cancel during the maps does not claim nothing was written."""
    import processing
    from qgis.core import QgsProcessingException

    folder = tmp_path / "printing"
    feedback = QgsProcessingFeedback()

    def on_progress(_value):
        if (folder / "Tabellenanhang.csv").exists() and not feedback.isCanceled():
            feedback.cancel()  # the data steps are committed: the maps are next

    feedback.progressChanged.connect(on_progress)
    project = QgsProject.instance()
    layouts_before, layers_before = set(project.layoutManager().layouts()), set(project.mapLayers())
    try:
        with pytest.raises(QgsProcessingException) as caught:
            processing.run("sozialraum:report", {"DEFINITION": str(sample_dir / "flensburg" / DEFINITION),
                                                 "OUTPUT_FOLDER": str(folder)}, feedback=feedback)
    finally:  # what this run added goes again (other modules' layouts stay)
        for layout in set(project.layoutManager().layouts()) - layouts_before:
            project.layoutManager().removeLayout(layout)
        project.removeMapLayers([i for i in project.mapLayers() if i not in layers_before])
    text = str(caught.value)
    assert "cancelled while printing" in text and "no half-written file" in text, text
    assert (folder / "sozialraum.gpkg").is_file() and (folder / "Tabellenanhang.csv").is_file()
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]  # no staging left


def test_report_cancelled_before_it_starts_writes_nothing(provider, sample_dir, tmp_path):
    """Cancel pressed between the task's start and the report's first step: the step feedback made
    afterwards did not hear of it (QgsProcessingMultiStepFeedback only follows a cancel signalled
    after it exists), so the whole report was written and then called cancelled."""
    import processing
    from qgis.core import QgsProcessingException

    folder = tmp_path / "early"
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    with pytest.raises(QgsProcessingException, match="cancelled"):
        processing.run("sozialraum:report", {"DEFINITION": str(sample_dir / "flensburg" / DEFINITION),
                                             "OUTPUT_FOLDER": str(folder)}, feedback=feedback)
    assert not folder.exists() or list(folder.iterdir()) == []
