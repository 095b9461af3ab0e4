"""A second QGIS (own profile, own authentication database) for the PostGIS store tests, run as a
subprocess: ``python pg_store_child.py '<json>'``; prints one JSON line with what happened.

{"action": "report", "server": {...}, "role": "sr_writer", "connection": "Amt", "definition": …, "folder": …}
{"action": "reader", …, "schema": "bericht", "folder": …}: open the styled layer, export profiles, try a report
{"action": "lease", …, "schema": …, "at": <epoch seconds>}: take the schema's lease at that instant
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent), "/usr/share/qgis/python/plugins"]


class Log:
    """Everything the run says (scanned for passwords by the tests)."""

    def __init__(self):
        from qgis.core import QgsProcessingFeedback

        lines = self.lines = []

        class Feedback(QgsProcessingFeedback):
            def pushInfo(self, text):  # noqa: N802
                lines.append(text)

            def pushWarning(self, text):  # noqa: N802
                lines.append(text)

            def reportError(self, text, fatalError=False):  # noqa: N802,N803
                lines.append(text)

            def pushCommandInfo(self, text):  # noqa: N802
                lines.append(text)

            def pushDebugInfo(self, text):  # noqa: N802
                lines.append(text)

        self.feedback = Feedback()


def report(args, log) -> dict:
    import processing

    try:
        result = processing.run("sozialraum:report", {"DEFINITION": args["definition"],
                                                      "OUTPUT_FOLDER": args["folder"]}, feedback=log.feedback)
    except Exception as error:  # noqa: BLE001 (the message is what the test reads)
        return {"ok": False, "error": str(error)}
    return {"ok": True, "db_layer": result.get("DB_LAYER", "")}


def reader(args, log) -> dict:
    import processing
    from qgis.core import QgsVectorLayer

    from sozialraum_plugin.gis.pg_connection import connection, table_uri

    uri = table_uri(connection(args["connection"]), args["schema"], "sozialraum")
    layer = QgsVectorLayer(uri, "sozialraum", "postgres")
    out = {"valid": layer.isValid(), "renderer": type(layer.renderer()).__name__ if layer.renderer() else "",
           "features": layer.featureCount()}
    pdf = os.path.join(args["folder"], "Profile.pdf")
    result = processing.run("sozialraum:profilesheets", {
        "INPUT": "postgres://" + uri, "NAME_FIELD": "PLR_NAME", "KEY_FIELD": "PLR_ID", "FIELDS": ["S1", "S3", "S4"],
        "OUTPUT": pdf}, feedback=log.feedback)
    out["profiles"] = result["OUTPUT"]
    from qgis.core import QgsProject

    from sozialraum_plugin.gis.pg_project import project_uri

    project = QgsProject()  # the report's project from the schema, with this profile's configuration
    out["project_read"] = project.read(project_uri(connection(args["connection"]), args["schema"]))
    out["project_layouts"] = sorted(layout.name() for layout in project.layoutManager().layouts())
    out["project_layers"] = sorted((layer.providerType(), layer.isValid()) for layer in project.mapLayers().values())
    project.clear()
    denied = layer.startEditing() and layer.deleteFeature(next(layer.getFeatures()).id()) and layer.commitChanges()
    out["edit_committed"] = bool(denied)
    layer.rollBack()
    out["report"] = report(args, log)
    return out


def lease(args, log) -> dict:
    """Take the schema's lease at the instant ``at`` (epoch seconds), hold it a moment, free it."""
    import time

    from sozialraum_plugin.core.errors import SozialraumError
    from sozialraum_plugin.gis.pg_connection import connection
    from sozialraum_plugin.gis.pg_lease import Lease

    held = Lease(connection(args["connection"]), args["schema"], args["role"])
    time.sleep(max(0.0, args["at"] - time.time()))
    try:
        held.acquire()
    except SozialraumError as error:
        return {"got": False, "error": str(error)}
    time.sleep(3)
    held.release()
    return {"got": True, "error": ""}


def main() -> None:
    args = json.loads(sys.argv[1])
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    from sozialraum_plugin.processing.provider import SozialraumProvider

    provider = SozialraumProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    import pg_store_support

    pg_store_support.connect(args["server"], args["role"], args["connection"], args.get("cfg_id"))
    log = Log()
    out = globals()[args["action"]](args, log)
    out["log"] = "\n".join(log.lines)
    print("RESULT " + json.dumps(out, ensure_ascii=False), flush=True)
    os._exit(0)  # (QGIS 3.22 may crash in its own exit after layouts; the result is printed)


if __name__ == "__main__":
    main()
