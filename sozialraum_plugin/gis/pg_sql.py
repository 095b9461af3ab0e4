"""SQL pieces both PostGIS writers use (an algorithm's OUTPUT table: gis/destination.py; the
report's store: gis/pg_store.py): one spatial index, one way to keep a replaced table's grants."""
from __future__ import annotations

from ..core.report.db_source import dollar_quoted, sql_literal


def spatial_index(conn, schema: str, table: str, geometry: str) -> None:
    """A GIST index on ``geometry``: QGIS's exporter makes none, and a map of a 100 m grid needs it."""
    from qgis.core import QgsAbstractDatabaseProviderConnection

    options = QgsAbstractDatabaseProviderConnection.SpatialIndexOptions()
    options.geometryColumnName = geometry
    conn.createSpatialIndex(schema, table, options)


def copy_grants_sql(schema: str, old: str, new: str) -> str:
    """A statement giving table ``new`` the rights granted on ``old`` (other than its owner's), read
    when it runs: part of the swap's transaction, before ``old`` is dropped (an administrator's
    GRANT SELECT to another department would go with it)."""
    body = ("DECLARE r record; BEGIN FOR r IN SELECT a.grantee, a.privilege_type "
            "FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a "
            f"WHERE c.oid = to_regclass(format('%I.%I', {sql_literal(schema)}, {sql_literal(old)})) "
            "AND a.grantee <> c.relowner LOOP "
            "EXECUTE format('GRANT %s ON %I.%I TO %s', r.privilege_type, "
            f"{sql_literal(schema)}, {sql_literal(new)}, "
            "CASE WHEN r.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(r.grantee)) END); "
            "END LOOP; END")
    return f"DO {dollar_quoted(body)}"
