"""Open a QGIS project file the way a colleague without the plugin would, and export its layouts.

Run by test_report_project.py with QGIS's own Python in a subprocess: no plugin path, nothing of
sozialraum_plugin imported. Usage: project_check.py PROJECT.qgz OUT_FOLDER; prints JSON:
{"read", "layers": {name: {"valid", "source"}}, "layouts": {name: {"pdf", "ok", "atlas", "items", "pictures"}}}.
"""
import json
import os
import sys

from qgis.core import Qgis, QgsApplication, QgsLayoutExporter, QgsProject


def main(path: str, out: str) -> dict:
    project = QgsProject.instance()
    found = {"read": project.read(path), "layers": {}, "layouts": {}, "plugins": sorted(
        name for name in sys.modules if name.startswith("sozialraum"))}
    found["definition"] = project.readEntry("sozialraum", "definition")[0]
    found["title"] = project.title()
    for layer in project.mapLayers().values():
        found["layers"][layer.name()] = {"valid": layer.isValid(), "source": layer.source(),
                                         "features": layer.featureCount() if hasattr(layer, "featureCount") else 0}
    for n, layout in enumerate(project.layoutManager().printLayouts(), start=1):
        pdf = os.path.join(out, f"layout_{n}.pdf")
        settings = QgsLayoutExporter.PdfExportSettings()
        settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
        atlas = layout.atlas()
        if atlas.enabled():
            atlas.updateFeatures()
            result, _error = QgsLayoutExporter.exportToPdf(atlas, pdf, settings)
        else:
            result = QgsLayoutExporter(layout).exportToPdf(pdf, settings)
        items = [[type(item).__name__, item.id()] for item in layout.items() if hasattr(item, "id") and item.id()]
        pictures = [[item.id(), item.picturePath(), item.isMissingImage() if hasattr(item, "isMissingImage") else None]
                    for item in layout.items() if type(item).__name__ == "QgsLayoutItemPicture"]
        tables = []  # an attribute table's layer and relation, and its rows on the atlas's first page
        for frame in layout.multiFrames():
            if type(frame).__name__ != "QgsLayoutItemAttributeTable":
                continue
            if atlas.enabled():
                atlas.first()
            relation = project.relationManager().relation(frame.relationId())
            frame.refreshAttributes()
            tables.append({"layer": frame.vectorLayer().name() if frame.vectorLayer() else None,
                           "relation": frame.relationId(), "relation_valid": relation.isValid(),
                           "rows": len(frame.contents())})
        found["layouts"][layout.name()] = {
            "pdf": pdf, "ok": result == QgsLayoutExporter.ExportResult.Success, "atlas": atlas.enabled(),
            "atlas_count": atlas.count() if atlas.enabled() else 0, "items": items, "pictures": pictures,
            "tables": tables}
    return found


if __name__ == "__main__":
    app = QgsApplication([], False)
    app.initQgis()
    report = main(sys.argv[1], sys.argv[2])
    QgsProject.instance().layoutManager().clear()
    QgsProject.instance().clear()
    print(json.dumps(report))
    sys.stdout.flush()
    os._exit(0)  # QGIS 3.22 may crash while Python frees what exitQgis already freed
