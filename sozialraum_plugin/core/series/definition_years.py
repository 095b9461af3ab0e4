"""The years of a report definition: yearly tables, tables with a year column, the period.

``"year": 2021`` on a table entry: its columns are joined as ``<column>_2021``;
``"year_column": "Jahr"``: a table with one row per district and year, pivoted to the same names
(core/tables_pivot.py). ``"period": 2`` at the top: ``"change_between": "period"`` on an indicator
means the change over the two years ending in the report year (``"report_year"``, default: the
latest year of the yearly tables). Kept beside core/report_definition.py, which calls it.
"""
from __future__ import annotations

from dataclasses import asdict
from typing import Any, Optional


def _error(file: str, section: str, reason: str):
    from ..report.definition import DefinitionError  # (report_definition imports this module)

    return DefinitionError("definition_invalid", file=file, section=section, reason=reason)


def table_dict(table) -> dict:
    """A table entry without its empty year entries (older definitions stay as they were)."""
    from ..report.db_source import source_to_json

    data = asdict(table)
    data["path"] = source_to_json(data["path"])
    if data["year"] is None:
        del data["year"]
    if not data["year_column"]:
        del data["year_column"]
    return data


def whole(value: Any, file: str, section: str, low: int, high: int) -> Optional[int]:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _error(file, section,
                     f"{value!r} is no whole number from {low} to {high}")
    return value


def table_entry(data: Any, file: str, n: int):
    from ..report.db_source import source_from_json
    from ..report.definition import TableSpec, _build

    section = f"tables[{n}]"
    if isinstance(data, dict) and "path" in data:  # a database table: one string inside (db_source)
        data = {**data, "path": source_from_json(data["path"], file, f"{section}.path")}
    table = _build(TableSpec, data, file, section)
    if table.year is not None:
        whole(table.year, file, f"{section}.year", 1000, 3000)
    if not isinstance(table.year_column, str):
        raise _error(file, f"{section}.year_column",
                     f"{table.year_column!r} is no column name")
    if table.year is not None and table.year_column:
        raise _error(file, section,
                     "a table has either a year (a yearly table) or a year_column (one row per "
                     "district and year), not both")
    return table


#: Marks (in ``Indicator.extra``) a change read as ``"period"``, so that it is written back as such:
#: saved with its years, it would stay on them when next year's table is added.
PERIOD_MARK = "change_between_period"


def periods(items: Any, period: Optional[int], report_year: Optional[int], file: str) -> Any:
    """``"change_between": "period"``: the ``period`` years ending in the report year."""
    if not isinstance(items, list):
        return items
    out = []
    for n, item in enumerate(items):
        if isinstance(item, dict) and item.get("change_between") == "period":
            if period is None or report_year is None:
                raise _error(file, f"indicators[{n}].change_between",
                             "\"period\" needs the definition's \"period\" (years) and a report "
                             "year (\"report_year\", or tables with a \"year\")")
            extra = item.get("extra") or {}
            if isinstance(extra, dict):  # (another type is named by the Indicator's own check)
                extra = {**extra, PERIOD_MARK: True}
            item = {**item, "change_between": [report_year - period, report_year], "extra": extra}
        out.append(item)
    return out


def period_entry(entry: dict, ind, definition) -> dict:
    """An indicator's written entry: ``"change_between": "period"`` again where it was read so
    and its years are still the period's (changed in the builder: the years as they are now)."""
    extra = dict(entry.get("extra") or {})
    if not extra.pop(PERIOD_MARK, False):
        return entry
    entry = {k: v for k, v in entry.items() if k != "extra"}
    if extra:
        entry["extra"] = extra
    years = definition.table_years()
    end = definition.report_year or (years[-1] if years else None)
    if definition.period and end and tuple(ind.change_between or ()) == (end - definition.period, end):
        entry["change_between"] = "period"
    return entry


def check_years(definition, file: str) -> None:
    """With yearly tables only, every year a change names must be one of theirs (a table with a
    year column: checked when its years are read, core.series.plan_years)."""
    if not definition.year_tables_only():
        return
    years = definition.table_years()
    for n, ind in enumerate(definition.indicators):
        for year in ind.change_between or ():
            if year not in years:
                raise _error(file, f"indicators[{n}]",
                             f"the indicator {ind.id} needs the year {year}, but the tables hold "
                             f"the years {', '.join(map(str, years))}")
    if definition.report_year is not None and definition.report_year not in years:
        raise _error(file, "report_year",
                     f"{definition.report_year} is not a year of the tables "
                     f"({', '.join(map(str, years))})")
