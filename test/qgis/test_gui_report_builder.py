"""The report builder (toolbar action "Social report") driven through its real widgets over the
Flensburg sample: a definition made by clicking, saved into the project and to a file, reopened,
run as a task with its outputs opened, and "next year" with a changed table."""
from __future__ import annotations

import json

import pytest
from builder_support import changed_table, click, fill_flensburg
from gui_support import group_layers, wait_for
from qgis.core import QgsProject

from sozialraum_plugin.core.report.definition import load

pytestmark = pytest.mark.usefixtures("fresh_memory")
HAND_WRITTEN = "sozialatlas_flensburg_2022.json"


@pytest.fixture
def flensburg(sample_dir):
    return sample_dir / "flensburg"


@pytest.fixture
def builder(qgis_iface, qgis_new_project, provider):
    from sozialraum_plugin.gui.report_builder.dialog import ReportBuilderDialog
    from sozialraum_plugin.toolbelt.settings import DialogMemory

    DialogMemory("report_builder").clear()  # no output folder of an earlier session
    opened = []
    dialog = ReportBuilderDialog(qgis_iface, opener=opened.append)
    dialog.opened = opened
    yield dialog
    dialog.reject()  # done(): the dialog lets its boundaries file go
    dialog.run = None  # its processing context holds layers: freed while QGIS is still up
    settle()


def settle():
    """Closed dialogs go now, not in Python's final clean-up after QGIS has exited."""
    import gc

    from qgis.PyQt.QtCore import QCoreApplication, QEvent

    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def test_building_flensburg_by_clicking_writes_the_definition(builder, flensburg, tmp_path):
    dialog = fill_flensburg(builder, flensburg, tmp_path / "out")
    assert dialog.validate() == [], dialog.validate()
    assert dialog.run_button.isEnabled()
    d = dialog.definition()
    assert d.title == "Sozialatlas Flensburg 2022" and d.key == "AREA_ID" and d.name_field == "AREA_NAME"
    assert d.boundaries.endswith("Stadtteile.shp") and d.language == "de"
    assert [t.key for t in d.tables] == ["id", "Stadtteil_ID", "id"]
    assert d.tables[0].fields == ["gesamt"]  # the rate's denominator, from the first table that has it
    assert set(d.tables[1].fields) == {"Anteil_in_%_2021", "Anzahl_2021"}
    assert d.tables[2].fields == ["unter_18"]
    rate = d.indicator("sgb2_anteil_ew")
    assert (rate.kind, rate.numerator, rate.denominator, rate.scale, rate.unit) == \
        ("rate", "Anzahl_2021", "gesamt", 100.0, "%")
    assert d.indicator("Anzahl_2021").kind == "count"
    assert d.indicator("Anteil_in_%_2021").label == "SGB-II-Quote (unter 65)"
    assert d.index.preset == "custom" and d.index.status == ["Anteil_in_%_2021", "sgb2_anteil_ew"]
    assert d.index.weights == {"sgb2_anteil_ew": 2.0} and d.index.population == "gesamt"
    assert d.clusters.k == 3 and d.clusters.method == "ward"
    assert set(d.clusters.fields) == {"Anteil_in_%_2021", "sgb2_anteil_ew"}
    assert [(m.field, m.method, m.classes, m.title) for m in d.maps] == [
        ("Anteil_in_%_2021", "jenks", 4, "SGB-II-Quote 2021"), ("cluster", "categorized", 3, "Bedarfscluster")]
    assert d.profiles.title == "Stadtteilprofil"
    assert d.profiles.fields == ["Anteil_in_%_2021", "sgb2_anteil_ew", "unter_18"]  # in the list's order
    assert d.style.colour == "#1f4e79"

    # saved to a file (relative paths) and into the project; reopened, every widget shows it again
    path = tmp_path / "def" / "Sozialbericht.json"
    path.parent.mkdir()
    assert dialog.save(str(path))
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["tables"][1]["path"].endswith("tab_18_regelleistungsberechtigte_sgb2.csv")
    assert load(str(path)).to_dict() == {**d.to_dict(), "boundaries": saved["boundaries"],
                                         "tables": saved["tables"]}
    text, ok = QgsProject.instance().readEntry("sozialraum", "report_definition", "")
    assert ok and json.loads(text)["title"] == "Sozialatlas Flensburg 2022"

    from sozialraum_plugin.gui.report_builder.dialog import ReportBuilderDialog

    again = ReportBuilderDialog(dialog.iface, opener=list().append)  # restores from the project
    try:
        assert again.definition().to_dict() == d.to_dict()
        assert again.analysis.grid.extra_value("sgb2_anteil_ew") == 2.0
        assert again.tables.list.count() == 3
    finally:
        again.reject()
    other = ReportBuilderDialog(dialog.iface, opener=list().append)
    try:
        assert other.open_file(str(path))
        assert other.definition().to_dict() == d.to_dict()
    finally:
        other.reject()


def test_invalid_states_disable_run_with_the_reason(builder, flensburg, tmp_path):
    dialog = builder
    assert not dialog.run_button.isEnabled()
    assert dialog.reason.text()  # says what is missing
    fill_flensburg(dialog, flensburg, tmp_path / "out")
    assert dialog.run_button.isEnabled()
    dialog.general.folder_widget.setFilePath("")
    assert not dialog.run_button.isEnabled() and "output folder" in dialog.reason.text()
    dialog.general.folder_widget.setFilePath(str(tmp_path / "out"))
    dialog.analysis.exclude_edit.setText("\"KOM\" <> ")
    assert not dialog.run_button.isEnabled() and "\"KOM\" <>" in dialog.reason.toolTip()  # names the value
    dialog.analysis.exclude_edit.setText("")
    editor = dialog.tables.editors[1]
    editor.file_widget.setFilePath(str(tmp_path / "missing.csv"))
    assert not dialog.run_button.isEnabled() and "missing.csv" in dialog.reason.toolTip()


def test_hand_written_definition_reopens_unchanged(builder, flensburg):
    original = load(str(flensburg / HAND_WRITTEN))
    assert builder.open_file(str(flensburg / HAND_WRITTEN))
    assert builder.validate() == [] or "output folder" in builder.validate()[0]
    page = builder.indicators
    assert page.used_only.isChecked()  # a definition opened: its indicators, not 40 unused columns
    assert page.table.isRowHidden(page.row_of("Anzahl_2018")) and not page.table.isRowHidden(page.row_of("unter_18"))
    again = builder.definition()
    mine, theirs = again.to_dict(), original.with_absolute_paths().to_dict()
    assert mine == theirs


def test_run_produces_the_outputs_and_opens_them(builder, flensburg, tmp_path):
    folder = tmp_path / "bericht"
    dialog = fill_flensburg(builder, flensburg, folder)
    dialog.show()
    click(dialog.run_button)
    assert dialog.progress.isVisible() and dialog.cancel_button.isVisible()
    wait_for(dialog.run, timeout=180)
    assert dialog.run.ok, dialog.bar.currentItem().text() if dialog.bar.currentItem() else ""
    for name in ("sozialraum.gpkg", "Karten.pdf", "Sozialraumprofile.pdf", "Tabellenanhang.csv"):
        assert (folder / name).exists(), name
    assert dialog.opened == [str(folder)]  # the folder, through the injected opener
    assert "Sozialatlas Flensburg 2022" in [layer.name() for layer in group_layers()]
    names = [layout.name() for layout in QgsProject.instance().layoutManager().layouts()]
    assert any("SGB-II-Quote 2021" in n for n in names), names
    assert dialog.run_button.isEnabled()


def test_cancel_stops_the_run(builder, flensburg, tmp_path):
    folder = tmp_path / "abbruch"
    dialog = fill_flensburg(builder, flensburg, folder)
    dialog.show()
    click(dialog.run_button)
    click(dialog.cancel_button)
    wait_for(dialog.run, timeout=120)
    assert dialog.run.ok is False
    assert not (folder / "Karten.pdf").exists()
    assert dialog.run_button.isEnabled()


def test_next_year_shows_what_changed(builder, flensburg, tmp_path):
    assert builder.open_file(str(flensburg / HAND_WRITTEN))
    builder.general.folder_widget.setFilePath(str(tmp_path / "out"))
    new = changed_table(flensburg, tmp_path)
    dialog = builder.next_year({1: new}, accept=False)
    diff = dialog.diff
    change = diff.tables[0]
    assert change.gone == ["Anteil_in_%_2019", "Anzahl_2021"] and change.new == ["Anzahl_2022"]
    assert change.matched == 12 and change.n_districts == 13
    assert change.rows_without_district == ["99"]
    assert {x.id for x in diff.lost} == {"Anzahl_2021"}
    text = dialog.view.toPlainText()
    assert "Anzahl_2021" in text and "Anzahl_2022" in text and "12 of 13" in text and "99" in text
    dialog.close()

    builder.next_year({1: new}, accept=True)
    assert builder.definition().tables[1].path == str(new)
    assert builder.definition().tables[0].path.endswith("tab_1_einwohner_in_stadtteilen_2011_bis_2021.csv")
    assert not builder.run_button.isEnabled()
    assert "Anzahl_2021" in builder.reason.toolTip()  # the vanished column blocks the run, by name
    page = builder.indicators
    assert "Anzahl_2021" in page.table.item(page.row_of("Anzahl_2021"), 1).toolTip()  # and its row says so
