"""Text and legends measured as the PDF export will measure them, before anything is painted.

QGIS 3.40 sizes a legend and lays out label text with the painter's device at export; measured
without a painter, a legend came out up to 2.6 mm larger than on the exported page (54.19 mm
before export, 52.95 mm after) and a pre-wrapped line could be wrapped again by the label.
So legends are measured with a painter on a PDF device at the layout's DPI (what
``QgsLayoutExporter.exportToPdf`` paints with), and a line of text fits only if it fits by both
QGIS's layout metrics (3.22 labels) and its text renderer's (3.40 labels and legends), with a
little room to spare.
"""
from __future__ import annotations

from contextlib import contextmanager

from qgis.core import (
    QgsLayoutUtils,
    QgsLegendRenderer,
    QgsRenderContext,
    QgsTextFormat,
    QgsTextRenderer,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import QBuffer, QIODevice
from qgis.PyQt.QtGui import QFont, QPainter, QPdfWriter


@contextmanager
def pdf_painter(dpi: float):
    """A painter on an in-memory PDF page at ``dpi``: the device an export measures text with."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(int(round(dpi)))
    painter = QPainter(writer)
    try:
        yield painter
    finally:
        painter.end()


def legend_size(legend):
    """The legend's content size in mm, measured now as the PDF export will: ``adjustBoxSize``
    does nothing until the item has been painted once, and a size measured without a painter
    differs from the exported one on QGIS 3.40."""
    layout = legend.layout()
    dpi = layout.renderContext().dpi()
    with pdf_painter(dpi) as painter:
        context = QgsLayoutUtils.createRenderContextForLayout(layout, painter, dpi)
        return QgsLegendRenderer(legend.model(), legend.legendSettings()).minimumSize(context)


# QGIS 3.40's labels wrap small type earlier than either measure says: measured on an exported
# PDF, a 7.5 pt line needs 1.4 % more room than its width (10.5 pt and more: 0.1 %).
SLACK = 1.02


def text_width_mm(font: QFont, text: str) -> float:
    """The room one line of ``font`` (points) needs in a label, in mm: the wider of QGIS's two
    measures plus SLACK (the text renderer's width does not depend on the device)."""
    text_format = QgsTextFormat.fromQFont(font)
    text_format.setSize(font.pointSizeF())
    text_format.setSizeUnit(QgsUnitTypes.RenderUnit.RenderPoints)
    context = QgsRenderContext()
    context.setScaleFactor(300 / 25.4)  # dots per mm: widths come back in dots
    rendered = QgsTextRenderer.textWidth(context, text_format, [text]) / context.scaleFactor()
    return max(QgsLayoutUtils.textWidthMM(font, text), rendered) * SLACK
