"""The publication rule for a parent level, against the published children.

A parent's count is the sum of its children's. Published beside the children, a parent gives a
hidden child back (parent − its shown children), and a parent hidden for a small count comes back
from the city total minus the other parents. :func:`parent_rule` starts from the rule on each
level (:func:`.rule.publication_rule`: small counts, population, complementary cells down the
column, derived rates) and then hides further *parent* cells until, for every count column, no
secret cell is determined by the published figures. The children's publication is taken as it
is: they are published by their own report, which this rule cannot change.

A cell the districts' publication gives away on its own (a parent whose districts are all shown)
is left aside: no parent cell can protect it, and hiding such a parent protects nothing.

"Determined" is exact linear algebra, not only "one hidden part per total": the unknowns are
the hidden child and parent cells, the relations are "parent = Σ its children" for every parent
with a value, "Σ children = city" and "Σ parents = city"; a cell is determined when its unit
vector lies in the row space of the relations restricted to the unknowns (a zero row of the null
space). Bounds (a count is ≥ 0) are not used: a reader may still narrow a hidden cell to a
range, as with every table protected by cell suppression.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Sequence

import numpy as np
import pandas as pd

from .rule import Publication

SECRET = ("small", "source", "complementary")  # hidden as secret; "population" is hidden as unreliable


def determined(relations: np.ndarray, tol: float = 1e-9) -> np.ndarray:
    """Which unknowns (columns of ``relations``) the relations fix: a unit vector in the row space
    (its projection onto the row space keeps length 1; that is, a zero row of the null space).
    The reduced SVD is enough (the row space's basis), much cheaper than the full one for many
    unknowns."""
    n = relations.shape[1]
    if n == 0:
        return np.zeros(0, dtype=bool)
    if relations.shape[0] == 0:
        return np.zeros(n, dtype=bool)
    _, s, vt = np.linalg.svd(relations, full_matrices=False)
    rank = int((s > tol * max(1.0, s.max() if s.size else 0.0)).sum())
    inside = (vt[:rank] ** 2).sum(axis=0)  # squared length of each unit vector's projection
    return inside > 1.0 - 1e-9


def _relations(child_pos: np.ndarray, child_known: np.ndarray, child_present: np.ndarray,
               parent_known: np.ndarray, parent_present: np.ndarray, totals=()):
    """The relations over the unknown cells of one column: (matrix, unknown kinds, unknown rows).
    ``child_pos``: per child the position of its parent (-1: none); ``totals``: further published
    sums over the children (boolean masks)."""
    unknown_children = np.flatnonzero(child_present & ~child_known)
    unknown_parents = np.flatnonzero(parent_present & ~parent_known)
    n_c = len(unknown_children)
    n = n_c + len(unknown_parents)
    rows = np.zeros((len(parent_present), n))  # one per parent: its value − Σ its unknown children
    pos = child_pos[unknown_children]
    rows[pos[pos >= 0], np.flatnonzero(pos >= 0)] = -1.0
    rows[unknown_parents, n_c + np.arange(len(unknown_parents))] = 1.0
    rows = rows[parent_present & rows.any(axis=1)]  # no published value: no relation
    city_c = np.zeros(n)
    city_c[:n_c] = 1.0  # Σ over the children with a value = the city's figure
    city_p = np.zeros(n)
    city_p[n_c:] = 1.0
    further = [np.concatenate([np.asarray(t, dtype=float)[unknown_children], np.zeros(n - n_c)]) for t in totals]
    matrix = np.vstack([rows] + [r[None, :] for r in (city_c, city_p, *further) if r.any()])
    return matrix, unknown_children, unknown_parents


def parent_rule(parents: Publication, parent_values: pd.DataFrame, parent_keys: pd.Series,
                children: Publication, child_values: pd.DataFrame, parent_of: pd.Series,
                columns: Sequence[str] | None = None, max_rounds: int = 1000, totals=()) -> Publication:
    """``parents`` (the rule on the parent level) with further parent cells hidden until no
    secret child or parent cell of ``columns`` (default: the parents' count columns) is
    determined by the shown cells of both levels.

    ``parent_values`` / ``parent_keys``: the parents' counts and keys (same index as
    ``parents.mask``); ``child_values`` / ``parent_of``: the children's counts and their parent
    keys (same index as ``children.mask``; a child without a parent is in no parent's sum).
    ``totals``: further published sums over some children (boolean Series on their index), e.g.
    the city value over the valid areas.
    """
    mask, reasons = parents.mask.copy(), parents.reasons.copy()
    keys = parent_keys.astype(object).to_numpy()
    child_parent = parent_of.reindex(child_values.index).astype(object).to_numpy()
    child_pos = pd.Index(keys).get_indexer(child_parent)  # (keys are unique: one row per parent)
    totals = [pd.Series(t).reindex(child_values.index, fill_value=False).to_numpy(dtype=bool) for t in totals]
    for column in columns if columns is not None else parents.counts:
        if column not in mask.columns or column not in child_values.columns:
            continue
        c_values = pd.to_numeric(child_values[column], errors="coerce").astype(float).to_numpy()
        c_mask = children.hidden(column).reindex(child_values.index, fill_value=False).to_numpy(dtype=bool)
        c_reason = children.reasons[column].reindex(child_values.index, fill_value="").to_numpy() \
            if column in children.reasons.columns else np.full(len(c_values), "", dtype=object)
        c_secret = c_mask & np.isin(c_reason, SECRET)
        p_values = pd.to_numeric(parent_values[column], errors="coerce").astype(float).to_numpy()
        present = ~np.isnan(p_values)
        # what the districts' publication gives away on its own (a parent whose districts are all
        # shown is their sum): no parent cell can protect that, so it is neither a leak nor a partner
        matrix, u_child, u_parent = _relations(child_pos, ~c_mask, ~np.isnan(c_values),
                                               np.zeros(len(keys), dtype=bool), present, totals)
        fixed = determined(matrix)
        base_child = {int(i) for j, i in enumerate(u_child) if fixed[j]}
        base_parent = np.zeros(len(keys), dtype=bool)
        base_parent[[int(i) for j, i in enumerate(u_parent) if fixed[len(u_child) + j]]] = True
        for _ in range(max_rounds):
            p_mask = mask[column].to_numpy(dtype=bool)
            p_secret = p_mask & np.isin(reasons[column].to_numpy(), SECRET) & ~base_parent
            matrix, u_child, u_parent = _relations(child_pos, ~c_mask, ~np.isnan(c_values), ~p_mask, present,
                                                   totals)
            fixed = determined(matrix)
            leaks = [("child", int(i)) for j, i in enumerate(u_child)
                     if fixed[j] and c_secret[i] and int(i) not in base_child]
            leaks += [("parent", int(i)) for j, i in enumerate(u_parent)
                      if fixed[len(u_child) + j] and p_secret[i]]
            if not leaks:
                break
            # every leaking district's own shown parent at once (one of them alone would not stop
            # the others; one round each cost an SVD per hidden parent: seconds on 542 PLR)
            rows = {child_pos[i] for kind, i in leaks if kind == "child" and child_pos[i] >= 0}
            rows = sorted(int(r) for r in rows if not (p_mask | base_parent)[r] and present[r])
            if not rows:
                row = _cell_to_hide(leaks[0], child_pos, p_values, p_mask | base_parent, c_mask, c_values)
                if row is None:
                    break  # every parent that could protect is hidden already
                rows = [row]
            mask.iloc[rows, mask.columns.get_loc(column)] = True
            reasons.iloc[rows, reasons.columns.get_loc(column)] = "complementary"
    for _ in range(len(parents.derived) + 1):  # a rate from a now hidden count is hidden too
        for target, sources in parents.derived.items():
            from_hidden = mask[[s for s in sources if s in mask]].any(axis=1) & ~mask[target]
            reasons.loc[from_hidden & (reasons[target] == ""), target] = "derived"
            mask[target] |= from_hidden
    return replace(parents, mask=mask.astype(bool), reasons=reasons)


def _cell_to_hide(leak, child_pos, p_values, p_mask, c_mask, c_values):
    """The parent to hide for a leak: a hidden child's own shown parent; else (a parent comes
    back through the city total) the smallest shown parent that has a hidden child itself (so it
    cannot be summed up from its children), else the smallest shown parent."""
    kind, i = leak
    if kind == "child":  # (``p_mask`` counts the parents the districts give away as hidden: no partners)
        own = child_pos[i]
        if own >= 0 and not p_mask[own] and not np.isnan(p_values[own]):
            return int(own)
    shown = ~p_mask & ~np.isnan(p_values)
    if not shown.any():
        return None
    with_hidden = np.zeros(len(p_values), dtype=bool)
    with_hidden[child_pos[c_mask & ~np.isnan(c_values) & (child_pos >= 0)]] = True
    for candidates in (shown & with_hidden & (p_values > 0), shown & with_hidden):
        if candidates.any():
            order = np.where(candidates, p_values, np.inf)
            return int(np.argmin(order))
    return None
