"""Years as data in QGIS: yearly and long tables joined, the report's series table and year columns
(read back with QGIS), hidden cells hidden in every year, the same series from a long table."""
from __future__ import annotations

import json
import math
import shutil

import pytest

DEFINITION = "sozialmonitoring_flensburg.json"
YEARS = (2019, 2020, 2021)


def _layer(path, name):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
    assert layer.isValid(), (path, name)
    return layer


def _rows(layer, fields):
    out = []
    for feature in layer.getFeatures():
        out.append({f: (None if feature[f] is None or (hasattr(feature[f], "isNull") and feature[f].isNull())
                        else feature[f]) for f in fields})
    return out


def _definition(sample_dir, tmp_path, **changes):
    """The sample definition with absolute paths, without maps and pages (the data steps only)."""
    folder = sample_dir / "flensburg"
    data = json.loads((folder / DEFINITION).read_text(encoding="utf-8"))
    data["boundaries"] = str(folder / data["boundaries"])
    for table in data["tables"]:
        table["path"] = str(folder / table["path"])
    data.pop("maps"), data.pop("profiles")
    data.update(changes)
    path = tmp_path / "definition.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def _run(definition, folder):
    import processing

    return processing.run("sozialraum:report", {"DEFINITION": definition, "OUTPUT_FOLDER": str(folder)})


@pytest.fixture(scope="module")
def report(provider, sample_dir, tmp_path_factory):
    """The sample monitoring definition as it is, maps and pages included."""
    folder = tmp_path_factory.mktemp("monitoring")
    _run(str(sample_dir / "flensburg" / DEFINITION), folder)
    return folder


def test_jointable_joins_a_yearly_table_and_a_table_with_a_year_column(provider, sample_dir, tmp_path):
    import processing

    folder = sample_dir / "flensburg"
    common = {"INPUT": str(folder / "Stadtteile.shp"), "INPUT_KEY": "AREA_ID", "TABLE_KEY": "Stadtteil_ID"}
    yearly = processing.run("sozialraum:jointable", {
        **common, "TABLE": str(folder / "jahre" / "sgb2_2020.csv"), "TABLE_YEAR": "2020",
        "FIELDS": "Regelleistungsberechtigte,EW_unter_65", "OUTPUT": str(tmp_path / "jahr.gpkg")})
    long = processing.run("sozialraum:jointable", {
        **common, "TABLE": str(folder / "jahre" / "sgb2_2019_bis_2021_lang.csv"), "LONG_YEAR": "Jahr",
        "FIELDS": "Regelleistungsberechtigte,EW_unter_65", "OUTPUT": str(tmp_path / "lang.gpkg")})
    assert yearly["MATCHED"] == long["MATCHED"] == 13
    a = _layer(str(tmp_path / "jahr.gpkg"), "jahr")
    b = _layer(str(tmp_path / "lang.gpkg"), "lang")
    assert [n for n in a.fields().names() if "_20" in n] == ["Regelleistungsberechtigte_2020", "EW_unter_65_2020"]
    assert [n for n in b.fields().names() if "_20" in n] == [
        f"{c}_{y}" for c in ("Regelleistungsberechtigte", "EW_unter_65") for y in YEARS]
    fields = ["AREA_ID", "Regelleistungsberechtigte_2020", "EW_unter_65_2020"]
    assert sorted(_rows(a, fields), key=str) == sorted(_rows(b, fields), key=str)
    altstadt = [r for r in _rows(b, ["AREA_ID", "Regelleistungsberechtigte_2019"]) if r["AREA_ID"] == "STGT01"]
    assert altstadt[0]["Regelleistungsberechtigte_2019"] == 532


def test_report_writes_the_series_table_and_the_year_columns(report):
    published = str(report / "sozialraum.gpkg")
    table = _layer(published, "series")
    assert not table.isSpatial()
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(published)) as db:
        kinds = dict(db.execute("SELECT table_name, data_type FROM gpkg_contents"))
    assert kinds["series"] == "attributes" and kinds["sozialraum"] == "features"
    assert [f.name() for f in table.fields() if f.name() != "fid"] == [
        "key", "indicator", "year", "value", "numerator", "denominator", "shown"]
    rows = _rows(table, ["key", "indicator", "year", "value", "numerator", "denominator", "shown"])
    assert len(rows) == 13 * 5 * 3 and {r["indicator"] for r in rows} == {"Q", "S3", "K", "SGB2", "EW"}
    cell = next(r for r in rows if (r["key"], r["indicator"], r["year"]) == ("STGT01", "Q", 2019))
    assert (cell["numerator"], cell["denominator"], cell["shown"]) == (532, 3373, True)
    assert cell["value"] == pytest.approx(532 / 3373 * 100, abs=1e-9)
    assert next(r for r in rows if (r["key"], r["indicator"], r["year"]) == ("STGT13", "S3", 2020))["value"] == 2.3
    assert _layer(str(report / "sozialraum_intern.gpkg"), "series").featureCount() == len(rows)
    layer = _layer(published, "sozialraum")
    names = layer.fields().names()
    for ident in ("Q", "S3", "K", "SGB2", "EW"):
        assert {f"{ident}_{y}" for y in YEARS} | {ident} <= set(names), ident
    districts = {r["AREA_ID"]: r for r in _rows(layer, ["AREA_ID", "Q", "Q_2019", "Q_2021", "S3", "D3", "DQ",
                                                           "dynamic_index"])}
    altstadt = districts["STGT01"]
    assert altstadt["Q"] == altstadt["Q_2021"] == pytest.approx(475 / 3453 * 100)
    assert altstadt["D3"] == pytest.approx(13.4 - 15.8) and altstadt["S3"] == 13.4
    assert altstadt["DQ"] == pytest.approx(475 / 3453 * 100 - 532 / 3373 * 100)
    assert all(r["dynamic_index"] is not None for r in districts.values())  # the changes feed the dynamic index
    for r in rows:  # the layer's year columns are the series' values
        if r["indicator"] == "Q" and r["year"] in (2019, 2021):
            assert districts[r["key"]][f"Q_{r['year']}"] == pytest.approx(r["value"])
    assert (report / "Karten.pdf").exists() and (report / "Sozialraumprofile.pdf").exists()


def test_hidden_cells_are_hidden_in_every_year(provider, sample_dir, tmp_path):
    folder = tmp_path / "jahre"
    shutil.copytree(sample_dir / "flensburg" / "jahre", folder)
    for year, row, column, value in ((2020, "5;", 2, "2"), (2021, "13;", 8, "250")):
        path = folder / f"sgb2_{year}.csv"
        lines = path.read_text(encoding="utf-8").splitlines()
        for n, line in enumerate(lines):
            if line.startswith(row):
                cells = line.split(";")
                cells[column] = value  # Friesischer Berg: 2 SGB II in 2020; Tarup: 250 under 65 in 2021
                lines[n] = ";".join(cells)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    definition = json.loads((sample_dir / "flensburg" / DEFINITION).read_text(encoding="utf-8"))
    tables = [{**t, "path": str(folder / t["path"].split("/")[-1])} for t in definition["tables"]]
    out = tmp_path / "out"
    _run(_definition(sample_dir, tmp_path, tables=tables), out)
    table = _rows(_layer(str(out / "sozialraum.gpkg"), "series"),
                  ["key", "indicator", "year", "value", "numerator", "denominator", "shown"])
    hidden = [r for r in table if not r["shown"]]
    assert {(r["indicator"], r["year"]) for r in table if r["key"] == "STGT05" and not r["shown"]} >= {
        ("Q", 2020), ("SGB2", 2020)}
    assert all(r["shown"] for r in table if r["key"] == "STGT05" and r["year"] != 2020)
    assert all(not r["shown"] for r in table if r["key"] == "STGT13")  # below 300: every year, every indicator
    assert all(r["value"] is None and r["numerator"] is None and r["denominator"] is None for r in hidden)
    assert all(r["value"] is not None for r in table if r["shown"])
    layer = _layer(str(out / "sozialraum.gpkg"), "sozialraum")
    names = [f"{i}_{y}" for i in ("Q", "S3", "K", "SGB2", "EW") for y in YEARS]
    districts = {r["AREA_ID"]: r for r in _rows(layer, ["AREA_ID", "suppressed_fields", *names])}
    for r in table:  # the layer's year columns agree with the series, cell by cell
        cell = districts[r["key"]][f"{r['indicator']}_{r['year']}"]
        if r["shown"]:
            assert cell == pytest.approx(r["value"]), r
        else:
            assert cell is None, r
            assert f"{r['indicator']}_{r['year']}" in districts[r["key"]]["suppressed_fields"].split(",")
    internal = _rows(_layer(str(out / "sozialraum_intern.gpkg"), "series"), ["key", "indicator", "year", "value",
                                                                             "shown"])
    raw = next(r for r in internal if (r["key"], r["indicator"], r["year"]) == ("STGT05", "SGB2", 2020))
    assert raw["value"] == 2 and raw["shown"] is False  # the internal file keeps the value, marked


def test_a_long_table_gives_the_same_series_as_yearly_tables(provider, sample_dir, tmp_path, report):
    long = [{"path": "jahre/sgb2_2019_bis_2021_lang.csv", "key": "Stadtteil_ID", "year_column": "Jahr",
             "fields": ["Regelleistungsberechtigte", "SGB2_Anteil", "NEF", "NEF_Anteil", "EW_unter_65"]}]
    definition = json.loads((sample_dir / "flensburg" / DEFINITION).read_text(encoding="utf-8"))
    long[0]["path"] = str(sample_dir / "flensburg" / long[0]["path"])
    out = tmp_path / "lang"
    _run(_definition(sample_dir, tmp_path, tables=long, report_year=2021), out)
    fields = ["key", "indicator", "year", "value", "numerator", "denominator", "shown"]
    a = sorted(_rows(_layer(str(out / "sozialraum_intern.gpkg"), "series"), fields),
               key=lambda r: (r["indicator"], r["year"], r["key"]))
    b = sorted(_rows(_layer(str(report / "sozialraum_intern.gpkg"), "series"), fields),
               key=lambda r: (r["indicator"], r["year"], r["key"]))
    assert len(a) == len(b) == 195 and definition["period"] == 2
    for x, y in zip(a, b):
        assert {k: v for k, v in x.items() if k != "value"} == {k: v for k, v in y.items() if k != "value"}
        assert math.isclose(x["value"], y["value"], abs_tol=1e-12)
    d3 = [r for r in _rows(_layer(str(out / "sozialraum.gpkg"), "sozialraum"), ["AREA_ID", "D3"])
          if r["AREA_ID"] == "STGT03"]
    assert d3[0]["D3"] == pytest.approx(20.2 - 23)


def test_a_year_missing_from_a_long_table_is_named_before_anything_is_written(provider, sample_dir, tmp_path):
    from qgis.core import QgsProcessingException

    long = [{"path": str(sample_dir / "flensburg" / "jahre" / "sgb2_2019_bis_2021_lang.csv"), "key": "Stadtteil_ID",
             "year_column": "Jahr"}]
    definition = _definition(sample_dir, tmp_path, tables=long, report_year=2021, period=3)
    out = tmp_path / "out"
    with pytest.raises(QgsProcessingException, match="The indicator D3 needs the year 2018, but the tables hold "
                                                     "the years 2019, 2020, 2021"):
        _run(definition, out)
    assert not (out / "sozialraum.gpkg").exists()


def test_the_mss_dynamic_index_takes_the_changes_from_the_series(provider, sample_dir, tmp_path):
    """MSS preset: the dynamics D (here DQ from counts, D3 of the published shares) enter the dynamic
    index as precomputed columns did: z-scores (population SD) over the valid areas, summed, standardised."""
    import numpy as np

    index = {"preset": "mss", "status": ["Q", "K"], "dynamic": ["DQ", "D3"], "population": "EW",
             "min_population": 300, "exclude": "", "weights": {}}
    out = tmp_path / "mss"
    _run(_definition(sample_dir, tmp_path, index=index), out)
    rows = _rows(_layer(str(out / "sozialraum_intern.gpkg"), "sozialraum_intern"),
                 ["AREA_ID", "DQ", "D3", "dynamic_index", "dynamic_class"])
    dq, d3 = (np.array([r[f] for r in rows], dtype=float) for f in ("DQ", "D3"))

    def z(values):
        return (values - values.mean()) / values.std(ddof=0)

    expected = z(z(dq) + z(d3))
    assert np.allclose([r["dynamic_index"] for r in rows], expected, atol=1e-9)
    classes = np.where(expected <= -1.0, "positiv", np.where(expected < 1.0, "stabil", "negativ"))
    assert [r["dynamic_class"] for r in rows] == classes.tolist()
    nordstadt = next(r for r in rows if r["AREA_ID"] == "STGT03")
    assert nordstadt["DQ"] == pytest.approx(2170 / (2164 + 8419) * 100 - 2352 / (2068 + 8173) * 100)
