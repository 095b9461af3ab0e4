"""Type for print layouts: the house font, and fonts set the way the running QGIS wants them.

QGIS 3.22 styles labels and legend entries with a QFont; later versions with a QgsTextFormat and
warn (DeprecationWarning in every run) when given a QFont. Same type either way: the format is
the font at its point size.
"""
from __future__ import annotations

from qgis.core import QgsLayoutItemLabel, QgsLegendStyle, QgsTextFormat, QgsUnitTypes
from qgis.PyQt.QtGui import QColor, QFont, QFontDatabase

FONTS = ("Source Sans Pro", "Source Sans 3", "Noto Sans", "Open Sans", "Liberation Sans", "Arial",
         "DejaVu Sans")


def installed_families() -> set:
    try:  # Qt6: static
        return set(QFontDatabase.families())
    except TypeError:  # Qt5: an instance method
        return set(QFontDatabase().families())


def default_font() -> str:
    families = installed_families()
    return next((f for f in FONTS if f in families), QFont().family())


def text_format(font: QFont, base: QgsTextFormat | None = None) -> QgsTextFormat:
    """``base`` (or a new format) with ``font`` at its point size."""
    fmt = QgsTextFormat(base) if base is not None else QgsTextFormat()
    fmt.setFont(font)
    fmt.setSize(font.pointSizeF())
    fmt.setSizeUnit(QgsUnitTypes.RenderUnit.RenderPoints)
    return fmt


def set_label_font(item: QgsLayoutItemLabel, font: QFont, colour) -> None:
    if hasattr(item, "setTextFormat"):  # QGIS 3.24 and later
        fmt = text_format(font)
        fmt.setColor(QColor(colour))
        item.setTextFormat(fmt)
    else:
        item.setFont(font)
        item.setFontColor(QColor(colour))


def set_legend_font(legend, style, font: QFont) -> None:
    if hasattr(QgsLegendStyle, "setTextFormat"):  # QGIS 3.30 and later
        legend_style = legend.style(style)
        legend_style.setTextFormat(text_format(font, legend_style.textFormat()))
        legend.setStyle(style, legend_style)
    else:
        legend.setStyleFont(style, font)


def label_font(item: QgsLayoutItemLabel) -> tuple[QFont, QColor]:
    """The label's font (at its point size) and colour, as ``set_label_font`` takes them."""
    if hasattr(item, "textFormat"):  # QGIS 3.24 and later
        fmt = item.textFormat()
        font = QFont(fmt.font())
        size = fmt.size()
        if fmt.sizeUnit() == QgsUnitTypes.RenderUnit.RenderMillimeters:
            size = size / 0.3528
        font.setPointSizeF(size)
        return font, fmt.color()
    return QFont(item.font()), item.fontColor()
