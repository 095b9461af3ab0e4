"""sozialraum:jointable on the real sample data and on broken input, in a headless QGIS."""
from __future__ import annotations

import hashlib
import json
import shutil

import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer


class Log(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.lines = []

    def pushInfo(self, info):  # noqa: N802
        self.lines.append(info)

    def pushWarning(self, warning):  # noqa: N802
        self.lines.append("WARN " + warning)


def run_join(tmp_path, name="out", **params):
    import processing

    log = Log()
    params.setdefault("OUTPUT", str(tmp_path / f"{name}.gpkg"))
    result = processing.run("sozialraum:jointable", params, feedback=log)
    layer = QgsVectorLayer(result["OUTPUT"], name, "ogr")
    assert layer.isValid()
    return result, layer, log


def digest(*paths) -> dict:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}


def is_null(value) -> bool:
    return value is None or (hasattr(value, "isNull") and value.isNull()) or value != value


def values(layer, key_field, field):
    return {f[key_field]: f[field] for f in layer.getFeatures()}


@pytest.fixture
def berlin(sample_dir):
    return sample_dir / "berlin"


def test_berlin_fis_broker_export_joins_fully_with_types(provider, berlin, tmp_path):
    shp, csv = berlin / "lor_planungsraeume_2021.shp", berlin / "mss_2021_index_indikatoren.csv"
    before = digest(shp, shp.with_suffix(".dbf"), csv)
    result, layer, log = run_join(tmp_path, INPUT=str(shp), INPUT_KEY="PLR_ID", TABLE=str(csv), TABLE_KEY="PLR_ID",
                                  REPORT=str(tmp_path / "report.json"))
    assert (result["MATCHED"], result["UNMATCHED_DISTRICTS"], result["UNMATCHED_ROWS"], result["DUPLICATE_KEYS"]) \
        == (542, 0, 0, 0)
    assert layer.featureCount() == 542
    fields = layer.fields()
    assert fields.field("PLR_ID").typeName().lower().startswith("string")  # the key stays text
    assert fields.field("S1").type() in (6,)  # QVariant.Double
    assert fields.field("EW").typeName().lower().startswith("integer")
    assert "tbl_PLR_NAME" in fields.names()  # a clashing column is prefixed, not dropped
    s1 = values(layer, "PLR_ID", "S1")
    assert s1["01100101"] == pytest.approx(4.22594)
    assert values(layer, "PLR_ID", "EW")["01100101"] == 3419
    # the six areas the Senate left out have -9999 in the file: missing, not a value
    for key in "03300515 03400831 04400725 05300838 06200418 10100205".split():
        assert is_null(s1[key]), key
    assert sum(not is_null(v) for v in s1.values()) == 536
    assert digest(shp, shp.with_suffix(".dbf"), csv) == before  # sources untouched
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["join"]["matched"] == 542
    assert report["table"]["separator"] == ","
    assert any("542 of 542" in line for line in log.lines)


def test_berlin_semicolon_table_with_en_dash_keeps_suppressed_apart(provider, berlin, tmp_path):
    result, layer, log = run_join(
        tmp_path, INPUT=str(berlin / "lor_planungsraeume_2021.shp"), INPUT_KEY="PLR_ID",
        TABLE=str(berlin / "einwohnerbestand_2022-06_plr_semikolon.csv"), TABLE_KEY="PLR-ID")
    assert result["MATCHED"] == 542
    rows = {f["PLR_ID"]: f for f in layer.getFeatures()}
    assert layer.fields().field("unter6").typeName().lower().startswith("integer")
    empty = rows["06200418"]
    assert "unter6" in empty["suppressed_fields"].split(",")
    assert is_null(empty["unter6"])  # suppressed is not zero
    counted = [f for f in layer.getFeatures() if not is_null(f["Gesamt"])]
    assert sum(f["Gesamt"] for f in counted) > 3_000_000  # Berlin's population, read as numbers


def test_flensburg_keys_need_a_transform_and_get_it(provider, sample_dir, tmp_path):
    fl = sample_dir / "flensburg"
    result, layer, log = run_join(tmp_path, INPUT=str(fl / "Stadtteile.shp"), INPUT_KEY="AREA_ID",
                                  TABLE=str(fl / "tab_18_regelleistungsberechtigte_sgb2.csv"),
                                  TABLE_KEY="Stadtteil_ID")
    assert result["MATCHED"] == 13
    assert any("STGT" in line for line in log.lines)  # the report says which transform was used
    real = [n for n in layer.fields().names() if layer.fields().field(n).type() == 6]
    assert real, "decimal-comma shares must arrive as numbers"


def test_flensburg_headerless_table_by_name_prefix(provider, sample_dir, tmp_path):
    fl = sample_dir / "flensburg"
    result, layer, _ = run_join(tmp_path, INPUT=str(fl / "Stadtteile.shp"), INPUT_KEY="AREA_NAME",
                                TABLE=str(fl / "tab_9_anteil_migrationshintergrund.csv"), TABLE_KEY="col1")
    assert result["MATCHED"] == 13


def test_koeln_long_table_pivoted_and_cp1252_names(provider, sample_dir, tmp_path):
    k = sample_dir / "koeln"
    result, layer, log = run_join(tmp_path, INPUT=str(k / "Stadtteil.shp"), INPUT_KEY="STT_NR",
                                  TABLE=str(k / "bevoelkerung.csv"), TABLE_KEY="raum_id",
                                  LONG_INDICATOR="zeile", LONG_VALUE="zahl", LONG_YEAR="jahr", YEAR="2012")
    assert result["MATCHED"] == 86 and result["UNMATCHED_DISTRICTS"] == 0
    assert result["UNMATCHED_ROWS"] == 10  # the city total 000 and the nine Bezirke 001-009, listed
    names = {f["STT_NAME"] for f in layer.getFeatures()}
    assert "Dellbrück" in names and "Höhenhaus" in names  # cp1252 DBF decoded
    einwohner = values(layer, "STT_NR", "Einwohner")
    assert all(v > 0 for v in einwohner.values())
    assert layer.crs().toProj().find("+x_0=2500000") >= 0  # the custom CRS kept as it is
    assert any("invalid" in line and "202" in line for line in log.lines)  # Marienburg, kept
    assert layer.featureCount() == 86


def test_koeln_bezirke_one_vs_001(provider, sample_dir, tmp_path):
    k = sample_dir / "koeln"
    result, _, log = run_join(tmp_path, INPUT=str(k / "Stadtbezirk.shp"), INPUT_KEY="STB_NR",
                              TABLE=str(k / "bevoelkerung.csv"), TABLE_KEY="raum_id",
                              LONG_INDICATOR="zeile", LONG_VALUE="zahl", LONG_YEAR="jahr", YEAR="2012")
    assert result["MATCHED"] == 9


def test_output_never_overwrites_a_source(provider, sample_dir, tmp_path):
    fl = sample_dir / "flensburg"
    shp = tmp_path / "copy.gpkg"
    import processing

    processing.run("native:savefeatures", {"INPUT": str(fl / "Stadtteile.shp"), "OUTPUT": str(shp)})
    before = digest(shp)
    with pytest.raises(QgsProcessingException, match="one of the inputs"):
        processing.run("sozialraum:jointable", {
            "INPUT": str(shp), "INPUT_KEY": "AREA_ID", "TABLE": str(fl / "tab_18_regelleistungsberechtigte_sgb2.csv"),
            "TABLE_KEY": "Stadtteil_ID", "OUTPUT": str(shp)})
    assert digest(shp) == before
    assert not list(tmp_path.glob(".*.part.gpkg"))  # nothing half-written left behind


def test_bad_table_gives_a_sentence_not_a_traceback(provider, sample_dir, tmp_path):
    import processing

    fl = sample_dir / "flensburg"
    bad = tmp_path / "kaputt.csv"
    bad.write_bytes(b"id;wert\r\n1;2\r\n2;3;4;5\r\n")
    with pytest.raises(QgsProcessingException) as info:
        processing.run("sozialraum:jointable", {
            "INPUT": str(fl / "Stadtteile.shp"), "INPUT_KEY": "AREA_ID", "TABLE": str(bad),
            "TABLE_KEY": "id", "OUTPUT": str(tmp_path / "o.gpkg")})
    text = str(info.value)
    assert "kaputt.csv" in text and "3" in text and "Traceback" not in text
    with pytest.raises(QgsProcessingException, match="TABELLE_KEY|does not exist"):
        processing.run("sozialraum:jointable", {
            "INPUT": str(fl / "Stadtteile.shp"), "INPUT_KEY": "AREA_ID",
            "TABLE": str(fl / "tab_18_regelleistungsberechtigte_sgb2.csv"),
            "TABLE_KEY": "TABELLE_KEY", "OUTPUT": str(tmp_path / "o2.gpkg")})


def test_zero_matches_are_called_what_they_are(provider, sample_dir, tmp_path):
    result, _, log = run_join(tmp_path, INPUT=str(sample_dir / "flensburg" / "Stadtteile.shp"), INPUT_KEY="AREA_ID",
                              TABLE=str(sample_dir / "berlin" / "mss_2021_indizes.csv"), TABLE_KEY="PLR_ID",
                              REPORT=str(tmp_path / "r.html"), LANGUAGE="en")  # the page: an output
    assert result["MATCHED"] == 0 and result["UNMATCHED_ROWS"] == 542
    assert any("do not belong together" in line for line in log.lines)
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "do not belong together" in html and "01100101" in html


def test_table_layer_from_the_project(provider, sample_dir, tmp_path, qgis_new_project):
    from qgis.core import QgsProject

    csv = tmp_path / "t.csv"
    shutil.copy(sample_dir / "flensburg" / "tab_1_einwohner_in_stadtteilen_2011_bis_2021.csv", csv)
    table = QgsVectorLayer(f"file://{csv}?delimiter=,", "einwohner", "delimitedtext")
    assert table.isValid()
    QgsProject.instance().addMapLayer(table)
    result, _, _ = run_join(tmp_path, INPUT=str(sample_dir / "flensburg" / "Stadtteile.shp"), INPUT_KEY="AREA_ID",
                            TABLE=table.id(), TABLE_KEY="id")
    assert result["MATCHED"] == 13


def _write_sheet(path, driver: str, rows):
    """A spreadsheet as an office sends it: a sheet 'Daten' with a text key and numbers."""
    from osgeo import ogr

    ds = ogr.GetDriverByName(driver).CreateDataSource(str(path))
    layer = ds.CreateLayer("Daten", geom_type=ogr.wkbNone)
    layer.CreateField(ogr.FieldDefn("Planungsraum", ogr.OFTString))
    layer.CreateField(ogr.FieldDefn("Arbeitslose", ogr.OFTReal))
    for key, value in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("Planungsraum", key)
        if value is not None:
            feature.SetField("Arbeitslose", value)
        layer.CreateFeature(feature)
    ds = None


@pytest.mark.parametrize("suffix, driver", [(".xlsx", "XLSX"), (".ods", "ODS")])
def test_spreadsheet_tables_join_with_text_keys(provider, berlin, tmp_path, suffix, driver):
    sheet = tmp_path / f"jobcenter{suffix}"
    _write_sheet(sheet, driver, [("01100101", 4.5), ("01100102", None), ("01100103", 7.25), ("99999999", 1.0)])
    before = digest(sheet)
    result, layer, log = run_join(tmp_path, name=f"s{driver}", INPUT=str(berlin / "lor_planungsraeume_2021.shp"),
                                  INPUT_KEY="PLR_ID", TABLE=str(sheet), TABLE_KEY="Planungsraum", SHEET="Daten")
    assert (result["MATCHED"], result["UNMATCHED_ROWS"], result["UNMATCHED_DISTRICTS"]) == (3, 1, 539)
    values_by_key = values(layer, "PLR_ID", "Arbeitslose")
    assert values_by_key["01100101"] == pytest.approx(4.5) and values_by_key["01100103"] == pytest.approx(7.25)
    assert is_null(values_by_key["01100102"])
    assert any("99999999" in line for line in log.lines)
    assert digest(sheet) == before
