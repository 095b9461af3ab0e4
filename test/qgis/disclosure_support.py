"""The disclosure scan's report and readers: tables made on Flensburg's 13 Stadtteile with
hidden cells written down by hand, and the text of every kind of published file
(used by test_disclosure_scan.py and test_disclosure_pages.py)."""
from __future__ import annotations

import csv
import json
import re
import sqlite3
import subprocess
from pathlib import Path

FLENSBURG = Path(__file__).resolve().parents[2] / "resources" / "sample" / "flensburg"
IDS = [f"STGT{n:02d}" for n in range(1, 14)]
NAMES = ["01 Altstadt", "02 Neustadt", "03 Nordstadt", "04 Westliche Höhe", "05 Friesischer Berg",
         "06 Weiche", "07 Südstadt", "08 Sandberg", "09 Jürgensby", "10 Fruerlund", "11 Mürwik",
         "12 Engelsby", "13 Tarup"]
EW_2019 = [3793, 4770, 12160, 8034, 6600, 7400, 4150, 6650, 8300, 6750, 15200, 7550, 241]
EW_2021 = [3866, 4850, 12525, 8015, 6644, 7472, 4205, 6702, 8371, 6794, 15301, 7536, 250]
KINDER = [310, 620, 1700, 1000, 780, 1100, 2, 900, 1150, 950, 2100, 1200, 37]
# the Jobcenter's table: "·" and "-" as offices send suppressed cells
SGB2_2019 = [532, 1094, 2352, 734, 2, 610, 455, 380, 900, 720, 1300, 1, "·"]
SGB2_2021 = [475, 1116, 2170, 733, 57, 598, 460, 2, 880, 700, 1250, 47, "-"]
KINDER_SGB2 = [98, 307, 585, 215, 1, 160, 1, 90, 230, 180, 2, 30, 5]

# What the rule must hide, by district (1-based) and column, with why — written by hand:
HIDDEN = {
    "sgb2_2019": {5: "count 2", 12: "count 1"},
    "sgb2_2021": {8: "count 2", 12: "47: the city total minus the shown ones would give back the 2 of 08"},
    "sgb2": {5: "57 − change = the 2 of 2019", 8: "change from the hidden 2", 12: "change of hidden counts"},
    "quote_2019": {5: "share of 2", 12: "share of 1"},
    "quote_2021": {8: "share of 2", 12: "share of the complementary 47"},
    "quote": {5: "change of a hidden share", 8: "change of a hidden share", 12: "change of hidden shares"},
    "kinder_sgb2_2021": {5: "count 1", 7: "count 1", 11: "count 2", 13: "area below 300 residents"},
    "kinder_2021": {7: "count 2", 13: "area below 300 residents",
                    1: "310: the valid areas' total minus the shown ones would give back the 2 of 07"},
    "ab15_2021": {7: "ew − ab15 = the 2 children", 13: "area below 300 residents",
                  1: "3556: ew − ab15 would give back the hidden 310"},
    "kinderarmut": {5: "share of 1", 7: "share of 1 in 2", 11: "share of 2", 13: "area below 300 residents",
                    1: "share over the hidden 310"},
    "ew_2019": {13: "area below 300 residents"},
}


def de(value: float, decimals: int) -> str:
    text = f"{value:,.{decimals}f}".replace(",", "X").replace(".", ",").replace("X", ".")
    return text


def tables() -> dict:
    """Column → 13 values (None: suppressed by the office)."""
    def num(v):
        return v if isinstance(v, (int, float)) else None

    data = {"ew_2019": EW_2019, "ew_2021": EW_2021, "kinder_2021": KINDER,
            "ab15_2021": [e - k for e, k in zip(EW_2021, KINDER)],
            "sgb2_2019": [num(v) for v in SGB2_2019], "sgb2_2021": [num(v) for v in SGB2_2021],
            "kinder_sgb2_2021": KINDER_SGB2}
    share = lambda a, b: None if a is None or b is None else a / b * 100  # noqa: E731
    data["sgb2"] = [None if a is None or b is None else b - a for a, b in zip(data["sgb2_2019"], data["sgb2_2021"])]
    data["quote_2019"] = [share(a, b) for a, b in zip(data["sgb2_2019"], EW_2019)]
    data["quote_2021"] = [share(a, b) for a, b in zip(data["sgb2_2021"], EW_2021)]
    data["quote"] = [None if a is None or b is None else b - a for a, b in zip(data["quote_2019"], data["quote_2021"])]
    data["kinderarmut"] = [share(a, b) for a, b in zip(KINDER_SGB2, KINDER)]
    return data


def _write_tables(folder: Path) -> None:
    data = tables()
    # statistics office: semicolon, plain numbers
    with open(folder / "statistik_2021.csv", "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow(["Stadtteil_ID", "ew_2019", "ew_2021", "kinder_2021", "ab15_2021"])
        for i, key in enumerate(IDS):
            out.writerow([key] + [data[c][i] for c in ("ew_2019", "ew_2021", "kinder_2021", "ab15_2021")])
    # Jobcenter: shares with a decimal comma, its own suppressed cells
    with open(folder / "jobcenter_2021.csv", "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter=";")
        cols = ["sgb2_2019", "sgb2_2021", "sgb2", "quote_2019", "quote_2021", "quote", "kinder_sgb2_2021",
                "kinderarmut"]
        out.writerow(["Stadtteil_ID"] + cols)
        for i, key in enumerate(IDS):
            row = []
            for c in cols:
                v = data[c][i]
                raw = {"sgb2_2019": SGB2_2019, "sgb2_2021": SGB2_2021}.get(c)
                if v is None:
                    row.append(raw[i] if raw else "·")
                elif isinstance(v, float):
                    row.append(f"{v:.6f}".replace(".", ","))
                else:
                    row.append(v)
            out.writerow([key] + row)


DEFINITION = {
    "version": 1, "title": "Geheimhaltungsprobe Flensburg",
    "source_text": "Jobcenter Flensburg (Probe); Statistikstelle (Probe)",
    "boundaries": str(FLENSBURG / "Stadtteile.shp"), "key": "AREA_ID", "name_field": "AREA_NAME",
    "tables": [
        {"path": "jobcenter_2021.csv", "key": "Stadtteil_ID", "fields": [], "options": {}},
        {"path": "statistik_2021.csv", "key": "Stadtteil_ID", "fields": [], "options": {}},
    ],
    "indicators": [
        {"id": "quote_2021", "label": "SGB-II-Quote", "unit": "%", "numerator": "sgb2_2021",
         "denominator": "ew_2021"},
        {"id": "quote", "label": "Veränderung SGB-II-Quote", "unit": "%", "numerator": "sgb2",
         "denominator": "ew", "change_between": [2019, 2021]},
        {"id": "kinderarmut", "label": "Kinderarmut", "unit": "%", "numerator": "kinder_sgb2_2021",
         "denominator": "kinder_2021"},
        {"id": "sgb2_2021", "label": "Leistungsberechtigte", "kind": "count"},
        {"id": "sgb2", "label": "Veränderung Leistungsberechtigte", "kind": "count", "change_between": [2019, 2021]},
        {"id": "kinder_sgb2_2021", "label": "Kinder im Bezug", "kind": "count"},
    ],
    "publication": {"threshold": 3, "population": "ew_2021", "min_population": 300,
                    "totals": {"ew_2021": ["kinder_2021", "ab15_2021"]}},
    "maps": [
        {"field": "quote_2021", "method": "jenks", "classes": 4, "title": "SGB-II-Quote", "unit": "%"},
        {"field": "sgb2_2021", "method": "quantile", "classes": 4, "title": "Leistungsberechtigte", "unit": ""},
    ],
    "profiles": {"fields": ["quote_2021", "kinderarmut", "sgb2_2021", "kinder_sgb2_2021"],
                 "title": "Stadtteilprofil", "separate_files": True},
}
LABELS = {"quote_2021": "SGB-II-Quote", "kinderarmut": "Kinderarmut", "sgb2_2021": "Leistungsberechtigte",
          "kinder_sgb2_2021": "Kinder im Bezug"}


# --- what the outputs print for a value ---------------------------------------------------------

def printed_forms(column: str, value: float) -> set:
    """The texts a hidden value would take in the outputs (profile pages, CSV, legends, charts)."""
    forms = set()
    if column in ("quote_2019", "quote_2021", "quote", "kinderarmut"):
        for d in (1, 2):
            forms.add(de(value, d) + " %")
        forms |= {de(value, 2), de(value, 3)}
        if column == "quote":
            forms |= {"+" + de(value, 1) + " Pp.", "+" + de(value, 2)}
    else:
        text = de(value, 0)
        forms |= {text, text.replace(".", ""), ("+" if value > 0 else "\u2212") + text.lstrip("-"),
                  str(int(value))}
    return {f for f in forms if f}


def distinctive() -> dict:
    """Hidden values whose printed forms are unlike anything the report prints legitimately
    (≥ 10 and no shown value of any column has the same form): searched in every file."""
    data = tables()
    shown_forms = set()
    for col, values in data.items():
        for i, v in enumerate(values):
            if v is not None and (i + 1) not in HIDDEN.get(col, {}):
                shown_forms |= printed_forms(col, v)
    found = {}
    for col, rows in HIDDEN.items():
        for district in rows:
            v = data[col][district - 1]
            if v is None or abs(v) < 10:
                continue
            forms = printed_forms(col, v) - shown_forms
            if forms:
                found[(col, district)] = forms
    return found


def token_in(text: str, form: str) -> bool:
    # not inside another number, word or identifier (a style's UUID holds '46ea')
    return re.search(r"(?<![\w,.\-])" + re.escape(form) + r"(?![\w,])", text) is not None


def pdf_pages(path: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text.split("\f")


def published_files(out: Path) -> list[Path]:
    internal = ("sozialraum_intern.gpkg", "Mittelverteilung_intern.xlsx")  # named internal: every raw value
    return [p for p in out.rglob("*") if p.is_file() and p.name not in internal]


# --- the scan -------------------------------------------------------------------------------------


def gpkg_text(path: Path) -> str:
    """What a GeoPackage says to a reader: every attribute of its feature tables, the layer
    descriptions, and of its stored styles the class labels, rule filters and literals (the class
    bounds); not timestamps, UUIDs or symbol properties, where '46' means nothing."""
    lines = []
    with sqlite3.connect(path) as db:
        # layer_styles is read below by its labels and filters: its update_time ('…T03:42:37.000Z')
        # held a hidden '37' or '47' by the clock, and the scan failed one run in a few
        features = [r[0] for r in db.execute("SELECT table_name FROM gpkg_contents") if r[0] != "layer_styles"]
        lines += [str(r[0]) for r in db.execute("SELECT description FROM gpkg_contents")]
        for table in features:
            # not the row numbers of the profile pages' long table (fid, pr_id, pos: 1…52 of 13
            # districts × 4 indicators say nothing of a district)
            names = [r[1] for r in db.execute(f'PRAGMA table_info("{table}")')]
            skip = {"fid", "pr_id", "pos"} if table in ("profile_rows", "profile_city") else set()
            for row in db.execute(f'SELECT * FROM "{table}"'):
                lines.append(" ".join(_as_text(v) for n, v in zip(names, row) if not isinstance(v, bytes)
                                      and n not in skip))
        if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'layer_styles'").fetchone():
            for qml, sld in db.execute("SELECT styleQML, styleSLD FROM layer_styles"):
                lines += re.findall(r'(?:label|filter)="([^"]*)"', qml or "")
                lines += re.findall(r"<(?:ogc:Literal|se:Title|se:Label)>([^<]*)<", sld or "")
    return "\n".join(lines)


def qgz_text(path: Path) -> str:
    """What the QGIS project says to a reader: the texts of its layouts (labels, legend and
    renderer class labels, rule filters, expressions), layer titles, abstracts and custom
    properties, project entries (the definition); not coordinates, sizes or colours."""
    import html
    import zipfile

    with zipfile.ZipFile(path) as archive:
        xml = "\n".join(archive.read(name).decode("utf-8") for name in archive.namelist()
                        if name.endswith((".qgs", ".qgd")))
    # the project's save and creation times (3.40: <date type="Created" value="…T12:18:37"/>) are no
    # content: a second of 37 read as a hidden 37
    xml = re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?", "", xml)
    found = re.findall(r'\b(?:label|labelText|text|filter|expression|value|name|title)="([^"]*)"', xml)
    found += re.findall(r"<(?:text|abstract|title|keyword|value|definition)[^>]*>([^<]*)<", xml)
    return "\n".join(html.unescape(t) for t in found)


def xlsx_text(path: Path) -> str:
    """Every cell of every sheet: a text as it is, a number as stored and as its format shows it."""
    import openpyxl

    lines = []
    for sheet in openpyxl.load_workbook(path).worksheets:
        for row in sheet.iter_rows():
            cells = []
            for cell in row:
                if cell.value is None:
                    continue
                if cell.data_type == "n":
                    shown = cell.number_format.split(".")[1] if "." in cell.number_format else ""
                    cells.append(_as_text(float(cell.value)) + " " + de(float(cell.value), len(shown)))
                else:
                    cells.append(str(cell.value))
            lines.append(" ".join(cells))
    return "\n".join(lines)


def published_texts(path: Path) -> list | None:
    """The texts of one published file as the scans read them: pdftotext per page, every attribute
    of a GeoPackage (styles included), every cell of the workbook, the project's XML, an SVG's text
    nodes (not its geometry), plain text files; None for a file without text (PNG: pixels only)."""
    if path.suffix == ".pdf":
        return pdf_pages(path)
    if path.suffix == ".gpkg":
        return [gpkg_text(path)]
    if path.suffix == ".xlsx":
        return [xlsx_text(path)]
    if path.suffix == ".qgz":
        return [qgz_text(path)]
    if path.suffix == ".svg":
        return [" ".join(re.findall(r">([^<]+)<", path.read_text(encoding="utf-8")))]
    if path.suffix in (".csv", ".html", ".txt", ".json", ".qml"):
        return [path.read_text(encoding="utf-8-sig")]
    return None


def _as_text(value) -> str:
    if isinstance(value, float):
        return f"{value:.10g} " + de(value, 1) + " " + de(value, 2)
    return str(value)


def _workbook(out: Path):
    import openpyxl

    return openpyxl.load_workbook(out / "Tabellenanhang.xlsx")


def german():
    """The report's words: the definition names no language, and the appendix stays German then."""
    from sozialraum_plugin.toolbelt.i18n import OutputWords

    return OutputWords("de")


def _header_ids(book) -> dict:
    """Header → column id, from the definitions sheet (ids stand as they are where no label is)."""
    sheet = book.worksheets[-1]
    return {row[1]: row[0] for row in sheet.iter_rows(min_row=2, values_only=True) if row[0] and row[1]}


def _title(page: str) -> str:
    """A page's first line: its district (other districts' names stand on its detail map)."""
    return page.strip().splitlines()[0].strip() if page.strip() else ""


def run_report(tmp_path_factory):
    import processing

    source = tmp_path_factory.mktemp("tables")
    _write_tables(source)
    definition = source / "probe.json"
    definition.write_text(json.dumps(DEFINITION, ensure_ascii=False), encoding="utf-8")
    before = {p.name: p.read_bytes() for p in source.iterdir()}
    shp = (FLENSBURG / "Stadtteile.dbf").read_bytes()
    out = tmp_path_factory.mktemp("report")
    result = processing.run("sozialraum:report", {"DEFINITION": str(definition), "OUTPUT_FOLDER": str(out)})
    assert {p.name: p.read_bytes() for p in source.iterdir()} == before  # sources never modified
    assert (FLENSBURG / "Stadtteile.dbf").read_bytes() == shp
    return out, result
