"""The appendix writers on a small published layer: the CSV in both languages, the XLSX through
openpyxl and through GDAL's XLSX driver (the path of a QGIS without openpyxl), each read back."""
from __future__ import annotations

import csv
import io

import pytest

NAMES = ["key", "name", "ew", "kinder", "quote", "valid", "stand"]
ROWS = [
    ("010", "Altstadt", 2294020, 2, 12.345, True, "2021-12-31"),
    ("002", "Neustadt", 4850, 620, 0.5, False, "2021-12-31"),
    ("003", "Nordstadt", 12525, None, None, True, None),
]
HIDDEN = [{"kinder", "quote"}, set(), set()]  # the rule's list per row (suppressed_fields)


@pytest.fixture()
def layer(qgis_app):
    from qgis.core import QgsFeature, QgsField, QgsVectorLayer

    from sozialraum_plugin.gis import field_types

    layer = QgsVectorLayer("Polygon?crs=EPSG:25832", "sozialraum", "memory")
    types = [field_types.STRING, field_types.STRING, field_types.INT, field_types.INT, field_types.DOUBLE,
             field_types.BOOL, field_types.STRING, field_types.STRING]
    layer.dataProvider().addAttributes([QgsField(n, t) for n, t in zip(NAMES + ["suppressed_fields"], types)])
    layer.updateFields()
    features = []
    for values, hidden in zip(ROWS, HIDDEN):
        feature = QgsFeature(layer.fields())
        published = [None if n in hidden else v for n, v in zip(NAMES, values)]
        feature.setAttributes(published + [",".join(sorted(hidden)) or None])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def definition():
    from sozialraum_plugin.core.report.definition import ReportDefinition

    return ReportDefinition.from_dict({
        "title": "Probe", "boundaries": "x.shp", "key": "key", "name_field": "name", "source_text": "Amt (Probe)",
        "indicators": [{"id": "quote", "label": "Kinderquote", "unit": "%", "numerator": "kinder",
                        "denominator": "ew"},
                       {"id": "kinder", "label": "Kinder", "kind": "count", "threshold": 5}]})


def sheets(layer, engine_fallback: bool, lang: str = "de"):
    from sozialraum_plugin.core.language import PlainWords
    from sozialraum_plugin.core.publish.appendix import build_workbook
    from sozialraum_plugin.gis.appendix import read_appendix

    data = read_appendix(layer)
    return build_workbook(data, definition(), PlainWords(lang), key="key", name="name",
                          tables=[("statistik", ["ew", "kinder"])], fallback=engine_fallback)


def test_csv_has_fixed_decimals_and_the_language_marks(layer):
    from sozialraum_plugin.core.language import PlainWords
    from sozialraum_plugin.gis.appendix import csv_text, read_appendix

    data = read_appendix(layer)
    german = list(csv.reader(io.StringIO(csv_text(data)), delimiter=";"))
    assert german[0] == NAMES
    # no words given: German, and German words too (not PlainWords' English "yes" with German marks)
    assert german[1] == ["010", "Altstadt", "2294020", "·", "·", "ja", "2021-12-31"]
    assert german[2][4] == "0,5"  # the decimals the column needs, never 5e-01
    english = list(csv.reader(io.StringIO(csv_text(data, PlainWords("en"))), delimiter=","))
    assert english[2][4] == "0.5" and english[1][2] == "2294020"
    assert english[3][3:5] == ["", ""]  # missing: empty, not '·'


def test_openpyxl_workbook_numbers_formats_and_hidden_cells(layer, tmp_path):
    import openpyxl

    from sozialraum_plugin.gis.appendix_xlsx import write_workbook

    path = tmp_path / "Tabellenanhang.xlsx"
    assert write_workbook(sheets(layer, False), str(path), "openpyxl") == "openpyxl"
    assert [p.name for p in tmp_path.iterdir()] == ["Tabellenanhang.xlsx"]  # no temporary file left
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Districts", "statistik", "Definitions"]  # no raw values given: no city
    ws = book["Districts"]
    # the districts: key, name, the indicators, then what no table brought; the table: its own columns
    assert [c.value for c in ws[1]] == ["key", "name", "Kinderquote (%)", "Kinder", "valid", "stand"]
    assert [c.value for c in book["statistik"][1]] == ["key", "name", "ew", "Kinder"]
    first = {ws.cell(row=1, column=c).value: ws.cell(row=2, column=c) for c in range(1, ws.max_column + 1)}
    assert first["key"].value == "010" and first["key"].data_type == "s"  # keys keep their zeros
    assert first["Kinder"].value == "·" and first["Kinderquote (%)"].value == "·"
    ew = book["statistik"].cell(row=2, column=3)
    assert ew.data_type == "n" and ew.value == 2294020 and ew.number_format == "#,##0"
    assert first["valid"].value == "yes" and first["stand"].value == "2021-12-31"
    second = ws.cell(row=3, column=3)
    assert second.data_type == "n" and second.value == 0.5 and second.number_format == "#,##0.0"
    assert ws.cell(row=4, column=4).value is None  # missing stays empty
    assert ws.freeze_panes == "C2"
    assert book["statistik"].cell(row=2, column=4).value == "·"
    definitions = {row[0]: row for row in book["Definitions"].iter_rows(min_row=2, values_only=True) if row[0]}
    assert definitions["kinder"][4] == "count" and definitions["quote"][5:7] == ("kinder", "ew")
    assert definitions["quote"][9] == "Amt (Probe)" and definitions["kinder"][9] == "table statistik; Amt (Probe)"


def test_gdal_workbook_keeps_numbers_and_names_the_hidden_cells(layer, tmp_path):
    """Without openpyxl: numbers are numbers, hidden cells empty, a column lists them, and the
    definitions sheet explains the '·' of the CSV."""
    import openpyxl

    from sozialraum_plugin.gis.appendix_xlsx import write_workbook

    path = tmp_path / "Tabellenanhang.xlsx"
    assert write_workbook(sheets(layer, True), str(path), "gdal", hidden_header="Hidden (·)") == "gdal"
    assert [p.name for p in tmp_path.iterdir()] == ["Tabellenanhang.xlsx"]
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Districts", "statistik", "Definitions"]
    ws = book["Districts"]
    header = [c.value for c in ws[1]]
    assert header[-1] == "Hidden (·)"
    row = {h: ws.cell(row=2, column=i + 1) for i, h in enumerate(header)}
    assert row["Kinder"].value is None and row["Kinderquote (%)"].value is None
    assert row["Hidden (·)"].value == "Kinderquote (%), Kinder"
    table = book["statistik"]
    assert table.cell(row=2, column=3).data_type == "n" and table.cell(row=2, column=3).value == 2294020
    assert row["key"].value == "010"
    assert ws.cell(row=3, column=header.index("Kinderquote (%)") + 1).value == pytest.approx(0.5)
    notes = " ".join(str(r[0]) for r in book["Definitions"].iter_rows(values_only=True) if r[0])
    assert "without openpyxl" in notes and "·" in notes


def test_the_writer_falls_back_to_gdal_without_openpyxl(monkeypatch):
    import builtins

    from sozialraum_plugin.gis import appendix_xlsx

    real = builtins.__import__

    def no_openpyxl(name, *args, **kwargs):
        if name == "openpyxl" or name.startswith("openpyxl."):
            raise ImportError(name)
        return real(name, *args, **kwargs)

    assert appendix_xlsx.engine_for() == "openpyxl"  # installed here (scripts/deps.sh)
    monkeypatch.setattr(builtins, "__import__", no_openpyxl)
    assert appendix_xlsx.engine_for() == "gdal"


def test_english_sheet_names_and_definitions(layer, tmp_path):
    """The words object decides the sheet names; with the German .qm they are German."""
    from sozialraum_plugin.core.publish.appendix import build_workbook
    from sozialraum_plugin.gis.appendix import read_appendix
    from sozialraum_plugin.toolbelt.i18n import OutputWords

    data = read_appendix(layer)
    english = build_workbook(data, definition(), OutputWords("en"), key="key", name="name")
    assert [s.name for s in english] == ["Districts", "Definitions"]  # no frame: no city sheet
    german = build_workbook(data, definition(), OutputWords("de"), key="key", name="name")
    words = OutputWords("de")
    assert german[0].name == words.translate("Appendix", "Districts")


def test_report_without_openpyxl_writes_the_workbook_through_gdal(provider, tmp_path, monkeypatch):
    """A QGIS without openpyxl (Windows and macOS installers): the report's workbook comes from
    GDAL, numbers stay numbers, the CSV's hidden cells are empty and named in "Hidden (·)"."""
    import builtins
    import json

    import openpyxl
    import processing
    from disclosure_support import DEFINITION, IDS, _write_tables

    real = builtins.__import__

    def no_openpyxl(name, *args, **kwargs):
        if name == "openpyxl" or name.startswith("openpyxl."):
            raise ImportError(name)
        return real(name, *args, **kwargs)

    source = tmp_path / "tables"
    source.mkdir()
    _write_tables(source)
    definition = dict(DEFINITION, maps=[], profiles=None)  # the data steps are what this is about
    (source / "probe.json").write_text(json.dumps(definition, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "report"
    monkeypatch.setattr(builtins, "__import__", no_openpyxl)
    processing.run("sozialraum:report", {"DEFINITION": str(source / "probe.json"), "OUTPUT_FOLDER": str(out)})
    monkeypatch.undo()
    with open(out / "Tabellenanhang.csv", encoding="utf-8-sig", newline="") as handle:
        rows = {r["AREA_ID"]: r for r in csv.DictReader(handle, delimiter=";")}
    book = openpyxl.load_workbook(out / "Tabellenanhang.xlsx")
    ws = book.worksheets[0]
    header = [c.value for c in ws[1]]
    assert header[0] == "AREA_ID" and header[-1] == "Gesperrt (·)"  # German: the report's default here
    labels = {row[1]: row[0] for row in book.worksheets[-1].iter_rows(min_row=2, values_only=True) if row[0]}
    quote = header.index("SGB-II-Quote (%)")
    for r in range(2, ws.max_row + 1):
        key = ws.cell(row=r, column=1).value
        listed = [labels.get(h, h) for h in (ws.cell(row=r, column=len(header)).value or "").split(", ") if h]
        shown = [labels.get(h, h) for h in header[:-1]]
        hidden = [c for c in shown if rows[key][c] == "·"]
        assert listed == hidden, key
        cell = ws.cell(row=r, column=quote + 1)
        if rows[key]["quote_2021"] == "·":
            assert cell.value is None
        else:
            expected = float(rows[key]["quote_2021"].replace(",", "."))
            assert cell.data_type == "n" and cell.value == pytest.approx(expected)
    assert sorted(rows) == sorted(IDS)
    notes = " ".join(str(r[0]) for r in book.worksheets[-1].iter_rows(values_only=True) if r[0])
    assert "without openpyxl" in notes or "ohne openpyxl" in notes


def test_gdal_city_sheet_names_a_withheld_city_value(qgis_app, tmp_path):
    """A city value the rule withholds (it would give one hidden district back) is empty in the
    GDAL workbook, so the sheet must say why: the hidden column names it, as on the data sheets."""
    import openpyxl

    from sozialraum_plugin.core.publish.appendix import HIDE, Sheet, SheetColumn
    from sozialraum_plugin.gis.appendix_xlsx import write_workbook

    heads = [SheetColumn("column", "Column"), SheetColumn("value", "City", True, 0)]
    city = Sheet("City", heads, [["kinder", HIDE], ["ew", 1238]], role="city", row_decimals=[0, 0])
    path = tmp_path / "a.xlsx"
    write_workbook([city], str(path), "gdal", hidden_header="Hidden (·)")
    ws = openpyxl.load_workbook(path)["City"]
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    assert rows[0] == ["Column", "City", "Hidden (·)"]
    assert rows[1][:2] == ["kinder", None] and rows[1][2] == "City"
    assert rows[2][:2] == ["ew", 1238] and rows[2][2] in (None, "")
