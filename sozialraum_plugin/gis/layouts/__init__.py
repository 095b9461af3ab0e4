"""Thematic map layouts: styled layers and a print layout in the project, then export.

:func:`compose` is the one entry point: it classifies every field first (so a bad field fails
before the project is touched), then puts the styled layers into one layer-tree group and the
layout into the Layout Manager, both named ``Sozialraum – <Titel>``. Running it again with the
same title replaces both, never duplicates them. The user's own layer is never restyled: the map
uses copies that read the same source.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsPrintLayout,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QRectF

from ..classify import default_words
from ..styles import apply_labels, mask_label, mask_renderer, thematic_style
from .map_page import (
    MapPage,
    PageStyle,
    build_layout,
    fit_rect,
    padded,
    replace_layout,
)

PREFIX = "Sozialraum \u2013 "


@dataclass
class MapRequest:
    layer: QgsVectorLayer
    fields: list[str]
    method: str = "jenks"
    classes: int = 5
    title: str = ""
    subtitle: str = ""
    legend_title: str = ""
    ramp: str = "auto"
    invert: bool = False
    valid_field: str | None = "valid"
    unit: str = ""
    interval: float | None = None
    multiples: list[float] | None = None
    label_field: str = ""
    mask_layer: QgsVectorLayer | None = None
    template: str = ""
    page: PageStyle = field(default_factory=PageStyle)
    markers: list = field(default_factory=list)  # columns listing hidden cells ('not shown')
    rule_notes: dict = field(default_factory=dict)  # field → the publication rule in words, for the note
    words: object = None  # the output language (OutputWords); German when None
    pooled: bool = False  # several fields: one classification over all their values (gis/pooled.py)
    small_multiples: bool = False  # several fields on one page, one map each (pooled breaks)


@dataclass
class ComposedMap:
    layout: QgsPrintLayout
    styles: list
    layers: list
    thematic_layers: list
    words: object = None


def layout_name(title: str, words=None) -> str:
    return PREFIX + (title or default_words(words).translate("MapText", "Map"))


def known_titles(words=None) -> dict[str, str]:
    """Readable titles for the columns the other Sozialraum algorithms write."""
    words = default_words(words)
    return {
        "status_index": words.translate("MapText", "Status index"),
        "status_class": words.translate("MapText", "Social status"),
        "dynamic_index": words.translate("MapText", "Dynamics index"),
        "dynamic_class": words.translate("MapText", "Dynamics"),
        "group": words.translate("MapText", "Status and dynamics"),
        "cluster": words.translate("MapText", "Need clusters"),
        "cluster_label": words.translate("MapText", "Need clusters"),
    }


def display_name(layer: QgsVectorLayer, name: str, unit: str = "", words=None) -> str:
    """The field's alias, a known title, or its name; with the unit when not already in it."""
    alias = layer.fields().field(name).alias() if layer.fields().indexFromName(name) >= 0 else ""
    alias = alias or known_titles(words).get(name, name)
    return f"{alias} ({unit})" if unit and unit not in alias else alias


def map_crs(crs: QgsCoordinateReferenceSystem, extent: QgsRectangle) -> QgsCoordinateReferenceSystem:
    """Projected CRS for the map: geographic data is drawn in ETRS89 / UTM 32N or 33N."""
    if not crs.isValid() or not crs.isGeographic():
        return crs  # projected (also custom ones such as Köln's), or unknown: draw as it is
    zone = 33 if extent.center().x() >= 12.0 else 32
    return QgsCoordinateReferenceSystem(f"EPSG:258{zone}")


def map_extent(layers: list, crs, project) -> QgsRectangle:
    extent = QgsRectangle()
    for layer in layers:
        transform = QgsCoordinateTransform(layer.crs(), crs, project)
        box = transform.transformBoundingBox(layer.extent())
        extent = box if extent.isEmpty() else extent.combineExtentWith(box) or extent
    return extent


def best_orientation(extent: QgsRectangle, size: str = "A4") -> str:
    """Portrait only when it gives a clearly larger map (> 15 %) for the data's shape: beside the
    map in landscape, the legend uses the page better than the band below a portrait map."""
    areas = {}
    for orientation in ("landscape", "portrait"):
        style = PageStyle(size, orientation, font="")
        w, h = style.dims()
        m, k = style.margin, style.k
        if orientation == "landscape":
            box = QRectF(0, 0, w - 2 * m - 78 * k, h - 2 * m - 32 * k)
        else:
            box = QRectF(0, 0, w - 2 * m, h - 2 * m - 32 * k - 60 * k)
        rect = fit_rect(box, padded(extent))
        areas[orientation] = rect.width() * rect.height()
    return "portrait" if areas["portrait"] > 1.15 * areas["landscape"] else "landscape"


def copy_layer(layer: QgsVectorLayer, name: str) -> QgsVectorLayer:
    """A new layer on the same data (memory layers are copied: their source is not shareable)."""
    if layer.providerType() == "memory":
        copy = layer.materialize(QgsFeatureRequest())
        copy.setName(name)
        return copy
    options = QgsVectorLayer.LayerOptions()
    options.loadDefaultStyle = False  # a style saved in the GeoPackage must not add its labels
    copy = QgsVectorLayer(layer.source(), name, layer.providerType(), options)
    copy.setSubsetString(layer.subsetString())
    return copy


def replace_group(project, name: str):
    """A fresh layer-tree group ``name`` at the top; an old one and its layers are removed."""
    root = project.layerTreeRoot()
    old = root.findGroup(name)
    if old is not None:
        project.removeMapLayers([node.layerId() for node in old.findLayers()])
        old.parent().removeChildNode(old)
    return root.insertGroup(0, name)


def _add(project, group, layer) -> None:
    project.addMapLayer(layer, False)
    group.addLayer(layer)


def compose(request: MapRequest, project=None) -> ComposedMap:
    """Style every field, add layers and the layout to ``project``; nothing is exported yet.

    Everything is read from the input and copied *before* the old group is removed: Processing
    resolves an input path to a project layer of the same source, which may be last run's copy.
    """
    from ..publish_layer import marker_expression  # (its GeoPackage code waits until a map is made)

    project = project or QgsProject.instance()
    layer = request.layer
    words = default_words(request.words)
    pooled = None
    multiples = request.small_multiples and len(request.fields) > 1
    if (request.pooled or multiples) and len(request.fields) > 1 and request.method != "categorized":
        from ..pooled import pooled_classification

        pooled = pooled_classification(
            layer, request.fields, request.method, request.classes, valid_field=request.valid_field,
            hidden_of=lambda f: marker_expression(f, request.markers), unit=request.unit,
            interval=request.interval, multiples=request.multiples, words=words)
    styles = [thematic_style(layer, f, request.method, request.classes, ramp=request.ramp,
                             invert=request.invert, valid_field=request.valid_field, unit=request.unit,
                             interval=request.interval, multiples=request.multiples,
                             hidden=marker_expression(f, request.markers), words=words, pooled=pooled)
              for f in request.fields]
    shown_renderers = [(style.renderer, style.nodata) for style in styles]
    if multiples:  # one legend for all maps: labels without a year's counts, every no-data kind
        from .small_multiples import shared_legend_renderers

        shown_renderers = shared_legend_renderers(layer, styles, request, words)
    crs = map_crs(layer.crs(), layer.extent())
    extent = map_extent([layer], crs, project)
    mask = None
    if request.mask_layer is not None:
        mask = copy_layer(request.mask_layer, mask_label(words))
        mask.setRenderer(mask_renderer())
    series = len(request.fields) > 1
    sets = []  # (shown name, thematic, overlay or None) per page
    for field_name, (renderer, nodata) in zip(request.fields, shown_renderers):
        shown = display_name(layer, field_name, request.unit, words)
        thematic = copy_layer(layer, shown)
        thematic.setRenderer(renderer.clone())  # layers own their renderer
        if request.label_field:
            apply_labels(thematic, request.label_field, 6.0 * request.page.k, request.page.font)
        overlay = None
        if nodata is not None:
            overlay = copy_layer(layer, words.translate("MapText", "not assessed / no data"))
            overlay.setRenderer(nodata.clone())
        sets.append((shown, thematic, overlay))
    name = layout_name(request.title, words)
    group = replace_group(project, name)  # from here on, request.layer may be gone
    if mask:
        _add(project, group, mask)
    pages, added, thematics = [], [mask] if mask else [], []
    for index, ((shown, thematic, overlay), style) in enumerate(zip(sets, styles)):
        target = group.addGroup(shown) if series else group
        target.setItemVisibilityChecked(index == 0 or not series)
        layers = [overlay, thematic] if overlay else [thematic]
        for item in layers:
            _add(project, target, item)
        stack = ([mask] if mask else []) + layers
        legend = [thematic] + layers[:-1] + ([mask] if mask else [])
        titles = _titles(request, shown, series)
        legend_title = (request.legend_title or shown) if not series else shown
        note = " ".join(t for t in (style.note, request.rule_notes.get(style.field, "")) if t)
        pages.append(MapPage(titles[0], stack, legend, crs, extent, subtitle=titles[1],
                             legend_title=legend_title, note=note))
        added += layers
        thematics.append(thematic)
    if multiples:
        from .small_multiples import multiples_layout

        layout = multiples_layout(project, name, request, pages, sets, styles, words)
    else:
        layout = page_layout(project, name, pages, request.page, request.template)
    replace_layout(project, layout)
    return ComposedMap(layout, styles, added, thematics, words)


def page_layout(project, name: str, pages: list, style: PageStyle, template: str = ""):
    """The pages from ``template``, else from the shipped template for the page's size and
    orientation (built in code where that file is missing, e.g. while the templates are made)."""
    import os

    from .map_template import build_from_template, shipped_template

    path = template or shipped_template(style.size, style.orientation)
    if not template and not os.path.isfile(path):
        return build_layout(project, name, pages, style)
    # the shipped templates take the machine's best font; a city's own keeps its fonts unless the
    # report names a house font
    family = style.house_font or ("" if template else style.font)
    return build_from_template(project, name, pages, style, path, family)


def _titles(request: MapRequest, shown: str, series: bool) -> tuple[str, str]:
    if not series:
        return request.title or shown, request.subtitle
    subtitle = " \u2013 ".join(t for t in (request.title, request.subtitle) if t)
    return shown, subtitle


def build_from_template(project, name: str, pages: list, style: PageStyle, path: str):
    """(kept for callers of the earlier API) pages from the template at ``path``."""
    from .map_template import build_from_template as build

    return build(project, name, pages, style, path, style.house_font)
