"""The report builder's supply section: Berlin's "supply" comes back as written, the run is blocked
while the facilities file is missing, and the section written by clicking runs as the definition."""
from __future__ import annotations

import json

import pytest
from test_gui_report_builder import builder, settle  # noqa: F401 (fixtures)

from sozialraum_plugin.core.report.definition import load

pytestmark = pytest.mark.usefixtures("fresh_memory")


def test_berlin_supply_survives_the_builder(builder, sample_dir, tmp_path):  # noqa: F811
    path = sample_dir / "berlin" / "sozialbericht_berlin_2021.json"
    original = load(str(path))
    assert builder.open_file(str(path))
    section = builder.analysis.supply
    assert section.isChecked() and section.method_combo.currentData() == "catchment"
    assert section.target_combo.currentData() == "unter6" and section.need_combo.currentData() == "status_class"
    again = builder.definition()
    assert again.supply is not None
    wanted = original.with_absolute_paths().supply
    assert again.supply == wanted
    # saved and read back: the same section
    copy = tmp_path / "copy.json"
    again.base_dir = str(tmp_path)
    from sozialraum_plugin.core.report.definition import save

    save(again, str(copy))
    data = json.loads(copy.read_text(encoding="utf-8"))
    assert data["supply"]["standard"] == 1.0 and data["supply"]["method"] == "catchment"
    assert "distance" not in data["supply"]  # the default (1000 m) is left out, as in a hand-written file
    assert load(str(copy)).supply.need_field == "status_class"


def test_missing_facilities_file_blocks_the_run(builder, sample_dir):  # noqa: F811
    assert builder.open_file(str(sample_dir / "berlin" / "sozialbericht_berlin_2021.json"))
    builder.analysis.supply.file_edit.setText("/nowhere/kitas.csv")
    assert any("facilities file" in p for p in builder.problems()), builder.problems()
    builder.analysis.supply.setChecked(False)
    assert builder.definition().supply is None
