"""sozialraum:report: Berlin's whole Sozialbericht from the sample definition, checked in its files."""
from __future__ import annotations

import csv
import json
import re
import subprocess
import unicodedata

import pytest
from qgis.core import QgsProject, QgsVectorLayer


def pdf_pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))


def pdf_text(path, first=1, last=None) -> str:
    last = last or first
    return subprocess.run(["pdftotext", "-f", str(first), "-l", str(last), "-layout", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def report(provider, sample_dir, tmp_path_factory):
    import processing

    out = tmp_path_factory.mktemp("report")
    definition = sample_dir / "berlin" / "sozialbericht_berlin_2021.json"
    before = definition.read_bytes()
    result = processing.run("sozialraum:report", {"DEFINITION": str(definition), "OUTPUT_FOLDER": str(out)})
    assert definition.read_bytes() == before
    return out, result


def test_report_writes_every_part(report):
    out, result = report
    assert result["MATCHED"] == 542
    names = {p.name for p in out.iterdir()}
    assert {"sozialraum.gpkg", "Karten.pdf", "Sozialraumprofile.pdf", "Tabellenanhang.csv",
            "Verbindungsbericht_1.html", "Verbindungsbericht_3.html", "Berichtsdefinition.json",
            "Clusteruebersicht.csv"} <= names
    assert not [n for n in names if n.startswith(".")]  # no temporary files left


def test_report_layer_has_indicators_classes_and_clusters(report):
    out, _ = report
    layer = QgsVectorLayer(f"{out / 'sozialraum.gpkg'}|layername=sozialraum", "r", "ogr")
    assert layer.isValid() and layer.featureCount() == 542
    names = set(layer.fields().names())
    assert {"S1", "KI_02", "unter6", "status_index", "status_class", "group", "cluster", "cluster_label"} <= names
    classes = [f["status_class"] for f in layer.getFeatures() if f["valid"]]
    assert len(classes) == 536 and classes.count("sehr niedrig") == 49


def test_maps_pdf_has_one_page_per_map_with_titles(report):
    out, _ = report
    maps = out / "Karten.pdf"
    assert pdf_pages(maps) == 6  # 4 and 5: Kita supply ("supply"), 6: the allocation ("allocation")
    text = pdf_text(maps, 1, 6)
    for title in ("Status-Index 2021", "Kinderarmut 2020", "Bedarfscluster", "SenSBW", "Bedarf × Kita-Versorgung",
                  "Kita-Plätze je 1.000 Kinder unter 6", "Kita-Budget nach Bedarf"):
        assert title in text
    assert "sehr niedrig" in text and "Kinderarmut" in text


def test_profiles_pdf_has_a_page_per_area(report):
    out, _ = report
    profiles = out / "Sozialraumprofile.pdf"
    assert pdf_pages(profiles) == 542
    assert "Stülerstraße" in pdf_text(profiles, 1)


def test_every_pdf_has_searchable_text(report):
    """Every PDF the report writes keeps its labels as text on its first and last page (QGIS 3.40
    draws labels and legends as outlines unless the export asks for text)."""
    out, _ = report
    expected = {"Karten.pdf": ("Quelle: SenSBW", "Stand: ", "(n = ", "km"),
                "Sozialraumprofile.pdf": ("Sozialraumprofil", "Indikator", "Stadt")}
    pdfs = {p.name: p for p in out.rglob("*.pdf")}
    assert set(pdfs) == set(expected)
    for name, path in pdfs.items():
        for page in (1, pdf_pages(path)):
            text = unicodedata.normalize("NFKC", pdf_text(path, page))  # 'ﬁ' ligature, no-break spaces
            for label in expected[name]:
                assert label in text, (name, page, label)


def test_appendix_hides_suppressed_counts(report):
    out, _ = report
    with open(out / "Tabellenanhang.csv", encoding="utf-8-sig", newline="") as handle:
        rows = {r["PLR_ID"]: r for r in csv.DictReader(handle, delimiter=";")}
    assert len(rows) == 542
    assert rows["06200418"]["unter6"] == "·"  # an en dash in the source: suppressed, never 0
    assert rows["01100101"]["S1"] == "4,23"  # a fixed number of decimals per column (was 4,22594)
    assert rows["11501341"]["GROESSE_M2"] == "2294021,723"  # was 2,29402e+06
    assert rows["11501341"]["status_code"] not in ("", "·")  # codes the index computed are no counts
    text = (out / "Tabellenanhang.csv").read_text(encoding="utf-8-sig")
    assert not re.search(r"\de[+-]\d", text)  # never scientific notation
    small = [(key, r["unter6"]) for key, r in rows.items() if r["unter6"] in ("1", "2")]
    assert small == []  # counts of 1 and 2 are hidden (·), as on the profile pages
    assert "suppressed_fields" not in rows["01100101"]


def test_definition_kept_for_next_year(report):
    out, _ = report
    saved = json.loads((out / "Berichtsdefinition.json").read_text(encoding="utf-8"))
    assert saved["boundaries"].endswith("lor_planungsraeume_2021.shp") and saved["boundaries"].startswith("/")
    stored, ok = QgsProject.instance().readEntry("sozialraum", "definition")
    assert ok and json.loads(stored)["title"] == saved["title"]
