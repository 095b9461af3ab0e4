"""The report's "impact" section (core/report/impact_spec.py, processing/algorithms/report_impact.py):
the Flensburg monitoring with an EXAMPLE set of funded Stadtteile, by a programme-area file beside
the definition (German) and by an expression (English, run as the Processing dialog runs the
report: a background task). Wirkung.xlsx, Wirkung.csv and Wirkung.pdf are in the output folder,
agree with the algorithm run on its own, and the definition written back keeps the section."""
from __future__ import annotations

import json
import shutil
import unicodedata
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample" / "flensburg"


def _definition(folder: Path, impact: dict) -> Path:
    shutil.copytree(SAMPLE, folder, dirs_exist_ok=True)
    data = json.loads((SAMPLE / "sozialmonitoring_flensburg.json").read_text(encoding="utf-8"))
    data["impact"] = impact
    path = folder / "wirkung.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _areas_file(path: Path, ids) -> None:
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter
    from test_impact_flensburg import _programme_areas

    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    error = QgsVectorFileWriter.writeAsVectorFormatV3(_programme_areas(ids), str(path),
                                                      QgsCoordinateTransformContext(), options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError, error


def _page(path: Path) -> str:
    """pdftotext in reading order (not -layout: the panels' columns would interleave), one line."""
    import subprocess

    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _csv(path: Path) -> list:
    return [line.split(";" if "Indikator" in line or ";" in line else ",")
            for line in path.read_text(encoding="utf-8-sig").splitlines()]


@pytest.fixture(scope="module")
def german(provider, tmp_path_factory):
    import processing

    src = tmp_path_factory.mktemp("impact_def")
    _areas_file(src / "programmgebiete.gpkg", ["STGT02", "STGT10", "STGT03"])
    definition = _definition(src, {"areas": "programmgebiete.gpkg", "indicators": ["Q", "K"], "seed": 5})
    out = tmp_path_factory.mktemp("impact_report_de")
    result = processing.run("sozialraum:report", {"DEFINITION": str(definition), "OUTPUT_FOLDER": str(out)})
    return out, result


def test_report_writes_the_impact_files(german):
    import processing

    out, result = german
    for name in ("Wirkung.xlsx", "Wirkung.csv", "Wirkung.pdf"):
        assert (out / name).is_file(), name
    assert result["IMPACT_FUNDED"] == 3
    rows = _csv(out / "Wirkung.csv")
    assert [r[0] for r in rows[1:]] == ["Q", "K"] and rows[1][4] == "3" and rows[1][2] == "2019"
    # the same as the algorithm on the published layer and series, funded by the same three
    alone = out.parent / "alone.csv"
    processing.run("sozialraum:impact", {
        "INPUT": str(out / "sozialraum.gpkg"), "KEY_FIELD": "AREA_ID", "INDICATORS": "Q,K", "SEED": 5,
        "SERIES": f"{out / 'sozialraum.gpkg'}|layername=series", "LANGUAGE": "de",
        "FUNDED_EXPRESSION": "\"AREA_ID\" IN ('STGT02', 'STGT10', 'STGT03')", "OUTPUT": str(alone)})
    assert [r[2:17] for r in _csv(alone)[1:]] == [r[2:17] for r in rows[1:]]
    page = _page(out / "Wirkung.pdf")
    assert "SGB-II-Quote (unter 65) (%)" in page and "n = 3" in page
    written = json.loads((out / "Berichtsdefinition.json").read_text(encoding="utf-8"))
    assert written["impact"] == {"areas": written["impact"]["areas"], "indicators": ["Q", "K"], "seed": 5}
    assert written["impact"]["areas"].endswith("programmgebiete.gpkg")


def test_english_report_as_a_background_task(provider, tmp_path):
    from qgis.core import (
        QgsApplication,
        QgsProcessingAlgRunnerTask,
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsProject,
    )
    from qgis.PyQt.QtCore import QCoreApplication, QEventLoop, QTimer

    definition = _definition(tmp_path / "src", {"funded_expression": "\"AREA_ID\" IN ('STGT02', 'STGT10', 'STGT03')"})
    algorithm = QgsApplication.processingRegistry().algorithmById("sozialraum:report").create({})
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback, done, loop = QgsProcessingFeedback(), {}, QEventLoop()

    def executed(ok, results):
        done.update(ok=ok)
        loop.quit()

    task = QgsProcessingAlgRunnerTask(algorithm, {"DEFINITION": str(definition), "OUTPUT_FOLDER": str(tmp_path / "out"),
                                                  "LANGUAGE": "en"}, context, feedback)
    task.executed.connect(executed)
    QgsApplication.taskManager().addTask(task)
    QTimer.singleShot(300_000, loop.quit)
    loop.exec()
    QCoreApplication.processEvents()
    assert done.get("ok")
    header = (tmp_path / "out" / "Wirkung.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith("Indicator,Label,Base year,Year,n funded,n other")
    rows = (tmp_path / "out" / "Wirkung.csv").read_text(encoding="utf-8-sig").splitlines()[1:]
    assert [r.split(",")[0] for r in rows] == ["Q", "S3", "K", "SGB2", "EW"]  # no indicators named: all with years
    page = _page(tmp_path / "out" / "Wirkung.pdf")
    assert "Difference of the changes" in page and "funded districts (mean)" in page


def test_impact_section_is_checked():
    from sozialraum_plugin.core.errors import SozialraumError
    from sozialraum_plugin.core.report.impact_spec import impact_from_json, impact_to_json

    with pytest.raises(SozialraumError, match="exactly one of"):
        impact_from_json({"funded_field": "QM", "areas": "a.gpkg"}, "d.json")
    with pytest.raises(SozialraumError, match="unknown keys: fundedfield"):
        impact_from_json({"fundedfield": "QM"}, "d.json")
    with pytest.raises(SozialraumError, match="min_overlap"):
        impact_from_json({"funded_field": "QM", "min_overlap": 150}, "d.json")
    spec = impact_from_json({"funded_field": "QM", "base_year": 2019}, "d.json")
    assert impact_to_json(spec) == {"funded_field": "QM", "base_year": 2019}
