"""join_table on the real boundaries and tables, and on the traps: duplicates, clashes, wrong tables."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

try:
    from hypothesis import given, settings
    from hypothesis import strategies as st
except ImportError:  # property tests need hypothesis (see .venv); everything else runs without it
    from conftest import given, settings, st

from sozialraum_plugin.core.errors import MESSAGES, JoinError
from sozialraum_plugin.core.tables.join import join_table
from sozialraum_plugin.core.tables.join_report import english
from sozialraum_plugin.core.tables.keys import KeyTransform
from sozialraum_plugin.core.tables.read import pivot_long, read_table


@pytest.fixture(scope="module")
def berlin(read_dbf, sample_dir) -> pd.DataFrame:
    return read_dbf(sample_dir / "berlin" / "lor_planungsraeume_2021.dbf")


@pytest.fixture(scope="module")
def flensburg(read_dbf, sample_dir) -> pd.DataFrame:
    return read_dbf(sample_dir / "flensburg" / "Stadtteile.shp")


@pytest.mark.parametrize(
    "name, key",
    [
        ("mss_2021_index_indikatoren.csv", "PLR_ID"),
        ("mss_2021_indizes.csv", "PLR_ID"),
        ("mss_2021_joined.csv", "PLR_ID"),
        ("mss_2021_tab3_index-indikatoren_z-werte_plr_semikolon.csv", "PLR-ID"),
        ("mss_2021_tab4-1_kontext-indikatoren_plr_semikolon.csv", "PLR-ID"),
        ("einwohnerbestand_2022-06_plr_semikolon.csv", "PLR-ID"),
        ("lor_2021_hierarchie.csv", "Planungsraum (Nummer)"),
    ],
)
def test_berlin_tables_join_completely(berlin, sample_dir, name, key):
    table = read_table(sample_dir / "berlin" / name, key_columns=[key])
    j = join_table(berlin, "PLR_ID", table, key)
    rep = j.report
    assert (rep.matched, rep.n_districts, rep.n_rows, rep.transform, rep.verdict) == (
        542,
        542,
        542,
        None,
        None,
    )
    assert not (rep.districts_without_row or rep.rows_without_district or rep.duplicate_keys)
    assert list(j.frame.columns[: len(berlin.columns)]) == list(berlin.columns)
    assert key not in j.frame.columns or key == "PLR_ID" and list(j.frame.columns).count("PLR_ID") == 1
    assert j.frame["PLR_ID"].tolist() == berlin["PLR_ID"].tolist()  # order of the districts kept


def test_berlin_values_dtypes_and_clashes(berlin, sample_dir):
    table = read_table(sample_dir / "berlin" / "mss_2021_index_indikatoren.csv")
    j = join_table(berlin.set_index(pd.RangeIndex(1000, 1542)), "PLR_ID", table, "PLR_ID")
    f = j.frame.set_index("PLR_ID")
    assert list(j.frame.index[:2]) == [1000, 1001]
    assert f.loc["01100101", "S1"] == pytest.approx(4.22594) and f.loc["01100101", "EW"] == 3419
    assert str(f["EW"].dtype) == "Int64" and f["S1"].dtype == np.float64 and f["KOM"].dtype == object
    assert j.report.columns_renamed == {"PLR_NAME": "tbl_PLR_NAME"}
    assert (f["PLR_NAME"] == f["tbl_PLR_NAME"]).sum() == 539  # 3 names are spelled differently
    assert pd.isna(f.loc["03300515", "S1"])


def test_suppression_survives_the_join(berlin, sample_dir):
    table = read_table(sample_dir / "berlin" / "einwohnerbestand_2022-06_plr_semikolon.csv")
    j = join_table(berlin, "PLR_ID", table, "PLR-ID", columns=["Gesamt", "unter6"])
    assert list(j.frame.columns) == list(berlin.columns) + ["Gesamt", "unter6"]
    mask = j.suppressed.set_axis(j.frame["PLR_ID"])
    assert mask.loc["03400831"].all() and int(mask["unter6"].sum()) == 4
    assert pd.isna(j.frame.set_index("PLR_ID").loc["03400831", "Gesamt"])


def test_berlin_keys_that_lost_their_zeros(berlin, sample_dir):
    table = read_table(sample_dir / "berlin" / "mss_2021_index_indikatoren.csv").frame
    table = table.assign(PLR_ID=table["PLR_ID"].astype(int))  # as Excel would have it
    j = join_table(berlin, "PLR_ID", table, "PLR_ID")
    assert j.report.exact_matched < 542 and j.report.matched == 542
    assert j.report.transform.kind == "pad_zeros" and j.report.transform.params == {"width": 8}
    assert j.report.summary_lines()[1][0] == "transform_pad_zeros"


def test_koeln_stadtteile_and_bezirke(read_dbf, sample_dir):
    long = read_table(sample_dir / "koeln" / "bevoelkerung.csv")
    teile = pivot_long(
        long,
        "raum_id",
        "zeile",
        "zahl",
        year="jahr",
        select_year="2012",
        filters={"raum_id": lambda s: s.str.len().eq(3) & ~s.str.startswith("0")},
    )
    stt = read_dbf(sample_dir / "koeln" / "Stadtteil.shp")
    j = join_table(stt, "STT_NR", teile, "raum_id")
    assert (j.report.matched, j.report.transform) == (86, None)
    assert j.frame.set_index("STT_NR").loc["101", "Einwohner"] == 27515
    bezirke = pivot_long(
        long,
        "raum_id",
        "zeile",
        "zahl",
        year="jahr",
        select_year=2012,
        filters={"raum_id": [f"00{i}" for i in range(1, 10)]},
    )
    stb = read_dbf(sample_dir / "koeln" / "Stadtbezirk.shp")
    auto = join_table(stb, "STB_NR", bezirke, "raum_id")
    assert (auto.report.exact_matched, auto.report.matched) == (0, 9) and auto.report.verdict is None
    assert auto.frame.set_index("STB_NR").loc["1", "Einwohner"] == 127827
    exact = join_table(stb, "STB_NR", bezirke, "raum_id", transform=None)
    codes = [c for c, _ in exact.report.hints]
    assert exact.report.verdict[0] == "join_no_match" and codes[:2] == [
        "join_hint_transform",
        "join_hint_key_scheme",
    ]
    assert (
        exact.report.hints[1][1]["district_scheme"] == "1 digit"
        and exact.report.hints[1][1]["table_scheme"] == "3 digits"
    )


@pytest.mark.parametrize(
    "table_name, table_key, district_key, kind",
    [
        ("tab_1_einwohner_in_stadtteilen_2011_bis_2021.csv", "id", "AREA_ID", "prefix"),
        ("tab_1_einwohner_in_stadtteilen_2011_bis_2021.csv", "stadtteil", "AREA_NAME", "name"),
        ("tab_18_regelleistungsberechtigte_sgb2.csv", "Stadtteil_ID", "AREA_ID", "prefix"),
        ("tab_20_nichterwerbsfaehige_leistungsberechtigte_sgb2.csv", "Stadtteil", "AREA_NAME", "name"),
        ("tab_9_anteil_migrationshintergrund.csv", "col1", "AREA_NAME", None),
        ("tab_6_kinder_und_jugd_bis_18.csv", "col1", "AREA_NAME", None),
    ],
)
def test_flensburg_joins_completely(flensburg, sample_dir, table_name, table_key, district_key, kind):
    j = join_table(flensburg, district_key, read_table(sample_dir / "flensburg" / table_name), table_key)
    assert j.report.matched == 13 and (j.report.transform.kind if j.report.transform else None) == kind


def test_flensburg_migration_values(flensburg, sample_dir):
    table = read_table(sample_dir / "flensburg" / "tab_9_anteil_migrationshintergrund.csv")
    f = join_table(flensburg, "AREA_NAME", table, "col1").frame.set_index("AREA_ID")
    assert f.loc["STGT01", "col3"] == 1374 and f.loc["STGT01", "col4"] == pytest.approx(35.5)


def test_wrong_key_column_gets_a_verdict_with_a_name_hint(flensburg, sample_dir):
    table = read_table(sample_dir / "flensburg" / "tab_9_anteil_migrationshintergrund.csv")
    rep = join_table(flensburg, "AREA_ID", table, "col1").report
    assert rep.matched == 0 and rep.verdict == (
        "join_no_match",
        {"file": "tab_9_anteil_migrationshintergrund.csv"},
    )
    hints = dict(rep.hints)
    assert hints["join_hint_key_scheme"]["district_scheme"] == "letters + digits"
    assert (
        hints["join_hint_names"]["district_column"] == "AREA_NAME"
        and hints["join_hint_names"]["matched"] == 13
    )
    assert hints["join_hint_names"]["examples"].startswith("03 Nordstadt = 03 Nordstadt")


def test_tables_that_do_not_belong_together(read_dbf, sample_dir):
    stt = read_dbf(sample_dir / "koeln" / "Stadtteil.shp")
    table = read_table(sample_dir / "berlin" / "mss_2021_index_indikatoren.csv")
    rep = join_table(stt, "STT_NR", table, "PLR_ID").report
    hints = dict(rep.hints)
    assert rep.verdict[0] == "join_no_match" and len(rep.rows_without_district) == 542
    assert (
        hints["join_hint_key_scheme"]["district_scheme"],
        hints["join_hint_key_scheme"]["table_scheme"],
    ) == ("3 digits", "8 digits")
    assert hints["join_hint_area_count"] == {"n_districts": 86, "n_table": 542}


def test_duplicate_keys_are_not_joined(tables_dir):
    table = read_table(tables_dir / "duplicate_keys.csv")
    districts = pd.DataFrame({"key": ["01", "02", "04", None, "01"], "Wert": [1, 2, 3, 4, 5]})
    j = join_table(districts, "key", table, "Schlüssel")
    rep, f = j.report, j.frame
    assert f["tbl_Wert"].iloc[0] == 10 and f["tbl_Wert"].iloc[4] == 10 and pd.isna(f["tbl_Wert"].iloc[1])
    assert rep.duplicate_keys == ["02"] and rep.districts_with_duplicate_rows == 1
    assert rep.districts_without_row == ["04"] and rep.null_district_keys == 1
    assert rep.rows_without_district == ["03"] and rep.duplicate_district_keys == ["01"]
    assert rep.matched == 2 and rep.columns_renamed == {"Wert": "tbl_Wert"}
    codes = [c for c, _ in rep.summary_lines()]
    assert codes == [
        "join_summary",
        "join_districts_without_row",
        "join_null_district_keys",
        "join_rows_without_district",
        "join_duplicate_keys",
        "join_duplicate_district_keys",
        "join_columns_renamed",
    ]


def test_summary_lines_and_json(tables_dir):
    table = read_table(tables_dir / "duplicate_keys.csv")
    districts = pd.DataFrame({"key": ["1", "2", "3", "9"], "tbl_Wert": 0, "Wert": 0})
    rep = join_table(districts, "key", table, "Schlüssel").report
    assert rep.transform.kind in ("strip_zeros", "pad_zeros") and rep.columns_renamed == {
        "Wert": "tbl_Wert_2"
    }
    for code, params in rep.summary_lines():
        assert code in MESSAGES and "{" not in english(code, params)
    data = json.loads(json.dumps(rep.to_dict()))
    assert data["transform"]["kind"] == rep.transform.kind and data["summary"][0]["text"].startswith("2 of 4")


def test_few_matches_verdict():
    districts = pd.DataFrame({"k": [f"{i:03d}" for i in range(100)]})
    table = pd.DataFrame({"k": ["001", "999", "998"], "v": [1, 2, 3]})
    rep = join_table(districts, "k", table, "k").report
    assert rep.verdict == ("join_few_matches", {"file": "table", "matched": 1, "n_districts": 100})


def test_auto_keeps_exact_when_a_transform_only_ties():
    districts = pd.DataFrame({"k": ["1", "2", "x"]})
    table = pd.DataFrame({"k": ["1", "2", "y"], "v": [1, 2, 3]})
    j = join_table(districts, "k", table, "k")
    assert j.report.transform is None and j.report.matched == 2


def test_explicit_transforms():
    districts = pd.DataFrame({"k": ["STGT01", "STGT02"]})
    table = pd.DataFrame({"id": [1, 2], "v": [5.0, 6.0]})
    assert join_table(districts, "k", table, "id", transform=None).report.matched == 0
    assert join_table(districts, "k", table, "id", transform="prefix").report.matched == 2  # prefix found
    assert join_table(districts, "k", table, "id", transform="pad_zeros").report.matched == 0  # none fits
    with pytest.raises(JoinError):
        join_table(districts, "k", table, "id", transform="soundex")
    tr = KeyTransform("prefix", {"prefix": "STGT"})
    j = join_table(districts, "k", table, "id", transform=tr)
    assert j.report.matched == 2 and j.frame["v"].tolist() == [5.0, 6.0] and "id" not in j.frame.columns


def test_join_errors():
    districts = pd.DataFrame({"k": ["1"]})
    table = pd.DataFrame({"k": ["1"], "v": [1]})
    for kwargs, code in (
        ({"district_key": "nope"}, "join_column_not_found"),
        ({"table_key": "nope"}, "join_column_not_found"),
        ({"columns": ["nope"]}, "join_column_not_found"),
    ):
        args = {"district_key": "k", "table_key": "k", **kwargs}
        with pytest.raises(JoinError) as err:
            join_table(districts, args.pop("district_key"), table, args.pop("table_key"), **args)
        assert err.value.code == code
    with pytest.raises(JoinError, match="empty in every row"):
        join_table(districts, "k", pd.DataFrame({"k": [None, ""], "v": [1, 2]}), "k")
    with pytest.raises(JoinError) as err:
        join_table(pd.DataFrame({"k": [None]}), "k", table, "k", districts_name="Stadtteile")
    assert err.value.params == {"column": "k", "file": "Stadtteile"}


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.integers(0, 60), min_size=1, max_size=40, unique=True),
    st.lists(st.integers(0, 80), min_size=1, max_size=60),
    st.integers(1, 4),
    st.integers(1, 4),
)
def test_every_district_is_accounted_for(district_numbers, table_numbers, d_width, t_width):
    districts = pd.DataFrame({"k": [str(n).zfill(d_width) for n in district_numbers]})
    table = pd.DataFrame(
        {"k": [str(n).zfill(t_width) for n in table_numbers], "v": range(len(table_numbers))}
    )
    j = join_table(districts, "k", table, "k")
    rep = j.report
    assert rep.matched + len(rep.districts_without_row) + rep.districts_with_duplicate_rows == len(districts)
    assert j.frame["v"].notna().sum() == rep.matched and len(j.frame) == len(districts)
    if rep.transform is None and d_width == t_width:
        counts = pd.Series(table_numbers).value_counts()
        expected = sum(1 for n in district_numbers if counts.get(n, 0) == 1)
        assert rep.matched == expected
    for n, value in zip(district_numbers, j.frame["v"]):  # a joined row really carries that key
        if pd.notna(value):
            assert table_numbers[int(value)] == n


def test_hundred_thousand_districts_join_fast():
    import time

    n = 100_000
    keys = np.char.zfill(np.arange(n).astype(str), 8)
    districts = pd.DataFrame({"KEY": keys[::-1], "name": "x"})
    table = pd.DataFrame({"KEY": np.arange(n), "v": np.arange(n) * 0.5})  # keys lost their zeros
    start = time.perf_counter()
    j = join_table(districts, "KEY", table, "KEY")
    assert time.perf_counter() - start < 10  # generous; about 0.4 s here
    assert j.report.matched == n and j.frame["v"].iloc[0] == (n - 1) * 0.5
