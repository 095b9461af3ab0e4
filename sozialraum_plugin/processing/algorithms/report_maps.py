"""The map section of a report: one thematic map per definition entry, then one PDF."""
from __future__ import annotations

import math
import os

from qgis.core import QgsProject


def print_maps(run, uri: str, steps) -> str:
    """Run sozialraum:thematicmap for each map of the definition; combine them as Karten.pdf."""
    from ...gis.layouts.combine import export_layouts_pdf
    from .thematic_map import derived_source

    d = run.d
    names = []
    # Without a source_text the maps name the files the data come from (tables, then boundaries).
    source = derived_source([d.resolve(t.path) for t in d.tables] + [d.resolve(d.boundaries)])
    for n, spec in enumerate(d.maps, start=1):
        known = any(i.id == spec.field for i in d.indicators)
        # a declared indicator goes as it is (INDICATORS: label as title and legend title, unit,
        # direction, count, counts and own threshold); the map's own title and unit come first
        params = {"INPUT": uri, "FIELD": spec.field, "METHOD": spec.method, "CLASSES": spec.classes,
                  "TITLE": spec.title, "SUBTITLE": spec.subtitle, "UNIT": spec.unit,
                  "INDICATORS": d.indicators_json([spec.field]),
                  "LEGEND_TITLE": "" if known else (spec.title or spec.field),
                  "SOURCE_TEXT": d.source_text or source,
                  "SUPPRESS_BELOW": math.ceil(float(d.publication.threshold)),
                  "OUTPUT": os.path.join(run.work, f"karte_{n}.pdf"), "LANGUAGE": run.lang, **house_style(d)}
        result = run._run("sozialraum:thematicmap", params, steps)
        names.append(result["LAYOUT"])
    run.map_layouts = names  # for the report's QGIS project (report_project.py)
    project = run.context.project() or QgsProject.instance()
    manager = project.layoutManager()
    layouts = [manager.layoutByName(name) for name in names]
    path = os.path.join(run.folder, "Karten.pdf")
    export_layouts_pdf([layout for layout in layouts if layout is not None], path, feedback=steps)
    return path


def house_style(d) -> dict:
    """The definition's style as thematic map parameters: set once, the same on every map."""
    style, params = d.style, {}
    if style.map_template:
        params["TEMPLATE"] = d.resolve(style.map_template)
    if style.logo:
        params["LOGO"] = d.resolve(style.logo)
    if style.colour:
        params["COLOUR"] = style.colour
    if style.font:
        params["FONT"] = style.font
    return params
