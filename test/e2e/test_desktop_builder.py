"""The report builder in the real QGIS desktop under Xvfb on a 1366×768 screen, in English and
German: opened from toolbar action 6, filled in, saved, run, then "next year". The screenshots
build/builder_<lang>_<step>.png are for looking at."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from e2e_support import ROOT, install_zip

CHECK = Path(__file__).with_name("builder_check.py")


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "de"])
def test_builder_on_the_desktop(plugin_zip, qgis_env, tmp_path, lang):
    if shutil.which("xvfb-run") is None or shutil.which("qgis") is None:
        pytest.fail("xvfb-run and qgis are needed (make deps installs them)")
    config = tmp_path / "config"
    install_zip(plugin_zip, config)
    ini = config / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    ini.write_text("[PythonPlugins]\nsozialraum_plugin=true\n[qgis]\nshowTips=false\ncheckVersion=false\n"
                   f"[locale]\noverrideFlag=true\nuserLocale={lang}\n", encoding="utf-8")
    out, work = tmp_path / "result.json", tmp_path / "work"
    work.mkdir()
    (ROOT / "build").mkdir(exist_ok=True)
    env = dict(qgis_env, SOZIALRAUM_E2E_OUT=str(out), SOZIALRAUM_E2E_WORK=str(work),
               SOZIALRAUM_E2E_SHOTS=str(ROOT / "build" / f"builder_{lang}_"),
               SOZIALRAUM_E2E_SUPPORT=str(ROOT / "test" / "qgis"))
    env.pop("QT_QPA_PLATFORM")
    env.pop("QGIS_CUSTOM_CONFIG_PATH")
    cmd = ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", "qgis", "--profiles-path", str(config),
           "--profile", "default", "--noversioncheck", "--nologo", "--lang", lang, "--code", str(CHECK)]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=400)
    assert out.is_file(), f"QGIS wrote no result (rc {proc.returncode}): {proc.stderr[-2000:]}"
    for sign in ("different thread", "another thread", "died on signal"):
        assert sign not in proc.stderr, proc.stderr[-2000:]
    result = json.loads(out.read_text(encoding="utf-8"))
    assert "error" not in result, result["error"]
    assert result["fits"]["inside"], result["fits"]  # the whole dialog on a 1366×768 screen
    assert result["next_year_fits"]["inside"], result["next_year_fits"]
    assert result["problems"] == [] and result["saved"]
    run = result["run"]
    assert run["ok"] is True, run
    assert {"sozialraum.gpkg", "Karten.pdf", "Sozialraumprofile.pdf", "Tabellenanhang.csv",
            "Mittelverteilung.xlsx"} <= set(run["files"])  # page 5's budget split
    assert run["opened"] == [str(work / "bericht")]
    assert any("SGB-II-Quote 2021" in name for name in run["layouts"])
    assert "Anzahl_2022" in result["next_year_text"] and "12" in result["next_year_text"]
    assert result["after"]["run_enabled"] is False and "Anzahl_2021" in result["after"]["reason"]
    assert len(result["shots"]) == 12
