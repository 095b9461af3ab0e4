"""Toolbar action 5 in the real QGIS desktop under Xvfb: its own dialog, filled for Flensburg, with
the first page previewed; screenshots build/desktop_profile_dialog_{de,en}.png to look at."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from e2e_support import ROOT, install_zip

CHECK = Path(__file__).with_name("profile_dialog_check.py")


@pytest.mark.slow
@pytest.mark.parametrize("lang, action", [("en", "5 District profiles"), ("de", "5 Sozialraumprofile")])
def test_profiles_dialog_previews_in_the_desktop(plugin_zip, qgis_env, tmp_path, lang, action):
    if shutil.which("xvfb-run") is None or shutil.which("qgis") is None:
        pytest.fail("xvfb-run and qgis are needed (make deps installs them)")
    config = tmp_path / "config"
    install_zip(plugin_zip, config)
    ini = config / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    ini.write_text("[PythonPlugins]\nsozialraum_plugin=true\n[qgis]\nshowTips=false\ncheckVersion=false\n"
                   f"[locale]\noverrideFlag=true\nuserLocale={lang}\n", encoding="utf-8")
    out = tmp_path / "result.json"
    shot = ROOT / "build" / f"desktop_profile_dialog_{lang}.png"
    shot.parent.mkdir(exist_ok=True)
    env = dict(qgis_env, SOZIALRAUM_E2E_OUT=str(out), SOZIALRAUM_E2E_SHOT=str(shot))
    env.pop("QT_QPA_PLATFORM")  # a real X display
    env.pop("QGIS_CUSTOM_CONFIG_PATH")
    cmd = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "qgis", "--profiles-path", str(config),
           "--profile", "default", "--noversioncheck", "--nologo", "--lang", lang, "--code", str(CHECK)]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=240)
    assert out.is_file(), f"QGIS wrote no result (rc {proc.returncode}): {proc.stderr[-2000:]}"
    result = json.loads(out.read_text(encoding="utf-8"))
    assert "error" not in result, result.get("error")
    assert result["action"] == action
    assert result["dialogs"] == ["ProfileDialog"]
    assert result["preview_started"] and not result["errors"], result
    assert result["page"][1] > result["page"][0] > 700 and result["ink"] > 0.08, result  # an A4 page, drawn
    assert "STGT01" in result["caption"]
    assert result["shot"] and shot.stat().st_size > 30_000
