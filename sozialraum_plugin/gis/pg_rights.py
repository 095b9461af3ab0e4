"""Before a report writes into a schema: may this role do it? Said plainly, not deep in GDAL."""
from __future__ import annotations

from ..core.errors import SozialraumError
from ..core.report.db_source import sql_literal, sql_name
from .pg_connection import sql

#: the tables a report replaces in its schema (its runs: gis/pg_lease.py; the project: gis/pg_project.py)
REPORT_TABLES = ("sozialraum", "series", "sozialraum_runs", "qgis_projects")
STYLE_RIGHTS = ("SELECT", "INSERT", "UPDATE", "DELETE")


def check_write_rights(conn, schema: str, role: str, database: str) -> bool:
    """Raise one plain message naming what the role lacks: the schema (USAGE, CREATE; created when
    missing and the role may), the report's tables (owned by the role or a group of it) and
    public.layer_styles (where QGIS keeps default styles; read, insert, update, delete).
    True when the schema was created here (no other role can read it yet)."""
    s = sql_literal(schema)
    rows = sql(conn, f"SELECT has_schema_privilege(oid, 'USAGE'), has_schema_privilege(oid, 'CREATE') "
                     f"FROM pg_namespace WHERE nspname = {s}")
    if not rows:
        may_create = sql(conn, "SELECT has_database_privilege(current_database(), 'CREATE')")[0][0]
        if not may_create:
            raise SozialraumError("db_schema_missing", schema=schema, database=database, role=role)
        sql(conn, f"CREATE SCHEMA IF NOT EXISTS {sql_name(schema)}")
        rows, created = [[True, True]], True
    else:
        created = False
    missing = [right for right, granted in zip(("USAGE", "CREATE"), rows[0]) if not granted]
    if missing:
        raise SozialraumError("db_no_right", role=role, schema=schema,  # what the administrator types
                              rights=f"GRANT {', '.join(missing)} ON SCHEMA {sql_name(schema)} TO {sql_name(role)}")
    names = ", ".join(sql_literal(t) for t in REPORT_TABLES)
    for table, owner, member in sql(conn, (
            "SELECT c.relname, pg_get_userbyid(c.relowner), pg_has_role(c.relowner, 'USAGE') "
            "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            f"WHERE n.nspname = {s} AND c.relname IN ({names}) "
            f"ORDER BY array_position(ARRAY[{names}], c.relname::text)")):  # (the report's layer first, always)
        if not member:
            raise SozialraumError("db_not_owner", schema=schema, table=table, owner=owner, role=role)
    _check_style_rights(conn, schema, role)
    return created


def _check_style_rights(conn, schema: str, role: str) -> None:
    exists = sql(conn, "SELECT to_regclass('public.layer_styles') IS NOT NULL")[0][0]
    if not exists:
        if not sql(conn, "SELECT has_schema_privilege('public', 'CREATE')")[0][0]:
            raise SozialraumError("db_styles_missing", role=role)
        return  # QGIS creates it with the first style
    checks = ", ".join(f"has_table_privilege('public.layer_styles', '{r}')" for r in STYLE_RIGHTS)
    granted = sql(conn, f"SELECT {checks}, coalesce(has_sequence_privilege("
                        f"pg_get_serial_sequence('public.layer_styles', 'id'), 'USAGE'), true)")[0]
    missing = [r for r, ok in zip(STYLE_RIGHTS, granted) if not ok]
    if missing:
        text = f"GRANT {', '.join(missing)} ON public.layer_styles TO {sql_name(role)}"
    elif not granted[-1]:
        text = f"GRANT USAGE ON SEQUENCE public.layer_styles_id_seq TO {sql_name(role)}"
    else:
        return
    raise SozialraumError("db_no_right", role=role, schema=schema, rights=text)
