"""The report builder's allocation section: Berlin's "allocation" opened, shown, written back as it
was; switched off it is gone; a bad factor or an impossible budget is named before a run."""
from __future__ import annotations

import json

import pytest
from test_gui_report_builder import builder, settle  # noqa: F401 (fixtures)

pytestmark = pytest.mark.usefixtures("fresh_memory")


def test_berlin_allocation_round_trips(builder, sample_dir, tmp_path):  # noqa: F811
    path = sample_dir / "berlin" / "sozialbericht_berlin_2021.json"
    original = json.loads(path.read_text(encoding="utf-8"))["allocation"]
    assert builder.open_file(str(path))
    section = builder.analysis.allocation
    assert section.isChecked() and section.population_combo.currentText() == "unter6"
    assert section.factors_edit.text() == "hoch=0.8;mittel=1;niedrig=1.2;sehr niedrig=1.5"
    assert builder.definition().allocation.to_dict() == original
    assert not [p for p in builder.problems() if "Budget" in p or "FACTORS" in p]
    section.budget_spin.setValue(250_000.5)
    section.factors_edit.setText("linear:0.5:1.5")
    section.floor_edit.setText("1000")
    section.cap_edit.setText("cap_field")
    written = builder.definition().to_dict()["allocation"]
    assert written == {"budget": 250_000.5, "population": "unter6", "need_field": "status_class",
                       "factors": "linear:0.5:1.5", "floor": 1000.0, "cap": "cap_field"}
    section.setChecked(False)
    assert "allocation" not in builder.definition().to_dict()


def test_bad_factors_are_a_problem_before_the_run(builder, sample_dir):  # noqa: F811
    assert builder.open_file(str(sample_dir / "berlin" / "sozialbericht_berlin_2021.json"))
    builder.analysis.allocation.factors_edit.setText("hoch=viel")
    assert any("hoch=viel" in p for p in builder.problems()), builder.problems()
    builder.analysis.allocation.factors_edit.setText("hoch=1")
    builder.analysis.allocation.budget_spin.setValue(0)
    assert any("budget" in p.lower() for p in builder.problems()), builder.problems()



def test_columns_only_the_analysis_names_are_joined(builder, sample_dir):  # noqa: F811
    """A target population named only in the allocation or supply section (no indicator declares
    it, no table lists it yet) is joined from its table: without it the run would stop at a
    missing column."""
    assert builder.open_file(str(sample_dir / "berlin" / "sozialbericht_berlin_2021.json"))
    joined = [f for t in builder.definition().tables for f in t.fields]
    assert "6-15" not in joined and "18-27" not in joined
    builder.analysis.allocation.population_combo.setCurrentText("6-15")
    builder.analysis.supply.target_combo.setCurrentText("18-27")
    assert builder.analysis.allocation.spec().population == "6-15"
    assert builder.analysis.supply.spec().target == "18-27"
    joined = [f for t in builder.definition().tables for f in t.fields]
    assert "6-15" in joined and "18-27" in joined, joined


def test_german_amounts_in_the_section(builder):  # noqa: F811
    # review: a definition with "budget": "1.000.000,00" (valid, checked by the section's parser)
    # or factors {"hoch": "0,8"} raised ValueError in the builder; a floor typed "5.000" was kept
    # as 5 €, silently a thousandth of what a German writer meant
    from sozialraum_plugin.core.supply.allocation_spec import allocation_from_json

    section = builder.analysis.allocation
    spec = allocation_from_json({"budget": "1.000.000,00", "population": "unter6",
                                 "factors": {"hoch": "0,8", "mittel": 1, "niedrig": "1,2", "sehr niedrig": 1.5}})
    section.load(spec)
    assert section.budget_spin.value() == 1_000_000
    assert section.factors_edit.text() == "hoch=0.8;mittel=1;niedrig=1.2;sehr niedrig=1.5"
    section.floor_edit.setText("5.000,50")
    assert section.spec().floor == 5000.5
    section.floor_edit.setText("5.000")
    assert any("5000" in p and "5.000" in p for p in section.problems()), section.problems()
