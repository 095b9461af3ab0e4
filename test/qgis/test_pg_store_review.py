"""The PostGIS store's own parts, without a whole report (fast): the swap into a schema whose name
needs quoting, a swap that fails half-way, the spatial index, and leases a run left behind.

A small styled GeoPackage stands for the report's published sozialraum.gpkg; ``PgStore`` writes it
as the report does (gis/pg_store.py)."""
from __future__ import annotations

import os
import socket
import uuid

import pytest
from pg_store_support import connect, server
from qgis.core import (
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsFillSymbol,
    QgsGeometry,
    QgsSingleSymbolRenderer,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from sozialraum_plugin.core.errors import SozialraumError
from sozialraum_plugin.core.report.db_source import StoreSpec, sql_literal, sql_name


@pytest.fixture(scope="module")
def amt(postgis):
    connect(server(postgis), "sr_writer", "Amt")
    return postgis


def published(folder, value: float, colour: str) -> str:
    """A published layer with one area and its map's style as the GeoPackage's default."""
    layer = QgsVectorLayer("Polygon?crs=EPSG:25833&field=AREA_ID:string&field=S3:double", "m", "memory")
    feature = QgsFeature(layer.fields())
    feature.setAttributes(["01", value])
    feature.setGeometry(QgsGeometry.fromWkt("POLYGON((0 0, 100 0, 100 100, 0 0))"))
    layer.dataProvider().addFeatures([feature])
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName = "GPKG", "sozialraum"
    path = os.path.join(str(folder), f"sozialraum_{uuid.uuid4().hex[:6]}.gpkg")
    error = QgsVectorFileWriter.writeAsVectorFormatV3(layer, path, QgsCoordinateTransformContext(), options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
    local = QgsVectorLayer(path + "|layername=sozialraum", "s", "ogr")
    local.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({"color": colour})))
    assert local.saveStyleToDatabase("Karte", "", True, "") == ""
    return path + "|layername=sozialraum"


def publish(schema: str, uri: str) -> dict:
    from sozialraum_plugin.gis.pg_store import PgStore

    store = PgStore(StoreSpec("Amt", schema))
    store.begin()
    try:
        return store.publish(uri, None)
    finally:
        store.end()


def value_and_colour(result: dict):
    layer = QgsVectorLayer(result["DB_LAYER"], "fresh", "postgres")  # loads the default style
    assert layer.isValid()
    return [f["S3"] for f in layer.getFeatures()], layer.renderer().symbol().color().name()


def test_schema_names_that_need_quoting(amt, tmp_path):
    """Capitals, an umlaut, quotes and dollars (which end a plain $$ … $$ block) in the schema's name."""
    schema = f'Kosten$$Plan Süd\'s "{uuid.uuid4().hex[:4]}"'
    amt.sql(f"CREATE SCHEMA {sql_name(schema)} AUTHORIZATION sr_writer")
    publish(schema, published(tmp_path, 1.5, "#ff0000"))
    result = publish(schema, published(tmp_path, 2.5, "#0000ff"))
    assert value_and_colour(result) == ([2.5], "#0000ff")
    styles = amt.rows(f"SELECT f_table_name, useasdefault FROM public.layer_styles "
                      f"WHERE f_table_schema = {sql_literal(schema)}")
    assert styles == [["sozialraum", "t"]]  # one default row, on the final name
    assert amt.rows(f"SELECT relname FROM pg_class WHERE relnamespace = {sql_literal(sql_name(schema))}::regnamespace "
                    "AND strpos(relname, '_sr_stage_') > 0") == []


def test_a_swap_failing_half_way_leaves_the_previous_report(amt, tmp_path):
    """The swap is one executeSql string: PostgreSQL runs it as one transaction, so a statement
    failing after the first DROP (here: a colleague's view on the table) undoes the DROP too."""
    schema = amt.new_schema()
    first = publish(schema, published(tmp_path, 1.5, "#ff0000"))
    amt.sql(f"CREATE VIEW {schema}.auszug AS SELECT * FROM {schema}.sozialraum")  # depends on the table
    with pytest.raises(SozialraumError) as error:
        publish(schema, published(tmp_path, 2.5, "#0000ff"))
    assert error.value.code == "db_write_failed" and "auszug" in str(error.value)
    assert value_and_colour(first) == ([1.5], "#ff0000")  # data and style as they were
    assert amt.rows(f"SELECT count(*) FROM public.layer_styles WHERE f_table_schema = '{schema}'") == [["1"]]
    assert amt.rows(f"SELECT relname FROM pg_class WHERE relnamespace = '{schema}'::regnamespace "
                    "AND strpos(relname, '_sr_stage_') > 0") == []
    assert amt.rows(f"SELECT count(*) FROM {schema}.sozialraum_runs") == [["0"]]  # lease freed


def test_published_layer_has_a_spatial_index(amt, tmp_path):
    """A colleague's map of a 100 m grid needs the GiST index (the local GeoPackage has its R-tree)."""
    schema = amt.new_schema()
    publish(schema, published(tmp_path, 1.5, "#ff0000"))
    publish(schema, published(tmp_path, 2.5, "#ff0000"))
    indexes = amt.rows(f"SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = '{schema}' "
                       "AND tablename = 'sozialraum'")
    gist = [name for name, definition in indexes if "USING gist (geom)" in definition]
    assert gist and not any("_sr_stage_" in name for name, _d in indexes), indexes


def test_a_lease_this_qgis_left_behind_does_not_block_its_next_run(amt, tmp_path):
    """A run of this (still open) QGIS whose release did not reach the server: its row names this
    process, which is alive, but no run of it holds the lease any more."""
    from sozialraum_plugin.gis.pg_lease import Lease

    schema = amt.new_schema()
    publish(schema, published(tmp_path, 1.5, "#ff0000"))  # makes the runs table
    amt.sql(f"INSERT INTO {schema}.sozialraum_runs VALUES ('report', 'left-behind', 'role sr_writer', "
            f"'{socket.gethostname()}', {os.getpid()}, now(), now())")
    result = publish(schema, published(tmp_path, 2.5, "#ff0000"))
    assert value_and_colour(result)[0] == [2.5]
    # a run of this process that does hold the lease still refuses a second one
    from sozialraum_plugin.gis.pg_connection import connection

    holder = Lease(connection("Amt"), schema, "sr_writer")
    holder.acquire()
    try:
        with pytest.raises(SozialraumError) as error:
            publish(schema, published(tmp_path, 3.5, "#ff0000"))
        assert error.value.code == "db_run_busy"
    finally:
        holder.release()
    assert amt.rows(f"SELECT count(*) FROM {schema}.sozialraum_runs") == [["0"]]


def test_a_store_that_fails_after_taking_the_lease_frees_it(amt, tmp_path):
    """begin() takes the lease, then clears a killed run's staging tables: when that fails the
    caller has no store to end, so begin() must free the lease itself."""
    from sozialraum_plugin.gis.pg_store import PgStore

    schema = amt.new_schema()
    publish(schema, published(tmp_path, 1.5, "#ff0000"))
    store = PgStore(StoreSpec("Amt", schema))
    store._drop_stale_stages = lambda: (_ for _ in ()).throw(RuntimeError("server gone"))
    with pytest.raises(RuntimeError):
        store.begin()
    assert amt.rows(f"SELECT count(*) FROM {schema}.sozialraum_runs") == [["0"]]


def test_a_style_a_colleague_saved_for_the_table_survives_the_next_run(amt, tmp_path):
    """The swap replaces the report's own style row (its default); a named style the GIS officer
    saved for the table (Layer ▸ Save Style ▸ in the database) is theirs and stays, no longer default."""
    schema = amt.new_schema()
    result = publish(schema, published(tmp_path, 1.5, "#ff0000"))
    layer = QgsVectorLayer(result["DB_LAYER"], "officer", "postgres")
    layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({"color": "#00ff00"})))
    assert layer.saveStyleToDatabase("Druck", "for the printed plan", False, "") == ""
    del layer
    result = publish(schema, published(tmp_path, 2.5, "#0000ff"))
    assert value_and_colour(result) == ([2.5], "#0000ff")  # the report's map is the default
    styles = amt.rows(f"SELECT stylename, useasdefault FROM public.layer_styles WHERE f_table_schema = '{schema}' "
                      "AND f_table_name = 'sozialraum' ORDER BY stylename")
    assert styles == [["Druck", "f"], ["Sozialraum", "t"]]


def test_two_runs_taking_the_lease_at_the_same_instant(amt, tmp_path):
    """Two QGIS processes ask for the lease of a fresh schema (no runs table yet: both create it)
    at the same instant: exactly one gets it, the other is told who holds it."""
    import json
    import subprocess
    import sys
    import time
    from pathlib import Path

    child = Path(__file__).resolve().parent / "pg_store_child.py"
    pg = server(amt)
    for round_ in range(1):
        schema = amt.new_schema()
        at = time.time() + 12  # (both have started QGIS by then)
        procs = []
        for n in range(2):
            env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / f"p{round_}{n}"), QT_QPA_PLATFORM="offscreen")
            args = {"action": "lease", "server": pg, "role": "sr_writer", "connection": "Amt", "schema": schema,
                    "at": at}
            procs.append(subprocess.Popen([sys.executable, str(child), json.dumps(args)], env=env,
                                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
        results = []
        for proc in procs:
            out, err = proc.communicate(timeout=120)
            lines = [line for line in out.splitlines() if line.startswith("RESULT ")]
            assert lines, err[-2000:]
            results.append(json.loads(lines[-1][len("RESULT "):]))
        assert sorted(r["got"] for r in results) == [False, True], results
        refused = next(r for r in results if not r["got"])
        assert schema in refused["error"] and "sr_writer" in refused["error"], refused
        assert amt.rows(f"SELECT count(*) FROM {schema}.sozialraum_runs") == [["0"]]


def test_grants_on_last_runs_table_survive_the_swap(amt, tmp_path):
    """A department the administrator gave SELECT on last run's table by hand (no default
    privileges for it), under a name that needs quoting, still reads the new table."""
    role = f"Jugendamt Süd {uuid.uuid4().hex[:4]}"
    amt.sql(f"CREATE ROLE {sql_name(role)} NOLOGIN")
    schema = amt.new_schema()
    amt.sql(f"GRANT USAGE ON SCHEMA {schema} TO {sql_name(role)}")
    publish(schema, published(tmp_path, 1.5, "#ff0000"))
    amt.sql(f"GRANT SELECT ON {schema}.sozialraum TO {sql_name(role)}")
    publish(schema, published(tmp_path, 2.5, "#ff0000"))
    check = f"SELECT has_table_privilege({sql_literal(role)}, '{schema}.sozialraum', '{{}}')"
    assert amt.rows(check.format("SELECT")) == [["t"]]
    assert amt.rows(check.format("INSERT")) == [["f"]]  # nothing more than it had
    assert amt.rows(check.replace(sql_literal(role), "'sr_reader'").format("SELECT")) == [["t"]]


def test_a_run_without_series_removes_last_runs_series_table(amt, tmp_path):
    """This year's definition has no yearly tables: last year's series table (published under last
    year's rule) must not stay beside the new layer as if it were this report's."""
    from sozialraum_plugin.gis.pg_store import PgStore

    schema = amt.new_schema()
    uri = published(tmp_path, 1.5, "#ff0000")
    series = QgsVectorLayer("None?field=key:string&field=indicator:string&field=year:integer&field=value:double",
                            "series", "memory")
    feature = QgsFeature(series.fields())
    feature.setAttributes(["01", "S3", 2020, 1.0])
    series.dataProvider().addFeatures([feature])
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName = "GPKG", "series"
    options.actionOnExistingFile = QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
    path = uri.split("|")[0]
    assert QgsVectorFileWriter.writeAsVectorFormatV3(series, path, QgsCoordinateTransformContext(), options)[0] == 0
    store = PgStore(StoreSpec("Amt", schema))
    store.begin()
    try:
        assert "DB_SERIES" in store.publish(uri, path + "|layername=series")
    finally:
        store.end()
    assert amt.rows(f"SELECT count(*) FROM {schema}.series") == [["1"]]
    publish(schema, published(tmp_path, 2.5, "#ff0000"))  # no series this time
    assert amt.rows(f"SELECT to_regclass('{schema}.series') IS NULL") == [["t"]]


def test_a_project_that_cannot_be_saved_does_not_claim_the_tables_unchanged(amt, tmp_path):
    """The project is written after the tables are in place: when it fails the message must say
    the tables are this run's, not that the previous report's are unchanged."""
    from qgis.core import QgsProject

    from sozialraum_plugin.gis.pg_store import PgStore

    schema = amt.new_schema()
    amt.sql(f"CREATE TABLE {schema}.qgis_projects (name text); ALTER TABLE {schema}.qgis_projects OWNER TO sr_writer")
    uri = published(tmp_path, 1.5, "#ff0000")
    folder = os.path.dirname(uri.split("|")[0])
    os.replace(uri.split("|")[0], os.path.join(folder, "sozialraum.gpkg"))
    uri = os.path.join(folder, "sozialraum.gpkg") + "|layername=sozialraum"
    project = QgsProject()
    project.addMapLayer(QgsVectorLayer(uri, "Karte", "ogr"))
    qgz = os.path.join(folder, "Sozialbericht.qgz")
    assert project.write(qgz)
    project.clear()
    store = PgStore(StoreSpec("Amt", schema))
    store.begin()
    try:
        published_tables = store.publish(uri, None)
        with pytest.raises(SozialraumError) as error:
            store.store_project(qgz, published_tables)
    finally:
        store.end()
    assert value_and_colour(published_tables)[0] == [1.5]  # the tables are this run's
    text = str(error.value)
    assert "qgis_projects" in text or "Sozialbericht" in text
    assert "unchanged" not in text, text


def test_a_table_no_report_wrote_is_not_replaced(amt, tmp_path):
    """A planner names a schema the office already uses (here one with its own 'series' of other
    figures, owned by the same role): the run refuses before any work instead of dropping it."""
    schema = amt.new_schema()
    amt.sql(f"CREATE TABLE {schema}.series (id int, pegel double precision); "
            f"INSERT INTO {schema}.series VALUES (1, 2.5); ALTER TABLE {schema}.series OWNER TO sr_writer")
    with pytest.raises(SozialraumError) as error:
        publish(schema, published(tmp_path, 1.5, "#ff0000"))
    assert error.value.code == "db_table_foreign" and f"{schema}.series" in str(error.value)
    assert amt.rows(f"SELECT pegel FROM {schema}.series") == [["2.5"]]
    assert amt.rows(f"SELECT to_regclass('{schema}.sozialraum') IS NULL") == [["t"]]
    amt.sql(f"ALTER TABLE {schema}.series RENAME TO pegel")  # moved aside: the report may write
    publish(schema, published(tmp_path, 1.5, "#ff0000"))
    publish(schema, published(tmp_path, 2.5, "#ff0000"))  # its own tables it replaces, run after run
    assert amt.rows(f"SELECT pegel FROM {schema}.pegel") == [["2.5"]]


def test_the_servers_words_are_found_behind_sql_holding_brackets(amt):
    """QGIS wraps the server's error as 'SQL error: <sql> returned n [<error>]'; SQL with ARRAY[…]
    (the rights check) must not cut the message at its own bracket."""
    from sozialraum_plugin.gis.pg_connection import DB_ERRORS, connection, error_text, sql

    with pytest.raises(DB_ERRORS) as error:
        sql(connection("Amt"), "SELECT array_position(ARRAY['a', 'b'], x) FROM keine_tabelle_hier")
    text = error_text(error.value)
    assert text.startswith('relation "keine_tabelle_hier" does not exist'), text


def test_a_long_step_keeps_the_lease_alive(amt):
    """The lease was renewed only between steps: one step longer than STALE_MINUTES (the profile
    atlas of a large grid) let a colleague take over a live run. Progress within a step renews it."""
    from qgis.core import QgsProcessingFeedback, QgsProcessingMultiStepFeedback

    from sozialraum_plugin.gis.pg_connection import connection
    from sozialraum_plugin.gis.pg_lease import Lease

    schema = amt.new_schema()
    lease = Lease(connection("Amt"), schema, "sr_writer")
    lease.acquire()
    try:
        parent = QgsProcessingFeedback()
        steps = QgsProcessingMultiStepFeedback(3, parent)
        lease.keep_alive(parent)
        amt.sql(f"UPDATE {schema}.sozialraum_runs SET heartbeat = now() - interval '2 hours'")
        lease.renewed_at -= 3600  # (the last sign of life long ago: due now)
        steps.setProgress(40)  # a child algorithm's progress, deep inside one step
        assert amt.rows(f"SELECT heartbeat > now() - interval '1 minute' FROM {schema}.sozialraum_runs") == [["t"]]
        amt.sql(f"UPDATE {schema}.sozialraum_runs SET heartbeat = now() - interval '2 hours'")
        steps.setProgress(50)  # not due again yet: no SQL on every progress tick
        assert amt.rows(f"SELECT heartbeat > now() - interval '1 minute' FROM {schema}.sozialraum_runs") == [["f"]]
    finally:
        lease.release()


def test_other_departments_cannot_read_who_runs_the_report(amt, tmp_path):
    """The runs table names the planner's login, computer and process: the schema's default
    privileges (SELECT for sr_reader) must not show it to the reading departments, while they
    still read the report's layer."""
    schema = amt.new_schema()
    publish(schema, published(tmp_path, 1.5, "#ff0000"))
    denied = amt.sql(f"SELECT holder FROM {schema}.sozialraum_runs", user="sr_reader", check=False)
    assert denied.returncode != 0 and "permission denied" in denied.stderr
    assert amt.rows(f"SELECT count(*) FROM {schema}.sozialraum", user="sr_reader") == [["1"]]
    assert amt.rows(f"SELECT count(*) FROM {schema}.sozialraum_runs", user="sr_writer") == [["0"]]


def test_a_schema_the_run_creates_is_said_to_be_closed_to_readers(amt):
    """A role that may create schemas gets one made for the report, which no other department can
    open yet: the run says so, with the grant to ask for (the run itself goes on)."""
    from types import SimpleNamespace

    from qgis.core import QgsProcessingFeedback

    from sozialraum_plugin.processing.algorithms.report_store import open_store

    class Feedback(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.warnings = []

        def pushWarning(self, text):  # noqa: N802
            self.warnings.append(text)

    schema = f"neu_{uuid.uuid4().hex[:6]}"
    amt.sql("GRANT CREATE ON DATABASE sozialraum TO sr_writer")
    try:
        feedback = Feedback()
        store = open_store(SimpleNamespace(store=StoreSpec("Amt", schema)), feedback)
        store.end()
    finally:
        amt.sql("REVOKE CREATE ON DATABASE sozialraum FROM sr_writer")
    assert amt.rows(f"SELECT has_schema_privilege('sr_reader', '{schema}', 'USAGE')") == [["f"]]
    assert any(schema in w and "USAGE" in w for w in feedback.warnings), feedback.warnings
    feedback = Feedback()  # a second run: the schema is there, nothing to say
    open_store(SimpleNamespace(store=StoreSpec("Amt", schema)), feedback).end()
    assert feedback.warnings == []
