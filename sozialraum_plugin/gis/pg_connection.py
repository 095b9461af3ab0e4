"""A PostgreSQL connection of the QGIS profile, by name: credentials only through QGIS.

The report names a connection (Settings ▸ Data Source Manager ▸ PostgreSQL), never a password: a
connection that keeps its password in plain text in the QGIS settings is refused, so that it ends
up neither in the definition, the project, nor a log. A connection with an authentication
configuration (``authcfg``) or a ``service`` (pg_service.conf / .pgpass) is used as it is.

SQL goes through QgsAbstractDatabaseProviderConnection.executeSql. QGIS pools its connections,
so no state may be carried from one call to the next: each call is one statement or one
multi-statement string, which PostgreSQL runs as one transaction (no explicit BEGIN: an error
after it would leave the pooled connection in an aborted transaction).
"""
from __future__ import annotations

import re

from qgis.core import QgsDataSourceUri, QgsProviderRegistry

from ..core.errors import SozialraumError
from ..core.report.db_source import db_table, sql_literal, sql_name

try:  # the exception executeSql raises (3.22: QgsProviderConnectionException; some builds: QgsException)
    from qgis.core import QgsProviderConnectionException as _ConnectionError
except ImportError:  # pragma: no cover
    _ConnectionError = Exception
try:
    from qgis.core import QgsException
except ImportError:  # pragma: no cover
    QgsException = _ConnectionError
DB_ERRORS = (_ConnectionError, QgsException)


def metadata():
    return QgsProviderRegistry.instance().providerMetadata("postgres")


def connection_names() -> list:
    md = metadata()
    return sorted(md.connections()) if md is not None else []


def connection(name: str):
    """The named connection, refused when it keeps a password in plain text."""
    md = metadata()
    try:
        found = md.findConnection(name) if md is not None else None
    except DB_ERRORS:
        found = None
    if found is None:
        raise SozialraumError("db_connection_unknown", connection=name,
                              known=", ".join(connection_names()) or "–")
    if QgsDataSourceUri(found.uri()).password():
        raise SozialraumError("db_connection_plain_password", connection=name)
    # an object of our own: the one findConnection returns belongs to the provider's cache, which
    # deletes it whenever the connections are read anew (a crash in the next executeSql)
    return md.createConnection(found.uri(), found.configuration())


def error_text(error) -> str:
    """The server's words without the SQL QGIS puts around them."""
    text = str(error.args[0] if getattr(error, "args", None) else error)
    # "SQL error: <sql> returned <n> [<error>]": the last such bracket (the SQL may hold ARRAY[…])
    found = list(re.finditer(r"returned -?\d+ \[", text))
    if found and text.rstrip().endswith("]"):
        text = text[found[-1].end():].rstrip()[:-1]
    return " ".join(text.replace("ERROR:", "").split())


def sql(conn, statement: str) -> list:
    """Rows of one statement (or of the last of several, run as one transaction)."""
    return conn.executeSql(statement) or []


def probe(conn, name: str) -> dict:
    """Who we are in which database; raises a plain message when the server cannot be reached."""
    try:
        row = sql(conn, "SELECT current_user, current_database()")[0]
    except DB_ERRORS as error:
        raise SozialraumError("db_connection_failed", connection=name, reason=error_text(error)) from None
    return {"role": str(row[0]), "database": str(row[1])}


def table_uri(conn, schema: str, table: str, geometry: str | None = None, key: str | None = None) -> str:
    """A layer URI of ``schema.table`` through the connection (its authcfg or service, no password);
    the geometry column and key are taken from the database unless given."""
    if geometry is None or key is None:
        found = conn.table(schema, table)
        geometry = found.geometryColumn() if geometry is None else geometry
        keys = list(found.primaryKeyColumns())
        key = (keys[0] if keys else "") if key is None else key
    uri = QgsDataSourceUri(conn.uri())
    uri.setDataSource(schema, table, geometry or None, "", key or "")
    return uri.uri(False)


def source_string(value: str) -> str:
    """A definition's database source as a string processing reads (``postgres://<uri>``)."""
    parts = db_table(value)
    if parts is None:
        return value  # a provider URI as written (checked for a password when the definition was read)
    conn = connection(parts.connection)
    try:
        return "postgres://" + table_uri(conn, parts.schema, parts.table)
    except DB_ERRORS as error:
        raise SozialraumError("db_source_unreadable", table=f"{parts.schema}.{parts.table}",
                              connection=parts.connection, reason=error_text(error)) from None


def has_table(conn, schema: str, table: str) -> bool:
    rows = sql(conn, f"SELECT to_regclass({sql_literal(sql_name(schema) + '.' + sql_name(table))}) IS NOT NULL")
    return bool(rows and rows[0][0])
