"""Run one of our algorithms as Processing's dialog runs it, in a QGIS process of its own, and print
what the dialog would load. Usage: dialog_outputs_check.py ALG_ID PARAMS_JSON SINKS_JSON; prints JSON
{"ok", "results", "loaded": {layer id: opens}}. Own process: a task holding the project's context
left state behind that crashed a later test under pytest-qgis."""
import json
import os
import sys
import time

from qgis.core import (
    QgsApplication,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputLayerDefinition,
    QgsProject,
    QgsVectorLayer,
)


def main(alg_id: str, params: dict, sinks: dict) -> dict:
    from sozialraum_plugin.processing.provider import SozialraumProvider

    provider = SozialraumProvider()  # held: the registry does not keep the Python object alive
    QgsApplication.processingRegistry().addProvider(provider)
    project = QgsProject.instance()
    params = dict(params, **{k: QgsProcessingOutputLayerDefinition(v, project) for k, v in sinks.items()})
    context = QgsProcessingContext()
    context.setProject(project)
    feedback = QgsProcessingFeedback()
    algorithm = QgsApplication.processingRegistry().algorithmById(alg_id).create({})
    task = QgsProcessingAlgRunnerTask(algorithm, params, context, feedback)
    done = {}

    def executed(ok, results):
        # what the dialog will load: each entry a temporary layer in the context's store or a file
        # that opens, one per output
        store = context.temporaryLayerStore()
        done.update(ok=bool(ok), results={k: v if isinstance(v, (int, float, str, bool)) else str(v)
                                            for k, v in results.items()}, loaded={
            layer_id: store.mapLayer(layer_id) is not None or QgsVectorLayer(layer_id, "check", "ogr").isValid()
            for layer_id in context.layersToLoadOnCompletion()})

    task.executed.connect(executed)
    QgsApplication.taskManager().addTask(task)
    started = time.monotonic()
    while (not done or QgsApplication.taskManager().count()) and time.monotonic() - started < 120:
        QgsApplication.processEvents()
        time.sleep(0.02)
    del provider
    return done


if __name__ == "__main__":
    app = QgsApplication([], False)
    app.initQgis()
    print(json.dumps(main(sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3]))), flush=True)
    os._exit(0)  # the answer is out; QGIS 3.40's Python teardown after a task crashed now and then
