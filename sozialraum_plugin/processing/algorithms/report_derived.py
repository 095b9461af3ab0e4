"""The report's derive step: rates and changes of the definition computed by sozialraum:indicators.

Runs after the joins and before the index, so the index, clusters, maps, profiles and the
appendix use a derived indicator like any column. Its inputs are checked before the first join,
so a definition naming a column no table provides stops before anything is written.
"""
from __future__ import annotations

import json
import os

from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback, QgsProcessingUtils
from qgis.PyQt.QtCore import QCoreApplication, QThread

from .report_store import source

translate = QCoreApplication.translate
CLASH_PREFIX = "tbl_"  # the jointable's prefix for a column the districts already have


# core modules import pandas: they are imported where used, not when QGIS loads the provider

def derived(definition) -> list:
    from ...core.series.derived import derived_only
    from ...core.supply.spec import made_fields

    made = made_fields(getattr(definition, "supply", None))  # the supply step writes these itself
    return [i for i in derived_only(definition.indicators) if i.id not in made]


def _table_columns(run, n: int, table, context) -> list[str]:
    """The columns table ``n`` adds: its field list, or all columns as the jointable reads them."""
    if table.fields and not table.year_column:
        return [f if table.year is None else f"{f}_{table.year}" for f in table.fields]
    alg = QgsApplication.processingRegistry().createAlgorithmById("sozialraum:jointable")
    if alg is None:
        return []
    params = {"TABLE": source(run, table.path), "TABLE_KEY": table.key, **table.options, **year_options(table)}
    if table.fields:
        params["FIELDS"] = ",".join(table.fields)
    result = alg.read(params, context, QgsProcessingFeedback(), table.key)  # nothing is written
    return [str(c) for c in result.frame.columns if str(c) != table.key]


def year_options(table) -> dict:
    """The jointable's parameters for a yearly table or a table with a year column."""
    options = {}
    if table.year is not None:
        options["TABLE_YEAR"] = str(table.year)
    if table.year_column:
        options["LONG_YEAR"] = table.year_column
    return options


def _lookup_context(run):
    """The context to find the boundaries and tables in, as Processing finds them. Off the main
    thread (the report run as a task) the project's live layers are not touched: a context of its
    own, without the project, opens them anew from their source (a project layer named only by its
    id or name is then not found, and the derive step checks its inputs itself)."""
    if QThread.currentThread() == QCoreApplication.instance().thread():
        return run.context
    # kept with the run, not thrown away when check_inputs returns: freed then, its layer store
    # deleted the boundaries layer behind its Python wrapper's back, and the next step's layer, made
    # at the same address, was found "deleted" (RuntimeError in the first join, now and then)
    private = getattr(run, "_lookup_context", None)
    if private is None:
        private = QgsProcessingContext()  # no project: nothing shared with the main thread
        private.setTransformContext(run.context.transformContext())
        run._lookup_context = private
    return private


def check_inputs(run) -> None:
    """Every input column of a derived indicator exists after the joins, or a message names it;
    on a parent level, every indicator can be taken there."""
    from ...core.report.definition import DefinitionError
    from ...core.series.derived import missing_inputs
    from .report_level import check_level
    from .report_series import plan_for, series_wanted

    if getattr(run.d, "level", None):
        check_level(run.d)
    wanted = derived(run.d)
    series = series_wanted(run.d)
    if not wanted and not series:
        return
    context = _lookup_context(run)
    layer = QgsProcessingUtils.mapLayerFromString(run.current, context)
    if layer is None:
        return  # the boundaries step names that problem; the derive step checks its inputs itself
    available = set(layer.fields().names())
    lacking = missing_inputs(wanted, available)
    given = {}  # a yearly table's joined column → the tables giving it
    for n, table in enumerate(run.d.tables, start=1):
        if not lacking and not series:
            break
        columns = _table_columns(run, n, table, context)
        if table.year is not None:
            for column in columns:
                given.setdefault(column, []).append(os.path.basename(table.path))
        # the jointable prefixes only a column the districts already have: tbl_ of every column
        # listed 18 columns no table has in the message ("Columns: …, tbl_NEF_2019, …")
        available |= set(columns) | {CLASH_PREFIX + c for c in columns if c in available}
        if table.year_column:  # its years are known now
            from ...core.series.series import years_from_columns

            run.long_years = getattr(run, "long_years", set()) | set(years_from_columns(columns))
        lacking = missing_inputs(wanted, available)
    if series:  # a year missing, a column in no table, … named before anything is written
        plan = plan_for(run, available)
        _refuse_a_year_twice(plan, given)
        wanted = [i for i in wanted if not plan.handles(i)] + plan.changes()
        lacking = missing_inputs(wanted, available)
    if lacking:
        indicator, column = lacking[0]
        raise DefinitionError("indicator_input_missing", indicator=indicator, column=column,
                              available=", ".join(sorted(available)))


def _refuse_a_year_twice(plan, given: dict) -> None:
    """Two yearly tables giving one column the series reads for the same year (the 2020 file entered
    as "year": 2021 by a copied entry): the first joined won, and the report printed 2020's values
    as 2021's, its change over one year too short, without a word."""
    from ...core.report.definition import DefinitionError
    from ...core.series.series import years_from_columns

    for column in plan.inputs():
        files = given.get(column, [])
        if len(files) > 1:
            year = years_from_columns([column])
            raise DefinitionError("year_tables_same_column", first=files[0], second=files[1],
                                  column=column.rsplit("_", 1)[0], year=year[0] if year else "?")


def derive_step(run, steps) -> None:
    """One run of sozialraum:indicators over the joined layer (rates and changes of plain columns),
    then the series step (report_series.py) for the indicators with years."""
    from qgis.core import QgsVectorLayer

    from .report_series import plan_for, series_step, series_wanted

    plan = None
    if series_wanted(run.d):
        if run.d.tables and any(t.year_column for t in run.d.tables) and not hasattr(run, "long_years"):
            check_inputs(run)  # (not run yet: reads the years of the tables with a year column)
        plan = run.series_plan = plan_for(run, QgsVectorLayer(run.current, "joined", "ogr").fields().names())
    wanted = [i for i in derived(run.d) if plan is None or not plan.handles(i)]
    if plan is not None:
        _derive(run, steps, wanted)
        series_step(run, steps, plan)
        return
    _derive(run, steps, wanted)


def _derive(run, steps, wanted) -> None:
    if not wanted:
        return
    steps.pushInfo(translate("Report", "Computing {0} indicator(s) from counts: {1}").format(
        len(wanted), ", ".join(i.id for i in wanted)))
    params = {"INPUT": run.current, "INDICATORS": json.dumps([i.to_dict() for i in wanted], ensure_ascii=False),
              "KEY_FIELD": run.d.key, "OUTPUT": run._temp("indicators")}
    run.current = run._run("sozialraum:indicators", params, steps)["OUTPUT"]


def derive_steps(definition) -> int:
    """Steps of the derive and series stage, for the progress bar (counted before the joins)."""
    from .report_series import series_wanted

    if series_wanted(definition):
        plain = [i for i in derived(definition) if not i.change_between and not definition.has_years()]
        return 1 + bool(plain)
    return int(bool(derived(definition)))


