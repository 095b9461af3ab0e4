"""Review of robust ranks (issue 17.3) in a headless QGIS on Berlin's MSS 2021: an input field of the
user's own named 'rank', and the builder writing a hand-made uncertainty entry back unchanged."""
from __future__ import annotations

import json

import pytest
from qgis.core import QgsField, QgsProcessingException, QgsVectorLayer
from sample_support import berlin_definition
from test_gui_report_builder import builder, settle  # noqa: F401 (fixtures)
from test_robust_ranks import berlin_joined, params, rows  # noqa: F401 (fixture)

from sozialraum_plugin.core.report.definition import load
from sozialraum_plugin.gis.field_types import INT


def _with_field(path, name: str, value) -> None:
    layer = QgsVectorLayer(str(path), "x", "ogr")
    assert layer.dataProvider().addAttributes([QgsField(name, INT)])
    layer.updateFields()
    index = layer.fields().indexOf(name)
    assert layer.dataProvider().changeAttributeValues({f.id(): {index: value} for f in layer.getFeatures()})


def test_an_input_field_named_rank_is_not_overwritten(berlin_joined, tmp_path):  # noqa: F811
    """The user's own 'rank' (here 7 everywhere) was replaced by the robust rank without a word."""
    import shutil

    import processing

    joined = tmp_path / "own_rank.gpkg"
    shutil.copy(berlin_joined, joined)
    _with_field(joined, "rank", 7)
    with pytest.raises(QgsProcessingException, match=r"already has a field rank.*Rename"):
        processing.run("sozialraum:needindex", params(joined, tmp_path / "out.gpkg"))
    assert not (tmp_path / "out.gpkg").exists()
    # without the option the field is the user's and stays
    done = rows(processing.run("sozialraum:needindex", params(joined, tmp_path / "off.gpkg", UNCERTAINTY=False))
                ["OUTPUT"])
    assert {r["rank"] for r in done.values()} == {7}
    # a run on needindex's own output (all five rank fields) replaces them, as every re-run does
    ranked = processing.run("sozialraum:needindex", params(berlin_joined, tmp_path / "ranked.gpkg"))["OUTPUT"]
    again = rows(processing.run("sozialraum:needindex", params(ranked, tmp_path / "again.gpkg", SEED=2))["OUTPUT"])
    assert sorted(r["rank"] for r in again.values() if r["valid"]) == list(range(1, 537))
    # …unless one of them is an input of the index: it would be read and overwritten in one run
    with pytest.raises(QgsProcessingException, match="rank_median"):
        processing.run("sozialraum:needindex", params(ranked, tmp_path / "odd.gpkg",
                                                      STATUS_FIELDS=["S1", "S3", "rank_median"]))


@pytest.fixture
def hand_made(tmp_path):
    data = berlin_definition()
    data["index"]["uncertainty"] = {"draws": 5, "weight_range": 0.125, "seed": 3}
    path = tmp_path / "ranks.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.usefixtures("fresh_memory")
def test_the_builder_writes_draws_and_weight_range_back_as_read(builder, hand_made):  # noqa: F811
    """draws 5 came back as 10 (the spin box's minimum) and 0.125 as 0.12 or 0.13 (whole per cent)."""
    assert builder.open_file(str(hand_made))
    written = builder.definition().to_dict()["index"]["uncertainty"]
    assert written == load(str(hand_made)).to_dict()["index"]["uncertainty"]
    assert (written["draws"], written["weight_range"]) == (5, 0.125)
    builder.analysis.uncertainty.weight_range.setValue(20)  # an edit by hand still counts
    assert builder.definition().index.uncertainty.weight_range == 0.2


@pytest.mark.parametrize("entry", [{"weight_range": 0.99}, {"weight_range": 0.995}, {"seed": 2 ** 31 - 1},
                                   {"seed": 2 ** 31}])
def test_the_definition_takes_what_needindex_takes(provider, entry):
    """A weight_range of 0.995 passed the definition's check and then failed in the report's index
    step as 'Incorrect parameter value for WEIGHT_RANGE'; a seed above a C int passed both and was
    read as seed 0 (any two such seeds drew alike)."""
    from qgis.core import QgsApplication

    from sozialraum_plugin.core.report.definition import DefinitionError, ReportDefinition
    from sozialraum_plugin.core.report.uncertainty_spec import uncertainty_params

    alg = QgsApplication.processingRegistry().algorithmById("sozialraum:needindex")
    name, value = {"weight_range": "WEIGHT_RANGE", "seed": "SEED"}[next(iter(entry))], next(iter(entry.values()))
    data = {"title": "t", "boundaries": "b.shp", "key": "k", "indicators": [{"id": "a"}],
            "index": {"status": ["a"], "uncertainty": entry}}
    try:
        params = uncertainty_params(ReportDefinition.from_dict(data, file="d.json").index)
    except DefinitionError as error:
        assert name.lower() in error.english() and "d.json" in error.english()
        assert not alg.parameterDefinition(name).checkValueIsAcceptable(value)
        return
    assert alg.parameterDefinition(name).checkValueIsAcceptable(params[name])


def test_a_seed_too_large_for_processing_is_refused_not_read_as_0(berlin_joined, tmp_path):  # noqa: F811
    import processing

    with pytest.raises(QgsProcessingException, match="SEED"):
        processing.run("sozialraum:needindex", params(berlin_joined, tmp_path / "s.gpkg", SEED=2 ** 32 + 5, DRAWS=10))


def test_a_report_with_the_two_highest_classes_says_so(provider, tmp_path):
    """top_class two_highest: p_top is the share of draws in 'niedrig' or 'sehr niedrig', but the
    pages said 'Probability of the highest need class' and the method note 'the highest need class'."""
    import processing
    from test_robust_ranks_report import features, pdf_pages

    data = berlin_definition()
    data["index"]["uncertainty"] = {"draws": 200, "top_class": "two_highest"}
    data.update(maps=[], clusters=None, language="en")
    data["profiles"]["fields"] = ["S1"]
    definition = tmp_path / "two.json"
    definition.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    processing.run("sozialraum:report", {"DEFINITION": str(definition), "OUTPUT_FOLDER": str(out)})
    internal = features(out / "sozialraum_intern.gpkg")
    # p_top is of the two highest classes: every 'niedrig' area at its nominal index is in it
    assert max(r["p_top"] for r in internal.values() if r["status_class"] == "low") > 0.9
    pages = pdf_pages(out / "Sozialraumprofile.pdf")
    said = [p for p in pages if "Probability of the two highest need classes:" in p]
    assert len(said) == sum(r["rank"] is not None for r in internal.values()) and len(said) > 400
    assert not any("Probability of the highest need class" in p for p in pages)
    note = (out / "Methodenhinweis.txt").read_text(encoding="utf-8")
    assert "put the area in one of the two highest need classes" in note and "the highest need class." not in note
