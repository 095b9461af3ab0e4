"""sozialraum:indicators from the installed zip in qgis_process: values, and a refusal in words."""
from __future__ import annotations

import json

from e2e_support import install_zip, qgis_process
from qgis.core import QgsVectorLayer


def test_indicators_run_and_refuse_in_qgis_process(plugin_zip, qgis_env, tmp_path):
    plugins = install_zip(plugin_zip, tmp_path / "config")
    sample = plugins / "sozialraum_plugin" / "resources" / "sample" / "flensburg"
    assert qgis_process(qgis_env, "plugins", "enable", "sozialraum_plugin").returncode == 0
    joined = tmp_path / "joined.gpkg"
    run = qgis_process(qgis_env, "run", "sozialraum:jointable", "--", f"INPUT={sample / 'Stadtteile.shp'}",
                       "INPUT_KEY=AREA_ID", f"TABLE={sample / 'tab_18_regelleistungsberechtigte_sgb2.csv'}",
                       "TABLE_KEY=Stadtteil_ID", f"OUTPUT={joined}")
    assert run.returncode == 0, run.stderr[-2000:]
    out = tmp_path / "rates.gpkg"
    run = qgis_process(qgis_env, "--json", "run", "sozialraum:indicators", "--", f"INPUT={joined}",
                       "KEY_FIELD=AREA_ID", "CHANGES=d_sgb2=Anzahl:2018-2021", f"OUTPUT={out}")
    assert run.returncode == 0, (run.stdout[-1500:], run.stderr[-1500:])
    results = json.loads(run.stdout[run.stdout.index("{"):])["results"]
    assert results["FIELDS"] == "d_sgb2"
    layer = QgsVectorLayer(f"{out}|layername=rates", "rates", "ogr")
    values = {f["AREA_ID"]: f["d_sgb2"] for f in layer.getFeatures()}
    assert values["STGT03"] == 2170 - 2481  # Nordstadt: fewer people in SGB II in 2021 than in 2018

    refused = qgis_process(qgis_env, "run", "sozialraum:indicators", "--", f"INPUT={joined}", "KEY_FIELD=AREA_ID",
                           "RATES=q=Anzahl_2021/Anzahl_2018", f"OUTPUT={tmp_path / 'refused.gpkg'}")
    assert refused.returncode != 0
    text = refused.stdout + refused.stderr
    assert "The indicator q is a share" in text and "Anzahl_2021" in text and "Traceback" not in text
    assert not (tmp_path / "refused.gpkg").exists()
