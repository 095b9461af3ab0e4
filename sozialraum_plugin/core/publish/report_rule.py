"""The publication rule as a report applies it: its settings from the report definition.

Kept apart from rule.py because it decides which columns of a joined district layer are counts:
the definition's indicators say so for the columns they name; any other table column holding
only whole numbers is taken as a count too (a count nobody declared must not slip through; a
column of whole-number shares loses only its 1s and 2s). ``"kind": "value"`` in the definition
declares such a column a value.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..report.definition import ReportDefinition
from ..series.indicators import YEAR_COLUMN, Indicator
from .disclosure import DEFAULT_MIN_POPULATION
from .rule import Publication, publication_rule

#: Columns the report's own steps add: results, not counts of a table.
COMPUTED = {"valid", "note", "status_index", "status_class", "status_code", "dynamic_index", "dynamic_class",
            "dynamic_code", "group", "group_code", "attention", "cluster", "cluster_label",
            "rank", "rank_low", "rank_high", "rank_median", "p_top"}  # (the last: needs/robust.py RANK_COLUMNS)


def whole_numbers(series: pd.Series) -> bool:
    """Numeric with at least one value, and every value a whole number."""
    values = pd.to_numeric(series, errors="coerce")
    known = values.dropna()
    if known.empty or values.notna().sum() < series.notna().sum():  # text in it: not a count column
        return False
    return bool(np.all(np.isclose(known, np.round(known))))


def _named(ind: Indicator) -> list:
    """The columns an indicator names: its own, its counts, and their year columns."""
    names = [n for n in (ind.id, ind.numerator, ind.denominator, ind.base) if n]
    years = ind.change_between or ()
    return names + [YEAR_COLUMN.format(name=n, year=y) for n in names for y in years]


def _computed(definition: ReportDefinition) -> set:
    """COMPUTED as this report makes it: the rank columns only with robust ranks; without, a table's own
    column named 'rank' or 'p_top' is a column like any other (a count when it holds whole numbers)."""
    from ..needs.robust import RANK_COLUMNS
    from ..report.uncertainty_spec import rank_fields

    return (COMPUTED - set(RANK_COLUMNS)) | set(rank_fields(definition.index))


def population_setting(definition: ReportDefinition) -> tuple[str | None, float | None]:
    """The population field and minimum: the publication section's, else the index's."""
    spec, index = definition.publication, definition.index
    population = spec.population or (index.population if index else "")
    minimum = spec.min_population
    if minimum is None:
        minimum = index.min_population if index else DEFAULT_MIN_POPULATION
    return (population or None), (float(minimum) if population else None)


def report_publication(frame: pd.DataFrame, definition: ReportDefinition, table_columns,
                       hidden: pd.DataFrame | None = None) -> Publication:
    """The rule over a report's district layer (one row per district)."""
    named = {c for ind in definition.indicators for c in _named(ind)}  # the rule plans these itself
    computed = _computed(definition)
    implicit = [c for c in table_columns if c in frame.columns and c not in named and c not in computed
                and whole_numbers(frame[c])]
    population, minimum = population_setting(definition)
    if population and population not in frame.columns:
        population, minimum = None, None
    derived = index_inputs(definition)
    counted = (definition.index.population if definition.index else "") or population
    if counted and counted in frame.columns and "note" in frame.columns:
        derived["note"] = [counted]  # the index's note prints the population: "unter 300 EW (2)"
    declared = dict(definition.publication.totals)
    values = {ind.id for ind in definition.indicators if ind.change_between or ind.kind != "count"}
    counts = [c for c in table_columns if c in frame.columns and c not in computed and c not in values
              and whole_numbers(frame[c])]
    totals = {**found_totals(frame, counts, declared), **declared}
    from ..supply.spec import rule_additions  # the supply step's fields: declared or not, under the rule

    extra, supply_derived = rule_additions(definition, frame.columns)
    derived.update(supply_derived)
    return publication_rule(frame, definition.indicators + extra, counts=implicit, population=population,
                            min_population=minimum, threshold=float(definition.publication.threshold),
                            totals=totals, hidden=hidden, derived=derived)


def found_totals(frame: pd.DataFrame, columns, declared=None) -> dict:
    """``{total: [a, b]}`` for whole-number table columns where total = a + b in every area with
    all three (at least three areas, both parts not all 0): a total nobody declared still gives a
    hidden part back (ew − ab15 = the children). Declared totals are kept as they are."""
    declared = declared or {}
    columns = list(columns)
    if len(columns) < 3:
        return {}
    matrix = np.column_stack([pd.to_numeric(frame[c], errors="coerce").to_numpy(dtype=float) for c in columns])
    present = ~np.isnan(matrix)
    nonzero = (np.nan_to_num(matrix) != 0)
    found = {}
    for i in range(len(columns)):
        for j in range(i + 1, len(columns)):
            both = present[:, i] & present[:, j]
            if not (nonzero[:, i] & both).any() or not (nonzero[:, j] & both).any():
                continue
            pair = matrix[:, i] + matrix[:, j]
            known = both[:, None] & present
            close = np.abs(np.nan_to_num(matrix - pair[:, None])) < 0.5
            match = np.all(close | ~known, axis=0) & (known.sum(axis=0) >= 3)
            for k in np.flatnonzero(match):
                total = columns[k]
                if k not in (i, j) and total not in declared and total not in found:
                    found[total] = [columns[i], columns[j]]
    return found


def index_inputs(definition: ReportDefinition) -> dict:
    """The need index of an area from its inputs: with the area's other inputs shown and the other
    areas' indices printed (μ and σ follow from two of them), a hidden input is solved back from
    the area's index. So an index is hidden where one of its inputs is.

    The same holds for what the index step writes beside it: ``z_<id>`` = (value − μ) / σ gives
    its input back exactly (μ and σ from two shown areas), ``status_sum`` / ``dynamic_sum`` give
    the index back; classes, codes, group and attention narrow a hidden index to its class."""
    index = definition.index
    if index is None:
        return {}
    status, dynamic = list(index.status), list(index.dynamic)
    found = {f"z_{field}": [field] for field in status + dynamic}
    found.update({"status_sum": status, "status_index": status,
                  "dynamic_sum": dynamic, "dynamic_index": dynamic})
    both = [c for c, fields in (("status_index", status), ("dynamic_index", dynamic)) if fields]
    found.update({"status_class": ["status_index"], "status_code": ["status_index"],
                  "dynamic_class": ["dynamic_index"], "dynamic_code": ["dynamic_index"],
                  "group": both, "group_code": both, "attention": both})
    if getattr(index, "uncertainty", None):  # a rank orders the index: hidden with it (needs/robust.py)
        from ..needs.robust import RANK_COLUMNS

        found.update({column: ["status_index"] for column in RANK_COLUMNS})
    return {target: fields for target, fields in found.items()
            if fields and not (target.startswith("dynamic_") and not dynamic)}
