"""Districts summed to a parent level (Planungsraum → Bezirksregion → Bezirk, Sozialraum → Kreis).

Counts are summed per parent. Rates are computed again from the summed counts
(Σ numerator / Σ denominator × scale, the scale from the unit as :func:`..indicators.unit_scale`
reads it): an average of the children's rates would weigh a district of 300 residents like one
of 30,000.

Missing counts: a parent with a missing count of one of its children gets no value for that
count (NaN), not a smaller sum. An empty cell may be an office's suppression or a row not
delivered; a sum without it would be printed as the parent's true total. Where a table writes
zero as empty or "–" (Berlin's population table does both), ``missing_as_zero`` says so, and
the parents concerned are listed either way (``incomplete``).

The parent of a child comes from a field of the children or from a lookup table (child key →
parent key, e.g. Berlin's ``lor_2021_hierarchie.csv``). Keys are text (:mod:`..keys`):
``01100101`` keeps its leading zero; where the two sides write keys differently (a lookup read
with numbers), the key transform matching most children is used, as the join does. A child
without a parent is reported by key, never dropped silently.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

import numpy as np
import pandas as pd

from ..errors import MethodError
from ..series.indicators import Indicator, rate
from ..tables.keys import KeyTransform, key_text, suggest_transform

CHILDREN = "n_children"  # output column: how many children a parent was built from
MARKER = "suppressed_fields"  # the written layer's list of hidden cells (gis/publish_layer.MARKER)


@dataclass
class Aggregation:
    """The parents (one row per parent key, sorted by key) and what the sum left out."""

    parents: pd.DataFrame  # parent key column, optional name column, n_children, counts, rates
    parent_of: pd.Series  # per child row: its parent key, None where it has none
    unmatched: list = field(default_factory=list)  # child keys without a parent
    incomplete: dict = field(default_factory=dict)  # count → parents with a missing child count
    transform: KeyTransform | None = None  # how child keys met the lookup's (None: a parent field)
    counts: list = field(default_factory=list)
    rates: list = field(default_factory=list)


def parents_from_field(children: pd.DataFrame, parent_field: str) -> pd.Series:
    """The parent key of every child, read from one of its fields (as text)."""
    if parent_field not in children.columns:
        raise MethodError("field_not_found", column=parent_field, columns=", ".join(map(str, children.columns)))
    return key_text(children[parent_field])


def parents_from_lookup(child_keys: pd.Series, lookup: pd.DataFrame, key: str, parent: str,
                        name: str | None = None, file: str = "") -> tuple:
    """``(parent key per child, parent name per child or None, transform)`` from a lookup table.

    A lookup key listed twice with two parents is refused (which one would be right?); a lookup
    whose keys match no child is refused, with examples of both sides.
    """
    for column in [key, parent] + ([name] if name else []):
        if column not in lookup.columns:
            raise MethodError("aggregate_lookup_column", column=column, file=file,
                              columns=", ".join(map(str, lookup.columns)))
    table = pd.DataFrame({"key": key_text(lookup[key]), "parent": key_text(lookup[parent])})
    if name:
        table["name"] = lookup[name].astype(object).where(lookup[name].notna(), None)
    table = table[table["key"].notna()]
    both = table.drop_duplicates(["key", "parent"])
    twice = both[both["key"].duplicated(keep=False)]
    if len(twice):
        first = twice["key"].iloc[0]
        found = twice.loc[twice["key"] == first, "parent"].tolist()
        raise MethodError("aggregate_lookup_conflict", key=first, file=file, parents=", ".join(map(str, found)))
    table = both.drop_duplicates("key")
    keys = key_text(child_keys)
    found = suggest_transform(keys.dropna(), table["key"])
    if not found:
        raise MethodError("aggregate_lookup_no_match", file=file, column=key,
                          children=", ".join(map(str, keys.dropna().head(3))),
                          keys=", ".join(map(str, table["key"].head(3))))
    transform = found[0]
    lookup_index = pd.Index(transform.apply(table["key"]))
    position = lookup_index.get_indexer(transform.apply(keys).where(keys.notna(), None))
    taken = np.where(position >= 0, position, 0)
    parents = pd.Series(np.where(position >= 0, table["parent"].to_numpy()[taken], None),
                        index=child_keys.index, dtype=object)
    names = None
    if name:
        names = pd.Series(np.where(position >= 0, table["name"].to_numpy()[taken], None),
                          index=child_keys.index, dtype=object)
    return parents, names, transform


def count_values(children: pd.DataFrame, columns: Sequence[str], rows: Sequence) -> pd.DataFrame:
    """The count columns as float; a text that is no number is refused with its district.

    Text is read as offices write it, by the project's number reader (marks decided over the
    column: '1.234' is a thousand and more, not 1.234); the markers of an empty or withheld cell
    ('–', '·', 'k.A.' …) are missing, which ``missing_as_zero`` then takes as 0."""
    from ..tables.column_types import DEFAULT_MISSING, DEFAULT_SUPPRESSED
    from ..tables.numformat import detect_format, parse_numbers

    out = {}
    for column in columns:
        if column not in children.columns:
            raise MethodError("field_not_found", column=column, columns=", ".join(map(str, children.columns)))
        raw = children[column]
        if pd.api.types.is_bool_dtype(raw) or not pd.api.types.is_numeric_dtype(raw):
            values = np.full(len(raw), np.nan)
            text = [(i, v.strip() if isinstance(v, str) else None if pd.isna(v) else v)
                    for i, v in enumerate(raw.astype(object))]
            for i, v in text:  # numbers as they are
                if v is not None and not isinstance(v, str):
                    try:
                        values[i] = float(v)
                    except (TypeError, ValueError):
                        raise MethodError("aggregate_count_not_numeric", column=column, row=rows[i],
                                          value=raw.iloc[i]) from None
            cells = [(i, v) for i, v in text if isinstance(v, str) and v
                     and v not in DEFAULT_MISSING and v not in DEFAULT_SUPPRESSED]
            if cells:
                found = np.array([v for _, v in cells], dtype=object)
                numbers, ok, _ = parse_numbers(found, detect_format(found)[0])
                if not ok.all():
                    i = cells[int(np.flatnonzero(~ok)[0])][0]
                    raise MethodError("aggregate_count_not_numeric", column=column, row=rows[i], value=raw.iloc[i])
                values[[i for i, _ in cells]] = numbers
            raw = pd.Series(values, index=raw.index)
        out[column] = raw.astype(float)
    return pd.DataFrame(out, index=children.index)


def summed_columns(counts: Sequence[str], rates: Sequence[Indicator]) -> list:
    """The count columns to sum: the given ones and every rate's numerator and denominator."""
    names = list(counts)
    for ind in rates:
        if ind.kind != "rate" or ind.change_between:
            raise MethodError("aggregate_rate_invalid", indicator=ind.id)
        names += [ind.numerator, ind.denominator]
    return list(dict.fromkeys(names))


def aggregate(children: pd.DataFrame, parent_of: pd.Series, counts: Sequence[str] = (),
              rates: Sequence[Indicator] = (), *, keys: pd.Series | None = None,
              names: pd.Series | None = None, parent_column: str = "parent",
              name_column: str | None = None, missing_as_zero: bool = False,
              transform: KeyTransform | None = None) -> Aggregation:
    """Sum ``counts`` (and the rates' numerators and denominators) per parent, rates from the sums.

    ``parent_of``: per child row the parent key (text; None = no parent). ``keys``: the child
    keys, for messages and the list of children without a parent. ``names``: per child row the
    parent's name, carried into ``name_column``.
    """
    columns = summed_columns(counts, rates)
    if not columns:
        raise MethodError("aggregate_nothing")
    taken = [c for c in (parent_column, name_column, CHILDREN, MARKER) if c]
    for column in columns:  # a sum under one of these names would overwrite it (or be written twice)
        if column in taken:
            raise MethodError("aggregate_count_name_taken", column=column, taken=", ".join(taken))
    rows = list(keys if keys is not None else children.index)
    values = count_values(children, columns, rows)
    parent_of = key_text(pd.Series(parent_of, index=children.index))
    has_parent = parent_of.notna()
    unmatched = [str(k) for k, p in zip(rows, has_parent) if not p]
    if not has_parent.any():
        raise MethodError("aggregate_no_parent", n=len(children))
    groups = parent_of[has_parent]
    inside = values[has_parent]
    missing = inside.isna()
    sums = inside.fillna(0.0).groupby(groups, sort=True).sum()
    gaps = missing.groupby(groups, sort=True).any()
    incomplete = {c: [str(p) for p in gaps.index[gaps[c]]] for c in columns if gaps[c].any()}
    if not missing_as_zero:
        sums = sums.mask(gaps)
    out = pd.DataFrame({parent_column: sums.index.astype(object)})
    if names is not None and name_column:
        first = pd.Series(names, index=children.index)[has_parent].groupby(groups, sort=True).first()
        out[name_column] = first.reindex(sums.index).to_numpy()
    out[CHILDREN] = groups.groupby(groups, sort=True).size().reindex(sums.index).to_numpy().astype(int)
    for column in columns:
        out[column] = sums[column].to_numpy()
    for ind in rates:
        if ind.id in out.columns:
            raise MethodError("aggregate_rate_name_taken", indicator=ind.id)
        out[ind.id] = rate(out[ind.numerator], out[ind.denominator], ind.scale).to_numpy()
    return Aggregation(parents=out, parent_of=parent_of.where(has_parent, None), unmatched=unmatched,
                       incomplete=incomplete, transform=transform, counts=columns, rates=list(rates))


def pooled_rate(values: pd.DataFrame, ind: Indicator, members: pd.Series | None = None) -> float:
    """Σ numerator / Σ denominator × scale over the rows (``members``: a boolean selection) with
    both counts and a denominator above 0: the rate of a parent or of the whole city."""
    frame = values if members is None else values[members.reindex(values.index, fill_value=False)]
    num = pd.to_numeric(frame[ind.numerator], errors="coerce")
    den = pd.to_numeric(frame[ind.denominator], errors="coerce")
    usable = num.notna() & den.notna() & (den > 0)
    total = float(den[usable].sum())
    return float(num[usable].sum()) / total * float(ind.scale) if total > 0 else float("nan")
