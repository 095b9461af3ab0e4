"""Project layers as inputs of an algorithm that runs as a task.

A task runs ``processAlgorithm`` in a worker thread while the user keeps working with the same
layers on the main thread (editing, filtering, removing them). The worker must not read those
live layers. On the main thread, before the task starts (``prepareAlgorithm``), each input that is
a project layer is described (source, provider, filter, CRS), or copied into memory when QGIS
holds more than its source has (unsaved edits, a memory layer). The worker then opens its own
layer from that description, in its own context; the live layer is never touched from there.
"""
from __future__ import annotations

import os

from qgis.core import QgsFeatureRequest, QgsProcessingUtils, QgsVectorLayer

# Parameter types whose value may name a project layer: vector layers, feature sources, generic
# layers, and files that may also be a table layer of the project (jointable's TABLE).
LAYER_TYPES = {"vector", "source", "layer", "file"}


def _project_layer(value, context):
    project = context.project()
    if project is None or value is None:
        return None
    if isinstance(value, QgsVectorLayer):
        layer = value
    elif isinstance(value, str) and value:
        layer = QgsProcessingUtils.mapLayerFromString(value, context, False)
    else:
        return None
    if not isinstance(layer, QgsVectorLayer) or project.mapLayer(layer.id()) is None:
        return None  # not in the project: a layer Processing loaded for this run only
    return layer


def describe_project_layers(algorithm, parameters: dict, context) -> dict:
    """On the main thread: {parameter: description} for the inputs that are project layers."""
    found = {}
    for definition in algorithm.parameterDefinitions():
        name = definition.name()
        if definition.type() not in LAYER_TYPES or name not in parameters:
            continue
        if definition.type() == "file" and isinstance(parameters[name], str) and os.path.exists(parameters[name]):
            continue  # a file is read as a file
        layer = _project_layer(parameters[name], context)
        if layer is None:
            continue
        in_memory = layer.providerType() == "memory" or (layer.isEditable() and layer.isModified())
        if in_memory and definition.type() == "file":
            continue  # a file parameter cannot carry a layer object: left as it is
        found[name] = {
            "copy": layer.materialize(QgsFeatureRequest()) if in_memory else None,
            "source": layer.source(), "name": layer.name(), "provider": layer.providerType(),
            "subset": layer.subsetString(), "crs": layer.crs(),
        }
    return found


def with_worker_layers(parameters: dict, described: dict, context) -> dict:
    """In the worker: the parameters with each described project layer replaced by a layer of
    the worker's own context (or the copy made on the main thread, used by no one else)."""
    if not described:
        return parameters
    parameters = dict(parameters)
    for name, spec in described.items():
        if spec["copy"] is not None:
            parameters[name] = spec["copy"]
            continue
        layer = QgsVectorLayer(spec["source"], spec["name"], spec["provider"])
        if not layer.isValid():
            continue  # the algorithm reports the original value as it always did
        if spec["subset"]:
            layer.setSubsetString(spec["subset"])
        if spec["crs"].isValid() and layer.crs() != spec["crs"]:
            layer.setCrs(spec["crs"])  # a CRS the user set on a file without one
        context.temporaryLayerStore().addMapLayer(layer)
        parameters[name] = layer.id()
    return parameters
