"""The profile page of QGIS's own layout items: labels, a table, a picture and two maps.

Everything on the page can be restyled, moved or deleted in the layout designer, and a project
holding the layout opens and exports in a QGIS without this plugin:

* texts are labels over fields of the profile GeoPackage (``[% "pr_title" %]``, ``findings``),
  over layout variables holding the page's words (``@sr_page_title``, ``@sr_footer``,
  ``@sr_page``), or plain text in the page's language (legend, heading), set on each run;
* the indicator table is an attribute table over the GeoPackage's long table ``profile_rows``
  (one row per district × indicator, texts as published), showing the atlas district's rows
  through a project relation;
* the spine chart is one SVG per district in a picture whose path is an expression relative to
  the GeoPackage (``spine/<name>.svg`` beside it), so the project may move with its folder;
* the detail map names the neighbours (rule-based labels on ``$id <> @atlas_featureid``); the
  locator is a picture of the city, drawn once (all districts as vectors on every page cost
  ~35 ms a page even simplified), under a map that draws only the atlas district.

Why so few items: QGIS refreshes every layout item on every atlas page (~0.7 ms an item, measured
in bench/profiles_vs_atlas.py), so the table is one item, not a label per cell, the legend one
label, the footer one label with the page number in it.

The default page is ``resources/templates/profile_A4_portrait.qpt``, written by
:func:`template_layout`; a city's own template replaces it, and items are found by their ids
(``IDS``). :func:`arrange` fits the default page to the number of indicators and findings;
:func:`bind` points any template at this run's data, words, colour, logo and font.
"""
from __future__ import annotations

import zlib

from qgis.core import (
    QgsExpressionContextUtils,
    QgsLayoutFrame,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemLabel,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutObject,
    QgsLayoutTableColumn,
    QgsLayoutTableStyle,
    QgsPalLayerSettings,
    QgsPrintLayout,
    QgsProperty,
    QgsRectangle,
    QgsRelation,
    QgsRelationContext,
    QgsRuleBasedLabeling,
    QgsTextFormat,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import QRectF, Qt
from qgis.PyQt.QtGui import QColor, QFont, QFontMetricsF

from .fonts import default_font, set_label_font

PAGE_W, PAGE_H, MARGIN = 210.0, 297.0, 12.0
HOUSE, INK, GREY, PALE, STRIPE = "#1d3557", "#222222", "#5a5a5a", "#f3f5f8", "#eef1f5"
DETAIL_W, RIGHT_X, RIGHT_W = 104.0, 122.0, 76.0  # detail map left; badge and locator right
TOP = 38.0  # below the band
TABLE_PT, CELL_MARGIN, CHART_W = 8.5, 1.2, 30.0
IDS = ("sr_title", "sr_subtitle", "sr_logo", "sr_badge", "sr_detail", "sr_locator", "sr_locator_city", "sr_table",
       "sr_chart", "sr_findings_head", "sr_findings", "sr_legend", "sr_footer")
CHART_EXPRESSION = "file_path(layer_property(@atlas_layerid, 'path')) || '/' || \"pr_chart\""
SUBTITLE = "[% @sr_page_title || if(coalesce(\"pr_subtitle\", '') <> '', ' \u00b7 ' || \"pr_subtitle\", '') %]"
FOOTER = ("[% @sr_footer || ' \u00b7 ' || replace(replace(@sr_page, '%1', to_string(@atlas_featurenumber)), "
          "'%2', to_string(@atlas_totalfeatures)) %]")
MM_PER_PT = 25.4 / 72


# --- measuring text -----------------------------------------------------------------------------------

def _font(family: str, size: float, bold: bool = False) -> QFont:
    font = QFont(family)
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


def text_width_mm(family: str, size: float, text: str, bold: bool = False) -> float:
    """Width of ``text`` at ``size`` pt, measured at 100 px per mm (no screen resolution involved)."""
    font = QFont(family)
    font.setPixelSize(max(1, round(size * MM_PER_PT * 100)))
    font.setBold(bold)
    return QFontMetricsF(font).horizontalAdvance(text) / 100


def lines_needed(family: str, text: str, width: float, size: float, bold: bool = False) -> int:
    """Lines ``text`` takes in a box ``width`` mm wide (its own line breaks and word wrapping)."""
    total = 0
    for line in (text or "").split("\n"):
        words, lines, current = line.split(), 1, ""
        for word in words:
            trial = f"{current} {word}".strip()
            if current and text_width_mm(family, size, trial, bold) > width:
                lines, current = lines + 1, word
            else:
                current = trial
        total += lines
    return total


def line_mm(size: float) -> float:
    """Line height of a label's text (QGIS sets lines ~1.2 × the size apart)."""
    return size * MM_PER_PT * 1.25


def fitter(family: str, width: float, size: float = TABLE_PT):
    """Shorten a name to ``width`` mm with an ellipsis (every table row stays one line high, so the
    chart's rows line up with the table's). Cut after a whole word where one is left: a cut word
    reads as another ("Child poverty (SGB II, und…": German 'and' on an English page)."""
    def fit(text: str) -> str:
        if text_width_mm(family, size, text) <= width:
            return text
        full = text
        while text and text_width_mm(family, size, text + "\u2026") > width:
            text = text[:-1]
        if full[len(text):len(text) + 1] not in (" ", "") and " " in text.strip():
            text = text[:text.rstrip().rindex(" ")]
        return text.rstrip(" ,;:(/-") + "\u2026"
    return fit


# --- the default page (the shipped template) ----------------------------------------------------------

def _label(layout, item_id: str, text: str, rect, size: float, colour=INK, bold=False,
           align=Qt.AlignmentFlag.AlignLeft, background: str = "") -> QgsLayoutItemLabel:
    label = QgsLayoutItemLabel(layout)
    label.setId(item_id)
    label.setText(text)
    set_label_font(label, _font(default_font(), size, bold), colour)
    label.setHAlign(align)
    label.setMarginX(0)
    label.setMarginY(0)
    if background:
        label.setBackgroundEnabled(True)
        label.setBackgroundColor(QColor(background))
        label.setMarginX(3)
        label.setMarginY(2)
    layout.addLayoutItem(label)
    label.attemptSetSceneRect(QRectF(*rect))
    return label


def template_layout(project) -> QgsPrintLayout:
    """The default profile page, as saved in resources/templates/profile_A4_portrait.qpt; sizes are
    for six indicators, :func:`arrange` fits them to each run."""
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.pageCollection().page(0).setPageSize("A4", QgsLayoutItemPage.Orientation.Portrait)
    layout.setName("Sozialraumprofile")
    width = PAGE_W - 2 * MARGIN
    title = _label(layout, "sr_title", '[% "pr_title" %]', (0, 0, PAGE_W, 32), 20, "#ffffff", True,
                   background=HOUSE)
    title.setMarginX(MARGIN)
    title.setMarginY(7)
    _label(layout, "sr_subtitle", SUBTITLE, (MARGIN, 21.5, width - 40, 6), 9.5, "#d0dbe8")
    logo = QgsLayoutItemPicture(layout)
    logo.setId("sr_logo")
    logo.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
    layout.addLayoutItem(logo)
    logo.attemptSetSceneRect(QRectF(PAGE_W - MARGIN - 36, 5, 36, 22))
    badge = _label(layout, "sr_badge", '[% "pr_badge" %]', (RIGHT_X, TOP, RIGHT_W, 10), 9, HOUSE, True,
                   Qt.AlignmentFlag.AlignHCenter, background="#e6ecf3")
    badge.setVAlign(Qt.AlignmentFlag.AlignVCenter)
    badge.dataDefinedProperties().setProperty(
        QgsLayoutObject.DataDefinedProperty.ExcludeFromExports,
        QgsProperty.fromExpression("coalesce(\"pr_badge\", '') = ''"))
    city = QgsLayoutItemPicture(layout)  # the city under the locator, drawn once (see bind)
    city.setId("sr_locator_city")
    city.setResizeMode(QgsLayoutItemPicture.ResizeMode.Stretch)
    layout.addLayoutItem(city)
    city.attemptSetSceneRect(QRectF(RIGHT_X, TOP + 14, RIGHT_W, 76))
    for item_id, rect in (("sr_detail", (MARGIN, TOP, DETAIL_W, 90)), ("sr_locator", (RIGHT_X, TOP + 14, RIGHT_W, 76))):
        item = QgsLayoutItemMap(layout)
        item.setId(item_id)
        layout.addLayoutItem(item)
        item.attemptSetSceneRect(QRectF(*rect))  # before any zoomToExtent: DESIGN §6
        item.setExtent(QgsRectangle(0, 0, rect[2], rect[3]))  # a shape to keep until bound to data
        item.setFrameEnabled(True)
        item.setFrameStrokeColor(QColor("#9aa5b1"))
        if item_id == "sr_locator":
            item.setBackgroundEnabled(False)  # the city picture shows through
        if item_id == "sr_detail":
            item.setAtlasDriven(True)
            item.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)
            item.setAtlasMargin(0.15)
    table = QgsLayoutItemAttributeTable.create(layout)
    table.setSource(QgsLayoutItemAttributeTable.ContentSource.RelationChildren)
    table.setShowGrid(False)
    table.setCellMargin(CELL_MARGIN)
    table.setEmptyTableBehavior(QgsLayoutItemAttributeTable.EmptyTableMode.HideTable)
    table.setHeaderHAlignment(QgsLayoutItemAttributeTable.HeaderHAlignment.FollowColumn)
    for group, colour in ((QgsLayoutItemAttributeTable.CellStyleGroup.HeaderRow, "#dde3ea"),
                          (QgsLayoutItemAttributeTable.CellStyleGroup.EvenRows, STRIPE)):
        style = QgsLayoutTableStyle()
        style.enabled, style.cellBackgroundColor = True, QColor(colour)
        table.setCellStyle(group, style)
    set_table_fonts(table, default_font())
    layout.addMultiFrame(table)
    frame = QgsLayoutFrame(layout, table)
    frame.setId("sr_table")
    table.addFrame(frame)
    frame.attemptSetSceneRect(QRectF(MARGIN, 136, width, 50))
    chart = QgsLayoutItemPicture(layout)
    chart.setId("sr_chart")
    chart.setResizeMode(QgsLayoutItemPicture.ResizeMode.Stretch)
    chart.dataDefinedProperties().setProperty(QgsLayoutObject.DataDefinedProperty.PictureSource,
                                              QgsProperty.fromExpression(CHART_EXPRESSION))
    layout.addLayoutItem(chart)
    chart.attemptSetSceneRect(QRectF(PAGE_W - MARGIN - CHART_W, 142, CHART_W, 42))
    _label(layout, "sr_legend", "", (MARGIN, 190, width, 12), 6.8, GREY)  # plain text: set by bind
    # the findings box: its heading and its text, one pale box of two labels
    _label(layout, "sr_findings_head", "", (MARGIN, 205, width, 8), 10.5, HOUSE, True, background=PALE)
    _label(layout, "sr_findings", '[% "findings" %]', (MARGIN, 213, width, 30), 9, INK, background=PALE)
    layout.itemById("sr_findings").setMarginY(1)
    _label(layout, "sr_footer", FOOTER, (MARGIN, 285, width, 8), 7.5, GREY)
    from .profile_trend import add_items  # the time block (removed by a run without years)

    add_items(layout, RIGHT_X, TOP + 52, RIGHT_W)
    return layout


def set_table_fonts(table, family: str, size: float = TABLE_PT) -> None:
    """Header bold, content plain, both at ``size`` pt (QGIS ≥ 3.16 styles tables with text formats)."""
    for setter, bold in (("Header", True), ("Content", False)):
        old = getattr(table, f"{setter[0].lower()}{setter[1:]}TextFormat")()
        fmt = QgsTextFormat(old)
        fmt.setFont(_font(family, size, bold))
        fmt.setSize(size)
        fmt.setSizeUnit(QgsUnitTypes.RenderUnit.RenderPoints)
        fmt.setColor(QColor(INK))
        getattr(table, f"set{setter}TextFormat")(fmt)


# --- fitting the default page to a run ---------------------------------------------------------------

def table_of(layout):
    """The attribute table whose frame has the id sr_table (None if a template has none)."""
    frame = layout.itemById("sr_table")
    table = frame.multiFrame() if isinstance(frame, QgsLayoutFrame) else None
    return table if isinstance(table, QgsLayoutItemAttributeTable) else None


def column_widths(family: str, headers: dict, columns: dict, chart: bool = True, size: float = TABLE_PT) -> dict:
    """Each number column as wide as its longest text at ``size`` pt; the names get the rest."""
    widths = {}
    for name, header in headers.items():
        if name in ("label", "chart"):
            continue
        texts = {header} | set(columns[name])
        widths[name] = max(text_width_mm(family, size, t) for t in sorted(texts, key=len)[-12:])
        widths[name] = max(widths[name], text_width_mm(family, size, header, True)) + 1.5
    widths["chart"] = CHART_W - 2 * CELL_MARGIN if chart else 0
    used = sum(widths.values()) + 2 * CELL_MARGIN * (len(widths) + 1)
    widths["label"] = PAGE_W - 2 * MARGIN - used
    return widths


def set_columns(table, headers: dict, widths: dict) -> None:
    columns = []
    for name in ["label", *[n for n in headers if n not in ("label", "chart")], "chart"]:
        column = QgsLayoutTableColumn(headers.get(name, ""))
        column.setAttribute(name)
        column.setWidth(widths.get(name, 0))
        column.setHAlignment(Qt.AlignmentFlag.AlignLeft if name == "label" else
                             Qt.AlignmentFlag.AlignHCenter if name == "chart" else Qt.AlignmentFlag.AlignRight)
        columns.append(column)
    if hasattr(table, "setDisplayColumns"):  # not in QGIS 3.22, which takes setColumns
        table.setDisplayColumns(columns)
    else:
        table.setColumns(columns)


def measure_rows(table) -> tuple[float, float]:
    """Header height and row height (mm) as the table draws them (one line a row). A frame's
    minimum size is its header's height: measured once as it is and once with the content's font."""
    frame = table.frame(0)
    table.refresh()
    table.totalHeight()  # computes the row heights
    header = frame.minimumSize().height()
    heading, content, setter = table.headerTextFormat(), table.contentTextFormat(), table.setHeaderTextFormat
    try:
        setter(content)
        table.totalHeight()
        row = frame.minimumSize().height()
    finally:
        setter(heading)
        table.totalHeight()
    return header, row


def page_heights(family: str, findings: list, n: int, row: float, header: float, badge_lines: int,
                 legend: str) -> dict:
    """Where things sit (mm): the maps grow into what the table, legend and findings leave free."""
    width = PAGE_W - 2 * MARGIN
    wraps = max((lines_needed(family, t, width - 6, 9) for t in findings if t), default=1)
    findings_h = 8 + wraps * line_mm(9) + 4  # heading, lines, air
    legend_h = lines_needed(family, legend, width, 6.8) * line_mm(6.8) + 1
    table_h = header + n * row
    footer_y = 284.0
    maps_h = max(62.0, min(125.0, footer_y - 4 - findings_h - 4 - legend_h - 3 - table_h - 6 - TOP))
    badge_h = badge_lines * line_mm(9) + 4 if badge_lines else 0
    table_y = TOP + maps_h + 6
    legend_y = table_y + table_h + 2
    findings_y = legend_y + legend_h + 3
    return {"maps_h": maps_h, "badge_h": badge_h, "table_y": table_y, "table_h": table_h,
            "legend_y": legend_y, "legend_h": legend_h, "findings_y": findings_y, "findings_h": findings_h,
            "footer_y": footer_y}


def arrange(layout, heights: dict, header: float) -> None:
    """The default page's items at the places ``page_heights`` gives (a city's template keeps its own)."""
    width, h = PAGE_W - 2 * MARGIN, heights

    def place(item_id, x, y, w, ht):
        item = layout.itemById(item_id)
        if item is not None:
            item.attemptSetSceneRect(QRectF(x, y, w, ht))
    place("sr_detail", MARGIN, TOP, DETAIL_W, h["maps_h"])
    gap = h["badge_h"] + 4 if h["badge_h"] else 0
    place("sr_badge", RIGHT_X, TOP, RIGHT_W, h["badge_h"] or 8)
    place("sr_locator", RIGHT_X, TOP + gap, RIGHT_W, h["maps_h"] - gap)
    place("sr_table", MARGIN, h["table_y"], width, h["table_h"] + 1)
    place("sr_chart", PAGE_W - MARGIN - CHART_W, h["table_y"] + header, CHART_W, h["table_h"] - header)
    place("sr_legend", MARGIN, h["legend_y"], width, h["legend_h"])
    place("sr_findings_head", MARGIN, h["findings_y"], width, 8)
    place("sr_findings", MARGIN, h["findings_y"] + 8, width, h["findings_h"] - 8)
    place("sr_footer", MARGIN, h["footer_y"] + 1, width, PAGE_H - 6 - h["footer_y"])


# --- binding any template to a run -------------------------------------------------------------------

def relation_id(name: str) -> str:
    return f"sr_profile_rows_{zlib.crc32(name.encode('utf-8')):08x}"


def add_relation(project, layer, rows, name: str, ident: str = "") -> QgsRelation:
    """District → its rows, in the project (saved with it: the table needs no plugin to find them)."""
    relation = QgsRelation(QgsRelationContext(project))  # else it looks the layers up in QgsProject.instance()
    relation.setId(ident or relation_id(name))
    relation.setName(name)
    relation.setReferencedLayer(layer.id())
    relation.setReferencingLayer(rows.id())
    relation.addFieldPair("pr_id", "pr_id")
    manager = project.relationManager()
    manager.removeRelation(relation.id())
    manager.addRelation(relation)
    return relation


def neighbour_labels(layer, family: str) -> None:
    """Names of the districts around the atlas district on the detail map (not the district itself:
    the title names it). Rule-based, so one expression per feature and page."""
    settings = QgsPalLayerSettings()
    settings.fieldName = "pr_title"
    fmt = QgsTextFormat()
    fmt.setFont(_font(family, 7))
    fmt.setSize(7)
    fmt.setSizeUnit(QgsUnitTypes.RenderUnit.RenderPoints)
    fmt.setColor(QColor("#444444"))
    settings.setFormat(fmt)  # no buffer: on the pale neighbours it is not needed, and cost ~4 ms a page
    # at the centre of the part in view: one candidate a name (a search inside each polygon cost
    # several ms a page), and a neighbour half in view is named where it can be seen
    settings.placement = QgsPalLayerSettings.Placement.OverPoint
    settings.centroidWhole = False
    settings.autoWrapLength = 16  # long names in two lines rather than across three districts
    root = QgsRuleBasedLabeling.Rule(None)
    root.appendChild(QgsRuleBasedLabeling.Rule(settings, 0, 0, "$id <> @atlas_featureid"))
    layer.setLabeling(QgsRuleBasedLabeling(root))
    layer.setLabelsEnabled(True)


def set_variables(layout, texts: dict) -> None:
    for name, value in texts.items():
        QgsExpressionContextUtils.setLayoutVariable(layout, name, value)


def set_font(layout, family: str) -> None:
    """One family for every text of the page; sizes, weights and colours stay as the page has them."""
    for item in layout.items():
        if isinstance(item, QgsLayoutItemLabel):
            if hasattr(item, "textFormat"):  # QGIS ≥ 3.24
                fmt = item.textFormat()
                font = fmt.font()
                font.setFamily(family)
                fmt.setFont(font)
                item.setTextFormat(fmt)
            else:
                font = item.font()
                font.setFamily(family)
                item.setFont(font)
    table = table_of(layout)
    if table is not None:
        for getter in ("headerTextFormat", "contentTextFormat"):
            fmt = getattr(table, getter)()
            font = fmt.font()
            font.setFamily(family)
            fmt.setFont(font)
            getattr(table, "set" + getter[0].upper() + getter[1:])(fmt)


def set_house_colour(layout, colour: str) -> None:
    """The band and the headings take the city's colour; the band's texts turn dark on a light one."""
    new = QColor(colour)
    light = 0.299 * new.redF() + 0.587 * new.greenF() + 0.114 * new.blueF() > 0.6
    title = layout.itemById("sr_title")
    if isinstance(title, QgsLayoutItemLabel):
        title.setBackgroundColor(new)
    for item_id, dark, pale in (("sr_title", "#111111", "#ffffff"), ("sr_subtitle", "#333333", "#d0dbe8")):
        label = layout.itemById(item_id)
        if isinstance(label, QgsLayoutItemLabel):
            _set_colour(label, dark if light else pale)
    for item_id in ("sr_findings_head", "sr_badge"):
        label = layout.itemById(item_id)
        if isinstance(label, QgsLayoutItemLabel):
            _set_colour(label, new.name())


def _set_colour(label, colour: str) -> None:
    if hasattr(label, "textFormat"):
        fmt = label.textFormat()
        fmt.setColor(QColor(colour))
        label.setTextFormat(fmt)
    else:
        label.setFontColor(QColor(colour))


def set_logo(layout, logo: str) -> None:
    """The logo where the page has a place for it; without one that place goes (no empty box)."""
    item = layout.itemById("sr_logo")
    if not isinstance(item, QgsLayoutItemPicture):
        return
    if logo:
        item.setPicturePath(logo)
    else:
        layout.removeLayoutItem(item)
