"""Re-running the report into last year's folder while last year's Sozialbericht.qgz is open.

The run renames its new GeoPackages (sozialraum.gpkg, Sozialraumprofile_files/profiles.gpkg) over
the files the open project's layers read. SQLite keeps a reader's journal beside the file, by
name (-wal, -shm): a new file renamed in under a live reader was read through the old file's
journal, "malformed database schema" or a wrong extent ("Could not transform bounding box" in
map_extent), now and then. The project here stays open in another QgsProject (a second QGIS
window does the same), so nothing of the run can release its layers.
"""
from __future__ import annotations

import json
from pathlib import Path

from qgis.core import QgsProject, QgsVectorLayer

SAMPLE = Path(__file__).resolve().parents[2] / "resources/sample/flensburg"


def definition(folder: Path) -> Path:
    data = json.loads((SAMPLE / "sozialatlas_flensburg_2022.json").read_text(encoding="utf-8"))
    data["boundaries"] = str(SAMPLE / data["boundaries"])
    for table in data["tables"]:
        table["path"] = str(SAMPLE / table["path"])
    path = folder / "definition.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_rerun_while_last_years_project_is_open(provider, tmp_path):
    import processing

    out = tmp_path / "Bericht"
    spec = definition(tmp_path)
    processing.run("sozialraum:report", {"DEFINITION": str(spec), "OUTPUT_FOLDER": str(out)})
    gpkg = out / "Sozialraumprofile_files" / "profiles.gpkg"
    expected = QgsVectorLayer(f"{gpkg}|layername=profiles", "p", "ogr").extent()
    for attempt in range(3):
        opened = QgsProject()
        assert opened.read(str(out / "Sozialbericht.qgz"))
        files = {layer.source().split("|")[0] for layer in opened.mapLayers().values()}
        assert str(gpkg) in files and str(out / "sozialraum.gpkg") in files
        for layer in opened.mapLayers().values():  # the planner looked at them: the files are open
            layer.extent()
            next(layer.getFeatures(), None)
        result = processing.run("sozialraum:report", {"DEFINITION": str(spec), "OUTPUT_FOLDER": str(out)})
        assert Path(result["PROFILES"]).is_file(), attempt
        again = QgsVectorLayer(f"{gpkg}|layername=profiles", "p", "ogr")
        assert again.isValid() and again.featureCount() > 0, attempt
        assert again.extent().toString(2) == expected.toString(2), attempt
        del again
        opened.layoutManager().clear()
        opened.clear()
        del opened
    QgsProject.instance().layoutManager().clear()
    QgsProject.instance().clear()
