"""Runs into one PostGIS schema: the series table without hidden values, two runs at once (the
second refused, naming who and since when), a run that fails or is killed half-way leaves the
previous report's tables as they were, and the next run takes over a dead run's lease."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pg_store_support import connect, server
from qgis.core import QgsVectorLayer
from test_pg_store import plain

CHILD = Path(__file__).resolve().parent / "pg_store_child.py"
SERIES = ["key", "indicator", "year", "value", "numerator", "denominator", "shown"]


def definition(sample_dir, folder: Path, schema: str) -> Path:
    """Flensburg's monitoring (three yearly tables: a series), one map, no pages: a short run."""
    source = sample_dir / "flensburg"
    data = json.loads((source / "sozialmonitoring_flensburg.json").read_text(encoding="utf-8"))
    data["boundaries"] = str(source / data["boundaries"])
    years = folder / "jahre"
    shutil.copytree(source / "jahre", years)
    for year, row, column, value in ((2020, "5;", 2, "2"), (2021, "13;", 8, "250")):
        path = years / f"sgb2_{year}.csv"  # as test_report_series: 2 SGB II in 2020; 250 under 65 in 2021
        lines = path.read_text(encoding="utf-8").splitlines()
        for n, line in enumerate(lines):
            if line.startswith(row):
                cells = line.split(";")
                cells[column] = value
                lines[n] = ";".join(cells)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for table in data["tables"]:
        table["path"] = str(years / table["path"].split("/")[-1])
    data["maps"] = data["maps"][:1]
    data["store"] = {"connection": "Amt", "schema": schema}
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "monitoring.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def snapshot(schema: str) -> dict:
    """Both tables as QGIS reads them (keyed, without the database's row ids)."""
    from sozialraum_plugin.gis.pg_connection import connection, table_uri

    conn = connection("Amt")
    layer = QgsVectorLayer(table_uri(conn, schema, "sozialraum"), "l", "postgres")
    series = QgsVectorLayer(table_uri(conn, schema, "series"), "s", "postgres")
    assert layer.isValid() and series.isValid()
    names = [n for n in layer.fields().names() if n != "fid"]
    return {"layer": {f["AREA_ID"]: {n: plain(f[n]) for n in names} for f in layer.getFeatures()},
            "series": sorted(tuple(plain(f[n]) for n in SERIES) for f in series.getFeatures())}


def start(args: dict, profile: Path) -> subprocess.Popen:
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(profile), QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen([sys.executable, str(CHILD), json.dumps({"action": "report", **args})], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def result(process: subprocess.Popen) -> dict:
    out, err = process.communicate(timeout=600)
    lines = [line for line in out.splitlines() if line.startswith("RESULT ")]
    assert lines, f"rc {process.returncode}: {err[-2000:]}"
    return json.loads(lines[-1][len("RESULT "):])


def wait_for(postgis, statement: str, timeout: float = 120) -> None:
    end = time.time() + timeout
    while time.time() < end:
        if postgis.rows(statement):
            return
        time.sleep(0.1)
    raise AssertionError(f"not seen in {timeout} s: {statement}")


@pytest.fixture(scope="module")
def runs(postgis, provider, sample_dir, tmp_path_factory):
    import processing

    pg = server(postgis)
    connect(pg, "sr_writer", "Amt", "sramt01")
    connect(pg, "sr_admin")
    schema = postgis.new_schema(owner="sr_writer", prefix="runs")
    folder = tmp_path_factory.mktemp("runs")
    path = definition(sample_dir, folder, schema)
    processing.run("sozialraum:report", {"DEFINITION": str(path), "OUTPUT_FOLDER": str(folder / "first")})
    return {"pg": pg, "schema": schema, "definition": path, "folder": folder, "first": snapshot(schema)}


def test_series_table_is_published_without_hidden_values(runs):
    local = QgsVectorLayer(str(runs["folder"] / "first" / "sozialraum.gpkg") + "|layername=series", "s", "ogr")
    rows = runs["first"]["series"]
    assert rows == sorted(tuple(plain(f[n]) for n in SERIES) for f in local.getFeatures())
    hidden = [r for r in rows if not r[-1]]
    assert hidden and all(r[3] is None and r[4] is None for r in hidden)
    assert all(not r[-1] for r in rows if r[0] == "STGT13")  # below 300 residents: every year hidden
    assert ("STGT05", "SGB2", 2020) in {r[:3] for r in hidden}  # the count of 2
    assert {r[2] for r in rows} == {2019, 2020, 2021}


def test_two_runs_at_once_the_second_is_refused_and_nothing_is_lost(runs, postgis, tmp_path):
    args = {"server": runs["pg"], "role": "sr_writer", "connection": "Amt", "definition": str(runs["definition"])}
    first = start({**args, "folder": str(tmp_path / "a")}, tmp_path / "profile-a")
    wait_for(postgis, f"SELECT 1 FROM {runs['schema']}.sozialraum_runs")  # the first holds the schema
    second = start({**args, "folder": str(tmp_path / "b")}, tmp_path / "profile-b")
    one, two = result(first), result(second)
    assert one["ok"], one
    assert not two["ok"]
    assert "Another report run" in two["error"] or "Ein anderer Berichtslauf" in two["error"], two["error"]
    assert "sr_writer" in two["error"] and runs["schema"] in two["error"] and "process" in two["error"]
    assert not (tmp_path / "b" / "sozialraum.gpkg").exists()  # refused before any work
    assert snapshot(runs["schema"]) == runs["first"]  # complete, and equal to one run's
    assert not postgis.rows(f"SELECT 1 FROM {runs['schema']}.sozialraum_runs")  # the lease went with the run


def test_a_run_failing_half_way_leaves_the_previous_tables(runs, postgis, tmp_path, monkeypatch):
    """The new tables are written (staging), then the style step fails: nothing changes."""
    import processing
    from qgis.core import QgsProcessingException

    from sozialraum_plugin.core.errors import SozialraumError
    from sozialraum_plugin.gis import pg_store

    seen = []

    def failing_style(self, layer, stage, geometry):
        seen.append(postgis.rows(f"SELECT count(*) FROM {runs['schema']}.{stage}")[0][0])
        raise SozialraumError("db_write_failed", table="public.layer_styles", schema=self.schema, reason="test")

    monkeypatch.setattr(pg_store.PgStore, "_style", failing_style)
    with pytest.raises(QgsProcessingException) as error:
        processing.run("sozialraum:report", {"DEFINITION": str(runs["definition"]),
                                             "OUTPUT_FOLDER": str(tmp_path / "failed")})
    assert seen == ["13"]  # the staging table was complete when the step failed
    assert "unchanged" in str(error.value) or "unverändert" in str(error.value)
    assert snapshot(runs["schema"]) == runs["first"]
    assert not postgis.rows("SELECT relname FROM pg_class WHERE strpos(relname, '_sr_stage_') > 0")
    assert not postgis.rows(f"SELECT 1 FROM {runs['schema']}.sozialraum_runs")


def test_a_killed_run_leaves_the_previous_tables_and_its_lease_is_taken_over(runs, postgis, tmp_path):
    import processing

    args = {"server": runs["pg"], "role": "sr_writer", "connection": "Amt", "definition": str(runs["definition"]),
            "folder": str(tmp_path / "killed")}
    process = start(args, tmp_path / "profile-k")
    wait_for(postgis, f"SELECT 1 FROM {runs['schema']}.sozialraum_runs")
    time.sleep(1.0)
    process.kill()
    process.communicate(timeout=60)
    assert snapshot(runs["schema"]) == runs["first"]
    assert postgis.rows(f"SELECT pid FROM {runs['schema']}.sozialraum_runs") == [[str(process.pid)]]  # left behind
    processing.run("sozialraum:report", {"DEFINITION": str(runs["definition"]),
                                         "OUTPUT_FOLDER": str(tmp_path / "next")})
    assert snapshot(runs["schema"]) == runs["first"]
    assert not postgis.rows(f"SELECT 1 FROM {runs['schema']}.sozialraum_runs")
    assert not postgis.rows("SELECT relname FROM pg_class WHERE strpos(relname, '_sr_stage_') > 0")


def test_boundaries_given_as_a_postgis_layer(runs, sample_dir, tmp_path):
    """INPUT a PostGIS layer (the administrator's copy of the Stadtteile): the same report."""
    import processing
    from qgis.core import QgsDataSourceUri, QgsFeatureRequest, QgsProviderRegistry, QgsVectorLayerExporter

    shapes = QgsVectorLayer(str(sample_dir / "flensburg" / "Stadtteile.shp"), "s", "ogr")
    conn = QgsProviderRegistry.instance().providerMetadata("postgres").findConnection("sr_admin")
    uri = QgsDataSourceUri(conn.uri())
    uri.setDataSource("quellen", "stadtteile_fl", "geom", "", "fid")
    code, message = QgsVectorLayerExporter.exportLayer(shapes.materialize(QgsFeatureRequest()), uri.uri(False),
                                                       "postgres", shapes.crs(), False, {"overwrite": True})
    assert getattr(code, "value", code) == 0, message
    from sozialraum_plugin.gis.pg_connection import connection, table_uri

    layer = QgsVectorLayer(table_uri(connection("Amt"), "quellen", "stadtteile_fl"), "grenzen", "postgres")
    assert layer.isValid() and layer.featureCount() == 13
    processing.run("sozialraum:report", {"DEFINITION": str(runs["definition"]), "INPUT": layer,
                                         "OUTPUT_FOLDER": str(tmp_path / "input")})
    now = snapshot(runs["schema"])
    assert now["series"] == runs["first"]["series"]
    assert {k: {n: v for n, v in row.items() if n != "fid"} for k, row in now["layer"].items()} == \
        {k: {n: v for n, v in row.items() if n != "fid"} for k, row in runs["first"]["layer"].items()}


def test_a_colleagues_lease_refuses_and_a_stale_one_is_taken_over(runs, postgis, tmp_path):
    """A run on another computer holds the schema: refused, naming it; silent for two hours: taken over."""
    import processing
    from qgis.core import QgsProcessingException

    table = f"{runs['schema']}.sozialraum_runs"
    holder = "role sr_writer, user kollegin on anderer-rechner, process 4711"
    postgis.sql(f"INSERT INTO {table} VALUES ('report', 'fremd', '{holder}', 'anderer-rechner', 4711, "
                "'2026-03-02 08:15:00+00', now())")
    with pytest.raises(QgsProcessingException) as error:
        processing.run("sozialraum:report", {"DEFINITION": str(runs["definition"]),
                                             "OUTPUT_FOLDER": str(tmp_path / "busy")})
    assert holder in str(error.value) and "2026-03-02 08:15:00" in str(error.value)
    assert not (tmp_path / "busy" / "sozialraum.gpkg").exists()
    postgis.sql(f"UPDATE {table} SET heartbeat = now() - interval '2 hours'")
    processing.run("sozialraum:report", {"DEFINITION": str(runs["definition"]),
                                         "OUTPUT_FOLDER": str(tmp_path / "late")})
    assert snapshot(runs["schema"]) == runs["first"]
    assert not postgis.rows(f"SELECT 1 FROM {table}")


def test_missing_rights_are_named_before_any_work(runs, postgis, tmp_path):
    """A second planner's role: last year's tables belong to sr_writer; in its own schema it lacks
    the rights on public.layer_styles. Both said plainly, with the GRANT to ask for."""
    import processing
    from qgis.core import QgsProcessingException

    postgis.sql("DO $$BEGIN CREATE ROLE sr_planer2 LOGIN PASSWORD 'planer2-pw'; "
                "EXCEPTION WHEN duplicate_object THEN NULL; END$$; "
                f"GRANT USAGE, CREATE ON SCHEMA {runs['schema']} TO sr_planer2; "
                "GRANT CREATE ON DATABASE " + runs["pg"]["dbname"] + " TO sr_planer2")
    pg = {**runs["pg"], "users": {**runs["pg"]["users"], "sr_planer2": "planer2-pw"}}
    connect(pg, "sr_planer2", "Planer2")
    data = json.loads(runs["definition"].read_text(encoding="utf-8"))
    data["store"] = {"connection": "Planer2", "schema": runs["schema"]}
    path = tmp_path / "planer2.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(QgsProcessingException) as error:
        processing.run("sozialraum:report", {"DEFINITION": str(path), "OUTPUT_FOLDER": str(tmp_path / "a")})
    text = str(error.value)
    assert "sr_writer" in text and "sr_planer2" in text and f"{runs['schema']}.s" in text, text
    data["store"]["schema"] = "planer2_eigen"  # made by the run: the role may create schemas
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(QgsProcessingException) as error:
        processing.run("sozialraum:report", {"DEFINITION": str(path), "OUTPUT_FOLDER": str(tmp_path / "b")})
    text = str(error.value)
    assert 'GRANT SELECT, INSERT, UPDATE, DELETE ON public.layer_styles TO "sr_planer2"' in text, text
    assert not (tmp_path / "a" / "sozialraum.gpkg").exists() and not (tmp_path / "b" / "sozialraum.gpkg").exists()
    assert snapshot(runs["schema"]) == runs["first"]
