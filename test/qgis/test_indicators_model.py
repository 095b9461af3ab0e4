"""One indicator model from definition to page: what a definition says of an indicator (label, unit,
direction, kind, decimals, context) arrives unchanged on the Flensburg profile pages and maps, handed
on as INDICATORS; the older text parameters give the same page; bad INDICATORS are named."""
from __future__ import annotations

import json
import re
import subprocess

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

FIELDS = ["Anteil_in_%_2021", "2021_Anteil", "Anzahl_2021", "unter_18"]
INDICATORS = [
    {"id": "Anteil_in_%_2021", "label": "Quote Modell", "unit": "%", "decimals": 2},
    {"id": "2021_Anteil", "label": "Armut Kontext", "unit": "%", "context": True},  # direction +1, yet context
    {"id": "Anzahl_2021", "label": "Bezieher Zahl", "kind": "count"},
    {"id": "unter_18", "label": "Junge Menschen", "unit": "Pers.", "direction": -1, "decimals": 0},
]
# what the older text parameters can say as well: no "context" there, a value without a direction
AS_OLDER = [dict(i, direction=0, context=False) if i["id"] == "2021_Anteil" else i for i in INDICATORS]


def pdf_text(path, first=None, last=None) -> str:
    pages = ["-f", str(first), "-l", str(last or first)] if first else []
    return subprocess.run(["pdftotext", *pages, "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def german(value: float, decimals: int) -> str:
    """The German number text, written here without core/formatting.py."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


@pytest.fixture(scope="module")
def report(provider, sample_dir, tmp_path_factory):
    import processing

    folder = tmp_path_factory.mktemp("model")
    sample = sample_dir / "flensburg"
    definition = json.loads((sample / "sozialatlas_flensburg_2022.json").read_text(encoding="utf-8"))
    definition["boundaries"] = str(sample / definition["boundaries"])
    for table in definition["tables"]:
        table["path"] = str(sample / table["path"])
    definition.update(indicators=INDICATORS, index=None, clusters=None,
                      maps=[{"field": "2021_Anteil", "method": "jenks", "classes": 4}],
                      profiles={"fields": FIELDS, "title": "Stadtteilprofil"})
    path = folder / "definition.json"
    path.write_text(json.dumps(definition, ensure_ascii=False), encoding="utf-8")
    out = folder / "out"
    out.mkdir()
    result = processing.run("sozialraum:report", {"DEFINITION": str(path), "OUTPUT_FOLDER": str(out)})
    layer = QgsVectorLayer(str(out / "sozialraum.gpkg") + "|layername=sozialraum", "p", "ogr")
    rows = {f["AREA_NAME"]: {n: f[n] for n in FIELDS + ["AREA_ID"]} for f in layer.getFeatures()}
    return out, result, rows


def _page(pdf, name: str) -> str:
    pages = pdf_text(pdf).split("\f")
    found = [p for p in pages if p.strip() and name in p.strip().splitlines()[0]]
    assert found, name
    return found[0]


def test_the_definition_arrives_on_the_profile_page(report):
    out, _result, rows = report
    nordstadt = rows["03 Nordstadt"]
    page = _page(out / "Sozialraumprofile.pdf", "Nordstadt")
    table = {line.strip().split("  ")[0]: line for line in page.splitlines() if "  " in line.strip()}
    quote = next(v for k, v in table.items() if k.startswith("Quote Modell"))
    assert f"{german(nordstadt['Anteil_in_%_2021'], 2)} %" in quote  # decimals 2, unit %
    count = next(v for k, v in table.items() if k.startswith("Bezieher Zahl"))
    assert re.search(rf"\b{re.escape(german(nordstadt['Anzahl_2021'], 0))}\s", count)  # a count: no decimals
    assert german(nordstadt["Anzahl_2021"], 1) not in count
    young = next(v for k, v in table.items() if k.startswith("Junge Menschen"))
    assert f"{german(nordstadt['unter_18'], 0)} Pers." in young
    # direction −1: rank 1 is the lowest value (among the shown ones)
    values = sorted(r["unter_18"] for r in rows.values() if r["unter_18"] is not None)
    rank = values.index(nordstadt["unter_18"]) + 1
    assert re.search(rf"\b{rank} \w+ {len(values)}\b", young), young
    assert "Armut Kontext" in page


def test_a_context_indicator_is_never_a_finding(report):
    out, _result, rows = report
    text = pdf_text(out / "Sozialraumprofile.pdf")
    assert text.count("Armut Kontext") >= len(rows)  # in every table (and the legend)
    finding = r"{label} [\d.,]+ %\s*—"  # 'Quote Modell 20,20 % — 1,6× …' in "At a glance"
    assert re.search(finding.format(label="Quote Modell"), text)  # a need indicator is named somewhere
    assert not re.search(finding.format(label="Armut Kontext"), text)  # the context one never


def test_the_definition_arrives_on_the_map(report):
    out, _result, _rows = report
    text = pdf_text(out / "Karten.pdf", 1)
    assert text.count("Armut Kontext") >= 2  # title and legend title (the map has no title of its own)
    assert re.search(r"\d+,\d %", text)  # the legend's classes in the indicator's unit


def test_older_string_parameters_give_the_same_page_as_indicators(report, tmp_path):
    import processing

    out, _result, _rows = report
    common = {"INPUT": str(out / "sozialraum_intern.gpkg") + "|layername=sozialraum_intern",
              "NAME_FIELD": "AREA_NAME", "KEY_FIELD": "AREA_ID", "FIELDS": FIELDS, "TITLE": "Stadtteilprofil",
              "POPULATION_FIELD": "gesamt", "LANGUAGE": "de"}
    structured = processing.run("sozialraum:profilesheets", {
        **common, "INDICATORS": json.dumps(AS_OLDER), "OUTPUT": str(tmp_path / "a.pdf")})
    older = processing.run("sozialraum:profilesheets", {
        **common, "LABELS": "Anteil_in_%_2021=Quote Modell|%|2;2021_Anteil=Armut Kontext|%;"
                            "Anzahl_2021=Bezieher Zahl||0;unter_18=Junge Menschen|Pers.|0",
        "DIRECTIONS": "Anteil_in_%_2021=+1;2021_Anteil=0;Anzahl_2021=+1;unter_18=-1",
        "COUNT_FIELDS": ["Anzahl_2021"], "OUTPUT": str(tmp_path / "b.pdf")})
    a, b = pdf_text(structured["OUTPUT"]), pdf_text(older["OUTPUT"])
    assert structured["PAGES"] == older["PAGES"] == 13
    assert a == b
    assert "Quote Modell" in a


@pytest.mark.parametrize("algorithm, params", [
    ("sozialraum:profilesheets", {"NAME_FIELD": "AREA_NAME", "FIELDS": FIELDS}),
    ("sozialraum:needindex", {"STATUS_FIELDS": ["Anteil_in_%_2021"], "PRESET": "custom"}),
    ("sozialraum:thematicmap", {"FIELD": "Anteil_in_%_2021"}),
])
def test_bad_indicators_are_named_by_entry_and_field(report, tmp_path, algorithm, params):
    import processing

    out, _result, _rows = report
    suffix = ".gpkg" if algorithm == "sozialraum:needindex" else ".pdf"
    bad = json.dumps([{"id": "Anteil_in_%_2021", "label": "Quote"}, {"id": "unter_18", "direction": "hoch"}])
    with pytest.raises(QgsProcessingException) as info:
        processing.run(algorithm, {"INPUT": str(out / "sozialraum.gpkg") + "|layername=sozialraum", **params,
                                   "INDICATORS": bad, "OUTPUT": str(tmp_path / f"out{suffix}")})
    message = str(info.value)
    assert "INDICATORS[1] (unter_18)" in message and "direction" in message and "hoch" in message
    assert "Traceback" not in message
    assert not list(tmp_path.iterdir())  # refused before anything is written
