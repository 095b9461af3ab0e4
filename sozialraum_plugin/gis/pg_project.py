"""Sozialbericht as a QGIS project in the report's schema (QGIS's PostgreSQL project storage), so
that a colleague opens the maps and layouts from the database (Project ▸ Open From ▸ PostgreSQL).

A copy of the folder's Sozialbericht.qgz whose layers on the published sozialraum.gpkg (its
layer and its series) read the schema's tables instead; the layouts stay as they are. Written after
the tables are in place, in one statement of QGIS's storage (an upsert into
``<schema>.qgis_projects``). The layers name the connection's authentication configuration by its
id (or its service): a colleague needs a configuration with the same id (or the same service) —
see the notes on distributing the office's configuration.
"""
from __future__ import annotations

import os
from urllib.parse import quote, urlencode

from qgis.core import QgsDataProvider, QgsDataSourceUri, QgsProject

PROJECT_NAME = "Sozialbericht"


def project_uri(conn, schema: str, name: str = PROJECT_NAME) -> str:
    """postgresql://host:port?dbname=…&schema=…&project=…&authcfg=… (no user, no password)."""
    uri = QgsDataSourceUri(conn.uri())
    query = {key: value for key, value in (
        ("service", uri.service()), ("dbname", uri.database()), ("schema", schema), ("project", name),
        ("authcfg", uri.authConfigId())) if value}
    if uri.sslMode() == QgsDataSourceUri.SslMode.SslDisable:
        query["sslmode"] = "disable"
    host = f"{uri.host()}:{uri.port()}" if uri.host() and uri.port() else uri.host()
    return f"postgresql://{quote(host, safe=':')}?{urlencode(query)}"


def store_project(conn, schema: str, qgz: str, db_layer: str, db_series: str | None) -> str:
    """Write the copy; returns its URI ('' when the folder has no project)."""
    if not os.path.isfile(qgz):
        return ""
    project = QgsProject()
    if not project.read(qgz):
        raise OSError(project.error() or qgz)
    target = os.path.normcase(os.path.abspath(os.path.join(os.path.dirname(qgz), "sozialraum.gpkg")))
    for layer in project.mapLayers().values():
        path, _bar, rest = layer.source().partition("|")
        if layer.providerType() != "ogr" or os.path.normcase(os.path.abspath(path)) != target:
            continue
        source = db_series if "layername=series" in rest else db_layer
        if source:  # the layer keeps its renderer, labels and name
            layer.setDataSource(source, layer.name(), "postgres", QgsDataProvider.ProviderOptions())
    location = project_uri(conn, schema)
    if not project.write(location):
        raise OSError(project.error() or location)
    project.clear()
    return location
