"""sozialraum:indicators on Flensburg's real counts, checked against pandas on the raw CSV files."""
from __future__ import annotations

import hashlib
import json
import math
import sqlite3

import pandas as pd
import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

Z95 = 1.959963984540054


def _number(value) -> float:
    return float(str(value).replace(".", "").replace(",", ".")) if isinstance(value, str) else float(value)


@pytest.fixture(scope="module")
def flensburg(provider, sample_dir, tmp_path_factory):
    """Stadtteile joined with residents (tab_1) and SGB II counts (tab_18) by the plugin."""
    import processing

    folder = sample_dir / "flensburg"
    out = tmp_path_factory.mktemp("indicators")
    step1 = processing.run("sozialraum:jointable", {
        "INPUT": str(folder / "Stadtteile.shp"), "INPUT_KEY": "AREA_ID",
        "TABLE": str(folder / "tab_1_einwohner_in_stadtteilen_2011_bis_2021.csv"), "TABLE_KEY": "id",
        "FIELDS": "2018,2019,2020,gesamt", "OUTPUT": str(out / "step1.gpkg")})
    step2 = processing.run("sozialraum:jointable", {
        "INPUT": step1["OUTPUT"], "INPUT_KEY": "AREA_ID",
        "TABLE": str(folder / "tab_18_regelleistungsberechtigte_sgb2.csv"), "TABLE_KEY": "Stadtteil_ID",
        "OUTPUT": str(out / "joined.gpkg")})
    # The expected values straight from the CSV files, by pandas
    ew = pd.read_csv(folder / "tab_1_einwohner_in_stadtteilen_2011_bis_2021.csv", dtype=str)
    sgb = pd.read_csv(folder / "tab_18_regelleistungsberechtigte_sgb2.csv", dtype=str)
    raw = ew.merge(sgb, left_on="id", right_on="Stadtteil_ID")
    raw.index = [f"STGT{int(i):02d}" for i in raw["id"]]
    raw = raw.drop(columns=["id", "stadtteil", "Stadtteil_ID", "Stadtteil", "männlich", "weiblich"])
    raw = raw.map(_number) if hasattr(pd.DataFrame, "map") else raw.applymap(_number)  # pandas 2.1 renamed it
    return {"folder": out, "joined": out / "joined.gpkg", "uri": step2["OUTPUT"], "raw": raw}


def run(flensburg, name, **params):
    import processing

    dest = flensburg["folder"] / f"{name}.gpkg"
    result = processing.run("sozialraum:indicators", {"INPUT": flensburg["uri"], "KEY_FIELD": "AREA_ID",
                                                      "OUTPUT": str(dest), **params})
    layer = QgsVectorLayer(result["OUTPUT"], name, "ogr")
    assert layer.isValid()
    values = {f["AREA_ID"]: {n: f[n] for n in layer.fields().names()} for f in layer.getFeatures()}
    return result, values, dest


@pytest.fixture(scope="module")
def derived(flensburg):
    before = hashlib.sha256(flensburg["joined"].read_bytes()).hexdigest()
    result = run(flensburg, "derived", RATES="sgb2_ew=Anzahl_2021/gesamt",
                 CHANGES="d_sgb2_ew=Anzahl/{year}:2018-2020;d_anteil=Anteil_in_%:2019-2021|Pp.",
                 SMOOTH=True, INTERVALS=True)
    assert hashlib.sha256(flensburg["joined"].read_bytes()).hexdigest() == before  # input untouched
    return result


def test_rate_and_changes_equal_pandas_on_the_raw_tables(flensburg, derived):
    result, values, _ = derived
    raw = flensburg["raw"]
    assert result["FIELDS"] == "sgb2_ew,sgb2_ew_eb,sgb2_ew_lo,sgb2_ew_hi,d_sgb2_ew,d_anteil"
    assert len(values) == 13
    for key, row in raw.iterrows():
        got = values[key]
        assert got["sgb2_ew"] == pytest.approx(row["Anzahl_2021"] / row["gesamt"] * 100, abs=1e-9)
        change = row["Anzahl_2020"] / row["2020"] * 100 - row["Anzahl_2018"] / row["2018"] * 100
        assert got["d_sgb2_ew"] == pytest.approx(change, abs=1e-9)
        assert got["d_anteil"] == pytest.approx(row["Anteil_in_%_2021"] - row["Anteil_in_%_2019"], abs=1e-9)
    # Nordstadt: 2,170 of 12,525 residents
    assert values["STGT03"]["sgb2_ew"] == pytest.approx(2170 / 12525 * 100)


def test_empirical_bayes_and_wilson_by_hand(flensburg, derived):
    _, values, _ = derived
    raw = flensburg["raw"]
    y, n = raw["Anzahl_2021"], raw["gesamt"]
    b = y.sum() / n.sum()
    s2 = (n * (y / n - b) ** 2).sum() / n.sum()
    a = max(s2 - b / n.mean(), 0.0)
    for key in raw.index:
        w = a / (a + b / n[key])
        assert values[key]["sgb2_ew_eb"] == pytest.approx(100 * (b + w * (y[key] / n[key] - b)), rel=1e-9)
        p, m = y[key] / n[key], n[key]
        centre = (p + Z95 ** 2 / (2 * m)) / (1 + Z95 ** 2 / m)
        half = Z95 / (1 + Z95 ** 2 / m) * math.sqrt(p * (1 - p) / m + Z95 ** 2 / (4 * m * m))
        assert values[key]["sgb2_ew_lo"] == pytest.approx(100 * (centre - half), rel=1e-9)
        assert values[key]["sgb2_ew_hi"] == pytest.approx(100 * (centre + half), rel=1e-9)
    # The smallest area (Tarup, fewest residents of the low rates) moves toward the city rate
    assert abs(values["STGT13"]["sgb2_ew_eb"] - 100 * b) < abs(values["STGT13"]["sgb2_ew"] - 100 * b)


def test_metadata_says_which_counts_a_field_is_a_rate_of(derived):
    from sozialraum_plugin.gis import indicator_meta

    _, _, dest = derived
    rows = {r["field"]: r for r in indicator_meta.read(str(dest), "derived")}
    assert set(rows) == {"sgb2_ew", "sgb2_ew_eb", "sgb2_ew_lo", "sgb2_ew_hi", "d_sgb2_ew", "d_anteil"}
    rate = rows["sgb2_ew"]
    assert (rate["kind"], rate["unit"], rate["numerator"], rate["denominator"], rate["scale"]) == \
        ("rate", "%", "Anzahl_2021", "gesamt", 100.0)
    assert rows["sgb2_ew_lo"]["role"] == "lower" and rows["sgb2_ew_eb"]["role"] == "eb"
    change = rows["d_sgb2_ew"]
    assert (change["year_from"], change["year_to"], change["numerator"], change["denominator"]) == \
        (2018, 2020, "Anzahl", "{year}")
    assert json.loads(rows["d_anteil"]["definition"])["base"] == "Anteil_in_%"
    layer = QgsVectorLayer(f"{dest}|layername=sozialraum_indicators", "meta", "ogr")
    assert layer.isValid() and layer.featureCount() == 6  # a table QGIS opens as well


def test_definitions_as_json_with_labels_and_per_thousand_scale(flensburg):
    definition = [
        {"id": "sgb2_je_1000", "label": "SGB II je 1.000 EW", "unit": "je 1.000 EW", "kind": "rate",
         "numerator": "Anzahl_2021", "denominator": "gesamt", "direction": 1},
        {"id": "Anzahl_2021", "label": "not derived: ignored", "kind": "count"},
    ]
    result, values, dest = run(flensburg, "from_json", INDICATORS=json.dumps(definition, ensure_ascii=False))
    assert result["FIELDS"] == "sgb2_je_1000"
    assert values["STGT03"]["sgb2_je_1000"] == pytest.approx(2170 / 12525 * 1000)
    with sqlite3.connect(dest) as db:
        assert db.execute("SELECT label, scale FROM sozialraum_indicators").fetchall() == \
            [("SGB II je 1.000 EW", 1000.0)]


@pytest.mark.parametrize("params, words", [
    ({"RATES": "q=Anzahl_2021/einwohner"}, ["q", "einwohner", "does not exist"]),
    ({"RATES": "q=Anzahl_2021/AREA_NAME"}, ["q", "AREA_NAME", "03 Nordstadt", "STGT03"]),
    ({"RATES": "q=gesamt/Anzahl_2021"}, ["q", "share", "gesamt", "12525", "2170", "STGT03"]),
    ({"CHANGES": "d=Anzahl/{year}:2011-2021"}, ["d", "Anzahl_2011", "does not exist"]),
    ({"RATES": "q=Anzahl_2021"}, ["RATES", "numerator/denominator"]),
    ({"CHANGES": "d=Anzahl:2019"}, ["CHANGES", "2019-2021"]),
    ({"INDICATORS": "[{\"id\": \"q\", \"kind\": \"rate\"}]"}, ["q", "numerator"]),
    ({"INDICATORS": "[{\"id\": "}, ["cannot be read", "line 1"]),
    ({}, ["No indicator to compute"]),
])
def test_bad_definitions_are_named_and_nothing_is_written(flensburg, params, words):
    import processing

    dest = flensburg["folder"] / "refused.gpkg"
    with pytest.raises(QgsProcessingException) as err:
        processing.run("sozialraum:indicators", {"INPUT": flensburg["uri"], "KEY_FIELD": "AREA_ID",
                                                 "OUTPUT": str(dest), **params})
    message = str(err.value)
    for word in words:
        assert word in message, message
    assert "Traceback" not in message
    assert not dest.exists()
    assert not [p for p in flensburg["folder"].iterdir() if p.name.startswith(".refused")]


def test_ratios_in_percent_pass_when_shares_is_off(flensburg):
    _, values, _ = run(flensburg, "ratios", RATES="ew_je_sgb2=gesamt/Anzahl_2021", SHARES=False)
    assert values["STGT03"]["ew_je_sgb2"] == pytest.approx(12525 / 2170 * 100)


def test_negative_count_names_field_district_and_value(flensburg, tmp_path):
    import processing
    from osgeo import gdal

    bad = tmp_path / "negative.gpkg"
    bad.write_bytes(flensburg["joined"].read_bytes())
    ds = gdal.OpenEx(str(bad), gdal.OF_VECTOR | gdal.OF_UPDATE)  # GDAL's SQL: its triggers' functions exist
    ds.ExecuteSQL("UPDATE joined SET Anzahl_2021 = -4 WHERE AREA_ID = 'STGT07'")
    ds = None
    before = bad.read_bytes()
    with pytest.raises(QgsProcessingException) as err:
        processing.run("sozialraum:indicators", {"INPUT": f"{bad}|layername=joined", "KEY_FIELD": "AREA_ID",
                                                 "RATES": "q=Anzahl_2021/gesamt", "OUTPUT": str(tmp_path / "o.gpkg")})
    message = str(err.value)
    assert "q" in message and "Anzahl_2021" in message and "STGT07" in message and "-4" in message
    assert bad.read_bytes() == before and not (tmp_path / "o.gpkg").exists()


def _districts(tmp_path, keys, n, ew, key_type="INT"):
    """A GeoPackage of small squares with a key and two counts."""
    from qgis.core import QgsCoordinateTransformContext, QgsFeature, QgsField, QgsGeometry, QgsVectorFileWriter

    from sozialraum_plugin.gis import field_types

    layer = QgsVectorLayer("Polygon?crs=EPSG:25832", "d", "memory")
    layer.dataProvider().addAttributes([QgsField("key", getattr(field_types, key_type)),
                                        QgsField("n", field_types.INT), QgsField("ew", field_types.INT)])
    layer.updateFields()
    features = []
    for i, values in enumerate(zip(keys, n, ew)):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(f"POLYGON(({i} 0,{i + 1} 0,{i + 1} 1,{i} 1,{i} 0))"))
        feature.setAttributes(list(values))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName = "GPKG", "d"
    path = tmp_path / "districts.gpkg"
    QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path), QgsCoordinateTransformContext(), options)
    return f"{path}|layername=d"


def test_a_district_is_named_by_its_key_as_written_or_its_fid_where_the_key_is_empty(provider, tmp_path):
    import processing

    # An integer key with one empty cell comes back from the GeoPackage as float: the message
    # said "district 1003.0", and "district nan" for the one without a key.
    for keys, bad, named in (([1001, None, 1003], 2, "fid 2"), ([1001, None, 1003], 3, "district 1003 ")):
        n = [1, 2, 2]
        n[bad - 1] = 50
        source = _districts(tmp_path, keys, n, [10, 40, 20])
        with pytest.raises(QgsProcessingException) as err:
            processing.run("sozialraum:indicators", {"INPUT": source, "KEY_FIELD": "key", "RATES": "q=n/ew",
                                                     "OUTPUT": str(tmp_path / "o.gpkg")})
        message = str(err.value)
        assert named in message and "nan" not in message and ".0 " not in message, message


@pytest.mark.parametrize("name", ["fid", "geom", "KEY"])
def test_an_indicator_may_not_replace_the_fid_the_geometry_or_the_key(provider, tmp_path, name):
    import processing

    # fid and geom ended in "sqlite3.OperationalError: duplicate column name" (a traceback); the
    # key was silently overwritten by the rate, so the output had no district keys any more.
    source = _districts(tmp_path, [1001, 1002, 1003], [1, 2, 2], [10, 40, 20])
    dest = tmp_path / "o.gpkg"
    with pytest.raises(QgsProcessingException) as err:
        processing.run("sozialraum:indicators", {"INPUT": source, "KEY_FIELD": "key", "RATES": f"{name}=n/ew",
                                                 "OUTPUT": str(dest)})
    message = str(err.value)
    assert "Traceback" not in message and name in message and "another id" in message, message
    assert not dest.exists() and not [p for p in tmp_path.iterdir() if p.name.startswith(".o.")]


def test_run_as_a_task_it_reads_no_live_project_layer(provider, flensburg):
    """The Processing dialog runs the algorithm as a task: the user's project layer must not be read
    from the worker thread (fields, source, features) while the user may edit it."""
    from qgis.core import (
        QgsApplication,
        QgsProcessingAlgRunnerTask,
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsProject,
    )
    from qgis.PyQt.QtCore import QCoreApplication, QEventLoop, QThread, QTimer

    class WatchedLayer(QgsVectorLayer):
        def __init__(self, *args):
            super().__init__(*args)
            self.foreign_reads = []

        def fields(self):
            if QThread.currentThread() != QCoreApplication.instance().thread():
                self.foreign_reads.append("fields")
            return super().fields()

    layer = WatchedLayer(flensburg["uri"], "joined", "ogr")
    QgsProject.instance().addMapLayer(layer)
    algorithm = QgsApplication.processingRegistry().algorithmById("sozialraum:indicators").create({})
    context, feedback = QgsProcessingContext(), QgsProcessingFeedback()  # kept: the task holds pointers
    context.setProject(QgsProject.instance())
    task = QgsProcessingAlgRunnerTask(algorithm, {
        "INPUT": layer.id(), "KEY_FIELD": "AREA_ID", "RATES": "q=Anzahl_2021/gesamt",
        "OUTPUT": str(flensburg["folder"] / "task.gpkg")}, context, feedback)
    loop, done = QEventLoop(), {}

    def executed(ok, results):
        done.update(ok=ok)
        loop.quit()

    task.executed.connect(executed)
    try:
        QgsApplication.taskManager().addTask(task)
        QTimer.singleShot(60_000, loop.quit)
        loop.exec()
        assert done.get("ok")
        assert layer.foreign_reads == []
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


def test_a_second_run_keeps_what_the_first_run_wrote_about_its_fields(flensburg, derived):
    """Changes computed over the output of a first run: the GeoPackage copy took only the layer,
    so the description of the first run's rates (numerator, denominator, scale) was lost."""
    from sozialraum_plugin.gis import indicator_meta

    _, _, first = derived
    import processing

    dest = flensburg["folder"] / "second.gpkg"
    processing.run("sozialraum:indicators", {"INPUT": f"{first}|layername=derived", "KEY_FIELD": "AREA_ID",
                                             "RATES": "sgb2_ew=Anzahl_2020/2020;q2=Anzahl_2018/2018",
                                             "OUTPUT": str(dest)})
    rows = {r["field"]: r for r in indicator_meta.read(str(dest), "second")}
    # sgb2_ew is computed anew (its new description wins), the rest of the first run is kept
    assert set(rows) == {"sgb2_ew", "q2", "sgb2_ew_eb", "sgb2_ew_lo", "sgb2_ew_hi", "d_sgb2_ew", "d_anteil"}
    assert rows["sgb2_ew"]["numerator"] == "Anzahl_2020" and rows["q2"]["denominator"] == "2018"
    assert (rows["d_sgb2_ew"]["year_from"], rows["d_sgb2_ew"]["denominator"]) == (2018, "{year}")
    assert all(r["layer"] == "second" for r in rows.values())


def test_counts_in_a_virtual_or_joined_field_of_the_layer_are_used(flensburg, tmp_path):
    """The GeoPackage copy (GDAL, from the file) has no virtual or QGIS-joined fields: a rate of
    such a field was refused as 'does not exist' although the layer shows it."""
    import hashlib

    import processing
    from qgis.core import QgsField

    from sozialraum_plugin.gis import field_types

    before = hashlib.sha256(flensburg["joined"].read_bytes()).hexdigest()
    layer = QgsVectorLayer(flensburg["uri"], "joined", "ogr")
    layer.addExpressionField('"gesamt" * 2', QgsField("doppelt", field_types.DOUBLE))
    result = processing.run("sozialraum:indicators", {
        "INPUT": layer, "KEY_FIELD": "AREA_ID", "RATES": "halb=gesamt/doppelt", "OUTPUT": str(tmp_path / "v.gpkg")})
    out = QgsVectorLayer(result["OUTPUT"], "v", "ogr")
    values = {f["AREA_ID"]: f["halb"] for f in out.getFeatures()}
    assert len(values) == 13 and all(v == pytest.approx(50.0) for v in values.values())
    assert hashlib.sha256(flensburg["joined"].read_bytes()).hexdigest() == before
    with pytest.raises(QgsProcessingException) as err:  # the copy must still never replace the source
        processing.run("sozialraum:indicators", {"INPUT": layer, "RATES": "halb=gesamt/doppelt",
                                                 "OUTPUT": str(flensburg["joined"])})
    assert "Traceback" not in str(err.value)
    assert hashlib.sha256(flensburg["joined"].read_bytes()).hexdigest() == before
    del out, layer


def test_rates_without_a_unit_are_plain_ratios(flensburg):
    # UNIT was mandatory: an empty unit (residents per person in SGB II, scale 1) was refused as an
    # "Incorrect parameter value for UNIT" in qgis_process and the dialog.
    _, values, _ = run(flensburg, "plain", RATES="ew_je_sgb2=gesamt/Anzahl_2021", UNIT="")
    assert values["STGT03"]["ew_je_sgb2"] == pytest.approx(12525 / 2170)


def test_metadata_of_an_interval_names_its_confidence_level(flensburg):
    # LEVEL was written nowhere: a 90 % interval could not be told from a 95 % one afterwards.
    from sozialraum_plugin.gis import indicator_meta

    _, _, dest = run(flensburg, "level", RATES="q=Anzahl_2021/gesamt", INTERVALS=True, LEVEL=0.9)
    rows = {r["field"]: r for r in indicator_meta.read(str(dest), "level")}
    assert rows["q_lo"]["level"] == rows["q_hi"]["level"] == pytest.approx(0.9)
    assert rows["q"]["level"] is None


@pytest.mark.parametrize("key", ["nokey", "area_id"])
def test_a_key_field_the_layer_does_not_have_is_named(flensburg, key):
    import processing

    # KeyError traceback before: the key is read from the copy by name
    dest = flensburg["folder"] / "nokey.gpkg"
    with pytest.raises(QgsProcessingException) as err:
        processing.run("sozialraum:indicators", {"INPUT": flensburg["uri"], "KEY_FIELD": key,
                                                 "RATES": "q=Anzahl_2021/gesamt", "OUTPUT": str(dest)})
    message = str(err.value)
    assert "Traceback" not in message and key in message and "AREA_ID" in message, message
    assert not dest.exists()


def test_a_definition_file_that_is_not_there_is_named(flensburg):
    import processing

    # "cannot be read: line 1, column 1: Expecting value" before: the path was parsed as JSON
    missing = flensburg["folder"] / "Berichtsdefinition.jsn"
    with pytest.raises(QgsProcessingException) as err:
        processing.run("sozialraum:indicators", {"INPUT": flensburg["uri"], "INDICATORS": str(missing),
                                                 "OUTPUT": str(flensburg["folder"] / "nodef.gpkg")})
    assert str(missing) in str(err.value) and "line 1" not in str(err.value), str(err.value)
