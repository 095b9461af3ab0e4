"""The index's "uncertainty" entry in a report definition (core/report/uncertainty_spec.py)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from sozialraum_plugin.core.report.definition import DefinitionError, ReportDefinition, load
from sozialraum_plugin.core.report.uncertainty_spec import UncertaintySpec, uncertainty_params

BERLIN = Path(__file__).resolve().parents[2] / "resources" / "sample" / "berlin" / "sozialbericht_berlin_2021.json"


def _data(uncertainty=None) -> dict:
    data = json.loads(BERLIN.read_text(encoding="utf-8"))
    if uncertainty is not None:
        data["index"]["uncertainty"] = uncertainty
    return data


def test_old_definition_stays_as_it_was():
    data = _data()
    del data["index"]["uncertainty"]  # Berlin's sample has robust ranks: as a definition of 0.5 had none
    definition = ReportDefinition.from_dict(data, str(BERLIN.parent))
    assert definition.index.uncertainty is None
    assert "uncertainty" not in definition.to_dict()["index"]
    assert "rank" not in definition.made_fields()
    again = ReportDefinition.from_dict(json.loads(definition.to_json()), definition.base_dir)
    assert again.to_dict() == definition.to_dict()


def test_uncertainty_is_read_written_and_passed_to_the_index_step():
    definition = ReportDefinition.from_dict(_data({"draws": 500, "weight_range": 0.3, "seed": 7}))
    spec = definition.index.uncertainty
    assert spec == UncertaintySpec(draws=500, weight_range=0.3, seed=7)
    written = definition.to_dict()["index"]["uncertainty"]
    assert written["draws"] == 500 and written["normalisations"] == ["zscore", "minmax", "rank"]
    again = ReportDefinition.from_dict(json.loads(definition.to_json()))
    assert again.index.uncertainty == spec
    assert {"rank", "rank_low", "rank_high", "rank_median", "p_top"} <= definition.made_fields()
    params = uncertainty_params(definition.index)
    assert params == {"UNCERTAINTY": True, "DRAWS": 500, "WEIGHT_RANGE": 0.3, "NORMALISATIONS": "zscore;minmax;rank",
                      "LEAVE_ONE_OUT": True, "SEED": 7, "TOP_CLASS": "highest"}
    assert ReportDefinition.from_dict(_data(True)).index.uncertainty == UncertaintySpec()
    assert ReportDefinition.from_dict(_data(False)).index.uncertainty is None


@pytest.mark.parametrize("entry, says", [
    ({"draws": 0}, "draws"), ({"draws": "many"}, "draws"), ({"weight_range": 1.5}, "weight_range"),
    ({"normalisations": ["zscore", "median"]}, "normalisations"), ({"top_class": "best"}, "top_class"),
    ({"drwas": 100}, "unknown entries: drwas"), ("yes", "not a JSON object")])
def test_a_wrong_entry_is_named(entry, says):
    with pytest.raises(DefinitionError) as error:
        ReportDefinition.from_dict(_data(entry), file="b.json")
    assert "index.uncertainty" in str(error.value.english()) and says in error.value.english()


def test_berlin_sample_has_robust_ranks_and_keeps_them():
    definition = load(str(BERLIN))
    assert definition.index.uncertainty == UncertaintySpec(draws=1000, weight_range=0.5, seed=1)
    again = ReportDefinition.from_dict(json.loads(definition.to_json()), definition.base_dir)
    assert again.index.uncertainty == definition.index.uncertainty and "rank" in again.made_fields()
