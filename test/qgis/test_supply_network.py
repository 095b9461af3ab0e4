"""sozialraum:supply over a road network built in the test, a point layer as FACILITIES, a facility
outside every district, and the run as the Processing dialog runs it (a background task).

The synthetic town (EPSG:25833, metres from an origin in Berlin): district A is the square
0–1000 × 0–1000, district B the square 2000–3000 × 0–1000; a Kita K (100 places) stands at
(1500, p) between them, p the height of A's representative point, 1,000 m in a straight line
from A's point and from B's. The road from B's point runs straight to K (1,000 m); from A's point
the only road goes 1,500 m north, 1,000 m east and 1,500 m south to K (≈ 4,000 m). A Kita O
(50 places) stands far outside both districts. With DISTANCE 1,100 m the straight-line catchment
gives K to A and B; the network gives K to B alone."""
from __future__ import annotations

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProcessingFeedback, QgsProject, QgsVectorLayer

X0, Y0 = 390000.0, 5810000.0


def _square(x, y, size=1000.0):
    return QgsGeometry.fromPolygonXY([[QgsPointXY(X0 + x, Y0 + y), QgsPointXY(X0 + x + size, Y0 + y),
                                       QgsPointXY(X0 + x + size, Y0 + y + size), QgsPointXY(X0 + x, Y0 + y + size),
                                       QgsPointXY(X0 + x, Y0 + y)]])


@pytest.fixture
def town(tmp_path):
    districts = QgsVectorLayer("Polygon?crs=EPSG:25833&field=key:string&field=kids:integer&field=status_class:string",
                               "districts", "memory")
    feats = []
    for key, x, kids, status in (("A", 0, 200, "sehr niedrig"), ("B", 2000, 300, "hoch")):
        f = QgsFeature(districts.fields())
        f.setAttributes([key, kids, status])
        f.setGeometry(_square(x, 0))
        feats.append(f)
    districts.dataProvider().addFeatures(feats)
    pa = feats[0].geometry().pointOnSurface().asPoint()
    pb = feats[1].geometry().pointOnSurface().asPoint()
    assert pa.y() == pytest.approx(pb.y())
    k = QgsPointXY(X0 + 1500.0, pa.y())
    assert pa.distance(k) == pytest.approx(1000.0) and pb.distance(k) == pytest.approx(1000.0)
    kitas = QgsVectorLayer("Point?crs=EPSG:25833&field=id:string&field=places:integer", "kitas", "memory")
    rows = []
    for ident, point, places in (("0001", k, 100), ("0002", QgsPointXY(X0 + 20000, Y0 + 20000), 50)):
        f = QgsFeature(kitas.fields())
        f.setAttributes([ident, places])
        f.setGeometry(QgsGeometry.fromPointXY(point))
        rows.append(f)
    kitas.dataProvider().addFeatures(rows)
    roads = QgsVectorLayer("LineString?crs=EPSG:25833", "roads", "memory")
    lines = []
    for path in ([pb, k], [pa, QgsPointXY(pa.x(), pa.y() + 1500), QgsPointXY(k.x(), pa.y() + 1500), k]):
        f = QgsFeature()
        f.setGeometry(QgsGeometry.fromPolylineXY(path))
        lines.append(f)
    roads.dataProvider().addFeatures(lines)
    return {"districts": districts, "kitas": kitas, "roads": roads, "folder": tmp_path}


def _values(path) -> dict:
    layer = QgsVectorLayer(str(path), "o", "ogr")
    assert layer.isValid()
    return {f["key"]: f for f in layer.getFeatures()}


def _run(town, name, feedback=None, **extra):
    import processing

    return processing.run("sozialraum:supply", {
        "INPUT": town["districts"], "FACILITIES": town["kitas"], "ID_FIELD": "id", "CAPACITY_FIELD": "places",
        "TARGET_FIELD": "kids", "STANDARD": 1.0, "METHOD": "catchment", "DISTANCE": 1100,
        "NEED_FIELD": "status_class", "OUTPUT": str(town["folder"] / name), "LANGUAGE": "en", **extra},
        feedback=feedback)


class Warnings(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.warnings = []

    def pushWarning(self, text):  # noqa: N802
        self.warnings.append(text)


def test_network_distance_longer_than_straight_line_shrinks_the_catchment(provider, town):
    feedback = Warnings()
    straight = _run(town, "straight.gpkg", feedback)
    assert any("0001" in w and "0002" in w for w in feedback.warnings), feedback.warnings  # named by id
    network = _run(town, "network.gpkg", NETWORK=town["roads"])
    s, n = _values(straight["OUTPUT"]), _values(network["OUTPUT"])
    # straight: K's 100 places shared by 500 children → 200 per 1,000 in A and in B
    assert s["A"]["supply_access"] == pytest.approx(200.0) and s["B"]["supply_access"] == pytest.approx(200.0)
    # network: A's road to K is ~4 km: only B's 300 children share K → 333.3 in B, 0 in A
    assert n["A"]["supply_access"] == pytest.approx(0.0)
    assert n["B"]["supply_access"] == pytest.approx(1000 * 100 / 300)
    # facilities outside every district are counted, not dropped: K stands between the squares, O far off;
    # both still serve the catchment (K above)
    assert straight["OUTSIDE"] == 2 and straight["FACILITY_COUNT"] == 2
    assert sum(int(f["supply_count"]) for f in s.values()) == 0
    # A: high need (sehr niedrig), reachable places 0 of a standard 1.0 → category 1
    assert n["A"]["supply_category"] == 1 and n["A"]["supply_category_label"] == "high need, low supply"
    assert n["B"]["supply_category"] == 3 and n["B"]["supply_coverage"] == pytest.approx(1 / 3)


def test_bad_field_is_named_not_a_traceback(provider, town):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="Platz"):
        _run(town, "bad.gpkg", CAPACITY_FIELD="Platz", METHOD="inside")


def test_run_as_the_processing_dialog_runs_it(provider, town):
    """A QgsProcessingAlgRunnerTask on the task manager, the layers in the project, as the dialog does."""
    from qgis.core import (
        QgsApplication,
        QgsProcessingAlgRunnerTask,
        QgsProcessingContext,
        QgsProcessingFeedback,
    )
    from qgis.PyQt.QtCore import QEventLoop, QTimer

    project = QgsProject.instance()
    for layer in (town["districts"], town["kitas"]):
        project.addMapLayer(layer, False)
    out = town["folder"] / "task.gpkg"
    algorithm = QgsApplication.processingRegistry().algorithmById("sozialraum:supply").create({})
    context, feedback = QgsProcessingContext(), QgsProcessingFeedback()
    context.setProject(project)
    task = QgsProcessingAlgRunnerTask(algorithm, {
        "INPUT": town["districts"].id(), "FACILITIES": town["kitas"].id(), "ID_FIELD": "id",
        "CAPACITY_FIELD": "places", "TARGET_FIELD": "kids", "METHOD": "catchment", "DISTANCE": 1100,
        "OUTPUT": str(out)}, context, feedback)
    loop, done = QEventLoop(), {}

    def executed(ok, results):
        done.update(ok=ok, results=results)
        loop.quit()

    task.executed.connect(executed)
    try:
        QgsApplication.taskManager().addTask(task)
        QTimer.singleShot(60_000, loop.quit)
        loop.exec()
        assert done.get("ok")
        assert done["results"]["OUTSIDE"] == 2
        values = _values(out)
        assert values["A"]["supply_access"] == pytest.approx(200.0)
        # without STANDARD or NEED_FIELD: supply only, against the city's value (both equal → met)
        assert values["A"]["supply_category"] == 6
    finally:
        project.removeMapLayer(town["districts"].id())
        project.removeMapLayer(town["kitas"].id())
