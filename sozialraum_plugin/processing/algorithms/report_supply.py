"""The report's supply step (the definition's "supply" section): sozialraum:supply on the districts
after the index and clusters, before the publication rule, so its fields are published, mapped and
printed on the profile pages like any indicator.

With the catchment (2SFCA) a district's score depends on the target population of every district
that shares a reached facility with it: with the facility list and the boundaries public, one
published neighbour score solves a hidden child count back (PLR 03300515's 4 children come back
exactly from the rounded scores around it). So where the rule hides a target count as secret,
the scores of the districts linked to it are hidden as well (:func:`hide_linked_scores`)."""
from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication


def supply_step(run, steps) -> None:
    """Run sozialraum:supply on ``run.current``; the result becomes the current layer."""
    spec = getattr(run.d, "supply", None)
    if not spec:
        return
    steps.pushInfo(QCoreApplication.translate("Report", "Facilities against need: {0}").format(spec.facilities))
    params = {"INPUT": run.current, **spec.params(run.d.resolve), "OUTPUT": run._temp("supply"),
              "LANGUAGE": run.lang}
    result = run._run("sozialraum:supply", params, steps)
    run.current = result["OUTPUT"]
    run.outputs.update({"SUPPLY_OUTSIDE": result["OUTSIDE"], "SUPPLY_FACILITIES": result["FACILITY_COUNT"]})
    run.supply_links = _links(run, spec, params) if spec.method == "catchment" and spec.target else None


def _links(run, spec, params) -> dict:
    """District key → the keys of the districts sharing a reached facility (places > 0) with it."""
    import numpy as np
    from qgis.core import QgsProject, QgsVectorLayer

    from ...core.supply.access import matrix_chunks, straight_chunks
    from ...gis.supply_points import facilities_from_layer, facilities_from_table, representative_points

    layer = QgsVectorLayer(run.current, "supply", "ogr")
    features = list(layer.getFeatures())
    keys = [str(f[run.d.key]) for f in features]
    context = QgsProject.instance().transformContext()
    source = QgsVectorLayer(params["FACILITIES"], "facilities", "ogr")  # read as the algorithm read it
    if spec.x:
        crs = spec.crs or (source.crs().authid() if source.crs().isValid() else "")
        found = facilities_from_table(params["FACILITIES"], source, spec.x, spec.y, crs, layer.crs(), spec.id,
                                      spec.capacity, context)
    else:
        found = facilities_from_layer(source, layer.crs(), spec.id, spec.capacity, context)
    points, facility_xy = representative_points(features), np.column_stack([found.x, found.y])
    if spec.network:
        from ...gis.supply_network import network_distances

        matrix = network_distances(QgsVectorLayer(params["NETWORK"], "network", "ogr"), layer.crs(), points,
                                   facility_xy)
        chunks = matrix_chunks(matrix)
    else:
        chunks = straight_chunks(points, facility_xy)
    within = np.zeros((len(keys), len(found)), dtype=bool)
    for rows, block in chunks:
        within[rows] = (block <= spec.distance) & (found.capacity > 0)[None, :]
    shared = (within.astype(np.int32) @ within.T.astype(np.int32)) > 0
    return {key: {keys[k] for k in np.flatnonzero(shared[i])} for i, key in enumerate(keys)}


def hide_linked_scores(run, frame, publication):
    """The rule's answer with the catchment fields hidden where a linked district's target count is
    hidden as secret (small, complementary or the office's "·"; not a small area's, which the rule
    hides as unreliable)."""
    from ...core.supply.result import ACCESS, CATEGORY, CATEGORY_LABEL, COVERAGE

    links, spec = getattr(run, "supply_links", None), getattr(run.d, "supply", None)
    if not links or spec is None or spec.target not in publication.reasons.columns or run.d.key not in frame:
        return publication
    reasons = publication.reasons[spec.target]
    keys = frame[run.d.key].astype(str)
    secret = set(keys[(reasons != "") & (reasons != "population")])
    if not secret:
        return publication
    linked = keys.map(lambda key: bool(links.get(key, set()) & secret))
    for column in (ACCESS, COVERAGE, CATEGORY, CATEGORY_LABEL):
        if column in publication.mask.columns:
            new = linked & ~publication.mask[column]
            publication.mask.loc[new, column] = True
            publication.reasons.loc[new, column] = "derived"
    return publication
