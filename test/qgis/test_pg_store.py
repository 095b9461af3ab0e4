"""The Berlin report read from PostGIS and published into schema ``bericht`` (the office's
shared database): values equal the local published GeoPackage, the default style opens with the
layer, no hidden cell and no password anywhere, and a reader (a second QGIS profile with its own
authentication database) opens the styled layer, exports profiles and cannot write."""
from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from pg_store_support import berlin_definition, connect, load_berlin, run_sql, server
from qgis.core import QgsProcessingFeedback, QgsVectorLayer

CHILD = Path(__file__).resolve().parent / "pg_store_child.py"
INDICATORS = ["S1", "S3", "S4", "D1", "D3", "D4", "KI_01", "KI_02", "KI_03", "KI_04", "KI_10", "unter6", "65undmehr"]


class Log(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.lines = []

    def pushInfo(self, text):  # noqa: N802
        self.lines.append(text)

    def pushWarning(self, text):  # noqa: N802
        self.lines.append(text)

    def reportError(self, text, fatalError=False):  # noqa: N802,N803
        self.lines.append(text)


def plain(value):
    return None if value is None or (hasattr(value, "isNull") and value.isNull()) else value


def rows(layer) -> dict:
    names = [n for n in layer.fields().names() if n != "fid"]
    return {f["PLR_ID"]: {n: plain(f[n]) for n in names} for f in layer.getFeatures()}


def child(action: str, profile: Path, **args) -> dict:
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(profile), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, str(CHILD), json.dumps({"action": action, **args})], env=env,
                          capture_output=True, text=True, timeout=600)
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    assert lines, f"rc {done.returncode}: {done.stderr[-2000:]}"
    return json.loads(lines[-1][len("RESULT "):])


@pytest.fixture(scope="module")
def berlin_pg(postgis, provider, tmp_path_factory):
    import processing

    pg = server(postgis)
    connect(pg, "sr_admin")
    connect(pg, "sr_writer", "Amt", "sramt01")  # the name the definition gives; each desktop has its own "Amt"
    load_berlin("sr_admin", "quellen")  # the administrator loads boundaries and statistics
    folder = tmp_path_factory.mktemp("pgstore")
    definition = berlin_definition(folder, "Amt", schema="bericht", source="quellen")
    log = Log()
    result = processing.run("sozialraum:report", {"DEFINITION": str(definition), "OUTPUT_FOLDER": str(folder / "out")},
                            feedback=log)
    return {"pg": pg, "folder": folder, "definition": definition, "result": result, "log": log.lines,
            "out": folder / "out"}


def test_report_from_postgis_into_the_schema_equals_the_local_layer(berlin_pg):
    db = QgsVectorLayer(berlin_pg["result"]["DB_LAYER"], "db", "postgres")
    local = QgsVectorLayer(str(berlin_pg["out"] / "sozialraum.gpkg") + "|layername=sozialraum", "local", "ogr")
    assert db.isValid() and local.isValid()
    assert db.featureCount() == local.featureCount() == 542
    assert [n for n in db.fields().names() if n != "fid"] == [n for n in local.fields().names() if n != "fid"]
    assert rows(db) == rows(local)
    assert {"status_class", "cluster", "S4", "KI_10"} <= set(db.fields().names())
    assert "sozialraum_intern" not in " ".join(t[0] for t in run_sql("Amt", (
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'bericht'"))).lower()


def test_default_style_opens_with_the_table(berlin_pg):
    styles = run_sql("Amt", "SELECT f_table_name, useasdefault FROM public.layer_styles "
                            "WHERE f_table_schema = 'bericht'")
    assert [list(r) for r in styles] == [["sozialraum", True]]
    db = QgsVectorLayer(berlin_pg["result"]["DB_LAYER"], "fresh", "postgres")  # loads the default style
    local = QgsVectorLayer(str(berlin_pg["out"] / "sozialraum.gpkg") + "|layername=sozialraum", "local", "ogr")
    assert type(db.renderer()).__name__ == type(local.renderer()).__name__
    assert type(db.renderer()).__name__ in ("QgsGraduatedSymbolRenderer", "QgsRuleBasedRenderer",
                                            "QgsCategorizedSymbolRenderer")
    # the report's map as the local GeoPackage keeps it: the same classes, symbols and hatched rules
    assert db.renderer().dump() == local.renderer().dump()
    assert len(db.renderer().rootRule().children()) >= 5 if hasattr(db.renderer(), "rootRule") else True
    # the definition's first map (the status index), not the last one saved (the clusters)
    assert '"status_index"' in db.renderer().dump() and '"cluster"' not in db.renderer().dump()
    with sqlite3.connect(berlin_pg["out"] / "sozialraum.gpkg") as gpkg:
        defaults = gpkg.execute("SELECT styleName FROM layer_styles WHERE useAsDefault").fetchall()
    assert defaults == [("Sozialraum \u2013 status_index",)]
    assert not run_sql("Amt", "SELECT relname FROM pg_class WHERE strpos(relname, '_sr_stage_') > 0")  # none left


def test_database_holds_no_hidden_cell(berlin_pg):
    """Areas below 300 residents show no value in the database either; every cell the local
    published layer hides is empty there, whatever the internal layer holds."""
    db = rows(QgsVectorLayer(berlin_pg["result"]["DB_LAYER"], "db", "postgres"))
    internal = rows(QgsVectorLayer(str(berlin_pg["out"] / "sozialraum_intern.gpkg"), "intern", "ogr"))
    small = [key for key, row in internal.items() if row["EW"] is not None and row["EW"] < 300]
    assert small  # the sample has such areas
    for key in small:
        assert all(db[key][name] is None for name in INDICATORS), key
    hidden = [(key, name) for key, row in internal.items() for name in INDICATORS
              if row[name] is not None and db[key][name] is None]
    published = rows(QgsVectorLayer(str(berlin_pg["out"] / "sozialraum.gpkg"), "published", "ogr"))
    hidden_locally = [(key, name) for key, row in internal.items() for name in INDICATORS
                      if row[name] is not None and published[key][name] is None]
    assert hidden == hidden_locally and ("03300515", "unter6") in hidden  # (a count of 1 or 2 children)
    for key, name in hidden:
        assert name in (db[key]["suppressed_fields"] or "").split(","), (key, name)


def test_no_password_in_definition_project_or_log(berlin_pg):
    secret = berlin_pg["pg"]["users"]["sr_writer"]
    out = berlin_pg["out"]
    texts = {"log": "\n".join(berlin_pg["log"]), "definition": berlin_pg["definition"].read_text(encoding="utf-8"),
             "Berichtsdefinition.json": (out / "Berichtsdefinition.json").read_text(encoding="utf-8"),
             "outputs": json.dumps(berlin_pg["result"], default=str)}
    with zipfile.ZipFile(out / "Sozialbericht.qgz") as archive:
        texts["Sozialbericht.qgz"] = "".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    styles = run_sql("Amt", "SELECT styleqml, stylesld FROM public.layer_styles")
    texts["layer_styles"] = json.dumps(styles, default=str)
    content = run_sql("Amt", "SELECT encode(content, 'base64') FROM bericht.qgis_projects")[0][0]
    import base64
    import io

    with zipfile.ZipFile(io.BytesIO(base64.b64decode(str(content)))) as archive:  # the project in the schema
        texts["qgis_projects"] = "".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    for name, text in texts.items():
        assert secret not in text, name
    assert "password" not in texts["qgis_projects"].lower()
    assert 'table="bericht"."sozialraum"' in texts["qgis_projects"] and "authcfg=sramt01" in texts["qgis_projects"]
    assert '"store"' in texts["Berichtsdefinition.json"] and '"connection": "Amt"' in texts["Berichtsdefinition.json"]


def test_connection_with_a_plain_password_is_refused(berlin_pg, tmp_path):
    import processing
    from qgis.core import QgsDataSourceUri, QgsProcessingException, QgsProviderRegistry

    pg = berlin_pg["pg"]
    uri = QgsDataSourceUri()
    uri.setConnection(pg["host"], pg["port"], pg["dbname"], "sr_writer", "klartext-pw-123")
    md = QgsProviderRegistry.instance().providerMetadata("postgres")
    md.saveConnection(md.createConnection(uri.uri(False), {"saveUsername": True, "savePassword": True}), "Klartext")
    definition = berlin_definition(tmp_path, "Klartext", schema="bericht", source=None)
    with pytest.raises(QgsProcessingException) as error:
        processing.run("sozialraum:report", {"DEFINITION": str(definition), "OUTPUT_FOLDER": str(tmp_path / "o")})
    text = str(error.value)
    assert "Klartext" in text and "klartext-pw-123" not in text
    assert "Authentifizierungskonfiguration" in text or "authentication configuration" in text
    assert not (tmp_path / "o" / "sozialraum.gpkg").exists()


def test_reader_opens_the_styled_layer_exports_profiles_and_cannot_write(berlin_pg, tmp_path):
    before = run_sql("Amt", 'SELECT count(*), sum("S4") FROM bericht.sozialraum')
    out = child("reader", tmp_path / "reader-profile", server=berlin_pg["pg"], role="sr_reader", connection="Amt",
                cfg_id="sramt01", schema="bericht", folder=str(tmp_path), definition=str(berlin_pg["definition"]))
    assert out["valid"] and out["features"] == 542
    local = QgsVectorLayer(str(berlin_pg["out"] / "sozialraum.gpkg") + "|layername=sozialraum", "local", "ogr")
    assert out["renderer"] == type(local.renderer()).__name__  # the map, from public.layer_styles
    pages = subprocess.run(["pdfinfo", out["profiles"]], capture_output=True, text=True).stdout
    assert Path(out["profiles"]).parent == tmp_path and re.search(r"Pages:\s+542\n", pages)
    assert out["edit_committed"] is False
    # the report's project from the schema: its layouts, its data layers on the tables, all valid
    assert out["project_read"] and len(out["project_layouts"]) == 7, out["project_layouts"]  # 6 maps + profiles
    assert out["project_layers"].count(["postgres", True]) == 13, out["project_layers"]  # 2 per map + data
    assert all(valid for _p, valid in out["project_layers"]), out["project_layers"]
    refused = out["report"]
    assert refused["ok"] is False
    assert "sr_reader" in refused["error"] and "bericht" in refused["error"], refused["error"]
    assert "Datenbankadministrator" in refused["error"] or "database administrator" in refused["error"]
    assert "CREATE" in refused["error"]
    assert run_sql("Amt", 'SELECT count(*), sum("S4") FROM bericht.sozialraum') == before
    assert berlin_pg["pg"]["users"]["sr_reader"] not in out["log"] + refused["error"]
