"""The join dialog in a headless QGIS: the table preview as read, read options, the check before
writing, the run as a task, and errors as sentences. The other toolbar dialogs are in
test_gui_other_dialogs.py; helpers in gui_support.py, fixtures in conftest.py."""
from __future__ import annotations

import pytest
from gui_support import add_layer, bar_text, group_layers, join_dialog, wait_for
from qgis.core import Qgis

from sozialraum_plugin.toolbelt.settings import DialogMemory

pytestmark = pytest.mark.usefixtures("fresh_memory")


def test_join_preview_shows_the_table_as_read(qgis_iface, qgis_new_project, provider, berlin):
    from sozialraum_plugin.gui.table_preview import number_locale

    dialog = join_dialog(qgis_iface, berlin)
    assert dialog.table_key_combo.currentText() == "PLR_ID"  # found by its name
    headers = [dialog.preview.horizontalHeaderItem(j).text() for j in range(dialog.preview.columnCount())]
    assert len(headers) == 30
    assert headers[1] == "PLR_ID (text, key)" and headers[3] == "EW (number)" and headers[5] == "S1 (decimal)"
    assert dialog.preview.rowCount() == 20
    first = [dialog.preview.item(0, j).text() for j in range(6)]
    assert first[1] == "01100101"  # leading zero kept
    assert first[3] == "3419"
    assert first[5] == number_locale().toString(4.22594, "g", 12)  # 4.22594 (4,22594 in German)
    assert "comma" in dialog.options.separator.itemText(0)  # detected, shown in the 'Automatic' entry
    assert "point" in dialog.options.decimal.itemText(0)
    assert "utf-8" in dialog.options.encoding.itemText(0)
    assert "542 rows and 30 columns" in dialog.read_status.text()
    dialog.close()


def test_join_override_rereads_and_returns(qgis_iface, qgis_new_project, provider, berlin):
    dialog = join_dialog(qgis_iface, berlin)
    dialog.options.separator.setCurrentIndex(dialog.options.separator.findData(";"))
    assert dialog.preview.columnCount() == 1  # a comma file split at ';' is one column
    assert dialog.options.parameters()["SEPARATOR"] == 1  # the algorithm's ';'
    dialog.options.separator.setCurrentIndex(0)
    assert dialog.preview.columnCount() == 30
    assert dialog.options.parameters() == {"ENCODING": "", "SEPARATOR": 0, "DECIMAL": 0, "HEADER_ROW": "",
                                           "SHEET": ""}
    dialog.close()


def test_join_check_reports_before_writing(qgis_iface, qgis_new_project, provider, berlin, tmp_path):
    dialog = join_dialog(qgis_iface, berlin)
    out = tmp_path / "never.gpkg"
    dialog.output_widget.setFilePath(str(out))
    assert dialog.check_join()
    assert "542 of 542" in dialog.check_summary.text()
    assert "✓" in dialog.check_summary.text()
    assert "S1" in dialog.report_view.toPlainText()  # columns that will be added
    assert not out.exists()  # checking writes nothing
    dialog.close()


def test_join_check_lists_unmatched_keys_flensburg(qgis_iface, qgis_new_project, provider, sample_dir):
    from sozialraum_plugin.gui.join_dialog import JoinDialog

    flensburg = sample_dir / "flensburg"
    layer = add_layer(flensburg / "Stadtteile.shp", "Stadtteile")
    dialog = JoinDialog(qgis_iface)
    dialog.layer_combo.setLayer(layer)
    dialog.key_combo.setField("AREA_ID")
    dialog.file_widget.setFilePath(str(flensburg / "tab_18_regelleistungsberechtigte_sgb2.csv"))
    assert "comma" in dialog.options.decimal.itemText(0)  # "15,8" in a comma-separated file
    assert dialog.preview.item(0, 3).text() in ("15.8", "15,8")
    dialog.transform_combo.setCurrentIndex(1)  # "as written": STGT01 never equals 1
    assert dialog.check_join()
    assert "0 of 13" in dialog.check_summary.text()
    assert "STGT01" in dialog.report_view.toPlainText()  # the unmatched keys, listed
    dialog.transform_combo.setCurrentIndex(0)  # automatic: the prefix is recognised
    assert dialog.check_join()
    assert "13 of 13" in dialog.check_summary.text()
    dialog.close()


def test_join_workbook_sheets_are_offered(qgis_iface, qgis_new_project, provider, sample_dir, tmp_path):
    from osgeo import ogr

    from sozialraum_plugin.gui.join_dialog import JoinDialog

    book = tmp_path / "sgb2.xlsx"
    data = ogr.GetDriverByName("XLSX").CreateDataSource(str(book))
    sheets = (("Hinweise", [("Quelle", "Stadt Flensburg")]), ("Daten", [("1", "15,8"), ("2", "24,6")]))
    for sheet, rows in sheets:
        table = data.CreateLayer(sheet)
        for name in ("Stadtteil_ID", "Quote"):
            table.CreateField(ogr.FieldDefn(name, ogr.OFTString))
        for key, value in rows:
            feature = ogr.Feature(table.GetLayerDefn())
            feature.SetField("Stadtteil_ID", key)
            feature.SetField("Quote", value)
            table.CreateFeature(feature)
    data = None
    layer = add_layer(sample_dir / "flensburg" / "Stadtteile.shp", "Stadtteile")
    dialog = JoinDialog(qgis_iface)
    dialog.layer_combo.setLayer(layer)
    dialog.key_combo.setField("AREA_ID")
    dialog.file_widget.setFilePath(str(book))
    options = dialog.options
    assert [options.sheet.itemText(i) for i in range(1, options.sheet.count())] == ["Hinweise", "Daten"]
    assert options.sheet.isEnabled()
    assert not options.separator.isEnabled() and not options.encoding.isEnabled()
    assert "Hinweise" in options.sheet.itemText(0)  # the first sheet is read unless told otherwise
    options.sheet.setCurrentIndex(options.sheet.findData("Daten"))
    assert dialog.preview.rowCount() == 2
    assert dialog.preview.horizontalHeaderItem(1).text() == "Quote (decimal)"
    assert options.parameters()["SHEET"] == "Daten"
    dialog.close()


def test_join_run_adds_output_to_the_group(qgis_iface, qgis_new_project, provider, berlin, tmp_path):
    qgis_iface.messageBar().clear_messages()
    dialog = join_dialog(qgis_iface, berlin)
    dialog.show()
    out = tmp_path / "berlin_joined.gpkg"
    dialog.output_widget.setFilePath(str(out))
    dialog.report_widget.setFilePath(str(tmp_path / "report.html"))
    assert dialog.start_run()
    run = wait_for(dialog.run)
    assert run.ok, run.feedback.errors
    assert run.results["MATCHED"] == 542
    layers = group_layers()
    assert [layer.name() for layer in layers] == ["berlin_joined"]
    assert layers[0].featureCount() == 542
    assert {"PLR_ID", "S1", "EW", "D4"} <= set(layers[0].fields().names())
    assert (tmp_path / "report.html").is_file()
    assert any("berlin_joined" in m for m in qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Success))
    assert DialogMemory("join").value("table_key", "") == "PLR_ID"  # remembered for next year

    from sozialraum_plugin.gui.join_dialog import JoinDialog

    again = JoinDialog(qgis_iface)  # next year: the same choices are there again
    assert again.layer_combo.currentLayer().name() == "lor_planungsraeume_2021"
    assert again.key_combo.currentField() == "PLR_ID"
    assert again.file_widget.filePath().endswith("mss_2021_index_indikatoren.csv")
    assert again.table_key_combo.currentText() == "PLR_ID" and again.preview.rowCount() == 20
    again.close()


def test_join_bad_table_is_a_sentence_in_the_dialog(qgis_iface, qgis_new_project, provider, berlin, tmp_path):
    from sozialraum_plugin.gui.join_dialog import JoinDialog

    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    add_layer(berlin / "lor_planungsraeume_2021.shp", "lor")
    dialog = JoinDialog(qgis_iface)
    dialog.file_widget.setFilePath(str(empty))
    text, level = bar_text(dialog)
    assert "empty.csv" in text and "empty" in text and level == Qgis.MessageLevel.Critical
    assert "Traceback" not in text
    assert dialog.preview.columnCount() == 0
    assert not dialog.start_run()  # nothing to run: a warning, no exception
    text, level = bar_text(dialog)
    assert level == Qgis.MessageLevel.Warning and text
    dialog.close()


def test_join_error_during_the_run_is_readable(qgis_iface, qgis_new_project, provider, berlin, tmp_path):
    dialog = join_dialog(qgis_iface, berlin)
    dialog.show()
    dialog.output_widget.setFilePath(str(tmp_path / "out.shp"))  # our outputs are GeoPackages
    dialog.start_run()
    run = wait_for(dialog.run)
    assert run.ok is False
    text, level = bar_text(dialog)
    assert level == Qgis.MessageLevel.Critical
    assert "GeoPackage" in text and "Traceback" not in text
    assert dialog.run_button.isEnabled() and not dialog.progress.isVisible()
    dialog.close()
