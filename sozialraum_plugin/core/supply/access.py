"""The two-step floating catchment area (2SFCA) access score, pure numpy.

Standard 2SFCA (Luo & Wang 2003): for every facility j the supply-to-demand ratio
``R_j = S_j / Σ_{k: d_kj ≤ d0} P_k`` over the districts k whose representative point lies within
the catchment ``d0``; for every district i the access ``A_i = Σ_{j: d_ij ≤ d0} R_j``, here per
1,000 target persons. A facility no district reaches (or reached only by districts without
target population) has no ratio and adds to no score; so Σ_i A_i·P_i / 1000 equals the capacity of
the facilities someone reaches, which the tests use as a check.

Distances come in row chunks (districts × facilities), so a straight-line matrix of a large grid
never has to be held whole; a network matrix (gis/network.py) is handed in as one chunk.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

import numpy as np

CHUNK = 512  # districts per block of the distance matrix (512 × 3,000 facilities ≈ 12 MB)


@dataclass
class Access:
    score: np.ndarray  # A_i per 1,000 target persons (NaN where the district has no target value)
    ratio: np.ndarray  # R_j (places per target person; NaN: no one reaches facility j)
    demand: np.ndarray  # Σ P_k within the catchment of facility j
    reached: np.ndarray  # bool per facility: some district with target population reaches it
    facilities_reached: np.ndarray  # per district: facilities within d0 (int)


def straight_chunks(district_xy: np.ndarray, facility_xy: np.ndarray, chunk: int = CHUNK):
    """(row slice, distance block) of the Euclidean distances, ``chunk`` districts at a time."""
    district_xy = np.asarray(district_xy, dtype=float).reshape(-1, 2)
    facility_xy = np.asarray(facility_xy, dtype=float).reshape(-1, 2)
    for start in range(0, len(district_xy), chunk):
        block = district_xy[start:start + chunk]
        dx = block[:, 0:1] - facility_xy[None, :, 0]
        dy = block[:, 1:2] - facility_xy[None, :, 1]
        yield slice(start, start + len(block)), np.hypot(dx, dy)


def matrix_chunks(matrix: np.ndarray):
    """A whole distance matrix as one chunk (np.inf = not reachable)."""
    matrix = np.asarray(matrix, dtype=float)
    yield slice(0, matrix.shape[0]), matrix


def two_step_fca(population, supply, chunks: Callable[[], Iterable], distance: float) -> Access:
    """The 2SFCA scores. ``population``: P_i per district (NaN = unknown, counts as 0 demand and
    gets no score); ``supply``: S_j per facility; ``chunks()``: a fresh iterator of (row slice,
    distance block) over all districts (called twice: demand first, then the scores)."""
    pop = np.asarray(population, dtype=float)
    cap = np.asarray(supply, dtype=float)
    weights = np.where(np.isfinite(pop) & (pop > 0), pop, 0.0)
    demand = np.zeros(len(cap))
    for rows, block in chunks():
        demand += weights[rows] @ (block <= distance)
    reached = demand > 0
    ratio = np.full(len(cap), np.nan)
    ratio[reached] = cap[reached] / demand[reached]
    usable = np.where(reached, ratio, 0.0)
    score = np.zeros(len(pop))
    count = np.zeros(len(pop), dtype=int)
    for rows, block in chunks():
        within = block <= distance
        score[rows] = within @ usable
        count[rows] = within.sum(axis=1)
    score = score * 1000.0
    score[~np.isfinite(pop)] = np.nan
    return Access(score, ratio, demand, reached, count)
