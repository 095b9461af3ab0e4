"""The builder's robust-ranks section (gui/report_builder/uncertainty_section.py): shown as the
definition says, edited by clicking, written back; entries it does not show come back as written."""
from __future__ import annotations

import json

import pytest
from sample_support import berlin_definition
from test_gui_report_builder import builder, settle  # noqa: F401 (fixtures)

from sozialraum_plugin.core.report.definition import load

pytestmark = pytest.mark.usefixtures("fresh_memory")


@pytest.fixture
def berlin_with_ranks(tmp_path):
    data = berlin_definition()
    data["index"]["uncertainty"] = {"draws": 500, "weight_range": 0.3, "seed": 7, "top_class": "two_highest",
                                    "normalisations": ["zscore", "rank"], "leave_one_out": False}
    path = tmp_path / "ranks.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_the_section_round_trips_and_keeps_what_it_does_not_show(builder, berlin_with_ranks):  # noqa: F811
    assert builder.open_file(str(berlin_with_ranks))
    section = builder.analysis.uncertainty
    assert section.check.isChecked() and section.draws.value() == 500 and section.weight_range.value() == 30
    mine = builder.definition().to_dict()["index"]
    assert mine["uncertainty"] == load(str(berlin_with_ranks)).to_dict()["index"]["uncertainty"]
    section.draws.setValue(2000)
    section.weight_range.setValue(25)
    spec = builder.definition().index.uncertainty
    assert (spec.draws, spec.weight_range, spec.seed, spec.top_class, spec.normalisations, spec.leave_one_out) == \
        (2000, 0.25, 7, "two_highest", ["zscore", "rank"], False)
    section.check.setChecked(False)
    assert not section.draws.isEnabled()
    assert "uncertainty" not in builder.definition().to_dict()["index"]


def test_a_definition_without_it_stays_without(builder, berlin_with_ranks):  # noqa: F811
    data = json.loads(berlin_with_ranks.read_text(encoding="utf-8"))
    del data["index"]["uncertainty"]  # (Berlin's sample has robust ranks: a definition from before them)
    berlin_with_ranks.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert builder.open_file(str(berlin_with_ranks))
    section = builder.analysis.uncertainty
    assert not section.check.isChecked()
    assert "uncertainty" not in builder.definition().to_dict()["index"]
    section.check.setChecked(True)  # switched on by clicking: the defaults
    assert builder.definition().to_dict()["index"]["uncertainty"] == {
        "draws": 1000, "weight_range": 0.5, "seed": 1, "normalisations": ["zscore", "minmax", "rank"],
        "leave_one_out": True, "top_class": "highest"}
