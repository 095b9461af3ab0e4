"""Database sources and the report's database store, as the definition names them (pure).

A boundaries or table entry may name a table of a PostgreSQL connection instead of a file:

    "boundaries": {"connection": "Amt", "schema": "statistik", "table": "lor_2021"}
    "tables": [{"path": {"connection": "Amt", "schema": "statistik", "table": "mss_2021"}, "key": "PLR_ID"}]

or a QGIS layer URI with its provider ("postgres://service=amt table=\"statistik\".\"mss\" (geom)").
Inside the definition such a source is one string (``pgconn:<connection>|<schema>|<table>``), so
every path of the definition stays a ``str``; it is written back as the object. Credentials are
never part of either form: the connection's authentication configuration holds them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Optional

from ..errors import SozialraumError

PREFIX = "pgconn:"
URI_PREFIXES = ("postgres://",)
_PASSWORD = re.compile(r"(^|\s)password\s*=", re.IGNORECASE)
_NAME = re.compile(r"^[^\x00]{1,63}$")
_QUOTED = r'"((?:[^"\\]|\\.)*)"'  # a QGIS URI's quoted name, \" inside
_URI_TABLE = re.compile(rf"\btable={_QUOTED}(?:\.{_QUOTED})?")


@dataclass(frozen=True)
class DbTable:
    connection: str
    schema: str
    table: str

    def text(self) -> str:
        return f"{PREFIX}{self.connection}|{self.schema}|{self.table}"

    def to_dict(self) -> dict:
        return {"connection": self.connection, "schema": self.schema, "table": self.table}


@dataclass
class StoreSpec:
    """Where the report is also published: a QGIS PostgreSQL connection (by name) and a schema."""

    connection: str = ""
    schema: str = ""


def is_db_source(value: Any) -> bool:
    """A database table (connection form or a provider URI), not a file path."""
    return isinstance(value, str) and (value.startswith(PREFIX) or value.startswith(URI_PREFIXES))


def db_table(value: str) -> Optional[DbTable]:
    """The connection form's parts, None for anything else (a file, a provider URI)."""
    if not isinstance(value, str) or not value.startswith(PREFIX):
        return None
    parts = value[len(PREFIX):].split("|")
    return DbTable(*parts) if len(parts) == 3 else None


def source_from_json(value: Any, file: str, section: str) -> Any:
    """An object ``{"connection", "schema", "table"}`` as the one-string form; a string unchanged
    (a provider URI that carries a password is refused: it would be kept in plain text)."""
    if isinstance(value, dict):
        unknown = sorted(set(value) - {"connection", "schema", "table"})
        missing = [k for k in ("connection", "schema", "table") if not str(value.get(k) or "").strip()]
        if unknown or missing:
            raise SozialraumError("definition_invalid", file=file, section=section,
                                  reason="a database table needs connection, schema and table"
                                  + (f" (unknown: {', '.join(unknown)})" if unknown else ""))
        names = [str(value[k]).strip() for k in ("connection", "schema", "table")]
        if any("|" in n or not _NAME.match(n) for n in names):
            raise SozialraumError("definition_invalid", file=file, section=section,
                                  reason="connection, schema and table names must not contain '|'")
        return DbTable(*names).text()
    if isinstance(value, str) and value.startswith(URI_PREFIXES) and _PASSWORD.search(value.split("://", 1)[1]):
        raise SozialraumError("db_password_in_definition", file=file, section=section)
    return value


def source_label(value: str) -> str:
    """What a source line names: a file as it is, a database table as schema.table (a provider
    URI too: the line is printed on the maps, which must not show the server, login or authcfg)."""
    table = db_table(value)
    if table:
        return f"{table.schema}.{table.table}"
    if isinstance(value, str) and value.startswith(URI_PREFIXES):
        found = _URI_TABLE.search(value)
        if not found:
            return "PostgreSQL"
        names = [n.replace('\\"', '"') for n in found.groups() if n is not None]
        return ".".join(names)
    return value


def source_to_json(value: str) -> Any:
    table = db_table(value)
    return table.to_dict() if table else value


def store_from_json(value: Any, file: str) -> Optional[StoreSpec]:
    if not value:
        return None
    if not isinstance(value, dict) or set(value) - {"connection", "schema"}:
        raise SozialraumError("definition_invalid", file=file, section="store",
                              reason="the store is {\"connection\": <QGIS connection name>, \"schema\": <schema>}")
    connection, schema = str(value.get("connection") or "").strip(), str(value.get("schema") or "").strip()
    if not connection or not schema:
        raise SozialraumError("definition_invalid", file=file, section="store",
                              reason="the store needs a connection and a schema")
    return StoreSpec(connection=connection, schema=schema)


def sql_literal(text: str) -> str:
    """A string as an SQL literal (names of roles, schemas and tables in checks and leases)."""
    return "'" + str(text).replace("'", "''") + "'"


def dollar_quoted(body: str) -> str:
    """A DO block's body in dollar quotes whose tag the body does not hold (a schema named
    ``Kosten$$Plan`` would end a plain ``$$`` block early)."""
    tag, n = "$sr$", 0
    while tag in body:
        n += 1
        tag = f"$sr{n}$"
    return f"{tag}{body}{tag}"


def sql_name(text: str) -> str:
    """An identifier, quoted (schemas and tables keep their case)."""
    return '"' + str(text).replace('"', '""') + '"'

