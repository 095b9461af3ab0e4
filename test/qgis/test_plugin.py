"""The plugin class in a headless QGIS: toolbar, provider, translator, unload, reload."""
from __future__ import annotations

import pytest
from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QCoreApplication, QEvent

import sozialraum_plugin
from sozialraum_plugin.plugin import action_specs

EXPECTED_KEYS = ["join", "index", "clusters", "map", "profiles", "report", "about"]


def _registry():
    return QgsApplication.processingRegistry()


@pytest.fixture(autouse=True)
def without_session_provider():
    """These tests register the provider themselves: set aside one another test registered."""
    existing = _registry().providerById("sozialraum")
    if existing is not None:
        _registry().removeProvider(existing)
    yield
    if existing is not None:
        from sozialraum_plugin.processing.provider import SozialraumProvider

        if _registry().providerById("sozialraum") is None:
            fresh = SozialraumProvider()
            _registry().addProvider(fresh)
            _KEEP.append(fresh)


_KEEP = []  # providers re-registered here must outlive the fixture (Python owns the wrapper)


def _set_locale(lang: str | None):
    """``None``: back to the session's German locale (conftest.german_locale), which the output
    language of later tests' reports follows."""
    settings = QgsSettings()
    if lang is None:
        settings.setValue("locale/overrideFlag", True)
        settings.setValue("locale/userLocale", "de_DE")
    else:
        settings.setValue("locale/overrideFlag", True)
        settings.setValue("locale/userLocale", lang)


def test_class_factory_does_not_touch_iface(qgis_app):
    """qgis_process loads plugins with iface None: building the plugin must not use it."""
    plugin = sozialraum_plugin.classFactory(None)
    plugin.initProcessing()
    try:
        assert _registry().providerById("sozialraum") is not None
    finally:
        plugin.unload()
    assert _registry().providerById("sozialraum") is None


def test_init_gui_builds_toolbar_and_provider(qgis_app, qgis_iface):
    _set_locale("en")
    plugin = sozialraum_plugin.classFactory(qgis_iface)
    plugin.initGui()
    try:
        assert list(plugin.actions) == EXPECTED_KEYS
        toolbar = plugin.toolbar
        assert toolbar.objectName() == "SozialraumToolbar"
        toolbar_actions = toolbar.actions()
        assert [a.objectName() for a in toolbar_actions] == \
            [f"sozialraum_{k}" for k in EXPECTED_KEYS[:-1]] + ["sozialraum_tools_action"]
        tools = [a for a in plugin.tools_menu.actions() if not a.isSeparator()]  # each opening its algorithm
        assert [a.objectName() for a in tools] == ["sozialraum_indicators", "sozialraum_aggregate", "sozialraum_regrid",
                                                   "sozialraum_supply", "sozialraum_allocate", "sozialraum_impact"]
        assert sum(a.isSeparator() for a in plugin.tools_menu.actions()) == 1  # monitoring | infrastructure, money
        assert all(a.toolTip() and a.text() for a in tools)
        assert all(_registry().algorithmById(f"sozialraum:{a.objectName()[11:]}") for a in tools)
        for action in plugin.actions.values():
            assert not action.icon().isNull(), action.objectName()
            assert action.toolTip() and action.toolTip() != action.text()
        assert toolbar_actions[0].text() == "1 Join data"
        provider = _registry().providerById("sozialraum")
        assert provider is not None and provider.name() == "Sozialraum"
        assert not provider.icon().isNull()
    finally:
        plugin.unload()
        _set_locale(None)


def test_unload_leaves_nothing_and_reload_works(qgis_app, qgis_iface):
    plugin = sozialraum_plugin.classFactory(qgis_iface)
    plugin.initGui()
    toolbar = plugin.toolbar
    actions = list(plugin.actions.values())
    tools = plugin.tools_menu
    plugin.unload()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # run deleteLater()
    assert _registry().providerById("sozialraum") is None
    assert plugin.translator is None and plugin.toolbar is None and not plugin.actions
    assert sip.isdeleted(toolbar) and sip.isdeleted(tools)
    assert all(sip.isdeleted(a) for a in actions)

    again = sozialraum_plugin.classFactory(qgis_iface)
    again.initGui()
    try:
        assert _registry().providerById("sozialraum") is not None
        assert len(again.toolbar.actions()) == 7  # six steps and the monitoring tools
    finally:
        again.unload()


def test_german_translation_is_loaded(qgis_app, qgis_iface):
    _set_locale("de")
    plugin = sozialraum_plugin.classFactory(qgis_iface)
    plugin.initGui()
    try:
        assert plugin.translator is not None
        assert plugin.actions["join"].text() == "1 Daten verbinden"
        # "6 Sozialbericht" once the integrator has added the builder's strings to i18n/sozialraum_de.ts
        assert plugin.actions["report"].text() == "6 Sozialbericht"
        assert _registry().providerById("sozialraum").longName().startswith("Sozialraum –")
    finally:
        plugin.unload()
        _set_locale(None)
    # after unload the translator is gone: texts are English again
    assert action_specs()[0][2] == "1 Join data"


def test_action_for_missing_algorithm_says_so(qgis_app, qgis_iface):
    """A toolbar action whose algorithm is not there tells the user instead of failing."""
    from sozialraum_plugin.gui.launch import open_algorithm_dialog

    assert open_algorithm_dialog(qgis_iface, "sozialraum:doesnotexist") is None


def test_loading_the_provider_imports_neither_pandas_nor_numpy(tmp_path):
    """QGIS loads every enabled plugin at start: the heavy modules wait until an algorithm runs
    (make bench P4 measures the seconds; this guards the cause, in a fresh interpreter)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(sozialraum_plugin.__file__).resolve().parents[1]
    script = (
        "import sys\n"
        "from qgis.core import QgsApplication\n"
        "app = QgsApplication([], False); app.initQgis()\n"
        "before = set(sys.modules)  # what QGIS itself loaded (3.40 imports numpy on its own)\n"
        f"sys.path.insert(0, {str(root)!r})\n"
        "import sozialraum_plugin\n"
        "plugin = sozialraum_plugin.classFactory(None)\n"
        "plugin.initProcessing()\n"
        "assert QgsApplication.processingRegistry().algorithmById('sozialraum:report') is not None\n"
        "print(sorted(m for m in ('pandas', 'numpy', 'scipy') if m in sys.modules and m not in before))\n"
        "app.exitQgis()\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stdout
