"""Review of years as data (issue 15, parts 1–2): what a planner hits when the definition is
written back, a year is missing or a message has to name the problem."""
from __future__ import annotations

import json

from sozialraum_plugin.core.report.definition import ReportDefinition, load

MONITORING = "flensburg/sozialmonitoring_flensburg.json"


def _with_table(data: dict, year: int) -> dict:
    tables = data["tables"] + [{**data["tables"][-1], "path": f"jahre/sgb2_{year}.csv", "year": year}]
    return {**data, "tables": tables}


def test_a_period_change_is_written_back_as_period_and_moves_with_next_years_table(sample_dir):
    """Saved (builder, Berichtsdefinition.json), "change_between": "period" stayed [2019, 2021]: with
    next year's table added, D3 went on measuring 2019–2021 instead of the two years up to 2022."""
    path = sample_dir / MONITORING
    raw = json.loads(path.read_text(encoding="utf-8"))
    d = load(str(path))
    written = {i["id"]: i for i in d.to_dict()["indicators"]}
    assert written["D3"]["change_between"] == "period"
    assert written["DQ"]["change_between"] == [2019, 2021]  # fixed years stay fixed
    assert "extra" not in written["D3"]
    again = ReportDefinition.from_dict(_with_table(json.loads(d.to_json()), 2022), d.base_dir)
    assert again.indicator("D3").change_between == (2020, 2022)
    assert again.indicator("DQ").change_between == (2019, 2021)
    assert {i["id"]: i.get("change_between") for i in raw["indicators"]} == {
        i["id"]: i.get("change_between") for i in d.to_dict()["indicators"]}


def test_fixed_years_equal_to_the_period_stay_fixed(sample_dir):
    data = json.loads((sample_dir / MONITORING).read_text(encoding="utf-8"))
    for item in data["indicators"]:
        if item["id"] == "D3":
            item["change_between"] = [2019, 2021]
    d = ReportDefinition.from_dict(data, str(sample_dir / "flensburg"))
    assert {i["id"]: i for i in d.to_dict()["indicators"]}["D3"]["change_between"] == [2019, 2021]


def test_a_year_a_map_of_years_lacks_is_named_in_its_years_entry(sample_dir):
    """K without its 2020 column: the message named "maps[3].field", an entry that map has not."""
    import pytest

    from sozialraum_plugin.core.report.definition import DefinitionError

    data = json.loads((sample_dir / MONITORING).read_text(encoding="utf-8"))
    data["maps"].append({"of": "K", "years": [2019, 2020, 2021], "title": "Kinderarmut"})
    d = ReportDefinition.from_dict(data, str(sample_dir / "flensburg"))
    columns = {"K_2019", "K_2021", "Q_2019", "Q_2020", "Q_2021", "Q", "DQ"}
    with pytest.raises(DefinitionError) as error:
        d.check_ids(columns, "monitoring.json")
    assert error.value.params["section"] == "maps[3].years" and error.value.params["id"] == "K_2020"
    assert ("maps[0].field", "Q") in d.referenced_ids()


def test_a_district_twice_in_one_year_of_a_long_table_is_named_as_such():
    """The duplicated row was reported as "several values for district 3, year 2019, indicator
    Stadtteil": Stadtteil is the district's name column, no indicator."""
    import pandas as pd
    import pytest

    from sozialraum_plugin.core.errors import TableError
    from sozialraum_plugin.core.tables.pivot import pivot_years

    frame = pd.DataFrame({"Stadtteil_ID": ["1", "2", "3", "3", "1"], "Jahr": ["2019", "2019", "2019", "2019", "2020"],
                          "Stadtteil": ["Altstadt", "Neustadt", "Nordstadt", "Nordstadt", "Altstadt"],
                          "SGB2": [532, 1094, 2352, 2352, 491]})
    with pytest.raises(TableError) as error:
        pivot_years(frame, "Stadtteil_ID", "Jahr", name="sgb2_lang.csv")
    assert error.value.code == "year_table_row_twice"
    assert error.value.params == {"file": "sgb2_lang.csv", "count": 2, "key": "3", "year": "2019", "column": "Jahr"}
    wide = pivot_years(frame.drop(index=3), "Stadtteil_ID", "Jahr", name="sgb2_lang.csv").frame
    assert wide.set_index("Stadtteil_ID").loc["1", "SGB2_2020"] == 491
