"""The report's derive step: rates and changes of the definition computed by sozialraum:indicators.

Runs after the joins and before the index, so the index, clusters, maps, profiles and the
appendix use a derived indicator like any column. Its inputs are checked before the first join,
so a definition naming a column no table provides stops before anything is written.
"""
from __future__ import annotations

import json

from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback, QgsProcessingUtils
from qgis.PyQt.QtCore import QCoreApplication, QThread

translate = QCoreApplication.translate
CLASH_PREFIX = "tbl_"  # the jointable's prefix for a column the districts already have


# core modules import pandas: they are imported where used, not when QGIS loads the provider

def derived(definition) -> list:
    from ...core.series.derived import derived_only

    return derived_only(definition.indicators)


def _table_columns(run, n: int, table, context) -> list[str]:
    """The columns table ``n`` adds: its field list, or all columns as the jointable reads them."""
    if table.fields:
        return list(table.fields)
    alg = QgsApplication.processingRegistry().createAlgorithmById("sozialraum:jointable")
    if alg is None:
        return []
    params = {"TABLE": run.d.resolve(table.path), "TABLE_KEY": table.key, **table.options}
    result = alg.read(params, context, QgsProcessingFeedback(), table.key)  # nothing is written
    return [str(c) for c in result.frame.columns if str(c) != table.key]


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
    """Every input column of a derived indicator exists after the joins, or a message names it."""
    from ...core.report.definition import DefinitionError
    from ...core.series.derived import missing_inputs

    wanted = derived(run.d)
    if not wanted:
        return
    context = _lookup_context(run)
    layer = QgsProcessingUtils.mapLayerFromString(run.current, context)
    if layer is None:
        return  # the boundaries step names that problem; the derive step checks its inputs itself
    available = set(layer.fields().names())
    lacking = missing_inputs(wanted, available)
    for n, table in enumerate(run.d.tables, start=1):
        if not lacking:
            break
        columns = _table_columns(run, n, table, context)
        available |= set(columns) | {CLASH_PREFIX + c for c in columns}
        lacking = missing_inputs(wanted, available)
    if lacking:
        indicator, column = lacking[0]
        raise DefinitionError("indicator_input_missing", indicator=indicator, column=column,
                              available=", ".join(sorted(available)))


def derive_step(run, steps) -> None:
    """One run of sozialraum:indicators over the joined layer."""
    wanted = derived(run.d)
    if not wanted:
        return
    steps.pushInfo(translate("Report", "Computing {0} indicator(s) from counts: {1}").format(
        len(wanted), ", ".join(i.id for i in wanted)))
    params = {"INPUT": run.current, "INDICATORS": json.dumps([i.to_dict() for i in wanted], ensure_ascii=False),
              "KEY_FIELD": run.d.key, "OUTPUT": run._temp("indicators")}
    run.current = run._run("sozialraum:indicators", params, steps)["OUTPUT"]

