"""Outputs that cannot be written (a folder that is read-only, a file open in another program)
get a message naming the file, never a traceback; charts are written atomically."""
from __future__ import annotations

import os
import subprocess

import pytest
from qgis.core import QgsProcessingException


@pytest.fixture
def read_only_folder(tmp_path):
    """A folder nothing can be written into, also for root (chattr +i where chmod is not enough)."""
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "Karten.pdf").write_bytes(b"%PDF-1.4 earlier map")
    folder.chmod(0o555)
    immutable = False
    if os.access(folder, os.W_OK):  # root ignores modes
        subprocess.run(["chattr", "+i", str(folder)], check=True)
        immutable = True
    yield folder
    if immutable:
        subprocess.run(["chattr", "-i", str(folder)], check=True)
    folder.chmod(0o755)


def assert_named_and_unchanged(caught, path, folder):
    text = str(caught.value)
    # named, and why: locked (open elsewhere) or, found before any work, a folder not writable
    assert str(path) in text and "Traceback" not in text
    assert "open in another program" in text or "is not writable" in text, text
    assert sorted(p.name for p in folder.iterdir()) == ["Karten.pdf"]
    assert (folder / "Karten.pdf").read_bytes() == b"%PDF-1.4 earlier map"


def test_map_into_a_read_only_folder_names_the_file(provider, sample_dir, read_only_folder):
    import processing

    target = read_only_folder / "Karten.pdf"
    with pytest.raises(QgsProcessingException) as caught:
        processing.run("sozialraum:thematicmap", {
            "INPUT": str(sample_dir / "flensburg" / "flensburg_stadtteile.geojson"), "FIELD": "AREA_ID",
            "METHOD": "categorized", "TITLE": "Stadtteile", "OUTPUT": str(target)})
    assert_named_and_unchanged(caught, target, read_only_folder)


def test_join_into_a_read_only_folder_names_the_file(provider, sample_dir, read_only_folder):
    import processing

    target = read_only_folder / "joined.gpkg"
    berlin = sample_dir / "berlin"
    with pytest.raises(QgsProcessingException) as caught:
        processing.run("sozialraum:jointable", {
            "INPUT": str(berlin / "lor_planungsraeume_2021.shp"), "INPUT_KEY": "PLR_ID",
            "TABLE": str(berlin / "mss_2021_index_indikatoren.csv"), "TABLE_KEY": "PLR_ID", "OUTPUT": str(target)})
    assert_named_and_unchanged(caught, target, read_only_folder)


def test_report_into_a_read_only_folder_names_it(provider, sample_dir, read_only_folder):
    import processing

    definition = sample_dir / "flensburg" / "sozialatlas_flensburg_2022.json"
    with pytest.raises(QgsProcessingException) as caught:
        processing.run("sozialraum:report", {"DEFINITION": str(definition), "OUTPUT_FOLDER": str(read_only_folder)})
    assert_named_and_unchanged(caught, read_only_folder, read_only_folder)


def test_chart_svgs_are_replaced_whole_or_not_at_all(tmp_path):
    from sozialraum_plugin.gis.layouts.charts import write_svgs

    paths = write_svgs(tmp_path, ["Altstadt"], ["<svg>first</svg>"])
    with pytest.raises(UnicodeEncodeError):  # a chart that cannot be written fails mid-way
        write_svgs(tmp_path, ["Altstadt"], ["<svg>\udcff second</svg>"])
    assert open(paths[0], encoding="utf-8").read() == "<svg>first</svg>"
    assert [p.name for p in tmp_path.iterdir()] == ["Altstadt.svg"]


def test_profile_geopackage_that_fails_half_way_leaves_no_partial_file(sample_dir, tmp_path):
    from qgis.core import QgsVectorLayer

    from sozialraum_plugin.gis.layouts.profile_data import SheetRequest, write_profile_layer

    layer = QgsVectorLayer(str(sample_dir / "flensburg" / "flensburg_stadtteile.geojson"), "fl", "ogr")
    request = SheetRequest(layer, None, fids=[], output=str(tmp_path / "Profile.pdf"))  # no row per district
    request.folder.mkdir()
    with pytest.raises(KeyError):
        write_profile_layer(request, {"pr_title": ["x"] * layer.featureCount()}, {"pr_title": "text"})
    assert list(request.folder.iterdir()) == []
    del layer


def test_index_into_a_read_only_folder_is_refused_before_the_layer_is_read(provider, sample_dir, read_only_folder,
                                                                           monkeypatch, joined_gpkg):
    """The folder is tried when the OUTPUT is parsed, not after the source was read and the index
    computed (the writer only tried it when it came to write)."""
    import processing

    from sozialraum_plugin.gis import writer

    def too_early(layer):
        raise AssertionError("the source was read before the output folder was checked")

    monkeypatch.setattr(writer, "read_features", too_early)
    target = read_only_folder / "index.gpkg"
    with pytest.raises(QgsProcessingException) as caught:
        processing.run("sozialraum:needindex", {
            "INPUT": str(joined_gpkg), "STATUS_FIELDS": ["S1", "S3", "S4"], "DYNAMIC_FIELDS": ["D1", "D3", "D4"],
            "PRESET": 1, "POPULATION_FIELD": "EW", "OUTPUT": str(target)})
    assert_named_and_unchanged(caught, target, read_only_folder)
