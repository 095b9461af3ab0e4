"""Every algorithm's OUTPUT takes the destinations QGIS offers (gis/writer.py, gis/destination.py):
a GeoPackage file, a temporary (memory) layer, a new layer in an existing GeoPackage (ogr:), and a
PostGIS table; values are read back through QGIS. A failed run leaves the previous file or table."""
from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

ROOT = Path(__file__).resolve().parents[2]
BERLIN = ROOT / "resources" / "sample" / "berlin"
OUTLIER = "\"KOM\" = 'ungültig (Ausreißer)'"


def join_params(output) -> dict:
    return {"INPUT": str(BERLIN / "lor_planungsraeume_2021.shp"), "INPUT_KEY": "PLR_ID",
            "TABLE": str(BERLIN / "mss_2021_index_indikatoren.csv"), "TABLE_KEY": "PLR_ID", "OUTPUT": output}


def values(layer: QgsVectorLayer, key: str, *fields) -> dict:
    assert layer.isValid()
    return {str(f[key]): tuple(None if f[n] is None or str(f[n]) == "NULL" else f[n] for n in fields)
            for f in layer.getFeatures()}


@pytest.fixture(scope="module")
def expected(provider, tmp_path_factory):
    """The join and the index written to GeoPackage files: what every other destination must hold."""
    import processing

    folder = tmp_path_factory.mktemp("writer")
    joined = processing.run("sozialraum:jointable", join_params(str(folder / "joined.gpkg")))["OUTPUT"]
    index = processing.run("sozialraum:needindex", index_params(joined, str(folder / "index.gpkg")))["OUTPUT"]
    parents = processing.run("sozialraum:aggregate", aggregate_params(joined, str(folder / "bezirke.gpkg")))["OUTPUT"]
    return {"folder": folder, "joined": joined, "index": index,
            "parent_values": values(QgsVectorLayer(parents, "p", "ogr"), "BEZ", "EW", "suppressed_fields"),
            "join_values": values(QgsVectorLayer(joined, "j", "ogr"), "PLR_ID", "S1", "D4", "EW", "PLR_NAME"),
            "index_values": values(QgsVectorLayer(index, "i", "ogr"), "PLR_ID", "status_class", "valid", "note")}


def aggregate_params(source, output) -> dict:
    return {"INPUT": source, "KEY_FIELD": "PLR_ID", "PARENT_FIELD": "BEZ", "COUNT_FIELDS": ["EW"], "OUTPUT": output}


def index_params(source: str, output) -> dict:
    return {"INPUT": source, "STATUS_FIELDS": ["S1", "S3", "S4"], "DYNAMIC_FIELDS": ["D1", "D3", "D4"],
            "PRESET": 1, "POPULATION_FIELD": "EW", "EXCLUDE_EXPRESSION": OUTLIER, "OUTPUT": output}


def test_join_to_a_geopackage_holds_the_table_values(expected):
    join = expected["join_values"]
    assert len(join) == 542
    assert join["01100101"][2] is not None and isinstance(join["01100101"][0], float)
    layer = QgsVectorLayer(expected["joined"], "j", "ogr")
    assert layer.featureCount() == 542 and layer.wkbType() == 6  # MultiPolygon, as before


def test_temporary_output_is_a_temporary_geopackage_as_qgis_makes_it(expected):
    """QGIS 3.22 turns TEMPORARY_OUTPUT of a vector destination into a temporary file (a feature
    sink would get a memory layer): the GeoPackage, written like any other."""
    import processing

    out = processing.run("sozialraum:jointable", join_params("TEMPORARY_OUTPUT"))["OUTPUT"]
    layer = out if isinstance(out, QgsVectorLayer) else QgsVectorLayer(out, "t", "ogr")
    assert values(layer, "PLR_ID", "S1", "D4", "EW", "PLR_NAME") == expected["join_values"]


def test_join_and_index_to_a_temporary_layer(expected):
    import processing

    joined = processing.run("sozialraum:jointable", join_params("memory:"))["OUTPUT"]
    assert isinstance(joined, QgsVectorLayer) and joined.providerType() == "memory"
    assert values(joined, "PLR_ID", "S1", "D4", "EW", "PLR_NAME") == expected["join_values"]
    index = processing.run("sozialraum:needindex", index_params(joined, "memory:"))["OUTPUT"]
    assert isinstance(index, QgsVectorLayer) and index.providerType() == "memory"
    assert values(index, "PLR_ID", "status_class", "valid", "note") == expected["index_values"]


def test_join_as_a_new_layer_of_an_existing_geopackage(expected, tmp_path):
    import processing

    package = tmp_path / "both.gpkg"
    processing.run("sozialraum:jointable", join_params(str(package)))
    uri = processing.run("sozialraum:jointable", join_params(f"ogr:dbname='{package}' table=\"second\" (geom)"))
    second = QgsVectorLayer(f"{package}|layername=second", "s", "ogr")
    assert values(second, "PLR_ID", "S1", "D4", "EW", "PLR_NAME") == expected["join_values"], uri
    first = QgsVectorLayer(f"{package}|layername=both", "b", "ogr")  # the file's first layer stays
    assert values(first, "PLR_ID", "S1", "D4", "EW", "PLR_NAME") == expected["join_values"]


def test_aggregate_to_a_temporary_layer(provider, expected):
    import processing

    layer = processing.run("sozialraum:aggregate", aggregate_params(expected["joined"], "memory:"))["OUTPUT"]
    assert isinstance(layer, QgsVectorLayer) and layer.featureCount() == 12
    assert values(layer, "BEZ", "EW", "suppressed_fields") == expected["parent_values"]
    assert sum(v for v, _ in expected["parent_values"].values() if v is not None) > 3_000_000


def test_a_failed_write_leaves_the_previous_file(expected, tmp_path):
    from sozialraum_plugin.gis import writer

    dest = tmp_path / "kept.gpkg"
    source = QgsVectorLayer(expected["joined"], "j", "ogr")
    writer.copy_layer(source, str(dest), "kept")
    before = dest.read_bytes()

    def fail(path, layer_name):
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        writer.write_layer(source, str(dest), "kept", {"x": [1] * 542}, {"x": "integer"},
                           fids=[f.id() for f in source.getFeatures()], finish=fail)
    assert dest.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["kept.gpkg"]  # no temporary file left


def test_a_rerun_replaces_its_columns_in_place(expected, tmp_path):
    """An index over an earlier index output holds one generation of results."""
    import processing

    again = processing.run("sozialraum:needindex", index_params(expected["index"], str(tmp_path / "again.gpkg")))
    layer = QgsVectorLayer(again["OUTPUT"], "a", "ogr")
    names = [n.lower() for n in layer.fields().names()]
    assert len(names) == len(set(names)) and names.count("status_class") == 1
    assert values(layer, "PLR_ID", "status_class", "valid", "note") == expected["index_values"]


# --- PostGIS ------------------------------------------------------------------------------------

def pg_output(postgis, schema: str, table: str, user: str = "sr_writer") -> str:
    return "postgis:" + postgis.layer_uri(schema, table, user)


def test_join_and_index_into_postgis_read_back_through_qgis(expected, postgis):
    import processing

    schema = postgis.new_schema()
    result = processing.run("sozialraum:jointable", join_params(pg_output(postgis, schema, "joined")))
    assert result["OUTPUT"].startswith("postgres://") and "password" not in str(result.get("REPORT", ""))
    joined = QgsVectorLayer(postgis.layer_uri(schema, "joined", "sr_reader"), "j", "postgres")
    assert values(joined, "PLR_ID", "S1", "D4", "EW", "PLR_NAME") == expected["join_values"]
    index = processing.run("sozialraum:needindex", index_params(joined, pg_output(postgis, schema, "index")))
    layer = QgsVectorLayer(postgis.layer_uri(schema, "index", "sr_reader"), "i", "postgres")
    assert values(layer, "PLR_ID", "status_class", "valid", "note") == expected["index_values"], index
    # a second run replaces the table; no staging table stays
    processing.run("sozialraum:jointable", join_params(pg_output(postgis, schema, "joined")))
    tables = sorted(r[0] for r in postgis.rows(
        f"SELECT table_name FROM information_schema.tables WHERE table_schema = '{schema}'"))
    assert tables == ["index", "joined"]
    assert postgis.rows(f'SELECT count(*) FROM {schema}.joined') == [["542"]]


def test_aggregate_into_postgis(expected, postgis):
    import processing

    schema = postgis.new_schema()
    processing.run("sozialraum:aggregate", aggregate_params(expected["joined"], pg_output(postgis, schema, "bezirke")))
    layer = QgsVectorLayer(postgis.layer_uri(schema, "bezirke", "sr_reader"), "b", "postgres")
    assert layer.isValid() and layer.featureCount() == 12
    assert values(layer, "BEZ", "EW", "suppressed_fields") == expected["parent_values"]


def test_a_failed_postgis_run_leaves_the_previous_table(expected, postgis):
    """The old table cannot be dropped by the writer role (owned by the administrator): the
    staging table is written, the swap fails, the old table stays and the staging table is gone."""
    import processing

    schema = f"t_{uuid.uuid4().hex[:8]}"
    postgis.sql(f"CREATE SCHEMA {schema}; GRANT USAGE, CREATE ON SCHEMA {schema} TO sr_writer; "
                f"CREATE TABLE {schema}.joined AS SELECT 1 AS old_run")
    with pytest.raises(QgsProcessingException) as err:
        processing.run("sozialraum:jointable", join_params(pg_output(postgis, schema, "joined")))
    assert "joined" in str(err.value) and "password" not in str(err.value)
    assert postgis.rows(f"SELECT old_run FROM {schema}.joined") == [["1"]]
    tables = [r[0] for r in postgis.rows(
        f"SELECT table_name FROM information_schema.tables WHERE table_schema = '{schema}'")]
    assert tables == ["joined"]


def test_the_reader_role_cannot_write_and_is_told_so(expected, postgis):
    import processing

    schema = postgis.new_schema()
    with pytest.raises(QgsProcessingException) as err:
        processing.run("sozialraum:jointable", join_params(pg_output(postgis, schema, "joined", "sr_reader")))
    assert "joined" in str(err.value) and "Traceback" not in str(err.value)
    assert postgis.rows(f"SELECT count(*) FROM information_schema.tables WHERE table_schema = '{schema}'") == [["0"]]


def test_a_failed_write_into_an_existing_geopackage_leaves_its_layer(expected, tmp_path):
    """ogr:dbname=… table=…: the new layer is exported beside the old one (a staging name) and
    takes its place only when complete."""
    import shutil

    from qgis.core import QgsProviderRegistry

    from sozialraum_plugin.gis import destination, writer

    package = tmp_path / "both.gpkg"
    shutil.copy(expected["folder"] / "joined.gpkg", package)
    source = QgsVectorLayer(expected["joined"], "j", "ogr")

    def batches():
        yield list(source.getFeatures())[:100]
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        destination.write_gpkg_table(str(package), "joined", source, source.fields(), source.wkbType(), batches(),
                                     writer._add)
    conn = QgsProviderRegistry.instance().providerMetadata("ogr").createConnection(str(package), {})
    assert sorted(t.tableName() for t in conn.tables()) == ["joined"]
    kept = QgsVectorLayer(f"{package}|layername=joined", "k", "ogr")
    assert values(kept, "PLR_ID", "S1", "D4", "EW", "PLR_NAME") == expected["join_values"]


def test_a_source_too_large_to_keep_is_read_twice_with_the_same_result(expected, tmp_path, monkeypatch):
    """Above KEEP_FEATURES (a 100 m grid of a Kreis) the source is not held in memory: the
    attributes are read first, the features again while writing. Same values either way."""
    import processing

    from sozialraum_plugin.gis import writer

    monkeypatch.setattr(writer, "KEEP_FEATURES", 10)
    assert writer.read_features(QgsVectorLayer(expected["joined"], "j", "ogr")) is None
    joined = processing.run("sozialraum:jointable", join_params(str(tmp_path / "j.gpkg")))["OUTPUT"]
    assert values(QgsVectorLayer(joined, "j", "ogr"), "PLR_ID", "S1", "D4", "EW", "PLR_NAME") == \
        expected["join_values"]
    index = processing.run("sozialraum:needindex", index_params(joined, str(tmp_path / "i.gpkg")))["OUTPUT"]
    assert values(QgsVectorLayer(index, "i", "ogr"), "PLR_ID", "status_class", "valid", "note") == \
        expected["index_values"]


@pytest.mark.parametrize("kind, values_", [("string", ["a", "b"]), ("integer", [5, 5])])
def test_an_attribute_called_fid_is_kept_beside_the_geopackage_id(tmp_path, kind, values_):
    """A source attribute named fid that cannot be the GeoPackage's id (text, or a repeated number:
    a merged layer's) is written as it is; the id column is called sr_fid then."""
    from qgis.core import QgsFeature, QgsGeometry

    from sozialraum_plugin.gis import writer

    source = QgsVectorLayer(f"Polygon?crs=EPSG:25832&field=fid:{kind}&field=k:integer", "s", "memory")
    features = []
    for i, value in enumerate(values_):
        feature = QgsFeature(source.fields())
        feature.setGeometry(QgsGeometry.fromWkt(f"POLYGON(({i} 0,{i + 1} 0,{i + 1} 1,{i} 0))"))
        feature.setAttributes([value, i])
        features.append(feature)
    source.dataProvider().addFeatures(features)
    written = writer.write_layer(source, str(tmp_path / "o.gpkg"), "o", {"x": [1.5, 2.5]}, {"x": "real"},
                                 fids=[f.id() for f in source.getFeatures()])
    out = QgsVectorLayer(written.uri, "o", "ogr")
    assert out.fields().names() == [writer.SPARE_FID, "fid", "k", "x"]
    assert [(f["fid"], f["k"], f["x"]) for f in out.getFeatures()] == [(values_[0], 0, 1.5), (values_[1], 1, 2.5)]


# --- review (revwriter) -------------------------------------------------------------------------

KOELN = ROOT / "resources" / "sample" / "koeln" / "Stadtteil.shp"


class CancelAfter:
    """Processing's feedback as a user who presses Cancel while the features are being written."""

    def __init__(self, checks: int):
        from qgis.core import QgsProcessingFeedback

        self.feedback = QgsProcessingFeedback()
        self.checks = checks
        self.feedback.isCanceled = self.is_canceled  # (the writer asks feedback.isCanceled())

    def is_canceled(self) -> bool:
        self.checks -= 1
        if self.checks < 0:
            self.feedback.cancel()
        return self.checks < 0


@pytest.mark.parametrize("where", ["file", "gpkg_table"])
def test_a_canceled_run_leaves_the_previous_output(tmp_path, monkeypatch, where):
    """Cancel after the first batch: the previous layer stays whole (before: the writer stopped
    reading and an ogr: layer was swapped for the 20 features written so far, without an error)."""
    from qgis.core import QgsProviderRegistry

    from sozialraum_plugin.core.errors import SozialraumError
    from sozialraum_plugin.gis import writer

    source = QgsVectorLayer(str(KOELN), "k", "ogr")
    package = tmp_path / "k.gpkg"
    writer.copy_layer(source, str(package), "k")
    before = package.read_bytes()
    monkeypatch.setattr(writer, "BATCH", 20)
    dest = str(package) if where == "file" else f"ogr:dbname='{package}' table=\"k\" (geom)"
    fids = [f.id() for f in source.getFeatures()]
    with pytest.raises(SozialraumError) as err:
        writer.write_layer(source, writer.destination(dest, "k"), "k", {"x": [1] * 86}, {"x": "integer"},
                           fids=fids, feedback=CancelAfter(1).feedback)
    assert err.value.code == "output_canceled" and "k.gpkg" in str(err.value)
    kept = QgsVectorLayer(f"{package}|layername=k", "k", "ogr")
    assert kept.featureCount() == 86 and "x" not in kept.fields().names()
    conn = QgsProviderRegistry.instance().providerMetadata("ogr").createConnection(str(package), {})
    assert [t.tableName() for t in conn.tables()] == ["k"]
    assert [p.name for p in tmp_path.iterdir()] == ["k.gpkg"]
    if where == "file":
        assert package.read_bytes() == before


def test_a_canceled_run_leaves_the_previous_postgis_table(postgis, monkeypatch):
    from sozialraum_plugin.core.errors import SozialraumError
    from sozialraum_plugin.gis import writer

    source = QgsVectorLayer(str(BERLIN / "lor_planungsraeume_2021.shp"), "b", "ogr")
    schema = postgis.new_schema()
    dest = "postgis:" + postgis.layer_uri(schema, "b", "sr_writer")
    writer.copy_layer(source, writer.destination(dest, "b"), "b")
    monkeypatch.setattr(writer, "BATCH", 100)
    with pytest.raises(SozialraumError) as err:
        writer.copy_layer(source, writer.destination(dest, "b"), "b", feedback=CancelAfter(1).feedback)
    assert err.value.code == "output_canceled" and "password" not in str(err.value)
    assert postgis.rows(f"SELECT count(*) FROM {schema}.b") == [["542"]]
    tables = [r[0] for r in postgis.rows(
        f"SELECT table_name FROM information_schema.tables WHERE table_schema = '{schema}'")]
    assert tables == ["b"]


def test_a_crs_without_a_database_code_is_not_lost_in_postgis(postgis):
    """Köln's Stadtteile are in a custom transverse Mercator (no EPSG code): QGIS's exporter wrote
    them with SRID 0, i.e. without any CRS. The writer says so, by name, and leaves nothing behind."""
    from sozialraum_plugin.core.errors import SozialraumError
    from sozialraum_plugin.gis import writer

    source = QgsVectorLayer(str(KOELN), "k", "ogr")
    assert source.crs().isValid() and not source.crs().authid()
    schema = postgis.new_schema()
    dest = "postgis:" + postgis.layer_uri(schema, "stadtteile", "sr_writer")
    with pytest.raises(SozialraumError) as err:
        writer.copy_layer(source, writer.destination(dest, "stadtteile"), "stadtteile")
    assert err.value.code == "output_crs_not_in_database" and "stadtteile" in str(err.value)
    assert "password" not in str(err.value)
    assert postgis.rows(
        f"SELECT count(*) FROM information_schema.tables WHERE table_schema = '{schema}'") == [["0"]]
    # an EPSG system arrives with its code
    berlin = QgsVectorLayer(str(BERLIN / "lor_planungsraeume_2021.shp"), "b", "ogr")
    writer.copy_layer(berlin, writer.destination(
        "postgis:" + postgis.layer_uri(schema, "b", "sr_writer"), "b"), "b")
    assert postgis.rows(f"SELECT Find_SRID('{schema}', 'b', 'geom')") == [["25833"]]


def test_a_postgis_output_has_a_spatial_index_and_keeps_the_grants_of_the_table_it_replaces(postgis):
    """QGIS's exporter (as the writer uses it) makes no spatial index: a map of a 100 m grid read
    from the table scanned it whole (the GeoPackage outputs have their R-tree). And a re-run
    replaces the table: the SELECT an administrator granted on it to another department stays."""
    from sozialraum_plugin.gis import writer

    source = QgsVectorLayer(str(BERLIN / "lor_planungsraeume_2021.shp"), "b", "ogr")
    schema = f"t_{uuid.uuid4().hex[:8]}"
    postgis.sql(f"CREATE SCHEMA {schema}; GRANT USAGE, CREATE ON SCHEMA {schema} TO sr_writer; "
                f"CREATE ROLE planung_{schema} NOLOGIN; GRANT USAGE ON SCHEMA {schema} TO planung_{schema}")
    dest = "postgis:" + postgis.layer_uri(schema, "b", "sr_writer")

    def gist() -> list:
        return postgis.rows(f"SELECT count(*) FROM pg_indexes WHERE schemaname = '{schema}' AND tablename = 'b' "
                            "AND indexdef ILIKE '%USING gist (geom)%'")

    writer.copy_layer(source, writer.destination(dest, "b"), "b")
    assert gist() == [["1"]]
    postgis.sql(f"GRANT SELECT ON {schema}.b TO planung_{schema}")
    writer.copy_layer(source, writer.destination(dest, "b"), "b")
    assert gist() == [["1"]]
    assert postgis.rows(f"SELECT has_table_privilege('planung_{schema}', '{schema}.b', 'SELECT')") == [["t"]]


def test_unsaved_edits_of_a_geopackage_layer_are_written(expected, tmp_path):
    """A district GeoPackage open for editing in QGIS, with a district added and a name changed, not
    saved: the join writes what QGIS shows. (The new feature has no fid yet; QGIS's writer let GDAL
    number it 1, and the saved feature 1 then failed: "UNIQUE constraint failed: fid".)"""
    import shutil

    import processing
    from qgis.core import QgsFeature, QgsGeometry

    package = tmp_path / "bezirke.gpkg"
    shutil.copy(expected["folder"] / "joined.gpkg", package)
    layer = QgsVectorLayer(f"{package}|layername=joined", "j", "ogr")
    assert layer.startEditing()
    added = QgsFeature(layer.fields())
    added.setGeometry(QgsGeometry.fromWkt("POLYGON((390000 5810000,391000 5810000,391000 5811000,390000 5810000))"))
    added["PLR_ID"] = "99999999"
    assert layer.addFeature(added)
    first = next(layer.getFeatures("\"PLR_ID\" = '01100101'"))
    layer.changeAttributeValue(first.id(), layer.fields().indexFromName("PLR_NAME"), "Geändert")
    try:
        params = dict(join_params(str(tmp_path / "out.gpkg")), INPUT=layer)
        out = QgsVectorLayer(processing.run("sozialraum:jointable", params)["OUTPUT"], "o", "ogr")
    finally:
        layer.rollBack()
    rows = values(out, "PLR_ID", "PLR_NAME", "S1")
    assert len(rows) == 543 and rows["99999999"] == (None, None)
    assert rows["01100101"][0] == "Geändert" and rows["01100101"][1] == expected["join_values"]["01100101"][0]
    assert writer_spare_fid() not in out.fields().names()
    ids = [f.id() for f in out.getFeatures()]
    assert len(set(ids)) == 543 and sorted(ids)[:542] == list(range(1, 543))


def writer_spare_fid() -> str:
    from sozialraum_plugin.gis import writer

    return writer.SPARE_FID
