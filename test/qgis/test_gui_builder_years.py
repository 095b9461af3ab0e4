"""The report builder keeps a definition's years (it has no fields for them yet): opened and
written again, the tables' "year" and the definition's "period" come back as they were."""
from __future__ import annotations

import pytest
from test_gui_report_builder import builder, flensburg, settle  # noqa: F401 (fixtures)

from sozialraum_plugin.core.report.definition import load

pytestmark = pytest.mark.usefixtures("fresh_memory")


def test_years_of_a_monitoring_definition_survive_the_builder(builder, flensburg):  # noqa: F811
    path = flensburg / "sozialmonitoring_flensburg.json"
    assert builder.open_file(str(path))
    mine, theirs = builder.definition().to_dict(), load(str(path)).with_absolute_paths().to_dict()
    assert [t.get("year") for t in mine["tables"]] == [2019, 2020, 2021]
    assert mine["tables"] == theirs["tables"]
    assert mine["period"] == 2 and "report_year" not in mine
    changes = {i["id"]: i.get("change_between") for i in mine["indicators"]}
    assert changes["D3"] == "period" and changes["DQ"] == [2019, 2021]  # "period" written back as such


def test_the_monitoring_definition_is_saved_as_it_was_read(builder, flensburg):  # noqa: F811
    """Opened and saved unchanged: its indicators ("of" kept: without it S3 read a column "S3" no table
    has; no Q_2019 … added as indicators for the map of the years), its maps and its pages."""
    import json

    path = flensburg / "sozialmonitoring_flensburg.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert builder.open_file(str(path))
    # nothing blocks Run: S3 reads SGB2_Anteil_2019 …, DQ Regelleistungsberechtigte_2019 … (were "in no table")
    assert [p for p in builder.problems() if "Indicator" in p or "Map" in p] == []
    mine, theirs = builder.definition().to_dict(), load(str(path)).with_absolute_paths().to_dict()
    assert mine["indicators"] == theirs["indicators"] and mine["maps"] == theirs["maps"]
    assert mine["index"] == theirs["index"] and mine["profiles"] == theirs["profiles"]
    assert {i["id"]: i.get("change_between") for i in mine["indicators"]} == {
        i["id"]: i.get("change_between") for i in raw["indicators"]}
