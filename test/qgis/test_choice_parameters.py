"""Every choice parameter of the provider takes its documented names and its numbers (issue 13, item 4)."""
from __future__ import annotations

import pytest
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingException, QgsVectorLayer

from sozialraum_plugin.processing.base import choice_keys


def _choice_params():
    registry = QgsApplication.processingRegistry()
    found = []
    for alg in registry.providerById("sozialraum").algorithms():
        for param in alg.parameterDefinitions():
            if param.type() == "enum":
                found.append((alg.id(), param))
    return found


def test_every_enum_of_the_provider_is_a_named_choice(provider):
    params = _choice_params()
    names = {(alg, p.name()) for alg, p in params}
    assert {("sozialraum:needindex", "PRESET"), ("sozialraum:needclusters", "METHOD"),
            ("sozialraum:thematicmap", "METHOD"), ("sozialraum:jointable", "SEPARATOR")} <= names
    for alg_id, param in params:
        keys = choice_keys(param)
        assert keys and len(keys) == len(param.options()), (alg_id, param.name())


def test_names_and_numbers_pass_the_check_and_help_lists_both(provider):
    registry = QgsApplication.processingRegistry()
    context = QgsProcessingContext()
    for alg_id, param in _choice_params():
        alg = registry.createAlgorithmById(alg_id)
        keys = choice_keys(param)
        for n, key in enumerate(keys):
            for value in (key, n, str(n), key.upper()):
                normalized = alg.normalized({param.name(): value})
                assert normalized[param.name()] == n, (alg_id, param.name(), value)
                assert param.checkValueIsAcceptable(normalized[param.name()], context)
        listed = " | ".join(f"{key} ({n})" for n, key in enumerate(keys))
        assert f"{param.name()}: {listed}" in alg.shortHelpString()
    help_text = registry.createAlgorithmById("sozialraum:needindex").shortHelpString()
    assert "PRESET: custom (0) | mss (1)" in help_text


def test_an_unknown_name_is_refused_with_the_choices(provider):
    alg = QgsApplication.processingRegistry().createAlgorithmById("sozialraum:needclusters")
    ok, message = alg.checkParameterValues({"METHOD": "kmedoids"}, QgsProcessingContext())
    assert not ok
    assert message == "METHOD: unknown value 'kmedoids'. Use one of: kmeans (0) | ward (1)."


@pytest.fixture(scope="module")
def flensburg(provider, sample_dir, tmp_path_factory):
    import processing

    fl = sample_dir / "flensburg"
    out = tmp_path_factory.mktemp("choices") / "f.gpkg"
    processing.run("sozialraum:jointable", {
        "INPUT": str(fl / "Stadtteile.shp"), "INPUT_KEY": "AREA_ID",
        "TABLE": str(fl / "tab_18_regelleistungsberechtigte_sgb2.csv"), "TABLE_KEY": "Stadtteil_ID",
        "SEPARATOR": "comma", "DECIMAL": "comma", "KEY_TRANSFORM": "auto", "OUTPUT": str(out)})
    return out


def _values(uri, field):
    layer = QgsVectorLayer(str(uri), "x", "ogr")
    return {f["AREA_ID"]: f[field] for f in layer.getFeatures()}


def test_processing_run_takes_preset_and_method_by_name(flensburg, tmp_path):
    import processing

    common = {"INPUT": str(flensburg), "STATUS_FIELDS": ["Anteil_in_%_2021", "Anteil_in_%_2019"],
              "MIN_POPULATION": 0}
    by = {}
    for preset in ("mss", 1, "custom", 0):
        out = processing.run("sozialraum:needindex", dict(common, PRESET=preset, SCALING="minmax",
                                                          OUTPUT=str(tmp_path / f"i{preset}.gpkg")))
        by[preset] = _values(out["OUTPUT"], "status_index")
    assert by["mss"] == by[1] and by["custom"] == by[0]
    assert by["mss"] != by["custom"]  # the name chose the method (min-max scaling differs from MSS)
    ward = {}
    for method in ("ward", 1, "kmeans"):
        out = processing.run("sozialraum:needclusters", {
            "INPUT": str(flensburg), "FIELDS": ["Anteil_in_%_2021", "Anteil_in_%_2019"], "K": 3,
            "METHOD": method, "OUTPUT": str(tmp_path / f"c{method}.gpkg")})
        ward[method] = _values(out["OUTPUT"], "cluster")
    assert ward["ward"] == ward[1]
    with pytest.raises(QgsProcessingException, match="PRESET: unknown value 'berlin'"):
        processing.run("sozialraum:needindex", dict(common, PRESET="berlin", OUTPUT=str(tmp_path / "x.gpkg")))
