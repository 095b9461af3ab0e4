"""Two tables with suppressed cells joined one after the other (Jobcenter, then statistics office):
the second join must not fail on the first one's marker column, and the marker keeps both."""
from __future__ import annotations

import csv

from qgis.core import QgsVectorLayer


def _second_table(path, keys):
    """A second office's table: the en dash marks suppressed cells, as the Jobcenter writes them."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["PLR_ID", "sgb2_kinder", "sgb2_gesamt"])
        for n, key in enumerate(keys):
            writer.writerow([key, "–" if n == 0 else 10 + n, "–" if n in (0, 1) else 100 + n])


def test_second_suppressed_table_merges_into_the_one_marker_column(provider, sample_dir, tmp_path):
    import processing

    berlin = sample_dir / "berlin"
    first = processing.run("sozialraum:jointable", {
        "INPUT": str(berlin / "lor_planungsraeume_2021.shp"), "INPUT_KEY": "PLR_ID",
        "TABLE": str(berlin / "einwohnerbestand_2022-06_plr_semikolon.csv"), "TABLE_KEY": "PLR-ID",
        "OUTPUT": str(tmp_path / "first.gpkg")})
    table = tmp_path / "jobcenter.csv"
    _second_table(table, ["06200418", "01100101", "01100102"])
    second = processing.run("sozialraum:jointable", {
        "INPUT": first["OUTPUT"], "INPUT_KEY": "PLR_ID", "TABLE": str(table), "TABLE_KEY": "PLR_ID",
        "OUTPUT": str(tmp_path / "second.gpkg")})
    layer = QgsVectorLayer(second["OUTPUT"], "second", "ogr")
    names = layer.fields().names()
    assert names.count("suppressed_fields") == 1
    rows = {f["PLR_ID"]: f["suppressed_fields"] for f in layer.getFeatures()}
    # the first table's hidden cell is still listed, the second table's are added to it
    hidden = rows["06200418"].split(",")
    assert {"unter6", "sgb2_kinder", "sgb2_gesamt"} <= set(hidden) and len(hidden) == len(set(hidden))
    assert rows["01100101"] == "sgb2_gesamt"
    assert not rows["01100102"]
    del layer
