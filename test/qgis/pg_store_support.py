"""Helpers of the PostGIS store tests: an authentication configuration and a QGIS connection per
role (as a planner sets them up), the Berlin sample loaded into PostGIS, a definition reading from
it and publishing into schema ``bericht``."""
from __future__ import annotations

import json
from pathlib import Path

BERLIN = Path(__file__).resolve().parents[2] / "resources" / "sample" / "berlin"
MASTER = "sozialraum-test-master"  # the test profiles' master password of the QGIS auth database
TABLES = {"mss_2021_index_indikatoren.csv": "mss_index", "mss_2021_kontext_indikatoren.csv": "mss_kontext",
          "einwohnerbestand_2022-06_plr_semikolon.csv": "einwohner"}


def server(postgis) -> dict:
    """host, port, dbname and {role: password} of the ``postgis`` fixture (test/pg_support.py)."""
    return {"host": str(postgis.host), "port": str(postgis.port), "dbname": str(postgis.dbname),
            "users": dict(postgis.passwords)}


def connect(pg: dict, role: str, name: str | None = None, cfg_id: str | None = None) -> str:
    """A QGIS connection ``name`` (default: the role) whose credentials are in the auth database;
    ``cfg_id``: the configuration's id, the same on every desktop of the office (as an administrator
    distributes it), so that layers of a project stored in the database open for each colleague."""
    from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsDataSourceUri, QgsProviderRegistry

    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        assert manager.setMasterPassword(MASTER, True), "the test profile's auth database has another master password"
    config = QgsAuthMethodConfig("Basic")
    config.setName(f"sozialraum test {role}")
    config.setConfig("username", role)
    config.setConfig("password", pg["users"][role])
    if cfg_id:
        if cfg_id in manager.configIds():
            manager.removeAuthenticationConfig(cfg_id)
        config.setId(cfg_id)
    ok = manager.storeAuthenticationConfig(config)
    assert ok[0] if isinstance(ok, tuple) else ok
    uri = QgsDataSourceUri()
    uri.setConnection(pg["host"], pg["port"], pg["dbname"], "", "", QgsDataSourceUri.SslMode.SslDisable, config.id())
    md = QgsProviderRegistry.instance().providerMetadata("postgres")
    md.saveConnection(md.createConnection(uri.uri(False), {}), name or role)
    return name or role


def run_sql(name: str, statement: str) -> list:
    from qgis.core import QgsProviderRegistry

    conn = QgsProviderRegistry.instance().providerMetadata("postgres").findConnection(name)
    return conn.executeSql(statement) or []


def load_berlin(name: str, schema: str = "statistik") -> None:
    """The boundaries and the three tables into ``schema`` (typed columns, keys as text)."""
    from urllib.parse import quote

    import pandas as pd
    from qgis.core import (
        QgsDataSourceUri,
        QgsFeature,
        QgsFeatureRequest,
        QgsProviderRegistry,
        QgsVectorLayer,
        QgsVectorLayerExporter,
    )

    from sozialraum_plugin.core.tables.read import read_table

    conn = QgsProviderRegistry.instance().providerMetadata("postgres").findConnection(name)
    conn.executeSql(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')

    def export(layer, table, geometry):
        uri = QgsDataSourceUri(conn.uri())
        uri.setDataSource(schema, table, geometry, "", "fid")
        code, message = QgsVectorLayerExporter.exportLayer(layer, uri.uri(False), "postgres", layer.crs(), False,
                                                           {"overwrite": True})
        assert getattr(code, "value", code) == 0, message

    # (materialised: QGIS lowercases a shapefile's field names on export to PostgreSQL)
    shapes = QgsVectorLayer(str(BERLIN / "lor_planungsraeume_2021.shp"), "b", "ogr")
    export(shapes.materialize(QgsFeatureRequest()), "lor_2021", "geom")
    for file, table in TABLES.items():
        frame = read_table(str(BERLIN / file), key_columns=["PLR_ID" if "mss" in file else "PLR-ID"]).frame
        numeric = [str(frame[c].dtype).startswith(("float", "int")) for c in frame.columns]
        spec = "&".join(f"field={quote(str(c))}:{'double' if n else 'string'}" for c, n in zip(frame.columns, numeric))
        layer = QgsVectorLayer(f"None?{spec}", table, "memory")  # (no QVariant types: Qt6-safe)
        assert layer.fields().names() == [str(c) for c in frame.columns]
        features = []
        for row in frame.itertuples(index=False):
            feature = QgsFeature(layer.fields())
            feature.setAttributes([None if pd.isna(v) else (float(v) if n else str(v)) for v, n in zip(row, numeric)])
            features.append(feature)
        layer.dataProvider().addFeatures(features)
        export(layer, table, None)


def berlin_definition(folder: Path, connection: str, schema: str = "bericht", source: str | None = "statistik",
                      store: bool = True) -> Path:
    """The Berlin sample's definition with boundaries and tables read from ``source`` (None: files)
    and the report published into ``schema`` of ``connection``."""
    data = json.loads((BERLIN / "sozialbericht_berlin_2021.json").read_text(encoding="utf-8"))
    if source:
        data["boundaries"] = {"connection": connection, "schema": source, "table": "lor_2021"}
        for table in data["tables"]:
            table["path"] = {"connection": connection, "schema": source, "table": TABLES[table["path"]]}
    else:
        data["boundaries"] = str(BERLIN / data["boundaries"])
        for table in data["tables"]:
            table["path"] = str(BERLIN / table["path"])
    if data.get("supply"):  # the Kita list stays a file beside the sample
        data["supply"]["facilities"] = str(BERLIN / data["supply"]["facilities"])
    if store:
        data["store"] = {"connection": connection, "schema": schema}
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "bericht.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path
