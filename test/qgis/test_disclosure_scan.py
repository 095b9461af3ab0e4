"""Nothing published that must not be: a report over two tables with suppressed cells, counts of
1 and 2, shares of them and a change between two years, then every published file scanned.

The tables are made here on Flensburg's 13 Stadtteile (resources/sample/flensburg). What must be
hidden is written down by hand below (not asked of the rule): the scan reads what was written —
pdftotext of every PDF, the CSV, HTML, text and SVG files, every cell of the XLSX appendix, every
attribute of every published GeoPackage (styles included) — and looks for each hidden value in the
forms the outputs print.
Shown values are checked to be there too. Only sozialraum_intern.gpkg, named internal, keeps them.
"""
from __future__ import annotations

import csv
import sqlite3

import pytest
from disclosure_support import (
    HIDDEN,
    IDS,
    de,
    distinctive,
    pdf_pages,
    published_files,
    published_texts,
    qgz_text,
    tables,
    token_in,
)


@pytest.fixture
def report(disclosure_report):
    return disclosure_report


def test_report_wrote_what_the_scan_reads(report):
    out, _ = report
    names = {p.relative_to(out).as_posix() for p in published_files(out)}
    for expected in ("sozialraum.gpkg", "Tabellenanhang.csv", "Tabellenanhang.xlsx", "Methodenhinweis.txt",
                     "Karten.pdf",
                     "Sozialraumprofile.pdf", "Verbindungsbericht_1.html", "Verbindungsbericht_2.html",
                     "Sozialraumprofile_files/profiles.gpkg"):
        assert expected in names
    assert len([n for n in names if n.startswith("Profile_einzeln/")]) == 13
    assert len([n for n in names if n.endswith(".svg") and "/charts/" in n]) == 13  # labelled, for reports
    assert len([n for n in names if n.endswith(".svg") and "/spine/" in n]) == 13  # the pages' pictures
    assert "Sozialbericht.qgz" in names  # the QGIS project (its north arrow in Sozialbericht_files/)
    assert "Anteil" not in qgz_text(out / "Sozialbericht.qgz") and "SGB-II-Quote" in qgz_text(
        out / "Sozialbericht.qgz")  # the scan reads the project's texts
    assert (out / "sozialraum_intern.gpkg").exists()


def test_no_distinctive_hidden_value_in_any_published_file(report):
    out, _ = report
    wanted = distinctive()
    assert len(wanted) >= 8  # the 47, 55, 378, 4203, the 50 % … are looked for everywhere
    for path in published_files(out):
        texts = published_texts(path)
        if texts is None:
            continue  # PNG: pixels only (the locator map), no text
        for text in texts:
            for (col, district), forms in wanted.items():
                for form in forms:
                    assert not token_in(text, form), f"{path.name}: {form} ({col}, district {district})"


def test_appendix_hides_every_hidden_cell_and_shows_the_rest(report):
    out, _ = report
    with open(out / "Tabellenanhang.csv", encoding="utf-8-sig", newline="") as handle:
        rows = {r["AREA_ID"]: r for r in csv.DictReader(handle, delimiter=";")}
    data = tables()
    for col, values in data.items():
        for i, value in enumerate(values):
            cell = rows[IDS[i]][col]
            if (i + 1) in HIDDEN.get(col, {}):
                assert cell == "·", (col, IDS[i], cell)
            elif value is None:
                assert cell in ("", "·"), (col, IDS[i], cell)
            else:
                assert "e+" not in cell and "e-" not in cell
                assert float(cell.replace(",", ".")) == pytest.approx(value, abs=0.006), (col, IDS[i])
    assert rows["STGT05"]["quote_2021"] == de(data["quote_2021"][4], 2)  # two decimals, decimal comma
    assert rows["STGT03"]["ew_2021"] == "12525"


def test_published_geopackage_holds_null_where_hidden_and_one_marker(report):
    out, _ = report
    data = tables()
    with sqlite3.connect(out / "sozialraum.gpkg") as db:
        columns = [r[1] for r in db.execute('PRAGMA table_info("sozialraum")')]
        assert [c for c in columns if c.startswith("suppressed_fields")] == ["suppressed_fields"]
        rows = {r[0]: dict(zip(columns, r[1:])) for r in db.execute('SELECT "AREA_ID", * FROM "sozialraum"')}
        note = db.execute("SELECT description FROM gpkg_contents").fetchone()[0]
    assert "hidden" in note
    for col, values in data.items():
        for i, value in enumerate(values):
            cell = rows[IDS[i]][col]
            if (i + 1) in HIDDEN.get(col, {}):
                assert cell is None, (col, IDS[i], cell)
                assert col in rows[IDS[i]]["suppressed_fields"].split(",")
            elif value is not None:
                assert cell == pytest.approx(value, abs=1e-6), (col, IDS[i])
    with sqlite3.connect(out / "sozialraum_intern.gpkg") as db:
        note = db.execute("SELECT description FROM gpkg_contents").fetchone()[0]
        raw = db.execute('SELECT kinder_sgb2_2021 FROM sozialraum_intern WHERE "AREA_ID" = ?', ("STGT05",))
        assert raw.fetchone()[0] == 1  # the internal copy keeps the raw value the user works with
    assert note.startswith("internal")


def test_method_note_names_the_rule_and_the_threshold(report):
    out, _ = report
    note = (out / "Methodenhinweis.txt").read_text(encoding="utf-8")
    assert "Fallzahlen von 1 bis unter 3" in note and "unter 300 Einwohnern" in note
    assert '"threshold"' in note and "sozialraum_intern.gpkg" in note
    text = " ".join(pdf_pages(out / "Sozialraumprofile.pdf")[0].split())
    assert "Fallzahl unter 3" in text
