"""The profile sheet's page content as one layout item: texts, table, spine chart and locator.

Why one item and not twenty labels and pictures: QGIS 3.22 refreshes every layout item on every
atlas page, and each refresh builds several expression contexts that read the user's settings;
that costs ~0.7 ms per item per page whatever the item draws (measured with perf, see
bench/profiles_vs_atlas.py). A sheet of ~20 standard items cost 4.6× a bare atlas page. This item
draws the same page from a small declarative *spec* (rectangles, rules, texts with ``{field}``
placeholders, the spine chart and the locator) with QPainter, so text stays text in the PDF.

The detail map stays a normal map item, restylable in the layout designer; so do any items a
person adds. The spec is saved in the project and in templates (``writePropertiesToElement``).
Opening such a project needs the plugin loaded, which registers the item type; without it QGIS
drops the item with a warning and keeps the rest of the layout.
"""
from __future__ import annotations

import functools
import json
import re

from qgis.core import (
    QgsApplication,
    QgsFeature,
    QgsLayoutItem,
    QgsLayoutItemAbstractMetadata,
    QgsLayoutItemRegistry,
)
from qgis.PyQt.QtCore import QCoreApplication, QPointF, QRectF, Qt
from qgis.PyQt.QtGui import QBrush, QColor, QFont, QFontMetricsF, QIcon, QImage, QPen

ITEM_TYPE = QgsLayoutItemRegistry.PluginItem + 2471  # stable: it is written into projects
UNITS = 100.0  # the item paints in 1/100 mm, so fonts can take integer pixel sizes precisely
MM_PER_PT = 25.4 / 72
ALIGN = {"left": Qt.AlignmentFlag.AlignLeft, "right": Qt.AlignmentFlag.AlignRight,
         "center": Qt.AlignmentFlag.AlignHCenter}
VALIGN = {"top": Qt.AlignmentFlag.AlignTop, "middle": Qt.AlignmentFlag.AlignVCenter}
TONES = {"worse": "#d95f02", "better": "#1f78b4"}
MIDDLE_TONE, RANGE, MIDDLE_HALF, CITY = "#525252", "#e3e3e3", "#b8b8b8", "#222222"
HOUSE = "#1d3557"  # the header band and headings, until a person picks the city's own colour
ON_HOUSE = {"dark": {"title": "#ffffff", "subtitle": "#d0dbe8"},  # texts on the band, by its tone
            "light": {"title": "#111111", "subtitle": "#333333"}}
_LIVE: dict = {}  # id → item, see ProfileSheetItem.__init__
_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{(\w+)\}")


def sheet_font(family: str, size_pt: float, bold: bool = False) -> QFont:
    font = QFont(family)
    font.setPixelSize(max(1, round(size_pt * MM_PER_PT * UNITS)))
    font.setBold(bold)
    return font


def text_width_mm(family: str, size_pt: float, text: str, bold: bool = False) -> float:
    """Width of ``text`` as the item draws it (pixel-size fonts: no screen resolution involved)."""
    return QFontMetricsF(sheet_font(family, size_pt, bold)).horizontalAdvance(text) / UNITS


def line_pitch_mm(family: str, size_pt: float) -> float:
    """Distance of two lines of a multi-line text as QPainter.drawText sets them."""
    return QFontMetricsF(sheet_font(family, size_pt)).height() / UNITS


def literal(text: str) -> str:
    """``text`` for a spec text, its braces kept as they are (not read as placeholders)."""
    return text.replace("{", "{{").replace("}", "}}")


class ProfileSheetItem(QgsLayoutItem):
    """Draws a profile page from ``spec`` and the atlas feature (placeholders when there is none)."""

    def __init__(self, layout, spec: dict | None = None):
        super().__init__(layout)
        self.spec = spec or {}
        self._images = {}  # path → QImage: one decode, one embedded image in the PDF
        self._cache = (None, [])  # see _prepared
        # The layout owns the C++ item, but nothing keeps this Python object alive once the
        # wrappers of the layout and its manager are gone (sip): the item would draw nothing.
        # So it lives here until its C++ side is destroyed.
        key = id(self)
        _LIVE[key] = self
        self.destroyed.connect(functools.partial(_LIVE.pop, key, None))

    # --- identity and persistence -----------------------------------------------------------------
    def type(self):
        return ITEM_TYPE

    def icon(self):
        from ...toolbelt.paths import icon_path

        return QIcon(icon_path("profiles.svg"))

    def displayName(self):  # noqa: N802 (QGIS API)
        return self.id() or QCoreApplication.translate("ProfileSheetItem", "Profile sheet content")

    def writePropertiesToElement(self, element, document, context):  # noqa: N802
        spec = dict(self.spec)
        if spec.get("locator"):
            locator = dict(spec["locator"])
            locator["image"] = context.pathResolver().writePath(locator.get("image", ""))
            spec["locator"] = locator
        element.setAttribute("sozialraumSpec", json.dumps(spec, ensure_ascii=False))
        return True

    def readPropertiesFromElement(self, element, document, context):  # noqa: N802
        try:
            spec = json.loads(element.attribute("sozialraumSpec", "{}"))
        except ValueError:
            return False
        if spec.get("locator"):
            spec["locator"]["image"] = context.pathResolver().readPath(spec["locator"].get("image", ""))
        self.spec, self._images, self._cache = spec, {}, (None, [])
        return True

    # --- style (the properties widget, gui/sheet_item_widget.py) ---------------------------------
    def house_colour(self) -> str:
        return self.spec.get("house", HOUSE)

    def set_house_colour(self, colour: str) -> None:
        """The band and the headings take ``colour`` (they are tagged ``house`` in the spec); the
        band's texts turn dark on a light colour so they stay readable."""
        new = QColor(colour).name()
        rects, texts = self.spec.get("rects", []), self.spec.get("texts", [])
        tagged = any(len(r) > 5 for r in rects) or any(t.get("house") for t in texts)
        old = self.house_colour().lower()  # untagged specs: what has the house colour now

        def is_house(tag, current) -> bool:
            return bool(tag) if tagged else str(current).lower() == old
        for rect in rects:
            if is_house(len(rect) > 5 and rect[5] == "house", rect[4]):
                rect[4] = new
        shade = QColor(new)  # perceived brightness (ITU-R BT.601): yellow is light, blue dark
        tone = "light" if 0.299 * shade.redF() + 0.587 * shade.greenF() + 0.114 * shade.blueF() > 0.6 else "dark"
        for text in texts:
            if text.get("on_house"):
                text["colour"] = ON_HOUSE[tone][text["on_house"]]
            elif is_house(text.get("house"), text.get("colour", "")):
                text["colour"] = new
        self.spec["house"] = new
        self._cache = (None, [])
        self.update()

    # --- drawing ----------------------------------------------------------------------------------
    def draw(self, context):
        painter = context.renderContext().painter()
        if painter is None:
            return
        layout = self.layout()
        feature = layout.reportContext().feature() if layout is not None else QgsFeature()
        values = _Values(feature, layout)
        painter.save()
        scale = context.renderContext().scaleFactor() / UNITS
        painter.scale(scale, scale)
        try:
            self._shapes(painter)
            self._locator(painter, feature)
            self._spine(painter, values)
            self._texts(painter, values)
        finally:
            painter.restore()

    def _shapes(self, painter):
        rects, rules = self._prepared()[1:]
        for rect, colour in rects:
            painter.fillRect(rect, colour)
        for pen, start, end in rules:
            painter.setPen(pen)
            painter.drawLine(start, end)

    def _texts(self, painter, values):
        for template, rect, font, colour, flags, background in self._prepared()[0]:
            text = values.fill(template)
            if not text:
                continue
            if background is not None:
                painter.fillRect(rect, background)
            painter.setFont(font)
            painter.setPen(colour)
            painter.drawText(rect, flags, text)

    def _prepared(self) -> tuple:
        """Texts (rectangle, font, colour, flags), rectangles and rules as Qt objects, made once
        per spec, not per page: building them cost more than drawing them.

        A table column is one text of many lines: its rows follow the font's line height, which
        the plan used as the row pitch, so one call draws the whole column."""
        key = (self.spec.get("texts"), self.spec.get("rects"), self.spec.get("rules"))
        if self._cache[0] is None or any(a is not b for a, b in zip(self._cache[0], key)):
            family, texts = self.spec.get("font", ""), []
            for t in self.spec.get("texts", []):
                flags = _bits(ALIGN[t.get("align", "left")]) | _bits(VALIGN[t.get("valign", "top")])
                if t.get("wrap", True) and not t.get("pitch"):
                    flags |= _bits(Qt.TextFlag.TextWordWrap)
                background = QColor(t["background"]) if t.get("background") else None
                texts.append((t["text"], _rect(t["x"], t["y"], t["w"], t["h"]),
                              sheet_font(family, t["size"], t.get("bold", False)),
                              QColor(t.get("colour", CITY)), flags, background))
            rects = [(_rect(x, y, w, h), QColor(colour)) for x, y, w, h, colour, *_role in self.spec.get("rects", [])]
            rules = [(QPen(QColor(colour), width * UNITS), QPointF(x1 * UNITS, y1 * UNITS),
                      QPointF(x2 * UNITS, y2 * UNITS)) for x1, y1, x2, y2, colour, width in self.spec.get("rules", [])]
            self._cache = (key, (texts, rects, rules))
        return self._cache[1]

    def _spine(self, painter, values):
        """Per row: the range of all areas, the middle half, the city line and the district's dot."""
        spec = self.spec.get("spine")
        rows = values.json(spec["field"]) if spec else None
        if not rows:
            return
        inner_left, inner_w = (spec["x"] + 1) * UNITS, (spec["w"] - 2) * UNITS
        row_h = spec["row"] * UNITS
        bar_h = min(row_h, 7.5 * UNITS)
        centre, range_colour, half_colour, city_pen, dot_pen, brushes = _spine_tools()
        for i, (a, b, qa, qb, dot, tone) in enumerate(rows):
            mid = spec["y"] * UNITS + (i + 0.5) * row_h
            for lo, hi, colour in ((a, b, range_colour), (qa, qb, half_colour)):
                if lo is not None and hi is not None:
                    painter.fillRect(QRectF(inner_left + lo * inner_w, mid - 0.2 * bar_h, (hi - lo) * inner_w,
                                            0.4 * bar_h), colour)
            x = inner_left + inner_w * centre
            painter.setPen(city_pen)
            painter.drawLine(QPointF(x, mid - 0.38 * bar_h), QPointF(x, mid + 0.38 * bar_h))
            if dot is not None:
                radius = 0.26 * bar_h
                painter.setPen(dot_pen)
                painter.setBrush(brushes.get(tone, brushes[None]))
                painter.drawEllipse(QPointF(inner_left + dot * inner_w, mid), radius, radius)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _locator(self, painter, feature):
        """The city picture rendered once, the district drawn over it from the atlas geometry."""
        spec = self.spec.get("locator")
        if not spec:
            return
        frame = _rect(spec["x"], spec["y"], spec["w"], spec["h"])
        image = self._image(spec.get("image", ""))
        if image is not None:
            painter.drawImage(frame, image)
        geometry = feature.geometry() if feature.isValid() else None
        if geometry is None or geometry.isEmpty():
            return
        xmin, ymin, xmax, ymax = spec["extent"]
        scale = frame.width() / (xmax - xmin)  # the frame has the extent's shape
        box = geometry.boundingBox()
        painter.save()
        painter.translate(frame.x(), frame.y())
        painter.scale(scale, -scale)
        painter.translate(-xmin, -ymax)
        painter.setPen(QPen(QColor("#7f2704"), 0.25 * UNITS / scale))
        fill = QColor(TONES["worse"])
        fill.setAlphaF(0.85)
        painter.setBrush(QBrush(fill))
        geometry.constGet().draw(painter)
        painter.restore()
        span = max(box.width(), box.height()) * scale
        if span < min(frame.width(), frame.height()) * 0.08:  # a small district gets a ring as well
            centre = QPointF(frame.x() + (box.center().x() - xmin) * scale,
                             frame.y() + (ymax - box.center().y()) * scale)
            radius = max(span, 2 * UNITS) / 2 + 2.2 * UNITS
            painter.setPen(QPen(QColor(CITY), 0.45 * UNITS))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(centre, radius, radius)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _image(self, path: str):
        if path not in self._images:
            image = QImage(path) if path else QImage()
            self._images[path] = None if image.isNull() else image
        return self._images[path]


class _Values:
    """The atlas feature's fields for the placeholders; ‹name› where no feature is there (designer)."""

    def __init__(self, feature, layout):
        self.feature, self.layout = feature, layout
        self.valid = feature.isValid()

    def get(self, name: str) -> str:
        if name in ("page", "pages"):
            atlas = self.layout.atlas() if self.valid and hasattr(self.layout, "atlas") else None
            if atlas is None:
                return "#"
            return str(atlas.currentFeatureNumber() + 1 if name == "page" else atlas.count())
        if not self.valid:
            return f"\u2039{name}\u203a"
        index = self.feature.fieldNameIndex(name)
        value = self.feature.attribute(index) if index >= 0 else None
        return "" if value is None or value != value or str(value) == "NULL" else str(value)

    def fill(self, template: str) -> str:
        return _PLACEHOLDER.sub(lambda m: self.get(m.group(1)) if m.group(1) else m.group(0)[0], template)

    def json(self, name: str):
        if not self.valid:
            return None
        text = self.get(name)
        try:
            return json.loads(text) if text else None
        except ValueError:
            return None


@functools.lru_cache(maxsize=1)
def _spine_tools():
    """Colours, pens and brushes of the spine chart (made once: a QColor from a name parses it)."""
    brushes = {tone: QBrush(QColor(colour)) for tone, colour in TONES.items()}
    brushes[None] = QBrush(QColor(MIDDLE_TONE))
    return (0.5, QColor(RANGE), QColor(MIDDLE_HALF), QPen(QColor(CITY), 0.35 * UNITS),
            QPen(QColor("#ffffff"), 0.3 * UNITS), brushes)


def _bits(flag) -> int:
    """A Qt flag as int: PyQt6's enums do not combine across types (alignment | text flag)."""
    return int(getattr(flag, "value", flag))


def _rect(x, y, w, h) -> QRectF:
    return QRectF(x * UNITS, y * UNITS, w * UNITS, h * UNITS)


class _Metadata(QgsLayoutItemAbstractMetadata):
    def __init__(self):
        super().__init__(ITEM_TYPE, QCoreApplication.translate("ProfileSheetItem", "Profile sheet content"))

    def createItem(self, layout):  # noqa: N802 (QGIS API)
        return ProfileSheetItem(layout)


_METADATA = []  # the registry keeps it for the whole session: QGIS 3.22 cannot remove a type


def register() -> bool:
    """Make the item known to QGIS (projects and templates with it can be read). Idempotent."""
    registry = QgsApplication.layoutItemRegistry()
    if ITEM_TYPE in registry.itemTypes():
        return True
    metadata = _Metadata()
    _METADATA.append(metadata)
    return registry.addLayoutItemType(metadata)

