"""Review of sozialraum:impact (issue 17.4) on the Flensburg monitoring: who counts as funded at the
edges of MIN_OVERLAP (the city's own WGS84 GeoJSON of the same Stadtteile as programme areas; a
district with an invalid ring), which districts form "the rest" (only those of INPUT), a hidden
weight (listed in suppressed_fields) entering no figure, bad input named without a traceback, and
the builder keeping the seed as written. The funded sets are EXAMPLES, no real programme is meant."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample" / "flensburg"
FUNDED = ("STGT02", "STGT10", "STGT03")  # Neustadt, Fruerlund, Nordstadt: an example


@pytest.fixture(scope="module")
def report(provider, tmp_path_factory):
    """The monitoring report on a copy whose 2020 table gives Friesischer Berg (STGT05) 2 recipients:
    the rule hides that year's count cells (Regelleistungsberechtigte_2020, Q_2020, SGB2_2020)."""
    import processing

    source = tmp_path_factory.mktemp("impact_review_src")
    shutil.copytree(SAMPLE, source / "flensburg")
    path = source / "flensburg" / "jahre" / "sgb2_2020.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines):
        if line.startswith("5;"):
            cells = line.split(";")
            cells[2] = "2"
            lines[n] = ";".join(cells)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path_factory.mktemp("impact_review")
    processing.run("sozialraum:report", {"DEFINITION": str(source / "flensburg" / "sozialmonitoring_flensburg.json"),
                                         "OUTPUT_FOLDER": str(out)})
    return out


def _run(report, tmp_path, **params):
    import processing

    base = {"INPUT": str(report / "sozialraum.gpkg"), "KEY_FIELD": "AREA_ID", "INDICATORS": "Q,K",
            "SERIES": f"{report / 'sozialraum.gpkg'}|layername=series", "LANGUAGE": "en",
            "OUTPUT": str(tmp_path / "impact.csv")}
    return processing.run("sozialraum:impact", {**base, **params})


def _csv(tmp_path, name="impact.csv") -> pd.DataFrame:
    return pd.read_csv(tmp_path / name, encoding="utf-8-sig", index_col=0)


def test_programme_areas_in_wgs84_whole_districts_at_100_and_0_percent(report, tmp_path):
    """The OK Lab's GeoJSON (CRS84) holds the same Stadtteile as the report's layer (EPSG:25832).
    Reprojected, Nordstadt lies 99.99999997 % inside itself: at MIN_OVERLAP 100 it is still wholly
    inside. At 0 a neighbour touched by a reprojection sliver (1e-10 of its area) is not funded."""
    from qgis.core import QgsVectorLayer

    areas = QgsVectorLayer(str(SAMPLE / "flensburg_stadtteile.geojson"), "Programmgebiete", "ogr")
    assert areas.crs().authid() == "EPSG:4326"
    areas.setSubsetString("\"AREA_ID\" IN ('STGT02', 'STGT10', 'STGT03')")
    assert areas.featureCount() == 3
    for minimum in (100, 50, 0):
        result = _run(report, tmp_path, PROGRAMME_AREAS=areas, MIN_OVERLAP=minimum)
        assert (result["FUNDED"], result["OTHER"]) == (3, 10), minimum


def test_invalid_district_share_is_measured_on_its_valid_form(report):
    """A district whose ring crosses itself: its share inside is measured against the area of its
    valid form (the intersection is taken from that form too), never above 100 %."""
    from qgis.core import QgsFeature, QgsGeometry, QgsRectangle, QgsVectorLayer

    from sozialraum_plugin.gis.impact_input import overlap_shares

    source = QgsVectorLayer(f"{report / 'sozialraum.gpkg'}|layername=sozialraum", "d", "ogr")
    neustadt = next(f.geometry() for f in source.getFeatures() if f["AREA_ID"] == "STGT02")
    ring = (neustadt.asMultiPolygon()[0][0] if neustadt.isMultipart() else neustadt.asPolygon()[0])[:-1]
    i, j = len(ring) // 4, 3 * len(ring) // 4
    twisted = ring[:i] + list(reversed(ring[i:j])) + ring[j:]  # the ring crosses itself
    bad = QgsGeometry.fromPolygonXY([twisted + [twisted[0]]])
    assert not bad.isGeosValid()
    districts = QgsVectorLayer(f"Polygon?crs={source.crs().authid()}&field=AREA_ID:string", "d", "memory")
    feature = QgsFeature(districts.fields())
    feature.setGeometry(bad)
    feature["AREA_ID"] = "STGT02"
    districts.dataProvider().addFeatures([feature])
    box = bad.boundingBox()
    half = QgsRectangle(box.xMinimum() - 1, box.yMinimum() - 1, box.center().x(), box.yMaximum() + 1)
    areas = QgsVectorLayer(f"Polygon?crs={source.crs().authid()}", "a", "memory")
    cover = QgsFeature()
    cover.setGeometry(QgsGeometry.fromRect(half))
    areas.dataProvider().addFeatures([cover])
    valid = bad.makeValid()
    expected = valid.intersection(QgsGeometry.fromRect(half)).area() / valid.area()
    share = overlap_shares(districts, "AREA_ID", areas)["STGT02"]
    assert 0 < share <= 1
    assert share == pytest.approx(expected, abs=0.01)


def test_the_rest_are_the_districts_of_input(report, tmp_path):
    """INPUT filtered to ten Stadtteile: the other group is the seven of them not funded, not every
    district the series holds (the series table is the whole city's)."""
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(f"{report / 'sozialraum.gpkg'}|layername=sozialraum", "d", "ogr")
    layer.setSubsetString("\"AREA_ID\" NOT IN ('STGT11', 'STGT12', 'STGT13')")
    result = _run(report, tmp_path, INPUT=layer, FUNDED_EXPRESSION=f"\"AREA_ID\" IN {FUNDED}")
    assert (result["FUNDED"], result["OTHER"]) == (3, 7)
    table = _csv(tmp_path)
    assert int(table.loc["K", "n funded"]) == 3 and int(table.loc["K", "n other"]) == 7
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(report / "sozialraum.gpkg")) as db:
        k = pd.read_sql("SELECT key, year, value FROM series WHERE indicator = 'K'", db)
    wide = k.pivot(index="key", columns="year", values="value")
    change = (wide[2021] - wide[2019]).drop(["STGT11", "STGT12", "STGT13"])
    rest = change[~change.index.isin(FUNDED)].mean()
    assert float(table.loc["K", "Other: mean change"]) == pytest.approx(rest, abs=0.01)


def test_a_hidden_weight_enters_no_figure(report, tmp_path):
    """On the internal layer (raw values, hidden cells listed in suppressed_fields), weights from
    SGB2_2020: Friesischer Berg's 2 recipients are hidden, so it enters no weighted mean (a weighted
    mean over it, with the other weights and values published, would give its weight back)."""
    intern = f"{report / 'sozialraum_intern.gpkg'}|layername=sozialraum_intern"
    funded = FUNDED + ("STGT05",)
    result = _run(report, tmp_path, INPUT=intern, SERIES=f"{report / 'sozialraum_intern.gpkg'}|layername=series",
                  INDICATORS="K", POPULATION_FIELD="SGB2_2020", FUNDED_EXPRESSION=f"\"AREA_ID\" IN {funded}")
    assert result["FUNDED"] == 4
    table = _csv(tmp_path)
    assert int(table.loc["K", "n funded"]) == 3  # Friesischer Berg left out: its weight is hidden
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(report / "sozialraum_intern.gpkg")) as db:
        k = pd.read_sql("SELECT key, year, value FROM series WHERE indicator = 'K'", db)
        w = pd.read_sql("SELECT AREA_ID, SGB2_2020 FROM sozialraum_intern", db).set_index("AREA_ID")["SGB2_2020"]
    assert w["STGT05"] == 2
    wide = k.pivot(index="key", columns="year", values="value")
    change = wide[2021] - wide[2019]
    shown = list(FUNDED)
    expected = (change[shown] * w[shown]).sum() / w[shown].sum()
    assert float(table.loc["K", "Funded: mean change"]) == pytest.approx(expected, abs=0.01)


def test_bad_input_is_named_without_a_traceback(report, tmp_path):
    from qgis.core import QgsProcessingException

    funded = {"FUNDED_EXPRESSION": f"\"AREA_ID\" IN {FUNDED}"}
    cases = [({"SERIES": f"{report / 'sozialraum.gpkg'}|layername=sozialraum", **funded}, "key"),  # not a series
             ({"FUNDED_EXPRESSION": "\"AREA_ID\" IN ("}, "\"AREA_ID\" IN ("),  # broken: named, not "none given"
             ({"POPULATION_FIELD": "AREA_NAME", **funded}, "AREA_NAME"),  # no number: not an empty table
             ({"SEED": -1, **funded}, "SEED")]
    for params, named in cases:
        with pytest.raises(QgsProcessingException) as caught:
            _run(report, tmp_path, **params)
        message = str(caught.value)
        assert "Traceback" not in message and named in message, (params, message)
        assert "exactly one of" not in message, message


def test_builder_keeps_a_large_seed(qgis_app):
    from sozialraum_plugin.core.report.impact_spec import ImpactSpec, impact_from_json
    from sozialraum_plugin.gui.report_builder.impact_section import ImpactSection

    section = ImpactSection()
    section.load(ImpactSpec(funded_field="QM", seed=20260601))
    assert section.spec().seed == 20260601
    with pytest.raises(Exception, match="seed"):
        impact_from_json({"funded_field": "QM", "seed": -3}, "d.json")
