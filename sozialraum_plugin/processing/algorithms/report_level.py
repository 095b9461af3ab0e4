"""The report's level step: the joined districts summed to the parent level the definition names.

Runs after the joins and before the derive step (sozialraum:aggregate with RAW: the sums as they
are; the report's own publication rule decides what the parent level may show). From then on the
report runs on the parents: their key and name replace the districts', and rates are derived
from the summed counts like any rate of the definition.
"""
from __future__ import annotations

from copy import deepcopy

from qgis.core import QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication

translate = QCoreApplication.translate


def summed_counts(definition, columns) -> list:
    """The columns to sum: count indicators, the numerators and denominators of rates (every
    year's), the population fields, the publication's totals and the level's own ``counts``."""
    from ...core.publish.report_rule import population_setting

    wanted = list(definition.level.counts)
    for ind in definition.indicators:
        for _year, role, column in ind.inputs():
            if role in ("numerator", "denominator") or ind.kind == "count":
                wanted.append(column)
    population, _ = population_setting(definition)
    wanted += [population] if population else []
    wanted += [definition.index.population] if definition.index and definition.index.population else []
    for total, parts in definition.publication.totals.items():
        wanted += [total, *parts]
    return [c for c in dict.fromkeys(wanted) if c in columns]


def check_level(definition) -> None:
    """Refuse, before anything is joined or written, indicators that cannot be taken to the
    parent level: a value (a share without its counts) is neither summed nor recomputed, and no
    mean of the districts' shares is the parent's share. The level's own ``counts`` are summed."""
    from ...core.errors import MethodError

    level = definition.level
    summed = set(level.counts)
    values = [ind.id for ind in definition.indicators
              if ind.kind == "value" and not all(column in summed for _, _, column in ind.inputs())]
    if values:
        raise MethodError("level_values", parent=level.parent or level.parent_field, ids=", ".join(values))


def level_step(run, steps) -> None:
    """One run of sozialraum:aggregate; ``run.d`` becomes a copy keyed by the parents."""
    d, level = run.d, run.d.level
    layer = QgsVectorLayer(run.current, "joined", "ogr")
    counts = summed_counts(d, layer.fields().names())
    del layer
    params = {"INPUT": run.current, "KEY_FIELD": d.key, "COUNT_FIELDS": counts,
              "MISSING_AS_ZERO": level.missing_as_zero, "RAW": True, "OUTPUT": run._temp("level"),
              "LANGUAGE": run.lang}
    if level.lookup:
        params.update(LOOKUP=d.resolve(level.lookup), LOOKUP_KEY=level.key, LOOKUP_PARENT=level.parent)
        parent = level.parent
    else:
        params["PARENT_FIELD"] = level.parent_field
        parent = level.parent_field
    if level.name:
        params["PARENT_NAME"] = level.name
    steps.pushInfo(translate("Report", "Summing the districts to the parent level {0}: {1}").format(
        parent, ", ".join(counts)))
    run.children, run.district_definition, run.level_parent = run.current, d, parent
    result = run._run("sozialraum:aggregate", params, steps)
    run.current = run.joined = result["OUTPUT"]
    parents = deepcopy(d)
    parents.key, parents.name_field = parent, level.name or parent
    run.d = parents
    run.level_own = {parent, level.name or parent, "n_children"}


def level_publication(run, frame, publication):
    """The parents' rule (``publication``, over ``frame``) made safe beside the districts' own
    publication: a parent is hidden too where it, with the shown district figures and the city
    totals, would give a hidden district count back (core/publish/hierarchy). The districts'
    publication is the one their own report (the same definition without "level") would make."""
    import pandas as pd

    from ...core.areas.aggregate import parents_from_field, parents_from_lookup
    from ...core.publish.hierarchy import parent_rule
    from ...core.publish.report_rule import population_setting, report_publication
    from ...core.publish.rule import cells_from_markers
    from ...core.tables.read import read_table
    from ...gis import writer
    from ...gis.publish_layer import markers

    children, level, parent = run.children, run.d.level, run.level_parent
    layer = QgsVectorLayer(children, "districts", "ogr")
    own = QgsVectorLayer(run.boundaries, "boundaries", "ogr")
    names = [n for n in layer.fields().names() if n.lower() != "fid"]
    old = markers(layer)
    tables = [n for n in names if n not in set(own.fields().names()) and n not in old]
    child = writer.read_frame(layer, names)
    del layer, own
    child_publication = report_publication(child, run.district_definition, tables, cells_from_markers(child, old))
    if level.lookup:
        lookup = read_table(run.d.resolve(level.lookup), key_columns=[level.key, level.parent]).frame
        parent_of = parents_from_lookup(child[run.district_definition.key], lookup, level.key, level.parent,
                                        file=level.lookup)[0]
    else:
        parent_of = parents_from_field(child, level.parent_field)
    numbers = child.apply(lambda column: pd.to_numeric(column, errors="coerce"))
    population, minimum = population_setting(run.district_definition)  # the valid areas' Σ is published too
    valid = [numbers[population] >= minimum] if population in numbers else []
    return parent_rule(publication, frame, frame[parent], child_publication, numbers, parent_of, totals=valid)
