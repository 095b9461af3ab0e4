"""A change takes its base indicator's direction unless it names its own (definition and INDICATORS)."""
from __future__ import annotations

import json

from sozialraum_plugin.core.report.definition import ReportDefinition
from sozialraum_plugin.core.series.indicator_params import parse_indicators

EMPLOYMENT = {"id": "B", "label": "Beschäftigtenquote", "unit": "%", "direction": -1}


def definition(indicators):
    return ReportDefinition.from_dict({"title": "T", "boundaries": "b.gpkg", "key": "k",
                                       "tables": [{"path": "t.csv", "key": "k"}], "indicators": indicators},
                                      base_dir="/tmp")


def by_id(inds):
    return {i.id: i for i in inds}


def test_a_change_of_an_employment_rate_is_read_with_direction_minus_one():
    change = {"id": "DB", "of": "B", "change_between": [2019, 2021]}
    inds = by_id(definition([EMPLOYMENT, change]).indicators)
    assert inds["DB"].direction == -1
    # the same through the algorithms' INDICATORS parameter
    assert by_id(parse_indicators(json.dumps([EMPLOYMENT, change])))["DB"].direction == -1


def test_rates_are_matched_on_their_counts_and_an_own_direction_wins():
    base = {"id": "Q", "kind": "rate", "numerator": "b", "denominator": "e", "unit": "%", "direction": 0}
    change = {"id": "DQ", "kind": "rate", "numerator": "b", "denominator": "e", "unit": "%",
              "change_between": [2019, 2021]}
    own = {"id": "DQ2", "of": "B", "change_between": [2019, 2021], "direction": 1}
    other = {"id": "DX", "of": "X", "change_between": [2019, 2021]}
    inds = by_id(definition([base, change, EMPLOYMENT, own, other]).indicators)
    assert inds["DQ"].direction == 0
    assert inds["DQ2"].direction == 1  # named: its own
    assert inds["DX"].direction == 1  # no base in the list: the default


def test_written_back_as_read_and_a_changed_direction_kept():
    change = {"id": "DB", "of": "B", "change_between": [2019, 2021]}
    defn = definition([EMPLOYMENT, change])
    written = {e["id"]: e for e in defn.to_dict()["indicators"]}
    assert "direction" not in written["DB"] and "extra" not in written["DB"]
    assert written["B"]["direction"] == -1
    # the planner sets the change to +1 in the builder: written, so it is not taken from B again
    by_id(defn.indicators)["DB"].direction = 1
    written = {e["id"]: e for e in defn.to_dict()["indicators"]}
    assert written["DB"]["direction"] == 1
    assert by_id(definition(list(written.values())).indicators)["DB"].direction == 1
