"""Map pages from .qpt templates: the shipped ones (resources/templates/map_<A4|A3>_<orientation>.qpt),
used by default, or a city's own (``style.map_template``, the thematic map's TEMPLATE).

A template's items are found by their item id (Item Properties ▸ Item ID), on the template's page:

=============  ===========================================================================
``title``      label: the map's title (wrapped to the label's width)
``subtitle``   label: the subtitle; kept below the title when the title needs more lines
``logo``       picture: the house logo (``style.logo``); without a logo it goes and the title
               and subtitle take its room
``accent``     shape: filled with the house colour (``style.colour``)
``map``        map: the data, its frame fitted to the data's shape inside the item's box
               (or the first map item)
``legend``     legend: this page's classes, sized to fit the item's box (or the first legend)
``method_note`` label: classification and publication note, placed under the legend when it
               stands in the legend's column
``scale_bar``  scale bar (or the first one), ``north_arrow`` picture: linked to the map
``source``     label: source and licence lines; ``date``: label "Stand: …"
=============  ===========================================================================

Items beside or below the map follow its frame when the frame is fitted (legend and note keep
their distance to its top, scale bar and north arrow to its bottom), so a tall city and a wide one
both leave no gap; other items stay where the template puts them. The house font
(``style.house_font``) replaces the family of every label, the legend and the scale bar.

The shipped templates are made by :func:`template_layout` (scripts/make_map_templates.py).
"""
from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFillSymbol,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemShape,
    QgsLayoutSize,
    QgsPrintLayout,
    QgsReadWriteContext,
    QgsRectangle,
)
from qgis.PyQt.QtCore import QPointF, QRectF, Qt
from qgis.PyQt.QtXml import QDomDocument

from ...toolbelt.paths import resources_dir
from ..classify import MapError
from .fonts import label_font, set_label_font
from .map_page import (
    GREY,
    MM,
    PT_TO_MM,
    RULE,
    MapPage,
    PageBuilder,
    PageStyle,
    fit_rect,
    north_arrow_path,
    numeric_format,
    padded,
    show_page,
    wrap,
)

HOUSE = "#1d3557"  # the accent until the city names its colour (the profile pages use it too)
FOOTER_IDS = ("source", "date", "footer_rule")


def shipped_template(size: str, orientation: str) -> str:
    """The shipped template for ``size`` (A4, A3) and ``orientation`` (portrait, landscape)."""
    size = size if size in ("A4", "A3") else "A4"
    orientation = orientation if orientation in ("portrait", "landscape") else "landscape"
    return str(resources_dir() / "templates" / f"map_{size}_{orientation}.qpt")


# --- making the shipped templates ---------------------------------------------------------------------

def template_layout(project, size: str, orientation: str) -> QgsPrintLayout:
    """The page the shipped template is saved from: every item in the place the code-built page
    (map_page.PageBuilder) gives it for a map filling its box, with placeholder texts."""
    style = PageStyle(size, orientation, source="Quelle: …", licence="Lizenz: …")
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(f"Sozialraum map {size} {orientation}")
    w, h = style.dims()
    layout.pageCollection().page(0).setPageSize(QgsLayoutSize(w, h, MM))
    b = PageBuilder(layout, 0, style)
    m, k = b.m, b.k
    logo_w = 36 * k
    text_w = w - 2 * m - logo_w - 4
    logo = QgsLayoutItemPicture(layout)
    logo.setId("logo")
    logo.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
    logo.setPictureAnchor(QgsLayoutItemPicture.ReferencePoint.UpperRight)
    b.place(logo, w - m - logo_w, m, logo_w, 14 * k)
    b.label("Titel", m, m, text_w, 16, bold=True, item_id="title")
    sub_y = m + 16 * k * PT_TO_MM * 1.3 + 1.5
    b.label("Untertitel", m, sub_y, text_w, 10.5, colour=GREY, item_id="subtitle")
    accent_y = sub_y + 10.5 * k * PT_TO_MM * 1.3 + 2.5 * k
    _shape(layout, b, "accent", HOUSE, m, accent_y, 24 * k, 1.2 * k)
    top = accent_y + 1.2 * k + 4 * k
    footer_lines = 2
    rule_y = h - m - footer_lines * 7 * k * PT_TO_MM * 1.3 - 2
    _shape(layout, b, "footer_rule", RULE, m, rule_y, w - 2 * m, 0.25)
    usable = w - 2 * m
    b.label("Quelle: …\nLizenz: …", m, rule_y + 1.5, usable * 0.78, 7, colour=GREY, item_id="source")
    b.label("Stand: …", m + usable * 0.78, rule_y + 1.5, usable * 0.22, 7, colour=GREY,
            align=Qt.AlignmentFlag.AlignRight, item_id="date")
    bottom = rule_y - 4 * k
    page = MapPage("", [], [], QgsCoordinateReferenceSystem("EPSG:25833"), QgsRectangle())
    page.extent = _placeholder_extent(style, m, top, rule_y - 4 * k)
    note_h = 4 * 7.5 * k * PT_TO_MM * 1.3
    if style.landscape:
        panel_w, gap = 72 * k, 6 * k
        box = QRectF(m, top, w - 2 * m - panel_w - gap, bottom - top)
        map_item = b.map_item(page, box)
        panel_x = box.right() + gap
        legend_h = box.height() - 30 * k - note_h
        legend = _legend(layout, b, panel_x, top, panel_w, legend_h)
        b.label("Klassifikation: …", panel_x, top + legend_h + 2.5 * k, panel_w, 7.5, colour=GREY,
                item_id="method_note")
        bar = b.scale_bar(map_item)
        size = bar.rect()
        b.place(bar, panel_x, box.bottom() - size.height(), size.width(), size.height())
        b.north_arrow(map_item, panel_x, box.bottom() - size.height() - 13 * k)
    else:
        band = max(0.3 * (bottom - top), 24 * k) + 2 + note_h
        box = QRectF(m, top, usable, bottom - top - band - 5 * k)
        map_item = b.map_item(page, box)
        band_top = box.bottom() + 5 * k
        legend_h = band - note_h - 2
        legend = _legend(layout, b, m, band_top, usable * 0.62, legend_h)
        b.label("Klassifikation: …", m, band_top + legend_h + 2.5 * k, usable * 0.62, 7.5, colour=GREY,
                item_id="method_note")
        bar = b.scale_bar(map_item)
        size = bar.rect()
        b.place(bar, w - m - size.width(), band_top + 13 * k, size.width(), size.height())
        b.north_arrow(map_item, w - m - 7 * k, band_top)
    legend.setTitle("Legende")
    return layout


def _placeholder_extent(style: PageStyle, m: float, top: float, bottom: float) -> QgsRectangle:
    """An extent of the box's shape (Berlin, 1:100,000): a template's map needs a valid one."""
    w, _h = style.dims()
    box_w = w - 2 * m - (78 * style.k if style.landscape else 0)
    box_h = (bottom - top) * (1 if style.landscape else 0.6)
    cx, cy, scale = 392000.0, 5820000.0, 100.0  # metres per mm
    return QgsRectangle(cx - box_w * scale / 2, cy - box_h * scale / 2, cx + box_w * scale / 2, cy + box_h * scale / 2)


def _shape(layout, b: PageBuilder, item_id: str, colour: str, x, y, w, h) -> QgsLayoutItemShape:
    shape = QgsLayoutItemShape(layout)
    shape.setShapeType(QgsLayoutItemShape.Shape.Rectangle)
    shape.setSymbol(QgsFillSymbol.createSimple({"color": colour, "outline_style": "no"}))
    shape.setId(item_id)
    b.place(shape, x, y, w, h)
    return shape


def _legend(layout, b: PageBuilder, x, y, w, h) -> QgsLayoutItemLegend:
    legend = QgsLayoutItemLegend(layout)
    legend.setId("legend")
    legend.setAutoUpdateModel(False)
    legend.setResizeToContents(False)
    legend.setBackgroundEnabled(False)
    legend.setFrameEnabled(False)
    b.place(legend, x, y, w, h)
    return legend


# --- filling a template -------------------------------------------------------------------------------

def read_template(path: str) -> QDomDocument:
    """The template's XML. Read as bytes: the parser follows the file's own encoding declaration
    (a .qpt edited by hand may be Latin-1), and a file that is no XML at all is a message naming
    it, not a UnicodeDecodeError."""
    doc = QDomDocument()
    try:
        with open(path, "rb") as handle:
            ok = doc.setContent(handle.read())
    except OSError:
        ok = False
    if not (ok if isinstance(ok, bool) else ok[0]):
        raise MapError("map_template_invalid", file=path)
    return doc


def build_from_template(project, name: str, pages: list[MapPage], style: PageStyle, path: str,
                        house_font: str = "") -> QgsPrintLayout:
    """One copy of the template's page per map page, filled. ``house_font``: the family every text
    item gets (empty: the template's own)."""
    doc = read_template(path)
    probe = QgsPrintLayout(project)
    _items, ok = probe.loadFromTemplate(doc, QgsReadWriteContext())
    if not ok or probe.pageCollection().pageCount() == 0:
        raise MapError("map_template_invalid", file=path)
    size = probe.pageCollection().page(0).pageSize()
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(name)
    collection = layout.pageCollection()
    collection.page(0).setPageSize(size)
    for _ in pages[1:]:
        page_item = QgsLayoutItemPage(layout)
        page_item.setPageSize(size)
        collection.addPage(page_item)
    for index, page in enumerate(pages):
        origin = QPointF(0, collection.page(index).pos().y())
        items = layout.addItemsFromXml(doc.documentElement(), doc, QgsReadWriteContext(), origin, True)
        TemplatePage(layout, index, style, items, path, house_font).fill(page)
    return layout


def template_gaps(layout: QgsPrintLayout, logo: str = "") -> list[str]:
    """The item ids a map page made from a city's template lacks where the reader loses something:
    a legend (the classes), a ``title`` or ``source`` label (the source and licence the data
    require), a ``logo`` picture when a logo is set. Empty when the page has them all."""
    items = [i for i in layout.items() if hasattr(i, "id")]
    ids = {i.id() for i in items}
    gaps = [] if any(isinstance(i, QgsLayoutItemLegend) for i in items) else ["legend"]
    gaps += [name for name in ("title", "source") if name not in ids]
    if logo and not any(isinstance(i, QgsLayoutItemPicture) and i.id() == "logo" for i in items):
        gaps.append("logo")
    return gaps


class TemplatePage:
    """The items of one page copied from a template, filled for one :class:`MapPage`."""

    def __init__(self, layout, index: int, style: PageStyle, items: list, path: str, house_font: str = ""):
        self.layout, self.index, self.style, self.path = layout, index, style, path
        self.items = [i for i in items if hasattr(i, "id")]
        self.by_id = {item.id(): item for item in self.items if item.id()}
        self.builder = PageBuilder(layout, index, style)
        self.house_font = house_font

    def first(self, item_id: str, kind):
        item = self.by_id.get(item_id)
        if isinstance(item, kind):
            return item
        return next((i for i in self.items if isinstance(i, kind)), None)

    def fill(self, page: MapPage) -> None:
        if self.house_font:
            self.apply_font(self.house_font)
        self.logo()
        self.accent()
        header_shift = self.header(page)
        self.footer()
        self.map_and_furniture(page, header_shift)

    # parts ---------------------------------------------------------------------------------------
    def apply_font(self, family: str) -> None:
        for item in self.items:
            if isinstance(item, QgsLayoutItemLabel):
                font, colour = label_font(item)
                font.setFamily(family)
                set_label_font(item, font, colour)
            elif isinstance(item, QgsLayoutItemScaleBar):
                fmt = item.textFormat()
                font = fmt.font()
                font.setFamily(family)
                fmt.setFont(font)
                item.setTextFormat(fmt)

    def logo(self) -> None:
        logo = self.by_id.get("logo")
        if not isinstance(logo, QgsLayoutItemPicture):
            return
        if self.style.logo:
            logo.setPicturePath(self.style.logo)
            return
        if logo.picturePath():
            return  # the city's template brings its own logo file
        rect = _rect(logo)
        self.layout.removeLayoutItem(logo)
        self.items.remove(logo)
        for item_id in ("title", "subtitle"):  # the logo's room goes to the texts beside it
            label = self.by_id.get(item_id)
            if isinstance(label, QgsLayoutItemLabel):
                box = _rect(label)
                if box.right() <= rect.left() + 0.1 and box.bottom() > rect.top() and box.top() < rect.bottom():
                    label.attemptResize(QgsLayoutSize(rect.right() - box.left(), box.height(), MM))

    def accent(self) -> None:
        colour = self.style.colour
        for item in self.items:
            if colour and isinstance(item, QgsLayoutItemShape) and item.id() == "accent":
                symbol = item.symbol().clone()
                symbol.setColor(_qcolor(colour))
                item.setSymbol(symbol)

    def set_text(self, label: QgsLayoutItemLabel, text: str) -> float:
        """``text`` wrapped to the label's width in its own font; the label grows or shrinks to
        its lines (never below its template height: a city may have made it larger on purpose).
        Returns how much it grew (mm)."""
        font, _colour = label_font(label)
        box = _rect(label)
        wrapped = "\n".join(wrap(part, box.width(), font) for part in text.split("\n")) if text else ""
        label.setText(wrapped)
        lines = wrapped.count("\n") + 1
        needed = lines * font.pointSizeF() * PT_TO_MM * 1.3 + 0.5
        grown = max(0.0, needed - box.height())
        if grown:
            label.attemptResize(QgsLayoutSize(box.width(), needed, MM))
        return grown

    def header(self, page: MapPage) -> float:
        title, subtitle = self.by_id.get("title"), self.by_id.get("subtitle")
        grown = 0.0
        if isinstance(title, QgsLayoutItemLabel):
            grown = self.set_text(title, page.title)
            if grown and isinstance(subtitle, QgsLayoutItemLabel) and \
                    _rect(subtitle).top() >= _rect(title).bottom() - grown - 0.1:
                self.move(subtitle, 0, grown)
        if isinstance(subtitle, QgsLayoutItemLabel):
            if page.subtitle:
                grown += self.set_text(subtitle, page.subtitle)
            else:  # no subtitle: it goes from this page, and what is under it moves up into its room
                above = _rect(title).bottom() if isinstance(title, QgsLayoutItemLabel) else _rect(subtitle).top()
                grown -= max(0.0, _rect(subtitle).bottom() - above)
                self.layout.removeLayoutItem(subtitle)
                self.items.remove(subtitle)
                del self.by_id["subtitle"]
        if grown:  # the accent under the header moves with it
            for item in self.items:
                if item.id() == "accent":
                    self.move(item, 0, grown)
        return grown

    def footer(self) -> None:
        source, date = self.by_id.get("source"), self.by_id.get("date")
        if isinstance(source, QgsLayoutItemLabel):
            self.set_text(source, "\n".join(t for t in (self.style.source, self.style.licence) if t))
        if isinstance(date, QgsLayoutItemLabel):
            date.setText(self.style.date_text())

    def map_and_furniture(self, page: MapPage, header_shift: float) -> None:
        map_item = self.first("map", QgsLayoutItemMap)
        if map_item is None:
            raise MapError("map_template_invalid", file=self.path)
        box = _rect(map_item)
        box.setTop(box.top() + header_shift)
        rect = fit_rect(box, padded(page.extent))
        legend = self.first("legend", QgsLayoutItemLegend)
        note = self.by_id.get("method_note")
        bar = self.first("scale_bar", QgsLayoutItemScaleBar)
        arrow = self.by_id.get("north_arrow")
        legend_box = _rect(legend) if legend is not None else None
        for item in self.items:
            if item is map_item or item.id() in FOOTER_IDS + ("title", "subtitle", "logo", "accent"):
                continue
            self.follow(item, box, rect, header_shift)
        # an extent first: a template's map may have none, and resizing that gives NaN (DESIGN §6)
        map_item.setExtent(padded(page.extent))
        map_item.attemptSetSceneRect(rect)
        show_page(map_item, page)
        if bar is not None:
            bar.setLinkedMap(map_item)
            # the output language's marks (a template stores the author's)
            bar.setNumericFormat(numeric_format(getattr(self.style.words, "lang", "de")))
        if isinstance(arrow, QgsLayoutItemPicture):
            arrow.setLinkedMap(map_item)
            arrow.setPicturePath(arrow.picturePath() or north_arrow_path())
        if legend is not None:
            legend.setLinkedMap(map_item)
            beside = legend_box.left() >= box.right() - 0.1
            lost = (box.height() - rect.height()) if beside else 0.0
            width, height = legend_box.width(), legend_box.height() - lost
            where = _rect(legend)
            self.builder.fill_legend(legend, page, width, max(height, 10.0))
            legend.attemptMove(_point(where.left(), where.top()), False)
        if isinstance(note, QgsLayoutItemLabel):
            self.set_text(note, page.note)
            if legend is not None and abs(_rect(note).left() - _rect(legend).left()) < 1 \
                    and _rect(note).top() > _rect(legend).top():
                below = _rect(legend).bottom() + 2.5 * self.style.k
                self.move(note, 0, below - _rect(note).top())

    def follow(self, item, box: QRectF, rect: QRectF, header_shift: float) -> None:
        """An item beside the map keeps its distance to the map's right edge and to its top or
        bottom (whichever it is nearer); an item below the map to its bottom."""
        where = _rect(item)
        dx = dy = 0.0
        if where.left() >= box.right() - 0.1:  # beside
            dx = rect.right() - box.right()
            near_top = abs(where.top() - (box.top() - header_shift)) <= abs(box.bottom() - where.bottom())
            dy = header_shift if near_top else rect.bottom() - box.bottom()
        elif where.top() >= box.bottom() - 0.1:  # below
            dy = rect.bottom() - box.bottom()
        if dx or dy:
            self.move(item, dx, dy)

    def move(self, item, dx: float, dy: float) -> None:
        where = _rect(item)
        item.attemptMove(_point(where.left() + dx, where.top() + dy), False)


def _rect(item) -> QRectF:
    """The item's box in layout mm (without the frame's stroke that sceneBoundingRect adds)."""
    return QRectF(item.pos().x(), item.pos().y(), item.rect().width(), item.rect().height())


def _point(x: float, y: float):
    from qgis.core import QgsLayoutPoint

    return QgsLayoutPoint(x, y, MM)


def _qcolor(text: str):
    from qgis.PyQt.QtGui import QColor

    return QColor(text)
