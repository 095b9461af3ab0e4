"""A page of small multiples: one map per year in a grid, the same classes, one shared legend.

Made of QGIS's own items only (a QgsLayoutItemMap per year with its year's layers locked, a label
with the year above each, one QgsLayoutItemLegend, scale bar, north arrow, title, source and date
labels), so the page opens, can be edited and exports in a QGIS without the plugin. The grid
(columns × rows) is the one that gives the largest maps for the data's shape on the page's free
area: 4 years on a landscape page of a wide city come out 2 × 2, a tall one 4 × 1. All cells are of
one size and show one extent, so every map has the same scale, which the one scale bar gives.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from qgis.core import QgsLayoutItemPage, QgsLayoutSize, QgsPrintLayout
from qgis.PyQt.QtCore import QRectF

from ...core.report.map_spec import MAX_SMALL_MULTIPLES
from ..classify import MapError
from .map_page import MM, PT_TO_MM, MapPage, PageBuilder, PageStyle, fit_rect, padded

MAX_PANELS = MAX_SMALL_MULTIPLES  # the report definition checks it on reading
CAPTION_PT = 10.0


@dataclass
class Panel:
    """One map of the page: its caption (the year) and its layers, top → bottom."""

    caption: str
    layers: list


def grid_shape(n: int, box: QRectF, extent, caption_h: float, gap: float) -> tuple[int, int, float, float]:
    """(columns, rows, map width, map height): the grid giving the largest maps in ``box``."""
    best = None
    for cols in range(1, n + 1):
        rows = math.ceil(n / cols)
        if cols > 1 and (cols - 1) * rows >= n:
            continue  # a column would stay empty
        cell_w = (box.width() - (cols - 1) * gap) / cols
        cell_h = (box.height() - rows * caption_h - (rows - 1) * gap) / rows
        if cell_w <= 0 or cell_h <= 0:
            continue
        rect = fit_rect(QRectF(0, 0, cell_w, cell_h), padded(extent))
        area = rect.width() * rect.height()
        if best is None or area > best[0] * 1.001:
            best = (area, cols, rows, rect.width(), rect.height())
    if best is None:
        raise MapError("map_small_multiples_room", n=n)
    return best[1], best[2], best[3], best[4]


class SmallMultiplesBuilder(PageBuilder):
    """The page: header, the grid of maps with captions, legend and note, scale bar, north arrow."""

    def build_multiples(self, page: MapPage, panels: list[Panel]) -> list:
        k = self.k
        top = self.header(page)
        bottom = self.footer() - 4 * k
        gap = 4 * k
        caption_h = CAPTION_PT * k * PT_TO_MM * 1.3 + 1.0
        usable = self.width - 2 * self.m
        note_h = 4 * 7.5 * k * PT_TO_MM * 1.3
        if self.style.landscape:
            panel_w, panel_gap = 72 * k, 6 * k
            box = QRectF(self.m, top, usable - panel_w - panel_gap, bottom - top)
            legend = None
        else:
            legend = self.legend(page, usable * 0.62, (bottom - top) * 0.25)
            band = max(legend.rect().height() + 2 + note_h, 24 * k)
            box = QRectF(self.m, top, usable, bottom - top - band - 5 * k)
        cols, rows, map_w, map_h = grid_shape(len(panels), box, page.extent, caption_h, gap)
        block_w = cols * map_w + (cols - 1) * gap
        block_h = rows * (caption_h + map_h) + (rows - 1) * gap
        left = box.x() + (box.width() - block_w) / 2
        maps = []
        for index, panel in enumerate(panels):
            row, col = divmod(index, cols)
            x = left + col * (map_w + gap)
            y = top + row * (caption_h + map_h + gap)
            self.label(panel.caption, x, y, map_w, CAPTION_PT, bold=True, item_id=f"caption_{index + 1}")
            panel_page = MapPage(panel.caption, panel.layers, [], page.crs, page.extent)
            item = self.map_item(panel_page, QRectF(x, y + caption_h, map_w, map_h))
            item.setId(f"map_{index + 1}")
            maps.append(item)
        if self.style.landscape:
            panel_x = left + block_w + panel_gap
            legend = self.legend(page, panel_w, block_h - 30 * k - note_h)
            size = legend.rect()
            self.place(legend, panel_x, top, size.width(), size.height())
            self.note(page.note, panel_x, top + size.height() + 2.5 * k, panel_w)
            bar = self.scale_bar(maps[0])
            size = bar.rect()
            self.place(bar, panel_x, top + block_h - size.height(), size.width(), size.height())
            self.north_arrow(maps[0], panel_x, top + block_h - size.height() - 13 * k)
        else:
            band_top = top + block_h + 5 * k
            size = legend.rect()
            self.place(legend, self.m, band_top, size.width(), size.height())
            self.note(page.note, self.m, band_top + size.height() + 2.5 * k, max(usable * 0.62, size.width()))
            bar = self.scale_bar(maps[0])
            size = bar.rect()
            self.place(bar, self.width - self.m - size.width(), band_top + 13 * k, size.width(), size.height())
            self.north_arrow(maps[0], self.width - self.m - 7 * k, band_top)
        return maps


def build_small_multiples(project, name: str, page: MapPage, panels: list[Panel], style: PageStyle) -> QgsPrintLayout:
    """A one-page layout: ``page`` gives title, subtitle, legend layers and title, note, extent;
    ``panels`` the maps in reading order."""
    if not panels:
        raise MapError("all_missing", column=name)
    if len(panels) > MAX_PANELS:
        raise MapError("map_small_multiples_many", n=len(panels), max=MAX_PANELS)
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(name)
    w, h = style.dims()
    first = layout.pageCollection().page(0)
    if isinstance(first, QgsLayoutItemPage):
        first.setPageSize(QgsLayoutSize(w, h, MM))
    SmallMultiplesBuilder(layout, 0, style).build_multiples(page, panels)
    return layout


def without_year(name: str) -> str:
    """A field's shown name without its year and the mark joining it ('S3_2019' → 'S3')."""
    import re

    year = r"(?<!\d)(?:1[89]|2[01])\d\d(?!\d)"
    # the mark before the year goes with it ('S3_2019 (%)' → 'S3 (%)'), else the one after ('2021_Anteil')
    stripped = re.sub(rf"[_ \-]{year}|{year}[_ \-]?", "", name, count=1).strip()
    return stripped or name


def caption_of(field: str, shown: str) -> str:
    """A panel's caption: the field's year, else its shown name."""
    from ..pooled import field_year

    year = field_year(field)
    return str(year) if year is not None else shown



def shared_legend_renderers(layer, styles: list, request, words) -> list:
    """(renderer, no-data renderer) per field for maps sharing one legend: class labels without one
    year's counts, and every no-data kind any year has (so the one legend names them all)."""
    from qgis.core import QgsCategorizedSymbolRenderer, QgsGraduatedSymbolRenderer

    from ..publish_layer import marker_expression
    from ..styles import nodata_labels, nodata_renderer

    valid = request.valid_field
    if valid and layer.fields().indexFromName(valid) < 0:
        valid = None
    if request.method == "categorized":
        pool_categories(layer, styles, request, valid, words)
    totals = (sum(s.n_excluded for s in styles), sum(s.n_missing for s in styles), sum(s.n_hidden for s in styles))
    labels = nodata_labels(words)
    shown = []
    for style in styles:
        renderer = style.renderer.clone()
        if isinstance(renderer, QgsGraduatedSymbolRenderer):
            for index, label in enumerate(style.classes.labels):
                renderer.updateRangeLabel(index, label)
        elif isinstance(renderer, QgsCategorizedSymbolRenderer):
            for index, label in enumerate(style.classes.labels):
                renderer.updateCategoryLabel(index, label)
        nodata = nodata_renderer(style.field, valid, *totals, hidden=marker_expression(style.field, request.markers),
                                 words=words)
        if nodata is not None:
            for index, category in enumerate(nodata.categories()):
                nodata.updateCategoryLabel(index, labels[category.value()])
        shown.append((renderer, nodata))
    return shown


def pool_categories(layer, styles: list, request, valid, words) -> None:
    """Categorized years on one page: the categories of all years together (in their order, one colour
    each) for every field, each counting its own areas. With each year's own, the one legend was the
    first year's, and a class only a later year has was drawn in a colour explained nowhere."""
    from dataclasses import replace

    from ..categories import categorize
    from ..publish_layer import marker_expression
    from ..styles import categorized_renderer, category_colours, default_ramp, read_values, value_expression

    raw = {s.field: read_values(layer, s.field, valid, marker_expression(s.field, request.markers))[0] for s in styles}
    union = categorize([v for values in raw.values() for v in values], styles[0].field, words)
    ramp = default_ramp("categorized") if request.ramp in ("", "auto", None) else request.ramp
    colours = category_colours(union, ramp, request.invert)
    for style in styles:
        counts = [sum(1 for v in raw[style.field] if v == value) for value in union.values]
        style.classes = replace(union, counts=counts)
        style.renderer = categorized_renderer(value_expression(style.field, valid), style.classes, colours)


def multiples_layout(project, name: str, request, pages: list, sets: list, styles: list, words) -> QgsPrintLayout:
    """The small-multiples layout of compose(): the per-field pages become the panels of one page."""
    first = pages[0]
    notes = [styles[0].note] + [request.rule_notes.get(s.field, "") for s in styles]
    from ..pooled import field_year

    common = without_year(sets[0][0])  # 'Anteil_in_%_2018' → 'Anteil_in_%': the legend is every year's
    if any(field_year(style.field) is None for style in styles):  # not years of one quantity: S1, S3, S4
        common = request.title or common
    page = MapPage(request.title or common, first.layers, first.legend_layers, first.crs, first.extent,
                   subtitle=request.subtitle, legend_title=request.legend_title or common,
                   note=" ".join(dict.fromkeys(n for n in notes if n)))
    panels = [Panel(caption_of(style.field, shown), p.layers) for p, style, (shown, _t, _o) in zip(pages, styles, sets)]
    return build_small_multiples(project, name, page, panels, request.page)
