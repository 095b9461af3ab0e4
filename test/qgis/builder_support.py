"""Clicking through the report builder over Flensburg, shared by test_gui_report_builder.py and the
desktop check (test/e2e/builder_check.py), which drive the same real widgets."""
from __future__ import annotations

import csv

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtTest import QTest


def click(widget):
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def pick(combo, text):
    index = combo.findText(text)
    if index < 0:
        index = combo.findData(text)
    assert index >= 0, (text, [combo.itemText(i) for i in range(combo.count())])
    combo.setCurrentIndex(index)


def add_table(dialog, path):
    click(dialog.tables.add_button)
    editor = dialog.tables.editors[-1]
    editor.file_widget.setFilePath(str(path))
    return editor


def check_row(page, ident, label=None, unit=None, kind=None):
    from sozialraum_plugin.gui.report_builder.indicators_page import KIND, LABEL, UNIT, USE

    n = page.row_of(ident)
    assert n >= 0, ident
    page.table.item(n, USE).setCheckState(Qt.CheckState.Checked)
    if label is not None:
        page.table.item(n, LABEL).setText(label)
    if unit is not None:
        page.table.item(n, UNIT).setText(unit)
    if kind is not None:
        pick(page.table.cellWidget(n, KIND), kind)
    return n


def fill_flensburg(dialog, flensburg, folder):
    """What a planner clicks for the Flensburg Sozialatlas: three tables, a rate from counts, a
    custom index, clusters, two maps, profile pages."""
    for step in STEPS:
        step(dialog, flensburg, folder)
    return dialog


def fill_report(dialog, flensburg, folder):
    general = dialog.general
    dialog.tabs.setCurrentWidget(general)
    general.title_edit.setText("Sozialatlas Flensburg 2022")
    general.source_edit.setText("Stadt Flensburg, Sozialatlas 2022")
    click(general.file_radio)
    general.file_widget.setFilePath(str(flensburg / "Stadtteile.shp"))
    pick(general.key_combo, "AREA_ID")
    pick(general.name_combo, "AREA_NAME")
    general.folder_widget.setFilePath(str(folder))
    pick(general.language_combo, "de")


def fill_tables(dialog, flensburg, _folder):
    dialog.tabs.setCurrentWidget(dialog.tables)
    ew = add_table(dialog, flensburg / "tab_1_einwohner_in_stadtteilen_2011_bis_2021.csv")
    assert ew.key() == "id", ew.error
    click(ew.check_button)
    assert "13" in ew.check_summary.text()  # the join check of the join dialog, per table
    sgb = add_table(dialog, flensburg / "tab_18_regelleistungsberechtigte_sgb2.csv")
    assert sgb.key() == "Stadtteil_ID" and sgb.preview.columnCount() == 10
    add_table(dialog, flensburg / "tab_5_einwohner_in_stadtteilen_2021_nach_altersgruppen.csv")
    assert dialog.tables.list.count() == 3
    dialog.tables.list.setCurrentRow(1)
    click(sgb.check_button)


def fill_indicators(dialog, _flensburg, _folder):
    page = dialog.indicators
    dialog.tabs.setCurrentWidget(page)
    ids = [r.id for r in page.rows]
    assert {"gesamt", "Anzahl_2021", "Anteil_in_%_2021", "unter_18"} <= set(ids)  # every numeric column
    assert "Stadtteil" not in ids and "id" not in ids  # text and keys are no indicators
    check_row(page, "Anteil_in_%_2021", "SGB-II-Quote (unter 65)", "%")
    check_row(page, "Anzahl_2021", "Regelleistungsberechtigte SGB II", "", kind="count")
    check_row(page, "unter_18", "Kinder und Jugendliche", "")
    click(page.add_rate_button)
    n = page.table.currentRow()
    page.id_edit.setText("sgb2_anteil_ew")
    page.id_edit.editingFinished.emit()
    pick(page.numerator_combo, "Anzahl_2021")
    pick(page.denominator_combo, "gesamt")
    check_row(page, "sgb2_anteil_ew", "SGB II je Einwohner", "%")
    assert page.rows[n].id == "sgb2_anteil_ew"


def fill_analysis(dialog, _flensburg, _folder):
    analysis = dialog.analysis
    dialog.tabs.setCurrentWidget(analysis)
    analysis.index_box.setChecked(True)
    pick(analysis.preset_combo, "custom")
    analysis.grid.set_role("Anteil_in_%_2021", "status")
    analysis.grid.set_role("sgb2_anteil_ew", "status")
    analysis.grid.set_extra_value("sgb2_anteil_ew", 2.0)
    pick(analysis.population_combo, "gesamt")
    analysis.min_population.setValue(300)
    analysis.cluster_box.setChecked(True)
    for i in range(analysis.cluster_list.count()):
        item = analysis.cluster_list.item(i)
        if item.data(Qt.ItemDataRole.UserRole) in ("Anteil_in_%_2021", "sgb2_anteil_ew"):
            item.setCheckState(Qt.CheckState.Checked)
    analysis.k_spin.setValue(3)
    pick(analysis.method_combo, "ward")


def fill_money(dialog, _flensburg, _folder):
    """Page 5: a budget split by need over the Stadtteile's residents and the index's class."""
    section = dialog.analysis.allocation
    dialog.tabs.setCurrentWidget(dialog.analysis.money_page)
    section.setChecked(True)
    section.budget_spin.setValue(250_000)
    pick(section.population_combo, "gesamt")
    pick(section.need_combo, "status_class")


def fill_maps(dialog, _flensburg, _folder):
    from sozialraum_plugin.gui.report_builder.maps_page import CLASSES, FIELD, METHOD, TITLE

    maps = dialog.maps
    dialog.tabs.setCurrentWidget(maps)
    click(maps.add_button)
    click(maps.add_button)
    pick(maps.table.cellWidget(0, FIELD), "Anteil_in_%_2021")
    pick(maps.table.cellWidget(0, METHOD), "jenks")
    maps.table.cellWidget(0, CLASSES).setValue(4)
    maps.table.item(0, TITLE).setText("SGB-II-Quote 2021")
    pick(maps.table.cellWidget(1, FIELD), "cluster")
    pick(maps.table.cellWidget(1, METHOD), "categorized")
    maps.table.cellWidget(1, CLASSES).setValue(3)
    maps.table.item(1, TITLE).setText("Bedarfscluster")


def fill_profiles(dialog, _flensburg, _folder):
    from qgis.PyQt.QtGui import QColor

    profiles = dialog.profiles
    dialog.tabs.setCurrentWidget(profiles)
    profiles.profile_box.setChecked(True)
    for ident in ("sgb2_anteil_ew", "Anteil_in_%_2021", "unter_18"):
        profiles.set_checked(ident)
    profiles.list.setCurrentRow([profiles.list.item(i).data(Qt.ItemDataRole.UserRole)
                                 for i in range(profiles.list.count())].index("sgb2_anteil_ew"))
    click(profiles.up_button)  # the rate was added last: moved up before the quota
    click(profiles.up_button)
    profiles.title_edit.setText("Stadtteilprofil")
    profiles.colour_button.setColor(QColor("#1f4e79"))


STEPS = [fill_report, fill_tables, fill_indicators, fill_analysis, fill_money, fill_maps, fill_profiles]


def changed_table(flensburg, tmp_path):
    """tab_18 of next year: Anzahl_2021 renamed, Anteil_in_%_2019 removed, district 14 keyed 99."""
    source = flensburg / "tab_18_regelleistungsberechtigte_sgb2.csv"
    with open(source, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    header = rows[0]
    drop = header.index("Anteil_in_%_2019")
    header[header.index("Anzahl_2021")] = "Anzahl_2022"
    out = []
    for row in rows:
        row = row[:drop] + row[drop + 1:]
        if row[0] == "13":
            row[0] = "99"
        out.append(row)
    target = tmp_path / "tab_18_2022.csv"
    with open(target, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(out)
    return target
