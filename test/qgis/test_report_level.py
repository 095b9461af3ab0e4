"""The report on a parent level: Berlin's 542 PLR summed to 143 Bezirksregionen by the definition's
"level" (lookup lor_2021_hierarchie.csv), rates from the summed counts, maps and profile pages of
the Bezirksregionen, the publication rule on the parent level (scan of sozialraum.gpkg)."""
from __future__ import annotations

import json
import re
import sqlite3
import subprocess
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[2]
BERLIN = ROOT / "resources" / "sample" / "berlin"


@pytest.fixture(scope="module")
def report(provider, tmp_path_factory):
    import processing

    out = tmp_path_factory.mktemp("level")
    definition = {
        "title": "Bezirksregionen", "boundaries": str(BERLIN / "lor_planungsraeume_2021.shp"), "key": "PLR_ID",
        "name_field": "PLR_NAME",
        "tables": [{"path": str(BERLIN / "einwohnerbestand_2022-06_plr_semikolon.csv"), "key": "PLR-ID",
                    "fields": ["Gesamt", "unter6", "15-18", "ausländer"]}],
        "indicators": [{"id": "aq", "label": "Ausländeranteil", "unit": "%", "kind": "rate",
                        "numerator": "ausländer", "denominator": "Gesamt"},
                       {"id": "jq", "label": "15 bis 18 Jahre", "unit": "%", "kind": "rate",
                        "numerator": "15-18", "denominator": "Gesamt"}],
        "level": {"lookup": str(BERLIN / "lor_2021_hierarchie.csv"), "key": "Planungsraum (Nummer)",
                  "parent": "Bezirksregion (Nummer)", "name": "Bezirksregion (Name)", "missing_as_zero": True,
                  "counts": ["unter6"]},
        "maps": [{"field": "aq", "title": "Ausländeranteil nach Bezirksregion"}],
        "profiles": {"fields": ["aq", "jq"]},
        "publication": {"threshold": 300},
        "language": "en",
    }
    path = out / "definition.json"
    path.write_text(json.dumps(definition, ensure_ascii=False), encoding="utf-8")
    result = processing.run("sozialraum:report", {"DEFINITION": str(path), "OUTPUT_FOLDER": str(out / "report")})
    return out / "report", result


def _sums():
    raw = pd.read_csv(BERLIN / "einwohnerbestand_2022-06_plr_semikolon.csv", sep=";", dtype=str,
                      encoding="utf-8-sig").set_index("PLR-ID")
    raw = raw.replace("–", "0").astype(float)
    hier = pd.read_csv(BERLIN / "lor_2021_hierarchie.csv", dtype=str, encoding="utf-8-sig")
    parent = hier.set_index("Planungsraum (Nummer)")["Bezirksregion (Nummer)"].reindex(raw.index)
    return raw.groupby(parent).sum()


def test_layers_hold_the_bezirksregionen_with_rates_from_sums(report):
    folder, _ = report
    sums = _sums()
    with sqlite3.connect(folder / "sozialraum_intern.gpkg") as db:
        internal = pd.read_sql_query('SELECT * FROM sozialraum_intern', db).set_index("Bezirksregion (Nummer)")
    assert len(internal) == 143 and internal["n_children"].sum() == 542
    assert (internal["Gesamt"] == sums.loc[internal.index, "Gesamt"]).all()
    expected = sums["ausländer"] / sums["Gesamt"] * 100
    assert (internal["aq"] - expected.loc[internal.index]).abs().max() < 1e-9
    assert internal.loc["011001", "Bezirksregion (Name)"] == "Tiergarten Süd"
    with sqlite3.connect(folder / "sozialraum.gpkg") as db:
        published = pd.read_sql_query('SELECT * FROM sozialraum', db).set_index("Bezirksregion (Nummer)")
    # threshold 300: every shown count is 0 or ≥ 300, a rate from a hidden count is hidden
    for column in ("unter6", "15-18", "ausländer", "Gesamt"):
        shown = published[column].dropna()
        assert not shown.between(1, 299).any(), column
    small = sums.loc[published.index, "15-18"].between(1, 299)
    assert small.any() and published.loc[small, "15-18"].isna().all() and published.loc[small, "jq"].isna().all()
    assert published["n_children"].notna().all()  # the number of districts is no count to hide


def test_maps_and_pages_of_the_parent_level(report):
    folder, _ = report
    pages = subprocess.run(["pdfinfo", str(folder / "Sozialraumprofile.pdf")], capture_output=True, text=True,
                           check=True).stdout
    assert re.search(r"Pages:\s+143\n", pages)
    text = subprocess.run(["pdftotext", "-f", "1", "-l", "143", str(folder / "Sozialraumprofile.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "Tiergarten Süd" in text and "011001" in text
    sums = _sums()
    city = sums["ausländer"].sum() / sums["Gesamt"].sum() * 100
    assert f"{city:.1f} %" in text
    maps = subprocess.run(["pdftotext", str(folder / "Karten.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Ausländeranteil nach Bezirksregion" in maps
    # the method note says why some larger areas are hidden too
    note = " ".join((folder / "Methodenhinweis.txt").read_text(encoding="utf-8").split())
    assert "the districts' own report stays protected." in note  # (this report is in English)


def test_dp_scan_parents_beside_the_published_districts(report):
    """The PLR as their own report publishes them (the same definition without "level") and the
    published Bezirksregionen: no hidden count of either level can be computed."""
    import sys

    from dp_support import leaks as recoverable

    sys.path.insert(0, str(ROOT))
    from sozialraum_plugin.core.publish.report_rule import report_publication
    from sozialraum_plugin.core.report.definition import load

    folder, _ = report
    definition = load(str(folder / "Berichtsdefinition.json"))
    definition.level = None
    raw = pd.read_csv(BERLIN / "einwohnerbestand_2022-06_plr_semikolon.csv", sep=";", dtype=str,
                      encoding="utf-8-sig").set_index("PLR-ID")
    suppressed = raw == "–"
    raw = raw.replace("–", None).astype(float)
    hier = pd.read_csv(BERLIN / "lor_2021_hierarchie.csv", dtype=str, encoding="utf-8-sig")
    parent_of = hier.set_index("Planungsraum (Nummer)")["Bezirksregion (Nummer)"].reindex(raw.index)
    columns = ["Gesamt", "unter6", "15-18", "ausländer"]
    districts = report_publication(raw[columns], definition, columns, suppressed[columns].loc[:, suppressed.any()])
    with sqlite3.connect(folder / "sozialraum.gpkg") as db:
        published = pd.read_sql_query('SELECT * FROM sozialraum', db).set_index("Bezirksregion (Nummer)")
    sums = _sums()
    extra = 0
    for column in ("unter6", "15-18", "ausländer"):
        hidden = published[column].isna()
        # a '–' cell's true value is in no published figure (the sums take it as 0): not an unknown
        found = recoverable(raw[column].fillna(0), districts.hidden(column) & raw[column].notna(), parent_of,
                            sums.loc[published.index, column], hidden)
        assert found == [], (column, found[:5])
        extra += int((hidden & ~sums.loc[published.index, column].between(1, 299)).sum())
    assert extra > 0  # parents hidden to protect a district (not only for their own small count)
