"""Database tables and the PostGIS store as a report definition names them (core/report/db_source)."""
from __future__ import annotations

import json

import pytest

from sozialraum_plugin.core.errors import SozialraumError
from sozialraum_plugin.core.report.db_source import db_table, is_db_source, source_label, sql_literal, sql_name
from sozialraum_plugin.core.report.definition import ReportDefinition, load

BASE = {"title": "T", "key": "ID", "boundaries": "grenzen.shp",
        "tables": [{"path": "tab.csv", "key": "ID", "fields": ["a"]}]}


def test_database_tables_and_store_survive_reading_and_writing(tmp_path):
    data = {**BASE, "boundaries": {"connection": "Amt", "schema": "quellen", "table": "lor_2021"},
            "tables": [{"path": {"connection": "Amt", "schema": "quellen", "table": "mss"}, "key": "ID",
                        "fields": ["a"]}, {"path": "tab.csv", "key": "ID", "fields": ["b"]}],
            "store": {"connection": "Amt", "schema": "bericht"}}
    path = tmp_path / "d.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    definition = load(str(path))
    assert db_table(definition.boundaries).table == "lor_2021" and is_db_source(definition.tables[0].path)
    assert definition.resolve(definition.tables[0].path) == definition.tables[0].path  # not a file beside it
    assert definition.resolve("tab.csv") == str(tmp_path / "tab.csv")
    assert definition.store.connection == "Amt" and definition.store.schema == "bericht"
    again = definition.with_absolute_paths().to_dict()
    assert again["boundaries"] == data["boundaries"] and again["tables"][0]["path"] == data["tables"][0]["path"]
    assert again["store"] == data["store"]
    assert definition.for_passing_on(str(tmp_path / "out")).to_dict()["boundaries"] == data["boundaries"]
    assert source_label(definition.boundaries) == "quellen.lor_2021"
    assert "store" not in ReportDefinition.from_dict(BASE).to_dict()  # older files stay as they were


@pytest.mark.parametrize("store", [{"connection": "Amt"}, {"connection": "", "schema": "b"}, "Amt",
                                   {"connection": "Amt", "schema": "b", "password": "x"}])
def test_an_incomplete_store_is_refused_naming_the_section(store):
    with pytest.raises(SozialraumError) as error:
        ReportDefinition.from_dict({**BASE, "store": store}, file="d.json")
    assert "store" in str(error.value) and "d.json" in str(error.value)


def test_a_password_in_a_layer_uri_is_refused():
    uri = "postgres://dbname='x' host=h user='u' password='geheim' table=\"s\".\"t\" (geom)"
    with pytest.raises(SozialraumError) as error:
        ReportDefinition.from_dict({**BASE, "boundaries": uri}, file="d.json")
    assert error.value.code == "db_password_in_definition" and "geheim" not in str(error.value)
    with_authcfg = uri.replace("user='u' password='geheim'", "authcfg=ab12cd3")
    assert ReportDefinition.from_dict({**BASE, "boundaries": with_authcfg}).boundaries == with_authcfg


def test_a_table_entry_missing_a_part_is_refused():
    data = {**BASE, "tables": [{"path": {"connection": "Amt", "table": "t"}, "key": "ID"}]}
    with pytest.raises(SozialraumError) as error:
        ReportDefinition.from_dict(data, file="d.json")
    assert "tables[0].path" in str(error.value)


def test_sql_quoting():
    assert sql_literal("O'Brien") == "'O''Brien'"
    assert sql_name('Bericht "2022"') == '"Bericht ""2022"""'


@pytest.mark.parametrize("uri", [
    "postgres://password='geheim' dbname='x' host=h user='u' table=\"s\".\"t\" (geom)",  # first word of the URI
    "postgres://dbname='x' host=h user='u'\tPASSWORD = 'geheim' table=\"s\".\"t\" (geom)",
])
def test_a_password_anywhere_in_a_layer_uri_is_refused(uri):
    """The password may be the URI's first word (right after postgres://): kept in plain text all the same."""
    with pytest.raises(SozialraumError) as error:
        ReportDefinition.from_dict({**BASE, "tables": [{"path": uri, "key": "ID", "fields": ["a"]}]}, file="d.json")
    assert error.value.code == "db_password_in_definition" and "geheim" not in str(error.value)


def test_dollar_quoting_survives_a_schema_name_with_dollars():
    """A DO block's body names the schema; a name holding '$$' must not end the block early."""
    from sozialraum_plugin.core.report.db_source import dollar_quoted

    body = "SELECT 1 FROM \"Kosten$$Plan\".t WHERE x = 'Kosten$$Plan' AND y = '$sr$'"
    quoted = dollar_quoted(body)
    tag = quoted[:quoted.index("$", 1) + 1]
    assert quoted == tag + body + tag and tag not in body and tag.startswith("$") and tag != "$$"
    assert dollar_quoted("BEGIN END") == "$sr$BEGIN END$sr$"


@pytest.mark.parametrize("uri, label", [
    ("postgres://dbname='amt' host=10.1.2.3 port=5432 user='planer' authcfg=ab12cd3 key='fid' "
     "table=\"statistik\".\"mss_2021\" (geom)", "statistik.mss_2021"),
    ("postgres://service=amt table=\"Amt \\\"Nord\\\"\".\"Einwohner\"", 'Amt "Nord".Einwohner'),
    ("postgres://service=amt sql=SELECT", "PostgreSQL"),
])
def test_a_provider_uri_is_named_by_its_table_on_the_maps(uri, label):
    """The maps' source line (printed on a published PDF) names the table, not the server,
    its address, the login name or the authentication configuration."""
    assert source_label(uri) == label
