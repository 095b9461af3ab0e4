"""The map section of a report: one thematic map per definition entry, then one PDF."""
from __future__ import annotations

import math
import os

from qgis.core import QgsProject


def print_maps(run, uri: str, steps) -> str:
    """Run sozialraum:thematicmap for each map of the definition; combine them as Karten.pdf."""
    from ...core.report.db_source import source_label
    from ...gis.layouts.combine import export_layouts_pdf
    from .thematic_map import derived_source

    d = run.d
    names = []
    # Without a source_text the maps name the files the data come from (tables, then boundaries).
    sources = [t.path for t in d.tables] + [d.boundaries]
    source = derived_source([source_label(d.resolve(s)) for s in sources])  # a database table as schema.table
    first_style = None
    for n, spec in enumerate(d.maps, start=1):
        ind = d.indicator(spec.indicator_id())
        known = any(i.id == spec.indicator_id() for i in d.indicators)
        fields = spec.mapped_fields()
        # a declared indicator goes as it is (INDICATORS: counts, rates, own threshold); its label,
        # unit, direction and kind are also given as parameters, as the years of one (S3_2019, …)
        # are fields other than its id
        threshold = ind.threshold if ind.threshold is not None else d.publication.threshold
        params = {"INPUT": uri, "FIELD": fields[0], "SERIES_FIELDS": fields[1:], "POOLED": spec.pooled,
                  "SMALL_MULTIPLES": spec.small_multiples, "METHOD": map_method(spec, ind), "CLASSES": spec.classes,
                  "TITLE": spec.title or ind.label, "SUBTITLE": spec.subtitle, "UNIT": map_unit(spec, ind, run.lang),
                  "INDICATORS": run.indicators_json([spec.indicator_id()]),
                  "LEGEND_TITLE": ind.label if known else (spec.title or spec.indicator_id()),
                  "SOURCE_TEXT": d.source_text or source, "INVERT": ind.direction < 0,
                  # the threshold the report's rule used for it: the map's note prints it
                  "SUPPRESS_BELOW": math.ceil(float(threshold)),
                  "FIELD_IS_COUNT": known and ind.kind == "count" and not ind.change_between,
                  "OUTPUT": os.path.join(run.work, f"karte_{n}.pdf"), "LANGUAGE": run.lang, **house_style(d)}
        before = _style_names(uri)
        result = run._run("sozialraum:thematicmap", params, steps)
        names.append(result["LAYOUT"])
        if n == 1:
            first_style = next(iter(_style_names(uri) - before), None)
    if len(d.maps) > 1 and first_style:
        _make_default(uri, first_style, run.words)
    run.map_layouts = names  # for the report's QGIS project (report_project.py)
    project = run.context.project() or QgsProject.instance()
    manager = project.layoutManager()
    layouts = [manager.layoutByName(name) for name in names]
    path = os.path.join(run.folder, "Karten.pdf")
    export_layouts_pdf([layout for layout in layouts if layout is not None], path, feedback=steps)
    return path


def _style_names(uri: str) -> set:
    """The names of the styles kept in the layer's GeoPackage."""
    from qgis.core import QgsVectorLayer

    options = QgsVectorLayer.LayerOptions()
    options.loadDefaultStyle = False
    layer = QgsVectorLayer(uri, "styles", "ogr", options)
    return set(layer.listStylesInDatabase()[2]) if layer.isValid() else set()


def _make_default(uri: str, name: str, words) -> None:
    """The first map's style as the layer's default again (each map saves its own as default, so the
    last one won): whoever opens the layer, or the report's database table, sees the report's first
    map, the one the definition puts first."""
    from qgis.core import QgsVectorLayer
    from qgis.PyQt.QtXml import QDomDocument

    from ...gis.style_storage import save_style_to_gpkg

    options = QgsVectorLayer.LayerOptions()
    options.loadDefaultStyle = False
    layer = QgsVectorLayer(uri, "styles", "ogr", options)
    _count, ids, found, descriptions, _error = layer.listStylesInDatabase()
    if name not in found:
        return
    document = QDomDocument()
    if not document.setContent(layer.getStyleFromDatabase(ids[found.index(name)])[0]):
        return
    layer.importNamedStyle(document)
    save_style_to_gpkg(layer, name, layer.renderer(), True, words)  # (its description in the output language)


def map_method(spec, ind) -> str:
    """The entry's method; without one, classes symmetric around 0 for a change (an indicator with
    change_between, or a unit in points such as '%-Pkt.'), else natural breaks."""
    from ...gis.diverging import is_change

    if spec.method:
        return spec.method
    return "diverging" if is_change(ind, spec.unit or ind.unit) else "jenks"


def map_unit(spec, ind, lang) -> str:
    """The entry's unit, else the indicator's; a change of a % (‰) value is in points (core/formatting)."""
    from ...core.formatting import POINT_UNITS, difference_unit

    if spec.unit:
        return spec.unit
    if ind.change_between and ind.unit in POINT_UNITS:
        return difference_unit(ind.unit, lang)
    return ind.unit


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
