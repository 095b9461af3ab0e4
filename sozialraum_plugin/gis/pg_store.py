"""The report's PostGIS store: the published district layer, the published series table and the
map's style, written into a schema through QGIS (QgsVectorLayerExporter, executeSql,
saveStyleToDatabase).

All or nothing: the tables are written under staging names first (``_sr_stage_<run>_…``), the
style is saved as the staging layer's default in public.layer_styles, then ONE SQL transaction
(checking this run's lease) drops last run's tables, renames the staging ones into place, moves the
style rows over and gives back the grants last run's tables had. A run that fails or is killed
before that transaction leaves the previous report as it was (its staging tables are dropped by
the next run, which holds the lease). Only published data go to the database: the internal layer
with its raw counts stays in the local output folder (the database is shared with other
departments).
"""
from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsVectorLayer,
    QgsVectorLayerExporter,
)
from qgis.PyQt.QtXml import QDomDocument

from ..core.errors import SozialraumError
from ..core.report.db_source import dollar_quoted, sql_literal, sql_name
from .pg_connection import DB_ERRORS, connection, error_text, probe, sql, table_uri
from .pg_lease import Lease, runs_table
from .pg_rights import check_write_rights
from .pg_sql import copy_grants_sql, spatial_index

STAGE = "_sr_stage_"
LAYER_TABLE = "sozialraum"
SERIES_TABLE = "series"
STYLE_NAME = "Sozialraum"  # the report's own row in public.layer_styles
#: the comment on every table a report run puts in place: only such tables are replaced by the next run
MARK = "Sozialraum report: written by the Sozialraum plugin, replaced by the next report run"


class PgStore:
    """Opened before a report computes anything (rights, lease); ``publish`` at its end."""

    def __init__(self, spec):
        self.name, self.schema = spec.connection, spec.schema
        self.conn = connection(spec.connection)
        who = probe(self.conn, spec.connection)
        self.role, self.database = who["role"], who["database"]
        self.lease = Lease(self.conn, self.schema, self.role)
        self.created_schema = False

    def begin(self) -> None:
        self.created_schema = check_write_rights(self.conn, self.schema, self.role, self.database)
        self._check_own_tables()
        self.lease.acquire()
        try:
            self._drop_stale_stages()
        except BaseException:  # the caller gets no store to end: the lease must not outlive this
            self.lease.release()
            raise

    def end(self) -> None:
        self.lease.release()

    # ------------------------------------------------------------------------------------
    def publish(self, layer_uri: str, series_uri: str | None) -> dict:
        """Write the published layer (with its default style) and series table; returns the
        tables' layer URIs (without credentials: the connection's authcfg or service)."""
        self.lease.renew()
        tag = STAGE + self.lease.token[:8] + "_"
        staged: list[str] = []
        try:
            layer = QgsVectorLayer(layer_uri, LAYER_TABLE, "ogr")  # with its default style (the first map)
            stage = tag + LAYER_TABLE
            geometry = self._export(layer, stage, staged, LAYER_TABLE)
            moves = [(stage, LAYER_TABLE)]
            if series_uri:
                series = QgsVectorLayer(series_uri, SERIES_TABLE, "ogr")
                self._export(series, tag + SERIES_TABLE, staged, SERIES_TABLE)
                moves.append((tag + SERIES_TABLE, SERIES_TABLE))
            styled = self._style(layer, stage, geometry)
            self._swap(moves, styled)
        except BaseException:
            self._drop(staged)
            raise
        result = {"DB_LAYER": table_uri(self.conn, self.schema, LAYER_TABLE, geometry, "fid")}
        if series_uri:
            result["DB_SERIES"] = table_uri(self.conn, self.schema, SERIES_TABLE, "", "fid")
        return result

    def store_project(self, qgz: str, published: dict) -> str:
        """Sozialbericht.qgz as a project in the schema, its data layers on the tables (gis/pg_project.py)."""
        from .pg_project import store_project

        self.lease.renew()
        try:
            return store_project(self.conn, self.schema, qgz, published["DB_LAYER"], published.get("DB_SERIES"))
        except OSError as error:  # (the tables are in place already: not "previous report unchanged")
            raise SozialraumError("db_project_failed", schema=self.schema, project="Sozialbericht",
                                  reason=error_text(error)) from None

    def _export(self, layer: QgsVectorLayer, table: str, staged: list, shown: str) -> str:
        if not layer.isValid():
            raise SozialraumError("db_write_failed", table=shown, schema=self.schema,
                                  reason=f"{layer.source()} cannot be read")
        geometry = "geom" if layer.isSpatial() else ""
        uri = table_uri(self.conn, self.schema, table, geometry, "fid")
        crs = layer.crs() if layer.isSpatial() else QgsCoordinateReferenceSystem()
        staged.append(table)  # (dropped on failure even when half-created)
        code, message = QgsVectorLayerExporter.exportLayer(layer, uri, "postgres", crs, False, {})
        if getattr(code, "value", code) != 0:  # Success / NoError: 0 (an enum from 3.22, a Python enum later)
            raise SozialraumError("db_write_failed", table=shown, schema=self.schema, reason=message or str(code))
        if geometry:  # the exporter makes none; a colleague's map of a 100 m grid needs it (renamed by the swap)
            try:
                spatial_index(self.conn, self.schema, table, geometry)
            except DB_ERRORS as error:
                raise SozialraumError("db_write_failed", table=shown, schema=self.schema,
                                      reason=error_text(error)) from None
        return geometry

    def _style(self, layer: QgsVectorLayer, stage: str, geometry: str) -> bool:
        """The local layer's default style (the report's first map) as the staging table's default
        in public.layer_styles; moved to the final table by the swap. False: nothing to store."""
        if not layer.isValid() or not layer.listStylesInDatabase()[0]:
            return False
        document = QDomDocument()
        layer.exportNamedStyle(document)
        target = QgsVectorLayer(table_uri(self.conn, self.schema, stage, geometry, "fid"), stage, "postgres")
        target.importNamedStyle(document)
        error = target.saveStyleToDatabase(STYLE_NAME, STYLE_NAME, True, "")
        if error:
            raise SozialraumError("db_write_failed", table="public.layer_styles", schema=self.schema, reason=error)
        return True

    def _swap(self, moves: list, styled: bool) -> None:
        schema = sql_name(self.schema)
        statements = [self.lease.check_sql()]
        for stage, final in moves:
            statements += [copy_grants_sql(self.schema, final, stage),
                           f"DROP TABLE IF EXISTS {schema}.{sql_name(final)}",
                           f"ALTER TABLE {schema}.{sql_name(stage)} RENAME TO {sql_name(final)}",
                           f"COMMENT ON TABLE {schema}.{sql_name(final)} IS {sql_literal(MARK)}"]
            if final == LAYER_TABLE and (styled or self._has_styles()):  # last run's style goes too
                where = f"f_table_schema = {sql_literal(self.schema)} AND f_table_name = "
                # the report's own row goes; a style a colleague saved for the table stays, not default
                statements += [f"DELETE FROM public.layer_styles WHERE {where}{sql_literal(final)} "
                               f"AND stylename = {sql_literal(STYLE_NAME)}"]
                if styled:
                    statements.append(f"UPDATE public.layer_styles SET useasdefault = false "
                                      f"WHERE {where}{sql_literal(final)}")
                statements.append(f"UPDATE public.layer_styles SET f_table_name = {sql_literal(final)} "
                                  f"WHERE {where}{sql_literal(stage)}")
        if SERIES_TABLE not in (final for _stage, final in moves):  # last year's, under last year's rule
            statements.append(f"DROP TABLE IF EXISTS {schema}.{sql_name(SERIES_TABLE)}")
        statements.append(self._rename_parts_sql(moves[0][0][:-len(moves[0][1])]))
        try:
            sql(self.conn, ";\n".join(statements))  # one string: one transaction
        except DB_ERRORS as error:
            raise SozialraumError("db_write_failed", table=", ".join(f for _s, f in moves), schema=self.schema,
                                  reason=error_text(error)) from None

    def _rename_parts_sql(self, tag: str) -> str:
        """The staging tables' indexes and sequences (key, spatial index) lose the staging tag too."""
        s, t = sql_literal(self.schema), sql_literal(tag)
        return "DO " + dollar_quoted(
            "DECLARE r record; BEGIN FOR r IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n "
            f"ON n.oid = c.relnamespace WHERE n.nspname = {s} AND c.relkind IN ('i', 'S') AND "
            f"strpos(c.relname, {t}) > 0 LOOP EXECUTE format('ALTER %s %I.%I RENAME TO %I', "
            f"CASE WHEN r.relkind = 'i' THEN 'INDEX' ELSE 'SEQUENCE' END, {s}, r.relname, "
            f"replace(r.relname, {t}, '')); END LOOP; END")

    def _check_own_tables(self) -> None:
        """The office may keep a table named like the report's in the schema: never dropped. (A
        schema with a runs table had report runs before the mark: its tables are the report's.)"""
        if sql(self.conn, f"SELECT to_regclass({sql_literal(runs_table(self.schema))}) IS NOT NULL")[0][0]:
            return
        names = ", ".join(sql_literal(t) for t in (LAYER_TABLE, SERIES_TABLE))
        for (table,) in sql(self.conn, (
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                f"WHERE n.nspname = {sql_literal(self.schema)} AND c.relname IN ({names}) AND "
                f"coalesce(obj_description(c.oid, 'pg_class'), '') <> {sql_literal(MARK)} ORDER BY c.relname DESC")):
            raise SozialraumError("db_table_foreign", schema=self.schema, table=str(table))

    def _has_styles(self) -> bool:
        return bool(sql(self.conn, "SELECT to_regclass('public.layer_styles') IS NOT NULL")[0][0])

    def _drop(self, tables: list) -> None:
        for table in tables:
            try:
                sql(self.conn, f"DROP TABLE IF EXISTS {sql_name(self.schema)}.{sql_name(table)}")
                if self._has_styles():
                    sql(self.conn, f"DELETE FROM public.layer_styles WHERE f_table_schema = "
                                   f"{sql_literal(self.schema)} AND f_table_name = {sql_literal(table)}")
            except DB_ERRORS:
                continue  # best effort: the next run drops what is left

    def _drop_stale_stages(self) -> None:
        """Staging tables of a run that was killed: no one else writes now (this run holds the lease)."""
        rows = sql(self.conn, (
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            f"WHERE n.nspname = {sql_literal(self.schema)} AND c.relkind = 'r' "
            f"AND left(c.relname, {len(STAGE)}) = {sql_literal(STAGE)}"))
        self._drop([str(r[0]) for r in rows])

