"""The report builder keeps what a definition says: opened, shown and written again, nothing is
lost (indicator kinds and shares, table read options the builder does not show, map methods),
what the index reads is joined, paths stay relative beside the tables, a run leaves no temp file."""
from __future__ import annotations

import json
import os
import shutil

import pytest
from builder_support import click, fill_flensburg
from gui_support import wait_for
from test_gui_report_builder import builder, flensburg, settle  # noqa: F401 (fixtures)

from sozialraum_plugin.core.report.definition import load

pytestmark = pytest.mark.usefixtures("fresh_memory")

RICH = {
    "version": 1, "title": "Sozialatlas", "source_text": "Stadt", "boundaries": "Stadtteile.shp", "key": "AREA_ID",
    "name_field": "AREA_NAME",
    "tables": [
        {"path": "tab_1_einwohner_in_stadtteilen_2011_bis_2021.csv", "key": "id", "fields": ["gesamt", "2019"],
         "options": {"SEPARATOR": 2, "ENCODING": "utf-8", "MISSING_MARKERS": "-9999|NA", "KEY_TRANSFORM": 2}},
        {"path": "tab_18_regelleistungsberechtigte_sgb2.csv", "key": "Stadtteil_ID",
         "fields": ["Anzahl_2021", "Anteil_in_%_2021", "Anteil_in_%_2019", "Anzahl_2019"], "options": {}},
    ],
    "indicators": [
        {"id": "Anteil_in_%_2021", "label": "SGB-II-Quote", "unit": "%", "source": "BA", "description": "Anteil",
         "decimals": 2, "direction": 0, "context": True, "city_method": "median"},  # page settings kept too
        {"id": "Anzahl_2021", "label": "Leistungsberechtigte", "unit": "Personen", "kind": "count", "threshold": 5},
        {"id": "lb_je_ew", "label": "Leistungsberechtigte je Einwohner", "unit": "", "kind": "rate",
         "numerator": "Anzahl_2021", "denominator": "gesamt", "scale": 10000, "share": False},
        {"id": "d_anzahl", "label": "Veränderung Leistungsberechtigte", "unit": "Personen", "kind": "count",
         "base": "Anzahl_{year}", "change_between": [2019, 2021]},
        {"id": "d_anteil", "label": "Veränderung SGB-II-Quote", "unit": "%-Pkt.", "base": "Anteil_in_%_{year}",
         "change_between": [2019, 2021], "direction": -1},
    ],
    "index": {"preset": "custom", "status": ["Anteil_in_%_2021"], "dynamic": ["d_anteil"], "population": "gesamt",
              "min_population": 300, "exclude": "", "weights": {}},
    "clusters": None,
    "maps": [{"field": "lb_je_ew", "method": "sdmultiples", "classes": 5, "title": "Q", "subtitle": "S", "unit": ""},
             {"field": "group", "method": "categorized", "classes": 4, "title": "Gruppen", "subtitle": "",
              "unit": ""}],
    "profiles": {"fields": ["lb_je_ew", "Anzahl_2021"], "title": "Profil", "separate_files": True},
    "publication": {"threshold": 5, "population": "gesamt", "min_population": 100,
                    "totals": {"gesamt": ["Anzahl_2021"]}},
    "language": "en",
    "style": {"colour": "#aa0000", "logo": "logo.png", "font": "DejaVu Sans", "map_template": "karte.qpt",
              "profile_template": ""},
    "store": {"connection": "Amt (anderes Profil)", "schema": "bericht"},  # a connection this profile lacks: kept
}


@pytest.fixture
def rich(flensburg, tmp_path):  # noqa: F811
    folder = tmp_path / "daten"
    shutil.copytree(flensburg, folder)
    (folder / "logo.png").write_bytes(b"")
    (folder / "karte.qpt").write_text("<Layout/>", encoding="utf-8")
    path = folder / "sozialatlas.json"
    path.write_text(json.dumps(RICH, ensure_ascii=False), encoding="utf-8")
    return path


def test_every_entry_of_a_definition_survives_the_builder(builder, rich):  # noqa: F811
    """share, a change of counts (kind count), MISSING_MARKERS, a map method the list does not
    offer and a map of the index's groups come back as written; Run is not blocked by them."""
    assert builder.open_file(str(rich))
    mine, theirs = builder.definition().to_dict(), load(str(rich)).with_absolute_paths().to_dict()
    assert mine["indicators"] == theirs["indicators"]
    assert mine["tables"] == theirs["tables"]
    assert mine["maps"] == theirs["maps"]
    assert mine == theirs
    assert mine["store"] == {"connection": "Amt (anderes Profil)", "schema": "bericht"}
    assert not [p for p in builder.problems() if "Map" in p], builder.problems()
    builder.general.store_combo.setCurrentIndex(0)  # "(none: files only)"
    assert "store" not in builder.definition().to_dict()


def test_a_scale_the_list_does_not_offer_survives_editing_the_rate(builder, rich):  # noqa: F811
    assert builder.open_file(str(rich))
    page = builder.indicators
    page.table.setCurrentCell(page.row_of("lb_je_ew"), 2)
    page.id_edit.editingFinished.emit()  # leaving the name field: the form is read back
    page.year_from.setValue(2018)  # any edit of the form
    page.change_check.setChecked(False)
    assert builder.definition().indicator("lb_je_ew").scale == 10000


def test_columns_of_the_exclusion_are_joined(builder, sample_dir):  # noqa: F811
    """Berlin's exclusion reads KOM, a text column no indicator names: the builder must join it,
    or the expression finds no field and quietly excludes nothing."""
    assert builder.open_file(str(sample_dir / "berlin" / "sozialbericht_berlin_2021.json"))
    for editor in builder.tables.editors:
        editor.kept_fields = []  # as built by clicking: only what the pages name
    assert "KOM" in builder.definition().tables[0].fields
    builder.analysis.exclude_edit.setText("\"KOMM\" = 'ungültig'")
    assert any("KOMM" in p for p in builder.problems()), builder.problems()


def test_saved_beside_the_data_folder_the_paths_stay_relative(builder, rich, tmp_path):  # noqa: F811
    assert builder.open_file(str(rich))
    builder.general.folder_widget.setFilePath(str(tmp_path / "out"))
    target = tmp_path / "berichte" / "2022" / "sozialatlas.json"
    target.parent.mkdir(parents=True)
    assert builder.save(str(target))
    saved = json.loads(target.read_text(encoding="utf-8"))
    assert saved["boundaries"] == os.path.join("..", "..", "daten", "Stadtteile.shp")
    assert saved["tables"][0]["path"] == os.path.join("..", "..", "daten",
                                                      "tab_1_einwohner_in_stadtteilen_2011_bis_2021.csv")
    assert saved["style"]["logo"] == os.path.join("..", "..", "daten", "logo.png")
    assert saved["style"]["map_template"] == os.path.join("..", "..", "daten", "karte.qpt")
    moved = tmp_path / "umgezogen"  # the whole folder moves (another drive, a colleague's copy)
    shutil.copytree(tmp_path / "daten", moved / "daten")
    shutil.copytree(tmp_path / "berichte", moved / "berichte")
    again = load(str(moved / "berichte" / "2022" / "sozialatlas.json"))
    assert os.path.isfile(again.resolve(again.tables[1].path))
    assert os.path.isfile(again.resolve(again.boundaries))


def test_closing_the_builder_while_it_runs_removes_the_temporary_definition(qgis_iface, qgis_new_project, provider,
                                                                             flensburg, tmp_path):  # noqa: F811
    from sozialraum_plugin.gui.report_builder.dialog import ReportBuilderDialog

    dialog = fill_flensburg(ReportBuilderDialog(qgis_iface, opener=list().append), flensburg, tmp_path / "out")
    dialog.show()
    click(dialog.run_button)
    run = dialog.run
    temp = run.parameters["DEFINITION"]
    assert os.path.isfile(temp)
    dialog.reject()  # closed while the task goes on (the dialog is deleted)
    wait_for(run, timeout=180)
    settle()
    assert run.ok, run.feedback.errors
    assert not os.path.exists(temp)
    assert (tmp_path / "out" / "Karten.pdf").is_file()
    run.context = None
    settle()


def test_cancelled_while_printing_the_builder_says_which_files_are_new(builder, flensburg, tmp_path):  # noqa: F811
    """The report's own words, not a bare "Cancelled.": the data files in the folder are this run's."""
    folder = tmp_path / "druck"
    dialog = fill_flensburg(builder, flensburg, folder)
    dialog.show()
    click(dialog.run_button)

    def cancel_once_committed(_value):
        if (folder / "Tabellenanhang.csv").exists() and not dialog.run.feedback.isCanceled():
            click(dialog.cancel_button)

    dialog.run.progress.connect(cancel_once_committed)
    wait_for(dialog.run, timeout=180)
    assert dialog.run.ok is False
    text = dialog.bar.currentItem().text()
    assert "cancelled while printing" in text and str(folder) in text, (dialog.run.feedback.errors,
                                                                        dialog.run.feedback.infos[-6:])
    assert not (folder / "Sozialraumprofile.pdf").exists()


def test_an_exclusion_on_a_field_the_layer_lacks_is_an_error(sample_dir):
    """QGIS evaluates an unknown field to NULL: the index would leave nobody out, silently."""
    from sozialraum_plugin.core.errors import SozialraumError
    from sozialraum_plugin.gis.layers import expression_mask

    boundaries = str(sample_dir / "berlin" / "lor_planungsraeume_2021.shp")
    with pytest.raises(SozialraumError) as caught:
        expression_mask(boundaries, "\"KOM\" = 'ungültig (Ausreißer)'")
    assert caught.value.code == "field_not_found" and caught.value.params["column"] == "KOM"
    assert len(expression_mask(boundaries, "\"plr_id\" = '01100101'")) == 542  # any case, as QGIS


def test_the_publication_threshold_is_shown_and_set(builder, rich, flensburg):  # noqa: F811
    """Data protection in sight: the threshold below which counts are hidden is on page 1."""
    assert builder.open_file(str(rich))
    assert builder.general.threshold_spin.value() == 5
    builder.general.threshold_spin.setValue(10)
    publication = builder.definition().publication
    assert publication.threshold == 10 and publication.totals == {"gesamt": ["Anzahl_2021"]}
    assert builder.open_file(str(flensburg / "sozialatlas_flensburg_2022.json"))
    assert builder.general.threshold_spin.value() == 3 and builder.definition().publication.threshold == 3


def test_index_and_cluster_inputs_that_are_no_indicator_are_kept(builder, rich):  # noqa: F811
    """A hand-written index may read a column not declared as an indicator; the builder showed only
    indicators in its grid and dropped it, so the index changed without a word."""
    data = json.loads(rich.read_text(encoding="utf-8"))
    data["index"]["status"].append("Anteil_in_%_2019")
    data["clusters"] = {"fields": ["Anteil_in_%_2021", "Anzahl_2019"], "k": 3, "method": "ward", "seed": 1}
    data["maps"].append({"field": "Anteil_in_%_2019", "method": "jenks", "classes": 4, "title": "2019",
                         "subtitle": "", "unit": "%"})
    rich.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert builder.open_file(str(rich))
    d = builder.definition()
    assert d.index.status == ["Anteil_in_%_2021", "Anteil_in_%_2019"]
    assert d.clusters.fields == ["Anteil_in_%_2021", "Anzahl_2019"]
    assert d.maps[2].field == "Anteil_in_%_2019"
    assert not [p for p in builder.problems() if "Map" in p], builder.problems()
    assert d.indicator("Anzahl_2019").kind == "count"  # whole numbers: the rule keeps hiding small ones
    assert d.indicator("Anteil_in_%_2019").kind == "value"


def test_long_table_names_keep_their_year_in_the_list(builder, flensburg):  # noqa: F811
    """tab_18_…_2021.csv and tab_18_…_2022.csv differ at the end: the list elides in the middle."""
    from qgis.PyQt.QtCore import QCoreApplication

    assert builder.open_file(str(flensburg / "sozialatlas_flensburg_2022.json"))
    builder.show()
    builder.tabs.setCurrentWidget(builder.tables)
    QCoreApplication.processEvents()
    listing = builder.tables.list
    assert listing.horizontalScrollBar().maximum() == 0  # nothing hidden to the right of the names


def test_next_year_with_a_renamed_key_column(builder, flensburg, tmp_path):  # noqa: F811
    """Stadtteil_ID became ST_NR: the comparison found every column "gone" and the key missing, while
    the builder then quietly guessed the key; now it says so and compares with the new key."""
    import csv

    assert builder.open_file(str(flensburg / "sozialatlas_flensburg_2022.json"))
    builder.general.folder_widget.setFilePath(str(tmp_path / "out"))
    with open(flensburg / "tab_18_regelleistungsberechtigte_sgb2.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[0][0] = "ST_NR"
    new = tmp_path / "tab_18_2022.csv"
    with open(new, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    dialog = builder.next_year({1: new}, accept=False)
    change = dialog.diff.tables[0]
    assert change.error is None and change.key == "ST_NR" and change.matched == 13
    assert dialog.diff.lost == [] and change.used_gone == []
    assert "Stadtteil_ID → ST_NR" in dialog.view.toPlainText()
    dialog.close()
    builder.next_year({1: new}, accept=True)
    assert builder.definition().tables[1].key == "ST_NR"
    assert "does not exist" not in builder.bar.currentItem().text()
    assert builder.validate() == []


def test_a_parent_level_and_the_profiles_parent_column_survive(builder, rich):  # noqa: F811
    """No page shows "level" or profiles.parent_field (sozialraum:aggregate, issue 15): kept as loaded."""
    data = json.loads(rich.read_text(encoding="utf-8"))
    data["level"] = {"parent_field": "AREA_ID", "name": "AREA_NAME", "counts": ["gesamt"]}
    data["profiles"].update(parent_field="AREA_ID", parent_title="Stadtteil")
    rich.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert builder.open_file(str(rich))
    mine = builder.definition()
    assert mine.level is not None and mine.level.counts == ["gesamt"] and mine.level.name == "AREA_NAME"
    assert (mine.profiles.parent_field, mine.profiles.parent_title) == ("AREA_ID", "Stadtteil")
    assert mine.to_dict() == load(str(rich)).with_absolute_paths().to_dict()


def test_a_connection_without_a_schema_is_named_not_dropped(builder, rich):  # noqa: F811
    """Picking a database connection and forgetting the schema must not save a definition that
    silently publishes nowhere: the builder names what is missing."""
    assert builder.open_file(str(rich))
    assert not [p for p in builder.problems() if "schema" in p.lower()]
    builder.general.schema_edit.setText("  ")
    assert [p for p in builder.problems() if "schema" in p.lower() and "Amt (anderes Profil)" in p], builder.problems()
    builder.general.store_combo.setCurrentIndex(0)  # "(none: files only)": nothing missing
    assert not [p for p in builder.problems() if "schema" in p.lower()]
