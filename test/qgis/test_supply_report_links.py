"""The 2SFCA score gives a hidden child count back; the report hides the scores linked to it.

A district's score is Σ places / (children of all districts reaching the Kita) over its Kitas:
with the Kita list and the boundaries public, one published neighbour score is an equation in the
hidden count. The Berlin sample report with a publication threshold of 30: PLR 05300840 (486
residents, 22 children under 6) has its child count hidden as small; before the fix, the scores of
the PLR sharing a Kita with it were published and solved the 22 back exactly (shown below by trying
every count 0–199 against the published, rounded scores)."""
from __future__ import annotations

import json

import numpy as np
import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransformContext, QgsVectorLayer

SMALL = "05300840"


@pytest.fixture(scope="module")
def report(provider, sample_dir, tmp_path_factory):
    import processing

    from sozialraum_plugin.core.report.definition import load

    out = tmp_path_factory.mktemp("supply_links")
    definition = load(str(sample_dir / "berlin" / "sozialbericht_berlin_2021.json")).with_absolute_paths()
    data = definition.to_dict()
    data["publication"] = {**data.get("publication", {}), "threshold": 30}
    path = out / "definition.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    processing.run("sozialraum:report", {"DEFINITION": str(path), "OUTPUT_FOLDER": str(out / "report")})
    return out / "report", sample_dir / "berlin"


def _layer(path, name):
    layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
    assert layer.isValid()
    return layer


def _scores(features, children, berlin):
    """The 2SFCA scores (1 km, straight) recomputed from public data, with ``children`` per PLR."""
    from sozialraum_plugin.core.supply.access import straight_chunks, two_step_fca
    from sozialraum_plugin.gis.supply_points import facilities_from_table, representative_points

    kitas = facilities_from_table(str(berlin / "berlin-daycare-centers-2026-07-details.csv"), None, "lon", "lat",
                                  "EPSG:4326", QgsCoordinateReferenceSystem("EPSG:25833"), "id", "places",
                                  QgsCoordinateTransformContext())
    points, xy = representative_points(features), np.column_stack([kitas.x, kitas.y])
    return two_step_fca(children, kitas.capacity, lambda: straight_chunks(points, xy), 1000.0).score


def test_no_published_score_gives_the_hidden_child_count_back(report):
    out, berlin = report
    published = {f["PLR_ID"]: f for f in _layer(out / "sozialraum.gpkg", "sozialraum").getFeatures()}
    internal = list(_layer(out / "sozialraum_intern.gpkg", "sozialraum_intern").getFeatures())
    keys = [f["PLR_ID"] for f in internal]
    assert str(published[SMALL]["unter6"]) == "NULL"  # hidden as small (22 < 30)

    def number(value):
        return float("nan") if value is None or str(value) == "NULL" else float(value)

    # the attacker's knowledge: every child count but the one sought (the other hidden ones given as
    # well: a stronger attacker than a real one; a score that does not depend on them is unchanged)
    known = np.array([number(f["unter6"]) for f in internal])
    shown = np.array([number(published[k]["supply_access"]) for k in keys])
    small = keys.index(SMALL)
    fits = []
    for guess in range(200):
        children = known.copy()
        children[small] = guess
        score = _scores(internal, children, berlin)
        ok = np.isfinite(shown)
        if np.allclose(np.round(score[ok]), np.round(shown[ok])):
            fits.append(guess)
    assert known[small] == 22
    assert len(fits) > 20, fits  # not solved back (before the fix: exactly [22])


def test_linked_scores_are_hidden_and_the_rest_shown(report):
    out, _ = report
    layer = _layer(out / "sozialraum.gpkg", "sozialraum")
    rows = {f["PLR_ID"]: f for f in layer.getFeatures()}
    hidden = [k for k, f in rows.items() if str(f["supply_access"]) == "NULL"]
    assert SMALL in hidden and 10 < len(hidden) < 300  # its neighbours (34 of 542; 7 before), not the city
    for key in hidden:  # the coverage (score / standard) and the category (score against it) with it
        assert str(rows[key]["supply_coverage"]) == "NULL" and str(rows[key]["supply_category"]) == "NULL", key
