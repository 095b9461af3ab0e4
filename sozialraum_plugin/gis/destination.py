"""Where an output goes: a GeoPackage file, a Processing sink (memory:, ogr:dbname=…), or PostGIS.

A file is written by ``writer.py`` under a temporary name and moved into place. A PostGIS table
is written by QGIS's exporter into a staging table beside it and renamed into place together with
dropping the old one, in one SQL transaction (``QgsAbstractDatabaseProviderConnection.executeSql``):
a failed run leaves the previous table, a reader sees the old table or the new one. A new layer
of an existing GeoPackage (``ogr:dbname=… table=…``) is exported beside the old one and takes
its place once complete (GDAL's SQLite cannot rename in one transaction with the drop: the window
is the two metadata statements). Memory layers go through Processing's own sink (``parameterAsSink``).
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from typing import Callable

from ..core.errors import SozialraumError
from ..core.report.db_source import sql_literal, sql_name
from .pg_sql import copy_grants_sql, spatial_index

PG_PREFIXES = ("postgres://", "postgis:", "postgres:")


class OutputError(SozialraumError):
    """An output cannot be written where it was asked for."""


@dataclass
class Destination:
    kind: str  # "file" | "sink" (memory) | "gpkg_table" (ogr:dbname=… table=…) | "postgres"
    layer_name: str
    path: str = ""  # the GeoPackage file (kind "file"; the dbname of an ogr: sink)
    text: str = ""  # the destination as given (sink) or the provider URI (postgres)
    make_sink: Callable | None = None  # (fields, wkb, crs) → (sink, id): Processing's sink
    on_written: Callable | None = None  # (result) after a database table is in place

    def write(self, layer, fields, wkb, batches, add):
        from .writer import WrittenLayer, check_destination, source_path

        if self.path:
            check_destination(self.path, source_path(layer) if self._same_table(layer) else "")
        if self.kind == "postgres":
            result = write_postgres(self.text, layer, fields, wkb, batches, add)
        elif self.kind == "gpkg_table":
            result = write_gpkg_table(self.path, self.layer_name, layer, fields, wkb, batches, add)
        else:
            if self.make_sink is None:
                raise OutputError("output_not_supported", file=self.text)
            sink, result = self.make_sink(fields, wkb, layer.crs())
            if sink is None:
                raise OutputError("output_write_failed", file=self.text, reason="QGIS made no sink")
            for batch in batches:
                add(sink, batch, self.text)
            sink.flushBuffer()
            del sink  # closes the file or table
        if self.on_written is not None:
            self.on_written(result)
        return WrittenLayer("", self.layer_name, False, result=result)

    def display(self) -> str:
        """The destination as a message names it (a database table without its password)."""
        if self.kind == "postgres":
            return _display(self.text)
        if self.kind == "gpkg_table":
            return f"{self.path} ({self.layer_name})"
        return self.path or self.text or self.layer_name

    def _same_table(self, layer) -> bool:
        from qgis.core import QgsProviderRegistry

        if layer.providerType() != "ogr":
            return False
        name = QgsProviderRegistry.instance().decodeUri("ogr", layer.source()).get("layerName")
        return not name or name.lower() == self.layer_name.lower()


def _table_of(uri_text: str) -> tuple[str, str]:
    from qgis.core import QgsDataSourceUri

    uri = QgsDataSourceUri(uri_text)
    return uri.schema(), uri.table()


def destination(dest: str, default_name: str = "joined", make_sink=None, on_written=None) -> Destination:
    """The destination a Processing OUTPUT (or a caller's path) names.

    A path ending in .gpkg is a file; ``memory:``/TEMPORARY_OUTPUT and ``ogr:dbname=… table=…``
    go to Processing's sink; ``postgres://…``, ``postgis:…`` and ``postgres:…`` name a PostGIS
    table. Nothing given: a GeoPackage in a new temporary folder.
    """
    text = str(dest or "")
    if not text:
        folder = tempfile.mkdtemp(prefix="sozialraum_")
        return Destination("file", default_name, path=os.path.join(folder, f"{default_name}.gpkg"))
    if text == "TEMPORARY_OUTPUT" or text.startswith("memory:"):
        name = text[len("memory:"):] if text.startswith("memory:") else ""
        return Destination("sink", name or default_name, text=text, make_sink=make_sink)
    for prefix in PG_PREFIXES:
        if text.startswith(prefix):
            uri = text[len(prefix):]
            schema, table = _table_of(uri)
            if not table:
                raise OutputError("output_no_table", file=_display(uri))
            return Destination("postgres", table, text=uri, on_written=on_written)
    if text.startswith("ogr:"):
        from qgis.core import QgsDataSourceUri

        uri = QgsDataSourceUri(text[4:])
        path, table = uri.database() or uri.param("dbname"), uri.table()
        if not table or not path.lower().endswith(".gpkg"):
            raise OutputError("output_not_gpkg", file=text)
        return Destination("gpkg_table", table, path=path, text=text, on_written=on_written)
    path = text.split("|", 1)[0]
    if not path.lower().endswith(".gpkg"):
        raise OutputError("output_not_gpkg", file=path)
    return Destination("file", os.path.splitext(os.path.basename(path))[0], path=path)


def _display(uri_text: str) -> str:
    """A database table as the user may see it in a message: no password."""
    from qgis.core import QgsDataSourceUri

    uri = QgsDataSourceUri(uri_text)
    where = f"{uri.host() or 'localhost'}:{uri.port() or '5432'}/{uri.database()}"
    return f"{where} {uri.schema() or 'public'}.{uri.table()}"


def connection(uri_text: str):
    """QGIS's connection to the database of ``uri_text`` (its authentication configuration used)."""
    from qgis.core import QgsProviderRegistry

    return QgsProviderRegistry.instance().providerMetadata("postgres").createConnection(uri_text, {})


def write_postgres(uri_text: str, layer, fields, wkb, batches, add) -> str:
    """Export into a staging table, then drop the old table and rename the staging one in one
    transaction; returns the Processing result (``postgres://`` + the table's URI)."""
    from qgis.core import QgsDataSourceUri, QgsVectorLayerExporter

    uri = QgsDataSourceUri(uri_text)
    schema, table = uri.schema() or "public", uri.table()
    staging = f"{table[:40]}_sr_{os.urandom(4).hex()}"
    geometry = uri.geometryColumn() or "geom"
    stage_uri = QgsDataSourceUri(uri)
    stage_uri.setDataSource(schema, staging, geometry, "", uri.keyColumn())
    where = _display(uri_text)
    conn = connection(uri.uri(False))
    exporter = QgsVectorLayerExporter(stage_uri.uri(False), "postgres", fields, wkb, layer.crs(), True, {})
    try:
        if _failed(exporter):
            raise OutputError("output_write_failed", file=where, reason=exporter.errorMessage())
        for batch in batches:
            add(exporter, batch, where)
        exporter.flushBuffer()
        del exporter
        exporter = None
        _check_srid(conn, layer, schema, staging, where)
        if layer.isSpatial():
            spatial_index(conn, schema, staging, geometry)
        # one string, one implicit transaction (libpq runs a multi-statement query as one): on
        # any error nothing of it holds and the pooled connection is left clean
        conn.executeSql(copy_grants_sql(schema, table, staging) + "; "
                        + f"DROP TABLE IF EXISTS {sql_name(schema)}.{sql_name(table)}; "
                        f"ALTER TABLE {sql_name(schema)}.{sql_name(staging)} RENAME TO {sql_name(table)}")
    except BaseException as error:
        exporter = None  # noqa: F841 (the staging table is closed before it is dropped)
        try:
            conn.executeSql(f"DROP TABLE IF EXISTS {sql_name(schema)}.{sql_name(staging)}")
        except Exception:  # noqa: BLE001 - the first error is the one to report
            pass
        if isinstance(error, SozialraumError):
            raise
        if isinstance(error, Exception) and type(error).__name__ == "QgsProviderConnectionException":
            raise OutputError("output_write_failed", file=where, reason=str(error)) from None
        raise
    final = QgsDataSourceUri(uri)
    final.setDataSource(schema, table, geometry, "", uri.keyColumn())
    return "postgres://" + final.uri(False)


def _check_srid(conn, layer, schema: str, table: str, where: str) -> None:
    """QGIS's exporter writes a CRS the database has no code for (a custom one without EPSG code,
    Köln's) with SRID 0: the table would have no CRS at all. Refused, by name, before the swap."""
    crs = layer.crs()
    if not (layer.isSpatial() and crs.isValid()):
        return
    rows = conn.executeSql("SELECT srid FROM geometry_columns WHERE f_table_schema = "
                           f"{sql_literal(schema)} AND f_table_name = {sql_literal(table)}")
    if rows and all(str(row[0]) in ("0", "", "None") for row in rows):
        raise OutputError("output_crs_not_in_database", file=where,
                          crs=crs.authid() or ", ".join(t for t in (crs.description(), crs.toProj()) if t))


def write_gpkg_table(path: str, table: str, layer, fields, wkb, batches, add) -> str:
    """A layer ``table`` in the GeoPackage ``path`` (created if missing) through QGIS's exporter;
    an existing layer of that name is replaced only once the new one is complete."""
    from qgis.core import QgsProviderRegistry, QgsVectorLayerExporter

    from .writer import discard

    existed = os.path.exists(path)
    staging = f"{table[:40]}_sr_{os.urandom(4).hex()}" if existed else table
    options = {"driverName": "GPKG", "layerName": staging, **({"update": True} if existed else {})}
    exporter = QgsVectorLayerExporter(path, "ogr", fields, wkb, layer.crs(), True, options)
    conn = None
    try:
        if _failed(exporter):
            raise OutputError("output_write_failed", file=f"{path} ({table})", reason=exporter.errorMessage())
        for batch in batches:
            add(exporter, batch, f"{path} ({table})")
        exporter.flushBuffer()
        del exporter
        exporter = None
        if existed:
            conn = QgsProviderRegistry.instance().providerMetadata("ogr").createConnection(path, {})
            if conn.tableExists("", table):
                conn.dropVectorTable("", table)
            conn.renameVectorTable("", staging, table)
    except BaseException:
        exporter = None  # noqa: F841 (closed before it is removed)
        if not existed:
            discard(path)
        else:
            try:
                conn = conn or QgsProviderRegistry.instance().providerMetadata("ogr").createConnection(path, {})
                if conn.tableExists("", staging):
                    conn.dropVectorTable("", staging)
            except Exception:  # noqa: BLE001 - the first error is the one to report
                pass
        raise
    return f"{path}|layername={table}"


def _failed(exporter) -> bool:
    """Did QGIS's exporter fail to create the table?"""
    from qgis.core import Qgis

    return exporter.errorCode() != Qgis.VectorExportResult.Success
