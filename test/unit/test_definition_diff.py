"""'Next year': the diff between a definition's tables and this year's files (core/definition_diff)."""
from __future__ import annotations

import pandas as pd

from sozialraum_plugin.core.report.definition import MapSpec, ProfileSpec, ReportDefinition, TableSpec
from sozialraum_plugin.core.report.definition_diff import diff_definition, next_year, used_columns
from sozialraum_plugin.core.series.indicators import Indicator


def definition() -> ReportDefinition:
    return ReportDefinition(
        title="T", boundaries="b.shp", key="ID",
        tables=[TableSpec("ew_2021.csv", "id", ["gesamt"]),
                TableSpec("sgb2_2021.csv", "Stadtteil_ID", ["Anzahl_2021", "Anteil_2021"])],
        indicators=[Indicator("Anteil_2021", "SGB-II-Quote", "%"),
                    Indicator("quote", "Quote aus Zählungen", "%", kind="rate", numerator="Anzahl_2021",
                              denominator="gesamt")],
        maps=[MapSpec("Anteil_2021"), MapSpec("quote")],
        profiles=ProfileSpec(["Anteil_2021", "quote"]))


DISTRICTS = pd.DataFrame({"ID": ["STGT01", "STGT02", "STGT03"]})


def test_next_year_copies_and_only_moves_the_named_tables():
    old = definition()
    new = next_year(old, {1: "sgb2_2022.csv"})
    assert [t.path for t in new.tables] == ["ew_2021.csv", "sgb2_2022.csv"]
    assert [t.path for t in old.tables] == ["ew_2021.csv", "sgb2_2021.csv"]  # the original is untouched
    assert new.indicators[1].numerator == "Anzahl_2021" and new.indicators is not old.indicators


def test_used_columns_include_rate_inputs_and_referenced_fields():
    assert {"gesamt", "Anzahl_2021", "Anteil_2021"} <= used_columns(definition())
    assert "status_index" not in used_columns(definition())


def test_renamed_column_and_changed_key_are_reported():
    new = pd.DataFrame({"Stadtteil_ID": ["1", "2", "9"], "Anzahl_2022": [1, 2, 3], "Anteil_2021": [1.0, 2, 3]})
    diff = diff_definition(definition(), {1: ["Stadtteil_ID", "Anzahl_2021", "Anteil_2021", "Stadtteil"]},
                           {1: new}, DISTRICTS, new_paths={1: "sgb2_2022.csv"})
    change = diff.tables[0]
    assert change.gone == ["Anzahl_2021", "Stadtteil"] and change.new == ["Anzahl_2022"]
    assert change.used_gone == ["Anzahl_2021"]  # Stadtteil was never read
    assert change.matched == 2 and change.n_districts == 3  # STGT01 = 1 (prefix), 9 matches nothing
    assert change.districts_without_row == ["STGT03"] and change.rows_without_district == ["9"]
    assert change.new_path == "sgb2_2022.csv" and change.old_path == "sgb2_2021.csv"
    lost = [(x.section, x.id, x.column) for x in diff.lost]
    assert lost == [("indicators[1]", "quote", "Anzahl_2021")]  # the rate lost its numerator
    assert not diff.clean


def test_same_columns_all_keys_is_clean():
    new = pd.DataFrame({"Stadtteil_ID": ["1", "2", "3"], "Anzahl_2021": [1, 2, 3], "Anteil_2021": [1.0, 2, 3]})
    diff = diff_definition(definition(), {}, {1: new}, DISTRICTS)
    assert diff.tables[0].gone == [] and diff.tables[0].matched == 3
    assert diff.clean


def test_key_column_gone_loses_every_field_of_the_table():
    new = pd.DataFrame({"ID_neu": ["1", "2", "3"], "Anzahl_2021": [1, 2, 3], "Anteil_2021": [1.0, 2, 3]})
    diff = diff_definition(definition(), {}, {1: new}, DISTRICTS)
    assert diff.tables[0].error[0] == "column_not_found" and diff.tables[0].error[1]["column"] == "Stadtteil_ID"
    assert {x.id for x in diff.lost} == {"Anteil_2021", "quote"}
    assert ("maps[0].field", "Anteil_2021") in {(x.section, x.id) for x in diff.lost}


def test_vanished_plain_indicator_and_change_years():
    d = definition()
    d.indicators.append(Indicator("d_anteil", "Veränderung", "%-Pkt.", base="Anteil_{year}",
                                  change_between=(2019, 2021)))
    d.tables[1].fields.append("Anteil_2019")
    new = pd.DataFrame({"Stadtteil_ID": ["1", "2", "3"], "Anzahl_2021": [1, 2, 3], "Anteil_2021": [1.0, 2, 3]})
    diff = diff_definition(d, {1: ["Anzahl_2021", "Anteil_2021", "Anteil_2019"]}, {1: new}, DISTRICTS)
    assert [(x.id, x.column) for x in diff.lost] == [("d_anteil", "Anteil_2019")]
