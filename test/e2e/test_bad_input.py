"""The bad-input corpus (issue 13, item 6): every case through ``qgis_process.bin run sozialraum:…``.

Each case asserts the message (it names the file, field, row or value), that no Python traceback
or bare exception name reaches the user, and that every source file is byte-identical afterwards.
The inputs are made here in a temporary folder from the samples in resources/sample/.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from e2e_support import ROOT, install_zip, qgis_process

FLENSBURG = ROOT / "resources" / "sample" / "flensburg"
BARE = ("Traceback", "KeyError", "OperationalError", "ValueError", "TypeError", "AttributeError",
        "IndexError", "NotADirectoryError", "FileExistsError", "PermissionError", "sqlite3.")
NAMES = ["Altstadt", "Neustadt", "Nordstadt", "Westliche Höhe", "Friesischer Berg", "Weiche", "Südstadt",
         "Sandberg", "Jürgensby", "Fruerlund", "Mürwik", "Engelsby", "Tarup"]


@dataclass
class Case:
    id: str
    alg: str
    params: dict  # values may name {src} and {out}
    expect: list  # substrings of the output (message, or notice for a correct result)
    ok: bool = False  # True: the run succeeds (a correct result with a notice)
    pdf: list = field(default_factory=list)  # text pdftotext finds in the PDF output
    existing: list = field(default_factory=list)  # files put into {out} before the run
    nothing_written: bool = False  # refused before any output was written
    titles: dict = field(default_factory=dict)  # profile page titles (pr_title) by key


def _rows(value=lambda n: f"{10 + n},{n % 7};{100 * n}", key=lambda n: f"STGT{n:02d}") -> list[str]:
    return [f"{key(n)};{NAMES[n - 1]};{value(n)}" for n in range(1, 14)]


def _table(header="id;name;quote;count", rows=None) -> str:
    return "\n".join([header, *(rows or _rows())]) + "\n"


def make_sources(src: Path) -> None:
    """Every input of the corpus, written once; the cases only read them."""
    for part in FLENSBURG.glob("Stadtteile.*"):
        shutil.copy(part, src / part.name)
    (src / "tab.csv").write_text(_table(), encoding="utf-8")
    (src / "tab_cp1252.csv").write_bytes(_table().replace("Mürwik", "Mürwik").encode("cp1252"))
    (src / "binary.csv").write_bytes(bytes(range(256)) * 8)
    (src / "empty.csv").write_bytes(b"")
    (src / "header_only.csv").write_text("id;name;quote\n", encoding="utf-8")
    (src / "tab.tsv").write_text(_table().replace(";", "\t"), encoding="utf-8")
    (src / "duplicate.csv").write_text(_table() + "STGT03;Nordstadt;99,9;1\n", encoding="utf-8")
    ragged = _table().splitlines()
    ragged[5] += ";7;8"
    (src / "ragged.csv").write_text("\n".join(ragged) + "\n", encoding="utf-8")
    text_rows = _table().splitlines()
    text_rows[4] = "STGT04;Westliche Höhe;zwölf;400"
    (src / "text_in_numbers.csv").write_text("\n".join(text_rows) + "\n", encoding="utf-8")
    (src / "no_match.csv").write_text(_table(rows=_rows(key=lambda n: f"X{n}")), encoding="utf-8")
    (src / "empty_keys.csv").write_text(_table(rows=_rows(key=lambda n: "")), encoding="utf-8")
    # numbers written as floats (1.0) against STGT01; names in NFD with a no-break space inside
    (src / "float_keys.csv").write_text(_table(rows=[f"{n}.0;{NAMES[n - 1]};{n},5;{n}" for n in range(1, 14)]),
                                        encoding="utf-8")
    names = [unicodedata.normalize("NFD", f"{n:02d}\u00a0{NAMES[n - 1]}") for n in range(1, 14)]
    (src / "nfd_keys.csv").write_text(_table(rows=[f"{names[n - 1]};x;{n},5;{n}" for n in range(1, 14)]),
                                      encoding="utf-8")
    (src / "notes.pdf").write_bytes(b"%PDF-1.4\n")
    _ogr(src)
    (src / "district_data.csv").write_text("\n".join(
        ["AREA_ID;quote;quote19;const;EW;EW0;label"] +
        [f"STGT{n:02d};{10 + n},{n % 7};{9 + n % 5},1;5;{300 * n};0;{'' if n == 4 else NAMES[n - 1]}"
         for n in range(1, 14)]) + "\n", encoding="utf-8")
    (src / "bad.json").write_text('{"title": "x",\n "boundaries": "Stadtteile.shp", "key": }\n', encoding="utf-8")
    base = {"title": "Test", "boundaries": "Stadtteile.shp", "key": "AREA_ID", "name_field": "AREA_NAME",
            "tables": [{"path": "district_data.csv", "key": "AREA_ID", "fields": ["quote", "EW"]}]}
    definitions = {
        "unknown_section.json": dict(base, mpas=[{"field": "quote"}]),
        "unknown_map_id.json": dict(base, maps=[{"field": "Quote_2021"}]),
        "unknown_profile_id.json": dict(base, profiles={"fields": ["quote", "SGB2_Anteil"]}),
        "missing_table.json": dict(base, tables=[{"path": "nicht_da.csv", "key": "AREA_ID"}]),
        "unknown_map_id_all_columns.json": dict(base, tables=[{"path": "district_data.csv", "key": "AREA_ID"}],
                                                maps=[{"field": "Quote_2021"}]),
        "bad_cluster_method.json": dict(base, clusters={"fields": ["quote"], "k": 2, "method": "kmedoids"}),
        "bad_index_entry.json": dict(base, index={"status": ["quote"], "preset": "mss", "populaton": "EW"}),
    }
    for name, data in definitions.items():
        (src / name).write_text(json.dumps(data), encoding="utf-8")


def _ogr(src: Path) -> None:
    """Points, lines, an empty layer, a CRS-less GeoJSON in metres and an XLSX, written by GDAL."""
    from osgeo import gdal, ogr, osr

    shp = ogr.Open(str(src / "Stadtteile.shp"))
    layer = shp.GetLayer()
    utm = osr.SpatialReference()
    utm.ImportFromEPSG(25832)
    gpkg = ogr.GetDriverByName("GPKG").CreateDataSource(str(src / "shapes.gpkg"))
    points = gpkg.CreateLayer("points", utm, ogr.wkbPoint)
    lines = gpkg.CreateLayer("lines", utm, ogr.wkbLineString)
    empty = gpkg.CreateLayer("empty", utm, ogr.wkbPolygon)
    for target in (points, lines, empty):
        target.CreateField(ogr.FieldDefn("AREA_ID", ogr.OFTString))
    for feature in layer:
        for target, geom in ((points, feature.GetGeometryRef().Centroid()),
                             (lines, feature.GetGeometryRef().Boundary())):
            out = ogr.Feature(target.GetLayerDefn())
            out.SetField("AREA_ID", feature.GetField("AREA_ID"))
            out.SetGeometry(geom)
            target.CreateFeature(out)
    gpkg = None
    # GeoJSON in UTM metres without a 'crs' member: OGR takes it as WGS 84.
    options = gdal.VectorTranslateOptions(format="GeoJSON", layerCreationOptions=["WRITE_NAME=NO"])
    gdal.VectorTranslate(str(src / "metres_no_crs.geojson"), str(src / "Stadtteile.shp"), options=options)
    data = json.loads((src / "metres_no_crs.geojson").read_text(encoding="utf-8"))
    data.pop("crs", None)
    (src / "metres_no_crs.geojson").write_text(json.dumps(data), encoding="utf-8")
    book = ogr.GetDriverByName("XLSX").CreateDataSource(str(src / "book.xlsx"))
    sheet = book.CreateLayer("Daten", None, ogr.wkbNone)
    for name in ("id", "quote"):
        sheet.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    for n in range(1, 14):
        row = ogr.Feature(sheet.GetLayerDefn())
        row.SetField("id", f"STGT{n:02d}")
        row.SetField("quote", str(10 + n))
        sheet.CreateFeature(row)
    book = None


SHP = "{src}/Stadtteile.shp"
DATA = "{src}/district_data.gpkg"  # the joined district_data.csv, made by the first run
JOIN = {"INPUT": SHP, "INPUT_KEY": "AREA_ID", "TABLE_KEY": "id", "OUTPUT": "{out}/j.gpkg"}
INDEX = {"INPUT": DATA, "STATUS_FIELDS": "quote", "OUTPUT": "{out}/i.gpkg"}
MAP = {"INPUT": DATA, "FIELD": "quote", "SAVE_STYLE": "false", "OUTPUT": "{out}/karte.pdf"}  # (style: into the input)
SHEETS = {"INPUT": DATA, "NAME_FIELD": "label", "KEY_FIELD": "AREA_ID", "FIELDS": "quote", "OUTPUT": "{out}/p.pdf"}


def join(table, **extra):
    return dict(JOIN, TABLE=f"{{src}}/{table}", **extra)


CASES = [
    # --- tables ---------------------------------------------------------------------------------
    Case("table_not_found", "jointable", join("fehlt.csv"), ["fehlt.csv"]),
    Case("table_binary", "jointable", join("binary.csv"), ["binary.csv"]),
    Case("table_empty", "jointable", join("empty.csv"), ["The file", "empty.csv is empty"]),
    Case("table_header_only", "jointable", join("header_only.csv"), ["header_only.csv"]),
    Case("table_cp1252_read", "jointable", join("tab_cp1252.csv"), ["encoding cp1252", "MATCHED:\t13"], ok=True),
    Case("table_wrong_separator", "jointable", join("tab.tsv", SEPARATOR="semicolon"),
         ["The column id does not exist in tab.tsv"]),
    Case("table_tab_separator_by_name", "jointable", join("tab.tsv", SEPARATOR="tab"), ["MATCHED:\t13"], ok=True),
    Case("table_missing_key_column", "jointable", join("tab.csv", TABLE_KEY="Stadtteil_ID"),
         ["The column Stadtteil_ID does not exist in tab.csv", "Columns: id, name, quote, count"]),
    Case("table_duplicate_keys", "jointable", join("duplicate.csv"), ["DUPLICATE_KEYS:\t1", "STGT03"], ok=True),
    Case("table_ragged_row", "jointable", join("ragged.csv"), ["Row", "ragged.csv has"]),
    Case("table_text_in_numbers", "jointable", join("text_in_numbers.csv"),
         ["The column quote of text_in_numbers.csv is mostly numbers but stays text", "zwölf"], ok=True),
    Case("table_keys_match_nothing", "jointable", join("no_match.csv"),
         ["Not one row of no_match.csv matches a district", "MATCHED:\t0"], ok=True),
    Case("table_keys_empty", "jointable", join("empty_keys.csv"), ["The key column id of empty_keys.csv is empty"]),
    Case("table_format_unsupported", "jointable", join("notes.pdf"), ["notes.pdf", ".pdf"]),
    Case("table_xlsx_wrong_sheet", "jointable", join("book.xlsx", SHEET="Tabelle1"),
         ["The sheet Tabelle1 does not exist in book.xlsx", "Daten"]),
    Case("table_header_row_text", "jointable", join("tab.csv", HEADER_ROW="erste"),
         ["Invalid value 'erste' for the option HEADER_ROW"]),
    Case("table_header_row_beyond", "jointable", join("tab.csv", HEADER_ROW="99"), ["Header row 99", "tab.csv"]),
    Case("keys_point_zero", "jointable", join("float_keys.csv"), ["MATCHED:\t13"], ok=True),
    Case("keys_nfd_nbsp", "jointable", join("nfd_keys.csv", INPUT_KEY="AREA_NAME", KEY_TRANSFORM="exact"),
         ["MATCHED:\t13"], ok=True),
    # --- boundaries -------------------------------------------------------------------------------
    Case("boundaries_points", "jointable", dict(join("tab.csv"), INPUT="{src}/shapes.gpkg|layername=points"),
         ["shapes.gpkg holds Point geometries; district boundaries must be polygons"]),
    Case("boundaries_lines_index", "needindex", dict(INDEX, INPUT="{src}/shapes.gpkg|layername=lines"),
         ["shapes.gpkg holds LineString geometries; district boundaries must be polygons"]),
    Case("boundaries_no_features", "jointable", dict(join("tab.csv"), INPUT="{src}/shapes.gpkg|layername=empty"),
         ["The layer", "shapes.gpkg has no features"]),
    Case("boundaries_geojson_metres_join", "jointable", dict(join("tab.csv"), INPUT="{src}/metres_no_crs.geojson"),
         ["metres_no_crs.geojson is read in EPSG:4326 (degrees)", "522970", "'crs' member"]),
    Case("boundaries_geojson_metres_map", "thematicmap",
         dict(MAP, INPUT="{src}/metres_no_crs.geojson", FIELD="AREA_ID", METHOD="categorized"),
         ["metres_no_crs.geojson is read in EPSG:4326 (degrees)"]),
    Case("boundaries_missing_key_field", "jointable", join("tab.csv", INPUT_KEY="STT_NR"),
         ["The field STT_NR (INPUT_KEY) does not exist in", "Stadtteile.shp. Fields: AREA_ID"]),
    Case("boundaries_file_not_found", "jointable", dict(join("tab.csv"), INPUT="{src}/fehlt.shp"), ["fehlt.shp"]),
    # --- definitions ------------------------------------------------------------------------------
    Case("definition_bad_json", "report", {"DEFINITION": "{src}/bad.json", "OUTPUT_FOLDER": "{out}/r"},
         ["The report definition bad.json is not valid JSON (line 2"]),
    Case("definition_unknown_section", "report",
         {"DEFINITION": "{src}/unknown_section.json", "OUTPUT_FOLDER": "{out}/r"}, ["unknown sections: mpas"]),
    Case("definition_unknown_map_id", "report",
         {"DEFINITION": "{src}/unknown_map_id.json", "OUTPUT_FOLDER": "{out}/r"},
         ["unknown_map_id.json names Quote_2021 in maps[0].field"], nothing_written=True),
    Case("definition_unknown_map_id_all_columns", "report",
         {"DEFINITION": "{src}/unknown_map_id_all_columns.json", "OUTPUT_FOLDER": "{out}/r"},
         ["names Quote_2021 in maps[0].field", "quote"]),
    Case("definition_unknown_profile_id", "report",
         {"DEFINITION": "{src}/unknown_profile_id.json", "OUTPUT_FOLDER": "{out}/r"},
         ["names SGB2_Anteil in profiles.fields"], nothing_written=True),
    Case("definition_missing_table", "report",
         {"DEFINITION": "{src}/missing_table.json", "OUTPUT_FOLDER": "{out}/r"}, ["nicht_da.csv"]),
    Case("definition_not_found", "report", {"DEFINITION": "{src}/fehlt.json", "OUTPUT_FOLDER": "{out}/r"},
         ["fehlt.json"]),
    Case("definition_unknown_cluster_method", "report",
         {"DEFINITION": "{src}/bad_cluster_method.json", "OUTPUT_FOLDER": "{out}/r"},
         ["METHOD: unknown value 'kmedoids'"]),
    Case("definition_unknown_index_entry", "report",
         {"DEFINITION": "{src}/bad_index_entry.json", "OUTPUT_FOLDER": "{out}/r"},
         ["index", "unknown entries: populaton"]),
    # --- parameters -------------------------------------------------------------------------------
    Case("param_unknown_cluster_method", "needclusters",
         {"INPUT": DATA, "FIELDS": "quote", "METHOD": "kmedoids", "OUTPUT": "{out}/c.gpkg"},
         ["METHOD: unknown value 'kmedoids'. Use one of: kmeans (0) | ward (1)."]),
    Case("param_unknown_preset", "needindex", dict(INDEX, PRESET="berlin"),
         ["PRESET: unknown value 'berlin'. Use one of: custom (0) | mss (1)."]),
    Case("param_unknown_map_method", "thematicmap", dict(MAP, METHOD="natural_breaks"),
         ["METHOD: unknown value 'natural_breaks'", "jenks (0)"]),
    Case("param_preset_mss_by_name", "needindex", dict(INDEX, PRESET="mss", POPULATION_FIELD="EW"),
         ["13 areas classed"], ok=True),
    Case("param_cluster_method_ward_by_name", "needclusters",
         {"INPUT": DATA, "FIELDS": "quote;quote19", "K": 3, "METHOD": "ward", "OUTPUT": "{out}/c.gpkg"},
         ["K_USED:\t3"], ok=True),
    Case("param_map_method_by_number", "thematicmap", dict(MAP, METHOD="1", SOURCE_TEXT="Stadt Flensburg",
                                                           LANGUAGE="en"),
         ["PAGES:\t1"], ok=True, pdf=["Source: Stadt Flensburg"]),
    Case("param_k_too_big", "needclusters", {"INPUT": DATA, "FIELDS": "quote", "K": 20, "OUTPUT": "{out}/c.gpkg"},
         ["20 clusters were asked for, but only 13 areas"]),
    Case("param_output_not_writable", "jointable", join("tab.csv", OUTPUT="/proc/sozialraum/j.gpkg"),
         ["/proc"]),
    Case("param_map_output_below_file", "thematicmap", dict(MAP, OUTPUT="{src}/tab.csv/karte.pdf"),
         ["karte.pdf cannot be written", "tab.csv is a file, not a folder"]),
    Case("param_sheets_output_below_file", "profilesheets", dict(SHEETS, OUTPUT="{src}/tab.csv/p.pdf"),
         ["p.pdf cannot be written", "tab.csv is a file, not a folder"]),
    Case("param_report_folder_below_file", "report",
         {"DEFINITION": "{src}/unknown_map_id.json", "OUTPUT_FOLDER": "{src}/tab.csv/bericht"},
         ["tab.csv is a file, not a folder"]),
    Case("param_output_is_input", "jointable", dict(join("tab.csv"), INPUT=DATA, INPUT_KEY="AREA_ID", OUTPUT=DATA),
         ["district_data.gpkg is one of the inputs"]),
    Case("param_output_not_gpkg", "jointable", join("tab.csv", OUTPUT="{out}/j.shp"), ["j.shp must be a GeoPackage"]),
    Case("param_map_output_suffix", "thematicmap", dict(MAP, OUTPUT="{out}/karte.docx"), ["karte.docx"]),
    Case("param_sheets_output_not_pdf", "profilesheets", dict(SHEETS, OUTPUT="{out}/p.png"),
         ["p.png must be a PDF file"]),
    Case("param_bad_expression", "needindex", dict(INDEX, EXCLUDE_EXPRESSION='"EW" >'),
         ['The expression "EW" > cannot be used']),
    Case("param_bad_weights", "needindex", dict(INDEX, PRESET="custom", WEIGHTS="quote=viel"),
         ["The entry 'quote=viel' is not of the form field=value"]),
    Case("param_bad_thresholds", "needindex", dict(INDEX, STATUS_THRESHOLDS="-1;eins;1.5"),
         ["STATUS_THRESHOLDS", "eins"]),
    # --- index and profiles -----------------------------------------------------------------------
    Case("index_constant_indicator", "needindex", dict(INDEX, STATUS_FIELDS="const"),
         ["The indicator const has the same value in every valid area"]),
    Case("index_population_zero", "needindex", dict(INDEX, POPULATION_FIELD="EW0"),
         ["Only 0 of 13 areas are valid", "(at least 300 residents in EW0) removed 13"]),
    Case("index_min_population_above_all", "needindex",
         dict(INDEX, POPULATION_FIELD="EW", MIN_POPULATION=100000),
         ["Only 0 of 13 areas are valid", "(at least 100000 residents in EW) removed 13"]),
    Case("sheets_constant_indicator", "profilesheets", dict(SHEETS, FIELDS="quote;const"),
         ["(const) has the same value in every district: no findings for it."], ok=True),
    Case("sheets_null_name_shows_key", "profilesheets", SHEETS, ["13 pages"], ok=True,
         titles={"STGT04": "STGT04", "STGT05": "Friesischer Berg"}),
    Case("sheets_title_too_long", "profilesheets", dict(SHEETS, TITLE="Sozialraumprofil " * 6),
         ["The title has 101 characters; at most 70 fit on a profile sheet"]),
    Case("map_title_too_long", "thematicmap", dict(MAP, TITLE="Anteil der Leistungsberechtigten " * 6),
         ["The title has 197 characters; at most 160 fit on a map page"]),
    Case("map_source_line_derived", "thematicmap", dict(MAP, LANGUAGE="en"),
         ["No SOURCE_TEXT given: the source line names the data file (district_data.gpkg)"], ok=True,
         pdf=["Source: district_data.gpkg"]),
    Case("map_replaces_existing_file", "thematicmap", dict(MAP, SOURCE_TEXT="Stadt Flensburg"),
         ["The existing file {out}/karte.pdf was replaced."], ok=True, existing=["karte.pdf"]),
    Case("index_replaces_existing_file", "needindex", dict(INDEX, PRESET="custom"),
         ["The existing file {out}/i.gpkg was replaced."], ok=True, existing=["i.gpkg"]),
]


WORKERS = 2  # qgis_process runs in parallel, each in a profile of its own (≈ 2 s each to start)


def _env(root: Path, name: str, plugin_zip: Path) -> dict:
    import os

    install_zip(plugin_zip, root / name)
    runtime = root / f"xdg_{name}"
    runtime.mkdir(mode=0o700)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(runtime),
               QGIS_CUSTOM_CONFIG_PATH=str(root / name))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # the installed copy compiles once, not in every run
    assert qgis_process(env, "plugins", "enable", "sozialraum_plugin").returncode == 0
    return env


def _run(env: dict, src: Path, out: Path, case: Case) -> dict:
    out.mkdir(parents=True)
    for name in case.existing:  # an earlier run's output
        if name.endswith(".gpkg"):
            shutil.copy(src / "district_data.gpkg", out / name)
        else:
            (out / name).write_bytes(b"an earlier version")
    args = [f"{k}={str(v).format(src=src, out=out)}" for k, v in case.params.items()]
    started = time.perf_counter()
    run = qgis_process(env, "run", f"sozialraum:{case.alg}", "--", *args)
    seconds = time.perf_counter() - started
    pdf = ""
    if case.pdf:
        import subprocess

        target = str(case.params["OUTPUT"]).format(src=src, out=out)
        pdf = subprocess.run(["pdftotext", "-layout", target, "-"], capture_output=True, text=True).stdout
    return {"rc": run.returncode, "text": run.stdout + run.stderr, "pdf": pdf, "out": out, "seconds": seconds}


@pytest.fixture(scope="module")
def corpus(request, tmp_path_factory, plugin_zip):
    """The plugin installed, the sources written and hashed, every case run; then the hashes again."""
    from concurrent.futures import ThreadPoolExecutor

    root = tmp_path_factory.mktemp("bad_input")
    envs = [_env(root, f"config{n}", plugin_zip) for n in range(WORKERS)]
    src = root / "src"
    src.mkdir()
    make_sources(src)
    made = qgis_process(envs[0], "run", "sozialraum:jointable", "--", f"INPUT={src / 'Stadtteile.shp'}",
                        "INPUT_KEY=AREA_ID", f"TABLE={src / 'district_data.csv'}", "TABLE_KEY=AREA_ID",
                        f"OUTPUT={src / 'district_data.gpkg'}")
    assert made.returncode == 0, made.stdout + made.stderr

    def digest() -> dict:
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(src.iterdir()) if p.is_file()}

    before = digest()
    chosen = {item.callspec.params["case"].id for item in request.session.items
              if hasattr(item, "callspec") and "case" in item.callspec.params}  # (pytest -k)
    with ThreadPoolExecutor(WORKERS) as pool:
        futures = {case.id: pool.submit(_run, envs[n % WORKERS], src, root / "out" / case.id, case)
                   for n, case in enumerate(c for c in CASES if c.id in chosen)}
        results = {name: future.result() for name, future in futures.items()}
    slow = sorted(results.items(), key=lambda kv: -kv[1]["seconds"])[:5]
    print("slowest cases:", ", ".join(f"{name} {r['seconds']:.1f} s" for name, r in slow))
    return {"src": src, "results": results, "before": before, "after": digest()}


def test_corpus_is_large_enough():
    assert len(CASES) >= 40 and len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input(corpus, case):
    result = corpus["results"][case.id]
    text = result["text"]
    assert (result["rc"] == 0) == case.ok, text[-3000:]
    for expected in case.expect:
        assert expected.format(src=corpus["src"], out=result["out"]) in text, (expected, text[-3000:])
    for bare in BARE:
        assert bare not in text, (bare, text[-3000:])
    if case.titles:  # the pages' data, as the atlas prints them
        import sqlite3

        with sqlite3.connect(result["out"] / "p_files" / "profiles.gpkg") as db:
            table = db.execute("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'").fetchone()[0]
            titles = dict(db.execute(f'SELECT pr_key, pr_title FROM "{table}"').fetchall())
        assert {k: titles[k] for k in case.titles} == case.titles
    if case.nothing_written:
        assert not [p for p in result["out"].rglob("*") if p.is_file()]
    for expected in case.pdf:
        assert expected in result["pdf"], (expected, result["pdf"][:2000])
    # The sources, byte for byte (all of them: the cases ran side by side).
    assert corpus["after"] == corpus["before"]
