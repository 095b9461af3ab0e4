""""Next year": a report definition pointed at new tables, and what changed before it runs.

The planner swaps last year's files for this year's. Before anything is written they should see,
per table, which columns are gone or new and how many keys still match the boundaries, and which
indicators (maps, profile rows, index inputs) lose their column. Pure: the tables arrive as read
(``core.tables`` ReadResults or DataFrames), the districts as a DataFrame of their keys.
"""
from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass, field

import pandas as pd

from ..errors import SozialraumError
from .definition import ReportDefinition


@dataclass
class TableChange:
    """What one table of the definition looks like in its new file."""

    position: int  # 0-based, as in definition.tables
    old_path: str
    new_path: str
    key: str
    gone: list = field(default_factory=list)  # columns of last year's table missing now
    new: list = field(default_factory=list)  # columns only this year's table has
    used_gone: list = field(default_factory=list)  # of ``gone``: the ones the definition reads
    matched: int = 0
    n_districts: int = 0
    districts_without_row: list = field(default_factory=list)
    rows_without_district: list = field(default_factory=list)
    error: tuple | None = None  # (code, params): the table could not be read or joined

    @property
    def complete(self) -> bool:
        return self.error is None and not self.used_gone and self.matched == self.n_districts


@dataclass
class LostIndicator:
    """An entry of the definition that reads a column no table provides any more."""

    section: str  # "indicators[2]", "maps[0].field", "profiles.fields", …
    id: str
    column: str
    position: int  # the table the column came from


@dataclass
class DefinitionDiff:
    tables: list = field(default_factory=list)  # TableChange
    lost: list = field(default_factory=list)  # LostIndicator

    @property
    def clean(self) -> bool:
        """Nothing the report reads went missing and every district still has its rows."""
        return not self.lost and all(t.complete for t in self.tables)


def next_year(definition: ReportDefinition, new_paths: dict) -> ReportDefinition:
    """A copy of ``definition`` reading table ``n`` from ``new_paths[n]`` (others unchanged)."""
    copy = deepcopy(definition)
    for position, path in new_paths.items():
        if path:
            copy.tables[position].path = str(path)
    return copy


def table_columns(table) -> list:
    """Column names of a ReadResult or a DataFrame, as text."""
    frame = table.frame if hasattr(table, "frame") else table
    return [str(c) for c in frame.columns]


def used_columns(definition: ReportDefinition) -> set:
    """Every column the definition reads from its tables: fields named per table, the inputs of
    each indicator (a rate's counts, a change's year columns) and the columns named elsewhere."""
    used = {f for t in definition.tables for f in t.fields}
    for ind in definition.indicators:
        used |= {column for _year, _role, column in ind.inputs()}
    used |= {ident for _section, ident in definition.referenced_ids()}
    return used - definition.made_fields()


def compare_table(position: int, definition: ReportDefinition, old_columns, new_table, districts: pd.DataFrame,
                  transform="auto", new_path: str = "") -> TableChange:
    """One table: columns gone/new against ``old_columns`` (last year's as read, or the fields the
    definition names when the old file is gone) and its keys joined to ``districts``."""
    from ..tables.join import join_table

    spec = definition.tables[position]
    change = TableChange(position=position, old_path=spec.path, new_path=new_path or spec.path, key=spec.key,
                         n_districts=len(districts))
    old = [str(c) for c in old_columns if str(c) != spec.key]
    new = [c for c in table_columns(new_table) if c != spec.key]
    change.gone = [c for c in old if c not in new]
    change.new = [c for c in new if c not in old]
    wanted = set(spec.fields) or used_columns(definition)
    change.used_gone = [c for c in change.gone if c in wanted or c in spec.fields]
    if spec.key not in table_columns(new_table):
        change.error = ("column_not_found", {"column": spec.key, "file": change.new_path,
                                             "columns": ", ".join(new)})
        return change
    try:
        joined = join_table(districts, districts.columns[0], new_table, spec.key, transform=transform,
                            table_name=change.new_path)
    except SozialraumError as error:
        change.error = (error.code, dict(error.params))
        return change
    report = joined.report
    change.matched = report.matched
    change.n_districts = report.n_districts
    change.districts_without_row = list(report.districts_without_row)
    change.rows_without_district = list(report.rows_without_district)
    return change


def lost_indicators(definition: ReportDefinition, changes: list) -> list:
    """The definition's entries whose column one of ``changes`` lost (a key column gone counts
    for every column of that table)."""
    gone = {}
    for change in changes:
        for column in change.gone:
            gone.setdefault(column, change.position)
        if change.error and change.error[0] == "column_not_found" and change.error[1].get("column") == change.key:
            for column in definition.tables[change.position].fields:
                gone.setdefault(column, change.position)
    lost = []
    for n, ind in enumerate(definition.indicators):
        columns = [column for _year, _role, column in ind.inputs()] if ind.derived else [ind.base or ind.id]
        lost += [LostIndicator(f"indicators[{n}]", ind.id, c, gone[c]) for c in columns if c in gone]
    lost += [LostIndicator(section, ident, ident, gone[ident])
             for section, ident in definition.referenced_ids() if ident in gone]
    return lost


def diff_definition(definition: ReportDefinition, old_columns: dict, new_tables: dict,
                    districts: pd.DataFrame, transforms: dict | None = None,
                    new_paths: dict | None = None) -> DefinitionDiff:
    """The whole comparison. ``old_columns``/``new_tables``/``transforms``/``new_paths``: per
    table position; a table missing from ``new_tables`` is left as it is (not compared)."""
    changes = [compare_table(n, definition, old_columns.get(n, definition.tables[n].fields), table, districts,
                             (transforms or {}).get(n, "auto"), (new_paths or {}).get(n, ""))
               for n, table in sorted(new_tables.items())]
    return DefinitionDiff(tables=changes, lost=lost_indicators(definition, changes))
