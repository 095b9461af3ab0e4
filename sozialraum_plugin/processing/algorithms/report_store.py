"""The report's database side: PostGIS sources read as local copies, and the store (gis/pg_store.py)."""
from __future__ import annotations

import os

from qgis.PyQt.QtCore import QCoreApplication

translate = QCoreApplication.translate


def open_store(definition, feedback):
    """Before anything is computed: the connection, the role's rights and the schema's lease. A
    role that may not write, or a second run at once, is refused here, with nothing written."""
    if definition.store is None:
        return None
    from ...gis.pg_store import PgStore

    store = PgStore(definition.store)
    store.begin()
    feedback.pushInfo(translate("Report", "The report will also be published into schema {0} of the "
                                          "connection {1} (role {2}).").format(store.schema, store.name, store.role))
    if store.created_schema:  # made by this run: only its role can read it so far
        feedback.pushWarning(translate(
            "Report", "Schema {0} did not exist and was created; other departments cannot open the report there "
                      "until your database administrator grants them USAGE on the schema and SELECT on its tables "
                      "(ALTER DEFAULT PRIVILEGES FOR ROLE {1} IN SCHEMA {0} GRANT SELECT ON TABLES TO …).").format(
            store.schema, store.role))
    return store


def publish_store(run, steps) -> None:
    """After the local files: the published layer, its series and the style into the schema."""
    store = run.store
    steps.pushInfo(translate("Report", "Writing the published layer and series into schema {0} …").format(store.schema))
    layer = run.outputs["OUTPUT"]
    path = layer.split("|", 1)[0]
    series = f"{path}|layername=series" if getattr(run, "series", None) is not None else None
    run.outputs.update(store.publish(layer, series))
    if run.outputs.get("PROJECT"):  # a project is main-thread state: made and written there

        def write_project(_uri, _steps):
            run.outputs["DB_PROJECT"] = store.store_project(run.outputs["PROJECT"], run.outputs)

        run._on_main_thread(write_project, layer, steps)
    steps.pushInfo(translate("Report", "Published into schema {0}: tables sozialraum{1} with the map's style as "
                                       "their default. The internal layer stays in the output folder only.").format(
        store.schema, " and series" if series else ""))
    if run.outputs.get("DB_PROJECT"):
        steps.pushInfo(translate("Report", "The project {0} is in schema {1} too (Project ▸ Open From ▸ "
                                           "PostgreSQL); its data layers read the schema's tables.").format(
            "Sozialbericht", store.schema))


def source(run, path: str) -> str:
    """A table or boundaries of the definition as processing reads it: a file's absolute path, a
    database table as ``postgres://<uri>`` through its QGIS connection (no credentials)."""
    from ...core.report.db_source import is_db_source

    if not is_db_source(path):
        return run.d.resolve(path)
    from ...gis.pg_connection import source_string

    cache = run.__dict__.setdefault("_db_sources", {})
    if path not in cache:
        cache[path] = source_string(path)
    return cache[path]


def local_boundaries(run) -> None:
    """Boundaries in the database are copied into the run's work folder first: every step reads
    them as a file (the publication rule tells their own fields from the tables' by that copy)."""
    from ...core.report.db_source import is_db_source

    if not is_db_source(run.d.boundaries):
        return
    from qgis.core import QgsProcessingUtils, QgsVectorFileWriter

    from ...core.errors import SozialraumError

    uri = source(run, run.d.boundaries)
    layer = QgsProcessingUtils.mapLayerFromString(uri, run._child_context())
    if layer is None or not layer.isValid():
        raise SozialraumError("file_not_found", file=run.d.boundaries)
    path = os.path.join(run.work, "boundaries.gpkg")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName = "GPKG", "boundaries"
    error = QgsVectorFileWriter.writeAsVectorFormatV3(layer, path, run.context.transformContext(), options)
    if error[0] != QgsVectorFileWriter.WriterError.NoError:
        raise SozialraumError("output_write_failed", file=path, reason=error[1])
    run.current = run.boundaries = path
