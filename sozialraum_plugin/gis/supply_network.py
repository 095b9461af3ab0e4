"""Distances over a road layer with QGIS's network analysis (qgis.analysis), for the 2SFCA.

The graph is built once (QgsVectorLayerDirector, both directions, length as cost) in the
districts' CRS, with every district point and facility tied onto it (QgsGraphBuilder snaps a tie
point to the nearest point of the nearest line). A distance is the straight walk from the point
to its tie point, plus the shortest path between the tie points (Dijkstra from each district,
QgsGraphAnalyzer), plus the walk from the tie point to the facility. Unreachable: infinite.
"""
from __future__ import annotations

import numpy as np
from qgis.analysis import (
    QgsGraphAnalyzer,
    QgsGraphBuilder,
    QgsNetworkDistanceStrategy,
    QgsVectorLayerDirector,
)
from qgis.core import QgsPointXY

from ..core.errors import SozialraumError


def network_distances(network, crs, district_xy: np.ndarray, facility_xy: np.ndarray, feedback=None,
                      tolerance: float = 0.0) -> np.ndarray:
    """Districts × facilities network distances in the CRS's units (metres for a projected CRS)."""
    if network.featureCount() == 0:
        raise SozialraumError("supply_network_empty", file=network.source().split("|", 1)[0])
    director = QgsVectorLayerDirector(network, -1, "", "", "", QgsVectorLayerDirector.Direction.DirectionBoth)
    director.addStrategy(QgsNetworkDistanceStrategy())
    builder = QgsGraphBuilder(crs, True, tolerance)
    valid_d = np.isfinite(district_xy).all(axis=1)
    points = [QgsPointXY(x, y) for x, y in district_xy[valid_d]] + [QgsPointXY(x, y) for x, y in facility_xy]
    tied = director.makeGraph(builder, points)
    graph = builder.graph()
    if graph.vertexCount() == 0:
        raise SozialraumError("supply_network_empty", file=network.source().split("|", 1)[0])
    n_valid = int(valid_d.sum())
    snap = np.array([points[k].distance(tied[k]) for k in range(len(points))], dtype=float)
    vertex = [graph.findVertex(p) for p in tied]
    fac_vertex = np.array(vertex[n_valid:], dtype=int)
    fac_snap = snap[n_valid:]
    out = np.full((len(district_xy), len(facility_xy)), np.inf)
    rows = np.flatnonzero(valid_d)
    for k, row in enumerate(rows):
        if feedback is not None:
            if feedback.isCanceled():
                break
            feedback.setProgress(100.0 * k / max(1, len(rows)))
        start = vertex[k]
        if start < 0:
            continue
        _, cost = QgsGraphAnalyzer.dijkstra(graph, start, 0)
        cost = np.asarray(cost, dtype=float)
        reach = cost[fac_vertex] if len(fac_vertex) else cost[:0]
        reach = np.where(fac_vertex >= 0, reach, np.inf)
        out[row] = snap[k] + reach + fac_snap
    return out
