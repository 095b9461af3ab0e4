"""read_table on XLSX and ODS workbooks (through OGR): sheets by name or number, broken files,
no reader installed. Apart from test_tables.py because these write their own workbooks with OGR and
skip where osgeo is missing, while the CSV tests need nothing but pandas."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from conftest import sha256

from sozialraum_plugin.core.errors import TableError
from sozialraum_plugin.core.tables.read import read_table

# --- XLSX / ODS through OGR -----------------------------------------------------------------------


def _write_sheet(path: Path, driver: str):
    ogr = pytest.importorskip("osgeo.ogr")
    ds = ogr.GetDriverByName(driver).CreateDataSource(str(path))
    layer = ds.CreateLayer("Daten", geom_type=ogr.wkbNone)
    for name, kind in (
        ("PLR_ID", ogr.OFTString),
        ("EW", ogr.OFTInteger),
        ("S1", ogr.OFTReal),
        ("Note", ogr.OFTString),
    ):
        layer.CreateField(ogr.FieldDefn(name, kind))
    for key, ew, s1, note in (
        ("01100101", 3419, 4.25, "gültig"),
        ("01100102", None, None, "–"),
        ("12100101", 120, 1.5, "x"),
    ):
        feat = ogr.Feature(layer.GetLayerDefn())
        feat.SetField("PLR_ID", key)
        if ew is not None:
            feat.SetField("EW", ew)
        if s1 is not None:
            feat.SetField("S1", s1)
        feat.SetField("Note", note)
        layer.CreateFeature(feat)
    other = ds.CreateLayer("Zweites Blatt", geom_type=ogr.wkbNone)
    other.CreateField(ogr.FieldDefn("a", ogr.OFTString))
    feat = ogr.Feature(other.GetLayerDefn())
    feat.SetField("a", "z")
    other.CreateFeature(feat)
    ds = None
    return path


@pytest.mark.parametrize("suffix, driver", [("xlsx", "XLSX"), ("ods", "ODS")])
def test_spreadsheets(tmp_path, suffix, driver):
    gdal = pytest.importorskip("osgeo.gdal")
    path = _write_sheet(tmp_path / f"t.{suffix}", driver)
    before = sha256(path)
    r = read_table(path, sheet="Daten")
    rep, f = r.report, r.frame
    assert (rep.format, rep.sheet, rep.header_row, rep.n_rows) == (suffix, "Daten", 0, 3)
    assert f["PLR_ID"].tolist() == ["01100101", "01100102", "12100101"]
    assert f["EW"].tolist()[0] == 3419 and pd.isna(f["EW"].iloc[1]) and f["S1"].iloc[0] == 4.25
    assert rep.column("Note").dtype == "text" and f["Note"].iloc[1] == "–"
    assert read_table(path, sheet=0).frame.equals(f) and read_table(path).report.sheet == "Daten"
    with pytest.raises(TableError) as err:
        read_table(path, sheet="Tabelle9")
    assert err.value.code == "sheet_not_found" and "Zweites Blatt" in err.value.params["sheets"]
    assert gdal.GetConfigOption(f"OGR_{driver}_HEADERS") is None  # options restored
    assert sha256(path) == before


def test_broken_spreadsheet_and_unexpected_errors(tmp_path, tables_dir, monkeypatch):
    ogr = pytest.importorskip("osgeo.ogr")
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    for exceptions in (False, True):
        (ogr.UseExceptions if exceptions else ogr.DontUseExceptions)()
        try:
            with pytest.raises(TableError) as err:
                read_table(broken)
        finally:
            ogr.DontUseExceptions()
        assert err.value.code == "file_unreadable" and err.value.params["file"] == "broken.xlsx"
    import sozialraum_plugin.core.tables.read as tables

    def boom(*args, **kwargs):
        raise ValueError("something inside pandas")

    monkeypatch.setattr(tables, "_finish", boom)
    with pytest.raises(TableError) as err:
        read_table(tables_dir / "jobcenter_cp1252.csv")
    assert err.value.code == "file_unreadable" and "ValueError" in err.value.params["reason"]


def test_spreadsheet_without_gdal_names_the_missing_reader(tmp_path, monkeypatch):
    import builtins

    path = _write_sheet(tmp_path / "t.ods", "ODS")
    real_import = builtins.__import__

    def no_osgeo(name, *args, **kwargs):
        if name.startswith("osgeo") or name in ("odf", "openpyxl"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_osgeo)
    with pytest.raises(TableError) as err:
        read_table(path)
    assert err.value.code in ("reader_missing", "file_unreadable")
