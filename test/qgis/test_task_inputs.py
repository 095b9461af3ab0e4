"""Algorithms run as tasks (the join dialog, the Processing dialog) must not read live project
layers from their worker thread: the user keeps editing and filtering them meanwhile.

The project layer here is a real QgsVectorLayer whose reading methods note the thread they are
called from (QGIS calls them through the same virtual methods)."""
from __future__ import annotations

from qgis.core import (
    QgsApplication,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication, QEventLoop, QThread, QTimer


class WatchedLayer(QgsVectorLayer):
    """Notes every read from a thread other than the main thread."""

    def __init__(self, *args):
        super().__init__(*args)
        self.foreign_reads: list[str] = []

    def _note(self, what: str) -> None:
        if QThread.currentThread() != QCoreApplication.instance().thread():
            self.foreign_reads.append(what)

    def getFeatures(self, *args):  # noqa: N802
        self._note("getFeatures")
        return super().getFeatures(*args)

    def fields(self):
        self._note("fields")
        return super().fields()

    def featureCount(self, *args):  # noqa: N802
        self._note("featureCount")
        return super().featureCount(*args)


def run_task(algorithm_id: str, parameters: dict) -> tuple:
    algorithm = QgsApplication.processingRegistry().algorithmById(algorithm_id).create({})
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = QgsProcessingFeedback()
    task = QgsProcessingAlgRunnerTask(algorithm, parameters, context, feedback)
    loop, done = QEventLoop(), {}

    def executed(ok, results):
        done.update(ok=ok, results=dict(results))
        loop.quit()

    task.executed.connect(executed)
    QgsApplication.taskManager().addTask(task)
    QTimer.singleShot(60_000, loop.quit)
    loop.exec()
    return done.get("ok"), done.get("results", {})


def test_join_task_reads_its_own_copy_of_a_filtered_project_layer(provider, sample_dir, tmp_path):
    berlin = sample_dir / "berlin"
    layer = WatchedLayer(str(berlin / "lor_planungsraeume_2021.shp"), "Planungsräume", "ogr")
    layer.setSubsetString("\"BEZ\" = '01'")  # the user's filter: only Mitte
    expected = layer.featureCount()
    QgsProject.instance().addMapLayer(layer)
    try:
        ok, results = run_task("sozialraum:jointable", {
            "INPUT": layer.id(), "INPUT_KEY": "PLR_ID", "TABLE": str(berlin / "mss_2021_index_indikatoren.csv"),
            "TABLE_KEY": "PLR_ID", "OUTPUT": str(tmp_path / "joined.gpkg")})
        assert ok, results
        assert layer.foreign_reads == []
        out = QgsVectorLayer(results["OUTPUT"], "out", "ogr")
        assert out.featureCount() == expected == results["MATCHED"] and 0 < expected < 542
        assert out.fields().indexOf("S1") >= 0
        del out
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


def test_index_task_reads_unsaved_edits_from_a_copy(provider, sample_dir, tmp_path):
    import processing

    joined = processing.run("sozialraum:jointable", {
        "INPUT": str(sample_dir / "berlin" / "lor_planungsraeume_2021.shp"), "INPUT_KEY": "PLR_ID",
        "TABLE": str(sample_dir / "berlin" / "mss_2021_index_indikatoren.csv"), "TABLE_KEY": "PLR_ID",
        "OUTPUT": str(tmp_path / "joined.gpkg")})["OUTPUT"]
    layer = WatchedLayer(joined, "joined", "ogr")
    QgsProject.instance().addMapLayer(layer)
    layer.startEditing()
    first = next(layer.getFeatures())
    layer.changeAttributeValue(first.id(), layer.fields().indexOf("S1"), 99.0)  # not saved
    try:
        ok, results = run_task("sozialraum:needindex", {
            "INPUT": layer.id(), "STATUS_FIELDS": ["S1", "S3", "S4"], "PRESET": 0,
            "OUTPUT": str(tmp_path / "index.gpkg")})
        assert ok, results
        assert layer.foreign_reads == []
        out = QgsVectorLayer(results["OUTPUT"], "out", "ogr")
        assert out.getFeature(first.id())["S1"] == 99.0  # the edit the user sees was used
        del out
    finally:
        layer.rollBack()
        QgsProject.instance().removeMapLayer(layer.id())
