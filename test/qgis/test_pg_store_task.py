"""The report into a PostGIS schema run the way the builder and the Processing dialog run it: a
QgsProcessingAlgRunnerTask on QGIS's task manager, the event loop running. The store's SQL runs in
the task's thread, the project is saved into the schema on the main thread; nothing may be made
across threads, and the schema's lease must be free afterwards."""
from __future__ import annotations

import time

from pg_store_support import connect, run_sql, server
from qgis.core import (
    QgsApplication,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
)
from qgis.PyQt.QtCore import QCoreApplication, QEventLoop, QTimer, qInstallMessageHandler
from test_pg_store_runs import definition, snapshot


def test_report_into_the_schema_as_a_background_task(provider, postgis, sample_dir, tmp_path):
    connect(server(postgis), "sr_writer", "Amt")
    schema = postgis.new_schema(owner="sr_writer", prefix="task")
    path = definition(sample_dir, tmp_path / "def", schema)
    algorithm = QgsApplication.processingRegistry().algorithmById("sozialraum:report").create({})
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = QgsProcessingFeedback()
    messages, done, loop = [], {}, QEventLoop()
    project = QgsProject.instance()
    layouts_before, layers_before = set(project.layoutManager().layouts()), set(project.mapLayers())

    def executed(ok, results):
        done.update(ok=ok, results=dict(results))
        loop.quit()

    previous = qInstallMessageHandler(lambda _kind, _context, text: messages.append(text))
    try:
        task = QgsProcessingAlgRunnerTask(algorithm, {"DEFINITION": str(path), "OUTPUT_FOLDER": str(tmp_path / "out")},
                                          context, feedback)
        task.executed.connect(executed)
        QgsApplication.taskManager().addTask(task)
        QTimer.singleShot(300_000, loop.quit)  # a hung run fails here instead of hanging the session
        started = time.monotonic()
        loop.exec()
    finally:
        qInstallMessageHandler(previous)
        QCoreApplication.processEvents()
        for layout in set(project.layoutManager().layouts()) - layouts_before:
            project.layoutManager().removeLayout(layout)
        project.removeMapLayers([key for key in project.mapLayers() if key not in layers_before])
    assert done.get("ok"), f"no result after {time.monotonic() - started:.0f} s: {messages[-5:]}"
    assert not [m for m in messages if "different thread" in m or "QObject" in m], messages
    tables = snapshot(schema)
    assert len(tables["layer"]) == 13 and len(tables["series"]) > 100  # Flensburg's 13 Stadtteile, 3 years
    assert run_sql("Amt", f"SELECT name FROM {schema}.qgis_projects") == [["Sozialbericht"]]
    assert run_sql("Amt", f"SELECT count(*) FROM {schema}.sozialraum_runs") == [[0]]  # the lease is free
    assert run_sql("Amt", "SELECT count(*) FROM public.layer_styles WHERE f_table_schema = "
                          f"'{schema}' AND useasdefault") == [[1]]
