"""The report with robust ranks ("index": {"uncertainty": …}) on Berlin's MSS 2021: the rank line on the
profile pages (German, and English with LANGUAGE en), the rank columns of the appendix read back, the
method note, and no rank anywhere for an area the publication rule hides (here: a stricter minimum
population for publication, 2,000, than for the index, 300, so those areas do have a rank inside)."""
from __future__ import annotations

import csv
import json
import re
import subprocess
import unicodedata

import pytest
from qgis.core import QgsVectorLayer
from sample_support import berlin_definition

RANKS = ("rank", "rank_low", "rank_high", "rank_median", "p_top")


def pdf_pages(path) -> list[str]:
    """Each page's text in reading order (no layout: a badge's wrapped lines stay together), whitespace
    made single spaces."""
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    pages = (unicodedata.normalize("NFKC", page).replace("\u00a0", " ") for page in text.split("\f"))
    return [re.sub(r"\s+", " ", page) for page in pages]


def features(path) -> dict:
    layer = QgsVectorLayer(str(path), "x", "ogr")
    assert layer.isValid(), path
    return {f["PLR_ID"]: {n: (None if f[n] is None or str(f[n]) == "NULL" else f[n]) for n in layer.fields().names()}
            for f in layer.getFeatures()}


@pytest.fixture(scope="module")
def report(provider, tmp_path_factory):
    import processing

    data = berlin_definition()
    data["index"]["uncertainty"] = {"draws": 1000, "weight_range": 0.5, "seed": 1}
    data["publication"] = {"min_population": 2000}
    data.update(maps=[], clusters=None)
    data["profiles"]["fields"] = ["S1", "S3", "S4"]
    folder = tmp_path_factory.mktemp("ranks_report")
    definition = folder / "definition.json"
    definition.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = folder / "out"
    out.mkdir()
    result = processing.run("sozialraum:report", {"DEFINITION": str(definition), "OUTPUT_FOLDER": str(out)})
    internal = features(out / "sozialraum_intern.gpkg")
    small = sorted(k for k, r in internal.items() if r["rank"] is not None and r["EW"] < 2000)
    return out, result, internal, small


def test_the_rule_hides_the_ranks_of_small_areas_in_the_published_layer(report):
    out, _, internal, small = report
    assert len(small) >= 15  # ranked (≥ 300 residents) but below the publication's 2,000
    published = features(out / "sozialraum.gpkg")
    assert all(published[k][f] is None for k in small for f in RANKS)
    shown = [k for k, r in internal.items() if r["rank"] is not None and k not in small]
    assert len(shown) == 536 - len(small)
    assert all(published[k][f] == internal[k][f] for k in shown for f in RANKS)
    assert all(set(RANKS) <= set(published[k]["suppressed_fields"].split(",")) for k in small)


def test_profile_pages_show_the_rank_line_in_german(report):
    out, _, internal, small = report
    pages = pdf_pages(out / "Sozialraumprofile.pdf")
    first = min((r for k, r in internal.items() if r["rank"] is not None and k not in small), key=lambda r: r["rank"])
    page = next(p for p in pages if f"Nr. {first['PLR_ID']}" in p)
    line = f"Rang {first['rank']} von 536 (90-%-Intervall {first['rank_low']}\u2013{first['rank_high']})"
    assert line in page, page
    assert f"Wahrscheinlichkeit höchste Bedarfsklasse: {round(100 * first['p_top'])} %" in page
    # an area in the middle: its own numbers, German marks
    middle = next(r for k, r in internal.items() if r["rank"] in range(268, 300) and k not in small)
    page = next(p for p in pages if f"Nr. {middle['PLR_ID']}" in p)
    assert f"Rang {middle['rank']} von 536 (90-%-Intervall {middle['rank_low']}\u2013{middle['rank_high']})" in page
    # hidden by the rule, or without an index: no rank on the page
    for key in small + [k for k, r in internal.items() if not r["valid"]]:
        page = next(p for p in pages if f"Nr. {key}" in p)
        assert not re.search(r"Rang \d", page) and "Bedarfsklasse" not in page, (key, page)
    assert sum("Wahrscheinlichkeit höchste Bedarfsklasse" in p for p in pages) == 536 - len(small)


def test_appendix_has_the_rank_columns_and_hides_them_for_small_areas(report):
    import openpyxl

    out, _, internal, small = report
    sheet = openpyxl.load_workbook(out / "Tabellenanhang.xlsx").worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    header = list(rows[0])
    assert set(RANKS) <= set(header), header
    at = {name: header.index(name) for name in ("PLR_ID", *RANKS)}
    assert at["status_class"] < at["rank"] if "status_class" in at else header.index("status_class") < at["rank"]
    by_key = {row[at["PLR_ID"]]: row for row in rows[1:]}
    for key in small:
        assert all(by_key[key][at[f]] in ("·", None) for f in RANKS), by_key[key]
    top = next(k for k, r in internal.items() if r["rank"] == 1)
    assert by_key[top][at["rank"]] == 1 and by_key[top][at["rank_low"]] == 1
    assert by_key[top][at["p_top"]] == pytest.approx(internal[top]["p_top"])
    with open(out / "Tabellenanhang.csv", encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle, delimiter=";"))
    assert set(RANKS) <= set(table[0])
    key_at, rank_at = table[0].index("PLR_ID"), table[0].index("rank_high")
    assert all(row[rank_at] in ("·", "") for row in table[1:] if row[key_at] in small)


def test_no_rank_of_a_small_area_in_any_published_file(report):
    """The disclosure scan's question for the ranks: is an area's rank interval or p_top written
    anywhere it must not be? Their page text, their appendix row, their layer row say nothing."""
    out, _, internal, small = report
    note = (out / "Methodenhinweis.txt").read_text(encoding="utf-8")
    assert "90-%-Intervall" in note or "90 %" in note, note
    assert "rank_low" in note
    workbook_note = subprocess.run(["unzip", "-p", str(out / "Tabellenanhang.xlsx")], capture_output=True).stdout
    assert b"rank_low" in workbook_note  # the definitions sheet's method note names them too
    # the atlas's own GeoPackage (what the pages read, handed on with the project): text only where shown
    atlas = QgsVectorLayer(str(out / "Sozialraumprofile_files" / "profiles.gpkg") + "|layername=profiles", "p", "ogr")
    assert atlas.isValid()
    texts = {f["pr_key"]: (f["pr_rank"], f["pr_badge"]) for f in atlas.getFeatures()}
    assert all(not texts[k][0] and "Rang" not in (texts[k][1] or "") for k in small)
    # nor their class: it would narrow the hidden index down to a class (the published layer has none either)
    assert all("Klasse" not in (texts[k][1] or "") for k in small)
    assert sum("Klasse" in (badge or "") for _, badge in texts.values()) == 536 - len(small)
    assert sum(bool(rank) for rank, _ in texts.values()) == 536 - len(small)
    assert not [n for n in atlas.fields().names() if n in RANKS]  # no raw rank column beside the texts
    pages = pdf_pages(out / "Sozialraumprofile.pdf")
    for key in small:
        row = internal[key]
        page = next(p for p in pages if f"Nr. {key}" in p)
        interval = f"{row['rank_low']}\u2013{row['rank_high']}"
        assert interval not in page and f"{round(100 * row['p_top'])} %" not in page.split("Nr. ")[0]


def test_english_pages_say_it_in_english(report, tmp_path):
    import processing

    out, _, internal, small = report
    top = sorted((r for k, r in internal.items() if r["rank"] is not None and k not in small),
                 key=lambda r: r["rank"])[:2]
    keys = [r["PLR_ID"] for r in top] + small[:1]
    result = processing.run("sozialraum:profilesheets", {
        "INPUT": str(out / "sozialraum_intern.gpkg"), "NAME_FIELD": "PLR_NAME", "KEY_FIELD": "PLR_ID",
        "FIELDS": ["S1", "S3", "S4"], "POPULATION_FIELD": "EW", "MIN_POPULATION": 2000, "CLASS_FIELD": "status_class",
        "FILTER_EXPRESSION": "\"PLR_ID\" IN ({})".format(", ".join(f"'{k}'" for k in keys)),
        "OUTPUT": str(tmp_path / "en.pdf"), "LANGUAGE": "en"})  # RANK_FIELDS left empty: found by name
    pages = pdf_pages(result["OUTPUT"])
    for row in top:
        page = next(p for p in pages if f"No. {row['PLR_ID']}" in p)
        assert f"Rank {row['rank']} of 536 (90 % interval {row['rank_low']}\u2013{row['rank_high']})" in page, page
        assert f"Probability of the highest need class: {round(100 * row['p_top'])} %" in page
    page = next(p for p in pages if f"No. {small[0]}" in p)
    assert not re.search(r"Rank \d", page) and "need class" not in page


def test_pages_of_the_published_layer_count_every_ranked_area(report, tmp_path):
    """Pages made from sozialraum.gpkg (what a user is handed) said 'Rang 536 von 517': n counted only
    the ranks the rule shows. n is the ranking's own, as on the report's pages."""
    import processing

    out, _, internal, small = report
    last = max((r for k, r in internal.items() if r["rank"] is not None and k not in small), key=lambda r: r["rank"])
    keys = [last["PLR_ID"], small[0]]
    result = processing.run("sozialraum:profilesheets", {
        "INPUT": str(out / "sozialraum.gpkg"), "NAME_FIELD": "PLR_NAME", "KEY_FIELD": "PLR_ID", "FIELDS": ["S1"],
        "CLASS_FIELD": "status_class", "OUTPUT": str(tmp_path / "published.pdf"),
        "FILTER_EXPRESSION": "\"PLR_ID\" IN ({})".format(", ".join(f"'{k}'" for k in keys))})
    pages = pdf_pages(result["OUTPUT"])
    page = next(p for p in pages if f"Nr. {last['PLR_ID']}" in p)
    assert f"Rang {last['rank']} von 536 " in page, page
    page = next(p for p in pages if f"Nr. {small[0]}" in p)
    assert not re.search(r"Rang \d", page)
