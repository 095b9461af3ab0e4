"""The report's series step: the years of the definition's indicators (core/series).

Runs after the joins (and after sozialraum:indicators for the rates of plain columns): builds the
long series from the joined wide columns, adds ``<id>_<year>`` and the report year's ``<id>`` to
the layer, and the changes (``change_between``) computed from the series. The publication step
(report_steps._publish_layer) then decides ``shown`` with the one rule and writes the table
``series`` into both GeoPackages (gis/series_table.py).
"""
from __future__ import annotations

from qgis.core import QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication

translate = QCoreApplication.translate


def series_wanted(definition) -> bool:
    """Tables per year, or an indicator reading another column ("of") without years."""
    return definition.has_years() or any(
        i.of and i.of != i.id and not i.change_between for i in definition.indicators)


def year_names(definition) -> set:
    """Before the joins: the yearly tables' columns as joined, and the series' year columns."""
    found = {f"{f}_{t.year}" for t in definition.tables if t.year is not None for f in t.fields}
    return found | {f"{i.id}_{y}" for i in definition.indicators for y in definition.table_years()}


def plan_for(run, columns):
    """The series plan over ``columns`` with the definition's years (yearly tables, and the years
    found in tables with a year column when their columns were read)."""
    from ...core.series.series import plan_years

    years = set(run.d.table_years()) | set(getattr(run, "long_years", set()))
    return plan_years(run.d.indicators, columns, years, run.d.report_year)


def rule_definition(run):
    """The definition as the publication rule and the profile pages see the district layer: every
    year of a yearly indicator an indicator of its own (``Q_2019`` of ``SGB2_2019`` / ``EW_2019``)."""
    from dataclasses import replace

    plan = getattr(run, "series_plan", None)
    return run.d if plan is None else replace(run.d, indicators=plan.rule_indicators())


def _check(frame, plan, key):
    """The checks sozialraum:indicators makes (negative counts, a share's numerator above its
    denominator, text in a number column), per year, naming the district."""
    from ...core.series.derived import derive, district_names
    from ...core.series.series import at_year

    wanted = [at_year(ind, y) for ind in plan.yearly() if ind.kind == "rate" for y in plan.years[ind.id]]
    wanted += plan.changes()
    if wanted:
        derive(frame, wanted, rows=district_names(frame[key].tolist(), frame.index))


def _warn_missing_years(run, steps, plan, columns: set) -> None:
    """An indicator without some of the definition's years (next year's table renamed its column)
    has those years left out of its series, maps and pages: said, naming the table and the column."""
    import os

    from ...core.series.series import read_names

    for ind in plan.yearly():
        for year in (y for y in plan.all_years if y not in plan.years[ind.id]):
            column = next((n for n in read_names(ind) if ind.year_column(n, year) not in columns), read_names(ind)[0])
            tables = [os.path.basename(t.path) for t in run.d.tables if t.year == year or t.year_column]
            steps.pushWarning(translate("Report", "The indicator {0} has no values for {1}: no table of that year "
                                                  "({2}) has its column {3}. Its years: {4}.").format(
                ind.id, year, ", ".join(tables) or "–", column, ", ".join(map(str, plan.years[ind.id]))))


def series_step(run, steps, plan) -> None:
    """Write the series' columns onto a copy of the joined layer (run.current)."""
    import pandas as pd

    from ...core.series.dynamics import changes
    from ...core.series.series import build_series, copy_columns, wide_columns
    from ...gis import writer

    key = run.d.key
    names = [ind.id for ind in plan.yearly()] + plan.copies + [ind.id for ind in plan.changes()]
    steps.pushInfo(translate("Report", "Series of {0} indicator(s) over the years {1}: {2}").format(
        len(names), ", ".join(map(str, plan.all_years)) or "–", ", ".join(names)))
    layer = QgsVectorLayer(run.current, "joined", "ogr")
    _warn_missing_years(run, steps, plan, set(layer.fields().names()))
    needed = list(dict.fromkeys(plan.inputs() + [key]))

    def compute(frame, _source):
        _check(frame, plan, key)
        series = build_series(frame, key, plan)
        run.series = series
        parts = [wide_columns(series, plan, frame, key), copy_columns(frame, plan), changes(frame, key, plan.changes())]
        return pd.concat(parts, axis=1)

    written = writer.write_results(layer, run._temp("series"), "series", needed, compute)
    run.current = written.uri
    run._next_step(steps)


def write_series_tables(run, internal_path: str, published_path: str) -> None:
    """``series`` in both GeoPackages: raw values with ``shown`` in the internal one; in the
    published one value, numerator and denominator empty where ``shown`` is False."""
    from ...core.series.series import apply_shown, published_series
    from ...gis.series_table import write_series

    if getattr(run, "series", None) is None:
        return
    series = apply_shown(run.series, run.publication.mask, run.frame[run.d.key])
    run.series = series
    write_series(internal_path, series)
    write_series(published_path, published_series(series))
