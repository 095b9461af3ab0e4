"""Nothing published that must not be, continued: the XLSX appendix, the profile pages and
their GeoPackage, a map of the internal layer and the page charts of the disclosure scan's report
(disclosure_support.py: what is hidden, written down by hand).
"""
from __future__ import annotations

import csv
import re
import sqlite3

import pytest
from disclosure_support import (
    EW_2021,
    HIDDEN,
    IDS,
    LABELS,
    NAMES,
    _header_ids,
    _title,
    _workbook,
    de,
    german,
    pdf_pages,
    printed_forms,
    tables,
    token_in,
)


@pytest.fixture
def report(disclosure_report):
    return disclosure_report


def test_workbook_hides_exactly_what_the_csv_hides(report):
    """Each data sheet: '·' in exactly the cells where the CSV has '·', numbers as number cells of
    the CSV's values with a display format of its decimals, and every CSV column in some sheet."""
    out, _ = report
    with open(out / "Tabellenanhang.csv", encoding="utf-8-sig", newline="") as handle:
        rows = {r["AREA_ID"]: r for r in csv.DictReader(handle, delimiter=";")}
    book = _workbook(out)
    names = [ws.title for ws in book.worksheets]
    words = german()
    assert names == [words.translate("Appendix", "Districts"), "jobcenter_2021", "statistik_2021",
                     words.translate("Appendix", "City"), words.translate("Appendix", "Definitions")], names
    ids = _header_ids(book)
    seen, hidden_cells = set(), 0
    for ws in book.worksheets[:3]:
        header = [c.value for c in ws[1]]
        columns = [ids.get(h, h) for h in header]
        keys = [ws.cell(row=r, column=1).value for r in range(2, ws.max_row + 1)]
        assert keys == sorted(IDS), ws.title  # in the order of the district numbers
        for r in range(2, ws.max_row + 1):
            csv_row = rows[ws.cell(row=r, column=1).value]
            for c, column in enumerate(columns, start=1):
                cell, text = ws.cell(row=r, column=c), csv_row[column]
                seen.add(column)
                if text == "·":
                    assert cell.value == "·", (ws.title, column, cell.value)
                    hidden_cells += 1
                elif text == "":
                    assert cell.value is None, (ws.title, column, cell.value)
                elif cell.data_type == "n":
                    assert cell.value == pytest.approx(float(text.replace(",", ".")), abs=0.006), (column, text)
                    decimals = len(text.split(",")[1]) if "," in text else 0
                    assert cell.number_format == "#,##0" + ("." + "0" * decimals if decimals else ""), column
                else:
                    assert str(cell.value) == text, (ws.title, column)
    assert seen == set(rows["STGT01"]), set(rows["STGT01"]) - seen
    assert hidden_cells >= sum(len(v) for v in HIDDEN.values())  # some columns are on two sheets
    districts = book.worksheets[0]
    quote = [c.value for c in districts[1]].index("SGB-II-Quote (%)") + 1
    cell = districts.cell(row=IDS.index("STGT03") + 2, column=quote)
    assert cell.data_type == "n" and cell.number_format == "#,##0.00"
    assert cell.value == pytest.approx(tables()["quote_2021"][2], abs=1e-6)  # the value, not its text


def test_workbook_city_and_definitions(report):
    out, _ = report
    book = _workbook(out)
    data = tables()
    words = german()
    city = {row[0]: row for row in book.worksheets[3].iter_rows(min_row=2, values_only=True)}
    assert city["ew_2021"][2] == sum(EW_2021)  # a count: all districts, the small one too
    assert city["sgb2_2021"][2] == sum(v for v in data["sgb2_2021"] if v is not None)  # the rule protects it
    pooled = sum(v for v in data["sgb2_2021"] if v is not None) / sum(
        e for e, v in zip(EW_2021, data["sgb2_2021"]) if v is not None) * 100
    assert city["quote_2021"][2] == pytest.approx(pooled)  # as the profile pages pool it
    assert city["quote_2021"][5] == len(HIDDEN["quote_2021"])
    definitions = book.worksheets[-1]
    entries = {row[0]: row for row in definitions.iter_rows(min_row=2, values_only=True) if row[0]}
    assert entries["sgb2_2021"][2:5] == ("Leistungsberechtigte", None, words.translate("Appendix", "count"))
    assert entries["sgb2_2021"][10] == 3  # the threshold it is hidden below
    assert entries["quote_2021"][5:7] == ("sgb2_2021", "ew_2021")
    assert entries["quote"][7] == "2019–2021"
    assert "Jobcenter Flensburg (Probe)" in entries["quote_2021"][9]
    notes = " ".join(str(row[0]) for row in definitions.iter_rows(values_only=True) if row[0])
    assert "· = " in notes and "Fallzahlen von 1 bis unter 3" in notes


def test_profile_pages_hide_their_hidden_rows(report):
    """Per district page (one PDF and the separate files): a hidden indicator's line holds no
    digit besides the city value; a shown one has its value; trends from hidden years are gone."""
    out, _ = report
    data = tables()
    pages = pdf_pages(out / "Sozialraumprofile.pdf")
    separate = {p.name: pdf_pages(p)[0] for p in (out / "Profile_einzeln").glob("*.pdf")}
    fields = {"quote_2021": 1, "kinderarmut": 1, "sgb2_2021": 0, "kinder_sgb2_2021": 0}
    for i, key in enumerate(IDS):
        page = next(p for p in pages if _title(p) == NAMES[i])  # the detail map names the neighbours too
        single = next(text for name, text in separate.items() if key in name)
        for text in (page, single):
            lines = {label: next(line for line in text.splitlines() if line.strip().startswith(label + " ")
                                 or line.strip() == label or line.strip().startswith(label + "  "))
                     for label in LABELS.values()}
            for col, decimals in fields.items():
                line = lines[LABELS[col]]
                value = data[col][i]
                hidden = (i + 1) in HIDDEN[col] or (i + 1) == 13
                if hidden:
                    rest = line.strip()[len(LABELS[col]):]
                    assert "·" in rest, (key, col, line)
                    city = re.findall(r"\d[\d.]*(?:,\d+)?", rest)
                    assert len(city) <= 1, (key, col, line)  # the city value only
                    if value is not None:
                        assert not any(token_in(rest, f) for f in printed_forms(col, value)
                                       if not city or f not in city[0]), (key, col, line)
                else:
                    shown = de(value, decimals) + (" %" if decimals else "")
                    assert shown in line, (key, col, line)
        if (i + 1) in HIDDEN["sgb2"]:  # 57 now and +55 since 2019 would give back the 2
            change = data["sgb2"][i]
            if change is not None:
                assert not token_in(page, ("+" if change > 0 else "\u2212") + de(abs(change), 0)), key


def test_profile_geopackage_holds_only_what_the_pages_show(report):
    out, _ = report
    data = tables()
    with sqlite3.connect(out / "Sozialraumprofile_files" / "profiles.gpkg") as db:
        columns = [r[1] for r in db.execute('PRAGMA table_info("profiles")')]
        for raw in ("ab15_2021", "ew_2019", "sgb2_2019", "kinder_2021", "quote_2019", "sgb2"):
            assert raw not in columns  # raw source columns the page does not show are not copied
        rows = {r[0]: dict(zip(columns, r[1:])) for r in db.execute('SELECT "pr_key", * FROM "profiles"')}
    for col in LABELS:
        for district in HIDDEN[col]:
            row = rows[IDS[district - 1]]
            assert row.get(f"pr_{col}_num") is None and row[f"pr_{col}_value"] == "·"
            assert row.get(col) is None  # the source field, if kept, is empty
    assert rows["STGT03"]["pr_sgb2_2021_num"] == data["sgb2_2021"][2]


def test_a_map_of_the_internal_layer_labels_no_hidden_value(report, tmp_path):
    """A planner maps the internal layer with value labels: the cells its suppressed_fields lists
    get no label, and the classes and legend are made without them."""
    import processing

    out, _ = report
    pdf = tmp_path / "karte.pdf"
    internal = f"{out / 'sozialraum_intern.gpkg'}|layername=sozialraum_intern"
    processing.run("sozialraum:thematicmap", {
        "INPUT": internal, "FIELD": "sgb2_2021", "METHOD": "quantile", "CLASSES": 4, "TITLE": "Probe",
        "LABELS": True, "LABEL_FIELD": "sgb2_2021", "SOURCE_TEXT": "Probe", "OUTPUT": str(pdf)})
    text = pdf_pages(pdf)[0]
    for shown in ("2170", "1116", "57"):
        assert token_in(text, shown), shown
    assert not token_in(text, "47")  # 12 Engelsby: hidden to protect the 2 of 08 Sandberg
    labels = re.sub(r"\(n = \d+\)", "", text.split("Quelle")[0].replace("sgb2_2021", ""))  # classes count areas
    assert not re.search(r"(?<![\w,.\-])2(?![\w,.])", labels)  # 08 Sandberg's 2: no label, no class bound


def test_page_charts_draw_no_dot_for_a_hidden_value(report):
    """The page's chart draws each shown value as a dot; its texts are none (the scan above reads
    texts), so a hidden value could only leak as a position: one dot for each value the table
    shows, on that value's row, and none on a hidden one's."""
    out, _ = report
    folder = out / "Sozialraumprofile_files"
    with sqlite3.connect(folder / "profiles.gpkg") as db:
        charts = dict(db.execute('SELECT "pr_id", "pr_chart" FROM "profiles"'))
        rows = {}
        for pr_id, value in db.execute('SELECT "pr_id", "value" FROM "profile_rows" ORDER BY "pos"'):
            rows.setdefault(pr_id, []).append(value)
    hidden_rows = 0
    for pr_id, values in rows.items():
        svg = (folder / charts[pr_id]).read_text(encoding="utf-8")
        assert "<text" not in svg and "<title" not in svg  # no words: nothing for a tooltip to say
        height = float(re.search(r'viewBox="0 0 [\d.]+ ([\d.]+)"', svg).group(1)) / len(values)
        dots = {int(float(cy) // height) for cy in re.findall(r'<circle [^>]*cy="([\d.]+)"', svg)}
        shown = {i for i, v in enumerate(values) if v not in ("·", "no data", "keine Daten", "–")}
        assert dots == shown, (charts[pr_id], values)
        hidden_rows += sum(v == "·" for v in values)
    assert hidden_rows >= 3  # 05, 08, 12 hide a value the pages show
