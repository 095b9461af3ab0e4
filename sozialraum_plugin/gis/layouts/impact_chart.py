"""The impact chart page: per indicator the funded districts' mean against the other districts'
over the years, with the difference of the changes and its interval under it.

Made of QGIS's own layout items, like the map and profile pages, so a planner restyles or moves
any of them in the layout designer: labels (title, captions, axis numbers, the figures), polylines
(the two lines, the axes and grid) and ellipse shapes (the points). Up to six panels per A4
landscape page. A year whose group mean is hidden ("·") is a gap in its line; an indicator given
as a change (no years) gets two bars from the zero line instead of lines.
"""
from __future__ import annotations

import math

from qgis.core import (
    QgsFillSymbol,
    QgsLayoutItemPage,
    QgsLayoutItemPolyline,
    QgsLayoutItemShape,
    QgsLayoutSize,
    QgsLineSymbol,
    QgsPrintLayout,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import QPointF, QRectF, Qt
from qgis.PyQt.QtGui import QFont, QPolygonF

from ...core.formatting import format_difference, format_number, format_value
from ...core.series.impact import FUNDED, HIDDEN, REST
from .fonts import default_font
from .map_page import GREY, INK, text_label

FUNDED_COLOUR, REST_COLOUR, GRID = "#d95f02", "#525252", "#d0d0d0"
PAGE_W, PAGE_H, MARGIN = 297.0, 210.0, 12.0
COLS, ROWS, GAP = 3, 2, 8.0
PER_PAGE = COLS * ROWS
MM = QgsUnitTypes.LayoutUnit.LayoutMillimeters


class _Page:
    def __init__(self, layout, top: float, family: str):
        self.layout, self.top, self.family = layout, top, family

    def font(self, size: float, bold: bool = False) -> QFont:
        font = QFont(self.family)
        font.setPointSizeF(size)
        font.setBold(bold)
        return font

    def label(self, item_id: str, text: str, rect, size: float, colour=INK, bold=False,
              align=Qt.AlignmentFlag.AlignLeft):
        item = text_label(self.layout, text, self.font(size, bold), colour, align)
        item.setId(item_id)
        self.layout.addLayoutItem(item)
        x, y, w, h = rect
        item.attemptSetSceneRect(QRectF(x, self.top + y, w, h))
        return item

    def line(self, item_id: str, points, colour: str, width: float, dashed: bool = False):
        polygon = QPolygonF([QPointF(x, self.top + y) for x, y in points])
        item = QgsLayoutItemPolyline(polygon, self.layout)
        props = {"line_color": colour, "line_width": str(width), "line_width_unit": "MM",
                 "capstyle": "round", "joinstyle": "round"}
        if dashed:
            props.update({"use_custom_dash": "1", "customdash": "2;1.2", "customdash_unit": "MM"})
        item.setSymbol(QgsLineSymbol.createSimple(props))
        item.setId(item_id)
        self.layout.addLayoutItem(item)
        return item

    def shape(self, item_id: str, rect, colour: str, ellipse: bool = True):
        item = QgsLayoutItemShape(self.layout)
        item.setShapeType(QgsLayoutItemShape.Shape.Ellipse if ellipse else QgsLayoutItemShape.Shape.Rectangle)
        item.setSymbol(QgsFillSymbol.createSimple({"color": colour, "outline_color": "#ffffff",
                                                    "outline_width": "0.2", "outline_width_unit": "MM"}))
        item.setId(item_id)
        self.layout.addLayoutItem(item)
        x, y, w, h = rect
        item.attemptSetSceneRect(QRectF(x, self.top + y, w, h))
        return item


def _number(value) -> float | None:
    if value is None or isinstance(value, str) and value == HIDDEN:
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def figure_text(row, unit: str, decimals: int, words) -> str:
    """'Difference of the changes: +1.8 pp (95 % interval +0.4 to +3.1); n = 3 funded / 10 other'."""
    translate = words.translate  # (pylupdate5 reads translate("Context", "text"))
    lang = words.lang
    n = translate("Impact", "n = {funded} funded / {other} other").format(funded=row.funded.n, other=row.rest.n)
    if min(row.funded.n, row.rest.n) < 2 or not math.isfinite(row.did):
        return translate("Impact", "Difference of the changes: · (a group of fewer than 2 districts)") + "; " + n
    did = format_value(row.did, unit, decimals, lang=lang, sign=True) if row.given_change else \
        format_difference(row.did, unit, decimals, lang=lang)  # a change of a % rate is in pp
    text = translate("Impact", "Difference of the changes: {did}").format(did=did)
    if math.isfinite(row.lower):
        text += " " + translate("Impact", "({level} % interval {low} to {high})").format(
            level=format_number(95, 0, lang=lang), low=format_number(row.lower, decimals, lang=lang, sign=True),
            high=format_number(row.upper, decimals, lang=lang, sign=True))
    else:
        text += " " + translate("Impact", "(no interval: fewer than {n} districts in a group)").format(n=3)
    return text + "; " + n


def _scale(values, low_pad=0.08):
    shown = [v for v in values if v is not None]
    low, high = (min(shown), max(shown)) if shown else (0.0, 1.0)
    pad = (high - low) * low_pad or abs(high) * 0.05 or 1.0
    return low - pad, high + pad


def _panel(page: _Page, n: int, box, panel, words) -> None:
    translate = words.translate  # (pylupdate5 reads translate("Context", "text"))
    row, years, label, unit, decimals = panel
    x, y, w, h = box
    lang = words.lang
    page.label(f"impact_caption_{n}", label + (f" ({unit})" if unit else ""), (x, y, w, 5), 9, INK, True)
    plot = (x + 14, y + 8, w - 16, h - 27)
    px, py, pw, ph = plot
    if row.given_change:
        values = [_number(row.funded.change if row.funded.n >= 2 else None),
                  _number(row.rest.change if row.rest.n >= 2 else None)]
        low, high = _scale(values + [0.0])
        yof = lambda v: py + ph - (v - low) / (high - low) * ph  # noqa: E731
        page.line(f"impact_zero_{n}", [(px, yof(0.0)), (px + pw, yof(0.0))], GREY, 0.25)
        for i, (value, colour, name) in enumerate(zip(values, (FUNDED_COLOUR, REST_COLOUR),
                                                      (translate("Impact", "funded"), translate("Impact", "other")))):
            bx = px + pw * (0.1 + 0.45 * i)
            shown = HIDDEN if value is None else format_value(value, unit, decimals, lang=lang, sign=True)
            page.label(f"impact_bar_label_{n}_{i}", f"{name}: {shown}", (bx - pw * 0.05, py + ph + 1.2, pw * 0.45, 4),
                       7, INK, False, Qt.AlignmentFlag.AlignHCenter)
            if value is not None:
                top, bottom = sorted((yof(value), yof(0.0)))
                page.shape(f"impact_bar_{n}_{i}", (bx, top, pw * 0.35, max(bottom - top, 0.3)), colour, ellipse=False)
    else:
        year_list = sorted(years["year"].unique())
        lines = {g: [_number(years[(years["year"] == yr) & (years["group"] == g)]["mean"].iloc[0])
                     for yr in year_list] for g in (FUNDED, REST)}
        low, high = _scale(lines[FUNDED] + lines[REST])
        step = pw / max(len(year_list) - 1, 1)
        xof = lambda i: px + (i * step if len(year_list) > 1 else pw / 2)  # noqa: E731
        yof = lambda v: py + ph - (v - low) / (high - low) * ph  # noqa: E731
        for k, tick in enumerate((low, (low + high) / 2, high)):
            page.line(f"impact_grid_{n}_{k}", [(px, yof(tick)), (px + pw, yof(tick))], GRID, 0.15)
            page.label(f"impact_tick_{n}_{k}", format_number(tick, decimals, lang=lang),
                       (x, yof(tick) - 1.8, 12.5, 4), 6.5, GREY, False, Qt.AlignmentFlag.AlignRight)
        labels_every = max(1, math.ceil(len(year_list) / 6))
        for i, yr in enumerate(year_list):
            if i % labels_every == 0 or i == len(year_list) - 1:
                page.label(f"impact_year_{n}_{i}", str(yr), (xof(i) - 6, py + ph + 1.2, 12, 4), 6.5, GREY,
                           False, Qt.AlignmentFlag.AlignHCenter)
        for g, colour, dashed in ((REST, REST_COLOUR, True), (FUNDED, FUNDED_COLOUR, False)):
            run = []
            for i, value in enumerate(lines[g] + [None]):
                if value is not None:
                    run.append((xof(i), yof(value)))
                    page.shape(f"impact_point_{n}_{g}_{i}", (xof(i) - 0.9, yof(value) - 0.9, 1.8, 1.8), colour)
                    continue
                if len(run) > 1:
                    page.line(f"impact_line_{n}_{g}_{i}", run, colour, 0.6 if g == FUNDED else 0.4, dashed)
                run = []
    page.label(f"impact_figure_{n}", figure_text(row, unit, decimals, words), (x, y + h - 12.5, w, 12), 7, INK)


def impact_layout(project, name: str, title: str, subtitle: str, panels: list, footer: str, words,
                  family: str = "") -> QgsPrintLayout:
    """The pages: ``panels`` are (IndicatorImpact, its years' group means, label, unit, decimals)."""
    translate = words.translate  # (pylupdate5 reads translate("Context", "text"))
    family = family or default_font()
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(name)
    pages = max(1, math.ceil(len(panels) / PER_PAGE))
    collection = layout.pageCollection()
    collection.page(0).setPageSize(QgsLayoutSize(PAGE_W, PAGE_H, MM))
    for _ in range(pages - 1):
        extra = QgsLayoutItemPage(layout)
        extra.setPageSize(QgsLayoutSize(PAGE_W, PAGE_H, MM))
        collection.addPage(extra)
    panel_w = (PAGE_W - 2 * MARGIN - (COLS - 1) * GAP) / COLS
    for p in range(pages):
        page = _Page(layout, collection.page(p).pos().y(), family)
        size = 15 if len(title) <= 55 else 12 if len(title) <= 80 else 10  # one line beside the key
        page.label(f"impact_title_{p}", title, (MARGIN, MARGIN, PAGE_W - 2 * MARGIN - 66, 8), size, INK, True)
        page.label(f"impact_subtitle_{p}", subtitle, (MARGIN, MARGIN + 8, PAGE_W - 2 * MARGIN - 70, 10), 8.5, GREY)
        lx = PAGE_W - MARGIN - 62
        keys = ((FUNDED_COLOUR, False, translate("Impact", "funded districts (mean)")),
                (REST_COLOUR, True, translate("Impact", "other districts (mean)")))
        for k, (colour, dashed, text) in enumerate(keys):
            yy = MARGIN + 2 + k * 5
            page.line(f"impact_key_{p}_{k}", [(lx, yy), (lx + 8, yy)], colour, 0.6 if not dashed else 0.4, dashed)
            page.label(f"impact_key_label_{p}_{k}", text, (lx + 10, yy - 2, 52, 4), 7.5, INK)
        here = panels[p * PER_PAGE:(p + 1) * PER_PAGE]
        rows = max(1, math.ceil(len(here) / COLS))  # one row of panels takes the page's height, up to a limit
        panel_h = min((PAGE_H - 2 * MARGIN - 34 - (rows - 1) * GAP) / rows, 105.0)
        for i, panel in enumerate(here):
            col, line = i % COLS, i // COLS
            box = (MARGIN + col * (panel_w + GAP), MARGIN + 22 + line * (panel_h + GAP), panel_w, panel_h)
            _panel(page, p * PER_PAGE + i, box, panel, words)
        page.label(f"impact_footer_{p}", footer, (MARGIN, PAGE_H - MARGIN - 10, PAGE_W - 2 * MARGIN, 10), 6.5, GREY)
    return layout
