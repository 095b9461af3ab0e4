"""sozialraum:impact on the Flensburg monitoring series (2019–2021, the report's `series` table and
district layer). The funded Stadtteile are an EXAMPLE for the test (no real programme is meant):
Neustadt, Fruerlund and Nordstadt by a field, Neustadt and Fruerlund by an expression and by a
programme-area layer built here from their two geometries. Numbers checked by hand with pandas on
the yearly CSVs; the table read back (XLSX, CSV), the chart page read back (pdfinfo, pdftotext in
German and English, the layout's items QGIS's own classes), a run as the Processing dialog runs it
(a background task), and a scan for a hidden value."""
from __future__ import annotations

import re
import subprocess
import time
import unicodedata
from pathlib import Path

import pandas as pd
import pytest
from disclosure_support import de, pdf_pages

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample" / "flensburg"
DEFINITION = SAMPLE / "sozialmonitoring_flensburg.json"
EXPRESSION = "\"AREA_NAME\" IN ('Neustadt', 'Fruerlund')"


def _report(folder):
    import processing

    processing.run("sozialraum:report", {"DEFINITION": str(DEFINITION), "OUTPUT_FOLDER": str(folder)})
    return folder


@pytest.fixture(scope="module")
def report(provider, tmp_path_factory):
    return _report(tmp_path_factory.mktemp("impact_report"))


def _text(path) -> list:
    """pdftotext per page, ligatures (ﬀ, ﬁ) resolved and lines joined."""
    return [" ".join(unicodedata.normalize("NFKC", page).split()) for page in pdf_pages(path)]


def _impact(**params):
    import processing

    return processing.run("sozialraum:impact", {"KEY_FIELD": "AREA_ID", "LANGUAGE": "de", **params})


def _hand(funded_names, indicator="Q", years=(2019, 2021)):
    """The DiD of the SGB II rate (Regelleistungsberechtigte / EW unter 65 × 100) from the CSVs."""
    frames = {y: pd.read_csv(SAMPLE / "jahre" / f"sgb2_{y}.csv", sep=";", decimal=",") for y in years}
    for f in frames.values():
        f["Q"] = f["Regelleistungsberechtigte"] / f["EW_unter_65"] * 100
    merged = frames[years[0]].merge(frames[years[1]], on="Stadtteil", suffixes=("_0", "_1"))
    merged["d"] = merged[f"{indicator}_1"] - merged[f"{indicator}_0"]
    funded = merged["Stadtteil"].isin(funded_names)
    changes = merged.loc[funded, "d"].mean(), merged.loc[~funded, "d"].mean()
    return changes[0] - changes[1], changes, merged, funded


IDS = ["indicator", "label", "base_year", "year", "n_funded", "n_rest", "funded_before", "funded_after",
       "funded_change", "funded_pooled", "rest_before", "rest_after", "rest_change", "rest_pooled", "did", "lower",
       "upper", "note"]


def _rows(path, sheet=0, ids=IDS) -> dict:
    """The comparison sheet by column position (the headers follow the language)."""
    import openpyxl

    rows = list(openpyxl.load_workbook(path).worksheets[sheet].iter_rows(values_only=True))
    return {r[0]: dict(zip(ids, r)) for r in rows[1:]}


def test_field_run_against_pandas_table_and_chart(report, tmp_path):
    import processing

    layer = processing.run("native:fieldcalculator", {
        "INPUT": str(report / "sozialraum.gpkg"), "FIELD_NAME": "gefoerdert", "FIELD_TYPE": 2, "FIELD_LENGTH": 5,
        "FORMULA": "CASE WHEN \"AREA_ID\" IN ('STGT02','STGT10','STGT03') THEN 'ja' ELSE 'nein' END",
        "OUTPUT": str(tmp_path / "flagged.gpkg")})["OUTPUT"]
    started = time.perf_counter()
    result = _impact(INPUT=layer, SERIES=f"{report / 'sozialraum.gpkg'}|layername=series",
                     INDICATORS='[{"id": "Q", "label": "SGB-II-Quote", "unit": "%", "decimals": 2}, '
                                '{"id": "K", "label": "Kinderarmut", "unit": "%"}, '
                                '{"id": "DQ", "label": "Veränderung SGB-II-Quote", "unit": "%-Pkt."}]',
                     FUNDED_FIELD="gefoerdert", OUTPUT=str(tmp_path / "Wirkung.xlsx"),
                     CHART=str(tmp_path / "Wirkung.pdf"))
    seconds = time.perf_counter() - started
    assert (result["FUNDED"], result["OTHER"]) == (3, 10)
    did, (funded, rest), _, _ = _hand(["Neustadt", "Fruerlund", "Nordstadt"])
    rows = _rows(tmp_path / "Wirkung.xlsx")
    q = rows["Q"]
    assert (q["base_year"], q["year"], q["n_funded"], q["n_rest"]) == (2019, 2021, 3, 10)
    assert q["did"] == pytest.approx(did, abs=1e-9)
    assert q["funded_change"] == pytest.approx(funded, abs=1e-9) and q["rest_change"] == pytest.approx(rest, abs=1e-9)
    assert q["lower"] < did < q["upper"]
    assert q["funded_pooled"] == pytest.approx(_pooled(["Neustadt", "Fruerlund", "Nordstadt"]), abs=1e-9)
    assert rows["DQ"]["base_year"] is None  # a change the report computed (a column): read as it is
    assert rows["DQ"]["did"] == pytest.approx(did, abs=1e-9)  # the same change, by the report
    years = list(_rows(tmp_path / "Wirkung.xlsx", 1, ["indicator", "label", "year", "group", "n", "mean"]).values())
    assert years  # (keyed by indicator: the last row per indicator)
    pages = _text(tmp_path / "Wirkung.pdf")
    info = subprocess.run(["pdfinfo", str(tmp_path / "Wirkung.pdf")], capture_output=True, text=True).stdout
    assert re.search(r"Pages:\s+1\n", info)
    assert "SGB-II-Quote (%)" in pages[0] and "Kinderarmut" in pages[0] and "2020" in pages[0]
    assert "Differenz der Veränderungen" in pages[0] and "geförderte Gebiete (Mittel)" in pages[0]
    assert "n = 3 gefördert / 10 übrige" in pages[0] and "Difference" not in pages[0]
    import openpyxl

    book = openpyxl.load_workbook(tmp_path / "Wirkung.xlsx")
    assert book.sheetnames == ["Wirkung", "Jahre", "Methode"]
    assert [c.value for c in book["Wirkung"][1]][:5] == ["Indikator", "Bezeichnung", "Basisjahr", "Jahr", "n gefördert"]
    assert "+" + de(did, 2) in pages[0] or "\u2212" + de(-did, 2) in pages[0]
    print(f"\nFlensburg Q DiD {did:.3f} [{q['lower']:.3f}, {q['upper']:.3f}] in {seconds:.2f} s")


def _pooled(names, years=(2019, 2021)):
    out = []
    for y in years:
        f = pd.read_csv(SAMPLE / "jahre" / f"sgb2_{y}.csv", sep=";", decimal=",")
        f = f[f["Stadtteil"].isin(names)]
        out.append(f["Regelleistungsberechtigte"].sum() / f["EW_unter_65"].sum() * 100)
    return out[1] - out[0]


def _programme_areas(ids):
    """A polygon layer of programme areas: the two Stadtteile's geometries, dissolved (an example)."""
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    source = QgsVectorLayer(str(SAMPLE / "Stadtteile.shp"), "st", "ogr")
    geoms = [f.geometry() for f in source.getFeatures() if str(f["AREA_ID"]) in ids]
    assert len(geoms) == len(ids)
    areas = QgsVectorLayer(f"Polygon?crs={source.crs().authid()}", "Programmgebiet", "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.unaryUnion(geoms).buffer(-5, 4))  # drawn a little inside the borders
    areas.dataProvider().addFeatures([feature])
    return areas


def test_expression_and_programme_areas_give_the_same_table(report, tmp_path):
    common = {"INPUT": str(report / "sozialraum.gpkg"), "SERIES": f"{report / 'sozialraum.gpkg'}|layername=series",
              "INDICATORS": "Q,K"}
    by_expression = _impact(**common, FUNDED_EXPRESSION="\"AREA_ID\" IN ('STGT02', 'STGT10')",
                            OUTPUT=str(tmp_path / "expression.csv"))
    by_areas = _impact(**common, PROGRAMME_AREAS=_programme_areas(["STGT02", "STGT10"]),
                       OUTPUT=str(tmp_path / "areas.csv"))
    assert by_expression["FUNDED"] == by_areas["FUNDED"] == 2
    lines = {name: (tmp_path / name).read_text(encoding="utf-8-sig").splitlines()
             for name in ("expression.csv", "areas.csv")}
    assert lines["expression.csv"][1:] == lines["areas.csv"][1:]  # the same numbers (the note names the source)
    did, _, _, _ = _hand(["Neustadt", "Fruerlund"])
    q = next(line.split(";") for line in lines["expression.csv"] if line.startswith("Q;"))
    assert q[14] == de(did, 3).replace("\u2212", "-") or q[14] == de(did, 2).replace("\u2212", "-")
    assert q[15] == q[16] == ""  # two funded districts: no interval
    assert "3" in q[17]  # the note: fewer than 3 districts in a group
    # drawn 5 m inside the borders, no district lies wholly inside: at MIN_OVERLAP 100 none is funded, said so
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="No district is funded by .*100"):
        _impact(**common, PROGRAMME_AREAS=_programme_areas(["STGT02", "STGT10"]), MIN_OVERLAP=100,
                OUTPUT=str(tmp_path / "strict.csv"))
    assert not (tmp_path / "strict.csv").exists()


def test_english_table_and_chart(report, tmp_path):
    _impact(INPUT=str(report / "sozialraum.gpkg"), SERIES=f"{report / 'sozialraum.gpkg'}|layername=series",
            INDICATORS="Q,K", FUNDED_EXPRESSION="\"AREA_ID\" IN ('STGT02', 'STGT10', 'STGT03')", LANGUAGE="en",
            OUTPUT=str(tmp_path / "Wirkung.csv"), CHART=str(tmp_path / "Wirkung.pdf"), TITLE="Example programme")
    header = (tmp_path / "Wirkung.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith("Indicator,Label,Base year,Year,n funded,n other")
    page = _text(tmp_path / "Wirkung.pdf")[0]
    assert "Example programme" in page and "Difference of the changes" in page and "95 % interval" in page
    assert "funded districts (mean)" in page and "Differenz" not in page and "gefördert" not in page


def test_layout_items_are_qgis_classes(report, tmp_path):
    from qgis.core import QgsLayoutItemLabel, QgsLayoutItemPolyline, QgsLayoutItemShape, QgsProject

    _impact(INPUT=str(report / "sozialraum.gpkg"), SERIES=f"{report / 'sozialraum.gpkg'}|layername=series",
            INDICATORS="Q", FUNDED_EXPRESSION="\"AREA_ID\" IN ('STGT02', 'STGT10', 'STGT03')",
            OUTPUT=str(tmp_path / "t.csv"), CHART=str(tmp_path / "Wirkungsseite.pdf"))
    layout = QgsProject.instance().layoutManager().layoutByName("Wirkungsseite")
    assert layout is not None  # left in the project for the layout designer
    assert isinstance(layout.itemById("impact_title_0"), QgsLayoutItemLabel)
    lines = [i for i in layout.items() if isinstance(i, QgsLayoutItemPolyline)]
    assert {i.id() for i in lines} >= {"impact_line_0_1_3", "impact_line_0_2_3"}  # funded and other over 3 years
    assert all(len(i.nodes()) == 3 for i in lines if i.id().startswith("impact_line"))  # a node per year
    assert sum(isinstance(i, QgsLayoutItemShape) for i in layout.items()) == 6  # a point per year and group
    QgsProject.instance().layoutManager().removeLayout(layout)


def test_run_as_the_processing_dialog_runs_it(report, tmp_path):
    from qgis.core import (
        QgsApplication,
        QgsProcessingAlgRunnerTask,
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsProject,
    )
    from qgis.PyQt.QtCore import QCoreApplication, QEventLoop, QTimer, qInstallMessageHandler

    algorithm = QgsApplication.processingRegistry().algorithmById("sozialraum:impact").create({})
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    messages, done, loop = [], {}, QEventLoop()
    params = {"INPUT": str(report / "sozialraum.gpkg"), "KEY_FIELD": "AREA_ID",
              "SERIES": f"{report / 'sozialraum.gpkg'}|layername=series", "INDICATORS": "Q,K",
              "FUNDED_EXPRESSION": "\"AREA_ID\" IN ('STGT02', 'STGT10', 'STGT03')",
              "OUTPUT": str(tmp_path / "Wirkung.xlsx"), "CHART": str(tmp_path / "Wirkung_task.pdf")}

    def executed(ok, results):
        done.update(ok=ok, results=dict(results))
        loop.quit()

    previous = qInstallMessageHandler(lambda _kind, _context, text: messages.append(text))
    try:
        feedback = QgsProcessingFeedback()  # kept: the task holds a pointer to it
        task = QgsProcessingAlgRunnerTask(algorithm, params, context, feedback)
        task.executed.connect(executed)
        QgsApplication.taskManager().addTask(task)
        QTimer.singleShot(120_000, loop.quit)
        loop.exec()
    finally:
        qInstallMessageHandler(previous)
        QCoreApplication.processEvents()
        old = QgsProject.instance().layoutManager().layoutByName("Wirkung_task")
        if old is not None:
            QgsProject.instance().layoutManager().removeLayout(old)
    assert done.get("ok"), messages[-5:]
    assert not [m for m in messages if "different thread" in m or "QObject" in m], messages
    assert _rows(tmp_path / "Wirkung.xlsx")["Q"]["n_funded"] == 3
    assert "Q" in _text(tmp_path / "Wirkung_task.pdf")[0]
