"""read_table / read_frame / pivot_long on the real sample data and on hand-made traps.

Workbooks (XLSX/ODS) are tested in test_tables_sheets.py, the any-dialect property test in
test_tables_roundtrip.py."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from conftest import sha256

from sozialraum_plugin.core.errors import TableError
from sozialraum_plugin.core.tables.read import (
    ReadResult,
    pivot_long,
    read_frame,
    read_table,
)

# --- Berlin ------------------------------------------------------------------------------------


def test_berlin_fis_broker_export(sample_dir):
    r = read_table(sample_dir / "berlin" / "mss_2021_index_indikatoren.csv")
    rep, f = r.report, r.frame
    assert (rep.format, rep.encoding, rep.separator, rep.decimal, rep.thousands) == (
        "csv",
        "utf-8",
        ",",
        ".",
        None,
    )
    assert (rep.header_row, rep.n_rows, len(rep.columns), rep.line_ending) == (0, 542, 30, "LF")
    assert f["PLR_ID"].iloc[0] == "01100101" and f["BEZ_ID"].iloc[0] == "01"  # quoted keys, zeros kept
    assert rep.column("PLR_ID").is_key and rep.column("PLR_ID").dtype == "text"
    row = f.set_index("PLR_ID").loc["01100101"]
    assert row["S1"] == pytest.approx(4.22594) and row["S4"] == pytest.approx(19.39799) and row["EW"] == 3419
    assert str(f["EW"].dtype) == "Int64" and f["S1"].dtype == np.float64 and f["ZEIT"].iloc[0] == 202012
    # -9999 is missing (6 PLR under 300 residents or outliers), never a value
    assert rep.column("S1").n_missing == 6 and rep.column("S1").n_suppressed == 0
    assert f.set_index("PLR_ID").loc["03300515", "S1"] != f.set_index("PLR_ID").loc["03300515", "S1"]
    assert rep.column("S2").n_missing == 542 and f["S2"].isna().all()
    assert rep.column("EW").n_missing == 1 and f["KOM"].iloc[0] == "gültig"


def test_berlin_semicolon_table_with_bom_crlf_and_trailing_space_header(sample_dir):
    r = read_table(sample_dir / "berlin" / "mss_2021_tab3_index-indikatoren_z-werte_plr_semikolon.csv")
    rep = r.report
    assert (rep.encoding, rep.separator, rep.decimal, rep.line_ending) == ("utf-8-sig", ";", ".", "CRLF")
    col = rep.column("Zuordnung Klasse Status-Index")
    assert col.original_name == "Zuordnung Klasse Status-Index " and col.dtype == "text"
    assert r.frame.columns[0] == "PLR-ID"  # BOM not glued to the first header cell
    counts = r.frame["Zuordnung Klasse Status-Index"].value_counts(dropna=False).to_dict()
    assert {k: v for k, v in counts.items() if isinstance(k, str)} == {
        "mittel": 366,
        "hoch": 75,
        "sehr niedrig": 49,
        "niedrig": 46,
    }
    assert r.frame["Zuordnung Klasse Status-Index"].isna().sum() == 6
    assert r.frame["zS1"].iloc[0] == pytest.approx(-0.25) and rep.column("zS1").n_missing == 6


def test_berlin_population_en_dash_is_suppressed_not_zero(sample_dir):
    r = read_table(sample_dir / "berlin" / "einwohnerbestand_2022-06_plr_semikolon.csv")
    f, rep = r.frame.set_index("PLR-ID"), r.report
    assert r.frame.columns[-1] == "PLR-ID" and rep.column("PLR-ID").is_key  # key in the last column
    expected = {
        "Gesamt": 2,
        "unter6": 4,
        "6-15": 4,
        "15-18": 4,
        "18-27": 3,
        "27-45": 2,
        "45-55": 3,
        "55-65": 2,
        "65undmehr": 2,
        "weiblich": 2,
        "ausländer": 2,
    }
    assert {c: rep.column(c).n_suppressed for c in expected} == expected
    assert all(rep.column(c).dtype == "integer" and rep.column(c).n_missing == 0 for c in expected)
    assert f.loc["01100101", "Gesamt"] == 3503 and f.loc["03300515", "Gesamt"] == 52
    supp = r.suppressed.set_axis(r.frame["PLR-ID"])
    assert supp.loc["03400831"].all() and pd.isna(f.loc["03400831", "Gesamt"])
    assert supp.loc["03300515", "18-27"] and not supp.loc["03300515", "Gesamt"]
    assert not (r.frame[list(expected)] == 0)[r.suppressed[list(expected)]].any().any()
    assert not r.missing.any().any()


def test_berlin_hierarchy_lookup(sample_dir):
    r = read_table(sample_dir / "berlin" / "lor_2021_hierarchie.csv")
    f = r.frame
    assert f.columns[0] == "techn. Schlüssel (UUID)" and r.report.encoding == "utf-8-sig"
    assert f["Planungsraum (Nummer)"].str.fullmatch(r"\d{8}").all()
    assert f["Stand der Daten"].value_counts().to_dict() == {"01.01.2021": 530, "01.12.2021": 12}
    assert not r.report.column("Stand der Daten").is_key  # dates are not identifiers
    assert r.report.column("Fläche in qm").dtype == "real" and f["Fläche in qm"].iloc[0] == pytest.approx(
        366933.12
    )


def test_berlin_context_k02_has_two_extra_gaps(sample_dir):
    r = read_table(sample_dir / "berlin" / "mss_2021_tab4-1_kontext-indikatoren_plr_semikolon.csv")
    assert r.report.column("K02").n_missing == 8 and r.report.column("K01").n_missing == 6
    gaps = set(r.frame.loc[r.frame["K02"].isna(), "PLR-ID"])
    assert {"05300840", "12200411"} <= gaps


# --- Flensburg ---------------------------------------------------------------------------------


def test_flensburg_german_numbers_in_comma_file(sample_dir):
    r = read_table(sample_dir / "flensburg" / "tab_1_einwohner_in_stadtteilen_2011_bis_2021.csv")
    rep, f = r.report, r.frame
    assert (rep.separator, rep.decimal, rep.header_row) == (",", ",", 0)
    assert rep.column("männlich").unit == "%" and f["männlich"].iloc[0] == pytest.approx(53.4)
    assert f["gesamt"].iloc[0] == 3866 and rep.column("2011").dtype == "integer"
    assert rep.column("id").is_key and f["id"].iloc[0] == "1"  # an id column stays text


def test_flensburg_headerless_table_with_thousands_dot(sample_dir):
    r = read_table(sample_dir / "flensburg" / "tab_9_anteil_migrationshintergrund.csv")
    rep, f = r.report, r.frame
    assert rep.header_row is None and list(f.columns) == [f"col{i}" for i in range(1, 11)]
    assert (rep.decimal, rep.thousands) == (",", ".")
    altstadt = f.set_index("col1").loc["01 Altstadt"]
    assert altstadt["col3"] == 1374 and altstadt["col7"] == 999 and altstadt["col9"] == 375
    assert altstadt["col4"] == pytest.approx(35.5) and rep.column("col4").unit == "%"
    assert f.set_index("col1").loc["03 Nordstadt", "col7"] == 4109
    assert rep.column("col2").n_missing == 13 and rep.column("col3").dtype == "integer"


@pytest.mark.parametrize("name", ["tab_6_kinder_und_jugd_bis_18.csv", "tab_7_alter_18_bis_65.csv"])
def test_flensburg_headerless_lf_tables(sample_dir, name):
    r = read_table(sample_dir / "flensburg" / name)
    assert r.report.header_row is None and r.report.n_rows == 13 and r.report.line_ending == "LF"
    assert r.frame["col1"].iloc[0] == "01 Altstadt" and r.frame["col1"].iloc[12] == "13 Tarup"


def test_flensburg_under18_2021_equals_age_table(sample_dir):
    kids = read_table(sample_dir / "flensburg" / "tab_6_kinder_und_jugd_bis_18.csv").frame
    ages = read_table(
        sample_dir / "flensburg" / "tab_5_einwohner_in_stadtteilen_2021_nach_altersgruppen.csv"
    ).frame
    assert kids["col7"].tolist() == ages["unter_18"].tolist()


def test_flensburg_mixed_quoted_and_plain_numbers(sample_dir):
    r = read_table(sample_dir / "flensburg" / "tab_18_regelleistungsberechtigte_sgb2.csv")
    f = r.frame.set_index("Stadtteil")
    assert f.loc["Nordstadt", "Anteil_in_%_2019"] == 23.0 and f.loc["Nordstadt", "Anteil_in_%_2021"] == 20.2
    assert r.report.column("Anteil_in_%_2019").dtype == "real"
    assert f.loc["Altstadt", "Anzahl_2018"] == 554 and r.report.column("Stadtteil_ID").is_key


def test_flensburg_typo_cell_keeps_column_text_and_says_where(sample_dir):
    r = read_table(sample_dir / "flensburg" / "tab_8_alter_ab_65.csv")
    assert r.report.column("col2").dtype == "text"
    assert (
        "column_not_numeric",
        {"file": "tab_8_alter_ab_65.csv", "column": "col2", "row": 7, "value": "857°"},
    ) in r.report.warnings


# --- Köln --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def koeln(sample_dir) -> ReadResult:
    return read_table(sample_dir / "koeln" / "bevoelkerung.csv")


def test_koeln_long_table_types(koeln):
    f, rep = koeln.frame, koeln.report
    assert rep.n_rows == 29135 and len(rep.columns) == 9
    assert {"000", "001", "009", "101", "909"} <= set(f["raum_id"]) and f["tab_id"].iloc[0] == "005"
    assert f["id"].iloc[0] == "010.005.2005.000.010" and rep.column("id").dtype == "text"
    assert rep.column("jahr").dtype == "integer" and rep.column("zahl").dtype == "integer"
    assert f["zahl"].iloc[0] == 1023101


def test_koeln_pivot_stadtteile_2012(koeln):
    p = pivot_long(
        koeln,
        "raum_id",
        "zeile",
        "zahl",
        year="jahr",
        select_year=2012,
        keep=["raum"],
        filters={"raum_id": lambda s: s.str.len().eq(3) & ~s.str.startswith("0")},
    )
    f = p.frame.set_index("raum_id")
    assert f.shape == (86, 39) and p.report.format == "pivot"
    assert f.loc["101", "Einwohner"] == 27515 and f.loc["101", "raum"] == "Altstadt/Süd"
    assert f.loc["101", "Männlich"] + f.loc["101", "Weiblich"] == f.loc["101", "Einwohner"]
    assert f.loc["101", "00 - < 03"] == 521 and str(f["Einwohner"].dtype) == "Int64"
    assert p.report.column("Einwohner").is_key is False and p.report.column("raum_id").is_key
    missing = {c.name: c.n_missing for c in p.report.columns if c.n_missing}  # rows absent in the long table
    assert list(missing.values()) == [2] and next(iter(missing)).startswith("verpartnert")


def test_koeln_pivot_all_years_keeps_year_in_names(koeln):
    p = pivot_long(
        koeln,
        "raum_id",
        "zeile",
        "zahl",
        year="jahr",
        filters={"raum_id": ["001", "002", "003", "004", "005", "006", "007", "008", "009"]},
    )
    f = p.frame
    assert f["raum_id"].tolist() == [f"00{i}" for i in range(1, 10)]
    assert list(f.columns[1:4]) == ["Einwohner_2005", "Einwohner_2006", "Einwohner_2007"]
    assert f.set_index("raum_id").loc["001", "Einwohner_2012"] == 127827
    assert f.shape == (9, 1 + 8 * 38) and not any(c.n_missing for c in p.report.columns)


def test_pivot_refuses_duplicates(koeln):
    with pytest.raises(TableError) as err:
        pivot_long(koeln, "raum_id", "zeile", "zahl")  # eight years on top of each other
    assert err.value.code == "long_table_ambiguous" and err.value.params["key"] == "000"


def test_pivot_carries_suppression_and_filters():
    long = pd.DataFrame(
        {
            "k": ["01", "01", "02", "02", "03"],
            "ind": ["a", "b", "a", "b", "a"],
            "v": ["1,5", "–", "2,5", "-9999", "x"],
            "j": ["2020"] * 5,
        }
    )
    r = read_frame(long, key_columns=["k"])
    p = pivot_long(r, "k", "ind", "v", year="j", select_year="2020", filters={"k": ["01", "02"]})
    assert p.frame["k"].tolist() == ["01", "02"] and list(p.frame.columns) == ["k", "a", "b"]
    assert p.suppressed["b"].tolist() == [True, False] and p.frame["a"].tolist() == [1.5, 2.5]
    assert p.report.column("b").n_suppressed == 1 and p.report.column("b").n_missing == 1
    with pytest.raises(TableError, match="column"):
        pivot_long(r, "k", "nope", "v")


# --- hand-made traps ---------------------------------------------------------------------------


def test_jobcenter_style_cp1252_file(tables_dir):
    r = read_table(tables_dir / "jobcenter_cp1252.csv")
    rep, f = r.report, r.frame
    assert (rep.encoding, rep.separator, rep.decimal, rep.thousands, rep.line_ending) == (
        "cp1252",
        ";",
        ",",
        ".",
        "CRLF",
    )
    assert rep.header_row == 1 and rep.n_rows == 5  # title line above, two note lines below skipped
    codes = [c for c, _ in rep.warnings]
    assert "preamble_dropped" in codes and "notes_dropped" in codes
    assert f["Stadtteil-Nr."].tolist() == ["001", "002", "003", "010", "011"]
    assert rep.column("Stadtteil-Nr.").original_name == "Stadtteil-Nr. "
    assert f["Stadtteil"].tolist()[2:] == ["Bärenbrück", "Ölmühle", "Weiße Mühle"]
    assert f["Einwohner"].tolist() == [12345, 9876, 1002, 15004, 874] and str(f["Einwohner"].dtype) == "Int64"
    assert f["Leistungen EUR"].tolist()[:3] == [1234.5, 987.25, 12000.0]
    assert (rep.column("Arbeitslose").n_suppressed, rep.column("Arbeitslose").n_missing) == (2, 0)
    assert (rep.column("Quote in %").n_suppressed, rep.column("Quote in %").n_missing) == (1, 1)
    assert rep.column("Anteil SGB II").unit == "%" and f["Anteil SGB II"].iloc[0] == 12.5
    assert r.suppressed["Arbeitslose"].tolist() == [False, True, False, False, True]
    assert r.missing["Quote in %"].tolist() == [False, False, False, False, True]


def test_overrides_win(tables_dir, sample_dir):
    path = tables_dir / "jobcenter_cp1252.csv"
    same = read_table(path, encoding="cp1252", sep=";", decimal=",", thousands=".", header_row=1)
    assert same.frame.equals(read_table(path).frame) and same.report.warnings[0][0] == "preamble_dropped"
    shifted = read_table(path, header_row=2)
    assert shifted.frame.columns[0] == "001" and shifted.report.n_rows == 4
    raw = read_table(path, header_row="none")
    assert raw.report.header_row is None and raw.frame["col1"].iloc[1] == "Stadtteil-Nr."
    tab9 = sample_dir / "flensburg" / "tab_9_anteil_migrationshintergrund.csv"
    dot = read_table(tab9, decimal=".")
    assert dot.frame["col3"].iloc[0] == pytest.approx(1.374) and dot.report.column("col4").dtype == "text"
    plain = read_table(tab9, thousands="")
    assert plain.report.thousands is None and plain.report.column("col3").dtype == "text"
    kept = read_table(path, suppressed_markers=[])
    assert kept.report.column("Arbeitslose").dtype == "text"
    assert (
        read_table(
            sample_dir / "flensburg" / "tab_1_einwohner_in_stadtteilen_2011_bis_2021.csv",
            key_columns=["gesamt"],
        )
        .frame["gesamt"]
        .iloc[0]
        == "3866"
    )


@pytest.mark.parametrize(
    "kwargs, code",
    [
        ({"header_row": 99}, "header_row_invalid"),
        ({"columns": ["Nope"]}, "column_not_found"),
        ({"key_columns": ["Nope"]}, "column_not_found"),
        ({"encoding": "utf-8"}, "encoding_invalid"),
        ({"encoding": "klingon"}, "option_invalid"),
        ({"decimal": ";"}, "option_invalid"),
        ({"decimal": ",", "thousands": ","}, "option_invalid"),
        ({"sep": "ab"}, "option_invalid"),
    ],
)
def test_bad_options(tables_dir, kwargs, code):
    with pytest.raises(TableError) as err:
        read_table(tables_dir / "jobcenter_cp1252.csv", **kwargs)
    assert err.value.code == code and "jobcenter" in str(err.value) or code == "option_invalid"


def test_bad_files(tables_dir, tmp_path):
    cases = {
        "ragged_row": tables_dir / "ragged.csv",
        "file_empty": tables_dir / "empty.csv",
        "file_not_found": tmp_path / "nope.csv",
        "format_unsupported": tmp_path / "x.json",
    }
    (tmp_path / "x.json").write_text("{}")
    (tmp_path / "blank.csv").write_bytes(b"\r\n  \r\n;;;\r\n")
    (tmp_path / "binary.csv").write_bytes(b"PK\x03\x04\x00\x00binary")
    cases.update({"file_empty": tmp_path / "blank.csv", "encoding_unknown": tmp_path / "binary.csv"})
    for code, path in cases.items():
        with pytest.raises(TableError) as err:
            read_table(path)
        assert err.value.code == code, (path, err.value)
    with pytest.raises(TableError) as err:
        read_table(tables_dir / "ragged.csv")
    assert err.value.params == {"file": "ragged.csv", "row": 3, "found": 4, "expected": 3}
    assert str(err.value) == "Row 3 of ragged.csv has 4 cells where the header has 3."


def write(tmp_path: Path, text: str, name: str = "t.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_layout_details(tmp_path):
    r = read_table(write(tmp_path, "a;b;;\n1;2;;\n3;4;;\n"))  # trailing separators
    assert list(r.frame.columns) == ["a", "b"] and r.frame["b"].tolist() == [2, 4]
    r = read_table(write(tmp_path, "a,a,,b\nx,1,2,3\n"))  # duplicate and empty names
    assert list(r.frame.columns) == ["a", "a_2", "col3", "b"] and r.report.warnings[0][0] == "columns_renamed"
    with pytest.raises(TableError) as err:  # short row in the middle
        read_table(write(tmp_path, "k;v;w\n1;2;3\n4;5\n6;7;8\n"))
    assert err.value.params["row"] == 3 and err.value.params["found"] == 2
    with pytest.raises(TableError) as err:  # the line number counts lines, not records
        read_table(write(tmp_path, 'k,v\n1,"two\nlines"\n3,4,5\n'))
    assert err.value.params["row"] == 4
    r = read_table(write(tmp_path, 'k;name;v\r\n01;"a;b";"1,5"\r\n02;"say ""hi""";2\r\n'))
    assert r.frame["name"].tolist() == ["a;b", 'say "hi"'] and r.frame["v"].tolist() == [1.5, 2.0]
    r = read_table(write(tmp_path, "k\tv\r1\t−3,5\r2\t4\r"))  # CR only, typographic minus
    assert (
        r.report.line_ending == "CR" and r.report.separator == "\t" and r.frame["v"].tolist() == [-3.5, 4.0]
    )
    r = read_table(write(tmp_path, "k|v\n1|5\n", encoding="utf-16"))
    assert r.report.encoding == "utf-16" and r.frame["v"].tolist() == [5]
    r = read_table(write(tmp_path, "k;v\n1;1 234,5\n2;12 000\n"))  # space as thousands mark
    assert r.report.thousands == " " and r.frame["v"].tolist() == [1234.5, 12000.0]
    r = read_table(write(tmp_path, "k,v\n1,1.5\n2,\n3,NA\n4,-9999\n5,x\n"))
    assert (r.report.column("v").n_missing, r.report.column("v").n_suppressed) == (3, 1)


def test_single_row_files(tmp_path):
    r = read_table(write(tmp_path, "001;5;7\n\n"))  # one row of data: no header
    assert r.report.header_row is None and r.frame.iloc[0].tolist() == ["001", 5, 7]
    r = read_table(write(tmp_path, "PLR_ID;EW\n"))  # a header without data
    assert r.report.header_row == 0 and list(r.frame.columns) == ["PLR_ID", "EW"] and r.report.n_rows == 0


def test_identifiers_stay_text(tmp_path):
    r = read_table(write(tmp_path, "gebiet;nr;wert;anteil\n001;7;10;0,5\n010;8;20;1,5\n1;9;30;2\n"))
    assert r.frame["gebiet"].tolist() == ["001", "010", "1"] and r.report.column("gebiet").is_key
    assert r.report.column("nr").dtype == "text"  # named like an identifier
    assert r.report.column("wert").dtype == "integer" and r.report.column("anteil").dtype == "real"
    r = read_table(write(tmp_path, "k,v\nSTGT01,1\nSTGT02,2\n"))
    assert r.frame["k"].tolist() == ["STGT01", "STGT02"]


def test_report_is_json(sample_dir):
    r = read_table(sample_dir / "flensburg" / "tab_9_anteil_migrationshintergrund.csv")
    data = json.loads(json.dumps(r.report.to_dict()))
    assert data["columns"][2]["dtype"] == "integer" and data["thousands"] == "."


# --- read_frame ---------------------------------------------------------------------------------


def test_read_frame_types_strings_and_keeps_numbers():
    df = pd.DataFrame(
        {
            "KEY": [1100101, 1100102, None],
            "name": ["A", None, "C"],
            "ew": ["1.234", "–", "17"],
            "quote": [1.5, np.nan, 2.0],
            "flag": [True, False, True],
        },
        index=[10, 11, 12],
    )
    r = read_frame(df.astype({"KEY": "Int64"}), name="layer", key_columns=["KEY"])
    f, rep = r.frame, r.report
    assert rep.format == "frame" and rep.file == "layer" and list(f.index) == [10, 11, 12]
    assert f["KEY"].tolist()[:2] == ["1100101", "1100102"] and pd.isna(f["KEY"].iloc[2])
    assert f["ew"].tolist()[0] == 1234 and r.suppressed.loc[11, "ew"] and rep.column("ew").n_suppressed == 1
    assert f["quote"].dtype == np.float64 and rep.column("quote").n_missing == 1
    assert rep.column("name").n_missing == 1 and f["flag"].tolist() == ["True", "False", "True"]


# --- sources are never touched ------------------------------------------------------------------


def test_sources_are_byte_identical_after_reading(sample_dir, tables_dir):
    paths = sorted(sample_dir.glob("*/*.csv")) + sorted(tables_dir.glob("*.csv"))
    before = {p: sha256(p) for p in paths}
    for p in paths:
        try:
            read_table(p)
        except TableError:
            pass
    assert {p: sha256(p) for p in paths} == before


def test_hundred_thousand_rows_stay_fast(tmp_path):
    import time

    n = 100_000
    keys = np.char.zfill(np.arange(n).astype(str), 8)
    values = np.char.replace(np.char.mod("%.2f", np.linspace(0, 999, n)), ".", ",")
    lines = "\n".join(f"{k};{v};{i % 500}" for k, v, i in zip(keys, values, range(n)))
    path = write(tmp_path, "Schlüssel;Quote;Anzahl\n" + lines + "\n")
    start = time.perf_counter()
    r = read_table(path)
    elapsed = time.perf_counter() - start
    assert r.report.n_rows == n and r.frame["Schlüssel"].iloc[7] == "00000007"
    assert elapsed < 10  # generous (shared CI machines); about 0.3 s on a quiet laptop
