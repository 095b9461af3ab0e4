"""Summaries over groups of areas (the cluster summary) under the publication rule.

A group's centre is the mean of its members; its size is printed and every member's group and
shown value are published too, so centre × size − the shown members is the sum of the hidden
ones: with one hidden member, its value. A centre over a hidden cell is therefore hidden, and
with it what is computed from it (its z centre, the group's need score and within sum of
squares).
"""
from __future__ import annotations

from typing import Sequence

import pandas as pd

HIDDEN = "·"


def mask_group_summary(summary: pd.DataFrame, groups: pd.Series, mask: pd.DataFrame,
                       fields: Sequence[str], *, group_column: str = "cluster",
                       derived: Sequence[str] = ("need_score", "within_ss")) -> pd.DataFrame:
    """A copy of ``summary`` (one row per group) with "·" where a member's cell is hidden.

    ``groups``: the group of every area (same index as ``mask``, the rule's answer); ``fields``:
    the summary's value columns (each also as ``z_<field>``). ``derived``: columns hidden in a
    group row as soon as one of its centres is hidden."""
    out = summary.copy().astype(object)
    members = pd.to_numeric(groups, errors="coerce")
    for i, row in summary.iterrows():
        inside = (members == float(row[group_column])).to_numpy()
        any_hidden = False
        for f in fields:
            if f not in mask.columns or not bool(mask[f].to_numpy()[inside].any()):
                continue
            any_hidden = True
            for col in (f, f"z_{f}"):
                if col in out.columns:
                    out.at[i, col] = HIDDEN
        if any_hidden:
            for col in derived:
                if col in out.columns:
                    out.at[i, col] = HIDDEN
    return out
