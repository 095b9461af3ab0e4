"""A print layout with one thematic map per page, built in code (A4/A3, portrait/landscape).

Page anatomy: title and subtitle on top; the map frame fitted to the data's shape (no empty
margins inside the frame); legend with class counts and the method note beside or below the map;
north arrow and scale bar at the map's lower edge; a footer rule with source, licence and date.
The legend is measured (as the PDF export will measure it) after it is built and gets more
columns or smaller type until it fits its box, so it is never cut off. Items are placed with
``attemptSetSceneRect`` before ``zoomToExtent`` (DESIGN §6: the other order gives a NaN extent and a blank map).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from qgis.core import (
    QgsBasicNumericFormat,
    QgsCoordinateReferenceSystem,
    QgsFillSymbol,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemShape,
    QgsLayoutMeasurement,
    QgsLayoutSize,
    QgsLegendRenderer,
    QgsLegendStyle,
    QgsMapLayerLegendUtils,
    QgsPrintLayout,
    QgsRectangle,
    QgsScaleBarSettings,
    QgsTextFormat,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import QDate, QRectF, Qt
from qgis.PyQt.QtGui import QColor, QFont

from ...toolbelt.paths import icon_path
from .fonts import default_font, set_label_font, set_legend_font
from .measure import legend_size, text_width_mm

MM = QgsUnitTypes.LayoutUnit.LayoutMillimeters
PT_TO_MM = 0.3528
PAGE_SIZES = {"A4": (210.0, 297.0), "A3": (297.0, 420.0)}
INK, GREY, RULE = "#222222", "#555555", "#9e9e9e"


@dataclass
class MapPage:
    """What one page shows: the layers (top → bottom), texts and the area to frame."""

    title: str
    layers: list
    legend_layers: list
    crs: QgsCoordinateReferenceSystem
    extent: QgsRectangle
    subtitle: str = ""
    legend_title: str = ""
    note: str = ""


@dataclass
class PageStyle:
    size: str = "A4"
    orientation: str = "portrait"
    source: str = ""
    licence: str = ""
    date: str = ""
    logo: str = ""
    font: str = field(default_factory=lambda: default_font())
    colour: str = ""  # the house colour of the accents; empty: the template's
    house_font: str = ""  # a family chosen by the city: every text item gets it

    def __post_init__(self):
        if self.house_font:
            self.font = self.house_font
    words: object = None  # the output language (OutputWords); German when None

    @property
    def landscape(self) -> bool:
        return self.orientation == "landscape"

    def dims(self) -> tuple[float, float]:
        w, h = PAGE_SIZES.get(self.size, PAGE_SIZES["A4"])
        return (h, w) if self.landscape else (w, h)

    @property
    def k(self) -> float:
        """Scale of type and furniture: A3 prints larger, but not √2 larger."""
        return 1.3 if self.size == "A3" else 1.0

    @property
    def margin(self) -> float:
        return 12.0 * (1.25 if self.size == "A3" else 1.0)

    def date_text(self) -> str:
        from ..classify import default_words

        words = default_words(self.words)
        today = QDate.currentDate().toString("dd.MM.yyyy" if words.lang == "de" else "yyyy-MM-dd")
        return words.translate("MapText", "As of: {date}").format(date=self.date or today)


def fit_rect(box: QRectF, extent: QgsRectangle) -> QRectF:
    """The largest rectangle of the data's aspect ratio in ``box``, centred horizontally."""
    if extent.isEmpty() or extent.height() <= 0:
        return QRectF(box)
    aspect = extent.width() / extent.height()
    w, h = box.width(), box.height()
    if w / h > aspect:
        w = h * aspect
    else:
        h = w / aspect
    return QRectF(box.x() + (box.width() - w) / 2, box.y(), w, h)


def padded(extent: QgsRectangle, ratio: float = 0.025) -> QgsRectangle:
    grown = QgsRectangle(extent)
    grown.grow(max(extent.width(), extent.height()) * ratio)
    return grown


def wrap(text: str, width_mm: float, font: QFont) -> str:
    """Greedy word wrap measured with the real font metrics (what the layout will draw, on
    QGIS 3.22 and 3.40: see measure.py)."""
    lines: list[str] = []
    for word in text.split(" "):
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and text_width_mm(font, candidate) <= width_mm:
            lines[-1] = candidate
        else:
            lines.append(word)
    return "\n".join(lines)


class PageBuilder:
    """Places the items of one page; sizes in mm, positions relative to the page."""

    def __init__(self, layout: QgsPrintLayout, index: int, style: PageStyle):
        self.layout, self.style, self.index = layout, style, index
        self.k, self.m = style.k, style.margin
        self.width, self.height = style.dims()
        self.y0 = layout.pageCollection().page(index).pos().y()

    # small helpers -------------------------------------------------------------------------
    def font(self, size_pt: float, bold: bool = False) -> QFont:
        font = QFont(self.style.font)
        font.setPointSizeF(size_pt * self.k)
        font.setBold(bold)
        return font

    def place(self, item, x: float, y: float, w: float, h: float) -> None:
        if item.layout() is None or item not in self.layout.items():
            self.layout.addLayoutItem(item)
        item.attemptSetSceneRect(QRectF(x, self.y0 + y, w, h))

    def label(self, text: str, x, y, w, size_pt, bold=False, colour=INK, align=Qt.AlignmentFlag.AlignLeft,
              item_id="") -> QgsLayoutItemLabel:
        item = text_label(self.layout, text, self.font(size_pt, bold), colour, align)
        item.setId(item_id)
        self.place(item, x, y, w, (text.count("\n") + 1) * size_pt * self.k * PT_TO_MM * 1.3 + 0.5)
        return item

    def text_lines(self, text: str, width_mm: float, size_pt: float) -> str:
        return "\n".join(wrap(part, width_mm, self.font(size_pt)) for part in text.split("\n"))

    # page parts ----------------------------------------------------------------------------
    def header(self, page: MapPage) -> float:
        """Title, subtitle and optional logo; returns the y below them."""
        m, k = self.m, self.k
        text_w = self.width - 2 * m
        if self.style.logo:
            logo_w = 36 * k
            logo = QgsLayoutItemPicture(self.layout)
            logo.setPicturePath(self.style.logo)
            logo.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
            logo.setId("logo")
            self.place(logo, self.width - m - logo_w, m, logo_w, 14 * k)
            text_w -= logo_w + 4
        title = self.text_lines(page.title, text_w, 16)
        self.label(title, m, m, text_w, 16, bold=True, item_id="title")
        y = m + (title.count("\n") + 1) * 16 * k * PT_TO_MM * 1.3 + 1.5
        if page.subtitle:
            subtitle = self.text_lines(page.subtitle, text_w, 10.5)
            self.label(subtitle, m, y, text_w, 10.5, colour=GREY, item_id="subtitle")
            y += (subtitle.count("\n") + 1) * 10.5 * k * PT_TO_MM * 1.3
        return y + 4 * k

    def footer(self) -> float:
        """Rule, source and licence left, date right; returns the y of the rule."""
        m, k = self.m, self.k
        usable = self.width - 2 * m
        text = self.text_lines("\n".join(t for t in (self.style.source, self.style.licence) if t),
                               usable * 0.78, 7) or " "
        rule_y = self.height - m - (text.count("\n") + 1) * 7 * k * PT_TO_MM * 1.3 - 2
        rule = QgsLayoutItemShape(self.layout)
        rule.setShapeType(QgsLayoutItemShape.Shape.Rectangle)
        rule.setSymbol(QgsFillSymbol.createSimple({"color": RULE, "outline_style": "no"}))
        self.place(rule, m, rule_y, usable, 0.25)
        self.label(text, m, rule_y + 1.5, usable * 0.78, 7, colour=GREY, item_id="source")
        self.label(self.style.date_text(), m + usable * 0.78, rule_y + 1.5, usable * 0.22, 7,
                   colour=GREY, align=Qt.AlignmentFlag.AlignRight, item_id="date")
        return rule_y

    def map_item(self, page: MapPage, rect: QRectF) -> QgsLayoutItemMap:
        item = QgsLayoutItemMap(self.layout)
        item.setId("map")
        item.setBackgroundColor(QColor("#ffffff"))
        item.setFrameEnabled(True)
        item.setFrameStrokeColor(QColor(RULE))
        item.setFrameStrokeWidth(QgsLayoutMeasurement(0.25, MM))
        self.place(item, rect.x(), rect.y(), rect.width(), rect.height())
        show_page(item, page)
        return item

    def legend(self, page: MapPage, max_w: float, max_h: float) -> QgsLayoutItemLegend:
        legend = QgsLayoutItemLegend(self.layout)
        legend.setId("legend")
        self.layout.addLayoutItem(legend)
        self.fill_legend(legend, page, max_w, max_h)
        return legend

    def fill_legend(self, legend: QgsLayoutItemLegend, page: MapPage, max_w: float, max_h: float) -> None:
        """Only this page's layers, class labels wrapped, sized to fit ``max_w`` × ``max_h``."""
        legend.setAutoUpdateModel(False)
        root = legend.model().rootGroup()
        root.removeAllChildren()
        for layer in page.legend_layers:
            QgsLegendRenderer.setNodeLegendStyle(root.addLayer(layer), QgsLegendStyle.Style.Hidden)
        legend.setTitle(self.text_lines(page.legend_title, max_w, 9.5))
        legend.setBackgroundEnabled(False)
        legend.setFrameEnabled(False)
        legend.setSplitLayer(True)
        legend.setEqualColumnWidth(False)
        legend.setBoxSpace(0)
        self.fit_legend(legend, max_w, max_h)

    def fit_legend(self, legend: QgsLayoutItemLegend, max_w: float, max_h: float) -> None:
        """Fewest columns, then smaller type, until the legend fits its box; long labels are
        wrapped for each type size (wrapping first and shrinking later leaves needless breaks)."""
        originals = legend_labels(legend)
        for scale in (1.0, 0.9, 0.8, 0.7):
            text_w = max_w - 9 * self.k * scale - 1  # minus symbol and gap
            set_legend_labels(legend, originals, text_w, self.font(8 * scale))
            for columns in (1, 2, 3):
                self.style_legend(legend, scale, columns)
                size = legend.rect()
                if size.height() <= max_h and size.width() <= max_w:
                    return
                if size.width() > max_w:
                    break  # more columns only widen it

    def style_legend(self, legend: QgsLayoutItemLegend, scale: float, columns: int) -> None:
        k = self.k * scale
        set_legend_font(legend, QgsLegendStyle.Style.Title, self.font(9.5 * scale, bold=True))
        set_legend_font(legend, QgsLegendStyle.Style.SymbolLabel, self.font(8 * scale))
        legend.setStyleMargin(QgsLegendStyle.Style.Title, QgsLegendStyle.Side.Bottom, 2.5 * k)
        legend.setStyleMargin(QgsLegendStyle.Style.Symbol, QgsLegendStyle.Side.Top, 1.2 * k)
        legend.setStyleMargin(QgsLegendStyle.Style.SymbolLabel, QgsLegendStyle.Side.Left, 2 * k)
        legend.setSymbolWidth(7 * k)
        legend.setSymbolHeight(4.5 * k)
        legend.setColumnCount(columns)
        legend.setColumnSpace(5 * k)
        size = legend_size(legend)
        legend.attemptResize(QgsLayoutSize(size.width(), size.height(), MM))

    def north_arrow(self, map_item, x: float, y: float) -> QgsLayoutItemPicture:
        arrow = QgsLayoutItemPicture(self.layout)
        arrow.setId("north_arrow")
        arrow.setPicturePath(north_arrow_path())
        arrow.setLinkedMap(map_item)
        self.place(arrow, x, y, 7 * self.k, 11 * self.k)
        return arrow

    def scale_bar(self, map_item) -> QgsLayoutItemScaleBar:
        """Kilometres, two segments of a round length between 12 and 22 mm each (not placed yet)."""
        bar = QgsLayoutItemScaleBar(self.layout)
        bar.setId("scale_bar")
        self.layout.addLayoutItem(bar)
        bar.setLinkedMap(map_item)
        bar.setStyle("Single Box")
        bar.applyDefaultSize(QgsUnitTypes.DistanceUnit.DistanceKilometers)  # sets a valid unit size
        bar.setUnitLabel("km")
        bar.setNumberOfSegmentsLeft(0)
        bar.setNumberOfSegments(2)
        bar.setMinimumBarWidth(12 * self.k)
        bar.setMaximumBarWidth(22 * self.k)
        bar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeMode.SegmentSizeFitWidth)
        bar.setHeight(1.6 * self.k)
        bar.setLabelBarSpace(1.2 * self.k)
        bar.setBoxContentSpace(0.4)
        text = QgsTextFormat()
        text.setFont(self.font(7))
        text.setSize(7 * self.k)
        text.setColor(QColor(INK))
        bar.setTextFormat(text)
        bar.setNumericFormat(numeric_format(getattr(self.style.words, "lang", "de")))
        bar.refreshItemSize()
        return bar

    def note(self, text: str, x: float, y: float, w: float) -> QgsLayoutItemLabel:
        wrapped = self.text_lines(text, w, 7.5)
        return self.label(wrapped, x, y, w, 7.5, colour=GREY, item_id="method_note")

    # arrangements ------------------------------------------------------------------------
    def build(self, page: MapPage) -> None:
        top = self.header(page)
        bottom = self.footer() - 4 * self.k
        (self.landscape if self.style.landscape else self.portrait)(page, top, bottom)

    def portrait(self, page: MapPage, top: float, bottom: float) -> None:
        """Map on top; below it the legend and note at the left margin, north arrow and scale bar
        at the right margin (the page grid, so a narrow map never pushes them together)."""
        m, k = self.m, self.k
        usable = self.width - 2 * m
        legend = self.legend(page, usable * 0.62, (bottom - top) * 0.3)
        note_h = 3 * 7.5 * k * PT_TO_MM * 1.3
        band = max(legend.rect().height() + 2 + note_h, 24 * k)  # 24: north arrow over scale bar
        rect = fit_rect(QRectF(m, top, usable, bottom - top - band - 5 * k), padded(page.extent))
        map_item = self.map_item(page, rect)
        band_top = rect.bottom() + 5 * k
        size = legend.rect()
        self.place(legend, m, band_top, size.width(), size.height())
        self.note(page.note, m, band_top + size.height() + 2.5 * k, max(usable * 0.62, size.width()))
        bar = self.scale_bar(map_item)
        size = bar.rect()
        self.place(bar, self.width - m - size.width(), band_top + 13 * k, size.width(), size.height())
        self.north_arrow(map_item, self.width - m - 7 * k, band_top)

    def landscape(self, page: MapPage, top: float, bottom: float) -> None:
        """Map left, legend panel right with the note; north arrow and scale bar at its foot."""
        m, k = self.m, self.k
        panel_w, gap = 72 * k, 6 * k
        box = QRectF(m, top, self.width - 2 * m - panel_w - gap, bottom - top)
        rect = fit_rect(box, padded(page.extent))
        # map and legend panel as one block, centred: a tall city leaves no gap between them
        rect.moveLeft(m + (box.width() - rect.width()) / 2)
        panel_x = rect.right() + gap
        map_item = self.map_item(page, rect)
        furniture_h = 30 * k
        note_h = 4 * 7.5 * k * PT_TO_MM * 1.3
        legend = self.legend(page, panel_w, rect.height() - furniture_h - note_h)
        legend_rect = legend.rect()
        self.place(legend, panel_x, top, legend_rect.width(), legend_rect.height())
        self.note(page.note, panel_x, top + legend_rect.height() + 2.5 * k, panel_w)
        bar = self.scale_bar(map_item)
        size = bar.rect()
        self.place(bar, panel_x, rect.bottom() - size.height(), size.width(), size.height())
        self.north_arrow(map_item, panel_x, rect.bottom() - size.height() - 13 * k)


def legend_labels(legend: QgsLayoutItemLegend) -> dict:
    """The class labels as the layers give them: (layer id, index) → text."""
    model = legend.model()
    return {(node.layerId(), index): legend_node.data(Qt.ItemDataRole.DisplayRole) or ""
            for node in model.rootGroup().findLayers()
            for index, legend_node in enumerate(model.layerLegendNodes(node))}


def set_legend_labels(legend: QgsLayoutItemLegend, originals: dict, text_w: float, font: QFont) -> None:
    """Long class labels broken onto two lines in this legend only (the layers keep theirs)."""
    model = legend.model()
    for node in model.rootGroup().findLayers():
        for (layer_id, index), label in originals.items():
            if layer_id == node.layerId():
                QgsMapLayerLegendUtils.setLegendNodeUserLabel(node, index, wrap(label, text_w, font))
        model.refreshLayerLegend(node)


def show_page(item: QgsLayoutItemMap, page: MapPage) -> None:
    """The page's layers, locked (so series pages differ), framed to the data."""
    item.setCrs(page.crs)
    item.setLayers(page.layers)
    item.setKeepLayerSet(True)
    item.zoomToExtent(padded(page.extent))


def text_label(layout, text: str, font: QFont, colour, align=Qt.AlignmentFlag.AlignLeft) -> QgsLayoutItemLabel:
    """A plain top-aligned label without margin, as both the map page and the profile sheet use."""
    item = QgsLayoutItemLabel(layout)
    item.setText(text)
    set_label_font(item, font, colour)
    item.setHAlign(align)
    item.setVAlign(Qt.AlignmentFlag.AlignTop)
    item.setMargin(0)
    return item


def numeric_format(lang: str = "de") -> QgsBasicNumericFormat:
    """The scale bar's numbers in the marks of core.formatting (1.234,5 / 1,234.5)."""
    fmt = QgsBasicNumericFormat()
    fmt.setShowThousandsSeparator(True)
    fmt.setThousandsSeparator("." if lang == "de" else ",")
    fmt.setDecimalSeparator("," if lang == "de" else ".")
    fmt.setNumberDecimalPlaces(1)
    fmt.setShowTrailingZeros(False)
    return fmt


def north_arrow_path() -> str:
    return icon_path("north_arrow.svg")


def build_layout(project, name: str, pages: list[MapPage], style: PageStyle) -> QgsPrintLayout:
    """A layout with one page per :class:`MapPage`, all of the same size."""
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(name)
    w, h = style.dims()
    collection = layout.pageCollection()
    collection.page(0).setPageSize(QgsLayoutSize(w, h, MM))
    for _ in pages[1:]:
        extra = QgsLayoutItemPage(layout)
        extra.setPageSize(QgsLayoutSize(w, h, MM))
        collection.addPage(extra)
    for index, page in enumerate(pages):
        PageBuilder(layout, index, style).build(page)
    return layout


def replace_layout(project, layout: QgsPrintLayout) -> QgsPrintLayout:
    """Add ``layout`` to the project's layout manager, replacing one of the same name. The layout
    asks the designer's PDF export for text as text, as the plugin's own exports do (QGIS 3.40
    would otherwise draw the planner's re-export as outlines: not searchable)."""
    from ..text_render import text_as_text

    fmt = text_as_text()
    layout.setCustomProperty("pdfTextFormat", int(getattr(fmt, "value", fmt)))
    manager = project.layoutManager()
    old = manager.layoutByName(layout.name())
    if old is not None:
        manager.removeLayout(old)
    manager.addLayout(layout)
    return layout
