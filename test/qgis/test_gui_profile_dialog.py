"""Action 5's own dialog: real widgets on Flensburg's joined districts, the first page previewed
by the algorithm itself (pixels checked, the user's project untouched), the run as a task."""
from __future__ import annotations

import json
import re
import subprocess
import time
from pathlib import Path

import pytest
from gui_support import add_layer, bar_text, wait_for
from qgis.PyQt.QtCore import QCoreApplication

pytestmark = pytest.mark.usefixtures("fresh_memory")
FLENSBURG = Path(__file__).resolve().parents[2] / "resources" / "sample" / "flensburg"
BUILD = Path(__file__).resolve().parents[2] / "build"


@pytest.fixture(scope="module")
def flensburg_gpkg(provider, tmp_path_factory):
    import processing

    out = tmp_path_factory.mktemp("profiles") / "flensburg.gpkg"
    processing.run("sozialraum:jointable", {
        "INPUT": str(FLENSBURG / "Stadtteile.shp"), "INPUT_KEY": "AREA_ID",
        "TABLE": str(FLENSBURG / "tab_18_regelleistungsberechtigte_sgb2.csv"), "TABLE_KEY": "Stadtteil_ID",
        "FIELDS": "Anzahl_2021,Anteil_in_%_2021,Anteil_in_%_2019", "OUTPUT": str(out)})
    return out


def filled_dialog(iface, layer):
    from sozialraum_plugin.gui.profile_dialog import ProfileDialog

    dialog = ProfileDialog(iface)
    dialog.layer_combo.setLayer(layer)
    dialog.name_combo.setField("AREA_NAME")
    dialog.key_combo.setField("AREA_ID")
    dialog.title_edit.setText("Stadtteilprofil")
    grid = dialog.grid
    grid.set_role("Anteil_in_%_2021", "value")
    grid.set_extra_value("Anteil_in_%_2021", "SGB-II-Quote")
    grid.set_unit("Anteil_in_%_2021", "%")
    grid.set_role("Anzahl_2021", "count")
    grid.set_extra_value("Anzahl_2021", "Leistungsberechtigte")
    return dialog


def wait_preview(dialog, timeout: float = 60.0):
    deadline = time.monotonic() + timeout
    while dialog.preview_result is None:
        assert time.monotonic() < deadline, "no preview in time"
        QCoreApplication.processEvents()
        time.sleep(0.01)
    return dialog.preview_result


def ink_share(image) -> float:
    """Share of sampled pixels that are not (near) white."""
    inked = total = 0
    for y in range(0, image.height(), 6):
        for x in range(0, image.width(), 6):
            colour = image.pixelColor(x, y)
            total += 1
            inked += min(colour.red(), colour.green(), colour.blue()) < 235
    return inked / total


def test_parameters_follow_the_grid(qgis_iface, qgis_new_project, provider, flensburg_gpkg):
    layer = add_layer(flensburg_gpkg, "flensburg")
    dialog = filled_dialog(qgis_iface, layer)
    params = dialog.sheet_parameters()
    assert params["FIELDS"] == ["Anzahl_2021", "Anteil_in_%_2021"]  # in the layer's order
    indicators = json.loads(params["INDICATORS"])  # the rows as indicators, no "S1=Label|%" strings
    assert [(i["id"], i["label"], i["unit"], i["kind"], i["decimals"], i["direction"]) for i in indicators] == [
        ("Anzahl_2021", "Leistungsberechtigte", "", "count", 0, 1),
        ("Anteil_in_%_2021", "SGB-II-Quote", "%", "value", 1, 1)]
    assert "LABELS" not in params and "COUNT_FIELDS" not in params and params["KEY_FIELD"] == "AREA_ID"
    dialog.show()
    assert not dialog.start_run()  # no output file: a sentence, no run
    assert "PDF" in bar_text(dialog)[0]
    dialog.grid.set_role("Anzahl_2021", "")
    dialog.grid.set_role("Anteil_in_%_2021", "")
    assert not dialog.preview()
    assert "indicator" in bar_text(dialog)[0]
    dialog.close()


def test_preview_draws_the_first_page_and_leaves_the_project_alone(qgis_iface, qgis_new_project, provider,
                                                                   flensburg_gpkg, tmp_path):
    from qgis.core import QgsProject

    layer = add_layer(flensburg_gpkg, "flensburg")
    layers_before = set(QgsProject.instance().mapLayers())
    layouts_before = len(QgsProject.instance().layoutManager().layouts())
    dialog = filled_dialog(qgis_iface, layer)
    dialog.show()
    assert dialog.preview()
    started = time.monotonic()
    result = wait_preview(dialog)
    seconds = time.monotonic() - started
    assert result.image is not None, result.errors
    image = result.image
    assert 780 <= image.width() <= 800 and 1110 <= image.height() <= 1130  # A4 portrait at 96 dpi
    assert ink_share(image) > 0.08  # a page, not a blank sheet
    assert result.district == "STGT01"  # the first in the pages' order (the key)
    assert "STGT01" in dialog.preview_caption.text()
    assert dialog.preview_label.page is not None and not dialog.preview_label.page.isNull()
    assert set(QgsProject.instance().mapLayers()) == layers_before  # the throw-away project held it all
    assert len(QgsProject.instance().layoutManager().layouts()) == layouts_before
    BUILD.mkdir(exist_ok=True)
    image.save(str(BUILD / "profile_preview_page.png"))
    print(f"preview of the first page: {seconds:.2f} s")
    dialog.close()


def test_run_writes_the_pdf_as_a_task(qgis_iface, qgis_new_project, provider, flensburg_gpkg, tmp_path):
    layer = add_layer(flensburg_gpkg, "flensburg")
    dialog = filled_dialog(qgis_iface, layer)
    out = tmp_path / "profile.pdf"
    dialog.output_widget.setFilePath(str(out))
    dialog.separate_check.setChecked(True)
    dialog.separate_widget.setFilePath(str(tmp_path / "einzeln"))
    dialog.show()
    assert dialog.start_run()
    run = wait_for(dialog.run, 120)
    assert run.ok, run.feedback.errors
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+13$", info, re.M), info
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True).stdout
    assert "SGB-II-Quote" in text and "Leistungsberechtigte" in text and "Altstadt" in text
    assert len(list((tmp_path / "einzeln").glob("*.pdf"))) == 13
    assert dialog.memory.json("indicators", {})["Anteil_in_%_2021"][3] == "%"  # remembered with its unit


def test_action_5_opens_the_dialog(qgis_app, qgis_iface, qgis_new_project, provider):
    import sozialraum_plugin
    from sozialraum_plugin.gui.profile_dialog import ProfileDialog

    plugin = sozialraum_plugin.classFactory(qgis_iface)
    dialog = plugin.run_algorithm("sozialraum:profilesheets")
    assert isinstance(dialog, ProfileDialog) and dialog.isVisible()
    assert plugin.run_algorithm("sozialraum:profilesheets") is dialog
    dialog.close()


def test_keyboard_mnemonics_are_unique_and_the_grid_follows_the_title(qgis_iface, qgis_new_project, provider,
                                                                      flensburg_gpkg):
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtWidgets import QAbstractButton, QLabel

    layer = add_layer(flensburg_gpkg, "flensburg")
    dialog = filled_dialog(qgis_iface, layer)
    dialog.show()
    mnemonics = []
    for widget in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton):
        text = widget.text().replace("&&", "")
        has_target = not isinstance(widget, QLabel) or widget.buddy() is not None
        if "&" in text and "<" not in text and has_target and widget.isVisible():
            mnemonics.append(text[text.index("&") + 1].lower())
    assert len(mnemonics) >= 12
    assert len(mnemonics) == len(set(mnemonics)), sorted(mnemonics)
    nxt = dialog.title_edit.nextInFocusChain()
    while not (nxt.focusPolicy() & Qt.FocusPolicy.TabFocus) or nxt.focusProxy() is not None:
        nxt = nxt.nextInFocusChain()
    assert nxt is next(iter(dialog.grid.rows.values()))[0]
    dialog.close()
