"""The need index, cluster and map dialogs in a headless QGIS (widgets filled, checked, run as tasks,
results in the project), and what all dialogs share: toolbar actions, keyboard, screenshots. The
join dialog is in test_gui_join_dialog.py; helpers in gui_support.py, fixtures in conftest.py."""
from __future__ import annotations

import json

import pytest
from gui_support import OUTLIER, add_layer, bar_text, group_layers, join_dialog, wait_for
from qgis.core import Qgis
from qgis.PyQt.QtCore import QCoreApplication

pytestmark = pytest.mark.usefixtures("fresh_memory")


# -- need index -------------------------------------------------------------------------------
def test_index_dialog_mss_run(qgis_iface, qgis_new_project, provider, joined_gpkg, tmp_path):
    from sozialraum_plugin.gui.index_dialog import IndexDialog

    layer = add_layer(joined_gpkg, "berlin_joined")
    dialog = IndexDialog(qgis_iface)
    dialog.layer_combo.setLayer(layer)
    # MSS naming recognised; S2/D2 have no values in 2021 and cannot be chosen
    assert dialog.grid.fields_with("status") == ["S1", "S3", "S4"]
    assert dialog.grid.fields_with("dynamic") == ["D1", "D3", "D4"]
    assert not dialog.grid.rows["S2"][0].isEnabled()
    assert dialog.population_combo.currentField() == "EW"
    assert dialog.min_population.value() == 300
    assert not dialog.scaling_combo.isEnabled()  # MSS preset: no scaling or weights
    dialog.exclude_widget.setExpression(OUTLIER)
    dialog.output_widget.setFilePath(str(tmp_path / "index.gpkg"))
    params = dialog.parameters()
    assert params["PRESET"] == 1 and "DIRECTIONS" not in params
    assert [(i["id"], i["direction"]) for i in json.loads(params["INDICATORS"])] == [
        ("S1", 1), ("S3", 1), ("S4", 1), ("D1", 1), ("D3", 1), ("D4", 1)]
    dialog.show()
    assert dialog.start_run()
    run = wait_for(dialog.run)
    assert run.ok, run.feedback.errors
    out = [lyr for lyr in group_layers() if lyr.name() == "index"]
    assert len(out) == 1 and out[0].featureCount() == 542
    assert {"status_index", "status_class", "dynamic_class", "valid"} <= set(out[0].fields().names())
    assert sum(1 for f in out[0].getFeatures() if f["valid"]) == 536


def test_index_dialog_custom_weights_and_missing_status(qgis_iface, qgis_new_project, provider, joined_gpkg):
    from sozialraum_plugin.gui.index_dialog import IndexDialog

    layer = add_layer(joined_gpkg, "berlin_joined")
    dialog = IndexDialog(qgis_iface)
    dialog.layer_combo.setLayer(layer)
    dialog.preset_combo.setCurrentIndex(dialog.preset_combo.findData(0))  # custom
    assert dialog.scaling_combo.isEnabled() and dialog.grid.rows["S1"][2].isEnabled()
    dialog.grid.set_extra_value("S1", 2)
    dialog.grid.set_direction("S4", -1)
    params = dialog.parameters()
    assert params["PRESET"] == 0
    assert "S1=2" in params["WEIGHTS"] and {"id": "S4", "direction": -1}.items() <= \
        next(i for i in json.loads(params["INDICATORS"]) if i["id"] == "S4").items()
    for name in ("S1", "S3", "S4"):
        dialog.grid.set_role(name, "")
    assert not dialog.start_run()
    text, level = bar_text(dialog)
    assert "status indicator" in text and level == Qgis.MessageLevel.Warning
    dialog.close()


# -- clusters ---------------------------------------------------------------------------------
def test_cluster_dialog_suggests_k_and_shows_the_summary(qgis_iface, qgis_new_project, provider, indexed_gpkg,
                                                         tmp_path):
    from qgis.PyQt.QtCore import Qt

    from sozialraum_plugin.gui.cluster_dialog import ClusterDialog

    layer = add_layer(indexed_gpkg, "berlin_index")
    dialog = ClusterDialog(qgis_iface)
    dialog.layer_combo.setLayer(layer)
    assert dialog.grid.fields_with("use") == ["S1", "S3", "S4"]
    assert dialog.need_combo.currentField() == "status_index" and dialog.valid_check.isChecked()
    assert dialog.suggest()
    table = dialog.suggest_table
    assert table.rowCount() == 7  # k = 2 … 8
    best = [i for i in range(7) if table.item(i, 1).font().bold()]
    assert len(best) == 1
    assert dialog.k_spin.value() == int(table.item(best[0], 0).text())  # preset, not forced
    row_k4 = next(i for i in range(7) if table.item(i, 0).text() == "4")
    table.itemClicked.emit(table.item(row_k4, 1))  # the user picks another k
    assert dialog.k_spin.value() == 4
    dialog.grid.set_extra_value("S3", "Transferbezug")
    assert dialog.suggest_table.rowCount() == 7  # a label does not make the suggestion stale
    dialog.output_widget.setFilePath(str(tmp_path / "clusters.gpkg"))
    dialog.show()
    assert dialog.start_run()
    run = wait_for(dialog.run)
    assert run.ok, run.feedback.errors
    assert run.results["K_USED"] == 4
    assert dialog.isVisible()  # stays open to show the clusters
    summary = dialog.summary_table
    assert summary.rowCount() == 4
    headers = [summary.horizontalHeaderItem(j).text() for j in range(summary.columnCount())]
    assert headers == ["Cluster", "Label", "Areas", "Share", "S1", "S3", "S4"]
    assert sum(int(summary.item(i, 2).text()) for i in range(4)) == 536  # valid areas only
    assert any("Transferbezug" in summary.item(i, 1).text() for i in range(4))
    assert summary.item(0, 0).textAlignment() & int(Qt.AlignmentFlag.AlignRight)
    out = [lyr for lyr in group_layers() if lyr.name() == "clusters"]
    assert len(out) == 1 and "cluster" in out[0].fields().names()
    dialog.close()


def test_cluster_dialog_cancel_leaves_a_usable_dialog(qgis_iface, qgis_new_project, provider, indexed_gpkg):
    from sozialraum_plugin.gui.cluster_dialog import ClusterDialog

    layer = add_layer(indexed_gpkg, "berlin_index")
    dialog = ClusterDialog(qgis_iface)
    dialog.layer_combo.setLayer(layer)
    dialog.show()
    assert dialog.start_run()
    assert dialog.cancel_button.isVisible() and not dialog.run_button.isEnabled()
    dialog.cancel_run()
    run = wait_for(dialog.run)
    # a run this short may finish before the cancel arrives; either way the dialog is usable again
    assert run.ok in (True, False)
    assert dialog.run_button.isEnabled() and not dialog.cancel_button.isVisible()
    dialog.close()


# -- map (bonus) ------------------------------------------------------------------------------
def test_map_dialog_previews_the_first_page_and_writes_the_pdf(qgis_iface, qgis_new_project, provider,
                                                               indexed_gpkg, tmp_path):
    from qgis.core import QgsApplication

    if QgsApplication.processingRegistry().algorithmById("sozialraum:thematicmap") is None:
        pytest.skip("sozialraum:thematicmap is not part of this build")
    from sozialraum_plugin.gui.map_dialog import MapDialog

    layer = add_layer(indexed_gpkg, "berlin_index")
    dialog = MapDialog(qgis_iface)
    dialog.layer_combo.setLayer(layer)
    dialog.field_combo.setField("status_index")
    assert dialog.method_combo.currentData() == "mss"  # the index gets the MSS thresholds
    dialog.title_edit.setText("Statusindex 2021")
    dialog.show()
    assert not dialog.start_run()  # no output file yet: a sentence, no run
    assert "file" in bar_text(dialog)[0]
    assert dialog.preview()
    wait_for(dialog.preview_run)
    assert dialog.preview_run.ok, dialog.preview_run.feedback.errors
    page = dialog.preview_label.page
    assert page is not None and page.width() > page.height() > 300  # a landscape A4 page
    out = tmp_path / "status.pdf"
    dialog.output_widget.setFilePath(str(out))
    assert dialog.start_run()
    run = wait_for(dialog.run)
    assert run.ok and out.is_file() and out.read_bytes()[:4] == b"%PDF"
    assert any(str(out) in m for m in qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Success))
    dialog.close()


# -- wiring -------------------------------------------------------------------------------------
def test_toolbar_actions_open_the_dialogs(qgis_app, qgis_iface, qgis_new_project, provider):
    """run_algorithm is what actions 1–3 call (initGui is left out: the session's provider is
    registered already, and the plugin would register a second one)."""
    import sozialraum_plugin
    from sozialraum_plugin.gui.cluster_dialog import ClusterDialog
    from sozialraum_plugin.gui.index_dialog import IndexDialog
    from sozialraum_plugin.gui.join_dialog import JoinDialog

    plugin = sozialraum_plugin.classFactory(qgis_iface)
    from sozialraum_plugin.gui.map_dialog import MapDialog

    expected = {"sozialraum:jointable": JoinDialog, "sozialraum:needindex": IndexDialog,
                "sozialraum:needclusters": ClusterDialog, "sozialraum:thematicmap": MapDialog}
    for alg_id, cls in expected.items():
        dialog = plugin.run_algorithm(alg_id)
        assert isinstance(dialog, cls) and dialog.isVisible()
        assert plugin.run_algorithm(alg_id) is dialog  # a second click brings it to the front
        dialog.close()
    assert plugin.run_algorithm("sozialraum:doesnotexist") is None  # said in the message bar instead


def test_dialogs_are_keyboard_reachable(qgis_iface, qgis_new_project, provider, joined_gpkg):
    """Unique mnemonics per dialog, the grid rows in the Tab chain right after the widget before
    them, and Escape closes."""
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtTest import QTest
    from qgis.PyQt.QtWidgets import QAbstractButton, QLabel

    from sozialraum_plugin.gui.cluster_dialog import ClusterDialog
    from sozialraum_plugin.gui.index_dialog import IndexDialog
    from sozialraum_plugin.gui.join_dialog import JoinDialog

    layer = add_layer(joined_gpkg, "berlin_joined")
    from sozialraum_plugin.gui.map_dialog import MapDialog

    for cls in (JoinDialog, IndexDialog, ClusterDialog, MapDialog):
        dialog = cls(qgis_iface)
        dialog.layer_combo.setLayer(layer)
        dialog.show()
        mnemonics = []
        for widget in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton):
            text = widget.text().replace("&&", "")
            has_target = not isinstance(widget, QLabel) or widget.buddy() is not None
            if "&" in text and "<" not in text and has_target:
                mnemonics.append(text[text.index("&") + 1].lower())
        assert len(mnemonics) >= 6, cls.__name__
        assert len(mnemonics) == len(set(mnemonics)), (cls.__name__, sorted(mnemonics))
        if cls in (IndexDialog, ClusterDialog):
            before = dialog.grid.focus_before
            first_row = next(iter(dialog.grid.rows.values()))
            nxt = before.nextInFocusChain()
            while not (nxt.focusPolicy() & Qt.FocusPolicy.TabFocus) or nxt.focusProxy() is not None:
                nxt = nxt.nextInFocusChain()
            assert nxt is first_row[0], cls.__name__
        QTest.keyClick(dialog, Qt.Key.Key_Escape)
        assert not dialog.isVisible(), cls.__name__


def test_dialog_screenshots(qgis_iface, qgis_new_project, provider, berlin, indexed_gpkg):
    """build/dialog_*.png for a person to look at (the layouts were checked by eye, in German too)."""
    from pathlib import Path

    from sozialraum_plugin.gui.cluster_dialog import ClusterDialog
    from sozialraum_plugin.gui.index_dialog import IndexDialog

    out = Path(__file__).resolve().parents[2] / "build"
    out.mkdir(exist_ok=True)
    join = join_dialog(qgis_iface, berlin)
    join.check_join()
    indexed = add_layer(indexed_gpkg, "berlin_index")
    index = IndexDialog(qgis_iface)
    index.layer_combo.setLayer(indexed)
    clusters = ClusterDialog(qgis_iface)
    clusters.layer_combo.setLayer(indexed)
    clusters.suggest()
    for name, dialog in (("join", join), ("index", index), ("clusters", clusters)):
        dialog.show()
        QCoreApplication.processEvents()
        image = dialog.grab()
        assert image.width() > 700 and image.height() > 500
        assert image.save(str(out / f"dialog_{name}.png"))
        dialog.close()
