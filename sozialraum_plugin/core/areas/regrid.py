"""Carrying an old grid's counts onto a new grid through a crosswalk (old key, new key, share).

The crosswalk comes either from the intersection pieces of the two grids (built by gis/regrid_overlay.py:
per old × new piece its area and, with a weight layer, its weight) or from a table an office publishes
("Umsteigeschlüssel"), used as it is after its shares are checked.

* Shares of an old area sum to 1 over its rows. The part of an old area that lies outside every new
  area is a row of its own with new key ``None`` (``OUTSIDE``): it is not carried, and the totals say
  how much of each count it holds, so nothing is lost silently.
* Weights: area by default; with a weight layer (residents at addresses, in buildings, in a finer
  grid) the pieces' weights. An old area the weight layer gives no weight falls back to its areas
  (listed in ``Crosswalk.fallback``).
* Slivers: a piece below ``min_share`` of its old area and of its new area (by area) is taken for
  the same boundary drawn twice (Köln's Stadtteile and Stadtbezirke differ by up to 0.02 %); its
  share goes to the old area's other rows, so counts stay conserved. ``min_share=0`` keeps every piece.
* Carrying: new count = Σ share × old count. An old area without a count (NULL, the office's "·")
  makes the counts of every new area it reaches unknown (NaN), never silently smaller.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..errors import QT_TRANSLATE_NOOP, MethodError

OUTSIDE = None  # the new key of the part of an old area that lies outside every new area
BASIS_AREA, BASIS_WEIGHT, BASIS_TABLE = "area", "weight", "table"
COLUMNS = ["old", "new", "share", "basis"]
NOISE = 1e-9  # relative: shares this small are rounding of the area arithmetic, not geometry
_OUT = "\x01outside"  # stands for None where pandas drops None keys (groupby, duplicated)

BASIS_WORDS = {  # how the report and the crosswalk name the basis of a share
    BASIS_AREA: QT_TRANSLATE_NOOP("Regrid", "area"),
    BASIS_WEIGHT: QT_TRANSLATE_NOOP("Regrid", "weight"),
    BASIS_TABLE: QT_TRANSLATE_NOOP("Regrid", "table"),
}


@dataclass
class Crosswalk:
    """``table``: one row per (old, new) with ``share`` and ``basis``; new ``None`` = outside."""

    table: pd.DataFrame
    fallback: list = field(default_factory=list)  # old keys without weight: area weights used
    slivers: int = 0  # pieces dropped as slivers (their share moved to the old area's other rows)
    sliver_max: float = 0.0  # the largest share dropped so
    source: str = ""  # the table file, for a crosswalk given as a table

    def outside(self) -> pd.Series:
        """Per old key, the share of it outside every new area (only keys with such a part)."""
        rows = self.table[self.table["new"].isna()]
        return rows.groupby("old")["share"].sum()

    @property
    def basis(self) -> str:
        kinds = set(self.table["basis"])
        return BASIS_WEIGHT if BASIS_WEIGHT in kinds else (kinds.pop() if len(kinds) == 1 else BASIS_AREA)


def _text_keys(values) -> pd.Series:
    """Keys as text; None stays None (the outside part)."""
    def one(value):
        if value is None or (isinstance(value, float) and np.isnan(value)):
            return None
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)
    return pd.Series([one(v) for v in values], dtype=object)


def crosswalk_from_pieces(pieces: pd.DataFrame, *, weighted: bool = False, min_share: float = 0.0,
                          new_areas=None) -> Crosswalk:
    """The crosswalk from intersection pieces: columns ``old``, ``new`` (None = outside), ``area``
    and, with ``weighted``, ``weight`` (the weight layer's amount in the piece). ``new_areas``
    (new key → area) lets a sliver be told from a real small piece: a sliver is small against both
    its old and its new area."""
    work = pd.DataFrame({"old": _text_keys(pieces["old"]), "new": _text_keys(pieces["new"]),
                         "area": pd.to_numeric(pieces["area"], errors="coerce").fillna(0.0).clip(lower=0.0).to_numpy()})
    weights = pd.to_numeric(pieces["weight"], errors="coerce").fillna(0.0).to_numpy() if weighted else 0.0
    work["weight"] = np.clip(weights, 0.0, None) if weighted else 0.0
    work["new_"] = work["new"].fillna(_OUT)  # groupby drops None keys
    work = work.groupby(["old", "new_"], sort=False, as_index=False)[["area", "weight"]].sum()
    work, dropped, largest = _drop_slivers(work, min_share, new_areas or {})
    order = pd.unique(work["old"])
    total_weight = work.groupby("old")["weight"].transform("sum")
    use_weight = (total_weight > 0) if weighted else pd.Series(False, index=work.index)
    fallback = [k for k in order if weighted and not bool(use_weight[work["old"] == k].any())]
    value = work["weight"].where(use_weight, work["area"])
    total = value.groupby(work["old"]).transform("sum")
    share = (value / total.where(total > 0)).fillna(0.0)
    share = share.where(share > NOISE, 0.0)
    table = pd.DataFrame({"old": work["old"], "new": [None if k == _OUT else k for k in work["new_"]],
                          "share": share, "basis": np.where(use_weight, BASIS_WEIGHT, BASIS_AREA)})
    empty = total <= 0  # an old area without area or weight: all of it outside, said so
    table.loc[empty & table["new"].isna(), "share"] = 1.0
    if empty.any():
        missing = [k for k in pd.unique(work.loc[empty, "old"])
                   if table.loc[(table["old"] == k) & table["new"].isna()].empty]
        table = pd.concat([table, pd.DataFrame({"old": missing, "new": None, "share": 1.0, "basis": BASIS_AREA})],
                          ignore_index=True)
    table = table[table["share"] > 0].reset_index(drop=True)
    return Crosswalk(table=table[COLUMNS], fallback=fallback, slivers=dropped, sliver_max=largest)


def _drop_slivers(work: pd.DataFrame, min_share: float, new_areas) -> tuple[pd.DataFrame, int, float]:
    """Pieces below ``min_share`` of their old area by area (and of their new area, where known) go;
    an old area keeps at least its largest piece. The shares are computed from what is left."""
    if min_share <= 0 or work.empty:
        return work, 0, 0.0
    of_old = work["area"] / work.groupby("old")["area"].transform("sum").where(lambda s: s > 0)
    new_area = pd.Series([new_areas.get(k, np.nan) if k != _OUT else np.nan for k in work["new_"]], index=work.index)
    of_new = (work["area"] / new_area.where(new_area > 0)).fillna(0.0)
    small = (of_old < min_share) & (of_new < min_share)
    small &= of_old.groupby(work["old"]).transform("max") >= min_share
    if not small.any():
        return work, 0, 0.0
    counted = small & (of_old > NOISE)  # rounding crumbs of the overlay are no slivers worth naming
    return work[~small].reset_index(drop=True), int(counted.sum()), float(of_old[small].max())


def field_numbers(values) -> tuple[np.ndarray, int | None]:
    """A layer field's values as floats (NaN for NULL or empty text): numbers as they are, text as
    offices write it ('1.000' a thousand, '2,5'), the marks decided over the column's text cells by
    the project's number reader (core/tables/numformat.py), not by float() cell by cell. Also the
    position of the first value that is no number (None if all are)."""
    from ..tables.numformat import detect_format, parse_numbers

    out = np.full(len(values), np.nan)
    texts = []
    for i, value in enumerate(values):
        if isinstance(value, str):
            if value.strip():
                texts.append(i)
        elif value is not None:
            try:
                out[i] = float(value)
            except (TypeError, ValueError):
                return out, i
    if texts:
        cells = np.array([values[i].strip() for i in texts], dtype=object)
        numbers, ok, _percent = parse_numbers(cells, detect_format(cells)[0])
        out[texts] = np.where(ok, numbers, np.nan)
        if not ok.all():
            return out, texts[int(np.flatnonzero(~ok)[0])]
    return out, None


# --- a crosswalk given as a table -------------------------------------------------------------------

def _listed(keys, limit: int = 8) -> str:
    keys = [str(k) for k in keys]
    more = len(keys) - limit
    return ", ".join(keys[:limit]) + (f" (+{more})" if more > 0 else "")


def crosswalk_from_table(frame: pd.DataFrame, old: str, new: str, share: str, *, tolerance: float = 0.001,
                         source: str = "") -> Crosswalk:
    """A crosswalk table used as it is, after checking it: every share a number ≥ 0, no pair
    twice, and the shares of every old key summing to 1 within ``tolerance``. An empty new key is
    the part outside every new area (the crosswalk this module writes has such rows)."""
    for column in (old, new, share):
        if column not in frame.columns:
            raise MethodError("column_not_found", column=column, file=source,
                              columns=", ".join(map(str, frame.columns)))
    keys_old, keys_new = _text_keys(frame[old]), _text_keys(frame[new])
    keys_new = pd.Series([k.strip() if k is not None and k.strip() else None for k in keys_new], dtype=object)
    if keys_old.isna().any():
        row = int(np.flatnonzero(keys_old.isna().to_numpy())[0])
        raise MethodError("crosswalk_key_empty", file=source, column=old, row=row + 1)
    raw = frame[share]
    values = pd.to_numeric(raw.map(lambda v: v.strip().replace(",", ".") if isinstance(v, str) else v),
                           errors="coerce")
    bad = values.isna() | (values < 0) | ~np.isfinite(values.fillna(0.0))
    if bad.any():
        row = int(np.flatnonzero(bad.to_numpy())[0])
        raise MethodError("crosswalk_share_invalid", file=source, column=share, row=row + 1, key=keys_old.iloc[row],
                          value=raw.iloc[row])
    table = pd.DataFrame({"old": keys_old.str.strip(), "new": keys_new, "share": values.astype(float),
                          "basis": BASIS_TABLE})
    twice = table.assign(n=table["new"].fillna(_OUT)).duplicated(["old", "n"], keep=False)
    if twice.any():
        first = table[twice].iloc[0]
        raise MethodError("crosswalk_pair_twice", file=source, old=first["old"], new=first["new"] or "–")
    sums = table.groupby("old", sort=False)["share"].sum()
    off = sums[(sums - 1.0).abs() > tolerance]
    if len(off):
        listed = _listed(f"{k} ({v:.4g})" for k, v in off.items())
        percent = bool(((sums - 100.0).abs() <= 100 * tolerance).all())
        raise MethodError("crosswalk_share_percent" if percent else "crosswalk_share_sum", file=source, keys=listed,
                          n=len(off), tolerance=f"{tolerance:g}")
    table = table[table["share"] > 0].reset_index(drop=True)
    return Crosswalk(table=table[COLUMNS], source=source)


KEY_TRANSFORMS = ("strip_zeros", "pad_zeros", "prefix")  # codes written differently; never names


def match_table_keys(crosswalk: Crosswalk, old_keys, new_keys) -> list:
    """A table's keys written differently from the grids' (0101 for an integer field's 101): where one
    of the project's key transforms (core/tables/keys.py) meets more keys of a grid than the keys as
    written, the table's keys are rewritten to the grid's. ``[("old" | "new", KeyTransform)]`` used."""
    from ..tables.keys import suggest_transform

    used = []
    for column, keys in (("old", list(old_keys)), ("new", list(new_keys))):
        written = [k for k in crosswalk.table[column] if k is not None]
        exact = len(set(keys) & set(written))
        found = [t for t in suggest_transform(keys, written) if t.kind in KEY_TRANSFORMS]
        if not found or found[0].matched <= exact:
            continue
        best = found[0]
        lookup = dict(zip(best.apply(pd.Series(keys, dtype=object)), keys))
        canonical = best.apply(crosswalk.table[column].reset_index(drop=True))
        crosswalk.table[column] = [None if k is None else lookup.get(c, k)
                                   for k, c in zip(crosswalk.table[column], canonical)]
        used.append((column, best))
    return used


# --- carrying counts ----------------------------------------------------------------------------------

@dataclass
class Carried:
    """Counts on the new grid (index: new keys, NaN = unknown) and, per count, where the old total went."""

    counts: pd.DataFrame
    totals: pd.DataFrame  # index: count fields; columns see TOTALS
    not_in_crosswalk: list = field(default_factory=list)  # old keys without a crosswalk row
    unknown_new: dict = field(default_factory=dict)  # count → new keys unknown through an old NULL
    new_not_in_target: list = field(default_factory=list)  # new keys of a table crosswalk not in TARGET
    no_source: list = field(default_factory=list)  # new keys no old area reaches
    old_not_in_grid: list = field(default_factory=list)  # old keys of the crosswalk the old grid lacks


#: old = Σ known old counts = carried + outside + not_in_crosswalk + blanked + rest (rest ≠ 0 only for a
#: table whose shares sum to 1 within the tolerance, not exactly)
TOTALS = ["old", "carried", "outside", "not_in_crosswalk", "blanked", "rest"]


def carry(counts: pd.DataFrame, crosswalk: Crosswalk, new_keys) -> Carried:
    """``counts``: one row per old key (index), one column per count field."""
    counts = counts.copy()
    counts.index = _text_keys(counts.index).to_numpy()
    new_keys = list(_text_keys(new_keys))
    target = set(new_keys)
    table = crosswalk.table
    known_old = set(table["old"])
    not_in = [k for k in counts.index if k not in known_old]
    rows = table[table["old"].isin(counts.index)]
    inside = rows["new"].isin(target)
    out_rows = rows[~inside]
    rows = rows[inside]
    new_not_in_target = sorted({k for k in out_rows["new"] if k is not None})
    result, unknown, totals = {}, {}, {}
    for name in counts.columns:
        values = pd.to_numeric(counts[name], errors="coerce").astype(float)
        part = rows["share"].to_numpy() * values.reindex(rows["old"]).to_numpy()
        frame = pd.DataFrame({"new": rows["new"].to_numpy(), "part": part})
        summed = frame.groupby("new")["part"].sum(min_count=1)
        has_nan = frame["part"].isna().groupby(frame["new"]).any()
        blanked_parts = frame.loc[frame["new"].isin(has_nan[has_nan].index), "part"]
        summed[has_nan[has_nan].index] = np.nan
        result[name] = summed.reindex(new_keys)
        unknown[name] = [k for k in has_nan[has_nan].index]
        outside = out_rows["share"].to_numpy() * values.reindex(out_rows["old"]).to_numpy()
        old_total = float(values.sum())
        carried = float(result[name].sum())
        parts = {"old": old_total, "carried": carried, "outside": float(np.nansum(outside)),
                 "not_in_crosswalk": float(values.reindex(not_in).sum()),
                 "blanked": float(np.nansum(blanked_parts.to_numpy()))}
        parts["rest"] = old_total - sum(parts[k] for k in TOTALS[1:5])
        totals[name] = parts
    carried = pd.DataFrame(result, index=new_keys)
    reached = set(rows["new"])
    return Carried(counts=carried, totals=pd.DataFrame.from_dict(totals, orient="index")[TOTALS],
                   not_in_crosswalk=not_in, unknown_new={k: v for k, v in unknown.items() if v},
                   new_not_in_target=new_not_in_target, no_source=[k for k in new_keys if k not in reached],
                   old_not_in_grid=list(pd.unique(table.loc[~table["old"].isin(counts.index), "old"])))


def publish_carried(carried: Carried, derived: pd.DataFrame, counts, rates, threshold: float):
    """The publication rule over the carried counts and their rates, as over every output: the
    shown values (hidden cells None), the marker text per new area and the number of cells hidden.
    A count unknown through a missing old count is listed as hidden at the source."""
    from ..publish.rule import publication_rule
    from ..series.indicators import Indicator

    frame = pd.concat([carried.counts, derived], axis=1)
    hidden = pd.DataFrame(False, index=frame.index, columns=list(counts))
    for name, keys in carried.unknown_new.items():
        hidden.loc[keys, name] = True
    indicators = [Indicator(c, kind="count") for c in counts] + list(rates)
    publication = publication_rule(frame, indicators, min_population=None, threshold=float(threshold),
                                   hidden=hidden if hidden.to_numpy().any() else None)
    shown = publication.apply(frame)
    n = int((publication.mask & frame[publication.mask.columns].notna()).to_numpy().sum())
    return shown, publication.hidden_fields(), n
