"""The DP officer's scan, shared by the tests of parent levels: which hidden counts do the
published figures of two levels determine? Written on its own (the projector onto the row space
of the relations, numpy's pinv), not with the rule's null space (core/publish/hierarchy)."""
from __future__ import annotations

import numpy as np


def recoverable(child, child_hidden, parent_of, parent, parent_hidden):
    """The officer: hidden cells the shown figures determine (parent = Σ its districts for every
    parent with a value, Σ districts = city, Σ parents = city)."""
    unknown = [("c", k) for k in child.index if child_hidden[k] and not np.isnan(child[k])]
    unknown += [("p", k) for k in parent.index if parent_hidden[k] and not np.isnan(parent[k])]
    if not unknown:
        return []
    col = {u: i for i, u in enumerate(unknown)}
    rows = []
    for key in parent.index:
        if np.isnan(parent[key]):
            continue
        row = np.zeros(len(unknown))
        for k in parent_of.index[parent_of == key]:
            if ("c", k) in col:
                row[col[("c", k)]] = -1
        if ("p", key) in col:
            row[col[("p", key)]] = 1
        rows.append(row)
    rows += [np.array([float(u[0] == "c") for u in unknown]), np.array([float(u[0] == "p") for u in unknown])]
    matrix = np.vstack(rows)
    # the projector onto the row space: a unit vector in it (a cell the relations fix) keeps its length
    projector = np.linalg.pinv(matrix) @ matrix
    return [u for u, i in col.items() if abs(projector[i, i] - 1.0) < 1e-8]


def leaks(child, child_hidden, parent_of, parent, parent_hidden):
    """Hidden cells the two levels determine that the districts' publication alone does not (a
    parent whose districts are all shown is public through them, whatever the parent level does)."""
    import pandas as pd

    alone = recoverable(child, child_hidden, parent_of, parent, pd.Series(True, index=parent.index))
    return [u for u in recoverable(child, child_hidden, parent_of, parent, parent_hidden) if u not in alone]
