"""The built zip, installed in a throw-away profile, works in qgis_process."""
from __future__ import annotations

import json

from e2e_support import install_zip, qgis_process


def test_zip_installs_and_provider_lists_in_qgis_process(plugin_zip, qgis_env, tmp_path):
    plugins = install_zip(plugin_zip, tmp_path / "config")
    assert (plugins / "sozialraum_plugin" / "metadata.txt").is_file()

    enabled = qgis_process(qgis_env, "plugins", "enable", "sozialraum_plugin")
    assert enabled.returncode == 0, enabled.stderr
    assert "Enabled sozialraum_plugin" in enabled.stdout

    listing = qgis_process(qgis_env, "list", "--json")
    assert listing.returncode == 0, listing.stderr
    payload = json.loads(listing.stdout[listing.stdout.index("{"):])
    provider = payload["providers"]["sozialraum"]
    assert provider["name"] == "Sozialraum"
    assert provider["is_active"] is True
    for alg_id in provider["algorithms"]:
        assert alg_id.startswith("sozialraum:")


def test_jointable_runs_in_qgis_process(plugin_zip, qgis_env, tmp_path):
    plugins = install_zip(plugin_zip, tmp_path / "config")
    sample = plugins / "sozialraum_plugin" / "resources" / "sample" / "flensburg"
    assert qgis_process(qgis_env, "plugins", "enable", "sozialraum_plugin").returncode == 0
    out = tmp_path / "flensburg.gpkg"
    run = qgis_process(qgis_env, "--json", "run", "sozialraum:jointable", "--",
                       f"INPUT={sample / 'Stadtteile.shp'}", "INPUT_KEY=AREA_ID",
                       f"TABLE={sample / 'tab_20_nichterwerbsfaehige_leistungsberechtigte_sgb2.csv'}",
                       "TABLE_KEY=Stadtteil_ID", f"OUTPUT={out}", f"REPORT={tmp_path / 'report.json'}")
    assert run.returncode == 0, run.stderr[-2000:]
    results = json.loads(run.stdout[run.stdout.index("{"):])["results"]
    assert results["MATCHED"] == 13 and results["UNMATCHED_ROWS"] == 0
    assert out.is_file() and json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["join"]["matched"] == 13


def test_full_report_runs_in_qgis_process(plugin_zip, qgis_env, tmp_path):
    """Flensburg's Sozialatlas end to end in qgis_process: four tables with other key schemes,
    a custom index, Ward clusters, two maps and one profile file per Stadtteil."""
    plugins = install_zip(plugin_zip, tmp_path / "config")
    sample = plugins / "sozialraum_plugin" / "resources" / "sample"
    definition = sample / "flensburg" / "sozialatlas_flensburg_2022.json"
    assert qgis_process(qgis_env, "plugins", "enable", "sozialraum_plugin").returncode == 0
    out = tmp_path / "bericht"
    run = qgis_process(qgis_env, "--json", "run", "sozialraum:report", "--", f"DEFINITION={definition}",
                       f"OUTPUT_FOLDER={out}", timeout=600)
    assert run.returncode == 0, (run.stdout[-1500:], run.stderr[-1500:])
    results = json.loads(run.stdout[run.stdout.index("{"):])["results"]
    assert results["MATCHED"] == 13
    for name in ("sozialraum.gpkg", "Karten.pdf", "Sozialraumprofile.pdf", "Tabellenanhang.csv"):
        assert (out / name).is_file(), name
    separate = list((out / "Profile_einzeln").glob("Profil_STGT*.pdf"))
    assert len(separate) == 13
    # the QGIS project holds the maps and the profile atlas in qgis_process too (the profile step
    # keeps its layout for it; the report removes it after writing the file)
    import re
    import zipfile

    assert results["PROJECT"] == str(out / "Sozialbericht.qgz")
    with zipfile.ZipFile(out / "Sozialbericht.qgz") as archive:
        xml = archive.read("Sozialbericht.qgs").decode("utf-8")
    layouts = re.findall(r'<Layout [^>]*name="([^"]+)"', xml)
    assert "Sozialraum – SGB-II-Quote 2021" in layouts and any(n.startswith("Sozialraumprofile") for n in layouts)
    assert re.search(r'<Atlas [^>]*enabled="1"', xml)


def test_report_whose_project_cannot_be_written_fails_cleanly_in_qgis_process(plugin_zip, qgis_env, tmp_path):
    """The .qgz cannot be written (a folder of its name is in the way): the run names it and ends
    with exit code 1, not a crash on exit with the profile layout it kept for the file."""
    plugins = install_zip(plugin_zip, tmp_path / "config")
    sample = plugins / "sozialraum_plugin" / "resources" / "sample"
    definition = sample / "flensburg" / "sozialatlas_flensburg_2022.json"
    assert qgis_process(qgis_env, "plugins", "enable", "sozialraum_plugin").returncode == 0
    out = tmp_path / "bericht"
    (out / "Sozialbericht.qgz").mkdir(parents=True)
    run = qgis_process(qgis_env, "run", "sozialraum:report", "--", f"DEFINITION={definition}",
                       f"OUTPUT_FOLDER={out}", timeout=600)
    assert run.returncode == 1, (run.returncode, run.stdout[-1500:], run.stderr[-1500:])
    assert "Sozialbericht.qgz" in run.stdout + run.stderr and "folder" in run.stdout + run.stderr
    assert (out / "Sozialraumprofile.pdf").is_file()
