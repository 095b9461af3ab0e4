"""The real QGIS desktop under Xvfb with the packaged plugin: toolbar, menu, unload, reload."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from e2e_support import ROOT, install_zip

CHECK = Path(__file__).with_name("desktop_check.py")


def run_desktop(plugin_zip, qgis_env, tmp_path, lang: str) -> dict:
    if shutil.which("xvfb-run") is None or shutil.which("qgis") is None:
        pytest.fail("xvfb-run and qgis are needed (make deps installs them)")
    config = tmp_path / "config"
    install_zip(plugin_zip, config)
    ini = config / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    ini.write_text(
        "[PythonPlugins]\nsozialraum_plugin=true\n"
        "[qgis]\nshowTips=false\ncheckVersion=false\n"
        f"[locale]\noverrideFlag=true\nuserLocale={lang}\n",
        encoding="utf-8",
    )
    out = tmp_path / "result.json"
    shot = ROOT / "build" / f"desktop_{lang}.png"
    shot.parent.mkdir(exist_ok=True)
    env = dict(qgis_env, SOZIALRAUM_E2E_OUT=str(out), SOZIALRAUM_E2E_SHOT=str(shot),
               SOZIALRAUM_E2E_DIALOG_SHOT=str(shot.with_name(f"desktop_join_dialog_{lang}.png")))
    env.pop("QT_QPA_PLATFORM")  # a real X display this time
    env.pop("QGIS_CUSTOM_CONFIG_PATH")
    cmd = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "qgis", "--profiles-path", str(config),
           "--profile", "default", "--noversioncheck", "--nologo", "--lang", lang, "--code", str(CHECK)]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=240)
    assert out.is_file(), f"QGIS wrote no result (rc {proc.returncode}): {proc.stderr[-2000:]}"
    for sign in ("different thread", "another thread", "died on signal"):  # a worker touched Qt objects
        assert sign not in proc.stderr, proc.stderr[-2000:]
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.mark.slow
@pytest.mark.parametrize(
    "lang, first_text, menu, dialog_title",
    [("en", "1 Join data", "&Sozialraum", "Join data"),
     ("de", "1 Daten verbinden", "&Sozialraum", "Daten verbinden")],
)
def test_desktop_toolbar_unload_reload(plugin_zip, qgis_env, tmp_path, lang, first_text, menu, dialog_title):
    result = run_desktop(plugin_zip, qgis_env, tmp_path, lang)
    first = result["first"]
    assert result["active"]
    assert first["toolbars"] == 1 and first["visible"]
    assert len(first["actions"]) == 7  # six steps and the monitoring tools' button
    assert first["actions"][6]["name"] == "sozialraum_tools_action"
    assert first["actions"][0]["text"] == first_text
    assert all(a["icon"] and a["tooltip"] for a in first["actions"])
    assert first["provider"]
    assert first["menu"] == [menu]
    assert result["first_action"]["dialogs"] == ["JoinDialog"]
    assert result["first_action"]["titles"] == [dialog_title]
    assert result["report_action"]["dialogs"] == ["ReportBuilderDialog"]  # action 6: the report builder
    assert "report" in result["report_action"]["titles"][0].lower() or \
        "bericht" in result["report_action"]["titles"][0].lower()
    # the report started as its Processing dialog starts it (a task): QGIS survives, the files and
    # the layouts are there, progress moved, the window kept handling events, cancel left nothing
    task = result["report_task"]
    assert task.get("ok") is True, task
    assert {"sozialraum.gpkg", "Karten.pdf", "Sozialraumprofile.pdf", "Tabellenanhang.csv",
            "Berichtsdefinition.json"} <= set(task["files"])
    assert not [name for name in task["files"] if name.startswith(".")]
    assert "Sozialraum – SGB-II-Quote 2021" in task["layouts"]
    assert any(name.startswith("Sozialraumprofile") for name in task["layouts"])
    assert len({p for p in task["progress"] if 0 < p < 100}) >= 10
    assert [p for p in task["task_progress"] if 0 < p < 100]
    assert task["ticks"] >= task["seconds"] / 0.02 / 10 and task["longest_wait"] < 3.0, task
    assert task["shot"] and (ROOT / "build" / f"desktop_report_task_{lang}.png").stat().st_size > 10_000
    # and as a user starts it: toolbar action 6, the builder with the definition opened, Run
    toolbar = result["report_toolbar"]
    assert toolbar.get("ok") is True and "Sozialraumprofile.pdf" in toolbar["files"], toolbar
    assert "Sozialraum – Bedarfscluster" in toolbar["layouts"]
    cancel = result["report_cancel"]
    assert cancel.get("ok") is False and cancel["canceled"] and cancel["files"] == [], cancel
    # the profile layout in the layout designer: its table is QGIS's own, with QGIS's own panel
    designer = result["designer"]
    assert designer["layouts"] >= 1 and "QgsLayoutAttributeTableWidget" in designer["panels"], designer
    assert all(name.startswith("QgsLayout") for name in designer["items"]), designer

    # a monitoring tool from the toolbar's menu: Processing's dialog, Run, a background task
    tool = result["tool"]
    assert tool.get("tools") == ["sozialraum_indicators", "sozialraum_aggregate", "sozialraum_regrid",
                                 "sozialraum_supply", "sozialraum_allocate", "sozialraum_impact"], tool
    assert tool.get("ok") is True and "OUTPUT" in tool["results"] and tool["features"] == 9, tool
    assert abs(tool["carried"] - tool["source"]) < 1e-3 * tool["source"], tool  # the area is conserved
    # facilities against need from the same menu: the Berlin Kita list (CSV, lon/lat) as a background task
    supply = result["supply"]
    assert supply.get("ok") is True and {"OUTPUT", "OUTSIDE"} <= set(supply["results"]), supply
    assert supply["features"] == 542 and supply["kitas"] == 2893 and supply["places"] == 199_851, supply

    gone = result["after_unload"]
    assert gone == {"toolbars": 0, "visible": False, "actions": [], "menu": [], "provider": False}

    again = result["after_reload"]
    assert again["toolbars"] == 1 and len(again["actions"]) == 7 and again["provider"]
    assert again["menu"] == [menu]
    assert (ROOT / "build" / f"desktop_{lang}.png").stat().st_size > 10_000
