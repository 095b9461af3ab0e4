"""How good is a carried count? Per new area: how much of it comes from its largest old area.

``dominant_share``: of the new area's carried count of the basis field (the first count, usually the
residents), the part from the one old area that gives most; ``dominant_key`` names that old area;
``sources``: the number of old areas that reach the new area; ``exact_share``: the part from old areas
that lie wholly in it (no estimate at all); ``mixed``: True where no old area gives at least
``threshold`` (e.g. 0.8). A new area without any carried count (no residents, or no old area) has no
dominant share (NaN) and is not marked mixed.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .regrid import Crosswalk, _text_keys

QUALITY_FIELDS = ["dominant_share", "dominant_key", "sources", "exact_share", "mixed"]
WHOLE = 1.0 - 1e-9  # a share this close to 1: the old area lies wholly in the new one


def quality(crosswalk: Crosswalk, basis: pd.Series, new_keys, threshold: float = 0.8) -> pd.DataFrame:
    """The quality fields per new key (index: ``new_keys`` in their order)."""
    new_keys = list(_text_keys(new_keys))
    basis = basis.copy()
    basis.index = _text_keys(basis.index).to_numpy()
    table = crosswalk.table
    # rows of old keys the old grid lacks (a table's extra keys) carry nothing: not part of the mixture
    rows = table[table["new"].isin(set(new_keys)) & (table["share"] > 0) & table["old"].isin(set(basis.index))]
    amount = rows["share"].to_numpy() * pd.to_numeric(basis.reindex(rows["old"]), errors="coerce").to_numpy()
    parts = pd.DataFrame({"new": rows["new"].to_numpy(), "old": rows["old"].to_numpy(), "amount": amount,
                          "whole": rows["share"].to_numpy() >= WHOLE})
    sources = parts.groupby("new")["old"].nunique()
    total = parts.groupby("new")["amount"].sum(min_count=1)
    unknown = parts["amount"].isna().groupby(parts["new"]).any()
    total[unknown[unknown].index] = np.nan
    usable = total[total > 0]
    by_amount = parts.dropna(subset=["amount"]).sort_values(["new", "amount"], ascending=[True, False])
    largest = by_amount.drop_duplicates("new").set_index("new")
    exact = parts[parts["whole"]].groupby("new")["amount"].sum()
    out = pd.DataFrame(index=pd.Index(new_keys, dtype=object))
    out["dominant_share"] = (largest["amount"] / usable).reindex(new_keys)
    out["dominant_key"] = largest["old"].where(largest.index.isin(usable.index)).reindex(new_keys)
    out["dominant_key"] = out["dominant_key"].astype(object).where(out["dominant_key"].notna(), None)
    out["sources"] = sources.reindex(new_keys).fillna(0).astype(int)
    out["exact_share"] = (exact.reindex(usable.index).fillna(0.0) / usable).reindex(new_keys)
    out["mixed"] = (out["dominant_share"] < float(threshold)).where(out["dominant_share"].notna(), False).astype(bool)
    return out[QUALITY_FIELDS]
