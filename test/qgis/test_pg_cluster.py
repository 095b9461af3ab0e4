"""The tests' own PostGIS server: roles as an office sets them up, and QGIS reading through it."""
from __future__ import annotations


def test_roles_have_the_rights_an_office_gives(postgis):
    """The writer may create in its schema, the reader may only look (what the report store
    relies on, checked here so a broken set-up is named in one place)."""
    schema = "bericht"
    postgis.sql(f"CREATE TABLE {schema}.probe (id int); INSERT INTO {schema}.probe VALUES (1)", user="sr_writer")
    try:
        assert postgis.rows(f"SELECT id FROM {schema}.probe", user="sr_reader") == [["1"]]
        denied = postgis.sql(f"INSERT INTO {schema}.probe VALUES (2)", user="sr_reader", check=False)
        assert denied.returncode != 0 and "permission denied" in denied.stderr
        denied = postgis.sql(f"CREATE TABLE {schema}.other (id int)", user="sr_reader", check=False)
        assert denied.returncode != 0 and "permission denied" in denied.stderr
    finally:
        postgis.sql(f"DROP TABLE {schema}.probe", user="sr_writer")
    version = postgis.rows("SELECT postgis_lib_version()")[0][0]
    assert int(version.split(".")[0]) >= 3


def test_qgis_reads_a_postgis_layer(postgis, sample_dir):
    """Boundaries loaded into PostGIS as an office loads them open in QGIS's postgres provider."""
    from qgis.core import Qgis, QgsVectorLayer, QgsVectorLayerExporter, QgsWkbTypes

    schema = postgis.new_schema(owner="sr_admin", prefix="src")
    shp = sample_dir / "koeln" / "Stadtteil.shp"
    source = QgsVectorLayer(str(shp), "shp", "ogr")
    # QGIS's exporter, as a GIS officer loads a file: names as QGIS decodes them ('Dellbrück')
    error, message = QgsVectorLayerExporter.exportLayer(
        source, postgis.layer_uri(schema, "stadtteile", user="sr_admin"), "postgres", source.crs())[:2]
    assert error == Qgis.VectorExportResult.Success, message
    layer = QgsVectorLayer(postgis.layer_uri(schema, "stadtteile", user="sr_reader"), "pg", "postgres")
    assert layer.isValid(), layer.dataProvider().error().message() if layer.dataProvider() else "no provider"
    assert layer.featureCount() == source.featureCount() > 80
    assert QgsWkbTypes.geometryType(layer.wkbType()) == QgsWkbTypes.GeometryType.PolygonGeometry
    field = next(n for n in layer.fields().names() if n.lower() == "stt_name")
    assert "Dellbrück" in {f[field] for f in layer.getFeatures()}
