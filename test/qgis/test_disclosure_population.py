"""The population of an area is a count like any other: a harbour area with 2 residents has its
population hidden by the rule (and a second area's, so that the city's total does not give the 2
back). The profile pages print every area's population ("2 Einwohner", "unter 300 EW (2)"): they
must print "·" where the rule hides it. Scanned in the written PDF and profile GeoPackage."""
from __future__ import annotations

import csv
import json
import re
import sqlite3

import pytest
from disclosure_support import FLENSBURG, IDS, NAMES, pdf_pages, token_in

EW = [3866, 4850, 12525, 8015, 6644, 7472, 4205, 6702, 8371, 6794, 15301, 7536, 2]
SGB2 = [475, 1116, 2170, 733, 57, 598, 460, 30, 880, 700, 1250, 47, 0]


@pytest.fixture(scope="module", params=["plain", "index"])
def report(request, provider, tmp_path_factory):
    import processing

    source = tmp_path_factory.mktemp("tables")
    with open(source / "statistik.csv", "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow(["Stadtteil_ID", "ew_2021", "sgb2_2021"])
        out.writerows([key, e, s] for key, e, s in zip(IDS, EW, SGB2))
    definition = {
        "version": 1, "title": "Einwohnerprobe", "source_text": "Probe",
        "boundaries": str(FLENSBURG / "Stadtteile.shp"), "key": "AREA_ID", "name_field": "AREA_NAME",
        "tables": [{"path": "statistik.csv", "key": "Stadtteil_ID", "fields": [], "options": {}}],
        "indicators": [{"id": "sgb2_2021", "label": "Leistungsberechtigte", "kind": "count"}],
        "publication": {"threshold": 3, "population": "ew_2021", "min_population": 300},
        "profiles": {"fields": ["sgb2_2021"], "title": "Stadtteilprofil"},
    }
    if request.param == "index":  # the index writes a note "unter 300 EW (2)" into the layer
        definition["index"] = {"preset": "custom", "status": ["sgb2_2021"], "population": "ew_2021"}
    path = source / "probe.json"
    path.write_text(json.dumps(definition, ensure_ascii=False), encoding="utf-8")
    out = tmp_path_factory.mktemp("report")
    processing.run("sozialraum:report", {"DEFINITION": str(path), "OUTPUT_FOLDER": str(out)})
    return out


def _hidden_population(out):
    with sqlite3.connect(out / "sozialraum.gpkg") as db:
        rows = db.execute('SELECT "AREA_ID", ew_2021, suppressed_fields FROM sozialraum').fetchall()
    return {key for key, ew, marker in rows if ew is None and "ew_2021" in (marker or "").split(",")}


def test_the_rule_hides_the_population_of_2_and_a_partner(report):
    hidden = _hidden_population(report)
    assert "STGT13" in hidden and len(hidden) >= 2


def test_profile_pages_print_no_hidden_population(report):
    out = report
    hidden = _hidden_population(out)
    pages = pdf_pages(out / "Sozialraumprofile.pdf")
    with sqlite3.connect(out / "Sozialraumprofile_files" / "profiles.gpkg") as db:
        columns = [r[1] for r in db.execute('PRAGMA table_info("profiles")')]
        rows = {r[0]: dict(zip(columns, r[1:])) for r in db.execute('SELECT "pr_key", * FROM "profiles"')}
    for key in hidden:
        i = IDS.index(key)
        page = next(p for p in pages if _title(p) == NAMES[i])  # the detail map names the neighbours too
        ew = EW[i]
        forms = {f"{ew:,}".replace(",", "."), str(ew)}
        stored = " ".join(str(v) for v in rows[key].values() if not isinstance(v, bytes))
        for form in forms:
            assert not re.search(r"(?<![\w,.\-])" + re.escape(form) + r" Einwohner", page), (key, form)
            assert not token_in(page, f"({form})"), (key, form)
            assert f"{form} Einwohner" not in stored and f"({form})" not in stored, (key, form)
        assert rows[key].get("ew_2021") is None  # the source field, if kept, is empty
    shown = next(p for p in pages if _title(p) == NAMES[2])
    assert "12.525 Einwohner" in shown  # shown populations stay


def test_no_hidden_population_in_the_published_layer_or_the_appendix(report):
    out = report
    hidden = _hidden_population(out)
    appendix = (out / "Tabellenanhang.csv").read_text(encoding="utf-8-sig")
    with sqlite3.connect(out / "sozialraum.gpkg") as db:
        rows = {r[0]: " ".join(str(v) for v in r if not isinstance(v, bytes))
                for r in db.execute('SELECT "AREA_ID", * FROM sozialraum')}
    lines = {line.split(";")[0]: line for line in appendix.splitlines()[1:]}
    assert "QDate" not in appendix and "2018-01-01" in appendix  # a date field as a date, not a Python repr
    for key in hidden:
        ew = EW[IDS.index(key)]
        for form in {f"{ew:,}".replace(",", "."), str(ew)}:
            assert not token_in(lines[key], form) and not token_in(lines[key], f"({form})"), (key, lines[key])
            assert not token_in(rows[key], form) and not token_in(rows[key], f"({form})"), (key, rows[key])


def _title(page: str) -> str:
    """A page's first line: its district (other districts' names stand on its detail map)."""
    return page.strip().splitlines()[0].strip() if page.strip() else ""
