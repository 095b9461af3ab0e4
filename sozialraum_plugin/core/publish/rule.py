"""The publication rule: for every cell of a district table, may it be published?

One pure function, :func:`publication_rule`, used by every output of a report (profile pages,
appendix, published GeoPackage, maps). It takes the :class:`~..indicators.Indicator` model, so it
knows which columns are counts and which values are derived from them, and hides (True in the mask)

1. ``small``: counts (count indicators, numerators and denominators of rates, the year columns of
   their changes, any further count column) above 0 and below the threshold (default 3; per
   indicator ``"threshold"`` in the definition);
2. ``population``: every indicator value of an area below the minimum population (or without
   one): the area keeps its place on the map, its values are not shown;
3. ``source``: cells the office already suppressed (passed in as ``hidden``);
4. ``complementary``: where a hidden count could be recovered from a published total, the next
   smallest shown cell above 0 of the same total is hidden too (a shown 0 protects nothing),
   until no total has a single hidden part
   (cells of small areas count as unknown but need no partner: they are hidden as unreliable,
   not as secret; their counts below the threshold are secret as everywhere):
   down each count column (the city total: city values are Σ over *all* areas) and across each
   group of parts with their total (e.g. age bands and all residents of the area);
5. ``derived``: a rate or share whose numerator or denominator is hidden, and a change between two
   years where either year's value is hidden (else value now − change = the hidden value then).

Masks only: values are never overwritten here (a 0 printed where a value was hidden is false).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from ..series.indicators import YEAR_COLUMN, Indicator, as_indicators, unit_scale
from .disclosure import DEFAULT_MIN_POPULATION, DEFAULT_THRESHOLD

REASONS = ("small", "population", "source", "complementary", "derived")


@dataclass
class Publication:
    """The rule's answer: ``mask`` (True = hide) over every column it looked at, the first
    reason per hidden cell (``REASONS``) and the settings, for the method note."""

    mask: pd.DataFrame
    reasons: pd.DataFrame
    threshold: float = DEFAULT_THRESHOLD
    thresholds: dict = field(default_factory=dict)  # count column → its own threshold
    min_population: float | None = None
    population: str | None = None
    counts: list = field(default_factory=list)
    derived: dict = field(default_factory=dict)  # derived column → the columns it comes from
    unchecked: list = field(default_factory=list)  # named by an indicator but not in the table
    totals: dict = field(default_factory=dict)  # total → its parts, as given

    def hidden(self, column: str) -> pd.Series:
        """Mask of one column (all False for a column the rule does not cover)."""
        if column in self.mask.columns:
            return self.mask[column]
        return pd.Series(False, index=self.mask.index)

    def hidden_fields(self) -> list:
        """Per row the hidden columns, comma-separated ('' where none): the marker column."""
        flags = self.mask.to_numpy(dtype=bool)
        names = np.array([str(c) for c in self.mask.columns], dtype=object)
        return [",".join(names[row]) for row in flags]

    def counts_by_reason(self) -> dict:
        return {r: int((self.reasons == r).to_numpy().sum()) for r in REASONS}

    def apply(self, frame: pd.DataFrame) -> pd.DataFrame:
        """A copy of ``frame`` with every hidden cell set to missing (None): what may be published."""
        out = frame.copy()
        for col in self.mask.columns.intersection(out.columns):
            hide = self.mask[col].reindex(out.index, fill_value=False).astype(bool)
            if hide.any():
                out[col] = out[col].astype(object)
                out.loc[hide, col] = None
        return out


def _numbers(frame: pd.DataFrame, column: str) -> pd.Series:
    return pd.to_numeric(frame[column], errors="coerce").astype(float)


def _year(name: str, year) -> str:
    return name if year is None else YEAR_COLUMN.format(name=name, year=year)


class _Plan:
    """Which columns are counts (with their threshold), values, and what derives from what."""

    def __init__(self, columns: Sequence[str], threshold: float):
        self.columns = set(columns)
        self.threshold = threshold
        self.counts: dict[str, float] = {}
        self.values: list[str] = []
        self.derived: dict[str, list] = {}
        self.unchecked: list[str] = []
        self.pairs: list[tuple] = []  # (numerator, denominator) of the rates: pooled city shares

    def count(self, name, threshold) -> bool:
        if name not in self.columns:
            self.unchecked.append(name)
            return False
        self.counts[name] = max(self.counts.get(name, threshold), threshold)  # the stricter one
        return True

    def value(self, name) -> bool:
        if name not in self.columns:
            return False
        if name not in self.values:
            self.values.append(name)
        return True

    def derive(self, target, sources) -> None:
        sources = [s for s in sources if s in self.columns or s in self.derived]
        if target in self.columns and sources:
            self.derived.setdefault(target, [])
            self.derived[target] += [s for s in sources if s not in self.derived[target]]

    def add(self, ind: Indicator) -> None:
        limit = float(self.threshold if ind.threshold is None else ind.threshold)
        years = list(ind.change_between) if ind.change_between else [None]
        sources = []  # what a change is computed from: each year's value, else that year's counts
        for year in years:
            own = _year(ind.id, year)
            if ind.numerator and ind.denominator:  # the indicator's own year columns ({year}, base)
                num, den = ind.year_column(ind.numerator, year), ind.year_column(ind.denominator, year)
                if self.count(num, limit) & self.count(den, limit) and (num, den) not in self.pairs:  # & : both
                    self.pairs.append((num, den))
                self.value(own)
                self.derive(own, [num, den])
                sources += [own] if own in self.columns else [num, den]
            else:
                column = ind.year_column(ind.base or ind.id, year)
                if ind.kind == "count":
                    self.count(column, limit)
                else:
                    self.value(column)
                sources.append(column)
                if year is None and column != ind.id and self.value(ind.id):  # a copy under its own id ("of")
                    self.derive(ind.id, [column])
        if ind.change_between:
            self.value(ind.id)
            self.derive(ind.id, sources)


_ZERO_COST = 1e15  # ranks a shown 0 after every positive cell


def _partner(shown: pd.Series):
    """The complementary cell: the smallest shown one above 0 (least information lost). A shown 0
    protects nothing: an area without children has no child in SGB II, so the total minus the
    shown cells would still be the secret one; a 0 only where no other cell is left."""
    positive = shown.where(shown > 0)
    return (positive if positive.notna().any() else shown).idxmin()


def _rebuild_numerators(frame: pd.DataFrame, indicators) -> tuple[pd.DataFrame, list]:
    """A share whose numerator is not in the table, with its denominator: a reader gets the
    numerator back as share × denominator / scale (2.5 % of 40 children is 1 child), so the rule
    works on that numerator as on a count of the table."""
    added = {}
    for ind in indicators:
        num, den = ind.numerator, ind.denominator
        if not (num and den) or ind.change_between or num in frame.columns or num in added:
            continue
        if ind.id not in frame.columns or den not in frame.columns:
            continue
        scale = ind.scale if ind.kind == "rate" else unit_scale(ind.unit)
        added[num] = (_numbers(frame, ind.id) * _numbers(frame, den) / scale).round()
    if not added:
        return frame, []
    return frame.assign(**added), list(added)


def _complete_columns(values: pd.DataFrame, mask: pd.DataFrame, secret: pd.DataFrame,
                      columns: Iterable[str], rows: pd.Series | None = None) -> bool:
    """City totals: where the only unknown known-value of a column is a secret one, hide a second.

    ``rows``: the areas the total covers (all, or the valid ones for the valid areas' figure).
    Missing values do not count as unknown here: they are not in the city's sums either.
    """
    changed = False
    for col in columns:
        known = values[col].notna() if rows is None else values[col].notna() & rows
        unknown = mask[col] & known
        if int(unknown.sum()) != 1 or not bool((secret[col] & known).any()):
            continue
        shown = values[col].where(known & ~mask[col])
        if shown.notna().any():
            row = _partner(shown)
            mask.at[row, col] = secret.at[row, col] = True
            changed = True
    return changed


def _complete_groups(values: pd.DataFrame, mask: pd.DataFrame, secret: pd.DataFrame,
                     groups: Sequence[Sequence[str]]) -> bool:
    """Area totals: within a row, parts and their total; a secret member that is the only unknown
    one gets the smallest shown member hidden too. Missing members are unknown (the office's total
    includes them)."""
    changed = False
    for group in groups:
        cols = list(group)
        unknown = mask[cols] | values[cols].isna()
        single = (unknown.sum(axis=1) == 1) & secret[cols].any(axis=1) & (~unknown).any(axis=1)
        if not single.any():
            continue
        candidates = values.loc[single, cols].where(~unknown.loc[single], np.inf)
        candidates = candidates.where(candidates > 0, candidates + _ZERO_COST)  # a 0 only where all are 0
        for row, col in candidates.idxmin(axis=1).items():
            mask.at[row, col] = secret.at[row, col] = True
        changed = True
    return changed


def publication_rule(
    frame: pd.DataFrame,
    indicators: Iterable[Indicator | str] = (),
    *,
    counts: Sequence[str] = (),
    population: str | None = None,
    min_population: float | None = DEFAULT_MIN_POPULATION,
    threshold: float = DEFAULT_THRESHOLD,
    totals: Mapping[str, Sequence[str]] | None = None,
    hidden: pd.DataFrame | None = None,
    city_totals: bool = True,
    suppress_zero: bool = False,
    max_rounds: int = 100,
    derived: Mapping[str, Sequence[str]] | None = None,
) -> Publication:
    """Decide for every cell whether it may be published (see the module text).

    ``counts``: further count columns (threshold ``threshold``). ``population`` with
    ``min_population`` (None: no population rule). ``totals``: ``{total: [parts]}`` per area,
    e.g. ``{"ew": ["u18", "18_65", "65+"]}``. ``hidden``: a boolean frame of cells hidden already
    (the office's "·", or a rule applied upstream). Columns named by an indicator but missing in
    ``frame`` are listed in ``unchecked``. ``derived``: further ``{column: [its inputs]}`` (an
    index from its indicators), hidden where an input is.
    """
    indicators = as_indicators(list(indicators))
    given = set(frame.columns)
    frame, rebuilt = _rebuild_numerators(frame, indicators)
    plan = _Plan(list(frame.columns), float(threshold))
    for ind in indicators:
        plan.add(ind)
    for target, found in (derived or {}).items():  # e.g. an index from its input fields
        plan.value(target)
        plan.derive(target, list(found))
    for name in counts:
        plan.count(name, float(threshold))
    groups = []
    for total, parts in (totals or {}).items():
        members = [c for c in [total, *parts] if plan.count(c, float(threshold))]
        if len(members) >= 2:
            groups.append(members)
    if hidden is not None:
        for col in hidden.columns:
            if col in frame.columns and col not in plan.counts and col not in plan.derived:
                plan.value(col)
    count_cols = list(plan.counts)
    sources = [s for found in plan.derived.values() for s in found]
    columns = list(dict.fromkeys(count_cols + plan.values + sources + list(plan.derived)))
    index = frame.index
    values = pd.DataFrame({c: _numbers(frame, c) for c in columns}, index=index)
    reasons = pd.DataFrame("", index=index, columns=columns, dtype=object)

    def mark(col, rows, reason):
        new = rows & (reasons[col] == "")
        reasons.loc[new, col] = reason

    for col in count_cols:
        v = values[col]
        lower = v >= 0 if suppress_zero else v > 0
        mark(col, lower & (v < plan.counts[col]), "small")
    small_area = None
    if population is not None and min_population is not None:
        pop = _numbers(frame, population)
        small_area = pop.isna() | (pop < float(min_population))
        for col in columns:
            if col != population:
                mark(col, small_area & values[col].notna(), "population")
    if hidden is not None:
        for col in hidden.columns.intersection(columns):
            mark(col, hidden[col].reindex(index, fill_value=False).astype(bool), "source")
    mask = reasons != ""
    secret = mask & (reasons != "population")  # small areas are hidden as unreliable, not as secret
    before = mask.copy()
    for _ in range(max_rounds):  # each round only adds cells: this ends
        changed = _complete_groups(values, mask, secret, groups)
        if city_totals:
            changed |= _complete_columns(values, mask, secret, count_cols)
            if small_area is not None and small_area.any():  # the valid areas' figure is a total too
                changed |= _complete_columns(values, mask, secret, count_cols, ~small_area)
            for num, den in plan.pairs:  # a pooled share sums its numerator where its denominator is > 0
                with_den = values[den] > 0
                changed |= _complete_columns(values, mask, secret, [num], with_den)
                if small_area is not None and small_area.any():
                    changed |= _complete_columns(values, mask, secret, [num], with_den & ~small_area)
        if not changed:
            break
    for col in columns:
        mark(col, mask[col] & ~before[col], "complementary")
    for _ in range(len(plan.derived) + 1):  # a change of a rate derives from a derived value
        for target, sources in plan.derived.items():
            from_hidden = mask[[s for s in sources if s in mask]].any(axis=1) & ~mask[target]
            mark(target, from_hidden, "derived")
            mask[target] |= from_hidden
    if rebuilt:  # they decided the shares; no published file has a column of them
        keep = [c for c in mask.columns if c not in rebuilt]
        mask, reasons = mask[keep], reasons[keep]
        count_cols = [c for c in count_cols if c not in rebuilt]
        plan.unchecked += [c for c in rebuilt if c not in given]
    return Publication(mask=mask.astype(bool), reasons=reasons, threshold=float(threshold),
                       thresholds={c: t for c, t in plan.counts.items() if t != float(threshold)},
                       min_population=min_population if population else None, population=population,
                       counts=count_cols, derived=dict(plan.derived), unchecked=plan.unchecked,
                       totals={t: list(p) for t, p in (totals or {}).items()})


def cells_from_markers(frame: pd.DataFrame, markers: Sequence[str]) -> pd.DataFrame | None:
    """Cells listed as hidden in marker columns (``suppressed_fields``: comma-separated names per
    row, written by the join for the office's "·" and by a report for its rule), as a boolean
    frame over the listed columns that ``frame`` has; None without markers."""
    if not markers:
        return None
    hidden = pd.DataFrame(False, index=frame.index, columns=[c for c in frame.columns if c not in markers])
    for marker in markers:
        for row, text in frame[marker].items():
            for name in str(text or "").split(","):
                if name in hidden.columns:
                    hidden.at[row, name] = True
    return hidden.loc[:, hidden.any()]
