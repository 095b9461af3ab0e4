"""The report builder has no page for the "impact" section (yet): a definition holding one comes
back from the builder as it was written (the areas file beside the definition, resolved), so saving
in the builder does not drop the planner's comparison. The paths handed on with the outputs stay
relative to the output folder, as every other path of the definition."""
from __future__ import annotations

import json
import shutil

import pytest
from test_gui_report_builder import builder, flensburg, settle  # noqa: F401 (fixtures)

pytestmark = pytest.mark.usefixtures("fresh_memory")


@pytest.fixture
def with_impact(flensburg, tmp_path):  # noqa: F811
    folder = tmp_path / "daten"
    shutil.copytree(flensburg, folder)
    data = json.loads((flensburg / "sozialmonitoring_flensburg.json").read_text(encoding="utf-8"))
    data["impact"] = {"areas": "programmgebiete.gpkg", "min_overlap": 40, "indicators": ["Q"], "seed": 7}
    path = folder / "wirkung.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_the_impact_section_survives_the_builder(builder, with_impact, tmp_path):  # noqa: F811
    from sozialraum_plugin.core.report.definition import load

    assert builder.open_file(str(with_impact))
    impact = builder.definition().to_dict()["impact"]
    assert impact == {"areas": str(with_impact.parent / "programmgebiete.gpkg"), "min_overlap": 40,
                      "indicators": ["Q"], "seed": 7}
    passed_on = load(str(with_impact)).for_passing_on(str(with_impact.parent)).to_dict()["impact"]
    assert passed_on["areas"] == "programmgebiete.gpkg"
    elsewhere = load(str(with_impact)).for_passing_on(str(tmp_path / "ausgabe")).to_dict()["impact"]
    assert elsewhere["areas"] == "programmgebiete.gpkg"  # outside the folder: only its name, as other paths


def test_the_impact_box_shows_and_sets_the_section(builder, with_impact):  # noqa: F811
    from sozialraum_plugin.gui.report_builder.impact_section import ImpactSection

    assert builder.open_file(str(with_impact))
    box = builder.analysis.impact
    assert isinstance(box, ImpactSection) and box.isChecked()
    assert box.source_combo.currentData() == "areas" and box.value_edit.isHidden() and not box.areas_widget.isHidden()
    assert box.areas_widget.filePath() == str(with_impact.parent / "programmgebiete.gpkg")
    assert box.overlap_spin.value() == 40 and box.indicators_edit.text() == "Q" and box.seed_spin.value() == 7
    # the planner switches to an expression: the areas go, the expression is written
    box.source_combo.setCurrentIndex(box.source_combo.findData("expression"))
    box.value_edit.setText("\"AREA_ID\" IN ('STGT02', 'STGT10')")
    box.base_spin.setValue(2019)
    impact = builder.definition().to_dict()["impact"]
    assert impact == {"funded_expression": "\"AREA_ID\" IN ('STGT02', 'STGT10')", "min_overlap": 40,
                      "indicators": ["Q"], "base_year": 2019, "seed": 7}
    box.value_edit.setText("\"AREA_ID\" IN (")
    assert any("Impact: the expression" in p for p in builder.problems())
    box.value_edit.setText("")
    assert any("Impact: name the funded districts" in p for p in builder.problems())
    box.setChecked(False)
    assert "impact" not in builder.definition().to_dict()
    assert not [p for p in builder.problems() if p.startswith("Impact")]
