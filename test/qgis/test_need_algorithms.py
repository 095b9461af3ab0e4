"""sozialraum:needindex and sozialraum:needclusters on Berlin's MSS 2021, in a headless QGIS."""
from __future__ import annotations

import csv

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

OUTLIER = "\"KOM\" = 'ungültig (Ausreißer)'"


@pytest.fixture(scope="module")
def berlin_joined(provider, sample_dir, tmp_path_factory):
    import processing

    out = tmp_path_factory.mktemp("need") / "berlin.gpkg"
    berlin = sample_dir / "berlin"
    processing.run("sozialraum:jointable", {
        "INPUT": str(berlin / "lor_planungsraeume_2021.shp"), "INPUT_KEY": "PLR_ID",
        "TABLE": str(berlin / "mss_2021_index_indikatoren.csv"), "TABLE_KEY": "PLR_ID", "OUTPUT": str(out)})
    return out


@pytest.fixture(scope="module")
def published(sample_dir):
    with open(sample_dir / "berlin" / "mss_2021_indizes.csv", encoding="utf-8") as handle:
        return {row["PLR_ID"]: row for row in csv.DictReader(handle)}


def features(path):
    layer = QgsVectorLayer(str(path), "x", "ogr")
    assert layer.isValid()
    return {f["PLR_ID"]: f for f in layer.getFeatures()}


def test_mss_preset_reproduces_all_536_published_classes(berlin_joined, published, tmp_path):
    import processing

    result = processing.run("sozialraum:needindex", {
        "INPUT": str(berlin_joined), "STATUS_FIELDS": ["S1", "S3", "S4"], "DYNAMIC_FIELDS": ["D1", "D3", "D4"],
        "PRESET": 1, "POPULATION_FIELD": "EW", "EXCLUDE_EXPRESSION": OUTLIER, "OUTPUT": str(tmp_path / "i.gpkg")})
    rows = features(result["OUTPUT"])
    valid = [k for k, f in rows.items() if f["valid"]]
    assert len(valid) == 536
    status_ok = sum(rows[k]["status_class"] == published[k]["SI_V"] for k in valid)
    dynamic_ok = sum(rows[k]["dynamic_class"] == published[k]["DI_V"] for k in valid)
    group_ok = sum(rows[k]["group_code"] == int(published[k]["SDI_N"]) for k in valid)
    assert (status_ok, dynamic_ok, group_ok) == (536, 536, 536)
    # the excluded areas stay on the layer, unclassified, with the reason
    notes = {k: rows[k]["note"] for k in rows if not rows[k]["valid"]}
    assert set(notes) == {"03300515", "03400831", "04400725", "05300838", "06200418", "10100205"}
    assert sum("unter 300 EW" in n for n in notes.values()) == 4
    assert "Einwohnerzahl fehlt" in notes["03400831"]  # Pankower Tor: no population in the file
    assert sum("ausgeschlossen" in n for n in notes.values()) == 1
    assert all(rows[k]["status_class"] in (None,) or str(rows[k]["status_class"]) == "NULL" for k in notes)


def test_custom_index_orders_by_need_and_respects_directions(berlin_joined, tmp_path):
    import processing

    result = processing.run("sozialraum:needindex", {
        "INPUT": str(berlin_joined), "STATUS_FIELDS": ["S1", "S3"], "PRESET": 0, "POPULATION_FIELD": "EW",
        "WEIGHTS": "S1=2;S3=1", "DIRECTIONS": "S3=-1", "OUTPUT": str(tmp_path / "c.gpkg")})
    rows = [f for f in features(result["OUTPUT"]).values() if f["valid"]]
    assert len(rows) == 536  # without the exclusion the outlier still drops out: its values are -9999
    top = min(rows, key=lambda f: f["status_rank"])
    z = 2 * top["z_S1"] + top["z_S3"]  # direction -1: z_S3 is already turned
    assert z == pytest.approx(max(2 * f["z_S1"] + f["z_S3"] for f in rows))


def test_bad_expression_is_a_sentence(berlin_joined, tmp_path):
    import processing

    with pytest.raises(QgsProcessingException, match="cannot be used"):
        processing.run("sozialraum:needindex", {
            "INPUT": str(berlin_joined), "STATUS_FIELDS": ["S1"], "PRESET": 1,
            "EXCLUDE_EXPRESSION": "\"KOM\" = ", "OUTPUT": str(tmp_path / "x.gpkg")})


def test_clusters_numbered_by_need_with_summary(berlin_joined, tmp_path):
    import processing

    index = processing.run("sozialraum:needindex", {
        "INPUT": str(berlin_joined), "STATUS_FIELDS": ["S1", "S3", "S4"], "PRESET": 1, "POPULATION_FIELD": "EW",
        "EXCLUDE_EXPRESSION": OUTLIER, "OUTPUT": str(tmp_path / "i.gpkg")})
    result = processing.run("sozialraum:needclusters", {
        "INPUT": index["OUTPUT"], "FIELDS": ["S1", "S3", "S4"], "K": 4, "METHOD": 0, "SEED": 3,
        "NEED_FIELD": "status_index", "LABELS": "S1=Arbeitslosigkeit;S3=Transferbezug;S4=Kinderarmut",
        "OUTPUT": str(tmp_path / "k.gpkg"), "SUMMARY": str(tmp_path / "k.csv")})
    assert result["K_USED"] == 4
    rows = features(result["OUTPUT"])
    clustered = [f for f in rows.values() if f["cluster"] not in (None,) and str(f["cluster"]) != "NULL"]
    assert len(clustered) == 536  # the six invalid areas get no cluster
    means = {}
    for f in clustered:
        means.setdefault(f["cluster"], []).append(f["status_index"])
    order = sorted(means, key=lambda c: -sum(means[c]) / len(means[c]))
    assert order == [1, 2, 3, 4]
    assert "Transferbezug" in " ".join(f["cluster_label"] for f in clustered)
    summary = (tmp_path / "k.csv").read_text(encoding="utf-8-sig").splitlines()
    assert summary[0].startswith("cluster;cluster_label;size") and len(summary) == 5
    again = processing.run("sozialraum:needclusters", {
        "INPUT": index["OUTPUT"], "FIELDS": ["S1", "S3", "S4"], "K": 4, "METHOD": 0, "SEED": 3,
        "NEED_FIELD": "status_index", "OUTPUT": str(tmp_path / "k2.gpkg")})
    assert {k: f["cluster"] for k, f in features(again["OUTPUT"]).items()} == \
        {k: f["cluster"] for k, f in rows.items()}  # the same seed gives the same clusters


def test_ward_and_suggested_k(berlin_joined, tmp_path):
    import processing

    result = processing.run("sozialraum:needclusters", {
        "INPUT": str(berlin_joined), "FIELDS": ["S1", "S3", "S4"], "K": 0, "METHOD": 1,
        "OUTPUT": str(tmp_path / "w.gpkg")})
    assert 2 <= result["K_USED"] <= 8


def test_more_clusters_than_areas_is_refused(provider, sample_dir, tmp_path):
    import processing

    fl = sample_dir / "flensburg"
    joined = processing.run("sozialraum:jointable", {
        "INPUT": str(fl / "Stadtteile.shp"), "INPUT_KEY": "AREA_ID",
        "TABLE": str(fl / "tab_18_regelleistungsberechtigte_sgb2.csv"), "TABLE_KEY": "Stadtteil_ID",
        "OUTPUT": str(tmp_path / "f.gpkg")})
    with pytest.raises(QgsProcessingException, match="clusters were asked for"):
        processing.run("sozialraum:needclusters", {
            "INPUT": joined["OUTPUT"], "FIELDS": ["Anzahl_2021"], "K": 20, "OUTPUT": str(tmp_path / "k.gpkg")})
