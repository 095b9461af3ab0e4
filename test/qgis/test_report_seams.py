"""Seams of the report as a task: a project layer given as INPUT, and the move of the staged
files into the output folder."""
from __future__ import annotations

import json

import pytest
from qgis.core import QgsProcessingException, QgsProject, QgsVectorLayer

DEFINITION = "sozialatlas_flensburg_2022.json"


def small_definition(sample_dir, tmp_path):
    """The Flensburg definition without maps and profiles (fast), with absolute paths."""
    folder = sample_dir / "flensburg"
    data = json.loads((folder / DEFINITION).read_text(encoding="utf-8"))
    data["boundaries"] = str(folder / data["boundaries"])
    for table in data["tables"]:
        table["path"] = str(folder / table["path"])
    data.pop("maps", None)
    data.pop("profiles", None)
    path = tmp_path / "definition.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def live_layers_found_off_the_main_thread(monkeypatch) -> list:
    """Every project layer a step found from the worker thread (and then read there)."""
    from sozialraum_plugin.processing import worker_layers
    from sozialraum_plugin.processing.algorithms.main_thread import on_main_thread

    found, original = [], worker_layers._project_layer

    def spy(value, context):
        layer = original(value, context)
        if layer is not None and not on_main_thread():
            found.append(str(value))
        return layer

    monkeypatch.setattr(worker_layers, "_project_layer", spy)
    return found


def test_report_task_reads_its_own_copy_of_a_project_layer_given_as_input(provider, sample_dir, tmp_path,
                                                                           monkeypatch):
    from test_task_inputs import WatchedLayer, run_task

    live = live_layers_found_off_the_main_thread(monkeypatch)
    definition = small_definition(sample_dir, tmp_path)
    layer = WatchedLayer(str(sample_dir / "flensburg" / "Stadtteile.shp"), "Stadtteile", "ogr")
    total = layer.featureCount()
    QgsProject.instance().addMapLayer(layer)
    layer.startEditing()
    layer.deleteFeature(next(layer.getFeatures()).id())  # not saved: the user sees 12 districts
    try:
        out = tmp_path / "out"
        ok, results = run_task("sozialraum:report", {"DEFINITION": str(definition), "INPUT": layer.id(),
                                                     "OUTPUT_FOLDER": str(out)})
        assert ok, results
        assert layer.foreign_reads == [] and live == []  # the live layer is never read from the worker
        published = QgsVectorLayer(str(out / "sozialraum.gpkg"), "p", "ogr")
        assert published.featureCount() == total - 1  # what the user sees, not the file on disk
        del published
    finally:
        layer.rollBack()
        QgsProject.instance().removeMapLayer(layer.id())


def test_report_task_opens_the_definitions_boundaries_itself(provider, sample_dir, tmp_path, monkeypatch):
    """The boundaries file is also loaded in the project (with a filter the user looks at): the
    task reads the file the definition names, never the live layer from its worker thread."""
    from test_task_inputs import run_task

    live = live_layers_found_off_the_main_thread(monkeypatch)
    definition = small_definition(sample_dir, tmp_path)
    layer = QgsVectorLayer(str(sample_dir / "flensburg" / "Stadtteile.shp"), "Stadtteile", "ogr")
    total = layer.featureCount()
    QgsProject.instance().addMapLayer(layer)
    layer.startEditing()
    layer.deleteFeature(next(layer.getFeatures()).id())
    try:
        out = tmp_path / "out"
        ok, results = run_task("sozialraum:report", {"DEFINITION": str(definition), "OUTPUT_FOLDER": str(out)})
        assert ok, results
        assert live == []
        published = QgsVectorLayer(str(out / "sozialraum.gpkg"), "p", "ogr")
        assert published.featureCount() == total
        del published
    finally:
        layer.rollBack()
        QgsProject.instance().removeMapLayer(layer.id())


def test_report_whose_files_cannot_all_be_moved_leaves_last_years_set(provider, sample_dir, tmp_path):
    import processing

    definition = small_definition(sample_dir, tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "Tabellenanhang.csv").write_text("last year", encoding="utf-8")
    (out / "Methodenhinweis.txt").write_text("last year", encoding="utf-8")
    blocker = out / "sozialraum_intern.gpkg"  # cannot be replaced by a file (as a file open on Windows)
    blocker.mkdir()
    (blocker / "x").write_text("x", encoding="utf-8")
    with pytest.raises(QgsProcessingException):
        processing.run("sozialraum:report", {"DEFINITION": str(definition), "OUTPUT_FOLDER": str(out)})
    assert (out / "Tabellenanhang.csv").read_text(encoding="utf-8") == "last year"
    assert (out / "Methodenhinweis.txt").read_text(encoding="utf-8") == "last year"
    assert not (out / "sozialraum.gpkg").exists()
    assert sorted(p.name for p in out.iterdir()) == ["Methodenhinweis.txt", "Tabellenanhang.csv",
                                                     "sozialraum_intern.gpkg"]


def test_two_report_tasks_print_one_after_the_other(provider, sample_dir, tmp_path, monkeypatch):
    """The main thread handles events while a report prints (its window repaints); a second
    report's layout step must not start inside the first one's (same layout names: the second
    would remove the layout the first is printing)."""
    from qgis.core import QgsApplication, QgsProcessingAlgRunnerTask, QgsProcessingContext, QgsProcessingFeedback
    from qgis.PyQt.QtCore import QEventLoop, QTimer

    from sozialraum_plugin.processing.algorithms.report_steps import ReportRun

    depth, nested = [0], []
    for name in ("_maps", "_profiles"):
        original = getattr(ReportRun, name)

        def spy(self, uri, steps, _original=original):
            nested.append(depth[0])
            depth[0] += 1
            try:
                return _original(self, uri, steps)
            finally:
                depth[0] -= 1

        monkeypatch.setattr(ReportRun, name, spy)
    definition = str(sample_dir / "flensburg" / DEFINITION)
    project = QgsProject.instance()
    layouts_before, layers_before = set(project.layoutManager().layouts()), set(project.mapLayers())
    loop, done, tasks = QEventLoop(), [], []
    for n in (1, 2):
        algorithm = QgsApplication.processingRegistry().algorithmById("sozialraum:report").create({})
        context = QgsProcessingContext()
        context.setProject(project)
        feedback = QgsProcessingFeedback()
        task = QgsProcessingAlgRunnerTask(algorithm, {"DEFINITION": definition,
                                                      "OUTPUT_FOLDER": str(tmp_path / f"out{n}")}, context, feedback)
        task.executed.connect(lambda ok, results: (done.append(ok), len(done) == 2 and loop.quit()))
        tasks.append((task, context, feedback))
    for task, _, _ in tasks:
        QgsApplication.taskManager().addTask(task)
    QTimer.singleShot(180_000, loop.quit)
    loop.exec()
    try:
        assert done == [True, True]
        assert max(nested) == 0, nested  # never one inside the other
    finally:
        for layout in set(project.layoutManager().layouts()) - layouts_before:
            project.layoutManager().removeLayout(layout)
        project.removeMapLayers([key for key in project.mapLayers() if key not in layers_before])


def test_a_cancelled_worker_stops_waiting_for_a_busy_main_thread(qgis_app):
    """QGIS waits for its tasks when it closes (after cancelling them): a worker waiting for the
    main thread to print must then give up, or both wait for ever. A step it gave up never runs."""
    import threading

    from qgis.PyQt.QtCore import QCoreApplication

    from sozialraum_plugin.processing.algorithms.main_thread import MainThreadCaller

    caller, ran, outcome = MainThreadCaller(), [], {}

    def worker():
        try:
            caller.call(lambda: ran.append(1), canceled=lambda: True)
        except InterruptedError:
            outcome["interrupted"] = True

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join(10)  # the main thread waits and handles no event meanwhile
    assert not thread.is_alive() and outcome == {"interrupted": True}
    QCoreApplication.processEvents()
    assert ran == []


def test_report_reads_a_memory_layer_given_as_input(provider, sample_dir, tmp_path):
    """A scratch layer (e.g. boundaries the user edited into a temporary layer) has no file: its
    features are the input, and the saved definition names no memory URI."""
    import processing
    from qgis.core import QgsFeatureRequest

    definition = small_definition(sample_dir, tmp_path)
    source = QgsVectorLayer(str(sample_dir / "flensburg" / "Stadtteile.shp"), "Stadtteile", "ogr")
    layer = source.materialize(QgsFeatureRequest())
    layer.setName("Stadtteile (temporär)")
    QgsProject.instance().addMapLayer(layer)
    try:
        out = tmp_path / "out"
        result = processing.run("sozialraum:report", {"DEFINITION": str(definition), "INPUT": layer.id(),
                                                      "OUTPUT_FOLDER": str(out)})
        assert result["MATCHED"] == source.featureCount()
        saved = json.loads((out / "Berichtsdefinition.json").read_text(encoding="utf-8"))
        assert "?" not in saved["boundaries"]  # not 'Polygon?crs=…', which nobody can open next year
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


def test_second_report_into_the_same_folder_names_each_replaced_file_once(provider, sample_dir, tmp_path):
    import processing
    from qgis.core import QgsProcessingFeedback

    class Warnings(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.seen = []

        def pushWarning(self, text):  # noqa: N802
            self.seen.append(text)

    definition = small_definition(sample_dir, tmp_path)
    data = json.loads(definition.read_text(encoding="utf-8"))
    data["profiles"] = {"fields": ["Anteil_in_%_2021"], "title": "Profil", "separate_files": True}
    definition.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "out"
    processing.run("sozialraum:report", {"DEFINITION": str(definition), "OUTPUT_FOLDER": str(out)})
    feedback = Warnings()
    processing.run("sozialraum:report", {"DEFINITION": str(definition), "OUTPUT_FOLDER": str(out)},
                   feedback=feedback)
    replaced = [text for text in feedback.seen if "was replaced" in text]
    assert len(replaced) == len(set(replaced)), replaced
    for name in ("sozialraum.gpkg", "Sozialraumprofile.pdf", "Tabellenanhang.csv"):
        assert [text for text in replaced if str(out / name) in text], replaced
    assert [text for text in replaced if "Profile_einzeln" in text], replaced


def test_second_report_releases_its_own_maps_before_replacing_their_geopackage(provider, sample_dir, tmp_path,
                                                                                monkeypatch):
    """Last run's map layers read sozialraum.gpkg; on Windows a file open in QGIS cannot be
    replaced, so the report's own maps must let go of it before the new one moves in (they are
    made again anyway), or every second run into a folder fails as 'locked'."""
    import os

    import processing

    from sozialraum_plugin.processing.algorithms import report_commit

    definition = small_definition(sample_dir, tmp_path)
    data = json.loads(definition.read_text(encoding="utf-8"))
    data["maps"] = [{"field": "Anteil_in_%_2021", "method": "jenks", "classes": 4, "title": "SGB-II-Quote Test"}]
    definition.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "out"
    project = QgsProject.instance()
    layouts_before, layers_before = set(project.layoutManager().layouts()), set(project.mapLayers())
    processing.run("sozialraum:report", {"DEFINITION": str(definition), "OUTPUT_FOLDER": str(out)})
    held, original = [], report_commit.move_in

    def spy(new, target, done):
        held.extend(layer.name() for layer in project.mapLayers().values()
                    if os.path.abspath(layer.source().split("|")[0]) == os.path.abspath(target))
        return original(new, target, done)

    monkeypatch.setattr(report_commit, "move_in", spy)
    try:
        processing.run("sozialraum:report", {"DEFINITION": str(definition), "OUTPUT_FOLDER": str(out)})
        assert held == []
        assert project.layoutManager().layoutByName("Sozialraum – SGB-II-Quote Test") is not None
    finally:
        for layout in set(project.layoutManager().layouts()) - layouts_before:
            project.layoutManager().removeLayout(layout)
        project.removeMapLayers([key for key in project.mapLayers() if key not in layers_before])


def test_no_staged_file_is_held_open_when_it_is_moved(provider, sample_dir, tmp_path, monkeypatch):
    """Windows cannot rename a file that is open (SQLite opens without FILE_SHARE_DELETE). QGIS's
    OGR connection pool keeps a GeoPackage open after the layer that read it is gone, so nothing
    the report moves into place may have been read through QGIS (Linux: /proc shows the handles)."""
    import os

    import processing

    from sozialraum_plugin.processing.algorithms import report_steps

    if not os.path.isdir("/proc/self/fd"):
        return
    held, original = [], report_steps.commit

    def spy(run, uri):
        for fd in os.listdir("/proc/self/fd"):
            try:
                target = os.readlink(f"/proc/self/fd/{fd}")
            except OSError:
                continue
            if target.startswith(run.folder):
                held.append(target)
        return original(run, uri)

    monkeypatch.setattr(report_steps, "commit", spy)
    definition = small_definition(sample_dir, tmp_path)
    processing.run("sozialraum:report", {"DEFINITION": str(definition), "OUTPUT_FOLDER": str(tmp_path / "out")})
    assert held == []
