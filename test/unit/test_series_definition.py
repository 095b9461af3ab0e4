"""Years in the report definition: yearly tables, year columns, "of", "period"; clear messages."""
from __future__ import annotations

import json

import pytest

from sozialraum_plugin.core.errors import SozialraumError
from sozialraum_plugin.core.report.definition import DefinitionError, ReportDefinition, load
from sozialraum_plugin.core.series.indicators import Indicator

MONITORING = "flensburg/sozialmonitoring_flensburg.json"


def base(**extra) -> dict:
    data = {"title": "Monitoring", "boundaries": "grenzen.shp", "key": "ID",
            "tables": [{"path": "a.csv", "key": "ID", "year": 2019}, {"path": "b.csv", "key": "ID", "year": 2021}],
            "indicators": [{"id": "S3", "of": "STATUS3", "label": "Transferbezug", "unit": "%"}]}
    data.update(extra)
    return data


def test_the_monitoring_sample_reads_with_its_years_and_period(sample_dir):
    d = load(str(sample_dir / MONITORING))
    assert d.has_years() and d.table_years() == [2019, 2020, 2021]
    assert d.indicator("D3").change_between == (2019, 2021)  # "period": 2, ending in the report year 2021
    assert d.indicator("D3").base == "SGB2_Anteil" and d.indicator("D3").of == "SGB2_Anteil"
    assert d.indicator("Q").kind == "rate" and d.indicator("Q").scale == 100
    again = ReportDefinition.from_dict(json.loads(d.to_json()), d.base_dir)
    assert again.to_dict() == d.to_dict()
    written = d.to_dict()
    assert written["period"] == 2 and written["tables"][0]["year"] == 2019
    assert {"id": "S3", "label": "SGB-II-Quote (wie veröffentlicht)", "unit": "%", "of": "SGB2_Anteil"} \
        in written["indicators"]  # "of" written once, not as "base" too


@pytest.mark.parametrize("name", ["berlin/sozialbericht_berlin_2021.json", "flensburg/sozialatlas_flensburg_2022.json"])
def test_old_definitions_are_written_back_as_they_were(sample_dir, name):
    path = sample_dir / name
    d = load(str(path))
    original = json.loads(path.read_text(encoding="utf-8"))
    written = d.to_dict()
    assert not d.has_years()
    assert written["tables"] == original["tables"]  # no "year": null, no "year_column": ""
    assert "period" not in written and "report_year" not in written
    assert [i["id"] for i in written["indicators"]] == [i["id"] for i in original["indicators"]]


def test_a_table_with_a_year_column_is_read_as_such():
    d = ReportDefinition.from_dict(base(tables=[{"path": "lang.csv", "key": "ID", "year_column": "Jahr"}]))
    assert d.has_years() and d.tables[0].year_column == "Jahr" and d.table_years() == []


@pytest.mark.parametrize("change, message", [
    ([2018, 2021], "indicators[1]: the indicator D3 needs the year 2018, but the tables hold the years 2019, 2021"),
    ("period", "indicators[1].change_between: \"period\" needs the definition's \"period\""),
])
def test_a_change_year_missing_from_the_tables_is_named(change, message):
    data = base(indicators=[{"id": "S3", "of": "STATUS3"},
                            {"id": "D3", "of": "STATUS3", "unit": "%-Pkt.", "change_between": change}])
    with pytest.raises(DefinitionError) as error:
        ReportDefinition.from_dict(data, file="monitoring.json")
    assert "monitoring.json" in str(error.value) and message in str(error.value)


def test_a_period_reaching_before_the_first_year_is_named():
    data = base(period=3, indicators=[{"id": "D3", "of": "STATUS3", "change_between": "period"}])
    with pytest.raises(DefinitionError, match="the indicator D3 needs the year 2018, but the tables hold the years "
                                              "2019, 2021"):
        ReportDefinition.from_dict(data)
    assert ReportDefinition.from_dict(base(period=2, indicators=[
        {"id": "D3", "of": "STATUS3", "change_between": "period"}])).indicator("D3").change_between == (2019, 2021)


@pytest.mark.parametrize("tables, section, reason", [
    ([{"path": "a.csv", "key": "ID", "year": 2019, "year_column": "Jahr"}], "tables[0]", "not both"),
    ([{"path": "a.csv", "key": "ID", "year": "2019"}], "tables[0].year", "'2019' is no whole number"),
    ([{"path": "a.csv", "key": "ID", "year": True}], "tables[0].year", "True is no whole number"),
    ([{"path": "a.csv", "key": "ID", "year_column": 7}], "tables[0].year_column", "7 is no column name"),
    ([{"path": "a.csv", "key": "ID", "jahr": 2019}], "tables[0]", "unknown entries: jahr"),
])
def test_bad_table_entries_are_named(tables, section, reason):
    with pytest.raises(DefinitionError) as error:
        ReportDefinition.from_dict(base(tables=tables), file="m.json")
    assert f"m.json cannot be used: {section}: " in str(error.value) and reason in str(error.value)


def test_a_report_year_the_tables_do_not_hold_is_named():
    with pytest.raises(DefinitionError, match="report_year: 2020 is not a year of the tables"):
        ReportDefinition.from_dict(base(report_year=2020))


@pytest.mark.parametrize("item, reason", [
    ({"id": "Q", "kind": "rate", "numerator": "n", "denominator": "d", "of": "x"}, "is a rate"),
    ({"id": "S3", "of": "STATUS3", "base": "STATUS4"}, "names two columns to read: of STATUS3 and base STATUS4"),
    ({"id": "S3", "of": ""}, "is no column name"),
])
def test_bad_of_entries_are_named(item, reason):
    with pytest.raises(DefinitionError) as error:
        ReportDefinition.from_dict(base(indicators=[item]), file="m.json")
    assert "indicators[0]" in str(error.value) and reason in str(error.value)


def test_of_and_base_are_one_thing():
    assert Indicator("D", of="x", change_between=(2019, 2021)).inputs() == [(2019, "value", "x_2019"),
                                                                            (2021, "value", "x_2021")]
    assert Indicator.from_dict(Indicator("S", of="x").to_dict()) == Indicator("S", of="x")
    with pytest.raises(SozialraumError):
        Indicator("S", of="x", base="y")
