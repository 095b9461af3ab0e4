"""sozialraum:needindex's uncertainty option (robust ranks) on Berlin's MSS 2021, in a headless QGIS:
run as processing.run does and as the Processing dialog does (a background task)."""
from __future__ import annotations

import csv
import time

import pytest
from qgis.core import (
    QgsApplication,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QEventLoop, QTimer
from test_need_algorithms import berlin_joined  # noqa: F401 (fixture: the Berlin MSS table joined)

OUTLIER = "\"KOM\" = 'ungültig (Ausreißer)'"
FIELDS = ("rank", "rank_low", "rank_high", "rank_median", "p_top")


@pytest.fixture(scope="module")
def published_index(sample_dir) -> dict:
    """PLR → the published status index (Tab. 3, two decimals)."""
    path = sample_dir / "berlin" / "mss_2021_tab3_index-indikatoren_z-werte_plr_semikolon.csv"
    with open(path, encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    column = [c.strip() for c in rows[0]].index("Status-Index (standardisierte Statussumme)")
    return {row[0]: float(row[column]) for row in rows[1:] if row and row[column].strip()}


def params(joined, out, **more) -> dict:
    return {"INPUT": str(joined), "STATUS_FIELDS": ["S1", "S3", "S4"], "DYNAMIC_FIELDS": ["D1", "D3", "D4"],
            "PRESET": "mss", "POPULATION_FIELD": "EW", "EXCLUDE_EXPRESSION": OUTLIER, "OUTPUT": str(out),
            "UNCERTAINTY": True, "DRAWS": 1000, "WEIGHT_RANGE": 0.5, "SEED": 1, **more}


def rows(path) -> dict:
    layer = QgsVectorLayer(str(path), "x", "ogr")
    assert layer.isValid()
    return {f["PLR_ID"]: {n: (None if f[n] is None or str(f[n]) == "NULL" else f[n])
                          for n in layer.fields().names()} for f in layer.getFeatures()}


@pytest.fixture(scope="module")
def ranked(berlin_joined, tmp_path_factory):  # noqa: F811
    import processing

    out = tmp_path_factory.mktemp("ranked") / "ranked.gpkg"
    started = time.perf_counter()
    result = processing.run("sozialraum:needindex", params(berlin_joined, out))
    return rows(result["OUTPUT"]), time.perf_counter() - started


def test_nominal_ranks_are_the_published_status_index_in_order(ranked, published_index):
    found, _ = ranked
    valid = {k: r for k, r in found.items() if r["valid"]}
    assert len(valid) == 536
    assert sorted(r["rank"] for r in valid.values()) == list(range(1, 537))
    # the published index has two decimals: wherever it orders two areas, our ranks order them alike
    for key, row in valid.items():
        above = sum(published_index[other] > published_index[key] for other in valid)
        tied = sum(published_index[other] == published_index[key] for other in valid)
        assert above < row["rank"] <= above + tied, (key, row["rank"], above, tied)


def test_intervals_hold_the_nominal_rank_and_the_very_low_areas_are_mostly_sure(ranked):
    found, seconds = ranked
    valid = [r for r in found.values() if r["valid"]]
    assert all(r["rank_low"] <= r["rank"] <= r["rank_high"] for r in valid)
    assert all(r["rank_low"] <= r["rank_median"] <= r["rank_high"] and 0 <= r["p_top"] <= 1 for r in valid)
    very_low = [r for r in valid if r["status_class"] == "sehr niedrig"]
    assert len(very_low) == 49
    assert sum(r["p_top"] >= 0.9 for r in very_low) >= 30
    assert all(r["p_top"] == 0 for r in valid if r["status_class"] == "hoch")
    assert seconds < 30  # the whole algorithm (read, index, 1,000 draws, write); the draws alone ~0.15 s


def test_invalid_areas_have_no_rank(ranked):
    found, _ = ranked
    invalid = [r for r in found.values() if not r["valid"]]
    assert len(invalid) == 6
    assert all(r[f] is None for r in invalid for f in FIELDS)


def test_same_seed_same_layer_other_seed_other_intervals(berlin_joined, ranked, tmp_path):  # noqa: F811
    import processing

    found, _ = ranked
    again = rows(processing.run("sozialraum:needindex", params(berlin_joined, tmp_path / "a.gpkg"))["OUTPUT"])
    values = lambda table: {k: [r[f] for f in FIELDS] for k, r in table.items()}  # noqa: E731
    assert values(again) == values(found)
    other = rows(processing.run("sozialraum:needindex", params(berlin_joined, tmp_path / "b.gpkg", SEED=2))["OUTPUT"])
    assert [other[k]["rank"] for k in found] == [found[k]["rank"] for k in found]  # the nominal rank stays
    assert [other[k]["rank_high"] for k in found] != [found[k]["rank_high"] for k in found]


def test_off_by_default_and_bad_options_are_named(berlin_joined, tmp_path):  # noqa: F811
    import processing

    plain = params(berlin_joined, tmp_path / "p.gpkg")
    plain.pop("UNCERTAINTY")
    layer = QgsVectorLayer(processing.run("sozialraum:needindex", plain)["OUTPUT"], "p", "ogr")
    assert "rank_low" not in layer.fields().names() and "p_top" not in layer.fields().names()
    with pytest.raises(QgsProcessingException, match="NORMALISATIONS"):
        processing.run("sozialraum:needindex", params(berlin_joined, tmp_path / "x.gpkg", NORMALISATIONS="median"))
    with pytest.raises(QgsProcessingException, match="TOP_CLASS"):
        processing.run("sozialraum:needindex", params(berlin_joined, tmp_path / "y.gpkg", TOP_CLASS="best"))


def test_two_highest_classes_and_custom_index(berlin_joined, tmp_path):  # noqa: F811
    import processing

    wider = rows(processing.run("sozialraum:needindex", params(
        berlin_joined, tmp_path / "w.gpkg", TOP_CLASS="two_highest", NORMALISATIONS="zscore", WEIGHT_RANGE=0,
        LEAVE_ONE_OUT=False))["OUTPUT"])
    # at the nominal choices every draw is the MSS index: p_top is 1 exactly for niedrig and sehr niedrig
    assert all((r["p_top"] == 1) == (r["status_class"] in ("niedrig", "sehr niedrig"))
               for r in wider.values() if r["valid"])
    custom = rows(processing.run("sozialraum:needindex", params(
        berlin_joined, tmp_path / "c.gpkg", PRESET="custom", SCALING="minmax", WEIGHTS="S1=2;S3=1;S4=1",
        DRAWS=200))["OUTPUT"])
    assert all(r["rank"] == r["status_rank"] for r in custom.values() if r["valid"])


def test_as_the_processing_dialog_runs_it(berlin_joined, tmp_path):  # noqa: F811
    """A QgsProcessingAlgRunnerTask on QGIS's task manager, the event loop running."""
    algorithm = QgsApplication.processingRegistry().algorithmById("sozialraum:needindex").create({})
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = QgsProcessingFeedback()
    loop, done = QEventLoop(), {}
    task = QgsProcessingAlgRunnerTask(algorithm, params(berlin_joined, tmp_path / "task.gpkg", DRAWS="500",
                                                        TOP_CLASS="top_tenth"), context, feedback)

    def executed(ok, results):
        done.update(ok=ok, results=dict(results))
        loop.quit()

    task.executed.connect(executed)
    QgsApplication.taskManager().addTask(task)
    QTimer.singleShot(60_000, loop.quit)
    loop.exec()
    assert done.get("ok"), feedback.textLog()
    found = rows(done["results"]["OUTPUT"])
    valid = [r for r in found.values() if r["valid"]]
    assert len(valid) == 536 and all(r["rank_low"] <= r["rank"] <= r["rank_high"] for r in valid)
    # top tenth: the 54 best nominal ranks are mostly in it, the last half never
    assert sum(r["p_top"] > 0.5 for r in valid if r["rank"] <= 54) >= 45
    assert all(r["p_top"] == 0 for r in valid if r["rank"] > 268)
    assert "Robust ranks: 500 draws over 536 valid areas" in feedback.textLog()


def test_run_again_on_its_own_output_replaces_the_rank_fields(berlin_joined, tmp_path):  # noqa: F811
    import processing

    first = processing.run("sozialraum:needindex", params(berlin_joined, tmp_path / "1.gpkg", DRAWS=100))["OUTPUT"]
    second = processing.run("sozialraum:needindex", params(first, tmp_path / "2.gpkg", DRAWS=100, SEED=3))["OUTPUT"]
    layer = QgsVectorLayer(second, "again", "ogr")
    assert [n for n in layer.fields().names() if n in FIELDS] == list(FIELDS)  # once each
    before, after = rows(first), rows(second)
    assert all(after[k]["rank"] == before[k]["rank"] for k in before)
    assert any(after[k]["rank_high"] != before[k]["rank_high"] for k in before if before[k]["valid"])
